"""Plain text in any common Chinese encoding: UTF-8 (with or without BOM), UTF-16 with
a BOM, GB18030 (which covers GBK and GB2312) and Big5, detected with charset-normalizer
unless given."""

from __future__ import annotations

import codecs

from .._errors import KGError
from ._base import Decoded, require

__all__ = ["decode_bytes", "decode_txt"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The encodings detection chooses from once UTF-8 has failed.
CANDIDATES = ("gb18030", "big5", "big5hkscs")


def _detect(raw: bytes) -> str:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    cn = require("charset_normalizer", "charset-normalizer")
    best = cn.from_bytes(raw, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        raise KGError(
            "cannot tell the text's encoding (not UTF-8, GB18030/GBK or Big5); "
            "pass it with --encoding (Python: encoding=...), e.g. --encoding gb18030"
        )
    return str(codecs.lookup(best.encoding).name)


def decode_bytes(raw: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    """Decode ``raw`` with ``encoding`` or the detected one; the text, encoding and steps."""
    given = encoding is not None
    name = encoding or _detect(raw)
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as exc:
        raise KGError(
            f"the bytes are not valid {name} (at byte {exc.start})"
            + ("; try another --encoding" if given else "; pass the right one with --encoding")
        ) from None
    steps = [f"decoded from {name} ({'given' if given else 'detected'})"]
    if text.startswith("\ufeff"):
        text = text[1:]
        steps.append("removed the byte-order mark")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        steps.append("line endings CRLF/CR -> LF")
    return text, name, steps


def decode_txt(raw: bytes, encoding: str | None) -> Decoded:
    """Decode a plain-text document.

    >>> decode_txt("承德高新区".encode("gb18030"), None).encoding
    'gb18030'
    """
    text, name, steps = decode_bytes(raw, encoding)
    return Decoded(text, name, tuple(steps))
