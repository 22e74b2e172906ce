"""Units of universities: a 学院 or 系 that belongs to the 大学 named before it, names
widened to their university (某某大学某某学院), and the relations a unit's name
states.
"""

from __future__ import annotations

import bisect
import re

from .._records import EntityType, RelationType, Status
from ._clauses import _quote
from ._context import _Context
from ._model_names import STANDING
from ._names import HEAD_RE, PROJECT_TYPES
from ._proposals import _Mention
from ._tagging import Word

T = EntityType
R = RelationType
S = Status

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
            and not STANDING.search(text, words[first].start, words[i].start)
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
