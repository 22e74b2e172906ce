"""Every example in the README, SECURITY.md and docs/ runs.

The pages are read as a user reads them:

- the ```python blocks of one page run in order, in one namespace, in an empty
  working folder, on the bundled data; a statement whose comment says
  ``raises SomeError`` must raise that error;
- in ```sh blocks, every line that starts with ``kg`` runs through the command
  line; a comment ``exit N`` says the status it ends with (0 otherwise);
- a block right after a line ``<!-- not run -->`` (a synopsis, or an example
  that needs a server or a user's file) is skipped, and so is a block in another
  language.

The working folder holds ``report.txt`` (the bundled report's text), so the
README's ingest loop runs as written.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import graph
from graph._cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PAGES = sorted(
    [ROOT / "README.md", ROOT / "SECURITY.md", *(ROOT / "docs").glob("*.md")],
    key=lambda p: str(p.relative_to(ROOT)),
)
NOT_RUN = "<!-- not run -->"
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)(?P<info>[^`]*)$")
RAISES = re.compile(r"#.*\braises\s+(?:graph\.)?(?P<error>[A-Za-z]+Error)\b")
EXIT = re.compile(r"#.*\bexit\s+(?P<code>\d)\b")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    language: str
    text: str
    run: bool

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> Iterator[Block]:
    lines = page.read_text(encoding="utf-8").split("\n")
    i = 0
    previous = ""
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            if lines[i].strip():
                previous = lines[i].strip()
            i += 1
            continue
        fence, language = match["fence"], match["info"].strip().split(" ")[0]
        start = i
        body: list[str] = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][len(match["indent"]) :])
            i += 1
        yield Block(page, start + 1, language, "\n".join(body), previous != NOT_RUN)
        previous = ""
        i += 1


def runnable(language: str) -> list[Block]:
    return [b for p in PAGES for b in blocks(p) if b.language == language and b.run]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_DATA", str(DATA))
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / ".cache"))
    source = next(p for p in (DATA / "sources").glob("*.txt") if ".raw." not in p.name)
    shutil.copyfile(source, tmp_path / "report.txt")
    return tmp_path


def test_the_pages_have_examples_to_run() -> None:
    assert len(runnable("python")) >= 5
    assert len(runnable("sh")) >= 5
    assert any(b.page.name == "README.md" for b in runnable("python"))


@pytest.mark.parametrize(
    "page",
    sorted({b.page for b in runnable("python")}),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_python_examples_run(page: Path, workdir: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in runnable("python"):
        if block.page != page:
            continue
        tree = ast.parse(block.text, filename=block.where())
        lines = block.text.split("\n")
        for statement in tree.body:
            source = "\n".join(lines[statement.lineno - 1 : statement.end_lineno])
            code = compile(ast.Module([statement], []), block.where(), "exec")
            expected = RAISES.search(source)
            where = f"{block.where()} (line {block.line + statement.lineno})"
            with contextlib.redirect_stdout(io.StringIO()):
                if expected:
                    error = getattr(graph, expected["error"])
                    with pytest.raises(error):
                        exec(code, namespace)
                    continue
                try:
                    exec(code, namespace)
                except Exception as exc:
                    pytest.fail(f"{where}: {source.strip()!r} raised {exc!r}")


def kg_lines(block: Block) -> Iterator[tuple[str, list[str], int]]:
    for raw in block.text.split("\n"):
        line = raw.strip()
        if not line.startswith("kg "):
            continue
        expected = EXIT.search(line)
        words = shlex.split(line, comments=True)
        yield line, words[1:], int(expected["code"]) if expected else 0


@pytest.mark.parametrize(
    "block",
    [b for b in runnable("sh") if any(True for _ in kg_lines(b))],
    ids=Block.where,
)
def test_command_line_examples_run(block: Block, workdir: Path) -> None:
    for line, argv, expected in kg_lines(block):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                code = main(argv, out)
            except SystemExit as exc:
                code = int(exc.code or 0)
        assert code == expected, (
            f"{block.where()}: `{line}` exited {code}, expected {expected}\n"
            f"{out.getvalue()[-2000:]}\n{err.getvalue()[-2000:]}"
        )


def test_the_runner_sees_a_skip_marker_and_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n<!-- not run -->\n```python\n1/0\n```\n\n```python\nx = 1\n```\n",
        encoding="utf-8",
    )
    found = list(blocks(page))
    assert [(b.run, b.text) for b in found] == [(False, "1/0"), (True, "x = 1")]
