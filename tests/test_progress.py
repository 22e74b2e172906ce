"""Progress bars: on a terminal when asked (the kg command), silent everywhere else."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import graph
from graph import _progress as progress
from graph._cli import main


class FakeTerminal(io.StringIO):
    """A standard error that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> FakeTerminal:
    fake = FakeTerminal()
    monkeypatch.setattr(progress, "_stream", lambda: fake)
    return fake


def test_silent_unless_asked(terminal: FakeTerminal) -> None:
    with progress.bar(10, "work") as b:
        b.update(10)
    assert not progress.is_active()
    assert terminal.getvalue() == ""


def test_silent_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with progress.enabled(), progress.bar(10, "work") as b:
        assert not progress.is_active()
        b.update(10)
    assert capsys.readouterr().err == ""


def test_drawn_on_a_terminal_when_asked(terminal: FakeTerminal) -> None:
    with progress.enabled(), progress.bar(10, "pushing", unit="records") as b:
        assert progress.is_active()
        b.update(10)
    assert "pushing" in terminal.getvalue()
    assert "0/10 " in terminal.getvalue()  # leave=False: the finished bar is wiped


def test_enabled_false_and_nesting(terminal: FakeTerminal) -> None:
    with progress.enabled(), progress.enabled(False):
        assert not progress.is_active()
    assert not progress.is_active()


def test_track_counts_items(terminal: FakeTerminal) -> None:
    with progress.enabled():
        assert list(progress.track(range(5), "items")) == [0, 1, 2, 3, 4]
    assert "0/5 " in terminal.getvalue()


def test_loading_counts_every_byte_of_the_data_files(
    sample_data: Path, terminal: FakeTerminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, float] = {"total": 0, "done": 0}

    class Recorder:
        def update(self, n: float = 1) -> None:
            seen["done"] += n

    @contextlib.contextmanager
    def record(total: float, description: str, *, unit: str = "it") -> Iterator[Recorder]:
        seen["total"] = total
        yield Recorder()

    monkeypatch.setattr(progress, "bar", record)
    with progress.enabled():
        graph.load(sample_data)
    files = [
        sample_data / "sources" / "sources.yaml",
        *sample_data.glob("entities/*.yaml"),
        *sample_data.glob("relations/*.yaml"),
    ]
    size = sum(p.stat().st_size for p in files)
    assert seen == {"total": size, "done": size}


def test_loading_draws_a_bar(sample_data: Path, terminal: FakeTerminal) -> None:
    with progress.enabled():
        graph.load(sample_data)
    assert f"load {sample_data}" in terminal.getvalue()


def test_a_warm_load_has_nothing_to_show(sample_data: Path, terminal: FakeTerminal) -> None:
    graph.load(sample_data)
    with progress.enabled():
        graph.load(sample_data)
    assert terminal.getvalue() == ""


def test_the_cli_draws_bars_unless_quiet(
    sample_data: Path, terminal: FakeTerminal, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(sample_data), "stats"]) == 0
    assert "load" in terminal.getvalue()
    terminal.seek(0)
    terminal.truncate()
    graph.load(sample_data, cache=False)
    assert main(["--quiet", "--data", str(sample_data), "validate"]) == 0
    assert main(["--data", str(sample_data), "validate", "--quiet"]) == 0
    assert terminal.getvalue() == ""
    assert main(["--data", str(sample_data), "validate"]) == 0
    assert "load" in terminal.getvalue()  # validate always reads everything


def test_the_cli_is_silent_in_a_pipe(sample_data: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graph._cli", "--data", str(sample_data), "validate"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_stages_show_the_stage_under_way(terminal: FakeTerminal) -> None:
    with progress.enabled(), progress.stages("job", "first", "second") as done:
        assert "first" in terminal.getvalue()
        done()
        assert "second" in terminal.getvalue()
        done()
    with progress.stages("quiet job", "one") as done:
        done()
    assert "quiet job" not in terminal.getvalue()


def test_exporting_draws_a_bar(sample_data: Path, terminal: FakeTerminal, tmp_path: Path) -> None:
    kg = graph.load(sample_data)
    kg.export(tmp_path / "quiet.graphml")
    assert terminal.getvalue() == ""
    with progress.enabled():
        kg.export(tmp_path / "kg.graphml")
        kg.export(tmp_path / "tables", "csv")
    assert "export graphml to " in terminal.getvalue()


class Recorded:
    """Bars asked for, by description: [total, units done]."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bars: dict[str, list[float]] = {}

        @contextlib.contextmanager
        def record(total: float, description: str, *, unit: str = "it") -> Iterator[object]:
            seen = self.bars[description] = [total, 0]

            class Counter:
                def update(self, n: float = 1) -> None:
                    seen[1] += n

            yield Counter()

        monkeypatch.setattr(progress, "bar", record)


def test_every_export_counts_its_stages(
    sample_data: Path, terminal: FakeTerminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kg = graph.load(sample_data)
    recorded = Recorded(monkeypatch)
    targets = {
        name: tmp_path / f"out-{name}{fmt.suffix}" for name, fmt in graph.EXPORT_FORMATS.items()
    }
    with progress.enabled():
        for name, target in targets.items():
            kg.export(target, name)
    assert recorded.bars == {
        f"export {name} to {target}": [2, 2] for name, target in targets.items()
    }


def test_ingesting_draws_a_bar(tmp_path: Path, terminal: FakeTerminal) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "report.txt"
    doc.write_text("某某高新区工作情况\n某某高新区与天津大学签订了合作协议。", encoding="utf-8")
    graph.ingest(doc, data=root)
    assert terminal.getvalue() == ""
    doc.write_text("某某高新区工作情况\n某某高新区与北京大学签订了合作协议。", encoding="utf-8")
    with progress.enabled():
        graph.ingest(doc, data=root, id="second")
    assert "ingest report.txt" in terminal.getvalue()
    assert "read" in terminal.getvalue()  # the first stage under way


def test_ingesting_counts_its_stages(
    tmp_path: Path, terminal: FakeTerminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "report.txt"
    doc.write_text("某某高新区工作情况\n某某高新区与天津大学签订了合作协议。", encoding="utf-8")
    recorded = Recorded(monkeypatch)
    with progress.enabled():
        graph.ingest(doc, data=root)
    assert recorded.bars["ingest report.txt"] == [4, 4]


def test_the_cli_draws_export_bars_unless_quiet(
    sample_data: Path, terminal: FakeTerminal, tmp_path: Path
) -> None:
    graph.load(sample_data)  # warm: only the export draws
    assert main(["--data", str(sample_data), "export", "json", "-o", str(tmp_path / "a.json")]) == 0
    assert "export json" in terminal.getvalue()
    terminal.seek(0)
    terminal.truncate()
    args = ["--quiet", "--data", str(sample_data), "export", "json", "-o", str(tmp_path / "b.json")]
    assert main(args) == 0
    assert terminal.getvalue() == ""
