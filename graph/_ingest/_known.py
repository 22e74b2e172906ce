"""The known names: the graph's names and aliases and the gazetteer of places, found in
a text with one Aho–Corasick automaton (linear in the text's length).
"""

from __future__ import annotations

from collections.abc import Iterable

from .._records import EntityType
from ._base import require
from ._places import AUTONOMOUS, PLACES
from ._proposals import KnownName, _Mention

T = EntityType


class _Index:
    """Known names and the gazetteer, found with one Aho–Corasick automaton."""

    def __init__(self, known: Iterable[KnownName]) -> None:
        ahocorasick = require("ahocorasick", "pyahocorasick")
        self.automaton = ahocorasick.Automaton()
        self.by_key: dict[str, KnownName] = {}
        for k in known:
            key = k.name.lower()
            if len(k.name) < 2 or key in self.by_key:
                continue
            self.by_key[key] = k
            self.automaton.add_word(key, (len(key), k.name, k.id, k.type))
        for place in PLACES:
            if place.lower() not in self.by_key:
                self.automaton.add_word(place, (len(place), place, None, T.PLACE))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[_Mention]:
        """Leftmost-longest, non-overlapping mentions of known names and places."""
        if self.empty:
            return []
        lowered = text.lower() if len(text.lower()) == len(text) else text
        hits: list[tuple[int, int, str, str | None, EntityType]] = []
        for end, (n, name, eid, etype) in self.automaton.iter(lowered):
            start = end - n + 1
            before = lowered[start - 1] if start > 0 else ""
            after = lowered[end + 1] if end + 1 < len(lowered) else ""
            if name.isascii() and (
                (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
            ):
                continue  # "THU" inside "THUMB"
            hits.append((start, end + 1, name, eid, etype))
        # 海南藏族自治州: an autonomous prefecture, written out whole, is one place
        hits += [(m.start(), m.end(), m.group(0), None, T.PLACE) for m in AUTONOMOUS.finditer(text)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[_Mention] = []
        last = -1
        for start, stop, _name, eid, etype in hits:
            if start < last:
                continue
            # 南昌市, 江西省: the suffix belongs to the name, unless a title or an
            # office follows (南昌市委, 南昌市长 name people and bodies)
            if (
                eid is None
                and stop < len(text)
                and text[stop] in "省市县"
                and not text.startswith(("委", "长", "政府", "人民政府"), stop + 1)
            ):
                stop += 1
            surface = text[start:stop]
            out.append(
                _Mention(
                    start,
                    stop,
                    surface,
                    etype,
                    1.0 if eid else 0.7,
                    eid,
                    "known" if eid else "place",
                )
            )
            last = stop
        return out

    def resolve(self, name: str) -> KnownName | None:
        """The known entity a proposed name denotes, allowing a generic suffix (项目)."""
        key = name.lower()
        for k in (key, key.removesuffix("项目"), key + "项目"):
            if k and k in self.by_key:
                return self.by_key[k]
        return None
