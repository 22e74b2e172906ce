"""Relations from cue words: each clause's verbs and particles (签署, 意向, 洽谈, 合作,
投资, 主办, 出席, 落户 …) give the relation between the parties it names, with the
status and figures (amounts, counts, dates) the clause states (:mod:`._cues`); group
statements ``A、B等企业与C、D等高校开展合作`` become one cooperation node each member
joins; back-references (该校, 双方) and people's titles stand for their parties.

The stages, each a function of the context and one sentence, in the order
:mod:`._extract` calls them: :func:`_titled` (organisations of people's titles, and
people named alone later), :func:`_group_statements`, the clause steps
(:mod:`._clause_steps`), :func:`_back_referenced` (该校, 双方), :func:`_party_relations`
(every pair of parties, typed by :func:`._parties.pair_type`), :func:`_joint_unveiling`,
:func:`_project_figures` and :func:`_gathered` (firms a zone brings in).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .._records import Basis, EntityType, RelationType, Status
from ._clause_steps import SIGNING_EVENT as _SIGNING_EVENT
from ._clause_steps import _clause_relations as _clause_relations  # read by _extract
from ._clause_steps import pair_lists
from ._clauses import _CLAUSE_END, _clause_of, _quote, _spans
from ._context import _READ_FOR, _SIDES, _Context
from ._coreference import back_references, referents
from ._cues import cue_type as _cue_type
from ._cues import figures as _figures
from ._cues import status as _status
from ._figures import amounts, areas, capacities
from ._model_names import model_names
from ._names import HEAD_RE
from ._parties import ANY_CUE as _CUE_ANY
from ._parties import BY, PARTY_TYPES, TITLE_AFTER, TITLE_RUN, pair_type, states_relations
from ._proposals import RelationProposal, _Mention
from ._speakers import in_head, speaker
from ._tagging import Word
from ._units import _UNIT_HEAD

T = EntityType
R = RelationType
S = Status

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
    out: list[_Mention] = []
    for i, w in enumerate(words):
        if w.tag != "LOC" or w.end - w.start < 2 or HEAD_RE.search(text, w.start, w.end):
            continue
        if any(k.start < w.end and w.start < k.end for k in known):
            continue
        before = text[w.start - 1 : w.start] if w.start > s_start else ""
        subject = text[w.end : w.end + 1] in ("与", "同") and (
            i == 0 or words[i - 1].tag not in ("LOC", "ORG", "nz", "n")
        )
        # 甲市与乙区、丙区共建…: the places listed after 与, before the verb (a partner
        # alone after 与 is named by the partner rule, as a government)
        partner = (
            (before in ("与", "同") and text[w.end : w.end + 1] in ("、", "和"))
            or (before in ("、", "和") and bool(out) and out[-1].end == w.start - 1)
        ) and _PARTNER_END.match(text, w.end, s_end) is not None
        if subject or partner:
            name = text[w.start : w.end]
            ctx.acting.add(name)
            out.append(_Mention(w.start, w.end, name, T.PLACE, 0.6, origin="place"))
    return out


#: What follows a place listed as a partner (甲市与乙区、丙区共建…).
_PARTNER_END = re.compile(
    r"(?:[、和][^，,。；;、和与]{2,8}?)*(?:共同|联合|携手|合作)?"
    r"(?:签署|签订|签约|合作|共建|共同|携手|联合|开展|建立|打造)"
)


def _back_referenced(
    ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int
) -> list[_Mention]:
    """Mentions for 该校, 该公司, 双方, 两地 …: the parties the report named just before.

    双方 (both sides) also relates the two to each other, typed by the sentence's cue
    words (双方签署协议 signed_agreement, 双方将合作 cooperation).
    """
    text = ctx.text
    out: list[_Mention] = _we_quoted(ctx, mentions, s_start, s_end)
    for b_start, b_end, key in back_references(text, s_start, s_end):
        if any(m.start <= b_start < m.end for m in mentions):
            continue  # inside a name
        before = ctx.recent + [m for m in mentions if m.end <= b_start]
        if key in _SEVERAL:  # 双方, 三方: parties that acted, not bodies of people's titles
            before = [m for m in before if not TITLE_AFTER.match(text, m.end)]
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
            able = [m for m in before if m.type in _SIDES or key != "双方"]
            found = [able[i] for i in referents(key, [(m.ref, m.type) for m in able])]
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
        if key.startswith("我") and len(refs) == 1:
            own_unit(ctx, refs[0], mentions, s_start, s_end)
        if len(refs) == 2 and states_relations(text[b_end:s_end]):
            if _HOSTS.match(text, b_end, s_end):  # 双方举行了某某签约仪式: both hold it
                for ev in [m for m in mentions if m.type is T.EVENT and m.start >= b_end][:1]:
                    for r in refs:
                        ctx.relate(r, ev, R.ORGANISES, S.HELD, _quote(text, s_start, s_end), 0.5)
            rtype = _cue_type(text[b_end:s_end])
            if frozenset((refs[0].ref, refs[1].ref)) in ctx.linked and rtype is R.COOPERATION:
                continue  # related already; an agreement or talks add to a cooperation
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


_WE = re.compile(r"我们|我市|我区|我县|我省|我州")
#: How far back a quote's speaker may be named (a paragraph or so).
_QUOTE_SPAN = 600


def _we_quoted(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> list[_Mention]:
    """我们 in the quote of an official named just before (某市长张三介绍，…。“我们与乙
    合作建设的…”): the body the official speaks for (``origin: speaker``)."""
    if ctx.speaking is None:
        return []
    text = ctx.text
    said, body = ctx.speaking
    out: list[_Mention] = []
    for we in _WE.finditer(text, s_start, s_end):
        if we.start() - said > _QUOTE_SPAN or any(m.start <= we.start() < m.end for m in mentions):
            continue
        start = max(said, text.rfind("\n", said, we.start()) + 1)
        if text.count("“", start, we.start()) <= text.count("”", start, we.start()):
            continue  # not within a quote opened after the speaker's head
        m = _Mention(we.start(), we.end(), body.name, body.type, 0.6, body.match, "speaker")
        m.attributes["_said"] = we.group(0)
        out.append(m)
    return out


#: Back-references to several parties (who acted together, not who spoke or watched).
_SEVERAL = frozenset({"双方", "三方", "两家", "两校", "两地", "两市", "两省", "两区"})

#: 双方举行了…: the two sides hold what follows (an event).
_HOSTS = re.compile(r"(?:共同|还|并|正式|隆重)?(?:举行|举办|召开)")


def own_unit(
    ctx: _Context, own: _Mention, mentions: list[_Mention], s_start: int, s_end: int
) -> None:
    """我院某某系, 我校某某学院: the unit written right after 我院 is a unit of the
    report's own school (``own``, what 我院 stands for)."""
    if own.type not in (T.UNIVERSITY, T.COLLEGE):
        return
    for m in mentions:
        if m.start == own.end and _UNIT_HEAD.search(m.name) and m.ref != own.ref:
            quote = _quote(ctx.text, *_clause_of(ctx.text, m.start, s_start, s_end))
            ctx.relate(m, own, R.SUBSIDIARY_OF, S.STATED, quote, 0.6)


_ACTS = re.compile(r"出席|参加|见证|致辞|签署|签订|签约|揭牌|代表|会见|会谈|座谈|考察")


def _titled(
    ctx: _Context, words: list[Word], mentions: list[_Mention], s_start: int, s_end: int
) -> list[_Mention]:
    """某某集团董事长张三出席…: the organisation of a person's title, where the person
    acts (attends, signs, speaks); its relations are ``basis: inferred``. The person is
    remembered (:attr:`_Context.people`): where the report later names them alone as
    the actor (张三一行出席…), the organisation acts too (:func:`_people_acting`)."""
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
        if same:
            _remember(ctx, words, same[-1], b)
        if same or any(m.start < b and a < m.end for m in mentions):
            continue
        name = text[a:b]
        k = ctx.index.resolve(name)
        m = _Mention(
            a, b, k.name if k else name, k.type if k else t, 0.6, k.id if k else None, "title"
        )
        _remember(ctx, words, m, b)
        out.append(m)
    return out + _people_acting(ctx, words, mentions, out)


#: How far a person's name may stand after the organisation of their title.
_TITLE_SPAN = 16


def _remember(ctx: _Context, words: list[Word], org: _Mention, end: int) -> None:
    """某某大学党委书记张三: remember 张三 as a person of 某某大学."""
    for w in words:
        if w.start < end or w.start > end + _TITLE_SPAN:
            continue
        if w.tag == "PER" and TITLE_RUN.fullmatch(ctx.text, end, w.start):
            ctx.people.setdefault(ctx.text[w.start : w.end], org)
            return


#: A person named alone who acts: 张三一行赴某地出席…, 张三率团考察…
_PERSON_ACTS = re.compile(
    r"(?:一行|等人?)?(?:还|也|又|一同|共同|随后)?"
    r"(?:赴|到|前往|率|带队|出席|参加|会见|见证|考察|调研|访问|拜会|签署|致辞)"
)


_TITLE_BEFORE = re.compile(r"(?:书记|长|主任|院士|教授|研究员|总裁|经理|主席|委员|助理|代表)$")


def _people_acting(
    ctx: _Context, words: list[Word], mentions: list[_Mention], titled: list[_Mention]
) -> list[_Mention]:
    """张三一行出席…, where the report named 张三 before with the title of an organisation:
    the organisation, read for the person (``origin: title``)."""
    out: list[_Mention] = []
    for w in words:
        if w.tag != "PER" or not _PERSON_ACTS.match(ctx.text, w.end):
            continue
        org = ctx.people.get(ctx.text[w.start : w.end])
        if org is None or _TITLE_BEFORE.search(ctx.text, max(0, w.start - 4), w.start):
            continue  # unknown, or titled right here (read from the title itself)
        if any(m.ref == org.ref and m.start < w.end for m in mentions + titled + out):
            continue  # named before the person: it acts already
        out.append(_Mention(w.start, w.end, org.name, org.type, 0.6, org.match, "title"))
    return out


_GATHER = re.compile(
    r"聚集|集聚|汇聚|引进|引入|吸引|入驻|落户|进驻|(?<![省市县])区内"
    r"|(?:企业|公司|厂商)(?:主要)?(?:包括|有)"
)
_GATHERED = frozenset({T.ENTERPRISE, T.RESEARCH_INSTITUTE})


#: 某园今年已引进项目23个, 该区已签约项目23个: a count of the projects a zone brought in.
_COUNTED_PROJECTS = re.compile(
    r"(?:引进|签约|落地|落户|入驻|招引|新签约|新引进)(?:了)?(?:亿元以上|重点|产业)?项目"
    r"(?:[\d一二三四五六七八九十百]+个|达[\d一二三四五六七八九十百]+个)"
)
#: 其中，… (a clause opening with it): members of what was just counted.
_AMONG = re.compile(r"(?:(?<=[，,；;。！!\n])|(?<![\s\S]))其中[，,]?")
_THIS_ZONE = re.compile(r"(?:该区|本区|全区|园区|该园|该开发区|该高新区)")


def _counted_members(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """某园今年已引进项目23个…。其中，甲公司投资建设的乙项目…: the projects named after
    其中 are among those the zone or park brought in, so they are in it (the zone the
    count's clause names, or 该区: the last one named)."""
    text = ctx.text
    holder = ctx.holder
    if holder is not None and text[holder[1] : s_start].strip("。；;！!\n ") != "":
        holder = None  # 其中 of the next sentence only
    ctx.holder = None
    count = _COUNTED_PROJECTS.search(text, s_start, s_end)
    if count is not None:
        c_start = max(s_start, *(text.rfind(c, s_start, count.start()) + 1 for c in "，,；;"))
        zones = [
            m
            for m in mentions
            if s_start <= m.start
            and m.end <= count.start()
            and (m.type is T.DEVELOPMENT_ZONE or _PARK_WORD.search(m.name))
        ]
        if not zones and _THIS_ZONE.search(text, c_start, count.start()):
            zones = [m for m in ctx.recent if m.type is T.DEVELOPMENT_ZONE][-1:]
        if zones:
            holder = (zones[-1], s_end)
            ctx.holder = holder
    if holder is None:
        return
    among = _AMONG.search(text, count.end() if count is not None else s_start, s_end)
    if among is None or (count is None and among.start() != s_start):
        return
    quote = _quote(text, among.start(), s_end)
    zone = holder[0]
    notes = (
        f"其中 opens a list of the projects {zone.name} brought in (counted just before): "
        "read as sited there. Check before accepting."
    )
    for m in mentions:
        if m.start >= among.end() and m.type is T.PROJECT and m.ref != zone.ref:
            ctx.relate(
                m, zone, R.LOCATED_IN, S.STATED, quote, 0.5, basis=Basis.INFERRED, notes=notes
            )


def _gathered(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """区内聚集了甲、乙等企业, 某某高新区引进了甲公司, 某某新区的重点企业包括甲、乙:
    the firms are located in the zone
    (the one the clause names before the cue word, else the report's author)."""
    text = ctx.text
    _counted_members(ctx, mentions, s_start, s_end)
    for c_start, c_end in _spans(text, s_start, s_end, _CLAUSE_END):
        cue = _GATHER.search(text, c_start, c_end)
        if cue is None:
            continue
        before = [
            m
            for m in mentions
            if c_start <= m.start and m.end <= cue.start() and m.ref not in ("",)
        ]
        where = [
            m
            for m in before
            if m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY) or _PARK_WORD.search(m.name)
        ]  # 某某产业园已吸引甲、乙入驻: the park too
        if before and not where:
            if (inside := _INSIDE_OF.match(text, cue.start())) is not None:
                _inside_zone(ctx, mentions, inside.end(), c_start, c_end)
            continue  # another party is the subject: 某某集团引进…
        if not before and (park := _park_named_before(ctx, mentions, c_start, cue.start())):
            where = [park]  # 建设某某产业园，园区已入驻甲、乙: the park named just before
        firms = [
            m
            for m in mentions
            if cue.end() <= m.start < c_end and m.type in _GATHERED and m.origin != "coref"
        ]
        if not firms and _PARK_TOPIC.fullmatch(text, c_start, c_end):
            # 园区内，甲投资建设的某项目已投产，乙的某项目…: the park named before holds
            # the projects the sentence names (else its firms)
            before = [*ctx.recent, *(m for m in mentions if m.end <= c_start)]
            park = next((m for m in reversed(before) if _PARK_WORD.search(m.name)), None)
            rest = [m for m in mentions if m.start >= c_end and m.origin != "coref"]
            things = [m for m in rest if m.type is T.PROJECT] or [
                m for m in rest if m.type in _GATHERED
            ]
            if park is not None:
                for f in things:
                    ctx.relate(f, park, R.LOCATED_IN, S.STATED, _quote(text, c_start, s_end), 0.5)
            continue
        if not firms:
            continue
        zone = where[-1] if where else ctx.author
        if zone is None:
            continue
        in_park = bool(where) and zone is where[-1] and _PARK_WORD.search(zone.name) is not None
        if zone.type not in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY) and not in_park:
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


#: 区内的甲公司、乙公司: firms written as the zone's, whoever the clause's subject is.
_INSIDE_OF = re.compile(r"(?:区内|园区内|园内)的")
#: A member of the list after 区内的 (甲公司、乙公司和丙公司).
_NEXT_MEMBER = re.compile(r"(?:、|和|及|以及)")


def _inside_zone(
    ctx: _Context, mentions: list[_Mention], start: int, c_start: int, c_end: int
) -> None:
    """甲银行还与区内的乙公司、丙公司签订…: 乙 and 丙 (the list right after 区内的) are in
    the zone: the last one named before (in the sentence, else lately), else the author."""
    text = ctx.text
    firms: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < start or m.start >= c_end or m.type not in _GATHERED:
            continue
        listed = firms and _NEXT_MEMBER.fullmatch(text, firms[-1].end, m.start)
        if m.start != start and not listed:
            break
        firms.append(m)
    zones = [
        m
        for m in [*ctx.recent, *(m for m in mentions if m.end <= start)]
        if m.type is T.DEVELOPMENT_ZONE
    ]
    zone = zones[-1] if zones else ctx.author
    if zone is None or zone.type is not T.DEVELOPMENT_ZONE:
        return
    for f in firms:
        ctx.relate(f, zone, R.LOCATED_IN, S.STATED, _quote(text, c_start, c_end), 0.5)


#: A clause opening with the bare word for a park (园区已入驻…), and a park's name.
_PARK_BACK = re.compile(
    r"(?:该|此|这个|整个)?(?:园区|园内|产业园|基地)(?:内|里)?"
    r"(?:目前|现已|已经|已|共|累计|先后|还|也|今年|年内)*"
)
_PARK_WORD = re.compile(r"(?:产业园|科技园|工业园|园区|产业基地|合作园|示范园|创业园)$")


def _park_named_before(
    ctx: _Context, mentions: list[_Mention], c_start: int, cue: int
) -> _Mention | None:
    """The park a clause's bare 园区 (before its cue word) stands for: the last one the
    sentence named before the clause."""
    if _PARK_BACK.fullmatch(ctx.text, c_start, cue) is None:
        return None
    parks = [m for m in mentions if m.end <= c_start and _PARK_WORD.search(m.name)]
    return parks[-1] if parks else None


#: A clause that is only the park's inside (园区内，…): the topic of the sentence.
_PARK_TOPIC = re.compile(r"(?:该|此|整个)?(?:园区|园)内")


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
    sp = speaker(ctx, mentions, s_start, s_end)
    if sp is not None:  # 某市长张三表示，…: the head names the speaker's body, no party
        mentions = [m for m in mentions if not in_head(sp, m)]
        if sp.body is not None and not _has_subject(ctx, mentions, sp.end, s_end):
            mentions = [sp.body, *mentions]
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
    paired = pair_lists(text, parties)
    for i, a in enumerate(parties):
        # the sentence's subject (its first party, or 双方) acts across its clauses
        subject = i == 0 or a.origin in ("coref", "speaker")
        for b in parties[i + 1 :]:
            pair = frozenset((a.ref, b.ref))
            if (
                pair in ctx.linked
                and not BY.fullmatch(text, a.end, b.start)
                and not ctx.kinds.get(pair, set()) <= _WEAK
            ):  # X由A和B共建 states what A does to X even where a name relates them
                continue
            if (
                a.type is not T.EVENT
                and b.type is not T.EVENT
                and _staff(text, a)
                and _staff(text, b)
            ):
                continue  # 甲委负责同志，乙区政府分管负责同志参加会议: people came, no deal
            if (
                b.type is T.EVENT
                and _SIGNING_EVENT.search(b.name)
                and (a.origin == "title" or TITLE_AFTER.match(text, a.end))
            ):
                continue  # 甲区书记张三，乙行行长李四出席签约仪式: the people sign, witnessed
            if _AMONG.search(text, a.end, b.start) and _COUNTED_PROJECTS.search(
                text, a.end, b.start
            ):
                continue  # 甲区已签约项目23个，其中乙公司投资的丙项目: 乙 signed with 甲? untold
            if _people_between(ctx, a.end, b.start, b.end):
                continue  # 甲大学副校长、乙院院士张三，副校长李四: bodies in people's titles
            if _subject_again(ctx, mentions, a, b, s_start, s_end):
                continue  # 甲与乙签约，甲将投资某项目: the clause is 甲's, not 乙's
            if _parallel(ctx, mentions, a, b, s_start, s_end):
                continue  # 甲投资的某项目已投产，乙投资的某项目正在安装设备
            if a.ref in paired and b.ref in paired and paired[a.ref] != paired[b.ref]:
                continue  # 甲与乙、丙与丁结为友好城市: 乙 and 丙 are of two pairs
            if crowded and not subject and _CLAUSE_BREAK.search(text, a.end, b.start):
                continue  # a long sentence: parties of different clauses are not paired
            found = pair_type(
                text, (a.start, a.end, a.type), (b.start, b.end, b.type), s_start, s_end
            )
            if found is None:
                continue
            rtype, reverse = found
            if pair in ctx.linked and rtype in _WEAK:
                continue  # 两市将开展合作 read already; an agreement adds to it, not a repeat
            if rtype in _DEALS and _own_unit_pair(a, b):
                continue  # 甲大学 and 甲大学某研究院: a body does not deal with its own unit
            src, dst = (b, a) if reverse else (a, b)
            clause = text[slice(*_clause_of(text, b.start, s_start, s_end))]
            status = _status(clause) or sentence_status
            extra: dict[str, Any] = {}
            if rtype is R.INVESTS_IN:
                extra = _figures(clause)
            ctx.relate(src, dst, rtype, status, quote, 0.5, **extra)


#: A body whose people are meant (甲委、乙局等部门主要负责同志, 乙区政府分管负责同志).
_STAFF = re.compile(
    r"(?:[、和及][^，,。；;、和及与]{2,20}?)*(?:等[\u4e00-\u9fff]{0,4}?(?:部门|单位|企业|机构))?"
    r"(?:的)?(?:主要|分管|有关|相关)?(?:负责同志|负责人|同志|代表|领导)"
)


def _staff(text: str, m: _Mention) -> bool:
    """Whether ``m`` names the body of people written after it (甲委负责同志).

    >>> s = "甲委、乙局等部门主要负责同志参加会议"
    >>> _staff(s, _Mention(0, 2, "甲委", T.GOVERNMENT_BODY, 0.5))
    True
    """
    return _STAFF.match(text, m.end) is not None


#: What a clause's subject may follow (an adverb of time), not a preposition.
_BEFORE_SUBJECT = re.compile(r"[^与同和跟向为对在把从将由给及、]{0,6}")


def _has_subject(ctx: _Context, mentions: list[_Mention], start: int, s_end: int) -> bool:
    """Whether what a speaker says (``text[start:s_end]``) names its subject before its
    first cue word (焦作将依托…, 某项目总投资…), not only partners (将与郑州合作)."""
    cue = _CUE_ANY.search(ctx.text, start, s_end)
    stop = cue.start() if cue is not None else s_end
    return any(
        start <= m.start < stop
        and m.type in PARTY_TYPES
        and _BEFORE_SUBJECT.fullmatch(ctx.text, start, m.start) is not None
        for m in mentions
    )


#: What a pair's name or a 双方 tells, to which what a sentence states adds (甲大学 and
#: 甲大学某研究院 are related by name; 双方将共建甲大学某研究院 tells who founds it).
_WEAK = frozenset({R.COOPERATION, R.AFFILIATED_WITH})


_TITLED_NEXT = re.compile(rf"(?:{TITLE_RUN.pattern})|[\u4e00-\u9fff]{{0,4}}(?:主任|负责人|代表)")


def _people_between(ctx: _Context, start: int, end: int, b_end: int) -> bool:
    """Whether ``text[start:end]`` holds only people (as the tagger reads them) and
    their titles, with the bodies those name (院士张三，乙院院士李四、), or two people
    or more and no cue word, the second body also a person's title (``b_end``, where
    its name ends): two bodies in a list of people."""
    if end - start > 160:
        return False
    words = ctx.words_in(start, end)
    people = sum(w.tag == "PER" for w in words)
    if people == 0:
        return False
    if (
        people >= 2
        and not states_relations(ctx.text[start:end])
        and _TITLED_NEXT.match(ctx.text, b_end) is not None
    ):
        return True  # 甲院副院长张三，某系主任李四，乙公司…: a list of people, no cue
    rest = "".join(
        "、" if w.tag in ("PER", "ORG") else ctx.text[w.start : w.end]
        for w in words
        if w.end <= end
    )
    return TITLE_RUN.fullmatch(rest) is not None


#: What may open a clause before its subject.
_CLAUSE_OPENER = re.compile(r"(?:其中|同时|此外|另外|并|而|随后|之后)?")


def _subject_again(
    ctx: _Context, mentions: list[_Mention], a: _Mention, b: _Mention, s_start: int, s_end: int
) -> bool:
    """Whether ``b``'s clause (after ``a``'s) opens with a party the sentence named
    before, not ``a``, and does not name ``a``: what it tells is that party's, not ``a``'s
    (甲与乙签署协议，甲将在某区投资建设某项目: 乙 invests in nothing)."""
    c_start, c_end = _clause_of(ctx.text, b.start, s_start, s_end)
    if a.start >= c_start:
        return False
    inside = [m for m in mentions if c_start <= m.start < c_end]
    head = next((m for m in inside if m.start <= b.start), None)
    return (
        head is not None
        and head.ref != a.ref
        and head.type in _SIDES
        and _CLAUSE_OPENER.fullmatch(ctx.text, c_start, head.start) is not None
        and any(m.ref == head.ref and m.start < c_start for m in mentions)
        and not any(m.ref == a.ref for m in inside)
    )


_OWN_THINGS = frozenset({T.PROJECT, T.PLATFORM, T.PROGRAMME})
_WITH = re.compile(r"(?:将|已|还|也|正|分别)?(?:与|同|和)")


def _parallel(
    ctx: _Context, mentions: list[_Mention], a: _Mention, b: _Mention, s_start: int, s_end: int
) -> bool:
    """Whether ``a`` and ``b`` stand in two parallel clauses, each opened by its own party
    with its own project or partner, and ``b``'s clause does not name ``a``'s party
    (甲投资的某项目已投产，乙投资的某项目正在安装设备; 甲与乙签订…，丙与丁签署…: neither
    deals with the other, its partner or its project)."""
    text = ctx.text
    b_start, b_end = _clause_of(text, b.start, s_start, s_end)
    a_start, a_end = _clause_of(text, a.start, s_start, s_end)
    if a_start == b_start:
        return False

    def opened(c0: int, c1: int) -> _Mention | None:
        inside = [m for m in mentions if c0 <= m.start < c1]
        head = inside[0] if inside else None
        if (
            head is None
            or head.type not in _SIDES
            or _CLAUSE_OPENER.fullmatch(text, c0, head.start) is None
        ):
            return None
        if any(m.type in _OWN_THINGS and m.start >= head.end for m in inside):
            return head  # 甲投资的某项目…
        if _WITH.match(text, head.end) and any(m.type in _SIDES for m in inside[1:]):
            return head  # 甲与乙签订…
        return None

    ha, hb = opened(a_start, a_end), opened(b_start, b_end)
    return (
        ha is not None
        and hb is not None
        and ha.ref != hb.ref
        and a.ref in (ha.ref, *(m.ref for m in mentions if a_start <= m.start < a_end))
        and not any(m.ref == ha.ref for m in mentions if b_start <= m.start < b_end)
    )


#: What two bodies do with each other as partners.
_DEALS = frozenset({R.COOPERATION, R.NEGOTIATION, R.SIGNED_AGREEMENT, R.LETTER_OF_INTENT})


def _own_unit_pair(a: _Mention, b: _Mention) -> bool:
    """Whether one of two names is the other's with more after it (甲大学, 甲大学某学院)."""
    short, long = sorted((a.name, b.name), key=len)
    return len(short) >= 2 and len(long) > len(short) + 1 and long.startswith(short)


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


_UNVEIL = re.compile(r"(?:共同|一同|一起)(?:为|给)([^。；;！!]{2,200}?)(揭牌|授牌|奠基)")
_UNVEILED = frozenset(
    {T.PROJECT, T.PLATFORM, T.RESEARCH_INSTITUTE, T.COLLEGE, T.SCHOOL, T.DEVELOPMENT_ZONE}
)


def _joint_unveiling(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> None:
    """``…见证签约，并共同为甲基地、乙中心揭牌``: a clause with no party of its own (its
    actors are people) unveils or lays the stone of what it lists, with the two sides of
    the agreement just read (``basis: inferred``)."""
    text = ctx.text
    if ctx.sides is None:
        return
    for m in _UNVEIL.finditer(text, s_start, s_end):
        c_start, _ = _clause_of(text, m.start(), s_start, s_end)
        if any(c_start <= x.start < m.start() and x.type in _SIDES for x in mentions):
            continue  # 甲与乙共同为…揭牌: the parties are written (read pair by pair)
        things = [
            x
            for x in mentions
            if m.start(1) <= x.start and x.end <= m.end(1) and x.type in _UNVEILED
        ]
        rtype = R.BUILDS_OPERATES if m.group(2) == "奠基" else R.ESTABLISHES
        status = S.UNDER_CONSTRUCTION if m.group(2) == "奠基" else S.OPENED
        quote = _quote(text, c_start, m.end())
        sides = ctx.sides
        for side in sides:
            for x in things:
                ctx.relate(
                    side,
                    x,
                    rtype,
                    status,
                    quote,
                    0.5,
                    basis=Basis.INFERRED,
                    notes=(
                        f"The clause names people, not parties; read as the two sides of the "
                        f"agreement just before, {sides[0].name} and {sides[1].name}. "
                        "Check before accepting."
                    ),
                )
