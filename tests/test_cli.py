"""The kg command line: exit codes, output, help for every command."""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _helpers import SAMPLE_TEXT

import graph
from graph._cli import COMMANDS, build_parser, main

CLI_DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        code = main(list(argv), out)
    except SystemExit as exc:  # argparse usage errors and --help
        code = int(exc.code or 0)
    return code, out.getvalue()


def test_show_prints_a_bilingual_card_with_evidence() -> None:
    code, out = run("show", "Tianjin University")
    assert code == 0
    assert "天津大学 · Tianjin University" in out
    assert "承德石油高等专科学校" in out
    assert "「承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班」" in out


def test_partners_text_and_json() -> None:
    code, out = run("partners", "天津大学")
    assert code == 0 and "Chengde Petroleum College" in out
    code, out = run("partners", "Lulu", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 7
    assert all(p["collective"] for p in data)
    assert "清华大学" in out  # Chinese written as Chinese, not \\u escapes


def test_path() -> None:
    code, out = run("path", "露露股份", "清华大学")
    assert code == 0 and "2 step(s)" in out
    code, _ = run("path", "露露股份", "天津大学")
    assert code == 1


def test_find_stats_rank_validate() -> None:
    code, out = run("find", "--type", "project", "--status", "signed", "--json")
    assert code == 0 and {e["type"] for e in json.loads(out)} == {"project"}
    code, out = run("stats", "--json")
    assert code == 0 and json.loads(out)["entities"] >= 50
    code, out = run("rank", "betweenness", "--top", "1")
    assert code == 0 and "承德高新区" in out
    code, out = run("validate")
    assert code == 0 and out.startswith("ok:")


def test_normalize(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text("領(lǐng)導(dǎo) IDC 北 京", encoding="utf-8")  # one space: no wrapping shown
    code, out = run("normalize", str(raw))
    assert code == 0 and out == "领导 IDC 北 京"
    target = tmp_path / "out.txt"
    code, _ = run("normalize", str(raw), "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == "领导 IDC 北 京"
    code, _ = run("normalize", str(raw), "-o", str(tmp_path))
    assert code == 1 and target.read_text(encoding="utf-8") == "领导 IDC 北 京"
    code, _ = run("normalize", str(tmp_path / "missing.txt"))
    assert code == 1


def test_normalize_refuses_fifos_and_devices_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    for path in (fifo, Path("/dev/zero")):  # /dev/zero would fill the memory
        code, _ = run("normalize", str(path))
        err = capsys.readouterr().err
        assert code == 1 and "not a regular file" in err, err


def test_unknown_name_is_one_line_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("show", "Tianjn University")
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("kg: error: no entity is called 'Tianjn University'; did you mean")
    assert "Traceback" not in err and err.count("\n") == 1


def test_bad_data_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    import graph

    data = tmp_path / "data"
    shutil.copytree(graph.DEFAULT_DATA, data)
    f = data / "entities" / "academia.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace("type: university", "type: univ", 2), encoding="utf-8"
    )
    code, _ = run("validate", str(data))
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("kg: 2 problems in the data; nothing was loaded")
    assert err.count("academia.yaml:") == 2 and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["find", "--type", "company"],
        ["rank", "--top", "-3"],
        ["rank", "--top", "0"],
        ["rank", "--top", "many"],
        ["html", "--depth", "-1"],
        ["bogus"],
        ["show"],
    ],
)
def test_argument_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out = run(*argv)
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert err.startswith("kg: usage error: ") and err.count("\n") == 1, err
    assert "--help" in err


def test_json_errors_are_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("show", "天津大雪", "--json")
    assert code == 1 and capsys.readouterr().err == ""
    data = json.loads(out)
    assert data["error"].startswith("no entity is called '天津大雪'")
    assert data["suggestions"] == ["天津大学 (Tianjin University)"]
    code, out = run("rank", "--top", "0", "--json")
    assert code == 2 and "--top" in json.loads(out)["error"]
    code, out = run("path", "露露股份", "天津大学", "--json")
    assert code == 1 and "no chain" in json.loads(out)["error"]


def test_bad_data_with_json_lists_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text("- id: [\n", encoding="utf-8")
    code, out = run("--data", str(tmp_path), "stats", "--json")
    data = json.loads(out)
    assert code == 1 and any("sources.yaml:" in p for p in data["problems"])


def test_repeated_evidence_is_shown_once() -> None:
    code, out = run("partners", "Lulu")
    assert code == 0
    group_quote = "开展了科技合作、技术对接,引进科技成果等」"
    assert out.count(group_quote) == 1
    assert "same quote as above" in out
    code, out = run("show", "露露股份")
    assert code == 0 and out.count(group_quote) == 1


def test_control_characters_are_escaped(make_data: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from _helpers import SAMPLE_ENTITIES, SAMPLE_RELATIONS

    evil = {
        "id": "evil",
        "type": "enterprise",
        "name": "恶意\x1b[2J\x1b]0;pwned\x07公司",
        "name_en": "Evil\rOK \u202eevil\u202c \x9b31m",
        "aliases": ["evil"],
        "evidence": [{"source": "report", "quote": "露露股份"}],
    }
    data = make_data(entities=[*SAMPLE_ENTITIES, evil], relations=SAMPLE_RELATIONS)
    for argv in (["show", "evil"], ["find", "--text", "evil"], ["partners", "evil"]):
        code, out = run("--data", str(data), *argv)
        assert code == 0, capsys.readouterr().err
        for raw in ("\x1b", "\x07", "\r", "\u202e", "\u202c", "\x9b"):
            assert raw not in out, (argv, raw)
    code, out = run("--data", str(data), "show", "evil")
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\x0d" in out
    code, out = run("--data", str(data), "show", "evil", "--json")
    assert json.loads(out)["entity"]["name"] == evil["name"]  # JSON keeps the data as it is
    code, _ = run("--data", str(data), "show", "nobody\x1b[2J")
    assert "\x1b" not in capsys.readouterr().err


def test_output_into_a_folder(tmp_path: Path) -> None:
    code, _ = run("html", "-o", str(tmp_path), "--focus", "天津大学")
    assert code == 0 and (tmp_path / "graph.html").is_file()
    code, _ = run("html", "-o", f"{tmp_path}/new/", "--focus", "天津大学")
    assert code == 0 and (tmp_path / "new" / "graph.html").is_file()
    code, _ = run("export", "gexf", "-o", f"{tmp_path}/ex/", "--focus", "天津大学")
    assert code == 0 and (tmp_path / "ex" / "graph.gexf").is_file()


def test_empty_selection_keeps_the_old_page(tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    page.write_text("old page", encoding="utf-8")
    argv = ["html", "-o", str(page), "--type", "university", "--type", "enterprise"]
    code, _ = run(*argv, "--status", "signed")
    assert code == 1 and page.read_text(encoding="utf-8") == "old page"


def test_path_marks_steps_the_source_does_not_state(make_data: Any, tmp_path: Path) -> None:
    from _helpers import SAMPLE_RELATIONS

    reading = {
        "source": "hitech-zone",
        "target": "lulu",
        "type": "cooperation",
        "status": "carried_out",
        "basis": "inferred",
        "notes": "a reading of the sentence",
        "evidence": [{"source": "report", "quote": "露露股份"}],
    }
    data = make_data(relations=[*SAMPLE_RELATIONS, reading])
    code, out = run("--data", str(data), "path", "高新区", "露露股份")
    assert code == 0 and "[inferred:" in out and "not stated as such" in out


def test_version_and_python_m_graph() -> None:
    assert run("--version")[0] == 0
    result = subprocess.run(
        [sys.executable, "-m", "graph", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("kg ")


def test_stats_says_which_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_data: Path
) -> None:
    import graph

    monkeypatch.delenv("KG_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out = run("stats")
    assert code == 0 and "the sample data bundled with the package" in out
    monkeypatch.setenv("KG_DATA", str(sample_data))
    code, out = run("stats", "--json")
    assert json.loads(out)["data_origin"] == "KG_DATA"
    assert len(graph.load()) == len(graph.load(sample_data))
    shutil.copytree(sample_data, tmp_path / "data")
    code, out = run("stats")
    assert code == 0 and out.startswith("data: data (./data in the current folder)")
    monkeypatch.chdir(tmp_path / "data")
    monkeypatch.setenv("KG_DATA", str(tmp_path / "nowhere"))
    code, _ = run("stats")
    assert code == 1


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    """The parser of every command ``kg`` really has."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_is_declared_once() -> None:
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names))
    assert list(_subcommands()) == names
    assert len(names) >= 19  # the eleven query commands, ingestion, views, push


@pytest.mark.parametrize("command", list(_subcommands()))
def test_every_command_has_help_with_an_example(command: str) -> None:
    text = _subcommands()[command].format_help()
    assert "Example: kg " + command in text
    assert f"kg {command}" in CLI_DOCS.read_text(encoding="utf-8"), (
        f"document `kg {command}` in docs/cli.md"
    )


def test_installed_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graph._cli", "stats"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "entities" in result.stdout


def test_export_and_html_commands(tmp_path: Path) -> None:
    code, out = run("export", "json", "-o", str(tmp_path / "g.json"), "--focus", "天津大学")
    assert code == 0 and out.startswith("wrote ")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} >= {"tianjin-university", "chengde-petroleum-college"}
    code, _ = run("export", "csv", "-o", str(tmp_path / "csv"), "--type", "university")
    assert code == 0 and (tmp_path / "csv" / "entities.csv").exists()
    code, _ = run("export", "xml")
    assert code == 1
    code, out = run("html", "-o", str(tmp_path / "g.html"), "--lang", "en", "--status", "signed")
    assert code == 0 and (tmp_path / "g.html").stat().st_size > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["html", "--type", "university", "--type", "enterprise", "--status", "signed"],
            "keeps no entity",
        ),
        (["normalize", "{tmp}"], "is a folder; pass a text file"),
        (["--data", "{tmp}/nowhere", "stats"], "no data folder"),
        (["html", "--focus", "nobody"], "no entity is called 'nobody'"),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _ = run(*(a.replace("{tmp}", str(tmp_path)) for a in argv))
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and err.startswith("kg: error: ") and err.count("\n") == 1


def test_non_utf8_files_name_line_and_column(
    sample_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entities = sample_data / "entities" / "entities.yaml"
    lines = entities.read_bytes().split(b"\n")
    lines[2] = lines[2][:4] + "北".encode("gbk") + lines[2][4:]
    entities.write_bytes(b"\n".join(lines))
    text = sample_data / "sources" / "report.txt"
    text.write_bytes(text.read_bytes().replace("天津大学".encode(), "天津大学".encode("gbk"), 1))
    code, _ = run("validate", str(sample_data))
    err = capsys.readouterr().err
    assert code == 1
    assert "entities.yaml:3:5: not UTF-8 text: byte 0xb1 at line 3, column 5" in err
    bad_line = SAMPLE_TEXT[: SAMPLE_TEXT.index("天津大学")].count("\n") + 1
    column = len(SAMPLE_TEXT[: SAMPLE_TEXT.index("天津大学")].rsplit("\n", 1)[-1]) + 1
    assert f"'report.txt' is not UTF-8 text: byte 0xcc at line {bad_line}, column {column}" in err


# -- many sources: history in kg show, --as-of ------------------------------------------

# Two invented briefs (test text only): the same tie negotiated in one, signed in the next.
_BRIEF_2015 = "星河公司与月湖大学正在洽谈合作。月湖大学设立了创新中心。\n"
_BRIEF_2016 = "星河公司与月湖大学签订了合作协议。\n"
_BRIEF_UNDATED = "星河公司与月湖大学建立了联系。\n"


def _two_sources(root: Path, *, undated: bool = False) -> Path:
    """A data folder with sources y2015 (2015) and y2016 (2016-03), optionally an undated one."""
    import yaml

    for sub in ("sources", "entities", "relations"):
        (root / sub).mkdir(parents=True)
    briefs = [("y2015", "2015", _BRIEF_2015), ("y2016", "2016-03", _BRIEF_2016)]
    if undated:
        briefs.append(("nodate", None, _BRIEF_UNDATED))
    sources = []
    for sid, date, text in briefs:
        (root / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8")
        record = {"id": sid, "title": f"简报 {sid}", "title_en": f"Brief {sid}"}
        record |= {"language": "zh-Hans", "text": f"{sid}.txt"}
        sources.append(record | ({"date": date} if date else {}))

    def ev(sid: str, quote: str) -> list[dict[str, str]]:
        return [{"source": sid, "quote": quote}]

    entities = [
        {"id": "xinghe", "type": "enterprise", "name": "星河公司", "name_en": "Xinghe Co."},
        {"id": "yuehu", "type": "university", "name": "月湖大学", "name_en": "Yuehu University"},
        {"id": "centre", "type": "platform", "name": "创新中心", "name_en": "Innovation Centre"},
    ]
    entities[0]["evidence"] = ev("y2015", "星河公司")
    entities[1]["evidence"] = ev("y2015", "月湖大学")
    entities[2]["evidence"] = ev("y2015", "创新中心")
    relations = [
        {"id": "r1", "source": "xinghe", "target": "yuehu", "type": "negotiation"}
        | {"status": "negotiating", "evidence": ev("y2015", "星河公司与月湖大学正在洽谈合作")},
        {"id": "r2", "source": "xinghe", "target": "yuehu", "type": "signed_agreement"}
        | {"status": "signed", "evidence": ev("y2016", "星河公司与月湖大学签订了合作协议")},
        {"id": "r3", "source": "yuehu", "target": "centre", "type": "establishes"}
        | {"status": "carried_out", "evidence": ev("y2015", "月湖大学设立了创新中心")},
    ]
    if undated:
        relations.append(
            {"id": "r0", "source": "xinghe", "target": "yuehu", "type": "cooperation"}
            | {"status": "carried_out", "evidence": ev("nodate", "星河公司与月湖大学建立了联系")}
        )

    def dump(path: Path, records: Any) -> None:
        path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")

    dump(root / "sources" / "sources.yaml", sources)
    dump(root / "entities" / "entities.yaml", entities)
    dump(root / "relations" / "relations.yaml", relations)
    return root


def test_show_gives_the_history_of_a_tie(tmp_path: Path) -> None:
    data = str(_two_sources(tmp_path / "data"))
    code, out = run("--data", data, "show", "星河公司")
    assert code == 0
    lines = out.splitlines()
    older = next(i for i, line in enumerate(lines) if "--negotiation/negotiating-->" in line)
    assert lines[older].endswith("(earlier; now signed_agreement/signed)")
    newer = next(i for i, line in enumerate(lines) if "--signed_agreement/signed-->" in line)
    block = lines[newer + 2 : newer + 7]  # the relation's quote, then its history
    assert block[0].startswith("      history (2 relations, oldest first")
    assert block[1].strip() == "negotiation/negotiating"
    assert block[2].strip() == "y2015 (2015): 「星河公司与月湖大学正在洽谈合作」"
    assert block[3].strip() == "signed_agreement/signed  <- current"
    assert block[4].strip() == "y2016 (2016-03): 「星河公司与月湖大学签订了合作协议」"
    # a relation alone on its tie has no history block
    code, out = run("--data", data, "show", "创新中心")
    assert code == 0 and "history" not in out


def test_show_json_includes_the_history(tmp_path: Path) -> None:
    data = str(_two_sources(tmp_path / "data"))
    code, out = run("--data", data, "show", "月湖大学", "--json")
    assert code == 0
    rels = {r["id"]: r for r in json.loads(out)["relations"]}
    assert rels["r3"]["history"] == []
    assert rels["r1"]["history"] == rels["r2"]["history"]
    steps = rels["r2"]["history"]
    assert [(s["id"], s["status"], s["current"]) for s in steps] == [
        ("r1", "negotiating", False),
        ("r2", "signed", True),
    ]
    assert steps[1]["evidence"] == [
        {"source": "y2016", "source_date": "2016-03", "quote": "星河公司与月湖大学签订了合作协议"}
    ]


def test_as_of_asks_the_graph_at_a_date(tmp_path: Path) -> None:
    data = str(_two_sources(tmp_path / "data"))
    code, out = run("--data", data, "relations", "星河公司", "--as-of", "2015-12")
    assert code == 0 and out.startswith("1 relation\n") and "negotiation/negotiating" in out
    code, out = run("--data", data, "relations", "星河公司", "--as-of", "2016")
    assert code == 0 and out.startswith("1 relation\n") and "signed_agreement/signed" in out
    code, out = run("--data", data, "relations", "星河公司")
    assert code == 0 and out.startswith("2 relations\n")
    code, out = run("--data", data, "show", "星河公司", "--as-of", "2015", "--json")
    assert [r["status"] for r in json.loads(out)["relations"]] == ["negotiating"]
    code, out = run("--data", data, "stats", "--as-of", "2015", "--json")
    stats = json.loads(out)
    assert (stats["as_of"], stats["sources"], stats["relations"]) == ("2015", 1, 2)
    code, out = run("--data", data, "stats", "--as-of", "2015")
    assert "as of 2015 (sources dated up to then, and undated ones)" in out.splitlines()[1]
    code, out = run("--data", data, "partners", "星河公司", "--as-of", "2016-02", "--json")
    assert [r["status"] for p in json.loads(out) for r in p["relations"]] == ["negotiating"]
    code, out = run("--data", data, "path", "星河公司", "创新中心", "--as-of", "2015")
    assert code == 0 and "2 step(s)" in out
    code, out = run("--data", data, "find", "--type", "platform", "--as-of", "2015")
    assert code == 0 and out.startswith("1 entity")
    code, out = run("--data", data, "rank", "--as-of", "2016", "--json")
    assert code == 0
    page = tmp_path / "then.html"
    code, _ = run("--data", data, "html", "--as-of", "2015", "-o", str(page))
    assert code == 0 and "签订了合作协议" not in page.read_text(encoding="utf-8")
    assert "正在洽谈合作" in page.read_text(encoding="utf-8")
    exported = tmp_path / "then.json"
    code, _ = run("--data", data, "export", "json", "--as-of", "2015", "-o", str(exported))
    assert code == 0 and "签订了合作协议" not in exported.read_text(encoding="utf-8")


def test_as_of_undated_sources_count_at_any_date_and_oldest(tmp_path: Path) -> None:
    data = str(_two_sources(tmp_path / "data", undated=True))
    code, out = run("--data", data, "relations", "星河公司", "--as-of", "1990")
    assert code == 0 and out.startswith("1 relation\n") and "cooperation/carried_out" in out
    code, out = run("--data", data, "show", "星河公司", "--json")
    steps = json.loads(out)["relations"][0]["history"]
    assert [(s["id"], s["current"]) for s in steps] == [("r0", False), ("r1", False), ("r2", True)]
    assert steps[0]["evidence"][0]["source_date"] is None
    code, out = run("--data", data, "show", "星河公司")
    assert "nodate (undated): 「星河公司与月湖大学建立了联系」" in out


def test_as_of_before_every_source_or_a_name_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _two_sources(tmp_path / "data")
    (data / "sources" / "y2016.txt").write_text(
        _BRIEF_2016 + "星河公司与晨光研究院签订了合作协议。\n", encoding="utf-8"
    )
    with (data / "entities" / "entities.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "- {id: chenguang, type: research_institute, name: 晨光研究院, name_en: Chenguang, "
            "evidence: [{source: y2016, quote: 晨光研究院}]}\n"
        )
    with (data / "relations" / "relations.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "- {id: r5, source: xinghe, target: chenguang, type: signed_agreement, "
            "status: signed, evidence: [{source: y2016, "
            "quote: 星河公司与晨光研究院签订了合作协议}]}\n"
        )
    for argv in (("find",), ("stats",), ("html", "-o", str(tmp_path / "p.html"))):
        code, _ = run("--data", str(data), *argv, "--as-of", "2014")
        assert code == 1
        err = capsys.readouterr().err
        assert "no source is dated up to 2014 (the earliest is 2015)" in err
    assert not (tmp_path / "p.html").exists()
    code, _ = run("--data", str(data), "show", "晨光研究院", "--as-of", "2015")
    assert code == 1
    err = capsys.readouterr().err
    assert "晨光研究院 is named by no source dated up to 2015 (its first is dated 2016-03)" in err
    code, _ = run("--data", str(data), "path", "星河公司", "晨光研究院", "--as-of", "2016")
    assert code == 0
    code, _ = run("--data", str(data), "show", "晨光研究员", "--as-of", "2015")
    assert code == 1 and "no entity is called" in capsys.readouterr().err


def test_as_of_refuses_a_bad_date_and_other_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(_two_sources(tmp_path / "data"))
    for bad in ("March 2016", "2016-13", "16"):
        code, _ = run("--data", data, "show", "星河公司", "--as-of", bad)
        assert code == 2
        assert "write YYYY, YYYY-MM or YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(graph.KGError, match="is not a date"):
        graph.as_of(graph.load(data), "2016/03")
    code, _ = run("--data", data, "html", "--as-of", "2015", "--from", "falkordb://h:1/g")
    assert code == 1 and "--as-of works on a data folder" in capsys.readouterr().err


def test_a_later_visit_does_not_replace_an_agreement(tmp_path: Path) -> None:
    import yaml

    root = _two_sources(tmp_path / "data")
    (root / "sources" / "y2017.txt").write_text("星河公司走访了月湖大学。\n", encoding="utf-8")
    sources = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    sources.append(
        {"id": "y2017", "title": "简报", "title_en": "Brief", "language": "zh-Hans"}
        | {"text": "y2017.txt", "date": "2017"}
    )
    (root / "sources" / "sources.yaml").write_text(
        yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8"
    )
    (root / "relations" / "later.yaml").write_text(
        yaml.safe_dump(
            [
                {"id": "r4", "source": "xinghe", "target": "yuehu", "type": "visit"}
                | {"status": "carried_out"}
                | {"evidence": [{"source": "y2017", "quote": "星河公司走访了月湖大学"}]}
            ],
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    code, out = run("--data", str(root), "relations", "星河公司", "--as-of", "2018")
    assert code == 0 and out.startswith("2 relations\n")
    assert "signed_agreement/signed" in out and "visit/carried_out" in out
    code, out = run("--data", str(root), "show", "星河公司", "--json")
    rels = {r["id"]: r for r in json.loads(out)["relations"]}
    assert rels["r4"]["history"] == [] and rels["r2"]["history"][-1]["id"] == "r2"
    code, out = run("--data", str(root), "history", "星河公司", "月湖大学")
    marked = [line.strip() for line in out.splitlines() if "(current)" in line]
    assert marked == ["signed_agreement/signed  (current)"]


def test_show_lists_the_candidates_that_start_with_a_short_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _ = run("show", "天")
    err = capsys.readouterr().err
    assert code == 1 and "did you mean" in err, err
    starts = sorted(e.name for e in graph.load() if e.name.startswith("天"))
    assert len(starts) > 1
    for name in starts:
        assert repr(name)[1:-1] in err or name in err, (name, err)
    code, out = run("show", "天", "--json")
    assert code == 1 and len(json.loads(out)["suggestions"]) == len(starts)


def test_a_one_letter_name_is_suggested_never_taken() -> None:
    kg = graph.load()
    firsts = [e.name[0] for e in kg]
    unique = sorted(c for c in set(firsts) if firsts.count(c) == 1 and "\u4e00" <= c <= "\u9fff")
    assert unique, "the sample has a Chinese first character that only one name starts with"
    with pytest.raises(graph.UnknownEntityError) as caught:
        kg.entity(unique[0])
    (only,) = [e for e in kg if e.name.startswith(unique[0])]
    assert caught.value.suggestions == (f"{only.name} ({only.name_en})",)


def test_show_names_the_type_once_with_its_chinese_label() -> None:
    code, out = run("show", "天津大学")
    assert code == 0
    assert "  type: university · 大学\n" in out
    assert "(university)" not in out
    code, out = run("show", "Tianjin")
    assert "  type: place · 地点 (city, region, district or park)\n" in out


def test_default_outputs_go_under_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout's kg run from another folder writes there, not into the checkout."""
    monkeypatch.chdir(tmp_path)
    repo_output = Path(graph.__file__).resolve().parents[1] / "output"
    before = {p: p.stat().st_mtime_ns for p in repo_output.glob("*")}
    code, out = run("html", "--focus", "天津大学")
    assert code == 0 and out == "wrote output/graph.html\n"
    assert (tmp_path / "output" / "graph.html").is_file()
    code, out = run("export", "csv")
    assert code == 0 and (tmp_path / "output" / "csv" / "entities.csv").is_file()
    after = {p: p.stat().st_mtime_ns for p in repo_output.glob("*")}
    assert after == before


COMMAND_MODULES = ("_cli_query", "_cli_ingest", "_cli_views", "_cli_server")


def test_the_cli_modules_do_not_import_each_other() -> None:
    """Command modules share _cli_common only; _cli alone imports them all."""
    import ast

    root = Path(graph.__file__).resolve().parent
    family = {"_cli", "_cli_common", *COMMAND_MODULES}
    for name in ("_cli_common", *COMMAND_MODULES):
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        imported = {
            (node.module or "").removeprefix("graph.").lstrip(".")
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        allowed = set() if name == "_cli_common" else {"_cli_common"}
        assert imported & family <= allowed, (name, imported & family)


def test_each_handler_is_its_record_s_own_function() -> None:
    """No command is re-wrapped elsewhere: the parser runs the handler its record names."""
    parsers = _subcommands()
    for command in COMMANDS:
        handler = parsers[command.name].get_default("handler")
        assert handler is command.handler, command.name
        assert not hasattr(handler, "__wrapped__"), command.name
        assert handler.__module__.removeprefix("graph.") in COMMAND_MODULES, command.name


def test_a_new_command_is_one_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """One decorated handler gives the parser, the help and the reference their command."""
    import graph._cli as cli
    from graph._cli_common import Commands, as_of_option, entity_name, json_option, load_graph

    extra = Commands()

    @extra.command(
        "card",
        "an entity's names",
        example="kg card 天津大学",
        options=(json_option, as_of_option, entity_name),
    )
    def cmd_card(args: argparse.Namespace, out: Any) -> int:
        e = load_graph(args).entity(args.name)
        out.write(
            json.dumps([e.name, e.name_en], ensure_ascii=False) if args.json else f"{e.name}\n"
        )
        return 0

    monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, *extra))
    assert run("card", "Tianjin University", "--json") == (0, '["天津大学", "Tianjin University"]')
    assert run("card", "天津大学", "--as-of", "March")[0] == 2
    assert "Example: kg card 天津大学" in _subcommands()["card"].format_help()
    page = CLI_DOCS.read_text(encoding="utf-8")
    assert "### kg card" in _reference_script().update(page, build_parser())
    assert "### kg card" not in page  # so the up-to-date check fails until it is written


def test_an_example_must_name_its_command() -> None:
    from graph._cli_common import Command

    with pytest.raises(ValueError, match="kg hello"):
        Command("hello", lambda args, out: 0, "say hello", ("kg show x",))
    with pytest.raises(ValueError, match="kg hello"):
        Command("hello", lambda args, out: 0, "say hello", ())


def test_option_choices_come_from_the_registries() -> None:
    from graph._export import EXPORT_FORMATS
    from graph._html import LANGS
    from graph._ingest import READERS
    from graph._kg import MEASURES

    parsers = _subcommands()

    def action(command: str, dest: str) -> argparse.Action:
        return next(a for a in parsers[command]._actions if a.dest == dest)

    assert list(action("html", "lang").choices or ()) == list(LANGS)
    assert list(action("ingest", "format").choices or ()) == list(READERS)
    assert list(action("rank", "measure").choices or ()) == list(MEASURES)
    assert list(action("find", "type").choices or ()) == [t.value for t in graph.EntityType]
    assert list(action("relations", "type").choices or ()) == [t.value for t in graph.RelationType]
    export = parsers["export"].format_help()
    for name in EXPORT_FORMATS:
        assert name in str(action("export", "format").help), name
        assert name in export
    for name in READERS:
        assert f".{name}" in str(action("ingest", "file").help), name


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["html", "--as-of", "2015", "--draft", "d"], graph.ArgumentError),
        (["html", "--as-of", "2015", "--from", "falkordb://h:1/g"], graph.ArgumentError),
        (["html", "--draft", "d", "--from", "falkordb://h:1/g"], graph.ArgumentError),
        (["export", "csv", "-o", "-"], graph.ArgumentError),
        (["export", "xml"], graph.ExportError),
        (["normalize", "{tmp}"], graph.ReadError),
        (["normalize", "{tmp}/missing.txt"], graph.ReadError),
        (["normalize", "{tmp}/raw.txt", "-o", "{tmp}"], graph.ArgumentError),
        (["ingest", "{tmp}/raw.txt", "{tmp}/raw.txt", "--title", "t"], graph.ArgumentError),
        (["show", "nobody"], graph.UnknownEntityError),
    ],
)
def test_commands_raise_the_fitting_kind_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], kind: type[Exception]
) -> None:
    (tmp_path / "raw.txt").write_text("北京\n", encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    args = build_parser().parse_args(argv)
    with pytest.raises(kind):
        args.handler(args, io.StringIO())
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: error: ") and err.count("\n") == 1, err


def test_as_of_errors_are_kinds_to_catch(tmp_path: Path) -> None:
    data = _two_sources(tmp_path / "data")
    with (data / "entities" / "entities.yaml").open("a", encoding="utf-8") as f:
        f.write(  # named only by the 2016 brief
            "- {id: later, type: enterprise, name: 星河公司合作协议, name_en: Later, "
            "evidence: [{source: y2016, quote: 星河公司与月湖大学签订了合作协议}]}\n"
        )

    def handle(*argv: str) -> None:
        args = build_parser().parse_args(["--data", str(data), *argv])
        args.handler(args, io.StringIO())

    with pytest.raises(graph.ArgumentError, match="no source is dated up to 2014"):
        handle("find", "--as-of", "2014")  # before every source: give a later date
    with pytest.raises(graph.NotFoundError, match="named by no source dated up to 2015"):
        handle("show", "later", "--as-of", "2015")
    handle("show", "later", "--as-of", "2016")
    (data / "sources" / "y2015.txt").unlink()
    with pytest.raises(graph.DataError):
        handle("stats")


@pytest.mark.parametrize(
    "argv",
    [
        ["html", "--lang", "fr"],
        ["ingest", "x.txt", "--format", "rtf"],
        ["push", "falkordb://h:1/g", "--batch", "0"],
        ["pipeline", "--changes", "2015", "March"],
        ["regions", "--as-of", "2016/03"],
    ],
)
def test_values_the_parser_refuses_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out = run(*argv)
    err = capsys.readouterr().err
    assert code == 2 and out == "" and err.startswith("kg: usage error: "), err


# -- docs/cli.md's reference, written from the parser ------------------------------------


def _reference_script() -> Any:
    import importlib.util

    path = CLI_DOCS.parents[1] / "docs" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_up_to_date() -> None:
    script = _reference_script()
    page = CLI_DOCS.read_text(encoding="utf-8")
    assert script.update(page, build_parser()) == page, (
        "docs/cli.md's reference is out of date: run python docs/cli_reference.py"
    )


def test_the_reference_check_sees_a_change() -> None:
    script = _reference_script()
    page = CLI_DOCS.read_text(encoding="utf-8")
    parser = build_parser()
    script.subcommands(parser)["show"].add_argument("--new", help="a new option")
    changed = script.update(page, parser)
    assert changed != page and "| `--new NEW` | a new option |" in changed


def _squash(text: str) -> str:
    """``text`` without whitespace, Markdown escapes undone: help wraps lines anywhere."""
    import html
    import re

    return re.sub(r"\s+", "", html.unescape(text).replace("\\|", "|"))


@pytest.mark.parametrize("command", list(_subcommands()))
def test_the_reference_shows_what_kg_help_shows(command: str) -> None:
    """Read against `kg COMMAND --help` itself: every option, the description, the examples."""
    import re

    page = CLI_DOCS.read_text(encoding="utf-8")
    start = page.index(f"\n### kg {command}\n")
    end = page.find("\n### ", start + 1)
    section = page[start : end if end > 0 else len(page)]
    code, _ = run(command, "--help")
    assert code == 0
    shown = _subcommands()[command].format_help()
    flags = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", shown.split("\n\n", 1)[1]))
    flags -= {"-h", "--help", "-q", "--quiet"}
    body = shown.split("Example:")[0]
    for flag in flags:
        if f"{flag} " in body or f"{flag}\n" in body or f"{flag}," in body:
            assert f"`{flag}" in section, (command, flag)
    description = _subcommands()[command].description or ""
    assert _squash(description) in _squash(section)
    for line in shown.split("Example:", 1)[1].strip().split("\n"):
        assert line.strip() in section, (command, line)
