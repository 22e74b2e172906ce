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

This module is the orchestrator: it cuts the text (:mod:`._clauses`), tags it
(:mod:`._tagging`), finds names in each sentence (:mod:`._known`, :mod:`._mentions`,
:mod:`._model_names`), reads relations from them (:mod:`._relations`, :mod:`._units`,
:mod:`._goals`), keeping what it read in a :mod:`._context`, and merges short forms
(:mod:`._aliases`). The records it returns are in :mod:`._proposals`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from .._errors import ArgumentError
from .._records import EntityType
from ._aliases import _resolve_short_forms
from ._base import require
from ._clauses import _SENTENCE_END, _clause_of, _pieces, _quote, _spans, _trim_span
from ._context import _Context
from ._coreference import referents
from ._goals import _phrases
from ._known import _Index
from ._mentions import (
    _PLENUM,
    _author,
    _category,
    _choose,
    _common_words,
    _counted,
    _counted_parties,
    _enumerations,
    _generic,
    _groups,
    _head_candidates,
    _members,
    _partners,
    _quoted,
    _siblings,
    _titles,
)
from ._model_names import model_names, plausible, snap
from ._names import HEAD_RE, HEADS, STANDALONE
from ._parties import PARTY_TYPES
from ._places import PLACES
from ._proposals import EntityProposal, KnownName, Proposals, RelationProposal, _Mention
from ._relations import (
    _acting_places,
    _back_referenced,
    _branches,
    _clause_relations,
    _gathered,
    _group_statements,
    _joint_unveiling,
    _party_relations,
    _project_figures,
    _titled,
    own_unit,
)
from ._tagging import Word, tag
from ._units import _name_relations, _units, _widen_joined, _widen_units

__all__ = ["EntityProposal", "KnownName", "Proposals", "RelationProposal", "extract"]

T = EntityType

_AUTHOR_KINDS = frozenset({T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY})


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
            own_unit(ctx, m, mentions, s_start, s_end)
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


#: Tags of the words a name may hold before a 与 that joins two of its nouns.
_JOINED_NOUNS = frozenset({"n", "a", "vn", "nz", "LOC"})


def _widen_over_conjunction(ctx: _Context, m: _Mention, s_start: int) -> None:
    """某地生物材料与医疗器械产业化基地: a 与 the tagger reads as a conjunction (not the
    preposition of 与某某签约) joins two nouns of one name; the name starts at the first
    of the nouns before it (back to a pause, a verb or a preposition)."""
    i = bisect.bisect_left(ctx.starts, m.start) - 1
    if i < 0 or ctx.words[i].end != m.start or ctx.words[i].tag != "c":
        return
    if ctx.text[ctx.words[i].start : ctx.words[i].end] != "与":
        return
    k = i - 1
    while k >= 0 and ctx.words[k].start >= s_start and ctx.words[k].tag in _JOINED_NOUNS:
        k -= 1
    first = k + 1
    if first < i and ctx.words[i].start - ctx.words[first].start >= 2:
        m.start = ctx.words[first].start
        m.name = ctx.text[m.start : m.end]


#: Tags of words a counted group's noun phrase does not hold (a verb, an adverb, a
#: preposition: the count is then a clause's).
_CLAUSE_TAGS = frozenset({"v", "d", "p", "vd", "ad"})


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


#: A short form declared right after a name: （以下简称华远）, （简称“东大”）.
_DECLARED = re.compile(
    r"[（(](?:以下简称|下称|简称)[：:]?[“\"]?([A-Za-z][A-Za-z&\-]{1,11}|[\u4e00-\u9fff]{2,6})[”\"]?[)）]"
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
    words = ctx.words_in(s_start, s_end)
    partners = _partners(text, words, s_start, s_end)
    extra = [  # 168个国家均设有分支机构: a clause that counts, not a counted group
        m
        for m in extra
        if m.origin != "group"
        or not any(m.start <= w.start and w.end <= m.end and w.tag in _CLAUSE_TAGS for w in words)
    ]
    for m in heads + listed + partners:
        if m.origin in ("head", "list", "partner"):
            inner = m.origin != "list"
            m.start = snap(text, ctx.words, ctx.starts, m.start, m.end, inner)
            if m.start > 0 and text[m.start - 1] == "我" and m.end - m.start > 3:
                m.start += text[m.start] in "院校区市"  # 我院某某系: the unit, not 院某某系
            m.name = text[m.start : m.end]
    for m in heads:
        if m.origin == "head":
            _widen_over_conjunction(ctx, m, s_start)
    heads = [  # a name the snap reduced to its bare head word is no name (今年公司 → 公司)
        m
        for m in heads
        if m.origin != "head"
        or (m.end - m.start >= 2 and (m.name not in HEADS or m.name in STANDALONE))
    ]
    heads = [
        m
        for m in heads
        if not _generic(m)
        and not _common_words(ctx, m)
        and not _category(ctx, m)
        and not _counted(ctx, m)
    ]
    kept = [m for m in listed if plausible(text, words, m.start, m.end)]
    listed = kept + _members(text, words, enums, kept)
    partners = [m for m in partners if plausible(text, words, m.start, m.end)]
    modelled = [
        _Mention(a, b, text[a:b], t, c, origin="model") for a, b, t, c in model_names(text, words)
    ]
    modelled = [
        m for m in modelled if not _generic(m) and not _category(ctx, m) and not _counted(ctx, m)
    ]
    found = heads + listed + extra + partners + modelled
    found += _counted_parties(text, words, s_start, s_end)
    mentions = _choose(known, found + _siblings(text, words, known + found))
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
    for m in list(mentions):  # 某某集团（以下简称某某）: written after the name, not in it
        after = _DECLARED.match(text, m.end, s_end)
        if after is None or m.match is not None or "_alias" in m.attributes:
            continue
        m.attributes["_alias"] = after.group(1)
        for other in [o for o in mentions if m.end <= o.start and o.end <= after.end()]:
            mentions.remove(other)  # the short form itself is no mention of its own
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
    _joint_unveiling(ctx, mentions, s_start, s_end)
    _project_figures(ctx, mentions + read_for, s_start, s_end)
    _gathered(ctx, mentions, s_start, s_end)
    _phrases(ctx, mentions, s_start, s_end)
    for ref in {m.ref for m in mentions if m.type in _AUTHOR_KINDS and m.origin != "author-alias"}:
        ctx.named[ref] += 1
        ctx.first.setdefault(ref, next(m for m in mentions if m.ref == ref))
    ctx.recent.extend(m for m in sorted(mentions, key=lambda m: m.start) if m.type in PARTY_TYPES)
    del ctx.recent[:-12]
