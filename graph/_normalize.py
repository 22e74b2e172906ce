"""Normalise damaged Chinese web text: pinyin annotations, wrap spaces, traditional characters.

The seed report is a web copy in traditional characters with pinyin after many
of them (``領(lǐng)導(dǎo)``) and spaces left by line wrapping inside words and
numbers (``北 京``, ``洽談 27次``). :func:`normalize` undoes exactly those three
kinds of damage and keeps everything else byte for byte, so that quotes taken
from its output can be checked verbatim.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["NORMALIZATION_STEPS", "normalize"]

#: What :func:`normalize` does, in order; recorded in each source's metadata.
NORMALIZATION_STEPS: tuple[str, ...] = (
    "removed pinyin annotations in parentheses after Chinese characters, e.g. 領(lǐng) -> 領",
    "removed spaces left by line wrapping between Chinese characters and digits,"
    " e.g. 北 京 -> 北京",
    "converted traditional to simplified Chinese with OpenCC (t2s)",
)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A pinyin syllable (or a few) with or without tone marks, in ASCII or full-width parentheses,
# right after a Han character. Chinese text in parentheses, e.g. (示範), is not touched.
_PINYIN_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN = re.compile(rf"(?<=[{_HAN}])[(（][{_PINYIN_LETTERS}]+(?:[ '’][{_PINYIN_LETTERS}]+)*[)）]")
# Horizontal whitespace between two Han characters, or between a Han character and a digit.
_WRAP_SPACE = re.compile(
    rf"(?<=[{_HAN}])[ \t\u3000]+(?=[{_HAN}0-9])|(?<=[0-9])[ \t\u3000]+(?=[{_HAN}])"
)


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def strip_pinyin(text: str) -> str:
    """Remove pinyin in parentheses after Chinese characters.

    >>> strip_pinyin("加強領(lǐng)導(dǎo),健全組織 (示範)")
    '加強領導,健全組織 (示範)'
    """
    return _PINYIN.sub("", text)


def join_wrap_spaces(text: str) -> str:
    """Remove spaces that line wrapping left inside Chinese words and numbers.

    >>> join_wrap_spaces("北 京 洽談 27次 IDC center")
    '北京洽談27次 IDC center'
    """
    return _WRAP_SPACE.sub("", text)


def to_simplified(text: str) -> str:
    """Convert traditional to simplified Chinese with OpenCC.

    >>> to_simplified("頸復康藥業")
    '颈复康药业'
    """
    return str(_converter().convert(text))


def normalize(text: str) -> str:
    """Apply every step of :data:`NORMALIZATION_STEPS` to ``text``.

    >>> normalize("北 京師範大學承德附屬學校9月19日正式開學(xué)")
    '北京师范大学承德附属学校9月19日正式开学'
    """
    return to_simplified(join_wrap_spaces(strip_pinyin(text)))
