"""Hardening of ``kg ingest`` and ``kg accept`` on untrusted folders and documents.

One test (or more) per finding of issue 17, numbered as there: links and special
files in the data folder (1-4), concurrent runs (5), documents that exhaust time or
memory (6-9), and the smaller findings (10-17).
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import folder_lock_held
from _ingest_docs import make_docx

import graph
from graph._cli import main
from graph._errors import DataError

DOC = "星河科技园工作简报\n露露股份与星河大学签订了合作协议。青禾物流园项目完成选址。\n"
ROOT_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def _run(*argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    err = io.StringIO()
    real = sys.stderr
    sys.stderr = err
    try:
        code = main(list(argv), out)
    finally:
        sys.stderr = real
    return code, out.getvalue(), err.getvalue()


def _in_thread(fn: Callable[[], Any], timeout: float = 30) -> BaseException | Any:
    """``fn()``'s result or exception; a test failure if it runs past ``timeout``."""
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(fn())
        except BaseException as exc:
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"still running after {timeout} s"
    return box[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return graph.init(tmp_path / "data")


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


def _files_inside(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


# -- 1. links and backups ---------------------------------------------------------------


def test_1_a_linked_draft_is_never_copied_into_the_folder(
    root: Path, doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("SECRET-KEY-MATERIAL")
    (root / "drafts" / "report.yaml").symlink_to(secret)
    import graph._ingest._store as store

    real_load = store.load
    calls = []

    def failing_load(path: Any, **kw: Any) -> Any:  # the check after writing fails
        calls.append(path)
        if len(calls) > 1:
            raise graph.KGError("validation failed")
        return real_load(path, **kw)

    monkeypatch.setattr(store, "load", failing_load)
    with pytest.raises(graph.KGError):
        graph.ingest(doc, data=root)
    assert not any(b"SECRET" in data for data in _files_inside(root).values())
    assert secret.read_text() == "SECRET-KEY-MATERIAL"


def test_1_ingest_never_overwrites_another_sources_text(root: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text(DOC, encoding="utf-8")
    graph.ingest(first, data=root)
    sources = root / "sources" / "sources.yaml"
    # the source "first" keeps its text in report.txt, which an ingest as "report" writes
    (root / "sources" / "first.txt").rename(root / "sources" / "report.txt")
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("text: first.txt", "text: report.txt"),
        encoding="utf-8",
    )
    graph.load(root, cache=False)
    before = (root / "sources" / "report.txt").read_bytes()
    other = tmp_path / "report.txt"
    other.write_text("另一份报告\n青禾高新区与星河大学合作。\n", encoding="utf-8")
    with pytest.raises(graph.ArgumentError, match=r"names sources/report\.txt.*pass --id"):
        graph.ingest(other, data=root)
    assert (root / "sources" / "report.txt").read_bytes() == before


# -- 2. a linked drafts/ ------------------------------------------------------------------


def test_2_a_drafts_folder_linked_outside_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "config-app"
    outside.mkdir()
    (root / "drafts" / "README.md").unlink()
    (root / "drafts").rmdir()
    (root / "drafts").symlink_to(outside)
    doc = tmp_path / "config.txt"
    doc.write_text(DOC, encoding="utf-8")
    with pytest.raises(graph.UnsafePathError, match="drafts is a link"):
        graph.ingest(doc, data=root)
    assert list(outside.iterdir()) == []


# -- 3. FIFOs, devices and hostile ids in sources/ ----------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_3_a_fifo_or_device_named_like_a_raw_file_does_not_hang(
    root: Path, doc: Path, tmp_path: Path
) -> None:
    first = tmp_path / "evil.txt"
    first.write_text("另一份报告\n青禾高新区与星河大学合作。\n", encoding="utf-8")
    graph.ingest(first, data=root)
    sources = root / "sources" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")  # a record without raw_sha256: the raw is looked for
    sources.write_text(
        "\n".join(ln for ln in text.splitlines() if "raw" not in ln) + "\n", encoding="utf-8"
    )
    for p in (root / "sources").glob("evil.raw.*"):
        p.unlink()
    os.mkfifo(root / "sources" / "evil.raw.x")
    (root / "sources" / "evil.raw.z").symlink_to("/dev/zero")
    result = _in_thread(lambda: graph.ingest(doc, data=root), timeout=30)
    assert isinstance(result, graph.IngestResult), result


def test_3_a_hostile_source_id_is_refused_before_anything_is_read(
    root: Path, doc: Path, tmp_path: Path
) -> None:
    sources = root / "sources" / "sources.yaml"
    sources.write_text(
        "- id: '../../outside/**'\n  title: t\n  title_en: t\n  language: zh-Hans\n  text: x.txt\n",
        encoding="utf-8",
    )
    result = _in_thread(lambda: graph.ingest(doc, data=root), timeout=30)
    assert isinstance(result, DataError), result
    assert not (root / "drafts" / "report.yaml").exists()


# -- 4 and 17: accept's staging -------------------------------------------------------------


@pytest.fixture
def accepted_ready(root: Path, doc: Path) -> Path:
    """A folder with one ingested source whose draft has everything accepted."""
    graph.ingest(doc, data=root)
    path = root / "drafts" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for rec in (*data["entities"], *data["relations"]):
        rec["review"] = "accepted"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_4_staging_never_follows_links(accepted_ready: Path, tmp_path: Path) -> None:
    outside = tmp_path / "everything"
    outside.mkdir()
    (outside / "big.bin").write_bytes(b"x" * 1000)
    os.mkfifo(outside / "pipe")
    (accepted_ready / "entities" / "attachments").symlink_to(outside)
    os.mkfifo(accepted_ready / "sources" / "pipe")
    graph.load(accepted_ready, cache=False)  # the loader ignores both
    result = _in_thread(lambda: graph.accept("report", data=accepted_ready))
    assert isinstance(result, graph.AcceptResult), result
    assert result.new_entities > 0


def test_17_a_killed_accept_leaves_nothing_behind(
    accepted_ready: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph._ingest._merge as merge

    stages: list[Path] = []
    real = merge.load

    def spy(path: Any, **kw: Any) -> Any:
        stages.append(Path(path))
        return real(path, **kw)

    monkeypatch.setattr(merge, "load", spy)
    # a staging folder left by a run that was killed
    stale = accepted_ready / ".kg-accept-killed" / "data" / "entities"
    stale.mkdir(parents=True)
    (stale / "x.yaml").write_text("[]")
    graph.accept("report", data=accepted_ready)
    staged = [p for p in stages if p.resolve() != accepted_ready.resolve()]
    assert staged and all(p.resolve().is_relative_to(accepted_ready.resolve()) for p in staged)
    assert not list(accepted_ready.glob(".kg-accept-*"))
    assert not list(accepted_ready.parent.glob(".kg-accept-*"))


# -- 5. concurrent runs -----------------------------------------------------------------------


def _kg(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "graph", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ROOT_ENV,
    )


def test_5_four_ingests_at_once_all_record_their_source(root: Path, tmp_path: Path) -> None:
    docs = []
    for i in range(4):
        p = tmp_path / f"doc{i}.txt"
        p.write_text(f"第{i}份报告\n青禾高新区与星河大学{i}号楼合作。\n", encoding="utf-8")
        docs.append(p)
    procs = [_kg("--data", str(root), "ingest", str(p)) for p in docs]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    records = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in records) == ["doc0", "doc1", "doc2", "doc3"]
    graph.load(root, cache=False)


def test_5_two_accepts_at_once_keep_both_sets_of_quotes(root: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.txt"
    base.write_text("基础报告\n星河大学位于青禾。\n", encoding="utf-8")
    graph.ingest(base, data=root)
    (root / "entities" / "base.yaml").write_text(
        "- id: xinghe-university\n  type: university\n  name: 星河大学\n"
        "  name_en: Xinghe University\n  evidence:\n    - source: base\n"
        "      quote: 星河大学位于青禾\n",
        encoding="utf-8",
    )
    quotes = {}
    for sid in ("one", "two"):
        p = tmp_path / f"{sid}.txt"
        quote = f"星河大学与{sid}合作"
        p.write_text(f"{sid}报告\n{quote}。\n", encoding="utf-8")
        graph.ingest(p, data=root)
        quotes[sid] = quote
        draft = {
            "source": sid,
            "entities": [
                {
                    "name": "星河大学",
                    "type": "university",
                    "match": "xinghe-university",
                    "review": "accepted",
                    "evidence": [{"source": sid, "quote": quote}],
                }
            ],
            "relations": [],
        }
        (root / "drafts" / f"{sid}.yaml").write_text(
            yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8"
        )
    for _ in range(2):  # two rounds: each a race
        procs = [_kg("--data", str(root), "accept", sid) for sid in ("one", "two")]
        results = [p.communicate(timeout=300) for p in procs]
        assert all(p.returncode == 0 for p in procs), results
    kg = graph.load(root, cache=False)
    have = {ev.quote for ev in kg.entity("xinghe-university").evidence}
    assert set(quotes.values()) <= have


def test_5_a_second_writer_waits_with_a_message_then_fails_clearly(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("fcntl")
    from graph._lock import folder_lock

    with folder_lock_held(root):
        monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.3")
        err = io.StringIO()
        monkeypatch.setattr(sys, "stderr", err)
        with (
            pytest.raises(graph.KGError, match="another kg command is still writing"),
            folder_lock(root),
        ):
            pass
        assert "waiting for another kg command" in err.getvalue()


def test_5_a_write_into_a_folder_this_thread_holds_does_not_wait_for_itself(root: Path) -> None:
    pytest.importorskip("fcntl")
    from graph._atomic import write_text
    from graph._lock import folder_lock

    with folder_lock(root):  # one lock for data folders and atomic writes: no self-deadlock
        write_text(root / "notes.txt", "kept")
    assert (root / "notes.txt").read_text() == "kept"


def test_5_two_threads_take_turns_on_one_data_folder(root: Path) -> None:
    pytest.importorskip("fcntl")
    from graph._lock import folder_lock

    inside: list[int] = []
    overlaps: list[int] = []

    def writer() -> None:
        for _ in range(5):
            with folder_lock(root):
                inside.append(1)
                if len(inside) > 1:
                    overlaps.append(len(inside))
                time.sleep(0.01)
                inside.pop()

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert overlaps == []  # the lock is per thread, not per process


# -- 6-8. documents that exhaust time or memory -----------------------------------------------


def test_6_a_docx_of_countless_empty_paragraphs_is_refused_while_streaming(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from graph._ingest import _docx

    base = make_docx(["星河大学合作"])
    zin = zipfile.ZipFile(io.BytesIO(base))
    xml = zin.read("word/document.xml").decode("utf-8")
    at = xml.index("<w:body>") + len("<w:body>")
    bomb = xml[:at] + "<w:p/>" * 300_000 + xml[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = bomb.encode() if info.filename == "word/document.xml" else zin.read(info)
            z.writestr(info.filename, data)
    monkeypatch.setattr(_docx, "MAX_ELEMENTS", 100_000)  # the same rule at a test's scale
    with pytest.raises(graph.LimitError, match="XML elements"):  # which cap: the elements
        _docx.decode_docx(out.getvalue(), None)
    monkeypatch.setattr(_docx, "MAX_DOCUMENT_XML", 1_000_000)
    monkeypatch.setattr(_docx, "MAX_ELEMENTS", 10_000_000)
    with pytest.raises(graph.LimitError, match="unpacks to more than 1,000,000 bytes"):
        _docx.decode_docx(out.getvalue(), None)


@pytest.mark.parametrize("unit", ["<!--x", "<a", "<a b='", "</", "<![CDATA["])
def test_7_html_parsing_is_linear(unit: str) -> None:
    from graph._ingest._html import decode_html, main_text

    page = (unit * (1_000_000 // len(unit))).encode()
    result = _in_thread(lambda: decode_html(page, "utf-8"), timeout=60)
    assert not isinstance(result, BaseException), result
    assert main_text("<p>星河大学</p><!--x") == "星河大学"


def _shared_pdf(line: str, lines: int, pages: int) -> bytes:
    """A PDF of ``pages`` pages that all draw one compressed content stream."""
    chars = sorted(set(line))
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n"
        + "".join(f"<{cid[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
        + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()
    shown = "<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj"
    ops = "BT /F1 12 Tf 72 720 Td\n" + "\n0 -20 Td\n".join([shown] * lines) + "\nET"
    body = zlib.compress(ops.encode("latin-1"), 9)
    kids = " ".join(f"{8 + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Synthetic /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Synthetic /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
    )
    objects += [page] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_8_pdf_characters_are_counted_page_by_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph._ingest import _pdf

    extracted = []
    real = _pdf._pages

    def spy(reader: Any) -> list[str]:
        for page in reader.pages:
            original = page.extract_text

            def counted(*a: Any, _o: Any = original, **k: Any) -> str:
                extracted.append(1)
                return str(_o(*a, **k))

            page.extract_text = counted
        return real(reader)

    monkeypatch.setattr(_pdf, "_pages", spy)
    monkeypatch.setattr(_pdf, "MAX_CHARS", 50_000)
    data = _shared_pdf("星河大学与青禾高新区合作。" * 4, 100, 400)  # 5,200 characters a page
    with pytest.raises(graph.LimitError, match="characters"):
        _pdf.decode_pdf(data, None)
    assert len(extracted) <= 1  # one shared stream is interpreted once, not per page


def test_8_pdf_content_work_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph._ingest import _pdf

    monkeypatch.setattr(_pdf, "MAX_CONTENT_BYTES", 10_000)
    data = _shared_pdf("星河大学", 2000, 1)
    with pytest.raises(graph.LimitError, match="bytes of content"):
        _pdf.decode_pdf(data, None)
    assert _pdf.decode_pdf(_shared_pdf("星河大学", 3, 2), None).text.count("星河大学") == 6


# -- 9. quote checking ------------------------------------------------------------------------


def test_9_each_source_is_scanned_once_for_all_its_quotes(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph._quotes as quotes

    scans: list[int] = []
    real = quotes.find_quotes

    def counting(text: str, wanted: Any) -> set[str]:
        scans.append(len(set(wanted)))
        return real(text, wanted)

    monkeypatch.setattr(quotes, "find_quotes", counting)
    kg = graph.load(sample_data, cache=False)
    n_sources = len(kg.sources())
    n_quotes = sum(len(e.evidence) for e in kg) + sum(len(r.evidence) for r in kg.relations())
    assert len(scans) == n_sources < n_quotes


def test_9_quote_finding_matches_substring_search() -> None:
    import random

    from graph._quotes import find_quotes

    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("ab天津") for _ in range(rng.randint(0, 300)))
        wanted = [
            "".join(rng.choice("ab天津") for _ in range(rng.randint(0, 8))) for _ in range(20)
        ]
        assert find_quotes(text, wanted) == {q for q in wanted if q in text}


def test_9_many_nested_quotes_stay_cheap() -> None:
    from graph._quotes import find_quotes

    text = "a" * 2_000_000
    wanted = ["a" * i for i in range(1, 400)] + ["b"]
    found = _in_thread(lambda: find_quotes(text, wanted), timeout=60)
    assert found == set(wanted) - {"b"}


def test_9_missing_quotes_are_still_located(sample_data: Path) -> None:
    path = sample_data / "entities" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    first = yaml.safe_load(text)[0]["evidence"][0]["quote"]
    path.write_text(text.replace(first, "不在原文里的话", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        graph.load(sample_data, cache=False)
    (problem,) = [p for p in info.value.problems if "quote not found" in p.message]
    assert problem.file == path and problem.line > 0


# -- 10. the cache ----------------------------------------------------------------------------


def test_10_an_oversized_file_added_after_caching_is_not_skipped(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_MAX_DATA_BYTES", "200000")
    graph.load(sample_data)  # cached
    (sample_data / "entities" / "more.yaml").write_text("# " + "x" * 300_000 + "\n")
    with pytest.raises(DataError, match="larger than"):
        graph.load(sample_data, cache=False)
    with pytest.raises(DataError, match="larger than"):
        graph.load(sample_data)  # the warm load refuses it too


def test_10_a_cache_folder_others_can_write_is_not_used(
    sample_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph import _cache

    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("KG_CACHE_DIR", str(shared))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    graph.load(sample_data)
    graph.load(sample_data)
    assert list(shared.iterdir()) == []  # nothing written there, nothing read
    assert "not using the cache folder" in err.getvalue()
    private = tmp_path / "new-cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(private))
    graph.load(sample_data)
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    assert len(list(private.iterdir())) == 1
    # a cache file others may write is ignored as well
    (cache_file,) = private.iterdir()
    cache_file.chmod(0o666)
    assert _cache._read(cache_file, "any") is None


def test_10_accept_leaves_no_cache_file_for_its_staging(
    accepted_ready: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "accept-cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    graph.load(accepted_ready)
    before = set(cache.iterdir())
    graph.accept("report", data=accepted_ready)
    graph.load(accepted_ready)
    after = set(cache.iterdir())
    assert len(after) == len(before) == 1  # the folder's own file, rewritten


# -- 11. tracebacks instead of messages -------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [b"<meta charset=undefined><p>\xe6\x98\x9f</p>", b"<meta charset=punycode><p>abc-\xff</p>"],
)
def test_11_odd_declared_charsets(page: bytes) -> None:
    from graph._ingest._html import decode_html

    with contextlib.suppress(graph.KGError):  # a message or a text, never a traceback
        decode_html(page, None)


@pytest.mark.parametrize("encoding", ["hex", "rot13", "undefined", "punycode", "base64"])
def test_11_non_text_encodings_are_refused(doc: Path, root: Path, encoding: str) -> None:
    code, _, err = _run("--data", str(root), "ingest", str(doc), "--encoding", encoding)
    assert code == 1 and "kg: error:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("confidence", "abc"),
        ("attributes", "hello"),
        ("aliases", 5),
        ("match", ["a"]),
        ("event", ["x"]),
        ("name", ["x"]),
        ("evidence", "quote"),
    ],
)
def test_11_odd_draft_fields_are_messages(
    root: Path, doc: Path, tmp_path: Path, field: str, value: Any
) -> None:
    graph.ingest(doc, data=root)
    path = root / "drafts" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = "relations" if field == "event" else "entities"
    data[key][0][field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for argv in (
        ["review", "report"],
        ["html", "--draft", "report", "-o", str(tmp_path / "d.html")],
        ["accept", "report"],
    ):
        code, _, err = _run("--data", str(root), *argv)
        assert code == 1 and f"{field} must be" in err, (argv, err)


@pytest.mark.parametrize("where", ["sources/report.txt", "drafts/report.yaml"])
def test_11_a_folder_where_a_file_goes_is_a_message(root: Path, doc: Path, where: str) -> None:
    (root / where).mkdir()
    before = _files_inside(root)
    code, _, err = _run("--data", str(root), "ingest", str(doc))
    assert code == 1 and "kg: error:" in err and "not a regular file" in err
    assert _files_inside(root) == before


LONG = "n" * 300


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", LONG, "validate"],
        ["--data", LONG, "stats"],
        ["--data", LONG, "show", "x"],
        ["--data", LONG, "find", "--text", "x"],
        ["--data", LONG, "partners", "x"],
        ["--data", LONG, "relations"],
        ["--data", LONG, "rank"],
        ["--data", LONG, "html"],
        ["--data", LONG, "export", "json"],
        ["--data", LONG, "ingest", "x.txt"],
        ["--data", LONG, "review", "x"],
        ["--data", LONG, "accept", "x"],
        ["--data", LONG, "history", "a", "b"],
        ["init", LONG],
        ["normalize", LONG + ".txt"],
        ["html", "-o", LONG + ".html"],
    ],
)
def test_11_names_over_255_bytes_are_messages(argv: list[str], tmp_path: Path) -> None:
    os.chdir(tmp_path)
    code, _, err = _run(*argv)
    assert code == 1 and "kg: error:" in err, err


def test_11_a_falkordb_address_with_an_open_bracket() -> None:
    from graph._falkordb import parse_url

    with pytest.raises(graph.KGError, match="not a valid address"):
        parse_url("falkordb://[127.0.0.1/g")


# -- 12. review escapes what it prints --------------------------------------------------------


def test_12_review_escapes_the_draft_source(root: Path, doc: Path) -> None:
    graph.ingest(doc, data=root)
    path = root / "drafts" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["source"] = "report\x1b]0;owned\x07\x1b[2J"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    table = graph.review("report", data=root)
    assert "\x1b" not in table and "\x07" not in table
    assert "\\u001b" in table


# -- 13. CSV with any list separator ----------------------------------------------------------


def test_13_csv_cells_with_semicolons_or_tabs_are_quoted(tmp_path: Path) -> None:
    from graph._export._csv import write_csv

    e = graph.Entity("a", graph.EntityType.PLACE, "a;=1+1;b", "x\t=2+2")
    out = write_csv(graph.KnowledgeGraph([e], []), tmp_path / "csv")
    row = (out / "entities.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert '"a;=1+1;b"' in row and '"x\t=2+2"' in row
    import csv

    with open(out / "entities.csv", encoding="utf-8-sig", newline="") as f:
        assert next(csv.DictReader(f))["name"] == "a;=1+1;b"


def test_13_the_page_quotes_semicolons_too() -> None:
    js = (Path(graph.__file__).parent / "templates" / "js" / "tables.js").read_text()
    line = next(ln for ln in js.splitlines() if ".test(text) ?" in ln)
    assert ";" in line.split(".test")[0] and "\\t" in line.split(".test")[0]


# -- 14. a quote with U+0085 --------------------------------------------------------------------


def test_14_a_quote_with_a_next_line_character_can_be_accepted(root: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.txt"
    base.write_text("基础报告\n星河大学位于青禾。\n", encoding="utf-8")
    graph.ingest(base, data=root)
    (root / "entities" / "base.yaml").write_text(
        "- id: xinghe-university\n  type: university\n  name: 星河大学\n"
        "  name_en: Xinghe University\n  evidence:\n    - source: base\n"
        "      quote: 星河大学位于青禾\n",
        encoding="utf-8",
    )
    graph.load(root, cache=False)
    text = (root / "sources" / "base.txt").read_text(encoding="utf-8")
    # a source whose normalised text holds U+0085 (as a raw-less text file may)
    (root / "sources" / "base.txt").write_text(text + "星河\x85大学\n", encoding="utf-8")
    sources = root / "sources" / "sources.yaml"
    sources.write_text(
        "\n".join(ln for ln in sources.read_text(encoding="utf-8").splitlines() if "raw" not in ln)
        + "\n",
        encoding="utf-8",
    )
    from graph._ingest._draft import Draft, dump_draft

    entity = {
        "name": "星河大学",
        "type": "university",
        "match": "xinghe-university",
        "review": "accepted",
        "evidence": [{"source": "base", "quote": "星河\x85大学"}],
    }
    # the draft as kg writes it (ingest, and accept for what stays)
    (root / "drafts" / "base.yaml").write_text(
        dump_draft(Draft("base", [entity], [])), encoding="utf-8"
    )
    result = graph.accept("base", data=root)
    assert result.evidence_added == 1
    quotes = {ev.quote for ev in graph.load(root, cache=False).entity("xinghe-university").evidence}
    assert "星河\x85大学" in quotes


# -- 15. FalkorDB addresses and NULs ----------------------------------------------------------


def test_15_port_zero_is_refused() -> None:
    from graph._falkordb import parse_url

    with pytest.raises(graph.KGError, match="no valid port"):
        parse_url("falkordb://127.0.0.1:0/g")
    assert parse_url("falkordb://127.0.0.1/g").port == 6379


def test_15_a_nul_in_a_name_is_refused_before_anything_is_pushed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import graph._falkordb as fdb

    connected = []
    monkeypatch.setattr(fdb, "_connect", lambda address: connected.append(address))
    e = graph.Entity("a", graph.EntityType.PLACE, "承\x00德", "Chengde")
    with pytest.raises(graph.KGError, match="NUL"):
        fdb.push(graph.KnowledgeGraph([e], []), "falkordb://127.0.0.1:6379/g")
    assert connected == []


# -- 16. GB18030's four-byte characters ---------------------------------------------------------


@pytest.mark.parametrize("text", ["€", "𠀀€", "价格€100", "报告：价格为100€，地址𠀀路。"])
def test_16_gb18030_with_four_byte_characters_is_detected(text: str) -> None:
    from graph._ingest._txt import decode_txt

    decoded = decode_txt(text.encode("gb18030"), None)
    assert decoded.encoding == "gb18030" and decoded.text == text
    # Big5 text is still read as Big5
    big5 = "北京師範大學與青禾高新區合作。"
    assert decode_txt(big5.encode("big5"), None).encoding == "big5"


@pytest.mark.parametrize("field", ["type", "status", "basis"])
def test_11_a_list_where_an_enumeration_goes_is_a_message(
    root: Path, doc: Path, field: str
) -> None:
    """Found by the draft fuzzer (seed 1556): ``status: [x]`` was a TypeError."""
    graph.ingest(doc, data=root)
    path = root / "drafts" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["relations"][0][field] = ["signed"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = _run("--data", str(root), "review", "report")
    assert code == 1 and "kg: error:" in err and field in err, err
