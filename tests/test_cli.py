"""The kg command line: exit codes, output, help for every command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph._cli import COMMANDS, build_parser, main

README = Path(__file__).resolve().parents[1] / "README.md"


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
    raw.write_text("領(lǐng)導(dǎo) IDC 北 京", encoding="utf-8")
    code, out = run("normalize", str(raw))
    assert code == 0 and out == "领导 IDC 北京"
    target = tmp_path / "out.txt"
    code, _ = run("normalize", str(raw), "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == "领导 IDC 北京"
    code, _ = run("normalize", str(tmp_path / "missing.txt"))
    assert code == 1


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


def test_bad_choice_is_a_usage_error() -> None:
    code, _ = run("find", "--type", "company")
    assert code == 2


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    text = sub.choices[command].format_help()  # type: ignore[index]
    assert "Example: kg " + command in text
    assert f"kg {command}" in README.read_text(encoding="utf-8"), (
        f"document `kg {command}` in README"
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
        (["html", "-o", "{tmp}"], "is a folder; pass a file path"),
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
