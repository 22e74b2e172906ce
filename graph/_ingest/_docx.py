"""Word documents (.docx): paragraphs and table cells in document order, with python-docx.

A .docx is a zip archive; it is refused before parsing when it would unpack to more
than :data:`MAX_UNPACKED` bytes (a zip bomb) or is not a zip at all, and when its
``word/document.xml`` unpacks to more than :data:`MAX_DOCUMENT_XML` bytes or holds
more than :data:`MAX_ELEMENTS` elements (counted while streaming it, before
python-docx builds its tree): 250 MB of empty paragraphs compress to 400 KB.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .._errors import KGError, LimitError, ReadError
from ._base import Decoded, require

__all__ = ["decode_docx"]

#: Most bytes a .docx may unpack to.
MAX_UNPACKED = 256 * 1024 * 1024
#: Most bytes ``word/document.xml`` may unpack to (actually read, not as declared).
MAX_DOCUMENT_XML = 64 * 1024 * 1024
#: Most XML elements in ``word/document.xml`` (a page of text has a few thousand).
MAX_ELEMENTS = 1_000_000


class _Capped:
    """A file-like reader that refuses to give more than ``limit`` bytes."""

    def __init__(self, raw: Any, limit: int) -> None:
        self.raw, self.limit, self.read_so_far = raw, limit, 0

    def read(self, size: int = -1) -> bytes:
        chunk: bytes = self.raw.read(1 << 16 if size is None or size < 0 else size)
        self.read_so_far += len(chunk)
        if self.read_so_far > self.limit:
            raise LimitError(
                f"this .docx's text part unpacks to more than {self.limit:,} bytes; "
                "split the document"
            )
        return chunk


def _count_elements(raw: bytes) -> None:
    """Stream ``word/document.xml`` and refuse it when too large or too many elements."""
    etree = require("lxml.etree", "lxml")
    with zipfile.ZipFile(io.BytesIO(raw)) as z, z.open("word/document.xml") as member:
        source = _Capped(member, MAX_DOCUMENT_XML)
        count = 0
        try:
            for _event, element in etree.iterparse(
                source, events=("end",), resolve_entities=False, no_network=True, huge_tree=True
            ):
                count += 1
                if count > MAX_ELEMENTS:
                    raise LimitError(
                        f"this .docx has more than {MAX_ELEMENTS:,} XML elements in its text; "
                        "split the document"
                    )
                element.clear(keep_tail=True)  # keep memory flat while counting
        except etree.XMLSyntaxError:
            return  # python-docx reports a damaged file


def _check_zip(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            total = sum(i.file_size for i in z.infolist())
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadError(
            "this is not a .docx file (not a zip archive); save it again as .docx "
            "or pass --format for its real format"
        ) from None
    if total > MAX_UNPACKED:
        raise LimitError(f"this .docx unpacks to {total:,} bytes, more than {MAX_UNPACKED:,}")
    if "word/document.xml" not in names:
        raise ReadError("this zip archive has no word/document.xml; it is not a .docx document")


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
        _count_elements(raw)
        document = docx.Document(io.BytesIO(raw))
        blocks = _blocks(document)
    except KGError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged files
        raise ReadError(
            f"cannot read this .docx ({type(exc).__name__}); open and save it again in Word"
        ) from None
    text = "\n".join(b.strip() for b in blocks if b.strip())
    return Decoded(
        text,
        None,
        ("took the paragraphs and table rows (cells joined by ｜) of the .docx, in order",),
    )
