"""The extractor: normalised text and the current graph's names in, proposals out.

A pure function (:func:`extract`): no files, no network, no randomness, so it is
tested on strings. It finds

- mentions of entities the graph already has, by any name or alias, with one
  Aho–Corasick automaton over the whole text (linear in the text's length);
- new entities from how Chinese reports name them: head words (大学, 研究院,
  公司, 集团, 项目, 工作站, 发布会 …, see :mod:`graph._ingest._names`),
  enumerations ``A、B、C等企业``, titles in 《…》, partners after 与 before a verb,
  counted groups (``12家…企业``) and a gazetteer of provinces and cities;
- relations from each clause's cue words, with the status they give (签约 signed,
  意向 intent, 洽谈 negotiating, 选址 site selection, 前期 preliminary work,
  开工 under construction, 即将开工 about to start, 开学/开班 opened …), and group
  statements ``A、B等企业与C、D等高校开展合作`` as one cooperation node that each
  member joins, never as bilateral edges;
- figures: amounts (亿元, 万元) as numbers with currency and wording, counts
  (次, 家, 名, 个 …) and dates, on the relation whose clause states them.

Every quote is a slice of the text, and :func:`extract` checks that it is.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .._errors import ArgumentError
from .._records import Basis, EntityType, RelationType, Status
from ._base import require
from ._coreference import back_references, referents, short_forms
from ._figures import amounts, areas, capacities, counts, dates
from ._model_names import model_names, plausible, snap
from ._names import (
    CATEGORIES,
    GENERIC_START,
    HEAD_RE,
    HEADS,
    NAME_CHARS,
    ORG_TYPES,
    PLACE_TYPES,
    PROJECT_TYPES,
    STANDALONE,
    category_type,
    trim_left,
)
from ._parties import PARTY_TYPES, pair_type, states_relations
from ._places import PLACES
from ._tagging import Word, tag

__all__ = ["EntityProposal", "KnownName", "Proposals", "RelationProposal", "extract"]

T = EntityType
R = RelationType
S = Status


@dataclass(frozen=True, slots=True)
class KnownName:
    """One name or alias of an entity the graph already holds."""

    name: str
    id: str
    type: EntityType


@dataclass(slots=True)
class EntityProposal:
    """A proposed entity: a new one (``match`` is None) or a mention of a known one."""

    name: str
    type: EntityType
    match: str | None
    confidence: float
    quotes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """How relations name it: the known id, or the proposed name."""
        return self.match or self.name


@dataclass(slots=True)
class RelationProposal:
    """A proposed relation between two entities (known ids or proposed names)."""

    source: str
    target: str
    type: RelationType
    status: Status
    quote: str
    confidence: float
    date: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    basis: Basis = Basis.STATED
    notes: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, str(self.type), self.target)


@dataclass(slots=True)
class Proposals:
    """What :func:`extract` returns: proposed entities and relations."""

    entities: list[EntityProposal]
    relations: list[RelationProposal]
    #: whose work sentences without a subject are read as (``None``: no author found)
    author: str | None = None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    type: EntityType
    confidence: float
    match: str | None = None
    origin: str = "head"
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return self.match or self.name


# -- statuses ------------------------------------------------------------------------------

# First match wins; order matters (即将开工 before 开工, 完成选址 before 选址).
_CUES: tuple[tuple[str, Status], ...] = (
    (r"即将开工|即将动工|近期开工", S.ABOUT_TO_START),
    (r"完成选址|已选址|选定", S.SITE_SELECTED),
    (r"选址", S.SITE_SURVEY),
    (r"开工|在建|动工|施工", S.UNDER_CONSTRUCTION),
    (r"意向", S.INTENT),
    (r"签约|签署|签订|签下", S.SIGNED),
    (r"前期", S.PRELIMINARY_WORK),
    (r"洽谈|商谈|磋商|谈判", S.NEGOTIATING),
    (r"开学|开班|开业|投入使用|投产|揭牌", S.OPENED),
    (r"启动", S.STARTED),
    (r"列为|列入|评为|认定为", S.DESIGNATED),
    (r"成立|组建|设立", S.ESTABLISHED),
    (r"举行|举办|召开", S.HELD),
    (r"争取|计划|拟|将", S.PLANNED),
    (r"合作|对接|交流|共建|开展", S.CARRIED_OUT),
)
_CUE_RE = [(re.compile(p), s) for p, s in _CUES]

_AUTHOR_TYPE = {
    S.SIGNED: R.SIGNED_AGREEMENT,
    S.INTENT: R.LETTER_OF_INTENT,
    S.NEGOTIATING: R.NEGOTIATION,
}


def _status(clause: str) -> Status | None:
    for rx, status in _CUE_RE:
        if rx.search(clause):
            return status
    return None


# -- sentences and clauses -----------------------------------------------------------------

# ASCII ? ends a sentence, but not a run of them: ?? is what mojibake leaves in a name
_SENTENCE_END = re.compile(r"[。！？；;!\n]|(?<!\?)\?(?!\?)")
_CLAUSE_END = re.compile(r"[，,：:]")


def _spans(text: str, start: int, end: int, rx: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    pos = start
    for m in rx.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


#: Longest stretch read as one sentence. Real sentences are shorter; a longer one (a
#: list without end, text without punctuation) is read in pieces cut at a clause or
#: list boundary, so that the work per sentence stays bounded and extraction linear.
MAX_SENTENCE = 300
_PIECE_END = re.compile(r"[，,、：:\s]")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_SENTENCE` characters.

    >>> [b - a for a, b in _pieces("北京大学、" * 100, 0, 500)]
    [300, 200]
    """
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        for m in _PIECE_END.finditer(text, start + MAX_SENTENCE // 2, cut):
            cut = m.end()
        yield start, cut
        start = cut
    yield start, end


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].strip():
        start += 1
    while end > start and (not text[end - 1].strip() or text[end - 1] in "，,、：:"):
        end -= 1
    return start, end


# -- names ---------------------------------------------------------------------------------

_RUN = re.compile(f"{NAME_CHARS}+")
_TITLE = re.compile(r"《([^《》\n]{1,40})》")
_MEDIA_CUE = re.compile(r"(电视剧|电影|纪录片|动画片|栏目|节目|图书|专著|歌曲|综艺)$")
_POLICY = re.compile(r"(规划|方案|意见|办法|条例|纲要|通知|决定|协议|细则|计划|政策)$")
_PARTNER = re.compile(
    rf"(?:与|同|和|跟)({NAME_CHARS}{{2,20}}?)(?=洽谈|商谈|签订|签署|签约|合作|就|达成|共同|联合)"
)
_PLENUM = re.compile(
    r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])届[一二三四五六七八九十]中全会"
)
_GROUP = re.compile(
    rf"(\d+)(家|个|所|批)({NAME_CHARS}{{0,14}}?(?:企业|公司|单位|机构|高校|院校|院所|客商|园区|基地|(?<![地社])区))"
)
_CATEGORY_RE = re.compile("|".join(sorted((w for w, _ in CATEGORIES), key=len, reverse=True)))
_ENUM_TAIL = re.compile(
    rf"等((?:[\u4e00-\u9fff]{{0,4}}?)(?:{_CATEGORY_RE.pattern})(?!类)"
    rf"(?:(?:和|及)[\u4e00-\u9fff]{{0,2}}?(?:{_CATEGORY_RE.pattern})(?!类))?)"
)


def _head_candidates(text: str, start: int, end: int) -> list[_Mention]:
    """Names ending in a head word, within ``text[start:end]``."""
    out: list[_Mention] = []
    for run in _RUN.finditer(text, start, end):
        prev: _Mention | None = None
        seg_start = run.start()
        for h in HEAD_RE.finditer(text, run.start(), run.end()):
            head = h.group(0)
            htype, conf = HEADS[head]
            body_raw = text[seg_start : h.start()]
            body, cut = trim_left(body_raw, htype)
            b_start = h.start() - len(body)
            name = text[b_start : h.end()]
            if prev is not None and not cut and prev.end == seg_start:
                merged = _merge(prev, name, htype, conf, b_start, h.end(), text, out)
                if merged is not None:
                    prev = merged
                    seg_start = h.end()
                    continue
            if (not body and head not in STANDALONE) or GENERIC_START.match(body):
                seg_start = h.end()
                prev = None
                continue
            m = _Mention(b_start, h.end(), name, htype, conf * (0.7 if len(body) > 20 else 1))
            out.append(m)
            prev = m
            seg_start = h.end()
    return out


def _merge(
    prev: _Mention,
    name: str,
    htype: EntityType,
    conf: float,
    start: int,
    end: int,
    text: str,
    out: list[_Mention],
) -> _Mention | None:
    """Join a head-word segment to the name before it, or return None to keep both."""
    full = text[prev.start : end]
    if start == end - len(name) and name in HEADS:  # empty body: 孵化园|项目, 中心|项目
        merged = _Mention(prev.start, end, full, htype, max(prev.confidence, conf))
        out[-1] = merged
        return merged
    if prev.type in PROJECT_TYPES or prev.type is T.EVENT:  # 仪器仪表工程|硕士班
        merged = _Mention(prev.start, end, full, htype, conf)
        out[-1] = merged
        return merged
    if prev.type in PLACE_TYPES and htype in PROJECT_TYPES | {T.SCHOOL}:  # 新城片区|部分路桥工程
        whole = _Mention(prev.start, end, full, htype, conf)
        whole.attributes["_located_in"] = prev
        out.append(whole)
        return whole
    if prev.type in ORG_TYPES and htype in PROJECT_TYPES:  # 某某集团|某某项目
        part = _Mention(start, end, name, htype, conf)
        part.attributes["_participant"] = prev
        out.append(part)
        return part
    if prev.type in ORG_TYPES and htype in ORG_TYPES:  # 某某大学|某某学院: a unit of it
        whole = _Mention(prev.start, end, full, htype, conf)
        whole.attributes["_affiliated_with"] = prev
        out.append(whole)
        return whole
    return None


#: Heads of names that quote their motto: “某某”专场, “某某”战略, 某省‘某某’创新基地.
_QUOTED_HEADS = {"专场": T.EVENT, "战略": T.PROGRAMME, "计划": T.PROGRAMME, "行动": T.PROGRAMME}
_QUOTED = re.compile(
    r"[“‘「]([^“”‘’「」，,。；\n]{2,24})[”’」]((?:(?![的是为])[\u4e00-\u9fff]){0,10}?)("
    + "|".join(sorted(map(re.escape, [*HEADS, *_QUOTED_HEADS]), key=len, reverse=True))
    + ")"
)


def _quoted(text: str, start: int, end: int) -> list[_Mention]:
    """Names around a quoted motto, with their head word: “某某·某某”生物医药专场,
    “某某”战略, 某某省‘某某’创新创业基地 (a province or city before the quote is part
    of the name)."""
    out = []
    for m in _QUOTED.finditer(text, start, end):
        head = m.group(3)
        htype = _QUOTED_HEADS.get(head) or HEADS[head][0]
        if not m.group(2) and head in ("中心", "基地", "工程", "项目"):
            continue  # “某某”项目 alone: the motto is the name, its head generic
        a = m.start()
        for k in (4, 3, 2):
            before = text[max(start, a - k) : a]
            if len(before) == k and (before in PLACES or before[:-1] in PLACES):
                a -= k
                break
        out.append(_Mention(a, m.end(), text[a : m.end()], htype, 0.7, origin="quoted"))
    return out


def _titles(text: str, start: int, end: int) -> list[_Mention]:
    out = []
    for m in _TITLE.finditer(text, start, end):
        before = text[max(start, m.start() - 4) : m.start()]
        title = m.group(1)
        if _MEDIA_CUE.search(before):
            out.append(_Mention(m.start(1), m.end(1), title, T.MEDIA_WORK, 0.9))
        elif _POLICY.search(title):
            out.append(_Mention(m.start(1), m.end(1), title, T.MEASURE, 0.7))
        else:
            out.append(_Mention(m.start(1), m.end(1), title, T.MEDIA_WORK, 0.5))
    return out


def _enumerations(text: str, start: int, end: int) -> list[tuple[list[_Mention], str, int, int]]:
    """Lists ``A、B及C等<category>``: their items, the category words and the list's span."""
    out = []
    for m in _ENUM_TAIL.finditer(text, start, end):
        cat_type = category_type(m.group(1))
        if cat_type is None:
            continue
        # walk left over items separated by 、
        items: list[tuple[int, int]] = []
        pos = m.start()
        while True:
            run_start = pos
            while run_start > start and re.match(NAME_CHARS, text[run_start - 1]):
                run_start -= 1
            if run_start == pos:
                break
            piece = text[run_start:pos]
            j = max(piece.rfind("及"), piece.rfind("和"))
            if not items and 0 < j < len(piece) - 2:  # the last two items: A及B
                items.append((run_start + j + 1, pos))
                pos = run_start + j
                continue
            body, cut = trim_left(text[run_start:pos], cat_type)
            if cut:  # the list starts inside this run: 某某等企业与|中国科学院
                if len(body) >= 2:
                    items.append((pos - len(body), pos))
                break
            items.append((run_start, pos))
            if run_start > start and text[run_start - 1] == "、":
                pos = run_start - 1
                continue
            break
        if len(items) < 2 and not (items and "、" not in text[start : m.start()]):
            continue
        items.reverse()
        mentions: list[_Mention] = []
        for a, b in items:
            for pa, pb in ((a, b),):
                body = text[pa:pb]
                if len(body) < 2:
                    continue
                head = HEAD_RE.search(body)
                t, conf = (
                    HEADS[head.group(0)] if head and head.end() == len(body) else (cat_type, 0.6)
                )
                if cat_type is T.PROJECT:  # 某某研究院等项目: the items are projects
                    t = T.PROJECT
                mentions.append(_Mention(pa, pb, body, t, conf, origin="list"))
        if len(mentions) >= 2 or (mentions and items):
            out.append(
                (mentions, m.group(1), mentions[0].start if mentions else m.start(), m.end())
            )
    return out


def _groups(text: str, start: int, end: int) -> list[_Mention]:
    out = []
    for m in _GROUP.finditer(text, start, end):
        g = _Mention(m.start(), m.end(), m.group(0), T.GROUP, 0.7, origin="group")
        g.attributes = {"count": int(m.group(1)), "collective": True}
        out.append(g)
    return out


# -- the known names -----------------------------------------------------------------------


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


# -- extraction ----------------------------------------------------------------------------


def _choose(known: list[_Mention], found: list[_Mention]) -> list[_Mention]:
    """Combine known mentions and new candidates: longer wins, known wins ties."""
    out = list(known)
    for cand in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        clash = False
        for i, k in enumerate(out):
            if cand.start < k.end and k.start < cand.end:
                same = cand.start == k.start and cand.end == k.end
                if same and k.origin in ("known", "place") and cand.origin != "list":
                    clash = True
                    break
                if same:
                    if k.origin in ("place", "head") and cand.origin not in ("known", "model"):
                        out[i] = cand  # a list knows its items' category
                    clash = True
                    break
                if cand.start <= k.start and k.end <= cand.end and k.origin in ("known", "place"):
                    continue  # the candidate holds a known name: 北京 in 北京某某公司
                if k.start <= cand.start and cand.end <= k.end:
                    # a shorter candidate inside a longer one: keep it if it is a part
                    # the longer one was built from (its participant, its parent)
                    clash = (
                        not any(v is cand for v in k.attributes.values() if isinstance(v, _Mention))
                        and k.origin != "place"
                    )
                    if not clash:
                        continue
                    break
                clash = True
                break
        if not clash:
            out = [
                k
                for k in out
                if not (
                    cand.start <= k.start
                    and k.end <= cand.end
                    and k.origin == "place"
                    and (k.start, k.end) != (cand.start, cand.end)
                )
            ]
            out.append(cand)
    out.sort(key=lambda m: (m.start, m.end))
    return out


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
    #: pairs of entities some relation already joins (either direction)
    linked: set[frozenset[str]] = field(default_factory=set)
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
        if src == dst:
            return
        key = (src, str(rtype), dst)
        if key in self.relations:
            return
        r = RelationProposal(src, dst, rtype, status, quote, round(confidence, 2))
        self.linked.add(frozenset((src, dst)))
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


_AUTHOR_KINDS = frozenset({T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY})
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
}


def _quote(text: str, start: int, end: int) -> str:
    start, end = _trim_span(text, start, end)
    if end - start > 300:  # a window around what matters keeps quotes readable
        end = start + 300
    return text[start:end]


def _figures(clause: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    money = amounts(clause)
    if money:
        key = "investment" if "投资" in clause else "amount"
        out[key] = money[0] if len(money) == 1 else money
    found = [c for c in counts(clause) if not any(c["text"] in a["text"] for a in money)]
    if len(found) == 1:
        out["count"], out["count_text"] = found[0]["count"], found[0]["text"]
    elif found:
        out["counts"] = found
    return out


def _date(clause: str) -> str | None:
    found = dates(clause)
    return found[0]["date"] if len(found) == 1 else None


def extract(
    text: str,
    known: Iterable[KnownName] = (),
    *,
    author: str | None = None,
    title: str = "",
) -> Proposals:
    """Propose entities and relations for ``text`` (normalised), given the graph's names.

    ``author`` is the name (or known name) of whoever the report speaks for; when not
    given it is read from ``title`` (the first zone or government body named there).
    Sentences without a subject are read as the author's own work, marked
    ``basis: unstated_subject``.

    >>> p = extract("承德高新区与天津大学签订了合作协议。")
    >>> [(e.name, str(e.type)) for e in p.entities]
    [('承德高新区', 'development_zone'), ('天津大学', 'university')]
    >>> [(r.source, str(r.type), str(r.status), r.target) for r in p.relations]
    [('承德高新区', 'signed_agreement', 'signed', '天津大学')]
    """
    _check_language(text)
    index = _Index(known)
    author_m = _author(index, author, title)
    ctx = _Context(text, index, author_m)
    pieces = [
        _trim_span(text, a, b)
        for s_start, s_end in _spans(text, 0, len(text), _SENTENCE_END)
        for a, b in _pieces(text, s_start, s_end)
    ]
    pieces = [(a, b) for a, b in pieces if a < b]
    for (a, _), words in zip(pieces, tag([text[a:b] for a, b in pieces]), strict=True):
        ctx.words.extend(Word(w.start + a, w.end + a, w.tag) for w in words)
    ctx.starts = [w.start for w in ctx.words]
    for p_start, p_end in pieces:
        _sentence(ctx, p_start, p_end)
    if author_m is None and not author and (main := _main_party(ctx)) is not None:
        # no author in the title: the zone or government the report keeps naming is
        # whose work its sentences without a subject tell (read again with it)
        author_m = _Mention(0, 0, main.name, main.type, 0.7, main.match, origin="author")
        words, starts = ctx.words, ctx.starts
        ctx = _Context(text, index, author_m, words=words, starts=starts)
        for p_start, p_end in pieces:
            _sentence(ctx, p_start, p_end)
    _check_quotes(
        text,
        {q for e in ctx.entities.values() for q in e.quotes}
        | {r.quote for r in ctx.relations.values()},
    )
    if author_m is not None and author_m.ref in ctx.entities:
        e = ctx.entities[author_m.ref]
        if not e.quotes:  # named only in the title: quote where its short form appears
            e.quotes = [r.quote for r in ctx.relations.values() if r.source == e.ref][:1]
        if not e.quotes:
            del ctx.entities[author_m.ref]
    for b_start, b_end, key, s_start, s_end, mentions in ctx.own:
        named = [e for e in ctx.entities.values() if e.type in PARTY_TYPES]
        for i in referents(key, [(e.name, e.type) for e in named]):
            e = named[i]
            m = _Mention(b_start, b_end, e.name, e.type, 0.7, e.match, "coref")
            m.attributes["_said"] = text[b_start:b_end]
            parties = sorted([*mentions, m], key=lambda m: m.start)
            _party_relations(ctx, parties, s_start, s_end)
    _resolve_short_forms(ctx)
    _branches(ctx)
    # a place named in passing (no relation joins it) is no proposal
    joined = {r.source for r in ctx.relations.values()} | {r.target for r in ctx.relations.values()}
    for ref, e in list(ctx.entities.items()):
        if (
            e.type is T.PLACE
            and e.match is None
            and ref not in joined
            and (e.name in PLACES or e.name[:-1] in PLACES or e.name in ctx.acting)
        ):
            del ctx.entities[ref]
    author_name = author_m.name if author_m is not None else None
    return Proposals(list(ctx.entities.values()), list(ctx.relations.values()), author_name)


#: A report's main party is named in at least this many sentences, and in at least
#: twice as many as any other zone or government.
MAIN_PARTY_SENTENCES = 3


def _main_party(ctx: _Context) -> _Mention | None:
    """The zone or government body most sentences of the report name, if one stands out."""
    ranked = ctx.named.most_common(2)
    if not ranked or ranked[0][1] < MAIN_PARTY_SENTENCES:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ctx.first[ranked[0][0]]


def _check_quotes(text: str, quotes: set[str]) -> None:
    """Every quote is a slice of the text (one pass over the text, not one per quote)."""
    quotes.discard("")
    if not quotes:
        return
    ahocorasick = require("ahocorasick", "pyahocorasick")
    automaton = ahocorasick.Automaton()
    for q in quotes:
        automaton.add_word(q, q)
    automaton.make_automaton()
    found = {q for _, q in automaton.iter(text)}
    for q in quotes - found:  # pragma: no cover - quotes are slices of the text
        raise AssertionError(f"internal error: quote not in the text: {q!r}")


#: A text is read as Chinese when at least this share of its letters are Chinese
#: characters (reports quote English names, so the bar is low).
MIN_CHINESE = 0.2
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _check_language(text: str) -> None:
    """Refuse a text in another language: the model and the rules read Chinese only.

    >>> try:
    ...     _check_language("The zone signed an agreement with the university.")
    ... except ArgumentError as e:
    ...     print(str(e)[:60])
    the document is not in Chinese (0 of 41 letters are Chinese
    """
    letters = sum(1 for c in itertools.islice(text, 200_000) if c.isalpha())
    if letters < 20:
        return  # too little to tell (a title, a table of figures): nothing is refused
    chinese = len(_CJK.findall(text, 0, 200_000))
    if chinese < MIN_CHINESE * letters:
        raise ArgumentError(
            f"the document is not in Chinese ({chinese} of {letters} letters are Chinese "
            "characters); kg ingest reads Chinese reports only"
        )


_PAREN_ALIAS = re.compile(
    r"[（(](?:以下简称|下称|简称)?[“\"]?([A-Za-z][A-Za-z&\-]{1,11}|[\u4e00-\u9fff]{2,6})[”\"]?[)）]$"
)


_BRANCH = re.compile(
    r"^(?:[(（][\u4e00-\u9fff]{2,6}[)）]|[\u4e00-\u9fff]{2,6}?)(?:有限公司|有限责任公司|分公司|子公司|公司)$"
)


def _branches(ctx: _Context) -> None:
    """某某电器(重庆)有限公司 of 某某电器, 某某集团某地分公司: a subsidiary of the firm
    whose name it starts with (a place, then 有限公司 or 分公司)."""
    firms = {e.name: e for e in ctx.entities.values() if e.type is T.ENTERPRISE}
    for e in list(firms.values()):
        for k in range(len(e.name) - 4, 1, -1):
            parent = firms.get(e.name[:k])
            if parent is None or parent is e or not _BRANCH.match(e.name[k:]):
                continue
            key = (e.ref, str(R.SUBSIDIARY_OF), parent.ref)
            if key not in ctx.relations and e.quotes:
                r = RelationProposal(e.ref, parent.ref, R.SUBSIDIARY_OF, S.STATED, e.quotes[0], 0.6)
                r.basis = Basis.INFERRED
                r.notes = f"Read from the name: {e.name} starts with {parent.name}."
                ctx.relations[key] = r
            break


_REGION_OFFICE = re.compile(
    r"(?:中国大陆|中国区|大中华区|亚太区|亚太地区|(?:华南|华北|华东|华中|西南|西北|东北)(?:区|地区)?)$"
)


def _resolve_short_forms(ctx: _Context) -> None:
    """北大 after 北京大学: one proposal, the short form an alias (see ``_coreference``)."""
    new = [e for e in ctx.entities.values() if e.match is None]
    mapping = short_forms([(e.name, e.type) for e in new])
    for e in new:  # a short form the report declared: 某某公会（CIMA）… CIMA
        for alias in e.aliases:
            if alias in ctx.entities and alias != e.name and alias not in mapping.values():
                mapping.setdefault(alias, e.name)
    for e in new:  # 长沙某某重科 after 某某重科: the firm, its city written before it
        for k in (2, 3, 4):
            place, rest = e.name[:k], e.name[k:]
            if (
                len(rest) >= 2
                and (place in PLACES or place[:-1] in PLACES)
                and (other := ctx.entities.get(rest)) is not None
                and other.type is e.type
                and e.type in (T.ENTERPRISE, T.GROUP)
            ):
                mapping.setdefault(e.name, rest)
                break
    govs = [e for e in new if e.type is T.GOVERNMENT_BODY and e.name.endswith("政府")]
    for e in new:  # 浙江 beside 浙江省人民政府: the province acts through its government
        if e.type is T.PLACE and e.name.rstrip("省市") in PLACES:
            bare = e.name.rstrip("省市")
            gov = [g for g in govs if re.fullmatch(rf"{bare}[省市]?(?:人民)?政府", g.name)]
            if len(gov) == 1:
                mapping.setdefault(e.name, gov[0].ref)
    for e in new:  # 某某公会中国大陆, 某某华南区: the organisation's office for a region
        found = _REGION_OFFICE.search(e.name)
        if found and found.start() >= 2:
            rest = e.name[: found.start()]
            other = ctx.entities.get(rest) or next((o for o in new if rest in o.aliases), None)
            if other is not None and other is not e and other.type in ORG_TYPES | {T.ENTERPRISE}:
                mapping.setdefault(e.name, other.ref)
    mapping = {k: v for k, v in mapping.items() if v not in mapping}
    if not mapping:
        return
    for short, full in mapping.items():
        e, into = ctx.entities.pop(short), ctx.entities[full]
        for alias in (e.name, *e.aliases):
            if alias != into.name and alias not in into.aliases:
                into.aliases.append(alias)
        into.quotes.extend(q for q in e.quotes if q not in into.quotes)
        del into.quotes[3:]
        into.confidence = max(into.confidence, e.confidence)
    relations = list(ctx.relations.values())
    ctx.relations = {}
    for r in relations:
        r.source = mapping.get(r.source, r.source)
        r.target = mapping.get(r.target, r.target)
        if r.source != r.target:
            ctx.relations.setdefault(r.key, r)


def _author(index: _Index, author: str | None, title: str) -> _Mention | None:
    if author:
        k = index.resolve(author)
        if k is not None:
            return _Mention(0, 0, k.name, k.type, 1.0, k.id, origin="author")
        h = HEAD_RE.search(author)
        t, _ = HEADS[h.group(0)] if h else (T.GOVERNMENT_BODY, 0.0)
        return _Mention(0, 0, author, t, 0.8, origin="author")
    for m in index.find(title):
        if m.match and m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY):
            return _Mention(0, 0, m.name, m.type, 1.0, m.match, origin="author")
    for m in _head_candidates(title, 0, len(title)):
        if m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY):
            return _Mention(0, 0, m.name, m.type, 0.8, origin="author")
    return None


def _is_author_short(ctx: _Context, m: _Mention) -> bool:
    """``高新区`` alone, in a report by 某某高新区: the author."""
    a = ctx.author
    return a is not None and m.name != a.name and a.name.endswith(m.name)


#: Head words too common to make a name of a short word before them (创新中心, 研究项目).
_GENERIC_HEADS = ("中心", "基地", "工程", "项目", "园区")


def _generic(m: _Mention) -> bool:
    return m.origin in ("head", "model") and m.name.endswith(_GENERIC_HEADS) and len(m.name) <= 4


#: Longest name of a project or platform that common words alone can make (技术研发中心,
#: 开放式实验室 say what it is, not which one).
COMMON_NAME = 6
_COMMON_TAGS = frozenset({"n", "vn", "a", "an", "b", "v"})


def _common_words(ctx: _Context, m: _Mention) -> bool:
    """A short project or platform name made of common words only (no name the tagger
    marks): a description, not a name."""
    if m.type not in (T.PROJECT, T.PLATFORM) or len(m.name) > COMMON_NAME or m.match:
        return False
    if not m.name.endswith(("中心", "基地", "实验室", "城", "园区", "工程")):
        return False  # 院士工作室, 专家工作站: a kind that is named so
    inside = [w for w in ctx.words_in(m.start, m.end) if w.end <= m.end]
    return (
        bool(inside) and inside[0].start == m.start and all(w.tag in _COMMON_TAGS for w in inside)
    )


def _sentence(ctx: _Context, s_start: int, s_end: int) -> None:
    text = ctx.text
    s_start, s_end = _trim_span(text, s_start, s_end)
    if s_start >= s_end:
        return
    known = ctx.index.find(text[s_start:s_end])
    for k in known:
        k.start += s_start
        k.end += s_start
    known += _acting_places(ctx, known, s_start, s_end)
    heads = _head_candidates(text, s_start, s_end)
    # bare heads that stand for the author (高新区 in a 高新区 report)
    if ctx.author is not None:
        for h in HEAD_RE.finditer(text, s_start, s_end):
            if (
                ctx.author.name.endswith(h.group(0))
                and ctx.author.name != h.group(0)
                and not any(m.start <= h.start() < m.end for m in heads + known)
            ):
                a = ctx.author
                heads.append(
                    _Mention(h.start(), h.end(), h.group(0), a.type, 0.8, a.match, "author-short")
                )
    enums = _enumerations(text, s_start, s_end)
    listed = [m for items, _, _, _ in enums for m in items]
    extra = _titles(text, s_start, s_end) + _groups(text, s_start, s_end)
    extra += _quoted(text, s_start, s_end)
    extra += [  # 十八届五中全会: a party plenum, an event the tagger splits
        _Mention(m.start(), m.end(), m.group(0), T.EVENT, 0.7, origin="quoted")
        for m in _PLENUM.finditer(text, s_start, s_end)
    ]
    partners = [
        _Mention(m.start(1), m.end(1), m.group(1), T.ENTERPRISE, 0.5, origin="partner")
        for m in _PARTNER.finditer(text, s_start, s_end)
        if len(m.group(1)) >= 3
        and not HEAD_RE.search(m.group(1))
        and not re.search(r"[的了在就]", m.group(1))
    ]
    words = ctx.words_in(s_start, s_end)
    for m in heads + listed + partners:
        if m.origin in ("head", "list", "partner"):
            inner = m.origin != "list"
            m.start = snap(text, ctx.words, ctx.starts, m.start, m.end, inner)
            if m.start > 0 and text[m.start - 1] == "我" and m.end - m.start > 3:
                m.start += text[m.start] in "院校区市"  # 我院某某系: the unit, not 院某某系
            m.name = text[m.start : m.end]
    heads = [  # a name the snap reduced to its bare head word is no name (今年公司 → 公司)
        m
        for m in heads
        if m.origin != "head"
        or (m.end - m.start >= 2 and (m.name not in HEADS or m.name in STANDALONE))
    ]
    heads = [m for m in heads if not _generic(m) and not _common_words(ctx, m)]
    listed = [m for m in listed if plausible(text, words, m.start, m.end)]
    partners = [m for m in partners if plausible(text, words, m.start, m.end)]
    modelled = [
        _Mention(a, b, text[a:b], t, c, origin="model") for a, b, t, c in model_names(text, words)
    ]
    modelled = [m for m in modelled if not _generic(m)]
    mentions = _choose(known, heads + listed + extra + partners + modelled)
    designations: dict[int, str] = {}
    for m in list(mentions):  # 被列为全省示范项目: a designation, not a project
        if re.search(
            r"(列为|列入|评为|认定为|确定为|命名为)$", text[max(s_start, m.start - 3) : m.start]
        ):
            mentions.remove(m)
            designations[_clause_of(text, m.start, s_start, s_end)[0]] = m.name
    _widen_units(text, mentions)
    _widen_joined(ctx, words, mentions)
    for m in mentions:  # 某某公会（CIMA）, 某某公司(以下简称某某): the short form an alias
        paren = _PAREN_ALIAS.search(m.name)
        if paren is not None and m.match is None and paren.start() >= 2:
            m.attributes["_alias"] = paren.group(1)
            m.end -= len(m.name) - paren.start()
            m.name = m.name[: paren.start()]
    for m in mentions:
        if m.origin == "author-short" and ctx.author is not None:
            m.name, m.match = ctx.author.name, ctx.author.match
            m.origin = "author-alias"
    sentence_quote = _quote(text, s_start, s_end)
    for m in mentions:
        clause = _clause_of(text, m.start, s_start, s_end)
        ctx.entity(m, _quote(text, *clause))
        if m.origin == "author-alias":
            e = ctx.entities[m.ref]
            short = text[m.start : m.end]
            if short != e.name and short not in e.aliases:
                e.aliases.append(short)
    titled = _titled(ctx, words, mentions, s_start, s_end)
    _units(ctx, mentions)
    _name_relations(ctx, mentions, sentence_quote)
    consumed = _group_statements(ctx, enums, mentions, s_start, s_end)
    _clause_relations(ctx, mentions, consumed, s_start, s_end, designations)
    read_for = _back_referenced(ctx, mentions, s_start, s_end) + titled
    parties = sorted(
        [m for m in mentions if m.start not in consumed] + read_for, key=lambda m: m.start
    )
    _party_relations(ctx, parties, s_start, s_end)
    _project_figures(ctx, mentions + read_for, s_start, s_end)
    _gathered(ctx, mentions, s_start, s_end)
    _phrases(ctx, mentions, s_start, s_end)
    for ref in {m.ref for m in mentions if m.type in _AUTHOR_KINDS and m.origin != "author-alias"}:
        ctx.named[ref] += 1
        ctx.first.setdefault(ref, next(m for m in mentions if m.ref == ref))
    ctx.recent.extend(m for m in sorted(mentions, key=lambda m: m.start) if m.type in PARTY_TYPES)
    del ctx.recent[:-12]


_ACTING = re.compile(r"签署|签订|签约|意向|洽谈|会谈|合作|共建|对接")


def _acting_places(
    ctx: _Context, known: list[_Mention], s_start: int, s_end: int
) -> list[_Mention]:
    """A place the tagger marks, outside the gazetteer (a county, a town), where it acts
    with another party: 甲县与乙集团签约, 甲镇同乙大学合作."""
    text = ctx.text
    if not _ACTING.search(text, s_start, s_end):
        return []
    words = ctx.words_in(s_start, s_end)
    out = []
    for i, w in enumerate(words):
        if (
            w.tag == "LOC"
            and w.end - w.start >= 2
            and text[w.end : w.end + 1] in ("与", "同")
            and not HEAD_RE.search(text, w.start, w.end)
            and (i == 0 or words[i - 1].tag not in ("LOC", "ORG", "nz", "n"))
            and not any(k.start < w.end and w.start < k.end for k in known)
        ):
            name = text[w.start : w.end]
            ctx.acting.add(name)
            out.append(_Mention(w.start, w.end, name, T.PLACE, 0.6, origin="place"))
    return out


def _back_referenced(
    ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int
) -> list[_Mention]:
    """Mentions for 该校, 该公司, 双方, 两地 …: the parties the report named just before.

    双方 (both sides) also relates the two to each other, typed by the sentence's cue
    words (双方签署协议 signed_agreement, 双方将合作 cooperation).
    """
    text = ctx.text
    out: list[_Mention] = []
    for b_start, b_end, key in back_references(text, s_start, s_end):
        if any(m.start <= b_start < m.end for m in mentions):
            continue  # inside a name
        before = ctx.recent + [m for m in mentions if m.end <= b_start]
        if key.startswith("我") and ctx.author is not None:
            before = [ctx.author, *before]
        latest: list[str] = []  # the last four parties named, latest first
        for m in reversed(before):
            if m.type in _SIDES and m.ref not in latest and len(latest) < 4:
                latest.append(m.ref)
        if (  # the two sides of the latest agreement, when named lately
            key == "双方" and ctx.sides is not None and all(m.ref in latest for m in ctx.sides)
        ):
            found = list(ctx.sides)
        else:
            seen = [(m.ref, m.type) for m in before if m.type in _SIDES or key != "双方"]
            found = [before[i] for i in referents(key, seen)]
        if not found:
            if key.startswith("我"):
                ctx.own.append((b_start, b_end, key, s_start, s_end, mentions))
            continue
        said = text[b_start:b_end]
        refs = []
        for m in found:
            r = _Mention(b_start, b_end, m.name, m.type, min(m.confidence, 0.7), m.match, "coref")
            r.attributes["_said"] = said
            refs.append(r)
        out.extend(refs)
        if (
            len(refs) == 2
            and frozenset((refs[0].ref, refs[1].ref)) not in ctx.linked
            and states_relations(text[b_end:s_end])
        ):
            rtype = _cue_type(text[b_end:s_end])
            clause = text[slice(*_clause_of(text, b_start, s_start, s_end))]
            ctx.relate(
                refs[0],
                refs[1],
                rtype,
                _status(clause) or _status(text[s_start:s_end]) or S.STATED,
                _quote(text, s_start, s_end),
                0.5,
            )
    return out


def _cue_type(words: str) -> RelationType:
    """The relation a clause's cue words state between two parties acting together."""
    for rx, rtype in (
        (r"意向", R.LETTER_OF_INTENT),
        (r"签署|签订|签约|签下", R.SIGNED_AGREEMENT),
        (r"洽谈|会谈|商谈|磋商", R.NEGOTIATION),
    ):
        if re.search(rx, words):
            return rtype
    return R.COOPERATION


_ACTS = re.compile(r"出席|参加|见证|致辞|签署|签订|签约|揭牌|代表|会见|会谈|座谈|考察")


def _titled(
    ctx: _Context, words: list[Word], mentions: list[_Mention], s_start: int, s_end: int
) -> list[_Mention]:
    """某某集团董事长张三出席…: the organisation of a person's title, where the person
    acts (attends, signs, speaks); its relations are ``basis: inferred``."""
    text = ctx.text
    if not _ACTS.search(text, s_start, s_end):
        return []
    found: list[tuple[int, int, EntityType]] = []
    model_names(text, words, found)
    out = []
    for a, b, t in found:
        same = [m for m in mentions if m.end == b and m.start >= a]
        for m in same:  # named by a rule too: its relations are read from the title all the same
            m.origin = "title"
        if same or any(m.start < b and a < m.end for m in mentions):
            continue
        name = text[a:b]
        k = ctx.index.resolve(name)
        out.append(
            _Mention(
                a, b, k.name if k else name, k.type if k else t, 0.6, k.id if k else None, "title"
            )
        )
    return out


_GATHER = re.compile(r"聚集|集聚|汇聚|引进|引入|吸引|入驻|落户|进驻")
_GATHERED = frozenset({T.ENTERPRISE, T.RESEARCH_INSTITUTE})


def _gathered(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """区内聚集了甲、乙等企业, 某某高新区引进了甲公司: the firms are located in the zone
    (the one the clause names before the cue word, else the report's author)."""
    text = ctx.text
    for c_start, c_end in _spans(text, s_start, s_end, _CLAUSE_END):
        cue = _GATHER.search(text, c_start, c_end)
        if cue is None:
            continue
        before = [
            m
            for m in mentions
            if c_start <= m.start and m.end <= cue.start() and m.ref not in ("",)
        ]
        where = [m for m in before if m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY)]
        if before and not where:
            continue  # another party is the subject: 某某集团引进…
        firms = [
            m
            for m in mentions
            if cue.end() <= m.start < c_end and m.type in _GATHERED and m.origin != "coref"
        ]
        if not firms:
            continue
        zone = where[-1] if where else ctx.author
        if zone is None or zone.type not in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY):
            continue
        quote = _quote(text, c_start, c_end)
        extra: dict[str, Any] = {}
        if not where:
            extra = {
                "basis": Basis.UNSTATED_SUBJECT,
                "notes": (
                    f"The clause names no one who gathers the firms; read as the report's "
                    f"author, {zone.name}. Check before accepting."
                ),
            }
        for f in firms:
            ctx.relate(f, zone, R.LOCATED_IN, S.STATED, quote, 0.5, **extra)


def _project_figures(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """该项目总投资45亿元，占地300亩，年产10万辆: figures of the clause's project,
    on the project (the last one the clause names, else the one 该项目 refers to)."""
    text = ctx.text
    for c_start, c_end in _spans(text, s_start, s_end, _CLAUSE_END):
        clause = text[c_start:c_end]
        found: dict[str, Any] = {}
        money = amounts(clause)
        if money and re.search(r"投资|投入|出资", clause):
            found["investment"] = money[0] if len(money) == 1 else money
        for key, values in (("area", areas(clause)), ("capacity", capacities(clause))):
            if values:
                found[key] = values[0] if len(values) == 1 else values
        if not found:
            continue
        projects = [m for m in mentions if m.type is T.PROJECT and c_start <= m.start < c_end] or [
            m
            for m in mentions
            if m.type is T.PROJECT and m.origin == "coref" and s_start <= m.start < c_start
        ]
        if not projects:
            continue
        e = ctx.entities.get(projects[-1].ref)
        if e is None:
            continue
        for key, value in found.items():
            e.attributes.setdefault(key, value)


#: A sentence naming more parties than this is a list, not a statement about each pair.
MAX_PARTIES = 8
#: In a sentence naming more parties than this, only parties of one clause are paired.
CLAUSE_PARTIES = 4
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def _party_relations(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """One relation per pair of parties the sentence names, the type from its cue words.

    Members of a group statement (``mentions`` leaves them out) join its cooperation
    node only, never each other.
    """
    text = ctx.text
    if not states_relations(text[s_start:s_end]):
        return
    parties: list[_Mention] = []
    refs: set[str] = set()
    for m in mentions:
        nested = any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in mentions
        )  # 北京大学 inside 北京大学某某研究院 is the institute's parent, no party here
        if nested:
            continue
        if m.type in PARTY_TYPES and m.end > m.start and m.ref not in refs:
            parties.append(m)
            refs.add(m.ref)
    if len(parties) < 2 or sum(m.origin not in _READ_FOR for m in parties) > MAX_PARTIES:
        return
    quote = _quote(text, s_start, s_end)
    sentence_status = _status(text[s_start:s_end]) or S.STATED
    crowded = sum(m.origin not in _READ_FOR for m in parties) > CLAUSE_PARTIES
    for i, a in enumerate(parties):
        # the sentence's subject (its first party, or 双方) acts across its clauses
        subject = i == 0 or a.origin == "coref"
        for b in parties[i + 1 :]:
            if frozenset((a.ref, b.ref)) in ctx.linked:
                continue
            if crowded and not subject and _CLAUSE_BREAK.search(text, a.end, b.start):
                continue  # a long sentence: parties of different clauses are not paired
            found = pair_type(
                text, (a.start, a.end, a.type), (b.start, b.end, b.type), s_start, s_end
            )
            if found is None:
                continue
            rtype, reverse = found
            src, dst = (b, a) if reverse else (a, b)
            clause = text[slice(*_clause_of(text, b.start, s_start, s_end))]
            status = _status(clause) or sentence_status
            extra: dict[str, Any] = {}
            if rtype is R.INVESTS_IN:
                extra = _figures(clause)
            ctx.relate(src, dst, rtype, status, quote, 0.5, **extra)


# Measures and goals: how work reports state what they do and what it is for.
_ADVERBS = re.compile(
    r"(?:全面|广泛|进一步|切实|不断|着力|努力|大力|积极|主动|深化|持续|同时|并且|并|还|要)*"
)
_GOAL = re.compile(r"(?:为)?(?:提升|提高|增强|扩大|吸引|加快|集约|优化|加大|壮大|带动)")
_GOAL_OBJECT = re.compile(r"(?:加快)?(?:推进|推动|促进)")
_MEASURE_OBJECT = re.compile(r"(?:探索|实行|推行|开展|实施|建立|出台)")
_MEASURE_WHOLE = re.compile(r"(?:深入|严格|认真)?(?:制定|落实|研究|宣传|健全|完善)")
_SHARED_HEAD = re.compile(r"(“[^”]+”)(?:和|与|、)(“[^”]+”)(.+)")


def _phrases(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """Propose the measures a sentence reports and the goals it states, and link them."""
    text = ctx.text
    measures: list[_Mention] = []
    for c_start, c_end in _spans(text, s_start, s_end, _CLAUSE_END):
        c_start, c_end = _trim_span(text, c_start, c_end)
        if c_end - c_start < 6:
            continue
        clause = text[c_start:c_end]
        quote = _quote(text, c_start, c_end)
        lead = c_start
        if (k := clause.find("将")) != -1 and k < 8 and _GOAL.match(clause, k + 1):
            lead = c_start + k + 1  # 项目建成后将为吸引…: the goal starts after 将
        adv = _ADVERBS.match(text, lead, c_end)
        at = adv.end() if adv else lead
        goals: list[tuple[int, int]] = []
        if (g := _GOAL_OBJECT.match(text, at, c_end)) is not None:
            obj = text[g.end() : c_end]
            parts = obj.split("和") if obj.count("和") == 1 else [obj]
            pos = g.end()
            for part in parts:
                if len(part) >= 4:
                    goals.append((pos, pos + len(part)))
                pos += len(part) + 1
        elif _GOAL.match(text, at, c_end) is not None:
            end = c_end
            hub = next(
                (m for m in mentions if at < m.start < c_end and m.type in PROJECT_TYPES), None
            )
            if hub is not None and text[hub.start - 1] == "的":
                end = hub.start - 1  # 提升…内涵的某某项目: the project's aim
            goals.append((lead if lead != c_start else at, end))
        for a, b in goals:
            if any(a <= x.start and x.end <= b and x.type not in PLACE_TYPES for x in mentions):
                continue  # 推进某某工程建设: work on named things, not an aim
            goal = _Mention(a, b, text[a:b], T.GOAL, 0.5, origin="phrase")
            ctx.entity(goal, quote)
            sources = (
                measures
                or [m for m in mentions if m.start < c_end and m.type in PROJECT_TYPES][-1:]
            )
            for src in sources:
                ctx.relate(src, goal, R.AIMS_AT, S.STATED, quote, 0.5)
        if goals:
            continue
        found: list[tuple[int, int, str]] = []
        status = S.CARRIED_OUT
        if (m := _MEASURE_OBJECT.match(text, at, c_end)) is not None:
            status = S.EXPLORING if m.group(0) == "探索" else S.CARRIED_OUT
            obj_start = m.end()
            obj = text[obj_start:c_end]
            if (shared := _SHARED_HEAD.fullmatch(obj)) is not None:
                # “A”和“B”服务: two measures sharing a head; the clause is their quote
                for part in (shared.group(1), shared.group(2)):
                    found.append((obj_start, c_end, part + shared.group(3)))
            else:
                found.append((obj_start, c_end, obj))
        elif _MEASURE_WHOLE.match(text, at, c_end) is not None:
            found.append((c_start, c_end, clause))
        for a, b, name in found:
            if len(name) < 4 or any(
                a <= x.start and x.end <= b and x.type in ORG_TYPES and x.origin != "author-alias"
                for x in mentions
            ):
                continue
            measure = _Mention(a, b, name, T.MEASURE, 0.5, origin="phrase")
            measures.append(measure)
            ctx.entity(measure, quote)
            if ctx.author is not None:
                ctx.relate(ctx.author, measure, R.ADOPTS, status, quote, 0.5)


def _clause_of(text: str, pos: int, s_start: int, s_end: int) -> tuple[int, int]:
    for a, b in _spans(text, s_start, s_end, _CLAUSE_END):
        if a <= pos < b:
            return a, b
    return s_start, s_end


#: How a university's schools and departments are named (某某学院, 某某学部, 某某系).
_UNIT_HEAD = re.compile(r"(?:学院|学部|医学部|学系|研究生院|(?<![体关])系)$")
_UNIT_PARENT = re.compile(r"(.{2,12}?大学)(?=.{2,})")
_LIST_JOIN = ("、", "和", "及", "以及")


def _widen_units(text: str, mentions: list[_Mention]) -> None:
    """化学与分子工程学院 in a list of schools: the name runs back to the list's 、."""
    for m in mentions:
        if m.name.endswith("学部") and m.type is T.GOVERNMENT_BODY and m.match is None:
            m.type = T.COLLEGE  # 某某大学医学部: a faculty, not a ministry
        if m.origin not in ("head", "model") or not _UNIT_HEAD.search(m.name):
            continue
        back = text[max(0, m.start - 8) : m.start]
        cut = max(back.rfind("、"), back.rfind("，"), back.rfind(","))
        if cut < 0 or back[cut] != "、":
            continue
        gap = back[cut + 1 :]
        if (
            gap
            and re.fullmatch(r"[\u4e00-\u9fff]{1,6}", gap)
            and re.search("[与和及]", gap)
            and not any(
                o is not m and o.end > m.start - len(gap) and o.start < m.start for o in mentions
            )
        ):
            m.start -= len(gap)
            m.name = text[m.start : m.end]


def _widen_joined(ctx: _Context, words: list[Word], mentions: list[_Mention]) -> None:
    """某某药物及某某试剂联合实验室: 及/和 joining plain nouns is inside the name, which
    runs back to the verb or punctuation before them (not when a name stands there)."""
    text = ctx.text
    starts = [w.start for w in words]
    for m in mentions:
        if m.origin != "head" or m.type not in PROJECT_TYPES | {T.PLATFORM} or len(m.name) < 6:
            continue  # 交通项目 is no name to widen: 能源和交通项目 is no name either
        i = bisect.bisect_left(starts, m.start) - 1
        if (
            i < 1
            or words[i].end != m.start
            or text[words[i].start : words[i].end] not in ("及", "和")
        ):
            continue
        j = i - 1
        while j >= 0 and words[j].tag in ("n", "nz", "vn") and m.start - words[j].start <= 12:
            j -= 1
        first = j + 1
        if (
            first < i
            and (j < 0 or words[j].tag in ("v", "p", "w", "d", "c", "u"))
            and not HEAD_RE.search(text, words[first].start, words[i].start)
            and not any(
                o is not m and o.end > words[first].start and o.start < m.start for o in mentions
            )
        ):
            m.start = words[first].start
            m.name = text[m.start : m.end]


def _units(ctx: _Context, mentions: list[_Mention]) -> None:
    """某某大学某某学院 is a unit of the university (``subsidiary_of``), and so are the
    schools listed right after it (某某大学医学部、某某学院、某某系)."""
    text = ctx.text
    by_span = {(m.start, m.end): m for m in mentions}
    for m in sorted(mentions, key=lambda m: m.start):
        if not _UNIT_HEAD.search(m.name) or m.type not in _UNIT_TYPES:
            continue
        parent = m.attributes.get("_affiliated_with")
        found = _UNIT_PARENT.match(m.name)
        if parent is None and found is not None:
            name = found.group(1)
            k = ctx.index.resolve(name)
            parent = _Mention(
                m.start,
                m.start + len(name),
                k.name if k else name,
                k.type if k else T.UNIVERSITY,
                0.8,
                k.id if k else None,
            )
            ctx.relate(m, parent, R.SUBSIDIARY_OF, S.STATED, text[m.start : m.end], 0.7)
        if parent is None or parent.type not in (T.UNIVERSITY, T.COLLEGE):
            continue
        pos = m.end
        while (item := _UNIT_ITEM.match(text, pos)) is not None:
            span = (item.start(1), item.end(1))
            unit = by_span.get(span) or _Mention(
                *span, item.group(1), T.COLLEGE, 0.6, origin="list"
            )
            if unit.match is None and (k := ctx.index.resolve(unit.name)) is not None:
                unit.match, unit.type = k.id, k.type
            ctx.relate(unit, parent, R.SUBSIDIARY_OF, S.STATED, _quote(text, m.start, span[1]), 0.6)
            pos = span[1]


_UNIT_TYPES = frozenset({T.COLLEGE, T.SCHOOL, T.RESEARCH_INSTITUTE})
#: The next school of a list: 、某某学院 (no university's name in it).
_UNIT_ITEM = re.compile(
    r"(?:、|和|及|以及)((?:(?!大学)[\u4e00-\u9fff]){1,14}?(?:学院|学部|医学部|学系|研究生院|系))"
    r"(?!附属|分院)"
)


def _name_relations(ctx: _Context, mentions: list[_Mention], quote: str) -> None:
    """Relations a name states by its form: 某某大学附属学校, 某某集团某某项目."""
    for m in mentions:
        q = ctx.text[m.start : m.end] if m.end > m.start else quote
        if (p := m.attributes.get("_affiliated_with")) is not None:
            unit = _UNIT_HEAD.search(m.name) and p.type in (T.UNIVERSITY, T.COLLEGE)
            ctx.relate(m, p, R.SUBSIDIARY_OF if unit else R.AFFILIATED_WITH, S.STATED, q, 0.7)
        if (p := m.attributes.get("_located_in")) is not None:
            ctx.relate(m, p, R.LOCATED_IN, S.STATED, q, 0.7)
        if m.type in PROJECT_TYPES | {T.SCHOOL} and m.origin in ("head", "list"):
            # 中关村承德创新创业大厦, 某某大学承德附属学校: the place named inside (after the
            # organisation the name starts with) is where it is
            owner = m.attributes.get("_affiliated_with") or m.attributes.get("_participant")
            skip = owner.end - m.start if owner is not None and owner.start >= m.start else 0
            places = [
                k
                for k in ctx.index.find(m.name)
                if k.type is T.PLACE
                and k.start > 0
                and k.start >= skip
                and (k.match is not None or m.type is T.SCHOOL)
            ]  # a bare city inside a project's name is no party; a school's city is its own
            if places:
                ctx.relate(m, places[-1], R.LOCATED_IN, S.STATED, q, 0.5)


_COOP = re.compile(r"合作|对接|交流|共建|联合|协作|攻关")


def _group_statements(
    ctx: _Context,
    enums: list[tuple[list[_Mention], str, int, int]],
    mentions: list[_Mention],
    s_start: int,
    s_end: int,
) -> set[int]:
    """``A、B等企业与C、D等高校开展合作``: one cooperation node each member joins."""
    text = ctx.text
    consumed: set[int] = set()
    for (items1, cat1, a1, b1), (items2, cat2, a2, b2) in itertools.pairwise(enums):
        between = text[b1:a2]
        if not re.fullmatch(r"(与|和|同|跟)", between):
            continue
        m = _COOP.search(text, b2, s_end)
        if m is None:
            continue
        clause_end = min(
            (i for i in (text.find(c, m.end(), s_end) for c in "，,；。") if i != -1), default=s_end
        )
        quote = _quote(text, a1, clause_end)
        tail = text[b2:clause_end]
        status = S.PLANNED if re.search(r"将|计划|拟", tail) else S.CARRIED_OUT
        acts = re.findall(
            r"(?:开展了?|进行了?|实现了?|、)?((?:[\u4e00-\u9fff]{0,4}?)(?:合作|对接|交流|共建|攻关))",
            tail,
        )
        node = _Mention(
            a1,
            clause_end,
            f"{cat1}与{cat2}的{acts[0] if acts else '合作'}",
            T.COOPERATION,
            0.7,
            origin="group",
        )
        node.attributes = {"collective": True}
        if acts:
            node.attributes["activities"] = acts
        ctx.entity(node, quote)
        for role, items in ((cat1, items1), (cat2, items2)):
            for item in items:
                real = next(
                    (x for x in mentions if x.start == item.start and x.end == item.end), item
                )
                ctx.relate(
                    real, node, R.PARTICIPATES_IN, status, quote, 0.8, role=role, collective=True
                )
        consumed.add(a1)
        for x in mentions:
            if a1 <= x.start < clause_end:
                consumed.add(x.start)
    return consumed


def _clause_relations(
    ctx: _Context,
    mentions: list[_Mention],
    consumed: set[int],
    s_start: int,
    s_end: int,
    designations: dict[int, str],
) -> None:
    text = ctx.text
    topic: _Mention | None = None
    for c_start, c_end in _spans(text, s_start, s_end, _CLAUSE_END):
        clause = text[c_start:c_end]
        ms = [m for m in mentions if c_start <= m.start < c_end and m.start not in consumed]
        # 高新区 written in the clause (in a 某某高新区 report): the author, stated as such
        author = next((m for m in ms if m.origin == "author-alias"), ctx.author)
        status = _status(clause)
        quote = _quote(text, c_start, c_end)
        figs = _figures(clause)
        date = _date(clause)
        extra: dict[str, Any] = dict(figs)
        if c_start in designations:
            extra["designation"] = designations[c_start]
        if date:
            extra["date"] = date
        hubs = [m for m in ms if m.type in PROJECT_TYPES]
        orgs = [
            m
            for m in ms
            if m.type in ORG_TYPES | {T.GROUP, T.ENTERPRISE} and m.origin != "author-alias"
        ]
        events = [m for m in ms if m.type is T.EVENT]
        subject = author
        done: set[int] = set()

        # 以X、Y为组长的Z: X and Y lead Z
        lead = (
            re.search(r"以([^，,]{1,40}?)为(?:组长|牵头单位|负责人)", clause)
            if "以" in clause
            else None
        )
        if lead is not None:
            leaders = [m for m in ms if c_start + lead.start(1) <= m.start < c_start + lead.end(1)]
            led = [m for m in ms if m.start >= c_start + lead.end() and m.type is T.GOVERNMENT_BODY]
            for x in leaders:
                for y in led[:1]:
                    ctx.relate(x, y, R.LEADS, S.ESTABLISHED, quote, 0.6)
                    done.add(id(x))

        # A与B合作的C / 与B合作的C
        coop = (
            re.search(r"(与|同|和)([^，,]{0,40}?)(?:合作|共建|联合)(?:的|建设的|开展的)", clause)
            if re.search("合作的|共建的|联合的|合作建设的|合作开展的", clause)
            else None
        )
        if coop is not None:
            after = c_start + coop.end()
            partner = [m for m in ms if c_start + coop.start(2) <= m.start < c_start + coop.end(2)]
            before = [
                m for m in ms if m.end <= c_start + coop.start() and m.type not in PLACE_TYPES
            ]
            target = next((m for m in ms if m.start >= after), None)
            st = status if status not in (None, S.CARRIED_OUT) else S.CARRIED_OUT
            if partner and target is not None:
                if before and target.type in PROJECT_TYPES:
                    ctx.relate(
                        before[-1], partner[0], R.COOPERATION, st, quote, 0.7, subject=target.name
                    )
                    ctx.relate(before[-1], target, R.PARTICIPATES_IN, st, quote, 0.7)
                    done.add(id(before[-1]))
                if target.type in PROJECT_TYPES:
                    ctx.relate(partner[0], target, R.PARTICIPATES_IN, st, quote, 0.7)
                    done.add(id(partner[0]))
                    if not before and author is not None:
                        ctx.relate(
                            author,
                            target,
                            _AUTHOR_TYPE.get(st, R.WORKS_ON),
                            st,
                            quote,
                            0.6,
                            **extra,
                        )
                    done.add(id(target))
                    topic = target

        # 由X以BOT方式投资建设的Y, X投资建设Y
        if (k := clause.find("投资建设")) != -1:
            build_end = c_start + k + 4
            builder = [m for m in orgs if m.start < build_end]
            built = [m for m in hubs if m.start >= build_end]
            if builder and built:
                model = re.search(r"\b(bot|ppp|epc|bt|boo|tot)\b", clause, re.IGNORECASE)
                rtype = R.BUILDS_OPERATES if model else R.INVESTS_IN
                st = status or S.PLANNED
                kw: dict[str, Any] = {"model": model.group(1).upper()} if model else {}
                ctx.relate(builder[0], built[0], rtype, st, quote, 0.7, **kw)
                done.add(id(builder[0]))

        # 与X就Y签订: X invests in / takes part in Y
        about = (
            re.search(
                r"(?:与|同|和)([^，,]{1,40}?)就([^，,]{1,40}?)(?:签订|签署|签约|达成|洽谈|开展)",
                clause,
            )
            if "就" in clause
            else None
        )
        if about is not None:
            xs = [m for m in orgs if c_start + about.start(1) <= m.start < c_start + about.end(1)]
            ys = [m for m in hubs if c_start + about.start(2) <= m.start < c_start + about.end(2)]
            if xs and ys:
                st = status or S.CARRIED_OUT
                rtype = R.INVESTS_IN if "投资" in clause else R.PARTICIPATES_IN
                ctx.relate(xs[0], ys[0], rtype, st, quote, 0.7)
                done.add(id(xs[0]))
                named = [m for m in orgs if m.end <= c_start + about.start()]
                if named:  # 甲与乙就某项目开展洽谈: 甲 is a party too
                    ctx.relate(
                        named[-1], xs[0], _AUTHOR_TYPE.get(st, R.COOPERATION), st, quote, 0.6
                    )
                    ctx.relate(named[-1], ys[0], R.PARTICIPATES_IN, st, quote, 0.6)
                    done.add(id(named[-1]))
                    done.add(id(ys[0]))

        # 争取X和Y落户P
        seek = (
            re.search(r"争取([^，,]{1,60}?)(?:落户|入驻|落地|来)(.*)$", clause)
            if "争取" in clause
            else None
        )
        if seek is not None:
            src = topic or author
            sought = [m for m in ms if c_start + seek.start(1) <= m.start < c_start + seek.end(1)]
            where = [m for m in ms if m.start >= c_start + seek.start(2)]
            for x in sought:
                if src is not None:
                    ctx.relate(src, x, R.SEEKS, S.PLANNED, quote, 0.6)
                for p in where[:1]:
                    ctx.relate(x, p, R.LOCATED_IN, S.PLANNED, quote, 0.6)
                done.add(id(x))
            if sought:
                continue

        # 为P培养/服务: the topic supports P
        serve = (
            re.search(r"为([^，,]{1,40}?)(?:培养|服务|提供)", clause) if "为" in clause else None
        )
        if serve is not None and topic is not None:
            for p in [
                m for m in ms if c_start + serve.start(1) <= m.start < c_start + serve.end(1)
            ]:
                ctx.relate(
                    topic,
                    p,
                    R.SUPPORTS,
                    S.PLANNED if re.search("计划|将|拟", clause) else S.CARRIED_OUT,
                    quote,
                    0.5,
                    **figs,
                )
            continue

        # 借助/依托X: the project the sentence is about draws on X
        lean = re.search(r"(?:借助|依托|利用)", clause)
        if lean is not None:
            later = [m for m in mentions if m.start >= c_end and m.type in PROJECT_TYPES]
            src = later[0] if later else topic or author
            for x in [m for m in ms if m.start >= c_start + lean.end()][:1]:
                if src is not None:
                    ctx.relate(src, x, R.DRAWS_ON, S.STATED, quote, 0.5)
            continue

        # visits: 拜访X洽谈N次, X来Y考察洽谈N次
        visit = (
            re.search(r"(?:拜访|走访)([^，,]{1,60}?)(?:洽谈|座谈|考察|调研)", clause)
            if re.search("拜访|走访", clause)
            else None
        )
        if visit is not None and author is not None:
            g = _span_entity(ctx, c_start + visit.start(1), c_start + visit.end(1), ms)
            ctx.relate(author, g, R.VISIT, S.CARRIED_OUT, quote, 0.6, **figs)
            continue
        come = (
            re.search(r"^([^，,]{1,40}?)来([^，,]{1,40}?)(?:考察|洽谈|调研|参观|访问)", clause)
            if "来" in clause
            else None
        )
        if come is not None:
            g = _span_entity(ctx, c_start + come.start(1), c_start + come.end(1), ms)
            hosts = [m for m in ms if c_start + come.start(2) <= m.start < c_start + come.end(2)]
            host = hosts[0] if hosts else author
            if host is not None:
                ctx.relate(g, host, R.VISIT, S.CARRIED_OUT, quote, 0.6, **figs)
            continue

        # events: 在P举行了E; 参加E
        if events:
            ev = events[0]
            attend = re.search(r"参加|参与|出席", clause)
            held = re.search(r"举行|举办|召开", clause)
            if held and not (attend and attend.start() < held.start()):
                hosts = [m for m in orgs if m.end <= c_start + held.start() and id(m) not in done]
                for host in hosts or ([author] if author is not None else []):
                    ctx.relate(host, ev, R.ORGANISES, S.HELD, quote, 0.6, **extra)
                at = re.search(r"在([^，,]{1,40}?)(?:举行|举办|召开)", clause)
                if at is not None:
                    for p in [
                        m
                        for m in ms
                        if c_start + at.start(1) <= m.start < c_start + at.end(1) and m is not ev
                    ][:1]:
                        ctx.relate(
                            ev, p, R.HELD_AT, S.HELD, quote, 0.6, **({"date": date} if date else {})
                        )
            elif attend and author is not None:
                for e in events:
                    ctx.relate(author, e, R.ATTENDS, S.CARRIED_OUT, quote, 0.6)
            continue

        # 成立X: the author establishes X
        if status is S.ESTABLISHED and author is not None:
            cue = re.search(r"成立|组建|设立", clause)
            assert cue is not None
            for x in [
                m
                for m in ms
                if m.start >= c_start + cue.end()
                and id(m) not in done
                and m.type in (T.GOVERNMENT_BODY, T.PLATFORM)
            ][-1:]:
                ctx.relate(author, x, R.ESTABLISHES, S.ESTABLISHED, quote, 0.6)
            continue

        if status is None:
            continue
        # the organisations the clause names as partners (与X签订, 正在与X洽谈)
        partner_orgs = [
            m
            for m in orgs
            if id(m) not in done
            and re.search(r"(与|同|和|跟)$", text[max(c_start, m.start - 1) : m.start])
        ]
        if hubs:
            for h in hubs:
                if id(h) in done:
                    continue
                if author is not None:
                    rtype = _AUTHOR_TYPE.get(status, R.WORKS_ON)
                    if status is S.SIGNED and "代理" in clause:
                        rtype = R.AGENCY_AGREEMENT
                    ctx.relate(author, h, rtype, status, quote, 0.6, **extra)
                if (part := h.attributes.get("_participant")) is not None:
                    ctx.relate(part, h, R.PARTICIPATES_IN, status, quote, 0.6)
                for o in partner_orgs:  # 与乙共建某某产业城: the partner builds it too
                    joint = h.type is T.PROJECT and re.search(
                        r"共建|共同建设|合作建设|共同打造", text[o.end : h.start]
                    )
                    rtype = R.BUILDS_OPERATES if joint else R.PARTICIPATES_IN
                    ctx.relate(o, h, rtype, status, quote, 0.6)
            topic = hubs[-1]
        elif partner_orgs:
            named = [m for m in orgs if m not in partner_orgs and m.end <= partner_orgs[0].start]
            subject = named[0] if named else author
            if subject is None:
                continue
            for o in partner_orgs:
                if status is S.SIGNED:
                    rtype = R.AGENCY_AGREEMENT if "代理" in clause else R.SIGNED_AGREEMENT
                elif status is S.INTENT:
                    rtype = R.LETTER_OF_INTENT
                elif status is S.NEGOTIATING:
                    rtype = R.NEGOTIATION
                else:
                    rtype = R.COOPERATION
                kw = dict(extra)
                if o.type is T.GROUP:
                    kw["collective"] = True
                ctx.relate(subject, o, rtype, status, quote, 0.6, **kw)


def _span_entity(ctx: _Context, start: int, end: int, ms: list[_Mention]) -> _Mention:
    """The entity a span names: a mention that fills it, or a group named by the span."""
    start, end = _trim_span(ctx.text, start, end)
    for m in ms:
        if m.start == start and m.end == end:
            return m
    g = _Mention(start, end, ctx.text[start:end], T.GROUP, 0.5, origin="group")
    g.attributes = {"collective": True}
    return g
