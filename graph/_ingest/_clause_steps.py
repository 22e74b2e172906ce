"""Relations read clause by clause, one step per family of cue words.

:func:`_clause_relations` cuts a sentence into clauses (at ，：) and hands each clause,
as a :class:`_Clause`, to the steps of :data:`STEPS` in order: 以X为组长 (leads),
与X合作的Y, X投资建设Y, 与X就Y签订, 争取X落户Y, 为X服务, 依托X, visits, events,
成立X, and last the partners and projects of a clause with a status word. A step
returns ``True`` when it has read all the clause states (the later steps then skip
it). Steps share the clause's mentions, its figures and what earlier steps used
(:attr:`_Clause.done`), and the clause's topic (the project it is about) passes on
to the sentence's next clause.

Each step is a function of the context and one clause, so it can be tested alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .._records import EntityType, RelationType, Status
from ._clauses import _CLAUSE_END, _quote, _spans, _trim_span
from ._context import _SIDES, _Context
from ._coreference import back_references
from ._cues import AUTHOR_TYPE, cue_type, date, deal_type, figures, status
from ._names import ORG_TYPES, PLACE_TYPES, PROJECT_TYPES
from ._parties import TITLE_AFTER
from ._proposals import _Mention
from ._speakers import speaker

T = EntityType
R = RelationType
S = Status


@dataclass
class _Clause:
    """One clause of a sentence and what the steps read from it."""

    start: int
    end: int
    text: str
    #: the sentence's mentions (some steps look past the clause)
    mentions: list[_Mention]
    #: the clause's mentions (not consumed by a group statement)
    ms: list[_Mention]
    #: who a clause without a subject speaks for (the report's author)
    author: _Mention | None
    status: Status | None
    quote: str
    figs: dict[str, Any]
    date: str | None
    #: figures, date and designation: what a relation of the author carries
    extra: dict[str, Any]
    hubs: list[_Mention]
    orgs: list[_Mention]
    events: list[_Mention]
    #: the project the sentence is about so far (passes on to the next clause)
    topic: _Mention | None = None
    #: the event the sentence's roles are for (某会由甲主办，乙承办: passes on)
    event: _Mention | None = None
    #: mentions (by id) an earlier step related already
    done: set[int] = field(default_factory=set)

    def within(self, a: int, b: int, ms: list[_Mention] | None = None) -> list[_Mention]:
        """The mentions starting in ``clause[a:b]`` (offsets within the clause)."""
        return [
            m for m in (self.ms if ms is None else ms) if self.start + a <= m.start < self.start + b
        ]


def _clause(
    ctx: _Context,
    mentions: list[_Mention],
    consumed: set[int],
    c_start: int,
    c_end: int,
    designation: str | None,
    topic: _Mention | None,
) -> _Clause:
    text = ctx.text
    clause = text[c_start:c_end]
    ms = [m for m in mentions if c_start <= m.start < c_end and m.start not in consumed]
    # 高新区 written in the clause (in a 某某高新区 report): the author, stated as such
    author = next((m for m in ms if m.origin == "author-alias"), ctx.author)
    figs = figures(clause)
    when = date(clause)
    extra: dict[str, Any] = dict(figs)
    if designation is not None:
        extra["designation"] = designation
    if when:
        extra["date"] = when
    return _Clause(
        start=c_start,
        end=c_end,
        text=clause,
        mentions=mentions,
        ms=ms,
        author=author,
        status=status(clause),
        quote=_quote(text, c_start, c_end),
        figs=figs,
        date=when,
        extra=extra,
        hubs=[m for m in ms if m.type in PROJECT_TYPES],
        orgs=[
            m
            for m in ms
            if m.type in ORG_TYPES | {T.GROUP, T.ENTERPRISE} and m.origin != "author-alias"
        ],
        events=[m for m in ms if m.type is T.EVENT],
        topic=topic,
    )


def _leads(ctx: _Context, c: _Clause) -> bool:
    """以X、Y为组长的Z: X and Y lead Z."""
    lead = (
        re.search(r"以([^，,]{1,40}?)为(?:组长|牵头单位|负责人)", c.text)
        if "以" in c.text
        else None
    )
    if lead is None:
        return False
    leaders = c.within(lead.start(1), lead.end(1))
    led = [m for m in c.ms if m.start >= c.start + lead.end() and m.type is T.GOVERNMENT_BODY]
    for x in leaders:
        for y in led[:1]:
            ctx.relate(x, y, R.LEADS, S.ESTABLISHED, c.quote, 0.6)
            c.done.add(id(x))
    return False


def _joint_work(ctx: _Context, c: _Clause) -> bool:
    """A与B合作的C, 与B合作的C: A and B take part in C (and cooperate on it)."""
    if not re.search("合作的|共建的|联合的|合作建设的|合作开展的", c.text):
        return False
    coop = re.search(r"(与|同|和)([^，,]{0,40}?)(?:合作|共建|联合)(?:的|建设的|开展的)", c.text)
    if coop is None:
        return False
    after = c.start + coop.end()
    partner = c.within(coop.start(2), coop.end(2))
    before = [m for m in c.ms if m.end <= c.start + coop.start() and m.type not in PLACE_TYPES]
    target = next((m for m in c.ms if m.start >= after), None)
    st = c.status if c.status not in (None, S.CARRIED_OUT) else S.CARRIED_OUT
    if not partner or target is None:
        return False
    if _BUILT_SITE.search(coop.group(0)) and (
        target.type is T.DEVELOPMENT_ZONE
        or (target.type is T.PLACE and _PARK_NAME.search(target.name))
    ):
        # 甲与乙共建的某某产业园, 与乙合作建设的某综合保税区: each side builds it
        sides = [m for m in c.ms if m.end == c.start + coop.start() and m.type in _BUILDERS]
        for m in [*sides[-1:], *partner[:1]]:
            ctx.relate(m, target, R.BUILDS_OPERATES, st, c.quote, 0.7)
            c.done.add(id(m))
        c.done.add(id(target))
        return False
    if before and target.type in PROJECT_TYPES:
        ctx.relate(before[-1], partner[0], R.COOPERATION, st, c.quote, 0.7, subject=target.name)
        ctx.relate(before[-1], target, R.PARTICIPATES_IN, st, c.quote, 0.7)
        c.done.add(id(before[-1]))
    if target.type in PROJECT_TYPES:
        ctx.relate(partner[0], target, R.PARTICIPATES_IN, st, c.quote, 0.7)
        c.done.add(id(partner[0]))
        if not before and c.author is not None:
            rtype = AUTHOR_TYPE.get(st, R.WORKS_ON)
            ctx.relate(c.author, target, rtype, st, c.quote, 0.6, **c.extra)
        c.done.add(id(target))
        c.topic = target
    return False


_BUILT_SITE = re.compile(r"共建|建设")
#: A park's name (a place or zone that parties build).
_PARK_NAME = re.compile(r"(?:产业园|科技园|工业园|园区|合作园|示范园|产业基地|示范区)$")
#: Who builds a zone or park together: organisations, governments and acting places.
_BUILDERS = ORG_TYPES | {T.GROUP, T.ENTERPRISE, T.PLACE, T.DEVELOPMENT_ZONE}


def _invests_builds(ctx: _Context, c: _Clause) -> bool:
    """由X以BOT方式投资建设的Y, X投资建设Y: X invests in (or builds and runs) Y."""
    k = c.text.find("投资建设")
    if k == -1:
        return False
    build_end = c.start + k + 4
    builder = [m for m in c.orgs if m.start < build_end]
    built = [m for m in c.hubs if m.start >= build_end]
    if builder and built:
        model = re.search(r"(?<![a-z])(bot|ppp|epc|bt|boo|tot)(?![a-z])", c.text, re.IGNORECASE)
        rtype = R.BUILDS_OPERATES if model else R.INVESTS_IN
        kw: dict[str, Any] = {"model": model.group(1).upper()} if model else {}
        ctx.relate(builder[0], built[0], rtype, c.status or S.PLANNED, c.quote, 0.7, **kw)
        c.done.add(id(builder[0]))
    return False


def _about(ctx: _Context, c: _Clause) -> bool:
    """与X就Y签订: X invests in or takes part in Y (and the subject deals with X)."""
    if "就" not in c.text:
        return False
    about = re.search(
        r"(?:与|同|和)([^，,]{1,40}?)就([^，,]{1,40}?)(?:签订|签署|签约|达成|洽谈|开展)", c.text
    )
    if about is None:
        return False
    xs = c.within(about.start(1), about.end(1), c.orgs)
    ys = c.within(about.start(2), about.end(2), c.hubs)
    if not (xs and ys):
        return False
    st = c.status or S.CARRIED_OUT
    rtype = R.INVESTS_IN if "投资" in c.text else R.PARTICIPATES_IN
    ctx.relate(xs[0], ys[0], rtype, st, c.quote, 0.7)
    c.done.add(id(xs[0]))
    named = [m for m in c.orgs if m.end <= c.start + about.start()]
    talks = AUTHOR_TYPE.get(st, R.COOPERATION)
    if named:  # 甲与乙就某项目开展洽谈: 甲 is a party too
        ctx.relate(named[-1], xs[0], talks, st, c.quote, 0.6)
        if not (named[-1].type in _HOST_TYPES and xs[0].type in (T.ENTERPRISE, T.GROUP)):
            # (甲市政府与乙公司就某项目洽谈: the firm's project, the government talks)
            ctx.relate(named[-1], ys[0], R.PARTICIPATES_IN, st, c.quote, 0.6)
        c.done.add(id(named[-1]))
        c.done.add(id(ys[0]))
    elif c.author is not None and not any(m.end <= c.start + about.start() for m in c.ms):
        # 与乙就某项目签订意向书, with no subject: the author is the other party
        ctx.relate(c.author, xs[0], talks, st, c.quote, 0.5)
    return False


def _seeks(ctx: _Context, c: _Clause) -> bool:
    """争取X和Y落户P: the topic (or author) seeks X and Y, which would be in P."""
    if "争取" not in c.text:
        return False
    seek = re.search(r"争取([^，,]{1,60}?)(?:落户|入驻|落地|来)(.*)$", c.text)
    if seek is None:
        return False
    src = c.topic or c.author
    sought = c.within(seek.start(1), seek.end(1))
    where = [m for m in c.ms if m.start >= c.start + seek.start(2)]
    for x in sought:
        if src is not None:
            ctx.relate(src, x, R.SEEKS, S.PLANNED, c.quote, 0.6)
        for p in where[:1]:
            ctx.relate(x, p, R.LOCATED_IN, S.PLANNED, c.quote, 0.6)
        c.done.add(id(x))
    return bool(sought)


#: 项目位于甲区北区的乙园内: a clause opening with the bare word for the project.
_SITED = re.compile(
    r"^(?:该|此|这个|整个)?(项目|联合实验室|实验室|研究院|研究中心|中心|基地|工作站)"
    r"(?:一期|二期|建设地点|厂址|选址)?(?:已|将|拟|计划)?"
    r"(?:位于|坐落于?|落户于?|落户在|落地于?|选址于?|选址在|建于|建在|布局在|设在|设于)"
)
#: Where a project can be: a zone, a place, a park (named as a project or a place).
_SITES = frozenset({T.DEVELOPMENT_ZONE, T.PLACE, T.PROJECT})
#: What can house a laboratory or a centre (实验室设在某公司研发中心).
_HOUSES = frozenset({T.PLATFORM, T.RESEARCH_INSTITUTE, T.UNIVERSITY, T.COLLEGE, T.ENTERPRISE})


def _latest_project(ctx: _Context, c: _Clause, head: str = "项目") -> _Mention | None:
    """The project a bare 项目 stands for: the clause's topic, else the latest one named;
    for another head word (实验室设在…), the latest name ending with it."""
    if head == "项目" and c.topic is not None and c.topic.type is T.PROJECT:
        return c.topic
    before = [m for m in c.mentions if m.end <= c.start]
    named = [
        m
        for m in [*ctx.recent, *before]
        if (m.type is T.PROJECT if head == "项目" else m.name.endswith(head))
    ]
    return named[-1] if named else None


def _sited(ctx: _Context, c: _Clause) -> bool:
    """项目位于甲区北区的乙园内: the project named before (项目, 该项目) is in 乙园 and in
    甲区, and 乙园 is in 甲区; 联合实验室设在甲公司研发中心: the laboratory named before
    is there."""
    sited = _SITED.match(c.text)
    if sited is None:
        return False
    project = _latest_project(ctx, c, sited.group(1))
    sites = [
        m
        for m in c.ms
        if m.start >= c.start + sited.end()
        and (m.type in _SITES or m.type in _HOUSES)
        and m.type is not T.EVENT
    ]
    if project is None or not sites:
        return False
    for m in sites:
        if m.ref != project.ref:
            ctx.relate(project, m, R.LOCATED_IN, S.STATED, c.quote, 0.6)
    for outer, inner in itertools.pairwise(sites):
        if re.fullmatch(r"(?:[^，,。；;的]{0,6})的", ctx.text[outer.end : inner.start]):
            ctx.relate(inner, outer, R.LOCATED_IN, S.STATED, c.quote, 0.6)  # 甲区北区的乙园
    c.topic = project
    return False


def _serves(ctx: _Context, c: _Clause) -> bool:
    """为P培养/服务: the topic supports P."""
    serve = re.search(r"为([^，,]{1,40}?)(?:培养|服务|提供)", c.text) if "为" in c.text else None
    if serve is not None and _BARE_PROJECT.fullmatch(serve.group(1)):
        return _serves_project(ctx, c)
    if serve is None or c.topic is None:
        return False
    st = S.PLANNED if re.search("计划|将|拟", c.text) else S.CARRIED_OUT
    for p in c.within(serve.start(1), serve.end(1)):
        ctx.relate(c.topic, p, R.SUPPORTS, st, c.quote, 0.5, **c.figs)
    return True


_BARE_PROJECT = re.compile(r"(?:该|此|这个|这些|各)?项目(?:建设)?")


def _serves_project(ctx: _Context, c: _Clause) -> bool:
    """甲管委会成立了项目专班，为项目提供全程代办服务: the party the sentence opens with
    (else the author) supports the project named before."""
    project = _latest_project(ctx, c)
    before = [m for m in c.mentions if m.end <= c.start and m.type in _SIDES]
    src = before[0] if before else None
    if project is None or src is None:
        return False
    ctx.relate(src, project, R.SUPPORTS, S.CARRIED_OUT, _quote(ctx.text, src.start, c.end), 0.5)
    return True


def _draws_on(ctx: _Context, c: _Clause) -> bool:
    """借助/依托X: the project the sentence is about draws on X."""
    lean = re.search(r"(?:借助|依托|利用)", c.text)
    if lean is None:
        return False
    later = [m for m in c.mentions if m.start >= c.end and m.type in PROJECT_TYPES]
    src = later[0] if later else c.topic or c.author
    for x in [m for m in c.ms if m.start >= c.start + lean.end()][:1]:
        if src is not None:
            ctx.relate(src, x, R.DRAWS_ON, S.STATED, c.quote, 0.5)
    return True


def _visits(ctx: _Context, c: _Clause) -> bool:
    """拜访X洽谈N次 (the author visits X), X来Y考察 (X visits Y, else the author)."""
    if re.search("拜访|走访", c.text) and c.author is not None:
        visit = re.search(r"(?:拜访|走访)([^，,]{1,60}?)(?:洽谈|座谈|考察|调研)", c.text)
        if visit is not None:
            g = _span_entity(ctx, c.start + visit.start(1), c.start + visit.end(1), c.ms)
            ctx.relate(c.author, g, R.VISIT, S.CARRIED_OUT, c.quote, 0.6, **c.figs)
            return True
    come = (
        re.search(r"^([^，,]{1,40}?)来([^，,]{1,40}?)(?:考察|洽谈|调研|参观|访问)", c.text)
        if "来" in c.text
        else None
    )
    if come is None:
        return False
    g = _span_entity(ctx, c.start + come.start(1), c.start + come.end(1), c.ms)
    hosts = c.within(come.start(2), come.end(2))
    host = hosts[0] if hosts else c.author
    if host is not None:
        ctx.relate(g, host, R.VISIT, S.CARRIED_OUT, c.quote, 0.6, **c.figs)
    return True


#: An event written by its head word alone (论坛由…主办, 参加论坛): the one named before.
_BARE_EVENT = (
    r"(?:本次|此次|这次|本届|该|此)?(论坛|大会|会议|峰会|博览会|交易会|洽谈会|推介会|对接会|"
    r"研讨会|招商会|活动|仪式|展会|年会|赛事|比赛)"
)
_HOSTED_BY = re.compile(rf"^(?:{_BARE_EVENT})?由")
_ROLE = re.compile(r"(?:联合|共同|负责)?(主办|承办|协办|举办|指导|支持|赞助)(?:单位)?$")
_ATTENDED = re.compile(rf"(?:参加|出席|参与|到会|参会)(?:了)?(?:{_BARE_EVENT})?$")
_ORGANISING = frozenset({"主办", "承办", "协办", "举办"})
#: A signing ceremony (what the signers' people attend, not the bodies themselves).
SIGNING_EVENT = re.compile(r"(?:签约|签字|签署)(?:仪式|活动|大会)$")
_SIGNING_EVENT = SIGNING_EVENT


def _named_event(ctx: _Context, c: _Clause, head: str | None) -> _Mention | None:
    """The event a bare head word (论坛) stands for: the latest one the report named,
    of that kind where one is."""
    before = [m for m in c.mentions if m.end <= c.start and m.type is T.EVENT]
    named = [m for m in [*ctx.recent, *before] if m.type is T.EVENT]
    if head:
        same = [m for m in named if m.name.endswith(head)]
        named = same or named
    return named[-1] if named else None


def _hosted(ctx: _Context, c: _Clause) -> bool:
    """某论坛由甲、乙联合主办，丙承办，丁、戊等企业参加: each host organises the event
    (支持, 指导: supports it), each member of the last clause attends it; no pair of them
    deals with another. The event is the clause's, the sentence's so far, or, written by
    its head word alone (论坛由…, 参加论坛), the latest one the report named."""
    text = c.text.rstrip("。；;！!")
    by = _HOSTED_BY.match(text)
    role = _ROLE.search(text)
    attend = _ATTENDED.search(text)
    if role is None and attend is None:
        return False
    events = [m for m in c.events if m.start < c.start + (role or attend).start()]  # type: ignore[union-attr]
    if events:
        ev: _Mention | None = events[-1]
    elif by is not None and by.group(1):
        ev = _named_event(ctx, c, by.group(1))
    elif attend is not None and attend.group(1):
        ev = _named_event(ctx, c, attend.group(1))
    elif by is not None or c.event is not None:
        ev = c.event  # 某会由甲主办，乙承办，丙等企业参加: the event of the clause before
    else:
        return False
    if ev is None:
        return False
    cue = role or attend
    assert cue is not None
    actors = [
        m
        for m in c.orgs
        if m.start < c.start + cue.start()
        and (by is None or m.start >= c.start + by.end())
        and id(m) not in c.done
    ]
    if not actors:
        return False
    if role is None and _SIGNING_EVENT.search(ev.name):
        # 甲区书记张三，乙行行长李四出席签约仪式: people witness the signing, not bodies
        actors = [
            m for m in actors if m.origin != "title" and not TITLE_AFTER.match(ctx.text, m.end)
        ]
        if not actors:
            return False
    if role is not None:
        word = role.group(1)
        rtype = R.ORGANISES if word in _ORGANISING else R.SUPPORTS
        status = S.HELD
    else:
        rtype, status = R.ATTENDS, S.CARRIED_OUT
    for m in actors:
        ctx.relate(m, ev, rtype, status, c.quote, 0.6)
        c.done.add(id(m))
    c.event = ev
    return True


def _events(ctx: _Context, c: _Clause) -> bool:
    """在P举行了E (who holds E, where), 参加E (the author attends)."""
    if not c.events:
        return False
    ev = c.events[0]
    attend = re.search(r"参加|参与|出席", c.text)
    held = re.search(r"举行|举办|召开", c.text)
    if held and not (attend and attend.start() < held.start()):
        hosts = [m for m in c.orgs if m.end <= c.start + held.start() and id(m) not in c.done]
        # 某会在某地召开, 某仪式隆重举行: the event is the subject, who holds it is untold
        # (not the report's author, unless written); 举办了某会: the author's own work
        passive = ev.start < c.start + held.start() and (
            c.author is None or c.author.origin == "author"
        )
        for host in hosts or ([c.author] if c.author is not None and not passive else []):
            ctx.relate(host, ev, R.ORGANISES, S.HELD, c.quote, 0.6, **c.extra)
        at = re.search(r"在([^，,]{1,40}?)(?:举行|举办|召开)", c.text)
        if at is not None:
            for p in [m for m in c.within(at.start(1), at.end(1)) if m is not ev][:1]:
                kw = {"date": c.date} if c.date else {}
                ctx.relate(ev, p, R.HELD_AT, S.HELD, c.quote, 0.6, **kw)
    elif attend and c.author is not None:
        for e in c.events:
            ctx.relate(c.author, e, R.ATTENDS, S.CARRIED_OUT, c.quote, 0.6)
    return True


def _establishes(ctx: _Context, c: _Clause) -> bool:
    """成立X with no founder written: the author establishes X."""
    if c.status is not S.ESTABLISHED or c.author is None:
        return False
    cue = re.search(r"成立|组建|设立", c.text)
    assert cue is not None
    if _founder(ctx, c.ms, c.start, c.start + cue.start()):
        return True  # 该院拟组建…: who founds is written (read by _party_relations)
    for x in [
        m
        for m in c.ms
        if m.start >= c.start + cue.end()
        and id(m) not in c.done
        and m.type in (T.GOVERNMENT_BODY, T.PLATFORM)
    ][-1:]:
        ctx.relate(c.author, x, R.ESTABLISHES, S.ESTABLISHED, c.quote, 0.6)
    return True


def _partners(ctx: _Context, c: _Clause) -> bool:
    """A clause with a status word: the author works on its projects (signed, talks …),
    the partners it names after 与 take part in them, or deal with the clause's subject."""
    if c.status is None:
        return True
    text = ctx.text
    status = c.status
    # the organisations the clause names as partners (与X签订, 正在与X洽谈)
    partner_orgs = [
        m
        for m in c.orgs
        if id(m) not in c.done
        and re.search(r"(与|同|和|跟)$", text[max(c.start, m.start - 1) : m.start])
        and not _BY_LIST.search(text, c.start, m.start)  # 由甲和乙共同出资: both make it
    ]
    if c.hubs:
        for h in c.hubs:
            if id(h) in c.done:
                continue
            if (
                c.author is not None
                and c.author.type in _HOST_TYPES
                and _in_started_list(ctx, c, h)
            ):
                # (某区)开工建设了甲、乙等一批重大项目: they are the zone's, in it
                ctx.relate(h, c.author, R.LOCATED_IN, status, c.quote, 0.6)
            elif (
                c.author is not None
                and not _subject_named(c, h, partner_orgs)
                and not (c.author.type in _HOST_TYPES and _firm_deal(text, partner_orgs, h))
            ):
                rtype = AUTHOR_TYPE.get(status, R.WORKS_ON)
                if status is S.SIGNED and "代理" in c.text:
                    rtype = R.AGENCY_AGREEMENT
                ctx.relate(c.author, h, rtype, status, c.quote, 0.6, **c.extra)
            if (part := h.attributes.get("_participant")) is not None:
                ctx.relate(part, h, R.PARTICIPATES_IN, status, c.quote, 0.6)
            for o in partner_orgs:  # 与乙共建某某产业城: the partner builds it too
                joint = h.type is T.PROJECT and re.search(
                    r"共建|共同建设|合作建设|共同打造", text[o.end : h.start]
                )
                rtype = R.BUILDS_OPERATES if joint else R.PARTICIPATES_IN
                # 与乙签订某项目投资协议: 乙 invests in it (a letter of intent: works on it)
                deal = deal_type(text[o.end : h.start], text[h.end : h.end + 30])
                if deal is not None and o.type in _HOST_TYPES:
                    # 甲公司与乙区政府签订某项目投资协议: the firm invests, not the host
                    for m in [m for m in c.orgs if m.end <= o.start][:1]:
                        if m.type not in _HOST_TYPES:
                            ctx.relate(m, h, deal, status, c.quote, 0.6)
                    continue
                ctx.relate(o, h, deal or rtype, status, c.quote, 0.6)
        talks = AUTHOR_TYPE.get(status)
        if c.author is not None and talks is not None:
            # 某某工程正在与乙洽谈: the author (whose project it is) talks with 乙
            for o in partner_orgs:
                if not any(m in c.orgs for m in c.ms if m.end <= o.start and m is not o):
                    ctx.relate(c.author, o, talks, status, c.quote, 0.5)
        c.topic = c.hubs[-1]
    elif partner_orgs:
        named = [m for m in c.orgs if m not in partner_orgs and m.end <= partner_orgs[0].start]
        subject = named[0] if named else c.author
        if subject is None:
            return True
        rtype = AUTHOR_TYPE.get(status) or cue_type(c.text)  # 举行会谈: talks
        if status is S.SIGNED and "代理" in c.text:
            rtype = R.AGENCY_AGREEMENT
        paired = pair_lists(text, c.orgs)
        for o in partner_orgs:
            if subject.ref in paired and paired.get(o.ref) != paired[subject.ref]:
                continue  # 甲与乙、丙与丁结为…: 丁 is 丙's partner, not 甲's
            kw = dict(c.extra)
            if o.type is T.GROUP:
                kw["collective"] = True
            ctx.relate(subject, o, rtype, status, c.quote, 0.6, **kw)
        # 与乙共建某研究院 (the subject unwritten or written): the subject founds it too
        found = _FOUNDS_JOINTLY.match(text, partner_orgs[-1].end, c.end)
        if found is not None:
            for f in c.ms:
                if f.start >= found.end() and f.type in _JOINTLY_FOUNDED:
                    ctx.relate(subject, f, R.ESTABLISHES, status, c.quote, 0.6, **c.extra)
                    break
    return True


def _firm_deal(text: str, partners: list[_Mention], h: _Mention) -> bool:
    """Whether a partner signs an investment or intent deal on project ``h`` (与乙公司签订
    某项目意向协议): the firm's project, not the host's that signs with it."""
    return any(
        o.type not in _HOST_TYPES and deal_type(text[o.end : h.start], text[h.end : h.end + 30])
        for o in partners
    )


def _subject_named(c: _Clause, h: _Mention, partners: list[_Mention]) -> bool:
    """Whether the clause names its own subject before project ``h`` (甲公司与乙签订某项目
    协议): an organisation that is no object of a preposition (与乙, 由乙) and not the
    owner written right before the project's name (甲集团某某项目正在洽谈), so the project
    is not the author's."""
    return any(
        m.end < h.start
        and m not in partners
        and not re.search(r"[与同和跟由就向为对在及、]$", c.text[: m.start - c.start])
        for m in c.orgs
    )


_PAIRED = re.compile(r"(?:与|同|和)")


def pair_lists(text: str, parties: list[_Mention]) -> dict[str, int]:
    """The parties of a list of pairs (甲与乙、丙与丁、戊与己结为…), each with the index
    of its pair: 与 joins the two of a pair, 、 one pair to the next.

    >>> s = "甲市与乙市、丙市与丁市结为友好城市"
    >>> ms = [_Mention(i, i + 2, s[i : i + 2], T.PLACE, 0.5) for i in (0, 3, 6, 9)]
    >>> pair_lists(s, ms)
    {'甲市': 0, '乙市': 0, '丙市': 1, '丁市': 1}
    """
    out: dict[str, int] = {}
    ms = sorted(parties, key=lambda m: m.start)
    for i in range(len(ms) - 3):
        w, x, y, z = ms[i : i + 4]
        if (
            _PAIRED.fullmatch(text, w.end, x.start)
            and text[x.end : y.start] == "、"
            and _PAIRED.fullmatch(text, y.end, z.start)
        ):
            first = out.get(w.ref, i)
            for k, m in enumerate((w, x, y, z)):
                out.setdefault(m.ref, first + k // 2)
    return out


_FOUNDS_JOINTLY = re.compile(r"(?:共同|合作|联合)?(?:共建|组建|成立|设立|创办|建立)了?")
_JOINTLY_FOUNDED = frozenset({T.RESEARCH_INSTITUTE, T.COLLEGE, T.SCHOOL, T.PLATFORM})
_BY_LIST = re.compile(r"由[^，,。；;由]{2,20}?(?:和|与|同|跟)$")
_HOST_TYPES = frozenset({T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY})
_STARTED_LIST = re.compile(
    r"(?:开工建设|开工|竣工|投产|落地|引进|签约)了?(?:[^，,。；;、与和]{1,20}、)*$"
)
_LIST_OF_PROJECTS = re.compile(
    r"(?:、[^，,。；;、]{1,20})*等(?:一批|多个|[\d一二三四五六七八九十]+个)[^，,。；;]{0,6}项目"
)


def _in_started_list(ctx: _Context, c: _Clause, h: _Mention) -> bool:
    """Whether ``h`` is a member of 开工建设了甲、乙等一批重大项目 (a list of projects
    named by their firms, started in the author's zone)."""
    return (
        _STARTED_LIST.search(ctx.text, c.start, h.start) is not None
        and _LIST_OF_PROJECTS.match(ctx.text, h.end, c.end) is not None
    )


#: A step: reads what one family of cue words states in a clause; ``True`` ends the clause.
Step = Callable[[_Context, _Clause], bool]

#: The steps, in order; a step returning ``True`` ends the clause.
STEPS: tuple[Step, ...] = (
    _leads,
    _joint_work,
    _invests_builds,
    _about,
    _seeks,
    _sited,
    _serves,
    _draws_on,
    _visits,
    _hosted,
    _events,
    _establishes,
    _partners,
)


def _clause_relations(
    ctx: _Context,
    mentions: list[_Mention],
    consumed: set[int],
    s_start: int,
    s_end: int,
    designations: dict[int, str],
) -> None:
    """Relations a sentence states clause by clause (see :data:`STEPS`)."""
    topic: _Mention | None = None
    event: _Mention | None = None
    sp = speaker(ctx, mentions, s_start, s_end)
    if sp is not None and sp.body is not None:
        ctx.speaking = (sp.end, sp.body)
    subject = _sentence_subject(ctx, mentions, consumed, s_start, s_end)
    for c_start, c_end in _spans(ctx.text, s_start, s_end, _CLAUSE_END):
        if sp is not None and c_start < sp.end:
            continue  # 某市长张三表示: the speaker's head states nothing
        c = _clause(ctx, mentions, consumed, c_start, c_end, designations.get(c_start), topic)
        if (
            subject is not None
            and subject.end <= c_start
            and c.author is ctx.author
            and _opens_with_verb(ctx, c_start, c_end)
        ):
            c.author = subject  # 甲公司与乙签约，拟在某地建设某基地: 甲 builds it
        c.event = event
        for step in STEPS:
            if step(ctx, c):
                break
        topic, event = c.topic, c.event


#: What may stand before a sentence's subject: a date or time, a connective.
_OPENER = re.compile(
    r"(?:[^，,。；;与同和跟在对向为由把将从就]{0,12}[，,])?"
    r"(?:其中|此外|同时|另外|随后|目前|今年|近日|日前)?[，,]?"
)


#: Tags of a clause's first word that go on with the sentence's subject (a verb, an
#: adverb, a preposition), not a noun of a subject of its own.
_GOES_ON = frozenset({"v", "d", "p", "vd", "ad", "c"})


def _opens_with_verb(ctx: _Context, c_start: int, c_end: int) -> bool:
    """Whether a clause opens with a verb, an adverb or a preposition (拟在某地建设…),
    so that it goes on with the sentence's subject."""
    words = ctx.words_in(c_start, c_end)
    return bool(words) and words[0].tag in _GOES_ON


def _sentence_subject(
    ctx: _Context, mentions: list[_Mention], consumed: set[int], s_start: int, s_end: int
) -> _Mention | None:
    """The party a sentence opens with (after a date or a connective), who the clauses
    after its own that name no one are about (甲公司与乙区签约，拟在某地建设某基地)."""
    ms = sorted((m for m in mentions if m.start not in consumed), key=lambda m: m.start)
    if not ms or ms[0].type not in _SIDES or ms[0].origin in ("coref", "speaker", "title"):
        return None
    first = ms[0]
    if _OPENER.fullmatch(ctx.text, s_start, first.start) is None:
        return None
    if not re.match(r"[^，,。；;]{0,40}?(?:与|同|和|跟)", ctx.text[first.end : s_end]):
        return None  # only a subject that deals with a partner (甲与乙签约，…)
    return first


def _founder(ctx: _Context, ms: list[_Mention], start: int, cue: int) -> bool:
    """Whether ``text[start:cue]`` names who founds: a party, or a back-reference (该院)."""
    if back_references(ctx.text, start, cue):
        return True
    return any(start <= m.start and m.end <= cue and m.type in _SIDES for m in ms)


def _span_entity(ctx: _Context, start: int, end: int, ms: list[_Mention]) -> _Mention:
    """The entity a span names: a mention that fills it, or a group named by the span."""
    start, end = _trim_span(ctx.text, start, end)
    for m in ms:
        if m.start == start and m.end == end:
            return m
    g = _Mention(start, end, ctx.text[start:end], T.GROUP, 0.5, origin="group")
    g.attributes = {"collective": True}
    return g
