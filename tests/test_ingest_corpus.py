"""A corpus ingest: several documents or a folder, matched across their drafts.

Texts written for these tests (never corpus text).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import graph
from graph._cli import main
from graph._ingest._corpus import ingest_corpus
from graph._ingest._draft import load_draft


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    (d / "a.txt").write_text("甲报告\n华远集团与天津大学签署合作协议。\n", encoding="utf-8")
    (d / "b.txt").write_text("乙报告\n天津大学与南开大学签署合作协议。\n", encoding="utf-8")
    (d / "notes.md").write_text("not a document", encoding="utf-8")
    return d


def _accept_all(root: Path, sid: str) -> None:
    path = root / "drafts" / f"{sid}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("review: pending", "review: accepted"),
        encoding="utf-8",
    )
    graph.accept(sid, data=root)


def test_a_repeated_organisation_is_one_node(tmp_path: Path, folder: Path) -> None:
    root = graph.init(tmp_path / "data")
    result = ingest_corpus([folder], data=root)
    assert [r.source for r in result.results] == ["a", "b"]  # notes.md is no document
    b = load_draft(root / "drafts" / "b.yaml")
    tianda = next(e for e in b.entities if e["name"] == "天津大学")
    a = load_draft(root / "drafts" / "a.yaml")
    assert tianda["match"] == next(e["id"] for e in a.entities if e["name"] == "天津大学")
    assert list(result.shared.values()) == [("a", "b")]
    _accept_all(root, "a")
    _accept_all(root, "b")
    names = sorted(e.name for e in graph.load(root))
    assert names == sorted(["华远集团", "天津大学", "南开大学"])


def test_the_cli_takes_a_folder_or_several_files(tmp_path: Path, folder: Path) -> None:
    root = graph.init(tmp_path / "data")
    code, out = _run("--data", str(root), "ingest", str(folder))
    assert code == 0 and "2 document(s)" in out and "named by several" in out
    root2 = graph.init(tmp_path / "data2")
    code, out = _run("--data", str(root2), "ingest", str(folder / "a.txt"), str(folder / "b.txt"))
    assert code == 0 and "2 document(s)" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--id", "x"], "--id name one document"),
        (["--title", "x"], "--title name one document"),
    ],
)
def test_single_document_options_are_refused_for_several(
    tmp_path: Path, folder: Path, extra: list[str], message: str
) -> None:
    root = graph.init(tmp_path / "data")
    code, out = _run("--data", str(root), "ingest", str(folder), *extra)
    assert code != 0 and message in out and "Traceback" not in out
    assert not list((root / "drafts").glob("*.yaml"))


def test_a_missing_path_or_an_empty_folder_is_a_clear_error(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    (tmp_path / "empty").mkdir()
    with pytest.raises(graph.KGError, match="no document in this folder"):
        ingest_corpus([tmp_path / "empty"], data=root)
    with pytest.raises(graph.KGError, match="no such file or folder"):
        ingest_corpus([tmp_path / "nope"], data=root)


def test_words_that_mean_something_only_in_their_report_match_nothing(tmp_path: Path) -> None:
    # 签约仪式, 市政府, 高新区: each report's own; two reports do not share them
    d = tmp_path / "two-zones"
    d.mkdir()
    (d / "a.txt").write_text(
        "东岭高新区与华远集团签约\n东岭高新区与华远集团签署合作协议，市政府领导出席签约仪式。"
        "高新区将为项目提供服务。\n",
        encoding="utf-8",
    )
    (d / "b.txt").write_text(
        "北岭高新区与华远集团签约\n北岭高新区与华远集团签署投资协议，市政府领导出席签约仪式。"
        "高新区将为项目提供服务。\n",
        encoding="utf-8",
    )
    root = graph.init(tmp_path / "data")
    result = ingest_corpus([d], data=root)
    b = load_draft(root / "drafts" / "b.yaml")
    matched = {rec["name"] for rec in b.entities if rec.get("match")}
    assert matched == {"华远集团"}  # the firm both name, and nothing else
    assert list(result.shared.values()) == [("a", "b")]


def test_a_new_report_is_not_matched_to_another_reports_short_forms(tmp_path: Path) -> None:
    # the data holds a zone with the alias 高新区 and an event 发布会; a report about
    # another zone that says 高新区 and 发布会 speaks of its own
    (tmp_path / "a.txt").write_text(
        "东岭高新区举办发布会\n东岭高新区举办了东岭文化产业发布会。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "北岭高新区与华远集团合作\n北岭高新区与华远集团签署合作协议。高新区领导出席了发布会。\n",
        encoding="utf-8",
    )
    root = graph.init(tmp_path / "data")
    graph.ingest(tmp_path / "a.txt", data=root)
    path = root / "drafts" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    # as curators write it: the short form the report uses, as an alias
    path.write_text(text.replace("aliases: []", "aliases: [高新区]", 1), encoding="utf-8")
    _accept_all(root, "a")
    kg = graph.load(root, cache=False)
    assert "高新区" in kg.entity("东岭高新区").aliases
    graph.ingest(tmp_path / "b.txt", data=root)
    b = load_draft(root / "drafts" / "b.yaml")
    assert not [rec["name"] for rec in b.entities if rec.get("match")]
    sides = {(r["source"], r["target"]) for r in b.relations}
    assert all(kg.entity("东岭高新区").id not in pair for pair in sides), sides
