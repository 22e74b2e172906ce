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

from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._history import as_of as _graph_as_of
from ._history import check_date
from ._kg import KnowledgeGraph
from ._pipeline import STAGE_RELATIONS, Amount, _stage_only, amounts
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
    #: the statements, or (as :func:`region_ties` makes them) a :class:`_Row` that
    #: makes them on first use: most uses read a row's count, not its statements
    _found: tuple[_Statement, ...] | _Row = field(repr=False, compare=False)

    @property
    def statements(self) -> tuple[_Statement, ...]:
        found = self._found
        if isinstance(found, _Row):
            made = found.statements()
            object.__setattr__(self, "_found", made)
            return made
        return found

    @property
    def count(self) -> int:
        return len(self._found)

    @property
    def collective(self) -> int:
        return sum(st.collective for st in self.statements)

    @property
    def relations(self) -> tuple[Relation, ...]:
        if len(self.statements) == 1:
            return self.statements[0].relations
        return tuple(dict.fromkeys(r for st in self.statements for r in st.relations))

    @property
    def hubs(self) -> tuple[Entity, ...]:
        return tuple(st.hub for st in self.statements if st.hub is not None)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        if len(self.statements) == 1:
            return self.statements[0].quotes
        return tuple(dict.fromkeys(ev for st in self.statements for ev in st.quotes))

    @property
    def amounts(self) -> tuple[Amount, ...]:
        return tuple(am for st in self.statements for am in st.amounts)

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
        from ._errors import NotFoundError

        raise NotFoundError(f"{name!r} takes part in no tie between regions; try its id")

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

    def __init__(self, kg: KnowledgeGraph, by_id: Mapping[str, Entity]) -> None:
        self.by_id = by_id
        self.located: dict[str, list[Relation]] = {}
        located_in = RelationType.LOCATED_IN
        for r in kg._relations.values():  # as kg.relations(type="located_in"), faster
            if r.type is located_in:
                self.located.setdefault(r.source, []).append(r)
        self.ups: dict[str, tuple[str, ...]] = {}
        self.regions: dict[tuple[str, ...], Region] = {}
        self.prefixes: dict[str, Region] = {}
        for zh, en in _PROVINCES:
            self.prefixes[zh] = Region(en.lower().replace(" ", "-"), zh, en)
        places = [e for e in by_id.values() if e.type is EntityType.PLACE]
        for p in places:
            for name in (p.name, *p.aliases):
                if len(name) >= 2 and not name.isascii():
                    self.prefixes[name] = self._top(p)
        self.longest = max((len(k) for k in self.prefixes), default=0)
        self.cache: dict[str, Home] = {}
        self.heads: dict[str, tuple[Region, str, tuple[Relation, ...]]] = {}

    def _up(self, pid: str, seen: frozenset[str]) -> tuple[str, ...]:
        """The top places above ``pid`` (itself when nothing is above it), memoised."""
        if pid in self.ups:
            return self.ups[pid]
        targets = [r.target for r in self.located.get(pid, ()) if r.target not in seen]
        if not targets:
            tops: tuple[str, ...] = (pid,)
        else:
            found = dict.fromkeys(t for u in targets for t in self._up(u, seen | {u}))
            tops = tuple(found)
        self.ups[pid] = tops
        return tops

    def _top(self, e: Entity) -> Region:
        tops = self.ups.get(e.id) or self._up(e.id, frozenset({e.id}))
        region = self.regions.get(tops)
        if region is None:
            places = [self.by_id[t] for t in tops]
            parts = tuple(Region(t.id, t.name, t.name_en or t.name, t.id) for t in places)
            if len(parts) == 1:
                region = parts[0]
            else:
                region = Region(
                    "+".join(t.id for t in places),
                    "、".join(t.name for t in places),
                    ", ".join(t.name_en or t.name for t in places),
                    parts=parts,
                )
            self.regions[tops] = region
        return region

    def find(self, e: Entity) -> tuple[Region, str, tuple[Relation, ...]]:
        """``e``'s home region, its basis and the ``located_in`` relations behind it."""
        rels = self.located.get(e.id)
        if rels is not None:
            return self._top(e), "located_in", tuple(rels)
        if e.type is EntityType.PLACE:
            return self._top(e), "place", ()
        # the longest place name that starts the name and is shorter than it; names
        # that start alike share the answer (memoised by their first characters)
        head = e.name[: min(self.longest, len(e.name) - 1)]
        found = self.heads.get(head)
        if found is None:
            found = self.heads[head] = self._by_name(head)
        return found

    def _by_name(self, head: str) -> tuple[Region, str, tuple[Relation, ...]]:
        for n in range(len(head), 1, -1):
            region = self.prefixes.get(head[:n])
            if region is not None:
                return region, "name", ()
        return UNKNOWN, "unknown", ()

    def __call__(self, e: Entity) -> Home:
        home = self.cache.get(e.id)
        if home is None:
            home = self.cache[e.id] = Home(e, *self.find(e))
        return home


def _key(r: Relation) -> Any:
    """What makes relations one statement: the quotes they rest on (one quote is its
    ``(source, quote)`` pair, several a frozenset of them; a set of one is its pair)."""
    ev = r.evidence
    if len(ev) == 1:
        return (ev[0].source, ev[0].quote)
    found = frozenset((e.source, e.quote) for e in ev)
    return next(iter(found)) if len(found) == 1 else found


_RANK = {s: (i, s.value) for i, s in enumerate(STAGE_ORDER)}


def _status_rank(s: Status) -> tuple[int, str]:
    rank = _RANK.get(s)
    return rank if rank is not None else (-1, s.value)


class _HomeMap(Mapping[str, Home]):
    """``entity id -> Home`` of the entities in a tie, in data order; each :class:`Home`
    made the first time it is asked for (most uses read a few), and the data order
    found the first time it is needed (``len``, ``in`` and look-ups do without)."""

    __slots__ = ("_entities", "_found", "_made", "_order", "_ordered")

    def __init__(
        self,
        found: dict[str, tuple[Region, str, tuple[Relation, ...]]],
        order: Iterable[str],
        entities: Mapping[str, Entity],
    ) -> None:
        self._found = found  # entity id -> (region, basis, relations)
        self._order = order  # every entity id, in data order
        self._entities = entities
        self._ordered: dict[str, tuple[Region, str, tuple[Relation, ...]]] | None = None
        self._made: dict[str, Home] = {}

    def ordered(self) -> dict[str, tuple[Region, str, tuple[Relation, ...]]]:
        """``entity id -> (region, basis, relations)``, in data order."""
        if self._ordered is None:
            found = self._found
            self._ordered = {eid: found[eid] for eid in self._order if eid in found}
        return self._ordered

    def __getitem__(self, key: str) -> Home:
        home = self._made.get(key)
        if home is None:
            region, basis, rels = self._found[key]
            home = self._made[key] = Home(self._entities[key], region, basis, rels)
        return home

    def __iter__(self) -> Iterator[str]:
        return iter(self.ordered())

    def __len__(self) -> int:
        return len(self._found)

    def __contains__(self, key: object) -> bool:
        return key in self._found

    def __repr__(self) -> str:
        return f"<{len(self)} homes>"


#: What :func:`region_ties` notes for a hub where it notes other entities' region keys.
_HUB = object()


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
    # One pass over the relations, one look-up per end: an entity's home region is
    # found the first time a tie meets it (so the entities whose region is found are
    # exactly those that take part in a tie). A row keeps, per statement, the relation
    # (or the list of relations) behind it: its statements are made when first asked for.
    ents = kg._entities
    cache: dict[str, Entity] = dict(zip(ents, ents.values(), strict=True))
    homes = _Homes(kg, cache)
    find = homes.find
    hub_types, group_types = HUB_TYPES, COLLECTIVE_TYPES
    keys: dict[str, Any] = {}  # entity id -> its region key, or _HUB
    hub_keys: dict[str, str] = {}  # hub id -> its region key (a tie between two hubs)
    groups: set[str] = set()  # the groups among the entities met
    found: dict[str, tuple[Region, str, tuple[Relation, ...]]] = {}  # id -> its home
    by_key: dict[str, Region] = {}
    HUB = _HUB

    located, longest, PLACE = homes.located, homes.longest, EntityType.PLACE
    # an entity type's role: 1 a group, 2 a hub, 3 both
    roles = {t: 2 * (t in hub_types) + (t in group_types) for t in EntityType}
    by_head: dict[str, tuple[tuple[Region, str, tuple[Relation, ...]], str]] = {}

    def place(e: Entity) -> str:
        home = found[e.id] = find(e)
        region = home[0]
        key = region.key
        if key not in by_key:
            by_key[key] = region
        return key

    def learn(eid: str) -> Any:
        e = cache.get(eid)
        if e is None:  # a relation's end the graph does not have: the graph's own error
            e = cache[eid] = kg.entity(eid)
        t = e.type
        role = roles[t]
        if role:
            if role & 1:
                groups.add(eid)
            if role & 2:
                keys[eid] = HUB
                return HUB
        if t is PLACE or eid in located:
            key = keys[eid] = place(e)
            return key
        # as homes.find, memoised by the start of the name with the region's key
        name = e.name
        head = name[: min(longest, len(name) - 1)]
        memo = by_head.get(head)
        if memo is None:
            memo = by_head[head] = (find(e), place(e))
        found[eid] = memo[0]
        key = keys[eid] = memo[1]
        return key

    def hub_key(eid: str) -> str:
        key = hub_keys.get(eid)
        if key is None:
            key = hub_keys[eid] = place(cache[eid])
        return key

    # hub id -> (the relations joining it, the region keys of their other ends)
    hub_members: dict[str, tuple[list[Relation], set[str]]] = {}
    hub_into: dict[str, list[Relation]] = {}  # relations between two hubs, by target
    # (region key a, region key b, kind, status) -> statement key -> a relation, the
    # relations resting on the same quotes, or a hub's statement
    rows: dict[tuple[str, str, str, Status], dict[Any, Any]] = {}
    tie_types, get, rows_get = TIE_TYPES, keys.get, rows.get
    for r in kg._relations.values():  # every relation, in data order
        t = r.type
        if t not in tie_types:
            continue
        s = r.source
        g = r.target
        ka = get(s) or learn(s)
        kb = get(g) or learn(g)
        if ka is HUB:
            if kb is not HUB:
                members = hub_members.get(s)
                if members is None:
                    hub_members[s] = ([r], {kb})
                else:
                    members[0].append(r)
                    members[1].add(kb)
                continue
            # a tie between two hubs also tells the stage of its target
            hub_into.setdefault(g, []).append(r)
            ka = hub_key(s)
            kb = hub_key(g)
        elif kb is HUB:
            members = hub_members.get(g)
            if members is None:
                hub_members[g] = ([r], {ka})
            else:
                members[0].append(r)
                members[1].add(ka)
            continue
        # the relation type stands for its kind (a str enumeration: same hash, equal)
        status = r.status
        row_key = (ka, kb, t, status) if ka <= kb else (kb, ka, t, status)
        row = rows_get(row_key)
        if row is None:
            row = rows[row_key] = {}
        ev = r.evidence
        key = (ev[0].source, ev[0].quote) if len(ev) == 1 else _key(r)
        old = row.setdefault(key, r)
        if old is not r:
            if type(old) is list:
                old.append(r)
            else:
                row[key] = [old, r]
    sources = {s.id: s for s in kg.sources()}
    dated = any(s.date for s in sources.values())
    # hubs of one type, status and set of regions tie the same rows: the rows are
    # found once for them all (the statements of a row keep the hubs' order)
    alike: dict[tuple[EntityType, Status, tuple[str, ...]], list[_Statement]] = {}
    for order, (hub_id, (rels, regions)) in enumerate(hub_members.items()):
        hub: Entity = cache[hub_id]
        # its stage, from the relations into it that can tell one (their types are
        # TIE_TYPES, all seen above: its members' and other hubs')
        into = hub_into.get(hub_id)
        stage = _stage_only(hub, rels if into is None else rels + into, sources, dated)
        status = stage or hub.status or max((r.status for r in rels), key=_status_rank)
        st = _Statement((hub_id,), tuple(rels), hub, None, groups, order)
        # one statement per hub (a quote key is a pair or a set)
        like = (hub.type, status, tuple(sorted(regions)))
        same = alike.get(like)
        if same is None:
            alike[like] = [st]
        else:
            same.append(st)
    hub_rows: dict[tuple[str, str, str, Status], list[_Statement]] = {}
    for (hub_type, status, ks), sts in alike.items():
        kind = _hub_kind(hub_type)
        if len(ks) == 1:
            pairs = [(ks[0], ks[0])]
        else:
            pairs = [(a, b) for i, a in enumerate(ks) for b in ks[i + 1 :]]
        for a, b in pairs:
            hub_row = hub_rows.get((a, b, kind, status))
            if hub_row is None:
                hub_rows[a, b, kind, status] = sts.copy()
            else:
                hub_row += sts
    ties = [
        Tie(by_key[a], by_key[b], str(kind), status, _Row(row, hub_rows.pop(rk, None), groups))
        for rk, row in rows.items()
        for a, b, kind, status in (rk,)
    ]
    ties += [
        Tie(by_key[a], by_key[b], kind, status, _Row({}, sts, groups))
        for (a, b, kind, status), sts in hub_rows.items()
    ]
    ties.sort(key=lambda t: (t.a is UNKNOWN or t.b is UNKNOWN, t.a.key == t.b.key, t.a.key,
                             t.b.key, t.kind, _status_rank(t.status)))  # fmt: skip
    return RegionTies(tuple(ties), _HomeMap(found, ents, cache))


class _Statement:
    """One statement of a tie row: relations resting on one quote, or joining one hub."""

    __slots__ = (
        "_amounts", "_collective", "_groups", "_quotes", "hub", "key", "order", "relations"
    )  # fmt: skip

    def __init__(
        self,
        key: Any,
        relations: tuple[Relation, ...],
        hub: Entity | None,
        collective: bool | None,
        groups: Container[str] = (),
        order: int = 0,
    ) -> None:
        """``collective`` None: found when first asked for, from ``groups`` (the ids of
        the groups among the relations' ends); ``order``: a hub's place among the hubs."""
        self.key, self.relations, self.hub, self.order = key, relations, hub, order
        self._collective, self._groups = collective, groups
        self._quotes: tuple[Evidence, ...] | None = None
        self._amounts: tuple[Amount, ...] | None = None

    @property
    def collective(self) -> bool:
        """A group statement: a group at one end, or a relation stated for a group."""
        found = self._collective
        if found is None:
            groups = self._groups
            found = False
            for r in self.relations:
                if r.source in groups or r.target in groups or (r.attributes and r.collective):
                    found = True
                    break
            self._collective = found
        return found

    @property
    def quotes(self) -> tuple[Evidence, ...]:
        if self._quotes is None:
            self._quotes = tuple(dict.fromkeys(ev for r in self.relations for ev in r.evidence))
        return self._quotes

    @property
    def amounts(self) -> tuple[Amount, ...]:
        if self._amounts is None:
            found = list(amounts(self.hub)) if self.hub is not None else []
            for r in self.relations:
                if r.attributes:  # most have none
                    found += _relation_amounts(r)
            self._amounts = tuple(found)
        return self._amounts


class _Row:
    """The statements of a tie row as :func:`region_ties` collects them, each
    :class:`_Statement` made when the row's statements are first asked for: ``found``,
    statement key -> the relation, or the list of relations, resting on those quotes;
    then ``hubs``, the statements of the hubs behind the row (in any order: they are
    put in the hubs' order)."""

    __slots__ = ("found", "groups", "hubs")

    def __init__(
        self, found: dict[Any, Any], hubs: list[_Statement] | None, groups: Container[str]
    ) -> None:
        self.found, self.hubs, self.groups = found, hubs, groups

    def __len__(self) -> int:
        return len(self.found) + (len(self.hubs) if self.hubs else 0)

    def statements(self) -> tuple[_Statement, ...]:
        groups = self.groups
        out = [
            _Statement(key, tuple(v) if isinstance(v, list) else (v,), None, None, groups)
            for key, v in self.found.items()
        ]
        if self.hubs:
            out += sorted(self.hubs, key=lambda st: st.order)
        return tuple(out)


def _relation_amounts(r: Relation) -> Iterable[Amount]:
    for key, value in r.attributes.items():
        if isinstance(value, Mapping) and isinstance(value.get("currency"), str):
            amount = value.get("amount")
            if isinstance(amount, int | float) and not isinstance(amount, bool):
                text = str(value.get("text", ""))
                yield Amount(r.id, key, amount, str(value["currency"]), text, r.evidence)


#: At most this many entities, relations or hubs per stage, region or tie go into the
#: page (its counts stay whole; the page says how many more there are).
PAGE_LIST_LIMIT = 200


def _home_rows(homes: Mapping[str, Home]) -> Iterator[tuple[str, Region, str]]:
    """(entity id, region, basis) of each home, without making the :class:`Home` records."""
    if isinstance(homes, _HomeMap):
        for eid, (region, basis, _rels) in homes.ordered().items():
            yield eid, region, basis
    else:
        for eid, h in homes.items():
            yield eid, h.region, h.basis


def page_payload(kg: KnowledgeGraph) -> dict[str, Any]:
    """What the explorer's Pipeline and Regions views draw: :func:`graph.pipeline` and
    :func:`region_ties` of ``kg``, by entity and relation id (the page has the records
    and their quotes); lists cut at :data:`PAGE_LIST_LIMIT`."""
    from ._pipeline import pipeline

    cap = PAGE_LIST_LIMIT
    p = pipeline(kg)

    def item(i: Any) -> dict[str, Any]:
        return {
            "id": i.entity.id,
            "own": i.entity.status is i.stage,
            "rels": [r.id for r in i.relations[:cap]],
            "amounts": [
                {"text": a.text, "value": a.value, "currency": a.currency} for a in i.amounts
            ],
        }

    stages = [
        {
            "id": str(s.stage),
            "count": s.count,
            "totals": s.totals,
            "notStated": s.not_stated,
            "items": [item(i) for i in s.items[:cap]],
        }
        for s in p.stages
    ]
    unstaged = [
        {"id": i.entity.id, "status": str(i.entity.status) if i.entity.status else None}
        for i in p.unstaged[:cap]
    ]
    t = region_ties(kg)
    members: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    homes: dict[str, list[str]] = {}
    for eid, region, basis in _home_rows(t.homes):
        key = region.key
        n = counts[key] = counts.get(key, 0) + 1
        if n <= cap:
            members.setdefault(key, []).append(eid)
            homes[eid] = [key, basis]
    regions = [
        {
            "key": r.key,
            "zh": r.name,
            "en": r.name_en,
            "count": counts.get(r.key, 0),
            "members": members.get(r.key, []),
        }
        for r in t.regions
    ]
    ties = []
    for x in t.ties:
        hubs = [st.hub.id for st in x.statements[:cap] if st.hub is not None]
        rels = list(dict.fromkeys(r.id for st in x.statements[:cap] for r in st.relations))
        ties.append(
            {
                "a": x.a.key,
                "b": x.b.key,
                "kind": x.kind,
                "status": str(x.status),
                "count": x.count,
                "collective": x.collective,
                "rels": rels[:cap],
                "hubs": hubs,
                "totals": x.totals,
            }
        )
    kinds = {k: {"zh": zh, "en": en} for k, zh, en in HUB_KINDS.values()}
    statuses = {str(s): {"zh": s.describe("zh"), "en": s.describe("en")} for s in Status}
    return {
        "pipeline": {"stages": stages, "unstaged": unstaged, "unstagedCount": len(p.unstaged)},
        "regions": {"regions": regions, "ties": ties, "homes": homes},
        "kinds": kinds,
        "stageNames": statuses,
        "limit": cap,
    }
