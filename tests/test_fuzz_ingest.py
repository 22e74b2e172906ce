"""The derandomised fuzzer of ``test_fuzz.py``, on drafts and on documents.

* **Drafts:** each case starts from a data folder with one ingested source and its
  draft, mutates the draft (hostile values in its records, text edits of its YAML,
  records marked accepted) and checks that :func:`graph.review`,
  :func:`graph.draft_graph` with its page, and :func:`graph.accept` each end in a
  result or a :class:`graph.KGError`, and that after ``accept`` the folder still loads
  or reports :class:`graph.DataError` (never a traceback).
* **Documents:** each case makes a document (plain text in UTF-8, GB18030 or Big5,
  HTML, DOCX or PDF) from synthetic sentences, mutates its bytes or markup, and checks
  that :func:`graph.ingest` into a fresh folder ends in a result or a ``KGError``.

Every case must end within ``CASE_SECONDS``. The suite runs :data:`DRAFT_CASES` and
:data:`DOCUMENT_CASES` cases; ``make fuzz`` runs ``KG_FUZZ_CASES`` of each (seeds from
``KG_FUZZ_SEED``), with progress in ``KG_FUZZ_LOG``. A failure names its seed;
``KG_FUZZ_SEED=<seed> KG_FUZZ_CASES=1`` replays it.
"""

from __future__ import annotations

import copy
import io
import os
import random
import shutil
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from _ingest_docs import make_docx, make_pdf
from test_fuzz import _TOKENS, _VALUES, _deadline, _mutate_text

import graph
from graph._html import generate_html

_LONG = "KG_FUZZ_CASES" in os.environ
DRAFT_CASES = int(os.environ.get("KG_FUZZ_CASES", "12"))
DOCUMENT_CASES = int(os.environ.get("KG_FUZZ_CASES", "16"))
FIRST_SEED = int(os.environ.get("KG_FUZZ_SEED", "0"))
CASE_SECONDS = 30

_SENTENCES = [
    "星河科技园工作简报",
    "露露股份与星河大学签订了合作协议。",
    "青禾物流园项目完成选址，总投资12亿元。",
    "星河高新区与天津大学共建研究院，已开工建设。",
    "举办了京津冀协同发展对接会。",
    "北京師範大學與青禾高新區合作。",
    "𠀀€与星河集团洽谈合作事宜。",
]


def _text(rng: random.Random) -> str:
    return "\n".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 8)))


# -- drafts ---------------------------------------------------------------------------------

_DRAFT_FIELDS = [
    "name", "type", "match", "id", "name_en", "aliases", "attributes", "confidence", "review",
    "evidence", "source", "target", "status", "date", "basis", "event", "notes", "quote", "",
]  # fmt: skip


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one ingested source and its (pending) draft."""
    tmp = tmp_path_factory.mktemp("fuzz-base")
    root = graph.init(tmp / "data")
    doc = tmp / "report.txt"
    doc.write_text("\n".join(_SENTENCES[:5]), encoding="utf-8")
    graph.ingest(doc, data=root)
    return root


def make_draft_case(seed: int, base: Path, root: Path) -> list[str]:
    """Copy ``base`` to ``root`` and mutate its draft; return the steps taken."""
    rng = random.Random(seed)
    shutil.copytree(base, root, symlinks=True)
    path = root / "drafts" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice(["entities", "relations"])
        records = data.get(kind) or []
        op = rng.random()
        if not isinstance(records, list) or not records or op < 0.15:
            data[kind] = copy.deepcopy(rng.choice([None, [], "text", [None], [[]], 5, records]))
            steps.append(f"{kind} replaced")
            continue
        i = rng.randrange(len(records))
        rec = records[i]
        if not isinstance(rec, dict):
            continue
        if op < 0.5:
            field = rng.choice(_DRAFT_FIELDS)
            rec[field] = copy.deepcopy(rng.choice([*_VALUES, *_TOKENS[:20]]))
            steps.append(f"{kind}[{i}].{field} = hostile")
        elif op < 0.8:
            rec["review"] = "accepted"
            steps.append(f"{kind}[{i}] accepted")
        elif rec:
            key = rng.choice(sorted(rec))
            del rec[key]
            steps.append(f"{kind}[{i}] drop {key}")
    if rng.random() < 0.5:  # most drafts get reviewed
        for key in ("entities", "relations"):
            records = data.get(key) if isinstance(data.get(key), list) else []
            for rec in records:
                if isinstance(rec, dict) and rng.random() < 0.7:
                    rec["review"] = "accepted"
        steps.append("most accepted")
    if rng.random() < 0.15:
        data["source"] = copy.deepcopy(rng.choice(_VALUES))
        steps.append("source = hostile")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if rng.random() < 0.3:
        text = _mutate_text(rng, text)
        steps.append("text edits")
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return steps


def _draft_steps(root: Path, out: Path) -> list[tuple[str, Callable[[], Any]]]:
    return [
        ("review", lambda: graph.review("report", data=root)),
        ("html --draft", lambda: generate_html(graph.draft_graph("report", data=root))),
        ("accept", lambda: graph.accept("report", data=root)),
        ("load after", lambda: graph.load(root, cache=False)),
    ]


# -- documents ------------------------------------------------------------------------------

_HTML_BITS = [
    "<!--", "-->", "<a", "<a href='", "</a>", "<p>", "</div>", "<script>", "</script>",
    "<![CDATA[", "]]>", "<meta charset=undefined>", "<meta charset=punycode>",
    "<meta charset=gbk>", "<meta charset=big5>", "&amp;", "&#0;", "&#x10FFFF;", "&bogus;",
    "<article>", "<nav>", "<main role=main>", "<", ">", "\x00", "<?xml encoding='x'?>",
    "<!DOCTYPE html>", "<svg><foreignObject><p>", "<table><tr><td>", "<br/>" * 50,
]  # fmt: skip


def _bytes_mutation(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        at = rng.randrange(len(data) + 1)
        if op < 0.4 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op < 0.6:
            del data[at : at + rng.randint(1, 64)]
        elif op < 0.8:
            data[at:at] = rng.choice(_TOKENS).encode("utf-8", "surrogatepass")
        else:
            del data[at:]
    return bytes(data)


def _docx_mutation(rng: random.Random, raw: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml" and rng.random() < 0.8:
                xml = data.decode("utf-8")
                at = rng.randrange(len(xml) + 1)
                bit = rng.choice(
                    [
                        "<w:p/>" * rng.randint(1, 2000),
                        "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                        "&a;",
                        "<w:tbl><w:tr><w:tc>",
                        "</w:p>",
                        "\x00",
                        *_TOKENS[:10],
                    ]
                )
                data = (xml[:at] + bit + xml[at:]).encode("utf-8", "surrogatepass")
            if rng.random() < 0.05:
                continue  # a part goes missing
            z.writestr(info.filename, data)
    return out.getvalue()


def make_document(seed: int, folder: Path) -> tuple[Path, list[str]]:
    """Write case ``seed``'s document into ``folder``; return it and the steps taken."""
    rng = random.Random(seed)
    kind = rng.choice(["utf-8", "gb18030", "big5", "html", "docx", "pdf"])
    text = _text(rng)
    steps = [kind]
    if kind in ("utf-8", "gb18030", "big5"):
        raw = text.encode(kind, "replace")
        suffix = ".txt"
    elif kind == "html":
        lines = [f"<p>{line}</p>" for line in text.splitlines()]
        for _ in range(rng.randint(0, 6)):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(_HTML_BITS))
        if rng.random() < 0.1:
            lines.append(rng.choice(_HTML_BITS) * rng.randint(100, 20_000))
            steps.append("repeated markup")
        raw = "".join(lines).encode(rng.choice(["utf-8", "gb18030"]), "replace")
        suffix = ".html"
    elif kind == "docx":
        raw = make_docx(text.splitlines(), [["星河大学", "合作"]] if rng.random() < 0.3 else [])
        if rng.random() < 0.7:
            raw = _docx_mutation(rng, raw)
            steps.append("document.xml edited")
        suffix = ".docx"
    else:
        raw = make_pdf(text.splitlines())
        suffix = ".pdf"
    if rng.random() < 0.4:
        raw = _bytes_mutation(rng, raw)
        steps.append("bytes mutated")
    path = folder / f"doc{seed}{suffix}"
    path.write_bytes(raw)
    return path, steps


# -- the runs -------------------------------------------------------------------------------


def _run(
    kind: str, cases: int, case: Callable[[int, Path, Counter[str]], str | None], tmp: Path
) -> None:
    stats: Counter[str] = Counter()
    failures: list[str] = []
    started = time.monotonic()
    log = os.environ.get("KG_FUZZ_LOG")
    for n, seed in enumerate(range(FIRST_SEED, FIRST_SEED + cases), 1):
        failure = case(seed, tmp, stats)
        if failure:
            failures.append(failure)
        if log and (failure or n % 200 == 0 or n == cases):
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(
                    f"{kind}: {n} cases, {len(failures)} failures, "
                    f"{time.monotonic() - started:.0f} s: {dict(stats)}\n"
                )
                if failure:
                    handle.write(f"  {failure}\n")
    if _LONG or os.environ.get("KG_FUZZ_REPORT"):
        print(f"\nfuzz {kind}: {cases} cases from seed {FIRST_SEED}")
        for key, n in sorted(stats.items()):
            print(f"  {key}: {n}")
        print(f"  failures: {len(failures)}")
    assert not failures, "\n".join(failures[:20])
    return None


def _finding(seed: int, steps: list[str], exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return (
        f"seed {seed} ({'; '.join(steps)}): {type(exc).__name__}: {str(exc)[:200]} "
        f"at {Path(where.filename).name}:{where.lineno}"
    )


def test_hostile_drafts_never_crash(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))

    def case(seed: int, tmp: Path, stats: Counter[str]) -> str | None:
        root = tmp / f"draft{seed}" / "data"
        steps = make_draft_case(seed, ingested, root)
        try:
            with _deadline(CASE_SECONDS):
                for name, step in _draft_steps(root, tmp / "out"):
                    try:
                        step()
                        stats[f"{name}: ok"] += 1
                    except graph.KGError:
                        stats[f"{name}: KGError"] += 1
            return None
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            return _finding(seed, steps, exc)
        finally:
            shutil.rmtree(root.parent, ignore_errors=True)

    _run("drafts", DRAFT_CASES, case, tmp_path)


def test_hostile_documents_never_crash(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))

    def case(seed: int, tmp: Path, stats: Counter[str]) -> str | None:
        folder = tmp / f"doc{seed}"
        folder.mkdir()
        root = folder / "data"
        shutil.copytree(ingested, root, symlinks=True)
        path, steps = make_document(seed, folder)
        try:
            with _deadline(CASE_SECONDS):
                try:
                    graph.ingest(path, data=root)
                    stats[f"{steps[0]}: ingested"] += 1
                except graph.KGError:
                    stats[f"{steps[0]}: KGError"] += 1
            return None
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            return _finding(seed, steps, exc)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    _run("documents", DOCUMENT_CASES, case, tmp_path)


def test_document_cases_are_deterministic(tmp_path: Path) -> None:
    for seed in (1, 7, 42):
        (tmp_path / f"a{seed}").mkdir()
        (tmp_path / f"b{seed}").mkdir()
        a, _ = make_document(seed, tmp_path / f"a{seed}")
        b, _ = make_document(seed, tmp_path / f"b{seed}")
        if a.suffix != ".docx":  # a zip records the time it was written
            assert a.read_bytes() == b.read_bytes()
