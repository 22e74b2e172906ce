"""Many sources, one graph: the history of a relation, and the graph as of a date.

When two sources give different statuses for the same tie (negotiating in one
report, signed in the next), ``kg accept`` keeps both relations, each with its
source. Relations between the same two entities, in the same direction, of the
same type or whose types are stages of one tie (talks, intent, agreements,
cooperation and ``works_on``: a negotiation that becomes a signed agreement) form
one history; the latest is the current state. A
relation's time is the latest ``date`` among the sources that state it (undated
sources sort first), then its own ``date``.

>>> import graph
>>> kg = graph.load()
>>> [r.status for r in history(kg, "承德高新区", "安云IDC大数据中心项目")]
[<Status.PRELIMINARY_WORK: 'preliminary_work'>]
>>> len(as_of(kg, "2030")) == len(kg)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ._errors import ArgumentError
from ._kg import KnowledgeGraph
from ._records import Relation, RelationType, Source

__all__ = ["as_of", "check_date", "history", "ties"]

_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

#: Relation types that are stages of one tie between two entities: how an agreement
#: progresses (talks, intent, signature, cooperation) and work on a project. Other
#: types (a visit, an investment, taking part) are ties of their own that coexist
#: with an agreement: a later visit does not replace a signed agreement.
STAGES = frozenset(
    {
        RelationType.NEGOTIATION,
        RelationType.LETTER_OF_INTENT,
        RelationType.SIGNED_AGREEMENT,
        RelationType.AGENCY_AGREEMENT,
        RelationType.COOPERATION,
        RelationType.WORKS_ON,
    }
)


def _when(r: Relation, sources: Mapping[str, Source]) -> tuple[str, str]:
    dates = [d for ev in r.evidence if (d := sources[ev.source].date) is not None]
    own = r.date if r.date and not r.date.startswith("--") else ""
    return (max(dates) if dates else "", own)


def _family(r: Relation) -> str:
    return "stages" if r.type in STAGES else str(r.type)


def ties(
    relations: Iterable[Relation], sources: Mapping[str, Source]
) -> dict[tuple[str, str, str], list[Relation]]:
    """``relations`` grouped by tie (source, target, kind of tie), each group oldest first.

    The last relation of each group is the tie's current state, as in :func:`history`
    and :func:`as_of`.
    """
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in relations:
        groups.setdefault((r.source, r.target, _family(r)), []).append(r)
    for group in groups.values():
        group.sort(key=lambda r: _when(r, sources))
    return groups


def check_date(date: str) -> str:
    """``date`` if it is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; else an :class:`ArgumentError`."""
    if not _DATE.fullmatch(date):
        raise ArgumentError(
            f"{date!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-03)"
        )
    return date


def history(kg: KnowledgeGraph, a: str, b: str) -> list[Relation]:
    """Every relation from ``a`` to ``b``, oldest first within each kind of tie.

    The stages of one tie (:data:`STAGES`: talks, intent, agreements, cooperation
    and ``works_on``) form one kind; every other type is a kind of its own. The last
    of each kind is its current state.
    ``a`` and ``b`` are names, aliases or ids.
    """
    src, dst = kg.entity(a).id, kg.entity(b).id
    sources = {s.id: s for s in kg.sources()}
    found = [r for r in kg.relations(src) if r.source == src and r.target == dst]
    return sorted(found, key=lambda r: (_family(r), _when(r, sources)))


def as_of(kg: KnowledgeGraph, date: str) -> KnowledgeGraph:
    """The graph as the sources dated up to ``date`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``) tell it; undated sources count as known at any date.

    A source dated at a coarser precision than ``date`` counts if its period starts
    by then (a source dated ``2016`` is known as of ``2016-01-01``), and one dated
    more precisely if it falls in ``date``'s period (as of ``2016``, a source of
    ``2016-12-31`` counts). Quotes of later sources are left out. Only relations
    and entities stated by such a source are kept, and of the stages of one tie only
    the latest (an undated source's statement is older than any dated one).
    """
    check_date(date)
    sources = {s.id: s for s in kg.sources()}
    known = {s.id for s in sources.values() if s.date is None or s.date[: len(date)] <= date}
    latest: dict[tuple[str, str, str], Relation] = {}
    for r in kg.relations():
        kept = tuple(ev for ev in r.evidence if ev.source in known)
        if not kept:
            continue
        if len(kept) < len(r.evidence):  # later sources' quotes are not known yet
            r = replace(r, evidence=kept)
        key = (r.source, r.target, _family(r))
        if key not in latest or _when(r, sources) >= _when(latest[key], sources):
            latest[key] = r
    ends = {e for r in latest.values() for e in (r.source, r.target, r.event) if e}
    entities = []
    for e in kg:
        kept_e = tuple(ev for ev in e.evidence if ev.source in known)
        if kept_e or e.id in ends:
            entities.append(e if len(kept_e) == len(e.evidence) else replace(e, evidence=kept_e))
    return KnowledgeGraph(entities, latest.values(), [sources[s] for s in sorted(known)])
