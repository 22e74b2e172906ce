"""init, ingest, review, accept and html --draft, through the API and the CLI."""

from __future__ import annotations

import difflib
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from _ingest_docs import SYNTHETIC_REPORT, make_docx

import graph
from graph._cli import main

DOC_TEXT = "星河科技园工作简报\n露露股份与星河大学签订了合作协议。青禾物流园项目完成选址。\n"


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _draft(root: Path, sid: str) -> dict[str, Any]:
    data = yaml.safe_load((root / "drafts" / f"{sid}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _set_review(root: Path, sid: str, decide: Callable[[dict[str, Any]], str]) -> None:
    path = root / "drafts" / f"{sid}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for rec in (*data["entities"], *data["relations"]):
        rec["review"] = decide(rec)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


# -- init ------------------------------------------------------------------------------


def test_init_makes_a_folder_the_loader_accepts(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "new")
    kg = graph.load(root)
    assert len(kg) == 0 and kg.relations() == ()
    assert (root / "drafts").is_dir()
    code, out = _run("--data", str(root), "stats")
    assert code == 0 and "0 entities" in out
    with pytest.raises(graph.ArgumentError, match="pick a new folder"):
        graph.init(root)
    (tmp_path / "file").write_text("x")
    with pytest.raises(graph.ArgumentError, match="pass a new folder name"):
        graph.init(tmp_path / "file")


# -- ingest ----------------------------------------------------------------------------


def test_ingest_keeps_bytes_text_record_and_draft(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "Qinghe Report 2023.txt"
    raw = SYNTHETIC_REPORT.encode("gb18030")
    doc.write_bytes(raw)
    result = graph.ingest(doc, data=root, date="2023-12", origin="synthetic test document")
    assert result.source == "qinghe-report-2023"
    assert result.encoding == "gb18030" and result.format == "txt"
    stored = root / "sources" / "qinghe-report-2023.raw.txt"
    assert stored.read_bytes() == raw  # byte for byte
    text = (root / "sources" / "qinghe-report-2023.txt").read_text(encoding="utf-8")
    assert text == graph.normalize(SYNTHETIC_REPORT)
    record = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))[0]
    assert record["id"] == "qinghe-report-2023"
    assert record["title"] == "青禾高新区2023年工作进展情况"  # the first line
    assert hashlib.sha256(raw).hexdigest() in record["origin"]
    assert record["date"] == "2023-12" and "synthetic test document" in record["origin"]
    assert "decoded from gb18030 (detected)" in record["processing"]
    kg = graph.load(root)
    assert kg.source("qinghe-report-2023").text == text
    assert kg.source("qinghe-report-2023").date == "2023-12"
    draft = _draft(root, "qinghe-report-2023")
    assert draft["source"] == "qinghe-report-2023"
    assert result.new_entities == len(draft["entities"]) > 10
    for rec in (*draft["entities"], *draft["relations"]):
        assert rec["review"] == "pending"
        assert all(ev["quote"] in text for ev in rec["evidence"])


def test_utf8_text_keeps_a_checked_raw_field(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    graph.ingest(doc, data=root)
    record = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))[0]
    assert record["raw"] == "brief.raw.txt"
    assert record["raw_sha256"] == hashlib.sha256(DOC_TEXT.encode()).hexdigest()
    (root / "sources" / "brief.raw.txt").write_text(DOC_TEXT + "改", encoding="utf-8")
    with pytest.raises(graph.DataError, match="has changed"):  # the loader checks it
        graph.load(root)


def test_same_bytes_are_a_no_op_changed_bytes_need_force(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    graph.ingest(doc, data=root)
    before = _files(root)
    again = graph.ingest(doc, data=root)
    assert again.unchanged and "nothing changed" in str(again)
    assert _files(root) == before
    other = tmp_path / "copy.txt"
    other.write_bytes(doc.read_bytes())
    with pytest.raises(graph.ArgumentError, match="review that one with `kg --data"):
        graph.ingest(other, data=root)
    doc.write_text(DOC_TEXT + "白鹭物流园项目即将开工。\n", encoding="utf-8")
    with pytest.raises(graph.ArgumentError, match=r"--id NEW-ID.*--force"):
        graph.ingest(doc, data=root)
    assert _files(root) == before
    graph.ingest(doc, data=root, force=True)
    assert "即将开工" in graph.load(root).source("brief").text
    records = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["brief"]


def test_force_that_would_lose_accepted_quotes_is_undone(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    graph.ingest(doc, data=root)
    _set_review(root, "brief", lambda rec: "accepted")
    graph.accept("brief", data=root)
    before = _files(root)
    doc.write_text("星河科技园工作简报\n今年没有新的合作。\n", encoding="utf-8")
    with pytest.raises(graph.DataError, match="quote not found"):
        graph.ingest(doc, data=root, force=True)
    assert _files(root) == before  # every file put back


def test_docx_ingest_into_a_curated_folder_matches_known_names(sample_data: Path) -> None:
    doc = sample_data.parent / "brief.docx"
    doc.write_bytes(make_docx(DOC_TEXT.splitlines()))
    result = graph.ingest(doc, data=sample_data, id="brief", author="承德高新区")
    assert result.format == "docx" and result.encoding is None
    assert (sample_data / "sources" / "brief.raw.docx").read_bytes() == doc.read_bytes()
    draft = _draft(sample_data, "brief")
    matched = {e["name"]: e["match"] for e in draft["entities"] if e["match"]}
    assert matched["露露股份"] == "lulu"
    assert {"source": "lulu", "target": "星河大学"}.items() <= next(
        r for r in draft["relations"] if r["type"] == "signed_agreement"
    ).items()
    graph.load(sample_data)  # still loads, with both sources


@pytest.mark.parametrize(
    "setup",
    [
        lambda tmp: tmp / "missing.txt",
        lambda tmp: tmp,  # a folder
    ],
)
def test_ingest_bad_input_changes_nothing(tmp_path: Path, setup: Callable[[Path], Path]) -> None:
    root = graph.init(tmp_path / "data")
    before = _files(root)
    with pytest.raises(graph.ReadError):
        graph.ingest(setup(tmp_path), data=root)
    assert _files(root) == before


def test_ingest_needs_a_data_folder(tmp_path: Path) -> None:
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    with pytest.raises(graph.ReadError, match="kg init"):  # says how to make one
        graph.ingest(doc, data=tmp_path / "nowhere")


# -- review and accept -----------------------------------------------------------------


@pytest.fixture
def ingested(sample_data: Path) -> Path:
    doc = sample_data.parent / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    graph.ingest(doc, data=sample_data, id="brief", author="承德高新区")
    return sample_data


def test_review_is_a_bilingual_table(ingested: Path) -> None:
    table = graph.review("brief", data=ingested)
    for words in ("New entities 新实体", "图中已有的实体", "Relations 关系", "露露股份", "-> lulu"):
        assert words in table
    assert f"kg --data {ingested} accept brief" in table


def test_accept_merges_accepted_and_keeps_the_rest(ingested: Path) -> None:
    entities_before = (ingested / "entities" / "entities.yaml").read_text(encoding="utf-8")
    _set_review(
        ingested,
        "brief",
        lambda rec: (
            "rejected"
            if rec.get("name") == "青禾物流园项目" or rec.get("target") == "青禾物流园项目"
            else "accepted"
        ),
    )
    result = graph.accept("brief", data=ingested)
    assert result.new_entities >= 1 and result.new_relations >= 1 and result.evidence_added >= 1
    kg = graph.load(ingested)
    lulu = kg.entity("lulu")
    assert {ev.source for ev in lulu.evidence} == {"report", "brief"}  # both reports
    star = kg.entity("星河大学")
    assert star.type is graph.EntityType.UNIVERSITY and star.evidence[0].source == "brief"
    assert any(r.source == "lulu" and r.target == star.id for r in kg.relations())
    assert "青禾物流园项目" not in kg
    # the curated file keeps every line; new quotes are only inserted into evidence lists
    after = (ingested / "entities" / "entities.yaml").read_text(encoding="utf-8")
    ops = difflib.SequenceMatcher(None, entities_before.splitlines(), after.splitlines())
    inserted = [
        line
        for tag, _, _, j1, j2 in ops.get_opcodes()
        if tag != "equal"
        for line in after.splitlines()[j1:j2]
    ]
    assert {tag for tag, *_ in ops.get_opcodes()} == {"equal", "insert"}
    assert inserted and all(
        line.lstrip().startswith(('- source: "brief"', "quote: ")) for line in inserted
    )
    assert (ingested / "entities" / "brief.yaml").is_file()
    left = _draft(ingested, "brief")
    assert {e["review"] for e in left["entities"]} == {"rejected"}
    assert len(left["entities"]) + len(left["relations"]) == result.left_in_draft
    # accepting again changes nothing: the merged records are gone from the draft
    snapshot = _files(ingested)
    again = graph.accept("brief", data=ingested)
    assert (again.new_entities, again.new_relations, again.evidence_added) == (0, 0, 0)
    assert {k: v for k, v in _files(ingested).items() if "drafts" not in k} == {
        k: v for k, v in snapshot.items() if "drafts" not in k
    }


def test_accept_after_a_half_finished_run_completes_it(ingested: Path) -> None:
    _set_review(ingested, "brief", lambda rec: "accepted")
    draft = (ingested / "drafts" / "brief.yaml").read_text(encoding="utf-8")
    graph.accept("brief", data=ingested)
    merged = _files(ingested)
    (ingested / "drafts" / "brief.yaml").write_text(draft, encoding="utf-8")  # as if killed
    graph.accept("brief", data=ingested)
    graph.load(ingested)
    assert {k: v for k, v in _files(ingested).items() if "drafts" not in k} == {
        k: v for k, v in merged.items() if "drafts" not in k
    }


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda text: text.replace("entities:", "entities: [", 1), "not valid YAML"),
        (lambda text: text.replace("review: pending", "review: maybe", 1), "review must be one of"),
        (lambda text: text.replace("type: university", "type: universty", 1), "unknown type"),
        (lambda text: "- just a list\n", "a draft is a mapping"),
    ],
)
def test_a_broken_draft_gets_a_clear_message(
    ingested: Path, edit: Callable[[str], str], message: str
) -> None:
    path = ingested / "drafts" / "brief.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = _files(ingested)
    with pytest.raises(graph.ReadError, match=message):
        graph.accept("brief", data=ingested)
    assert _files(ingested) == before


def test_an_invalid_accepted_record_changes_nothing(ingested: Path) -> None:
    def decide(rec: dict[str, Any]) -> str:
        if rec.get("name") == "星河大学":
            rec["evidence"][0]["quote"] = "这句话不在原文里"
        return "accepted"

    _set_review(ingested, "brief", decide)
    before = _files(ingested)
    with pytest.raises(graph.DataError, match="do not validate; nothing was changed") as info:
        graph.accept("brief", data=ingested)
    assert any("quote not found" in p.message for p in info.value.problems)
    for problem in info.value.problems:  # problems name the real files, not the staged copy
        assert problem.file.is_relative_to(ingested), problem
    assert str(ingested) in str(info.value)
    assert _files(ingested) == before


def test_a_relation_to_an_entity_not_accepted_is_refused(ingested: Path) -> None:
    _set_review(ingested, "brief", lambda rec: "accepted" if "source" in rec else "pending")
    before = _files(ingested)
    with pytest.raises(graph.KGError, match="not accepted; accept that entity too"):
        graph.accept("brief", data=ingested)
    assert _files(ingested) == before


def test_no_draft(sample_data: Path) -> None:
    with pytest.raises(graph.NotFoundError, match=r"no draft at .*kg ingest"):
        graph.accept("nothing", data=sample_data)


# -- the draft on the graph, and the CLI ---------------------------------------------


def test_draft_graph_marks_proposals(ingested: Path) -> None:
    _set_review(
        ingested,
        "brief",
        lambda rec: "rejected" if rec.get("name") == "青禾物流园项目" else "pending",
    )
    kg = graph.draft_graph("brief", data=ingested)
    star = kg.entity("星河大学")
    assert star.attributes["draft"] is True
    assert kg.entity("lulu").attributes.get("draft") is None  # curated stays curated
    assert "青禾物流园项目" not in kg  # rejected: left out
    drafted = [r for r in kg.relations() if r.attributes.get("draft")]
    assert drafted and all(r.evidence[0].source == "brief" for r in drafted)


def test_draft_graph_keeps_readings_visible(ingested: Path) -> None:
    """A proposal read with an unstated subject is drawn as a reading, not as stated."""
    path = ingested / "drafts" / "brief.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = data["relations"][0]
    first.update(basis="unstated_subject", notes="read as the author's", notes_zh="作者")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kg = graph.draft_graph("brief", data=ingested)
    drafted = [r for r in kg.relations() if r.attributes.get("draft")]
    read = [r for r in drafted if r.basis is graph.Basis.UNSTATED_SUBJECT]
    in_draft = [r for r in data["relations"] if r.get("basis") == "unstated_subject"]
    assert len(read) == len(in_draft) >= 2  # the extractor's own reading and the edited one
    assert all(r.inferred and r.notes for r in read)
    assert "作者" in {r.notes_zh for r in read}
    first["basis"] = "guessed"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(graph.ReadError, match="unknown basis 'guessed'; use one of: stated"):
        graph.draft_graph("brief", data=ingested)


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = tmp_path / "mydata"
    doc = tmp_path / "qinghe.txt"
    doc.write_bytes(SYNTHETIC_REPORT.encode("gb18030"))
    assert _run("init", str(root))[0] == 0
    code, out = _run("--data", str(root), "ingest", str(doc), "--id", "qh", "--title-en", "Qinghe")
    assert code == 0 and "gb18030" in out and f"kg --data {root} review qh" in out
    code, out = _run("review", "qh", "--data", str(root))
    assert code == 0 and "青禾高新区" in out
    html = tmp_path / "draft.html"
    code, out = _run("--data", str(root), "html", "--draft", "qh", "-o", str(html))
    assert code == 0 and '"draft":true' in html.read_text(encoding="utf-8").replace(" ", "")
    _set_review(root, "qh", lambda rec: "accepted")
    code, out = _run("--data", str(root), "accept", "qh")
    assert code == 0 and "new entities" in out
    code, out = _run("--data", str(root), "show", "星河大学")
    assert code == 0 and "青禾高新区与星河大学签订了战略合作协议" in out


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = graph.init(tmp_path / "data")
    code, _ = _run("--data", str(root), "ingest", str(tmp_path / "none.txt"))
    assert code == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\x80\x80\x80\xff\xff")
    assert _run("--data", str(root), "ingest", str(bad))[0] == 1
    assert "--encoding" in capsys.readouterr().err
    assert _run("--data", str(root), "accept", "none")[0] == 1
    assert "no draft" in capsys.readouterr().err


def test_commands_have_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("init", "ingest", "review", "accept"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "Example: kg " + command in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["html", "--help"])
    assert "kg html --draft" in capsys.readouterr().out


# -- many sources ----------------------------------------------------------------------


def _ingest_text(root: Path, sid: str, text: str, date: str) -> None:
    doc = root.parent / f"{sid}.txt"
    doc.write_text(text, encoding="utf-8")
    graph.ingest(doc, data=root, id=sid, date=date, author="承德高新区")
    _set_review(root, sid, lambda rec: "accepted")
    graph.accept(sid, data=root)


def test_two_sources_two_statuses_both_kept_latest_current(sample_data: Path) -> None:
    _ingest_text(
        sample_data,
        "y2015",
        "简报\n青禾物流园项目正在开展前期工作。露露股份与星河大学正在洽谈合作。\n",
        "2015",
    )
    _ingest_text(
        sample_data,
        "y2016",
        "简报\n青禾物流园项目已开工建设。露露股份与星河大学签订了合作协议。\n",
        "2016-03",
    )
    kg = graph.load(sample_data)
    steps = graph.history(kg, "承德高新区", "青禾物流园项目")
    assert [(str(r.type), str(r.status)) for r in steps] == [
        ("works_on", "preliminary_work"),
        ("works_on", "under_construction"),
    ]
    assert [r.evidence[0].source for r in steps] == ["y2015", "y2016"]
    ties = graph.history(kg, "露露股份", "星河大学")
    assert [str(r.type) for r in ties] == ["negotiation", "signed_agreement"]
    then = graph.as_of(kg, "2015-12")
    assert [str(r.status) for r in graph.history(then, "承德高新区", "青禾物流园项目")] == [
        "preliminary_work"
    ]
    now = graph.as_of(kg, "2016")
    assert [str(r.type) for r in graph.history(now, "露露股份", "星河大学")] == ["signed_agreement"]
    assert "y2016" not in {s.id for s in then.sources()}
    code, out = _run("--data", str(sample_data), "history", "承德高新区", "青禾物流园项目")
    assert code == 0 and "under_construction" in out and "(y2016, 2016-03)" in out
    assert "(current)" in out.splitlines()[-2]


def test_a_bad_date_is_refused(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    with pytest.raises(graph.ArgumentError, match="YYYY-MM-DD"):
        graph.ingest(doc, data=root, date="March 2016")


def test_the_installed_sample_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph._ingest import _store
    from graph._paths import DataFolder

    sample = graph.init(tmp_path / "_sample")
    monkeypatch.setattr(_store, "BUNDLED_DATA", sample)
    monkeypatch.setattr(_store, "find_data", lambda: DataFolder(sample, "bundled"))
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    before = _files(sample)
    with pytest.raises(graph.ArgumentError, match="kg init mydata"):
        graph.ingest(doc)
    with pytest.raises(graph.ArgumentError, match="kg init mydata"):
        graph.accept("brief")
    assert _files(sample) == before


# -- a new user's run, end to end ------------------------------------------------------


def test_ingest_says_whose_work_subjectless_sentences_are(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(
        "工作简报\n举办了产业对接会。露露股份与星河大学签订了合作协议。\n", encoding="utf-8"
    )
    code, out = _run("--data", str(root), "ingest", str(doc))
    assert code == 0 and "1 relation proposed" in out  # no subject, no author: one relation
    assert "no author" in out and "--author NAME" in out
    code, out = _run("--data", str(root), "ingest", str(doc), "--force", "--author", "星河高新区")
    assert code == 0 and "2 relations proposed" in out
    assert "read as the work of 星河高新区" in out
    assert f"`kg --data {root} review brief`" in out


def test_a_fully_accepted_draft_still_reviews_and_draws(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(DOC_TEXT, encoding="utf-8")
    graph.ingest(doc, data=root)
    _set_review(root, "brief", lambda rec: "accepted")
    graph.accept("brief", data=root)
    assert "entities: []" in (root / "drafts" / "brief.yaml").read_text(encoding="utf-8")
    code, out = _run("--data", str(root), "review", "brief")
    assert code == 0 and "nothing left to review" in out
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out = _run("--data", str(root), "html", "--draft", "brief", "-o", f"{out_dir}/")
    assert code == 0 and (out_dir / "draft-brief.html").is_file()
    code, out = _run("--data", str(root), "show", "星河大学")
    # no English name yet: the Chinese name is not printed twice
    assert code == 0 and out.splitlines()[0] == "星河大学"
    assert "露露股份 露露股份" not in out


def test_a_heading_under_a_generic_title_names_the_author(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "page.txt"
    doc.write_text("工作进展\n星河开发区简报\n开发区与星河大学签订了合作协议。\n", encoding="utf-8")
    result = graph.ingest(doc, data=root)
    assert result.author == "星河开发区"
    (rel,) = _draft(root, "page")["relations"]
    assert (rel["source"], rel["type"], rel["target"]) == (
        "星河开发区",
        "signed_agreement",
        "星河大学",
    )
    assert "basis" not in rel or rel["basis"] == "stated"
    doc2 = tmp_path / "page2.txt"  # a first line that is a sentence is no heading
    doc2.write_text("工作进展\n星河开发区与星河大学签订了合作协议。\n", encoding="utf-8")
    assert graph.ingest(doc2, data=root).author is None
