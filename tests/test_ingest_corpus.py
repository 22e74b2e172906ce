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
