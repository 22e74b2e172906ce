"""Word documents (.docx): paragraphs and table cells in document order, with python-docx.

A .docx is a zip archive; it is refused before parsing when it would unpack to more
than :data:`MAX_UNPACKED` bytes (a zip bomb) or is not a zip at all.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .._errors import KGError
from ._base import Decoded, require

__all__ = ["decode_docx"]

#: Most bytes a .docx may unpack to.
MAX_UNPACKED = 256 * 1024 * 1024


def _check_zip(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            total = sum(i.file_size for i in z.infolist())
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise KGError(
            "this is not a .docx file (not a zip archive); save it again as .docx "
            "or pass --format for its real format"
        ) from None
    if total > MAX_UNPACKED:
        raise KGError(f"this .docx unpacks to {total:,} bytes, more than {MAX_UNPACKED:,}")
    if "word/document.xml" not in names:
        raise KGError("this zip archive has no word/document.xml; it is not a .docx document")


def _blocks(document: Any) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if cell.text not in cells:  # merged cells repeat
                        cells.append(cell.text)
                out.append("｜".join(cells))  # a tab would go with the wrap spaces
    return out


def decode_docx(raw: bytes, encoding: str | None) -> Decoded:
    """The text of a .docx document (``encoding`` is ignored: the format fixes it)."""
    docx = require("docx", "python-docx")
    _check_zip(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = _blocks(document)
    except KGError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged files
        raise KGError(
            f"cannot read this .docx ({type(exc).__name__}); open and save it again in Word"
        ) from None
    text = "\n".join(b.strip() for b in blocks if b.strip())
    return Decoded(
        text,
        None,
        ("took the paragraphs and table rows (cells joined by ｜) of the .docx, in order",),
    )
