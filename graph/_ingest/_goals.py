"""Goals and measures: the phrases a report states as aims (提升…, 加快推进…) or as
what it does (实施…, 建立…), proposed as goal and measure entities.
"""

from __future__ import annotations

import re

from .._records import EntityType, RelationType, Status
from ._clauses import _CLAUSE_END, _quote, _spans, _trim_span
from ._context import _Context
from ._names import ORG_TYPES, PLACE_TYPES, PROJECT_TYPES
from ._proposals import _Mention

T = EntityType
R = RelationType
S = Status

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
