"""What the extractor keeps while it reads one report: the proposals so far, the
tagger's words, the parties named last (what 该校, 双方 refer back to), and how a
relation between two mentions becomes a proposal (:meth:`_Context.relate`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .._records import Basis, EntityType, RelationType, Status
from ._known import _Index
from ._parties import PARTY_TYPES
from ._proposals import EntityProposal, RelationProposal, _Mention
from ._tagging import Word

T = EntityType
R = RelationType


@dataclass
class _Context:
    text: str
    index: _Index
    author: _Mention | None
    entities: dict[str, EntityProposal] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], RelationProposal] = field(default_factory=dict)
    #: the tagger's words over the whole text (absolute offsets) and their starts
    words: list[Word] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    #: pairs of entities some relation already joins (either direction), and by what
    linked: set[frozenset[str]] = field(default_factory=set)
    kinds: dict[frozenset[str], set[RelationType]] = field(default_factory=dict)
    #: the parties named so far, the latest last (what 该校, 双方 refer back to)
    recent: list[_Mention] = field(default_factory=list)
    #: the two parties of the latest partnership (signed, intent, talks, cooperation)
    sides: tuple[_Mention, _Mention] | None = None
    #: in how many sentences each zone or government body is named, and its first mention
    named: Counter[str] = field(default_factory=Counter)
    first: dict[str, _Mention] = field(default_factory=dict)
    #: places the tagger marks that act in a sentence (甲县与乙公司签约)
    acting: set[str] = field(default_factory=set)
    #: 我院 before the report names its college: read once the whole report is read
    own: list[tuple[int, int, str, int, int, list[_Mention]]] = field(default_factory=list)
    #: people named with the title of an organisation (某某大学校长张三), by name
    people: dict[str, _Mention] = field(default_factory=dict)
    #: the latest official quoted at a sentence's head (某市长张三表示，): where the
    #: speech starts and the body they speak for (what 我们 in their quote stands for)
    speaking: tuple[int, _Mention] | None = None
    #: the zone or park that brought in the projects a sentence counted (某园已引进项目
    #: 23个), and where that sentence ends: what 其中 in the next one is about
    holder: tuple[_Mention, int] | None = None

    def words_in(self, start: int, end: int) -> list[Word]:
        """The tagged words of ``text[start:end]``."""
        return self.words[
            bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)
        ]

    def entity(self, m: _Mention, quote: str) -> str:
        if m.match is None and (k := self.index.resolve(m.name)):
            m.match, m.type = k.id, k.type
        ref = m.ref
        e = self.entities.get(ref)
        if e is None:
            e = EntityProposal(m.name, m.type, m.match, round(m.confidence, 2))
            e.attributes = {k: v for k, v in m.attributes.items() if not k.startswith("_")}
            self.entities[ref] = e
        elif m.name != e.name and m.name not in e.aliases and m.match is None:
            e.aliases.append(m.name)
        said = m.attributes.get("_alias")
        if said and said != e.name and said not in e.aliases and m.match is None:
            e.aliases.append(said)
        e.confidence = max(e.confidence, round(m.confidence, 2))
        if m.origin in _READ_FOR:  # the quote names it by 该校, 双方 or a person's title
            return ref
        if quote and quote not in e.quotes and len(e.quotes) < 3:
            e.quotes.append(quote)
        return ref

    def relate(
        self,
        a: _Mention,
        b: _Mention,
        rtype: RelationType,
        status: Status,
        quote: str,
        confidence: float,
        **extra: Any,
    ) -> None:
        if a is b:
            return
        src, dst = self.entity(a, quote), self.entity(b, quote)
        if src == dst or _one_thing(self.entities[src], self.entities[dst]):
            return
        key = (src, str(rtype), dst)
        if key in self.relations:
            return
        r = RelationProposal(src, dst, rtype, status, quote, round(confidence, 2))
        self.linked.add(frozenset((src, dst)))
        self.kinds.setdefault(frozenset((src, dst)), set()).add(rtype)
        if rtype in _PARTNERSHIP and a.type in _SIDES and b.type in _SIDES:
            self.sides = (a, b)
        if a is self.author and a.origin == "author":
            r.basis = Basis.UNSTATED_SUBJECT
            r.notes = (
                f"The sentence names no actor; read as the report's author, {a.name}, "
                "whose own work the report lists. Check before accepting."
            )
        for m in (a, b):
            if m.origin in _READ_FOR:
                r.basis = Basis.INFERRED
                r.notes = _READ_FOR[m.origin].format(
                    said=m.attributes.get("_said", ""), name=m.name
                )
                r.confidence = min(r.confidence, 0.5)
        for k, v in extra.items():
            setattr(r, k, v) if k in ("date", "basis", "notes") else r.attributes.update({k: v})
        self.relations[key] = r


def _one_thing(a: EntityProposal, b: EntityProposal) -> bool:
    """Whether two proposals are one thing written two ways, never related to each other:
    one is the other's short form (某某公会(以下简称ABC)), or the names differ only in a
    character or two of a long name (a transliteration spelled two ways in one report).

    >>> def e(name: str, t: T) -> EntityProposal:
    ...     return EntityProposal(name, t, None, 0.5)
    >>> ri = T.RESEARCH_INSTITUTE
    >>> _one_thing(e("甲乙丙丁研究院", ri), e("甲戊丙丁研究院", ri))
    True
    >>> _one_thing(e("东岭大学", T.UNIVERSITY), e("西岭大学", T.UNIVERSITY))
    False
    """
    if a.name in b.aliases or b.name in a.aliases:
        return True
    short, long = sorted((a.name, b.name), key=len)
    if long.startswith(short) and _ITS_GOVERNMENT.fullmatch(long, len(short)):
        return True  # 某某新区 and 某某新区管委会, 某市 and 某市人民政府
    if long.startswith(short) and len(short) >= 4 and _ITS_PART.fullmatch(long, len(short)):
        return True  # 某某产业园 and 某某产业园主体工程 (or 一期, 项目): one work, no relation
    if a.type is not b.type or len(a.name) != len(b.name) or len(a.name) < 6:
        return False
    differ = sum(x != y for x, y in zip(a.name, b.name, strict=True))
    return differ * 5 <= len(a.name)


_ITS_GOVERNMENT = re.compile(r"管委会|管理委员会|(?:人民)?政府|党工委")
_ITS_PART = re.compile(r"(?:[一二三四]期|主体)?(?:工程|项目)|[一二三四]期")
_PARTNERSHIP = frozenset({R.SIGNED_AGREEMENT, R.LETTER_OF_INTENT, R.NEGOTIATION, R.COOPERATION})
#: Who 双方 (both sides) can be: organisations and governments, not things or places.
_SIDES = PARTY_TYPES - {T.PROJECT, T.PLATFORM, T.PROGRAMME, T.EVENT, T.PLACE}


#: Mentions the quote does not name outright, and the note their relations carry.
_READ_FOR = {
    "coref": (
        "The quote writes {said}; read as {name}, named just before it in the report. "
        "Check before accepting."
    ),
    "title": (
        "The quote names a person by their title at {name}; the person's presence or "
        "act is read as the organisation's. Check before accepting."
    ),
    "speaker": (
        "The quote is what an official says ({said}); read as said for {name}, the body "
        "the official speaks for. Check before accepting."
    ),
}
