"""The :class:`KnowledgeGraph`: records, their adjacency, queries, a NetworkX graph on demand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from ._errors import ArgumentError, NoPathError, NotFoundError, UnknownEntityError
from ._lazy import Adjacency, Incident, OtherEnds
from ._names import NameIndex, is_chinese, key
from ._records import (
    COLLECTIVE_TYPES,
    HUB_TYPES,
    PARTNERSHIP_TYPES,
    SCHEMA,
    Basis,
    Entity,
    EntityType,
    Kind,
    Partner,
    Relation,
    RelationType,
    Source,
    Status,
    plain,
)

__all__ = ["MEASURES", "KnowledgeGraph", "Storage", "graph_of", "storage_of"]

#: The centrality measures `rank` offers, by name (the CLI lists the same).
MEASURES: dict[str, Callable[[nx.Graph], dict[str, float]]] = {
    "degree": nx.degree_centrality,
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
}


#: The lookup key of a name (see :func:`graph._names.key`); the loader's uniqueness check uses it.
_key = key

#: Organisations: what :meth:`KnowledgeGraph.partners` lists (never projects, places, events).
PARTNER_TYPES = frozenset(
    {
        EntityType.DEVELOPMENT_ZONE,
        EntityType.GOVERNMENT_BODY,
        EntityType.ENTERPRISE,
        EntityType.UNIVERSITY,
        EntityType.COLLEGE,
        EntityType.RESEARCH_INSTITUTE,
        EntityType.SCHOOL,
        EntityType.GROUP,
    }
)

#: Entities whose links assert nothing between their neighbours: a chain
#: (:meth:`KnowledgeGraph.path`) does not pass through them, and betweenness and
#: closeness leave them out, unless asked to.
UMBRELLA_TYPES = frozenset({EntityType.PLACE, EntityType.GROUP})

#: Relations that join an entity to a project, programme or cooperation (a hub).
_JOINS = PARTNERSHIP_TYPES | {RelationType.WORKS_ON}


def _as_set(
    values: str | Iterable[str] | None, enum: type[Any], what: str
) -> frozenset[Any] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = set()
    for value in values:
        try:
            out.add(enum(value))
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise ArgumentError(f"unknown {what} {value!r}; use one of: {allowed}") from None
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Storage:
    """What a :class:`KnowledgeGraph` is made of: records by id, the name index, and
    per entity the relations touching it and their other ends, in data order.

    Every graph is opened over one (:func:`graph_of`): a checked load and a graph
    built from records make theirs with :meth:`of_records`; a warm load
    (``graph._cache``) makes its own, over records made on first use (``graph._lazy``).
    """

    entities: Mapping[str, Entity]
    relations: Mapping[str, Relation]
    sources: Mapping[str, Source]
    names: NameIndex
    incident: Mapping[str, Sequence[Relation]]
    ends: Mapping[str, Sequence[str]]

    @classmethod
    def of_records(
        cls,
        entities: dict[str, Entity],
        relations: dict[str, Relation],
        sources: Iterable[Source],
        names: dict[str, str] | None = None,
    ) -> Storage:
        """The storage of records by id, taken as they are. ``names`` is the name index
        a checked load built while it checked that names are unique (lookup key ->
        entity id, first claim kept); without it, the relations' ends are checked and
        the index is built here."""
        if names is None:  # the loader has checked this; anyone else may not have
            missing = {end for r in relations.values() for end in (r.source, r.target)}
            missing -= entities.keys()
            if missing:
                missing_ids = ", ".join(sorted(missing))
                raise ArgumentError(f"relations refer to unknown entities: {missing_ids}")
            index = NameIndex()
            for e in entities.values():
                for name in (e.id, e.name, e.name_en, *e.aliases):
                    if name:
                        index.add(name, e.id)
        else:
            index = NameIndex(names)
        adjacency = Adjacency.from_records(entities, relations)
        return cls(
            entities,
            relations,
            {s.id: s for s in sources},
            index,
            Incident(entities, adjacency),
            OtherEnds(entities, adjacency),
        )


def graph_of(storage: Storage) -> KnowledgeGraph:
    """The graph over ``storage`` (no copy, no check)."""
    return KnowledgeGraph._of(storage)


def storage_of(kg: KnowledgeGraph) -> Storage:
    """What ``kg`` is made of (for the warm-load cache, which writes it)."""
    return kg._storage


class KnowledgeGraph:
    """Entities and relations curated from sources, queryable by name.

    Build one with :func:`graph.load`. Every method that takes a name accepts an
    id, the Chinese or English name or an alias, case-insensitively, in
    simplified or traditional characters.

    >>> import graph
    >>> kg = graph.load()
    >>> kg.entity("Tianjin University").name
    '天津大学'
    >>> [p.entity.name for p in kg.partners("天津大学")][:1]
    ['承德石油高等专科学校']
    """

    def __init__(
        self,
        entities: Iterable[Entity],
        relations: Iterable[Relation],
        sources: Iterable[Source] = (),
    ) -> None:
        storage = Storage.of_records(
            {e.id: e for e in entities}, {r.id: r for r in relations}, sources
        )
        self._open(storage)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and deepcopy by the records (a graph read from the cache makes them lazily)."""
        records = (self._entities.values(), self._relations.values(), self._sources.values())
        return (type(self), tuple(tuple(r) for r in records))

    @classmethod
    def _of(cls, storage: Storage) -> KnowledgeGraph:
        kg = cls.__new__(cls)
        kg._open(storage)
        return kg

    def _open(self, storage: Storage) -> None:
        """Every attribute of a graph, in one place: every graph is opened over a storage."""
        self._storage = storage
        self._entities: Mapping[str, Entity] = storage.entities
        self._relations: Mapping[str, Relation] = storage.relations
        self._sources: Mapping[str, Source] = storage.sources
        #: entity id -> the relations touching it, and (in the same order) their other ends
        self._incident: Mapping[str, Sequence[Relation]] = storage.incident
        self._ends: Mapping[str, Sequence[str]] = storage.ends
        self._index = storage.names
        self._nx: nx.MultiDiGraph | None = None  # built on first use (see nx)

    # -- records ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"<KnowledgeGraph: {len(self._entities)} entities, {len(self._relations)} relations>"

    def _repr_html_(self) -> str:
        """Jupyter: the HTML explorer inline, in a sandboxed iframe."""
        from ._notebook import repr_html

        return repr_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """IPython: a short text summary (counts by type and status)."""
        from ._notebook import repr_text

        p.text(repr_text(self))

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, name: object) -> bool:
        """``name in kg`` exactly when ``kg.entity(name)`` finds an entity."""
        if not isinstance(name, str):
            return False
        try:
            self.entity(name)
        except UnknownEntityError:
            return False
        return True

    def _build_nx(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        node_fields = [f for f in SCHEMA[Entity] if f.name != "id"]  # the node's key
        edge_fields = [f for f in SCHEMA[Relation] if f.kind is not Kind.END]  # its ends
        for e in self._entities.values():
            g.add_node(e.id, **{f.name: plain(f, getattr(e, f.name)) for f in node_fields})
        for r in self._relations.values():
            attrs = {f.name: plain(f, getattr(r, f.name)) for f in edge_fields}
            g.add_edge(r.source, r.target, key=r.id, **attrs)
        frozen: nx.MultiDiGraph = nx.freeze(g)
        return frozen

    @property
    def nx(self) -> nx.MultiDiGraph:
        """A read-only ``networkx.MultiDiGraph``: node id = entity id, edge key = relation id.

        Nodes carry every field of their :class:`Entity` but the id (``type``,
        ``name``, ``name_en``, ``aliases``, ``status``, ``attributes``, ``notes``,
        ``evidence``, …); edges every field of their :class:`Relation` but the ends
        (``id``, ``type``, ``status``, ``date``, ``basis``, ``attributes``, ``notes``,
        ``evidence``, …), as plain values (see :func:`graph._records.plain`): enumerations as
        their values, lists, dicts, and evidence as a list of dicts with ``source``
        and ``quote``. Use ``networkx.MultiDiGraph(kg.nx)`` for a copy
        you can change. Built on first use (queries do not need it), then kept.
        """
        if self._nx is None:
            self._nx = self._build_nx()
        return self._nx

    def _within(self, start: str, depth: int) -> dict[str, None]:
        """Entity ids within ``depth`` relations of ``start``, either direction (breadth first)."""
        seen: dict[str, None] = {start: None}
        front = [start]
        for _ in range(depth):
            nxt: list[str] = []
            for u in front:
                for w in self._ends[u]:
                    if w not in seen:
                        seen[w] = None
                        nxt.append(w)
            if not nxt:
                break
            front = nxt
        return seen

    def _components(self) -> int:
        """How many weakly connected components the entities form."""
        seen: set[str] = set()
        count = 0
        for start in self._entities:
            if start in seen:
                continue
            count += 1
            seen.add(start)
            stack = [start]
            while stack:
                u = stack.pop()
                for w in self._ends[u]:
                    if w not in seen:
                        seen.add(w)
                        stack.append(w)
        return count

    def entities(self, type: str | Iterable[str] | None = None) -> tuple[Entity, ...]:
        """Every entity, in data order; only those of ``type`` when given."""
        types = _as_set(type, EntityType, "entity type")
        return tuple(e for e in self._entities.values() if types is None or e.type in types)

    def relations(
        self,
        name: str | None = None,
        *,
        type: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
    ) -> tuple[Relation, ...]:
        """Relations in data order: those touching entity ``name`` when given, of
        relation ``type`` and with relation ``status`` when given.

        This is the query by the status of a relation (``kg.relations(status="signed")``);
        :meth:`find` matches the status of the entities themselves.
        """
        types = _as_set(type, RelationType, "relation type")
        statuses = _as_set(status, Status, "status")
        rels = self._relations.values() if name is None else self._incident[self.entity(name).id]
        return tuple(
            r
            for r in rels
            if (types is None or r.type in types) and (statuses is None or r.status in statuses)
        )

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id (``source--type--target``, see :func:`graph.load`)."""
        try:
            return self._relations[relation_id]
        except KeyError:
            raise NotFoundError(f"no relation has the id {relation_id!r}") from None

    def sources(self) -> tuple[Source, ...]:
        """The source documents the data quotes."""
        return tuple(self._sources.values())

    def source(self, source_id: str) -> Source:
        """The source document with this id."""
        try:
            return self._sources[source_id]
        except KeyError:
            known = ", ".join(self._sources) or "none"
            raise NotFoundError(
                f"no source has the id {source_id!r}; known sources: {known}"
            ) from None

    def entity(self, name: str) -> Entity:
        """The entity with this id, Chinese or English name, or alias.

        Names match in any case, in traditional or simplified characters and
        without spaces or invisible characters. A name that is the start (or
        else a part) of exactly one entity's names finds it too: ``Beihang``,
        ``天津国建``, unless it stops inside a word such as 大学 (``天津大`` is
        suggested, not taken). Otherwise raises :class:`graph.UnknownEntityError` (a
        ``KeyError``) whose ``suggestions`` are the candidates or close names, in
        the script of the query: ``天津大学 (Tianjin University)`` for a Chinese
        query, ``Tianjin University`` for another.

        >>> import graph
        >>> graph.load().entity("Beihang").name
        '北京航空航天大学'
        """
        if isinstance(name, Entity):
            name = name.id
        found = self._index.get(name)
        if found is not None:
            return self._entities[found]
        prefix, inner, split = self._index.partial(name)
        if len(prefix) == 1 or (not prefix and len(inner) == 1):
            return self._entities[(prefix or inner)[0]]
        candidates = (prefix + inner + split)[:8] or self._index.close(name)
        chinese = is_chinese(name)
        raise UnknownEntityError(
            name, [self._display(self._entities[i], chinese) for i in candidates]
        )

    @staticmethod
    def _display(e: Entity, chinese: bool) -> str:
        if chinese:
            return f"{e.name} ({e.name_en})" if e.name_en else e.name
        return e.name_en or e.name

    # -- queries ---------------------------------------------------------------------------

    def partners(self, name: str) -> list[Partner]:
        """The organisations the source says ``name`` works with, and the relations behind it.

        A partner is an organisation (see :data:`PARTNER_TYPES`; never a project,
        programme, cooperation, place, event, measure or goal) that ``name`` has an
        agreement, letter of intent, negotiation, cooperation, investment, BOT
        contract or visit for talks with, either directly or through a project,
        programme or cooperation that both are joined to (``via``). Working on a
        project (``works_on``) joins it too: the investor of a project the zone
        works on is the zone's partner. Partners through a statement about a group
        are flagged ``collective=True``; organisations on the same side of a group
        statement are not partners of each other. Sorted: direct partners first,
        then by id.
        """
        me = self.entity(name)
        # partner id -> [(relations, collective, via)], one entry per way they are joined
        ways: dict[str, list[tuple[tuple[Relation, ...], bool, Entity | None]]] = {}

        def collective(*parts: Entity | Relation) -> bool:
            return any(
                p.collective if isinstance(p, Relation) else p.type in COLLECTIVE_TYPES
                for p in parts
            )

        for r in self._incident[me.id]:
            other = self._entities[r.other(me.id)]
            if other.id == me.id:
                continue
            if other.type in HUB_TYPES and r.type in _JOINS:
                role = r.attributes.get("role")
                for r2 in self._incident[other.id]:
                    third = self._entities[r2.other(other.id)]
                    if (
                        r2 is r
                        or r2.type not in _JOINS
                        or third.id in (me.id, other.id)
                        or third.type not in PARTNER_TYPES
                    ):
                        continue
                    if role is not None and role == r2.attributes.get("role"):
                        continue  # same side of a group statement
                    way = ((r, r2), collective(me, other, third, r, r2), other)
                    ways.setdefault(third.id, []).append(way)
            elif r.type in PARTNERSHIP_TYPES and other.type in PARTNER_TYPES:
                ways.setdefault(other.id, []).append(((r,), collective(me, other, r), None))

        partners = []
        for pid, found in ways.items():
            rels = tuple(dict.fromkeys(rel for rs, _, _ in found for rel in rs))
            direct = any(via is None for _, _, via in found)
            partners.append(
                Partner(
                    entity=self._entities[pid],
                    relations=rels,
                    collective=all(coll for _, coll, _ in found),
                    via=None if direct else found[0][2],
                )
            )
        partners.sort(key=lambda p: (p.collective, p.via is not None, p.entity.id))
        return partners

    def path(self, a: str, b: str, *, through_all: bool = False) -> list[Relation]:
        """The relations along a shortest chain from ``a`` to ``b``, in either direction.

        By default the chain does not pass through a place or a group
        (:data:`UMBRELLA_TYPES`): that two entities are both in 承德 asserts
        nothing between them. ``through_all=True`` allows any entity in between.
        Each step is one relation; check ``step.basis`` for steps the source
        does not state in so many words (``inferred``, ``unstated_subject``).
        Between two entities joined by several relations, a stated one is chosen.

        Raises :class:`graph.NoPathError` when no such chain exists.
        """
        start, end = self.entity(a), self.entity(b)
        nodes = self._chain(start.id, end.id, through_all)
        if nodes is None:
            hint = "try `kg partners` on each"
            if not through_all and self._chain(start.id, end.id, True) is not None:
                hint = (
                    "a chain through a place or group exists, which asserts nothing between "
                    "them; pass through_all=True (kg path --through-all) to see it"
                )
            raise NoPathError(
                f"no chain of relations connects {start.name} ({start.id}) and "
                f"{end.name} ({end.id}) in this data; {hint}"
            )
        steps: list[Relation] = []
        for u, v in pairwise(nodes):
            between = [r for r in self._incident[u] if r.other(u) == v]
            steps.append(min(between, key=lambda r: r.basis is not Basis.STATED))
        return steps

    def _chain(self, s: str, t: str, through_all: bool) -> list[str] | None:
        """Entity ids of a shortest undirected chain from ``s`` to ``t``
        (bidirectional breadth-first search, O(V + E)); None when there is none."""
        if s == t:
            return [s]
        entities, ends = self._entities, self._ends

        def passable(n: str) -> bool:
            return through_all or entities[n].type not in UMBRELLA_TYPES

        pred: dict[str, str | None] = {s: None}
        succ: dict[str, str | None] = {t: None}
        front_s, front_t = [s], [t]
        while front_s and front_t:
            forward = len(front_s) <= len(front_t)
            front, seen, other = (front_s, pred, succ) if forward else (front_t, succ, pred)
            nxt: list[str] = []
            for u in front:
                for w in ends[u]:
                    if w in seen:
                        continue
                    if w in other:
                        seen[w] = u
                        half: list[str] = []
                        n: str | None = w
                        while n is not None:
                            half.append(n)
                            n = pred[n]
                        chain = half[::-1]
                        n = succ[w]
                        while n is not None:
                            chain.append(n)
                            n = succ[n]
                        return chain
                    if passable(w):  # a place or group may end a chain, never be in it
                        seen[w] = u
                        nxt.append(w)
            if forward:
                front_s = nxt
            else:
                front_t = nxt
        return None

    def find(
        self,
        type: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        *,
        text: str | None = None,
    ) -> list[Entity]:
        """Entities by type, status and text.

        ``status`` matches the entity's own status only (a project's or
        programme's stage), never the status of its relations: for those, use
        :meth:`relations` (``kg.relations(status="signed")``). ``text`` matches
        part of any name or alias, case-insensitively, in traditional or
        simplified characters.
        """
        types = _as_set(type, EntityType, "entity type")
        statuses = _as_set(status, Status, "status")
        needle = _key(text) if text else None
        out = []
        for e in self._entities.values():
            if types is not None and e.type not in types:
                continue
            if statuses is not None and e.status not in statuses:
                continue
            if needle and not any(needle in _key(n) for n in (e.id, e.name, e.name_en, *e.aliases)):
                continue
            out.append(e)
        return out

    def subgraph(self, ids: Iterable[str]) -> KnowledgeGraph:
        """The graph restricted to these entity ids and the relations among them."""
        kept = {i for i in ids if i in self._entities}
        # the relations among them, found from their ends (never a walk over every
        # relation), then put back in data order
        found = {
            r.id: r
            for i in kept
            for r, w in zip(self._incident[i], self._ends[i], strict=True)
            if w in kept
        }
        return KnowledgeGraph(
            (self._entities[i] for i in self._entities if i in kept),
            (found[r] for r in self._relations if r in found),
            self._sources.values(),
        )

    def neighborhood(self, name: str, depth: int = 2) -> KnowledgeGraph:
        """The ego network of ``name``: everything within ``depth`` relations of it."""
        if depth < 0:
            raise ArgumentError(f"depth must be 0 or more, not {depth}")
        center = self.entity(name)
        return self.subgraph(self._within(center.id, depth))

    def filter(
        self,
        *,
        types: str | Iterable[str] | None = None,
        statuses: str | Iterable[str] | None = None,
    ) -> KnowledgeGraph:
        """Keep entities of ``types`` and relations of ``statuses``.

        With ``statuses``, an entity stays when its own status is one of them or a
        kept relation touches it.
        """
        type_set = _as_set(types, EntityType, "entity type")
        status_set = _as_set(statuses, Status, "status")
        ents = [e for e in self._entities.values() if type_set is None or e.type in type_set]
        ids = {e.id for e in ents}
        rels = [
            r
            for r in self._relations.values()
            if r.source in ids
            and r.target in ids
            and (status_set is None or r.status in status_set)
        ]
        if status_set is not None:
            touched = {r.source for r in rels} | {r.target for r in rels}
            ents = [e for e in ents if e.id in touched or e.status in status_set]
        return KnowledgeGraph(ents, rels, self._sources.values())

    def select(
        self,
        *,
        focus: str | None = None,
        depth: int = 2,
        types: str | Iterable[str] | None = None,
        statuses: str | Iterable[str] | None = None,
    ) -> KnowledgeGraph:
        """:meth:`neighborhood` (when ``focus`` is given) then :meth:`filter`: the
        selection every export and the HTML explorer take.

        Raises :class:`graph.ArgumentError` when the filters keep no entity, so that no
        empty page or file replaces a good one.
        """
        kg = self.neighborhood(focus, depth) if focus is not None else self
        if types is None and statuses is None:
            return kg
        chosen = kg.filter(types=types, statuses=statuses)
        if not len(chosen):
            asked = [f"type {t}" for t in ([types] if isinstance(types, str) else types or ())]
            asked += [
                f"status {s}" for s in ([statuses] if isinstance(statuses, str) else statuses or ())
            ]
            raise ArgumentError(
                f"the selection ({', '.join(asked)}) keeps no entity, so there is nothing to "
                "show or export. "
                "Types are ORed, statuses are ORed, and a relation is kept only when both "
                "its ends are kept: drop a filter or add a type"
            )
        return chosen

    def rank(
        self, measure: str = "degree", *, include_places: bool = False
    ) -> list[tuple[Entity, float]]:
        """Entities by centrality, highest first: ``degree``, ``betweenness`` or ``closeness``.

        Computed by NetworkX on the undirected simple graph (two entities joined
        by several relations count once). ``degree`` is the share of the other
        entities an entity is joined to. ``betweenness`` counts the shortest
        chains between other entities that pass through it, ``closeness`` how
        near it is to the rest. For these two, places and groups
        (:data:`UMBRELLA_TYPES`) are left out of the graph by default, as in
        :meth:`path`, since a chain through 承德 asserts nothing; they are then
        not ranked either. ``include_places=True`` keeps them.
        """
        try:
            func = MEASURES[measure]
        except KeyError:
            raise ArgumentError(
                f"unknown measure {measure!r}; use one of: {', '.join(MEASURES)}"
            ) from None
        g = nx.Graph()
        g.add_nodes_from(self._entities)
        g.add_edges_from((r.source, r.target) for r in self._relations.values())
        if measure != "degree" and not include_places:
            g.remove_nodes_from([e.id for e in self if e.type in UMBRELLA_TYPES])
        scores = func(g)
        ranked = sorted((self._entities[i] for i in g), key=lambda e: (-scores[e.id], e.id))
        return [(e, scores[e.id]) for e in ranked]

    def degree(self, name: str) -> int:
        """How many relations touch ``name``."""
        return len(self._incident[self.entity(name).id])

    def stats(self) -> dict[str, Any]:
        """Counts: entities, relations, sources, components, and by type and status."""
        return {
            "entities": len(self._entities),
            "relations": len(self._relations),
            "sources": len(self._sources),
            "components": self._components(),
            "entity_types": dict(
                Counter(str(e.type) for e in self._entities.values()).most_common()
            ),
            "relation_types": dict(
                Counter(str(r.type) for r in self._relations.values()).most_common()
            ),
            "statuses": dict(
                Counter(str(r.status) for r in self._relations.values()).most_common()
            ),
        }

    # -- output ----------------------------------------------------------------------------

    def to_html(
        self,
        path: str | Path | None = None,
        *,
        focus: str | None = None,
        depth: int = 2,
        types: str | Iterable[str] | None = None,
        statuses: str | Iterable[str] | None = None,
        lang: str = "zh",
    ) -> Path:
        """Write the interactive HTML explorer (default ``output/graph.html``); return its path."""
        from ._html import write_html

        return write_html(
            self.select(focus=focus, depth=depth, types=types, statuses=statuses),
            path,
            lang=lang,
            focus=self.entity(focus).id if focus is not None else None,
        )

    def to_pyvis(self, *, lang: str = "zh", height: str = "750px", width: str = "100%") -> Any:
        """A populated ``pyvis.network.Network`` of this graph (see ``graph._pyvis.to_pyvis``)."""
        from ._pyvis import to_pyvis

        return to_pyvis(self, lang=lang, height=height, width=width)

    def export(self, path: str | Path, format: str | None = None) -> Path:
        """Write the graph in ``format`` (default: from the suffix of ``path``); return the path.

        See :data:`graph.EXPORT_FORMATS` for the formats.
        """
        from ._export import export

        return export(self, path, format)

    def to_dict(self) -> Mapping[str, Any]:
        """A plain, JSON-ready dict of every entity, relation and source."""
        return {
            "entities": [e.to_dict() for e in self._entities.values()],
            "relations": [r.to_dict() for r in self._relations.values()],
            "sources": [
                {"id": s.id, "title": s.title, "title_en": s.title_en, "language": s.language}
                for s in self._sources.values()
            ],
        }
