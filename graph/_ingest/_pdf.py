"""PDF: the text layer, page by page, with pypdf; lines the layout broke inside a
Chinese sentence are joined again."""

from __future__ import annotations

import io
import logging
import re

from .._errors import KGError
from ._base import Decoded, require

__all__ = ["decode_pdf", "join_layout_lines"]

#: Most pages read from one PDF.
MAX_PAGES = 2000

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


def decode_pdf(raw: bytes, encoding: str | None) -> Decoded:
    """The text layer of a PDF (``encoding`` is ignored: the fonts' maps fix it)."""
    pypdf = require("pypdf", "pypdf")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise KGError("this PDF is encrypted; save an unprotected copy and ingest that")
        if len(reader.pages) > MAX_PAGES:
            raise KGError(f"this PDF has more than {MAX_PAGES} pages; split it")
        pages = [page.extract_text() or "" for page in reader.pages]
    except KGError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise KGError(
            f"cannot read this PDF ({type(exc).__name__}); check that it is a complete PDF file"
        ) from None
    text = "\n".join(p.strip() for p in pages)
    joined = join_layout_lines(text)
    steps = ["took the text layer of each PDF page with pypdf"]
    if joined != text:
        steps.append("joined lines the page layout broke inside Chinese sentences")
    return Decoded(joined, None, tuple(steps))
