"""Coreference: the short forms a report uses for a name it gave in full before.

Reports write a name in full once and shorten it afterwards: 北京大学 → 北大,
中国科学院 → 中科院, 重庆两江新区 → 两江新区. :func:`short_forms` finds, among the
names of one report (in the order they first appear), each name that is a short form
of an earlier one, so that the two are one proposal: the full name with the short
one as an alias.

Two rules, the language's and no report's:

- a suffix of the full name that keeps its head word (两江新区 of 重庆两江新区);
- an abbreviation: two to four characters that start the full name and appear in it
  in order (北大, 中科院), the full name at least two characters longer.

A pure function of the names and their types.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._records import EntityType as T
from ._names import HEAD_RE

__all__ = ["short_forms"]

#: Types whose names are shortened this way (places and projects keep their names).
_SHORTENED = frozenset(
    {
        T.ENTERPRISE,
        T.UNIVERSITY,
        T.COLLEGE,
        T.RESEARCH_INSTITUTE,
        T.SCHOOL,
        T.GOVERNMENT_BODY,
        T.DEVELOPMENT_ZONE,
    }
)


def _abbreviates(short: str, full: str) -> bool:
    if not 2 <= len(short) <= 4 or len(full) < len(short) + 2 or short[0] != full[0]:
        return False
    if full.startswith(short):  # 北京大学 of 北京大学医学部: the parent, not a short form
        return False
    if HEAD_RE.search(short):  # 北京大学 is a name of its own, not short for 北京师范大学
        return False
    pos = 0
    for ch in short:
        pos = full.find(ch, pos)
        if pos == -1:
            return False
        pos += 1
    return True


def _suffix(short: str, full: str) -> bool:
    if len(short) < 3 or len(full) <= len(short) or not full.endswith(short):
        return False
    head = HEAD_RE.search(short)
    return head is not None and head.start() > 0  # 两江新区, not the bare head 新区


def short_forms(names: Sequence[tuple[str, T]]) -> dict[str, str]:
    """Map each short form to the full name it stands for (the latest earlier one).

    >>> short_forms([("北京大学", T.UNIVERSITY), ("北大", T.ENTERPRISE)])
    {'北大': '北京大学'}
    >>> short_forms([("重庆两江新区", T.DEVELOPMENT_ZONE), ("两江新区", T.DEVELOPMENT_ZONE)])
    {'两江新区': '重庆两江新区'}
    >>> short_forms([("北大", T.ENTERPRISE), ("北京大学", T.UNIVERSITY)])
    {}
    >>> short_forms([("北京师范大学", T.UNIVERSITY), ("北京大学", T.UNIVERSITY)])
    {}
    """
    out: dict[str, str] = {}
    for i, (short, stype) in enumerate(names):
        if stype not in _SHORTENED:
            continue
        for full, ftype in reversed(names[:i]):
            if ftype not in _SHORTENED or full in out:
                continue
            same_kind = ftype is stype or stype is T.ENTERPRISE
            if (same_kind and _abbreviates(short, full)) or (
                ftype is stype and _suffix(short, full)
            ):
                out[short] = full
                break
    return out
