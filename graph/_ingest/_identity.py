"""Which names identify an entity outside the report that used them.

Reports shorten names to words that mean something only where they stand: 高新区 is
the zone the report is about, 管委会 its committee, 签约仪式 the ceremony just
described, 市政府 the government of the city named before. Such a name is an alias
within its report, never a key to match another report's mention by: a report about
another zone that says 高新区 does not speak of this one. :func:`identifies` tells
the two kinds apart; the graph's names that do not identify are left out of the known
names a new document is matched against (:func:`graph._ingest._store.ingest`), and
out of the names that match proposals across the drafts of one corpus ingest
(:mod:`graph._ingest._corpus`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._records import EntityType
from ._names import HEADS
from ._places import PLACES

__all__ = ["identifies", "identifying"]

#: A name that starts by pointing at a place or body the context gives (市政府, 省商务厅,
#: 区管委会, 我校, 该项目, 双方 …).
_RELATIVE = re.compile(
    r"^(?:全?(?:市|省|区|县|州|镇|乡)(?!场|块|域|间)|(?:本|我|该)(?:市|省|区|县|州|镇|乡|校|院|所|"
    r"公司|集团|项目|中心|基地|园区?|会)|该|双方|三方|两地|各(?:类|项|级|地)?|上述|有关|相关)"
)
#: What makes an event's name one occurrence: a place, a date or an edition, a title.
_EDITION = re.compile(r"\d|届|第[一二三四五六七八九十百]+|[《“「]")
#: Tags of the words that name something in particular (the tagger's).
_PROPER_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw"})


def identifies(name: str, type: EntityType) -> bool:
    """Whether ``name`` names one entity outside its report (not 高新区, 签约仪式).

    >>> zone, event = EntityType.DEVELOPMENT_ZONE, EntityType.EVENT
    >>> identifies("东岭高新区", zone), identifies("高新区", zone), identifies("该区", zone)
    (True, False, False)
    >>> identifies("签约仪式", event), identifies("首届东岭论坛", event)
    (False, True)
    """
    return identifying([(name, type)])[0]


def identifying(names: Sequence[tuple[str, EntityType]]) -> list[bool]:
    """:func:`identifies` for many names at once (the tagger reads events' names together)."""
    out: list[bool | None] = [_by_form(n.strip(), t) for n, t in names]
    ask = [i for i, v in enumerate(out) if v is None]
    if ask:
        from ._tagging import tag

        for i, words in zip(ask, tag([names[i][0].strip() for i in ask]), strict=True):
            size = len(names[i][0].strip())
            # a word the tagger reads as a name, not the whole name (it reads 合作交流会
            # as one organisation)
            out[i] = any(w.tag in _PROPER_TAGS and w.end - w.start < size for w in words)
    return [bool(v) for v in out]


def _by_form(name: str, type: EntityType) -> bool | None:
    """The answer the name's form gives, or None when the tagger must tell (an event's)."""
    if name.isascii():
        return len(name) >= 2  # PKU, CAS
    if len(name) < 2 or name in HEADS or _RELATIVE.match(name):
        return False
    if type is not EntityType.EVENT:
        return True
    # an event's name is one occurrence with a place, a date, an edition or a title in it
    if _EDITION.search(name) or _PLACE.search(name):
        return True
    return None


#: The gazetteer's places, found in one pass.
_PLACE = re.compile("|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)))
