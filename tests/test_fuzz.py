"""A derandomised fuzzer: hostile data folders never crash the loader or any output.

Each case starts from a small, valid data folder (the shape of ``sample_data``,
with a raw file and its SHA-256), applies a few mutations chosen by a seeded
``random.Random`` (text edits of the YAML, hostile values put into the YAML
tree, broken or linked source files) and then checks that

* :func:`graph.load` returns a :class:`graph.KnowledgeGraph` or raises
  :class:`graph.KGError`, within :data:`CASE_SECONDS`;
* when it loads, every registered export format, :func:`graph._html.generate_html`
  and :func:`graph._html.write_html` either write their output or raise
  :class:`graph.KGError`.

The suite runs :data:`CASES` cases (seeds ``0 .. CASES-1``). ``make fuzz`` runs
many more: ``KG_FUZZ_CASES`` sets the number and ``KG_FUZZ_SEED`` the first seed;
``KG_FUZZ_LOG`` names a file that receives a progress line every 500 cases and each failure.
Every failure names its seed; ``KG_FUZZ_SEED=<seed> KG_FUZZ_CASES=1`` replays it.
"""

from __future__ import annotations

import copy
import hashlib
import os
import random
import shutil
import signal
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import SAMPLE_ENTITIES, SAMPLE_RELATIONS, SAMPLE_TEXT

import graph
from graph._html import generate_html, write_html

CASES = int(os.environ.get("KG_FUZZ_CASES", "250"))
FIRST_SEED = int(os.environ.get("KG_FUZZ_SEED", "0"))
CASE_SECONDS = 20

# -- the base folder ------------------------------------------------------------------------------

_HOSTILE_EXTRA = {
    "id": "hostile",
    "type": "enterprise",
    "name": "<img src=x onerror=alert(1)>",
    "name_en": '=HYPERLINK("http://x")',
    "aliases": ["a;b|c^d", "\u202eevil"],
    "attributes": {"amount": 3000000000, "ratio": 0.5, "nested": {"list": [1, "二", None]}},
    "notes": "</script><script>alert(2)</script>",
    "notes_zh": "注：\x1b[2J",
    "evidence": [{"source": "report", "quote": "天津大学"}],
}


def _base() -> dict[str, Any]:
    """The files of the valid starting folder, as YAML trees and bytes."""
    raw = SAMPLE_TEXT.encode("utf-8")
    source = {
        "id": "report",
        "title": "承德高新区工作进展情况",
        "title_en": "Progress report",
        "language": "zh-Hans",
        "text": "report.txt",
        "raw": "report.raw.txt",
        "raw_sha256": hashlib.sha256(raw).hexdigest(),
        "processing": ["none"],
    }
    relations = [dict(r) for r in SAMPLE_RELATIONS]
    relations.append(
        {
            "source": "hostile",
            "target": "tianjin-university",
            "type": "cooperation",
            "status": "signed",
            "basis": "inferred",
            "notes": "a reading",
            "date": "2015-09",
            "evidence": [{"source": "report", "quote": "天津大学"}],
        }
    )
    return {
        "sources": [source],
        "entities": [dict(e) for e in SAMPLE_ENTITIES] + [dict(_HOSTILE_EXTRA)],
        "relations": relations,
        "text": raw,
        "raw": raw,
    }


# -- mutations ------------------------------------------------------------------------------------

_DEEP = "[" * 300 + "]" * 300
_TOKENS = [
    ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/object:os.system ",
    "<<: ", '"<<": ', "? ", "|", ">", "'", '"', "#", "\t", "\n", "\n  ", "\n- ", "---\n",
    "\x00", "\ufeff", "\u2028", "\ud7ff", "~", "null", "true", "1e400", "-1e400", ".nan",
    "9" * 5000, "0x1F", "012", "2015-13-40", "../../etc/passwd", "/proc/self/environ",
    _DEEP, "清華大學", "清华\u200b大学", "\u202e", "\x1b]0;title\x07", "=1+1", "a" * 70000,
]  # fmt: skip

_VALUES: list[Any] = [
    None, "", " ", 0, -1, 2**63, 10**99, 1.5, 1e308, True, False, [], {}, [None], {"": None},
    {"k": [[[[["deep"]]]]]}, "x" * 100_000, "../secret.txt", "/etc/passwd", "/dev/zero",
    "report.txt", "sources.yaml", "\x00", "<script>alert(1)</script>", "\u202e\u2066",
    "=cmd|' /C calc'!A0", "清华\u200b大学", "清華大學", "天津大学", "a;b|c^d~e", "line\r\nbreak",
    "\x1b[2J", "'", '"', "\\",
    "`", "${x}", "{{x}}", "2015", "--09-19", "signed", "university", "hitech-zone", "report",
    ["天津大学"], [{"source": "report", "quote": "天津大学"}], {"source": "report"},
]  # fmt: skip

_KEYS = [
    "id", "type", "name", "name_en", "name_en_kind", "aliases", "status", "attributes", "notes",
    "notes_zh", "evidence", "source", "target", "date", "basis", "event", "quote", "text", "raw",
    "raw_sha256", "title", "language", "<<", "", "unknown",
]  # fmt: skip

# Values for fields whose change keeps the folder loadable: outputs get exercised.
_SAFE_FIELDS = ("name", "name_en", "aliases", "notes", "notes_zh", "attributes")  # 3: relations
_SAFE_TEXT = [
    "<img src=x onerror=alert(1)>", "</script><!--", "=SUM(A1)", "+1", "-1", "@x", "'q", "\t\r",
    "a;b|c^d~e", "\u2028\u2029", "\x0b\x0c", "\ufffe", "\U0001f600", "\u202e", "x" * 5000,
    "line\nbreak", "back\\slash", "`tick`", "{}", "[]", "null", "0", "中文 English 混合",
]  # fmt: skip


def _safe_value(rng: random.Random, field: str, i: int) -> Any:
    text = rng.choice(_SAFE_TEXT) + f" #{i}"  # unique: names must not clash
    if field == "aliases":
        return [text, rng.choice(_SAFE_TEXT) + f" ##{i}"]
    if field == "attributes":
        return {
            rng.choice(_SAFE_TEXT)[:20]: rng.choice(
                [text, 7, -2.5, 10**30, True, [1, "二"], {"a": {"b": [text]}}]
            )
        }
    return text


def _mutate_tree(rng: random.Random, files: dict[str, Any], safe: bool) -> str:
    kind = rng.choice(["entities", "relations"] if safe else ["sources", "entities", "relations"])
    records = files[kind]
    if not isinstance(records, list) or not records:
        return f"{kind}: not a list"
    i = rng.randrange(len(records))
    record = records[i]
    if not isinstance(record, dict):
        return f"{kind}[{i}]: not a mapping"
    op = 0.0 if safe else rng.random()
    if op < 0.45 and kind != "sources":
        field = rng.choice(_SAFE_FIELDS if kind == "entities" else _SAFE_FIELDS[3:])
        record[field] = _safe_value(rng, field, i)
        return f"{kind}[{i}].{field} = safe value"
    if op < 0.75:
        key = rng.choice(_KEYS)
        record[key] = copy.deepcopy(rng.choice(_VALUES))
        return f"{kind}[{i}].{key!r} = hostile value"
    if op < 0.85 and record:
        key = rng.choice(sorted(record))
        del record[key]
        return f"{kind}[{i}] drop {key!r}"
    if op < 0.95:
        records.append(copy.deepcopy(record))
        return f"{kind}[{i}] duplicated"
    files[kind] = rng.choice([None, {}, "text", [None], [[]], 5])
    return f"{kind} replaced whole"


def _mutate_text(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        at = rng.randrange(len(text) + 1)
        if op < 0.5:
            text = text[:at] + rng.choice(_TOKENS) + text[at:]
        elif op < 0.7:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        elif op < 0.85:
            lines = text.splitlines(keepends=True)
            if lines:
                j = rng.randrange(len(lines))
                lines.insert(j, lines[j])
            text = "".join(lines)
        else:
            text = text[:at]
    return text


def _mutate_source_files(rng: random.Random, root: Path, files: dict[str, Any]) -> str:
    sources = root / "sources"
    which = rng.choice(["report.txt", "report.raw.txt"])
    op = rng.randrange(7)
    path = sources / which
    path.unlink()
    if op == 0:
        path.write_bytes(b"")
        return f"{which} empty"
    if op == 1:
        path.write_bytes(b"\xff\xfe\x00bad" + files["text"])
        return f"{which} not UTF-8"
    if op == 2:
        path.write_bytes(files["text"].replace("天津".encode(), "南开".encode()))
        return f"{which} changed"
    if op == 3:
        path.symlink_to(rng.choice(["/etc/passwd", "/dev/zero", "../../outside.txt", "/nowhere"]))
        return f"{which} a link out"
    if op == 4:
        os.mkfifo(path)
        return f"{which} a FIFO"
    if op == 5:
        path.mkdir()
        return f"{which} a folder"
    path.write_bytes(files["text"] + "。".encode() * rng.randint(1, 5000))
    return f"{which} longer"


def make_case(seed: int, root: Path) -> list[str]:
    """Write the folder of case ``seed`` at ``root``; return what was done to it."""
    rng = random.Random(seed)
    files = _base()
    steps = []
    mode = rng.random()  # 40 % keep the folder valid, so that the outputs get exercised
    if mode < 0.7:
        for _ in range(rng.randint(1, 3)):
            steps.append(_mutate_tree(rng, files, safe=mode < 0.4))
    (root / "sources").mkdir(parents=True)
    (root / "entities").mkdir()
    (root / "relations").mkdir()
    (root.parent / "outside.txt").write_text("root:x:TOKEN\n", encoding="utf-8")
    (root / "sources" / "report.txt").write_bytes(files["text"])
    (root / "sources" / "report.raw.txt").write_bytes(files["raw"])
    texts = {}
    for kind, where in (
        ("sources", root / "sources" / "sources.yaml"),
        ("entities", root / "entities" / "entities.yaml"),
        ("relations", root / "relations" / "relations.yaml"),
    ):
        try:
            texts[where] = yaml.safe_dump(files[kind], allow_unicode=True, sort_keys=False)
        except yaml.YAMLError:
            texts[where] = repr(files[kind])
    if 0.7 <= mode < 0.9:
        where = rng.choice(sorted(texts))
        texts[where] = _mutate_text(rng, texts[where])
        steps.append(f"text edit of {where.name}")
    for where, text in texts.items():
        where.write_text(text, encoding="utf-8", errors="surrogatepass")
    if mode >= 0.9:
        steps.append(_mutate_source_files(rng, root, files))
    return steps or ["unchanged"]


# -- running cases --------------------------------------------------------------------------------


class _Hang(Exception):
    pass


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def alarm(signum: int, frame: Any) -> None:
        raise _Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _outputs(kg: graph.KnowledgeGraph, out: Path) -> Iterator[tuple[str, Callable[[], Any]]]:
    for name, fmt in sorted(graph.EXPORT_FORMATS.items()):
        path = out / (name if fmt.folder else f"graph{fmt.suffix}")
        yield name, lambda path=path, name=name: kg.export(path, name)
    yield "generate_html", lambda: generate_html(kg)
    yield "write_html", lambda: write_html(kg, out / "graph.html", lang="en")


def run_case(seed: int, tmp: Path, stats: Counter[str]) -> str | None:
    """Run case ``seed`` in ``tmp``; count outcomes in ``stats``; return a failure or None."""
    case = tmp / f"case{seed}"
    root = case / "data"
    steps = make_case(seed, root)
    try:
        with _deadline(CASE_SECONDS):
            try:
                kg = graph.load(root)
            except graph.DataError:
                stats["load: DataError"] += 1
                return None
            except graph.KGError:
                stats["load: other KGError"] += 1
                return None
            stats["load: loaded"] += 1
            for name, write in _outputs(kg, case / "out"):
                try:
                    write()
                    stats[f"{name}: written"] += 1
                except graph.KGError:
                    stats[f"{name}: KGError"] += 1
        return None
    except BaseException as exc:  # anything else is a finding
        if isinstance(exc, KeyboardInterrupt):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (
            f"seed {seed} ({'; '.join(steps)}): {type(exc).__name__}: {str(exc)[:200]} "
            f"at {Path(where.filename).name}:{where.lineno}"
        )
    finally:
        for fifo in root.rglob("*"):
            if fifo.is_fifo():
                fifo.unlink()
        shutil.rmtree(case, ignore_errors=True)


def test_hostile_folders_never_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    stats: Counter[str] = Counter()
    failures: list[str] = []
    started = time.monotonic()
    log = os.environ.get("KG_FUZZ_LOG")  # a file for progress lines during long runs
    for n, seed in enumerate(range(FIRST_SEED, FIRST_SEED + CASES), 1):
        failure = run_case(seed, tmp_path, stats)
        if failure:
            failures.append(failure)
        if log and (failure or n % 500 == 0 or n == CASES):
            with open(log, "a", encoding="utf-8") as handle:
                seconds = time.monotonic() - started
                handle.write(
                    f"{n} cases, {len(failures)} failures, {seconds:.0f} s: {dict(stats)}\n"
                )
                if failure:
                    handle.write(f"  {failure}\n")
    seconds = time.monotonic() - started
    with capsys.disabled():
        if CASES > 1000 or os.environ.get("KG_FUZZ_REPORT"):
            print(f"\nfuzz: {CASES} cases from seed {FIRST_SEED} in {seconds:.0f} s")
            for key, n in sorted(stats.items()):
                print(f"  {key}: {n}")
            print(f"  failures: {len(failures)}")
            for f in failures[:50]:
                print(f"    {f}")
    assert not failures, "\n".join(failures[:20])
    # the fuzzer is worth running only if it exercises both sides
    assert stats["load: loaded"] >= CASES // 10, stats
    assert stats["load: DataError"] >= CASES // 10, stats


def test_cases_are_deterministic(tmp_path: Path) -> None:
    def snapshot(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink()
        }

    for seed in (1, 7, 42):
        make_case(seed, tmp_path / f"a{seed}" / "data")
        make_case(seed, tmp_path / f"b{seed}" / "data")
        assert snapshot(tmp_path / f"a{seed}" / "data") == snapshot(tmp_path / f"b{seed}" / "data")
