"""The project pipeline: projects and programmes by stage, with the amounts the data states.

A project's stage is a status of :data:`graph._records.STAGE_ORDER`. It is read from
the entity's own ``status`` and from the statuses of the relations that lead to it
(talks, agreements, taking part, investing, working on it): of these the one stated
by the latest source counts (see ``graph._history``), and among statements of the
same time the furthest stage (a project whose agreement is signed and which is now
in preliminary work is in preliminary work). An entity none of whose statuses is a
stage is listed apart (:attr:`Pipeline.unstaged`), never guessed.

Amounts are the entity's attributes that hold an ``amount`` and a ``currency``
(``investment: {amount: 3000000000, currency: CNY, text: 投资30亿元}``); they are
summed per currency. An entity without one counts as "amount not stated", never as 0.

>>> import graph
>>> p = graph.pipeline(graph.load())
>>> [s.stage.value for s in p.stages][:3]
['negotiating', 'intent', 'signed']
>>> [(a.currency, a.value) for s in p.stages for i in s.items for a in i.amounts]
[('CNY', 3000000000)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._history import _when, check_date
from ._history import as_of as _graph_as_of
from ._kg import KnowledgeGraph
from ._records import (
    PARTNERSHIP_TYPES,
    STAGE_ORDER,
    Entity,
    EntityType,
    Evidence,
    Relation,
    RelationType,
    Source,
    Status,
)

__all__ = [
    "Amount",
    "Pipeline",
    "PipelineItem",
    "PipelineStage",
    "StageChange",
    "amounts",
    "pipeline",
    "pipeline_changes",
    "stage_of",
]

#: Entity types the pipeline lists unless told otherwise.
DEFAULT_TYPES = (EntityType.PROJECT, EntityType.PROGRAMME)

#: Relation types whose status tells the stage of their target.
STAGE_RELATIONS = PARTNERSHIP_TYPES | {RelationType.WORKS_ON}

_RANK = {s: i for i, s in enumerate(STAGE_ORDER)}


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money the data states for an entity, with the quotes that state it."""

    entity: str
    key: str
    value: int | float
    currency: str
    text: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "key": self.key,
            "value": self.value,
            "currency": self.currency,
            "text": self.text,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class PipelineItem:
    """One project or programme: its stage (None when no stage is given), the relations
    that state it besides the entity itself, the quotes, and its stated amounts."""

    entity: Entity
    stage: Status | None
    relations: tuple[Relation, ...]
    evidence: tuple[Evidence, ...]
    amounts: tuple[Amount, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "name_en": self.entity.name_en,
            "type": str(self.entity.type),
            "stage": str(self.stage) if self.stage else None,
            "status": str(self.entity.status) if self.entity.status else None,
            "relations": [r.id for r in self.relations],
            "amounts": [a.to_dict() for a in self.amounts],
            "evidence": [e.to_dict() for e in self.evidence],
        }


def _totals(items: Iterable[PipelineItem]) -> dict[str, int | float]:
    out: dict[str, int | float] = {}
    for item in items:
        for a in item.amounts:
            out[a.currency] = out.get(a.currency, 0) + a.value
    return dict(sorted(out.items()))


@dataclass(frozen=True, slots=True)
class PipelineStage:
    """The entities at one stage, and their stated amounts summed per currency."""

    stage: Status
    items: tuple[PipelineItem, ...]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def totals(self) -> dict[str, int | float]:
        """Stated amounts summed per currency (``{"CNY": 3000000000}``)."""
        return _totals(self.items)

    @property
    def not_stated(self) -> int:
        """How many of the entities have no stated amount."""
        return sum(not i.amounts for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": str(self.stage),
            "stage_en": self.stage.describe("en"),
            "stage_zh": self.stage.describe("zh"),
            "count": self.count,
            "totals": self.totals,
            "amount_not_stated": self.not_stated,
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True, slots=True)
class Pipeline:
    """What :func:`pipeline` returns: the stages in :data:`STAGE_ORDER` (only those with
    entities), and the entities without a stage, listed apart."""

    types: tuple[EntityType, ...]
    stages: tuple[PipelineStage, ...]
    unstaged: tuple[PipelineItem, ...]

    def __len__(self) -> int:
        return sum(s.count for s in self.stages) + len(self.unstaged)

    def stage(self, status: str | Status) -> PipelineStage:
        """The stage ``status`` (an empty one when no entity is at it)."""
        wanted = Status(status)
        return next((s for s in self.stages if s.stage is wanted), PipelineStage(wanted, ()))

    @property
    def totals(self) -> dict[str, int | float]:
        return _totals(i for s in self.stages for i in s.items)

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per entity, stage order then no stage (CSV and DataFrame rows)."""
        out = []
        staged = [(s.stage, i) for s in self.stages for i in s.items]
        for stage, item in [*staged, *((None, i) for i in self.unstaged)]:
            e = item.entity
            out.append(
                {
                    "stage": str(stage) if stage else "",
                    "stage_order": _RANK[stage] + 1 if stage else None,
                    "stage_en": stage.describe("en") if stage else "no stage given",
                    "stage_zh": stage.describe("zh") if stage else "未给出阶段",
                    "id": e.id,
                    "name": e.name,
                    "name_en": e.name_en,
                    "type": str(e.type),
                    "status": str(e.status) if e.status else "",
                    "amount": sum(a.value for a in item.amounts) if item.amounts else None,
                    "currency": "/".join(sorted({a.currency for a in item.amounts})),
                    "amount_text": "; ".join(a.text for a in item.amounts),
                    "quotes": [ev.quote for ev in item.evidence],
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "types": [str(t) for t in self.types],
            "stages": [s.to_dict() for s in self.stages],
            "totals": self.totals,
            "unstaged": [i.to_dict() for i in self.unstaged],
        }


@dataclass(frozen=True, slots=True)
class StageChange:
    """An entity whose stage differs between two dates (None: not known, or no stage)."""

    entity: Entity
    before: Status | None
    after: Status | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "name_en": self.entity.name_en,
            "before": str(self.before) if self.before else None,
            "after": str(self.after) if self.after else None,
        }


def amounts(entity: Entity) -> tuple[Amount, ...]:
    """The sums of money in ``entity``'s attributes (a mapping with ``amount`` and
    ``currency``), each with the entity's quotes that contain its ``text``."""
    found = []
    for key, value in entity.attributes.items():
        if not isinstance(value, Mapping):
            continue
        amount, currency = value.get("amount"), value.get("currency")
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            continue
        if not isinstance(currency, str):
            continue
        text = str(value.get("text", ""))
        quotes = tuple(ev for ev in entity.evidence if text and text in ev.quote)
        found.append(Amount(entity.id, key, amount, currency, text, quotes or entity.evidence))
    return tuple(found)


def _entity_when(e: Entity, sources: Mapping[str, Source]) -> tuple[str, str]:
    # an entity's status comes from the first source that named it: merging a later
    # source adds quotes, never changes the status
    dates = [sources[ev.source].date or "" for ev in e.evidence if ev.source in sources]
    return (min(dates) if dates else "", "")


def _stage(
    e: Entity, incoming: Iterable[Relation], sources: Mapping[str, Source]
) -> tuple[Status | None, tuple[Relation, ...], tuple[Evidence, ...]]:
    candidates: list[tuple[tuple[str, str], int, Relation | None]] = []
    if e.status in _RANK:
        candidates.append((_entity_when(e, sources), _RANK[e.status], None))
    for r in incoming:
        if r.type in STAGE_RELATIONS and r.status in _RANK:
            candidates.append((_when(r, sources), _RANK[r.status], r))
    if not candidates:
        return None, (), e.evidence
    when, rank, _ = max(candidates, key=lambda c: (c[0], c[1]))
    stage = STAGE_ORDER[rank]
    rels = tuple(r for w, k, r in candidates if r is not None and k == rank and w == when)
    quotes: dict[tuple[str, str], Evidence] = {}
    if e.status is stage:
        quotes.update(((ev.source, ev.quote), ev) for ev in e.evidence)
    for r in rels:
        quotes.update(((ev.source, ev.quote), ev) for ev in r.evidence)
    return stage, rels, tuple(quotes.values())


def _stage_only(
    e: Entity, relations: Iterable[Relation], sources: Mapping[str, Source], dated: bool
) -> Status | None:
    """The stage :func:`_stage` finds for ``e`` (without its relations and quotes), from
    ``relations`` touching ``e`` (those into it count); ``dated``: some source has a date
    (else every statement is of the same time, and only the furthest stage counts)."""
    rank_of, stages, eid = _RANK.get, STAGE_RELATIONS, e.id
    best: tuple[tuple[str, str], int] | None = None
    rank = rank_of(e.status) if e.status is not None else None
    if rank is not None:
        best = (_entity_when(e, sources) if dated else ("", ""), rank)
    for r in relations:
        if r.target != eid or r.type not in stages:
            continue
        rank = rank_of(r.status)
        if rank is None:
            continue
        if dated:
            when = _when(r, sources)
        else:  # every statement of one time: only the relation's own date orders them
            d = r.date
            when = ("", d if d and not d.startswith("--") else "")
        if best is None or (when, rank) > best:
            best = (when, rank)
    return None if best is None else STAGE_ORDER[best[1]]


def _incoming(kg: KnowledgeGraph, ids: set[str]) -> dict[str, list[Relation]]:
    out: dict[str, list[Relation]] = {i: [] for i in ids}
    for r in kg.relations():
        if r.target in out:
            out[r.target].append(r)
    return out


def stage_of(kg: KnowledgeGraph, name: str) -> Status | None:
    """The stage of one entity by the rules of :func:`pipeline` (None: none given).

    >>> import graph
    >>> stage_of(graph.load(), "安云IDC大数据中心项目")
    <Status.PRELIMINARY_WORK: 'preliminary_work'>
    """
    e = kg.entity(name)
    sources = {s.id: s for s in kg.sources()}
    return _stage(e, kg.relations(e.id), sources)[0]


def _types(type: str | Iterable[str] | None) -> tuple[EntityType, ...]:
    if type is None:
        return DEFAULT_TYPES
    names = [type] if isinstance(type, str) else list(type)
    return tuple(EntityType(t) for t in names) if names else DEFAULT_TYPES


def pipeline(
    kg: KnowledgeGraph,
    *,
    type: str | Iterable[str] | None = None,
    as_of: str | None = None,
) -> Pipeline:
    """Projects and programmes (or the entity ``type`` given) by stage, in stage order.

    ``as_of`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) reads the graph as the
    sources dated up to then tell it (:func:`graph.as_of`). Each item carries the
    quotes that state its stage and its amounts; entities without a stage are in
    :attr:`Pipeline.unstaged`.

    >>> import graph
    >>> p = graph.pipeline(graph.load())
    >>> p.stage("signed").count > 0, len(p.unstaged) > 0
    (True, True)
    """
    try:
        types = _types(type)
    except ValueError:
        from ._errors import ArgumentError

        known = ", ".join(t.value for t in EntityType)
        raise ArgumentError(f"unknown entity type in {type!r}; use one of: {known}") from None
    if as_of is not None:
        kg = _graph_as_of(kg, check_date(as_of))
    sources = {s.id: s for s in kg.sources()}
    chosen = kg.entities(types)
    incoming = _incoming(kg, {e.id for e in chosen})
    by_stage: dict[Status, list[PipelineItem]] = {}
    unstaged = []
    for e in chosen:
        stage, rels, quotes = _stage(e, incoming[e.id], sources)
        item = PipelineItem(e, stage, rels, quotes, amounts(e))
        if stage is None:
            unstaged.append(item)
        else:
            by_stage.setdefault(stage, []).append(item)
    stages = tuple(PipelineStage(s, tuple(by_stage[s])) for s in STAGE_ORDER if s in by_stage)
    return Pipeline(types, stages, tuple(unstaged))


def pipeline_changes(
    kg: KnowledgeGraph, a: str, b: str, *, type: str | Iterable[str] | None = None
) -> list[StageChange]:
    """What moved between the dates ``a`` and ``b``: each entity whose stage as of ``b``
    differs from its stage as of ``a`` (``before`` is None for one not known, or
    without a stage, at ``a``), in the order of the data.

    >>> import graph
    >>> kg = graph.load()
    >>> pipeline_changes(kg, "2016", "2017")  # one undated source: nothing moves
    []
    """

    def stages(date: str) -> dict[str, tuple[Entity, Status | None]]:
        p = pipeline(kg, type=type, as_of=date)
        items = [*(i for s in p.stages for i in s.items), *p.unstaged]
        return {i.entity.id: (i.entity, i.stage) for i in items}

    before, after = stages(a), stages(b)
    order = {e.id: n for n, e in enumerate(kg)}
    changes = []
    for eid, (e, stage) in after.items():
        old = before.get(eid, (e, None))[1]
        if old is not stage:
            changes.append(StageChange(e, old, stage))
    for eid, (e, stage) in before.items():
        if eid not in after and stage is not None:
            changes.append(StageChange(e, stage, None))
    changes.sort(key=lambda c: order.get(c.entity.id, len(order)))
    return changes
