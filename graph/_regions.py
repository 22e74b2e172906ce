"""Region-to-region ties: where the partners come from, and what ties them.

**Home region.** An entity's home region is, in this order:

1. ``located_in``: the place(s) a ``located_in`` relation puts it in, followed up
   to the top (a park in Beijing is in Beijing); several places make one combined
   region (京津地区客商, located in Beijing and in Tianjin, is from 北京、天津);
2. ``name``: else the place its own Chinese name starts with, among the graph's
   places and the province-level divisions of China (北京…, 天津…, 承德…, 河北…);
3. ``unknown``: else the region is unknown (:data:`UNKNOWN`), shown as such.

A place is its own region.

**Ties.** Relations that make partners (agreements, intent, talks, cooperation,
taking part, investing, building, visits) and ``works_on`` tie the regions of their
two ends. A project, programme or group cooperation is a hub: the relations that
join it tie the regions of its parties to each other, once per hub (a project
between Chengde and Tianjin is one tie, whichever relations join it). A group
statement (a group of 12 companies, a collective relation) counts once, as one
statement. Within one row (region pair, kind, status) a statement is counted
once: relations resting on the same quote, or joining the same hub, are one.

>>> import graph
>>> t = graph.region_ties(graph.load())
>>> t.home("天津大学").region.name, t.home("天津大学").basis
('天津', 'name')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._history import as_of as _graph_as_of
from ._history import check_date
from ._kg import KnowledgeGraph
from ._pipeline import STAGE_RELATIONS, Amount, _incoming, _stage, amounts
from ._records import (
    COLLECTIVE_TYPES,
    HUB_TYPES,
    STAGE_ORDER,
    Entity,
    EntityType,
    Evidence,
    Relation,
    RelationType,
    Status,
)

__all__ = ["UNKNOWN", "Home", "Region", "RegionTies", "Tie", "region_ties"]


@dataclass(frozen=True, slots=True)
class Region:
    """A region: a place of the graph (``entity`` is its id), a province-level division
    known by name, several places together, or :data:`UNKNOWN`."""

    key: str
    name: str
    name_en: str
    entity: str | None = None
    parts: tuple[Region, ...] = ()

    def label(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "name_en": self.name_en}


#: The region of an entity whose region the data does not give.
UNKNOWN = Region("?", "未知", "unknown")

# Province-level divisions, for names that start with one the graph has no place for.
_PROVINCES = (
    ("北京", "Beijing"), ("天津", "Tianjin"), ("河北", "Hebei"), ("山西", "Shanxi"),
    ("内蒙古", "Inner Mongolia"), ("辽宁", "Liaoning"), ("吉林", "Jilin"),
    ("黑龙江", "Heilongjiang"), ("上海", "Shanghai"), ("江苏", "Jiangsu"),
    ("浙江", "Zhejiang"), ("安徽", "Anhui"), ("福建", "Fujian"), ("江西", "Jiangxi"),
    ("山东", "Shandong"), ("河南", "Henan"), ("湖北", "Hubei"), ("湖南", "Hunan"),
    ("广东", "Guangdong"), ("广西", "Guangxi"), ("海南", "Hainan"), ("重庆", "Chongqing"),
    ("四川", "Sichuan"), ("贵州", "Guizhou"), ("云南", "Yunnan"), ("西藏", "Tibet"),
    ("陕西", "Shaanxi"), ("甘肃", "Gansu"), ("青海", "Qinghai"), ("宁夏", "Ningxia"),
    ("新疆", "Xinjiang"), ("香港", "Hong Kong"), ("澳门", "Macao"), ("台湾", "Taiwan"),
)  # fmt: skip

#: Relation types that tie the regions of their ends.
TIE_TYPES = STAGE_RELATIONS

#: The kind of a tie through a hub, by the hub's type, with its names (zh, en).
HUB_KINDS: dict[EntityType, tuple[str, str, str]] = {
    EntityType.PROJECT: ("project", "项目", "project"),
    EntityType.PROGRAMME: ("programme", "培养项目", "programme"),
    EntityType.COOPERATION: ("group_cooperation", "群体合作", "group cooperation"),
}


def _hub_kind(t: EntityType) -> str:
    return HUB_KINDS[t][0] if t in HUB_KINDS else f"via_{t}"


@dataclass(frozen=True, slots=True)
class Home:
    """An entity's home region and how it was found: ``located_in`` (the relations),
    ``name`` (read from the start of its name) or ``unknown``."""

    entity: Entity
    region: Region
    basis: str
    relations: tuple[Relation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "name_en": self.entity.name_en,
            "type": str(self.entity.type),
            "region": self.region.key,
            "region_name": self.region.name,
            "region_name_en": self.region.name_en,
            "basis": self.basis,
            "relations": [r.id for r in self.relations],
        }


@dataclass(frozen=True, slots=True)
class Tie:
    """One row of :func:`region_ties`: the ties between regions ``a`` and ``b`` of one
    ``kind`` (a relation type, or ``project``/``programme``/``group_cooperation`` for
    ties through a hub) at one ``status``.

    ``count`` is the number of statements (see the module's rules); ``collective``
    how many of them are group statements; ``hubs`` the projects, programmes or
    group cooperations behind a hub tie; ``amounts`` the sums of money stated.
    """

    a: Region
    b: Region
    kind: str
    status: Status
    count: int
    collective: int
    relations: tuple[Relation, ...]
    hubs: tuple[Entity, ...]
    evidence: tuple[Evidence, ...]
    amounts: tuple[Amount, ...]

    @property
    def totals(self) -> dict[str, int | float]:
        out: dict[str, int | float] = {}
        for am in self.amounts:
            out[am.currency] = out.get(am.currency, 0) + am.value
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "kind": self.kind,
            "status": str(self.status),
            "count": self.count,
            "collective": self.collective,
            "relations": [r.id for r in self.relations],
            "hubs": [h.id for h in self.hubs],
            "totals": self.totals,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class RegionTies:
    """What :func:`region_ties` returns: the tie rows, most ties first, and the home of
    every entity that takes part in a tie."""

    ties: tuple[Tie, ...]
    homes: Mapping[str, Home]

    def home(self, name: str) -> Home:
        """The home of the entity with this id (or name, when unique among the homes)."""
        if name in self.homes:
            return self.homes[name]
        for h in self.homes.values():
            if name in (h.entity.name, h.entity.name_en, *h.entity.aliases):
                return h
        from ._errors import KGError

        raise KGError(f"{name!r} takes part in no tie between regions; try its id")

    @property
    def regions(self) -> tuple[Region, ...]:
        """The regions that take part in a tie, most statements first."""
        weight: dict[Region, int] = {}
        for t in self.ties:
            for r in {t.a, t.b}:
                weight[r] = weight.get(r, 0) + t.count
        return tuple(sorted(weight, key=lambda r: (-weight[r], r is UNKNOWN, r.key)))

    @property
    def unknown(self) -> tuple[Home, ...]:
        """The entities whose region is unknown."""
        return tuple(h for h in self.homes.values() if h.region is UNKNOWN)

    def between(self, a: str, b: str) -> tuple[Tie, ...]:
        """The rows between the regions with keys, names or English names ``a`` and ``b``;
        a combined region (北京、天津) matches each of its places."""

        def match(r: Region, k: str) -> bool:
            return k in (r.key, r.name, r.name_en) or any(match(p, k) for p in r.parts)

        return tuple(
            t
            for t in self.ties
            if (match(t.a, a) and match(t.b, b)) or (match(t.a, b) and match(t.b, a))
        )

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per tie (CSV and DataFrame rows)."""
        return [
            {
                "region_a": t.a.name,
                "region_a_en": t.a.name_en,
                "region_b": t.b.name,
                "region_b_en": t.b.name_en,
                "kind": t.kind,
                "status": str(t.status),
                "count": t.count,
                "collective": t.collective,
                "amount": sum(t.totals.values()) if len(t.totals) == 1 else None,
                "currency": "/".join(sorted(t.totals)),
                "hubs": [h.name for h in t.hubs],
                "relations": [r.id for r in t.relations],
                "quotes": [ev.quote for ev in t.evidence],
            }
            for t in self.ties
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "regions": [r.to_dict() for r in self.regions],
            "ties": [t.to_dict() for t in self.ties],
            "homes": [h.to_dict() for h in self.homes.values()],
        }


class _Homes:
    """Finds home regions; one instance per graph, results cached."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.located: dict[str, list[Relation]] = {}
        for r in kg.relations(type=RelationType.LOCATED_IN):
            self.located.setdefault(r.source, []).append(r)
        self.prefixes: dict[str, Region] = {}
        for zh, en in _PROVINCES:
            self.prefixes[zh] = Region(en.lower().replace(" ", "-"), zh, en)
        for p in kg.entities(EntityType.PLACE):
            for name in (p.name, *p.aliases):
                if len(name) >= 2 and not name.isascii():
                    self.prefixes[name] = self._top(p)
        self.longest = max((len(k) for k in self.prefixes), default=0)
        self.cache: dict[str, Home] = {}

    def _places(self, e: Entity, seen: frozenset[str]) -> list[Entity]:
        ups = [r.target for r in self.located.get(e.id, ()) if r.target not in seen]
        if not ups:
            return [e]
        out: list[Entity] = []
        for u in ups:
            for p in self._places(self.kg.entity(u), seen | {u}):
                if p not in out:
                    out.append(p)
        return out

    def _top(self, place: Entity) -> Region:
        tops = self._places(place, frozenset({place.id}))
        if len(tops) == 1:
            t = tops[0]
            return Region(t.id, t.name, t.name_en or t.name, t.id)
        parts = tuple(Region(t.id, t.name, t.name_en or t.name, t.id) for t in tops)
        return Region(
            "+".join(t.id for t in tops),
            "、".join(t.name for t in tops),
            ", ".join(t.name_en or t.name for t in tops),
            parts=parts,
        )

    def __call__(self, e: Entity) -> Home:
        if e.id in self.cache:
            return self.cache[e.id]
        rels = tuple(self.located.get(e.id, ()))
        if rels or e.type is EntityType.PLACE:
            home = Home(e, self._top(e), "located_in" if rels else "place", rels)
        else:
            home = Home(e, UNKNOWN, "unknown")
            for n in range(min(self.longest, len(e.name) - 1), 1, -1):
                region = self.prefixes.get(e.name[:n])
                if region is not None:
                    home = Home(e, region, "name")
                    break
        self.cache[e.id] = home
        return home


def _key(r: Relation) -> frozenset[tuple[str, str]]:
    return frozenset((ev.source, ev.quote) for ev in r.evidence)


def _status_rank(s: Status) -> tuple[int, str]:
    return (STAGE_ORDER.index(s) if s in STAGE_ORDER else -1, s.value)


def region_ties(kg: KnowledgeGraph, *, as_of: str | None = None) -> RegionTies:
    """The ties between the home regions of the entities, by kind and status.

    ``as_of`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) reads the graph as the sources
    dated up to then tell it. The rules (home region, hubs, group statements, what
    counts once) are in this module's docstring and ``docs/analysis.md``.

    >>> import graph
    >>> t = graph.region_ties(graph.load())
    >>> sum(x.count for x in t.between("承德", "天津")) > 0
    True
    """
    if as_of is not None:
        kg = _graph_as_of(kg, check_date(as_of))
    homes = _Homes(kg)
    entity = kg.entity
    sources = {s.id: s for s in kg.sources()}
    hub_members: dict[str, list[Relation]] = {}
    # (a, b, kind, status) -> statement key -> relations
    rows: dict[tuple[Region, Region, str, Status], dict[Any, list[Relation]]] = {}
    hub_of: dict[Any, Entity] = {}
    used: dict[str, Home] = {}

    def add(a: Region, b: Region, kind: str, status: Status, key: Any, rs: list[Relation]) -> None:
        if (b.key, b.name) < (a.key, a.name):
            a, b = b, a
        rows.setdefault((a, b, kind, status), {}).setdefault(key, []).extend(rs)

    types_of: dict[str, EntityType] = {}
    for r in kg.relations(type=TIE_TYPES):
        for end in (r.source, r.target):
            if end not in types_of:
                types_of[end] = entity(end).type
        s_hub, t_hub = types_of[r.source] in HUB_TYPES, types_of[r.target] in HUB_TYPES
        if s_hub != t_hub:
            hub_members.setdefault(r.target if t_hub else r.source, []).append(r)
            continue
        hs, ht = homes(entity(r.source)), homes(entity(r.target))
        used[hs.entity.id], used[ht.entity.id] = hs, ht
        add(hs.region, ht.region, str(r.type), r.status, ("quotes", _key(r)), [r])
    incoming = _incoming(kg, set(hub_members))
    for hub_id, rels in hub_members.items():
        hub = entity(hub_id)
        stage = _stage(hub, incoming[hub_id], sources)[0]
        status = stage or hub.status or max((r.status for r in rels), key=_status_rank)
        regions: dict[str, Region] = {}
        for r in rels:
            h = homes(entity(r.other(hub_id)))
            used[h.entity.id] = h
            regions.setdefault(h.region.key, h.region)
        found = sorted(regions.values(), key=lambda x: x.key)
        pairs = [(x, y) for i, x in enumerate(found) for y in found[i + 1 :]] or [
            (found[0], found[0])
        ]
        for x, y in pairs:
            add(x, y, _hub_kind(hub.type), status, ("hub", hub_id), rels)
            hub_of[("hub", hub_id)] = hub
    ties = []
    for (a, b, kind, status), statements in rows.items():
        rels = list(dict.fromkeys(r for rs in statements.values() for r in rs))
        hubs = tuple(hub_of[k] for k in statements if k in hub_of)
        collective = sum(
            1
            for k, rs in statements.items()
            if (k in hub_of and hub_of[k].type in COLLECTIVE_TYPES)
            or any(
                r.collective
                or types_of[r.source] in COLLECTIVE_TYPES
                or types_of[r.target] in COLLECTIVE_TYPES
                for r in rs
            )
        )
        quotes = tuple(dict.fromkeys(ev for r in rels for ev in r.evidence))
        found_amounts = [am for h in hubs for am in amounts(h)]
        found_amounts += [am for r in rels for am in _relation_amounts(r)]
        ties.append(
            Tie(a, b, kind, status, len(statements), collective, tuple(rels), hubs, quotes,
                tuple(found_amounts))
        )  # fmt: skip
    ties.sort(key=lambda t: (t.a is UNKNOWN or t.b is UNKNOWN, t.a == t.b, t.a.key, t.b.key,
                             t.kind, _status_rank(t.status)))  # fmt: skip
    order = {e.id: n for n, e in enumerate(kg)}
    ordered = dict(sorted(used.items(), key=lambda kv: order.get(kv[0], 0)))
    return RegionTies(tuple(ties), ordered)


def _relation_amounts(r: Relation) -> Iterable[Amount]:
    for key, value in r.attributes.items():
        if isinstance(value, Mapping) and isinstance(value.get("currency"), str):
            amount = value.get("amount")
            if isinstance(amount, int | float) and not isinstance(amount, bool):
                text = str(value.get("text", ""))
                yield Amount(r.id, key, amount, str(value["currency"]), text, r.evidence)


def page_payload(kg: KnowledgeGraph) -> dict[str, Any]:
    """What the explorer's Pipeline and Regions views draw: :func:`graph.pipeline` and
    :func:`region_ties` of ``kg``, by entity and relation id (the page has the records
    and their quotes)."""
    from ._pipeline import pipeline

    p = pipeline(kg)

    def item(i: Any) -> dict[str, Any]:
        return {
            "id": i.entity.id,
            "own": i.entity.status is i.stage,
            "rels": [r.id for r in i.relations],
            "amounts": [
                {"text": a.text, "value": a.value, "currency": a.currency} for a in i.amounts
            ],
        }

    stages = [
        {
            "id": str(s.stage),
            "zh": s.stage.describe("zh"),
            "en": s.stage.describe("en"),
            "count": s.count,
            "totals": s.totals,
            "notStated": s.not_stated,
            "items": [item(i) for i in s.items],
        }
        for s in p.stages
    ]
    unstaged = [
        {"id": i.entity.id, "status": str(i.entity.status) if i.entity.status else None}
        for i in p.unstaged
    ]
    t = region_ties(kg)
    members: dict[str, list[str]] = {}
    for h in t.homes.values():
        members.setdefault(h.region.key, []).append(h.entity.id)
    regions = [
        {"key": r.key, "zh": r.name, "en": r.name_en, "members": members.get(r.key, [])}
        for r in t.regions
    ]
    ties = [
        {
            "a": x.a.key,
            "b": x.b.key,
            "kind": x.kind,
            "status": str(x.status),
            "count": x.count,
            "collective": x.collective,
            "rels": [r.id for r in x.relations],
            "hubs": [h.id for h in x.hubs],
            "totals": x.totals,
        }
        for x in t.ties
    ]
    homes = {h.entity.id: [h.region.key, h.basis] for h in t.homes.values()}
    kinds = {k: {"zh": zh, "en": en} for k, zh, en in HUB_KINDS.values()}
    statuses = {str(s): {"zh": s.describe("zh"), "en": s.describe("en")} for s in Status}
    return {
        "pipeline": {"stages": stages, "unstaged": unstaged},
        "regions": {"regions": regions, "ties": ties, "homes": homes},
        "kinds": kinds,
        "stageNames": statuses,
    }
