"""PDF: the text layer, page by page, with pypdf; lines the layout broke inside a
Chinese sentence are joined again."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from .._errors import KGError, LimitError, ReadError
from ._base import Decoded, require

__all__ = ["decode_pdf", "join_layout_lines"]

#: Most pages read from one PDF.
MAX_PAGES = 2000
#: Most characters taken from one PDF (as :data:`graph._ingest._read.MAX_TEXT_CHARS`),
#: counted page by page: extraction stops at the page that goes over.
MAX_CHARS = 5_000_000
#: Most bytes of page content streams interpreted, summed over pages (a stream shared
#: by 2,000 pages counts 2,000 times): the work of extraction, bounded before it is done.
MAX_CONTENT_BYTES = 32 * 1024 * 1024

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A line break between two Chinese characters (or a character and a digit), where the
# line before does not end a sentence: the page layout broke the line, not the author.
_LAYOUT_BREAK = re.compile(rf"(?<=[{_HAN}0-9，、,])[ \t]*\n[ \t]*(?=[{_HAN}0-9])")


def join_layout_lines(text: str) -> str:
    """Join lines broken by the page layout inside a Chinese sentence.

    >>> join_layout_lines("承德高新区与天津\\n大学合作。\\n第二段")
    '承德高新区与天津大学合作。\\n第二段'
    """
    return _LAYOUT_BREAK.sub("", text)


def _content_size(page: Any) -> int:
    """The bytes of a page's content streams and of the form XObjects it draws."""
    size = 0
    contents = page.get_contents()
    if contents is not None:
        size += len(contents.get_data())
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Form":
                size += len(obj.get_data())
    return size


def _same_as(page: Any) -> tuple[str, str] | None:
    """What makes a page's text: its content streams and resources, when both are shared
    objects (pages drawn from one stream with one font give one text)."""
    contents = page.get("/Contents")
    if not hasattr(contents, "idnum"):
        return None
    return (repr(contents), repr(page.get("/Resources")))


def _pages(reader: Any) -> list[str]:
    """The text of each page, within :data:`MAX_CONTENT_BYTES` and :data:`MAX_CHARS`.

    A page that draws the content stream of a page already read (with the same
    resources) has its text; it is counted again, never extracted again.
    """
    pages: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    chars = work = 0
    for page in reader.pages:
        key = _same_as(page)
        if key is not None and key in seen:
            text = seen[key]
        else:
            work += _content_size(page)
            if work > MAX_CONTENT_BYTES:
                raise LimitError(
                    f"this PDF's pages hold more than {MAX_CONTENT_BYTES:,} bytes of content "
                    f"to interpret (by page {len(pages) + 1}); split it"
                )
            text = page.extract_text() or ""
            if key is not None:
                seen[key] = text
        chars += len(text)
        if chars > MAX_CHARS:
            raise LimitError(
                f"this PDF yields more than {MAX_CHARS:,} characters (by page "
                f"{len(pages) + 1}); split it into smaller documents"
            )
        pages.append(text)
    return pages


def decode_pdf(raw: bytes, encoding: str | None) -> Decoded:
    """The text layer of a PDF (``encoding`` is ignored: the fonts' maps fix it)."""
    pypdf = require("pypdf", "pypdf")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ReadError("this PDF is encrypted; save an unprotected copy and ingest that")
        if len(reader.pages) > MAX_PAGES:
            raise LimitError(f"this PDF has more than {MAX_PAGES} pages; split it")
        pages = _pages(reader)
    except KGError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ReadError(
            f"cannot read this PDF ({type(exc).__name__}); check that it is a complete PDF file"
        ) from None
    text = "\n".join(p.strip() for p in pages)
    joined = join_layout_lines(text)
    steps = ["took the text layer of each PDF page with pypdf"]
    if joined != text:
        steps.append("joined lines the page layout broke inside Chinese sentences")
    return Decoded(joined, None, tuple(steps))
