"""Plain text in any common Chinese encoding: UTF-8 (with or without BOM), UTF-16 with
a BOM, GB18030 (which covers GBK and GB2312) and Big5, detected with charset-normalizer
unless given."""

from __future__ import annotations

import codecs

from .._errors import ArgumentError, ReadError
from ._base import Decoded, require

__all__ = ["decode_bytes", "decode_txt", "text_codec"]

#: Codecs Python knows that are not encodings of text files (or never of Chinese text).
_NOT_TEXT = frozenset(["undefined", "punycode", "idna", "unicode-escape", "raw-unicode-escape"])


def text_codec(name: str) -> str:
    """The canonical name of the text encoding ``name``; an :class:`ArgumentError` otherwise.

    >>> text_codec("GBK")
    'gbk'
    >>> text_codec("rot13")
    Traceback (most recent call last):
    ...
    graph.ArgumentError: 'rot13' is not an encoding of text; ...
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise ArgumentError(
            f"unknown encoding {name!r}; use one such as utf-8, gb18030, gbk or big5"
        ) from None
    canonical = info.name.replace("_", "-")
    if not getattr(info, "_is_text_encoding", True) or canonical in _NOT_TEXT:
        raise ArgumentError(
            f"{name!r} is not an encoding of text; use one such as utf-8, gb18030, gbk or big5"
        )
    return str(info.name)


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
    # which candidates decode the bytes at all (GB18030 has four-byte characters,
    # 𠀀 and €, that charset-normalizer does not expect)
    valid = [name for name in CANDIDATES if _decodes(raw, name)]
    if len(valid) == 1:
        return valid[0]
    cn = require("charset_normalizer", "charset-normalizer")
    best = cn.from_bytes(raw, cp_isolation=list(valid or CANDIDATES)).best()
    if best is None and valid:
        return valid[0]
    if best is None:
        raise ReadError(
            "cannot tell the text's encoding (not UTF-8, GB18030/GBK or Big5); "
            "pass it with --encoding (Python: encoding=...), e.g. --encoding gb18030"
        )
    return str(codecs.lookup(best.encoding).name)


def _decodes(raw: bytes, name: str) -> bool:
    try:
        raw.decode(name)
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(raw: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    """Decode ``raw`` with ``encoding`` or the detected one; the text, encoding and steps."""
    given = encoding is not None
    name = text_codec(encoding) if encoding is not None else _detect(raw)
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"the bytes are not valid {name} (at byte {exc.start})"
            + ("; try another --encoding" if given else "; pass the right one with --encoding")
        ) from None
    except (UnicodeError, LookupError, ValueError, TypeError) as exc:
        raise ReadError(
            f"cannot decode the bytes as {name} ({exc}); try another --encoding"
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
