"""Normalise damaged Chinese web text: pinyin annotations, wrap spaces, traditional characters.

The seed report is a web copy in traditional characters with pinyin after many
of them (``領(lǐng)導(dǎo)``) and spaces left by line wrapping inside words and
numbers (``北 京``, ``洽談 27次``). :func:`normalize` undoes exactly those three
kinds of damage and keeps everything else byte for byte, so that quotes taken
from its output can be checked verbatim.

Wrapping leaves its mark: a space every *width* characters along each line
(73 in the seed report: 72 characters and the space). A space is joined only
where the text shows that pattern, at a wrap column, so a real space (a
headline's ``签约仪式 新材料产业园开工``) stays; a text without the pattern keeps
all its spaces.
"""

from __future__ import annotations

import re
from collections import Counter
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
# Horizontal whitespace between Han characters and digits (in any order): where a wrap
# space is joined, when it sits at a wrap column.
_WRAP_SPACE = re.compile(rf"(?<=[{_HAN}0-9])[ \t\u3000]+(?=[{_HAN}0-9])")
_SPACE = re.compile(rf"(?<=[{_HAN}])[ \t\u3000]+(?=[{_HAN}0-9])|(?<=[0-9])[ \t\u3000]+(?=[{_HAN}])")
_SPACE = re.compile(r"[ \t\u3000]+")

#: Narrowest line (in characters, with its space) taken as line wrapping.
MIN_WRAP_WIDTH = 10
#: How many spaces must fall on one width (give or take :data:`WRAP_SLACK`) to show it.
MIN_WRAP_VOTES = 3
#: How far (in characters) a wrap space may sit from its column: the first line of a
#: paragraph may start one character early or late (an indent, a stripped mark).
WRAP_SLACK = 1


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


def wrap_width(text: str) -> int | None:
    """The width at which ``text`` was wrapped (characters per line, with the space the
    wrap left), or ``None`` when its spaces show no such pattern.

    The distances from each line's start to its first space, and from each space
    to the two before it, vote; the width is the most common distance of at least
    :data:`MIN_WRAP_WIDTH`, and it counts when at least :data:`MIN_WRAP_VOTES`
    distances, and as many as half the spaces, fall on it (give or take
    :data:`WRAP_SLACK`).

    >>> wrap_width(" ".join(["京津冀协同发展推进合作平台建设"] * 4))
    16
    >>> wrap_width("签约仪式 新材料产业园开工") is None
    True
    """
    votes: Counter[int] = Counter()
    spaces = 0
    for line in text.split("\n"):
        before = [-1]  # the line's start and the last two spaces: a real space between
        for m in _SPACE.finditer(line):  # two wraps does not hide their distance
            for start in before[-2:]:
                if m.start() - start >= MIN_WRAP_WIDTH:
                    votes[m.start() - start] += 1
            before.append(m.start())
            spaces += 1
    if not votes:
        return None
    width = max(votes, key=lambda w: (sum(votes[w + d] for d in (-1, 0, 1)), votes[w], -w))
    near = sum(votes[width + d] for d in range(-WRAP_SLACK, WRAP_SLACK + 1))
    if near < MIN_WRAP_VOTES or 2 * near < spaces:
        return None
    return width


def _wrap_line(line: str, width: int) -> str:
    """``line`` without the wrap spaces it has at columns ``width`` apart."""
    pieces: list[str] = []
    anchor, done = -1, 0  # the last wrap column; the end of what is copied
    for m in _SPACE.finditer(line):
        distance = m.start() - anchor
        steps = round(distance / width)
        if steps not in (1, 2) or abs(distance - steps * width) > WRAP_SLACK:
            continue  # a real space: not at a wrap column
        anchor = m.start()
        joint = _WRAP_SPACE.match(line, m.start())  # between Chinese characters or digits
        if joint is not None and joint.end() == m.end():
            pieces.append(line[done : m.start()])
            done = m.end()
    pieces.append(line[done:])
    return "".join(pieces)


def join_wrap_spaces(text: str) -> str:
    """Remove the spaces that line wrapping left inside Chinese words and numbers:
    those at the wrap columns :func:`wrap_width` finds, between Chinese characters
    or digits. Other spaces stay.

    >>> wrapped = " ".join(["京津冀协同发展推进合作平台建设"] * 4) + " IDC center"
    >>> join_wrap_spaces(wrapped) == "京津冀协同发展推进合作平台建设" * 4 + " IDC center"
    True
    >>> join_wrap_spaces("签约仪式 新材料产业园开工")
    '签约仪式 新材料产业园开工'
    """
    width = wrap_width(text)
    if width is None:
        return text
    return "\n".join(_wrap_line(line, width) for line in text.split("\n"))


def to_simplified(text: str) -> str:
    """Convert traditional to simplified Chinese with OpenCC.

    >>> to_simplified("頸復康藥業")
    '颈复康药业'
    """
    return str(_converter().convert(text))


def normalize(text: str) -> str:
    """Apply every step of :data:`NORMALIZATION_STEPS` to ``text``.

    >>> normalize("簽約儀式 新材料產業園開(kāi)工")
    '签约仪式 新材料产业园开工'
    """
    return to_simplified(join_wrap_spaces(strip_pinyin(text)))
