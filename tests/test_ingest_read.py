"""Readers: every registered format, every common Chinese encoding, limits, bad input."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from _ingest_docs import SAMPLES, SENTENCE, make_docx, make_html, make_pdf, make_zip_bomb_docx

import graph
from graph._ingest import _docx
from graph._ingest._read import READERS, decode, format_for, read


@pytest.mark.parametrize("name", sorted(READERS))
def test_contract_every_reader(name: str, tmp_path: Path) -> None:
    """Each registered reader turns its sample into normalised text with its steps recorded;
    a new reader without a sample in tests/_ingest_docs.SAMPLES fails here."""
    reader = READERS[name]
    raw = SAMPLES[name]()
    path = tmp_path / f"doc{reader.suffixes[0]}"
    path.write_bytes(raw)
    assert format_for(path) is reader
    text = read(path)
    assert text.format == name
    assert SENTENCE in text.text
    assert text.raw == raw
    assert text.steps[-len(graph.NORMALIZATION_STEPS) :] == graph.NORMALIZATION_STEPS
    assert len(text.steps) > len(graph.NORMALIZATION_STEPS)
    assert len(text.sha256) == 64


@pytest.mark.parametrize(
    ("encoding", "text", "reported"),
    [
        ("utf-8", "青禾高新区与星河大学签订了合作协议。", "utf-8"),
        ("utf-8-sig", "青禾高新区与星河大学签订了合作协议。", "utf-8-sig"),
        ("gb18030", "青禾高新区与星河大学签订了合作协议。", "gb18030"),
        ("gbk", "青禾高新区与星河大学签订了合作协议,共建联合实验室。", "gb18030"),
        ("gb2312", "青禾高新区与星河大学签订了合作协议,共建联合实验室。", "gb18030"),
        ("big5", "青禾高新區與星河大學簽訂了合作協議,共建聯合實驗室。", "big5"),
    ],
)
def test_encodings_are_detected_and_reported(
    encoding: str, text: str, reported: str, tmp_path: Path
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    doc = read(path)
    assert doc.encoding == reported
    assert doc.text == graph.normalize(text)  # Big5 comes out simplified
    assert any(reported in step and "detected" in step for step in doc.steps)


def test_encoding_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("星河大學".encode("big5"))
    doc = read(path, encoding="big5")
    assert doc.text == "星河大学"
    assert "decoded from big5 (given)" in doc.steps


def test_crlf_and_bom_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("\ufeff第一行\r\n第二行".encode())
    doc = read(path)
    assert doc.text == "第一行\n第二行"
    assert "decoded from utf-8-sig (detected)" in doc.steps  # the BOM goes with the codec
    assert "line endings CRLF/CR -> LF" in doc.steps


@pytest.mark.parametrize(
    ("raw", "kwargs", "kind", "message"),
    [
        (b"\x80\x80\x80\x80\xff\xff", {}, graph.ReadError, "encoding.*--encoding"),
        ("星河".encode("gb18030") + b"\xff", {"encoding": "utf-8"}, graph.ReadError, "utf-8"),
        (b"abc", {"encoding": "no-such-codec"}, graph.ArgumentError, "'no-such-codec'.*gb18030"),
        (b"  \n\t ", {}, graph.ReadError, "no text"),
        (b"", {}, graph.ReadError, "no text"),
    ],
)
def test_bad_text_gets_a_clear_error(
    raw: bytes, kwargs: dict[str, str], kind: type[graph.KGError], message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(kind, match=message):  # the kind, and the value or what to pass
        read(path, **kwargs)


def test_html_keeps_the_main_text_only() -> None:
    doc = decode(make_html(SENTENCE, "gbk"), READERS["html"])
    assert SENTENCE in doc.text
    for boilerplate in ("首页", "新闻中心", "导航脚本", "版权所有", "青禾门户网站", "color"):
        assert boilerplate not in doc.text
    assert doc.encoding == "gb18030"  # gbk declared: read as its superset
    assert any("declared by the page" in s for s in doc.steps)


def test_html_without_article_drops_link_lists() -> None:
    page = (
        "<body><ul><li><a href=1>相关新闻一</a></li><li><a href=2>相关新闻二</a></li></ul>"
        f"<div><p>{SENTENCE}</p><p>详见<a href=3>附件</a>说明。</p></div></body>"
    ).encode()
    doc = decode(page, READERS["html"])
    assert doc.text.splitlines() == [SENTENCE, "详见附件说明。"]


def test_docx_reads_paragraphs_and_tables() -> None:
    raw = make_docx(["第一段。", SENTENCE], [["项目", "状态"], ["云杉数据中心项目", "在建"]])
    doc = decode(raw, READERS["docx"])
    assert doc.text.splitlines() == ["第一段。", SENTENCE, "项目｜状态", "云杉数据中心项目｜在建"]


def test_docx_refuses_non_zip_and_zip_bombs(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(graph.ReadError, match="--format"):  # says how to read it after all
        decode(b"plain text, not a zip", READERS["docx"])
    monkeypatch.setattr(_docx, "MAX_UNPACKED", 1_000_000)
    with pytest.raises(graph.LimitError, match="2,000,000 bytes"):
        decode(make_zip_bomb_docx(), READERS["docx"])


def test_pdf_joins_lines_the_layout_broke() -> None:
    doc = decode(make_pdf(["青禾高新区与星河", "大学签订了合作协议。", "第二段。"]), READERS["pdf"])
    assert doc.text == "青禾高新区与星河大学签订了合作协议。\n第二段。"
    assert "joined lines the page layout broke inside Chinese sentences" in doc.steps


def test_damaged_and_empty_pdfs_get_clear_errors() -> None:
    with pytest.raises(graph.ReadError):
        decode(b"%PDF-1.4\nnot really", READERS["pdf"])
    with pytest.raises(graph.ReadError, match="run OCR"):  # the hint for scanned PDFs
        decode(make_pdf([" "]), READERS["pdf"])


@pytest.mark.parametrize(("module", "fmt"), [("docx", "docx"), ("pypdf", "pdf")])
def test_missing_extra_names_it(module: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = SAMPLES[fmt]()
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(graph.MissingExtraError, match=r"\[ingest\]") as info:
        decode(raw, READERS[fmt])
    assert info.value.extra == "ingest"


def test_size_limit_and_special_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("青".encode() * 100)
    monkeypatch.setenv("KG_MAX_SOURCE_BYTES", "200")
    with pytest.raises(graph.LimitError, match="KG_MAX_SOURCE_BYTES"):  # names the setting
        read(big)
    with pytest.raises(graph.ReadError, match="pass a document"):
        read(tmp_path)
    with pytest.raises(graph.ReadError):
        read(tmp_path / "missing.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(graph.UnsafePathError):
        read(fifo)  # refused at once: never blocks waiting for a writer


def test_unknown_suffix_reads_as_text_and_format_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "report.dat"
    path.write_bytes(make_html(SENTENCE))
    assert read(path).format == "txt"
    assert read(path, format="html").text == "工作进展\n" + SENTENCE
    with pytest.raises(graph.ArgumentError, match="use one of: txt, html"):
        read(path, format="odt")


def test_hostile_html_nesting_and_stray_end_tags() -> None:
    from graph._ingest._html import main_text

    page = "<div>" * 5000 + SENTENCE + "</span></b>" * 5000 + "</div>" * 5000
    assert main_text(page) == SENTENCE
