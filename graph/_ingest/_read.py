"""Readers: one registry of input formats, one :func:`read` that looks them up.

==========  ==============================  ===========================================
format      suffixes                        text taken from
==========  ==============================  ===========================================
txt         ``.txt`` ``.text`` (default)    the whole file; UTF-8, GB18030/GBK or Big5,
                                            detected (or given with ``encoding=``)
html        ``.html`` ``.htm`` ``.xhtml``   the main text: scripts, styles, navigation,
                                            headers, footers and link lists dropped
docx        ``.docx``                       paragraphs and table cells, in order
pdf         ``.pdf``                        the text layer, page by page
==========  ==============================  ===========================================

A reader is a function from the document's bytes (and an optional encoding) to a
:class:`Decoded`: the text, the encoding used, and the steps it applied. :func:`read`
reads the file within the size limit, runs the reader, then the normaliser
(:func:`graph.normalize`), and returns a :class:`Text` that records every step.
Adding a format is one module with a ``decode_<name>`` function and one
:func:`register` line at the end of this file; the contract test in
``tests/test_ingest_read.py`` checks every registered reader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .._errors import ArgumentError, LimitError, ReadError
from .._limits import Limits, read_capped
from .._normalize import NORMALIZATION_STEPS, normalize
from . import _docx, _html, _pdf, _txt
from ._base import Decoded

Decoder = Callable[[bytes, str | None], Decoded]

__all__ = [
    "READERS",
    "Reader",
    "Text",
    "decode",
    "format_for",
    "read",
    "register",
]

#: Most characters a document may yield after extraction (the extractor is linear, but
#: a draft of a book is of no use to a reviewer).
MAX_TEXT_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format: its name, the suffixes that select it, its decoder."""

    name: str
    suffixes: tuple[str, ...]
    decode: Decoder
    description: str

    def __repr__(self) -> str:
        return f"Reader({self.name!r}, {self.suffixes})"


@dataclass(frozen=True, slots=True)
class Text:
    """A document read for ingestion.

    ``raw`` holds its bytes as read, ``text`` the normalised text every quote
    must come from, ``format`` and ``encoding`` what was used to read it, and
    ``steps`` every step from bytes to ``text`` (recorded in ``sources.yaml``).
    """

    raw: bytes
    text: str
    format: str
    encoding: str | None
    steps: tuple[str, ...]

    @property
    def sha256(self) -> str:
        """The SHA-256 of the raw bytes, in hex."""
        return hashlib.sha256(self.raw).hexdigest()

    def __repr__(self) -> str:
        enc = f", {self.encoding}" if self.encoding else ""
        return f"Text({self.format}{enc}, {len(self.raw)} bytes, {len(self.text)} characters)"


_READERS: dict[str, Reader] = {}

#: The registered readers by format name (read-only).
READERS: Mapping[str, Reader] = MappingProxyType(_READERS)


def register(name: str, suffixes: tuple[str, ...], decode: Decoder, description: str) -> None:
    """Register a reader (the last line of each format module's registration)."""
    _READERS[name] = Reader(name, suffixes, decode, description)


def format_for(path: str | Path, format: str | None = None) -> Reader:
    """The reader for ``format``, or for ``path``'s suffix (plain text when unknown)."""
    if format is not None:
        if format not in _READERS:
            known = ", ".join(_READERS)
            raise ArgumentError(f"unknown format {format!r}; use one of: {known}")
        return _READERS[format]
    suffix = Path(path).suffix.lower()
    for reader in _READERS.values():
        if suffix in reader.suffixes:
            return reader
    return _READERS["txt"]


def decode(
    raw: bytes, reader: Reader, encoding: str | None = None, *, name: str = "the document"
) -> Text:
    """Run ``reader`` on ``raw`` and normalise the result into a :class:`Text`."""
    if encoding is not None:
        encoding = _txt.text_codec(encoding)
    decoded = reader.decode(raw, encoding)
    if len(decoded.text) > MAX_TEXT_CHARS:
        raise LimitError(
            f"{name} yields {len(decoded.text):,} characters, more than {MAX_TEXT_CHARS:,}; "
            "split it into smaller documents"
        )
    text = normalize(decoded.text)
    if not text.strip():
        raise ReadError(
            f"{name} has no text to ingest"
            + (
                " (a PDF of scanned images has no text layer; run OCR first)"
                if reader.name == "pdf"
                else "; check that it is the right file"
            )
        )
    return Text(raw, text, reader.name, decoded.encoding, decoded.steps + NORMALIZATION_STEPS)


def read(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    limits: Limits | None = None,
) -> Text:
    """Read the document at ``path`` (within ``limits``) into a normalised :class:`Text`.

    The format comes from ``format`` or the suffix (plain text when unknown); for
    plain text and HTML the encoding is detected unless ``encoding`` is given.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = p.write_bytes("北京師範大學".encode("big5"))
    >>> t = read(p)
    >>> t.text, t.encoding
    ('北京师范大学', 'big5')
    """
    limits = limits or Limits.from_env()
    p = Path(path)
    if p.is_dir():
        raise ReadError(f"{p} is a folder; pass a document (.txt, .html, .docx or .pdf)")
    raw = read_capped(p, limits.max_source_bytes)
    return decode(raw, format_for(p, format), encoding, name=p.name)


register("txt", (".txt", ".text", ".md"), _txt.decode_txt, "plain text in any common encoding")
register("html", (".html", ".htm", ".xhtml"), _html.decode_html, "a web page's main text")
register("docx", (".docx",), _docx.decode_docx, "a Word document's paragraphs and tables")
register("pdf", (".pdf",), _pdf.decode_pdf, "a PDF's text layer")
