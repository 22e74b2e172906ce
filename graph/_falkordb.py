"""Share a graph through a FalkorDB server: :func:`push` writes, :func:`load_from` reads.

FalkorDB is a graph database server that speaks openCypher (and the Redis
protocol). In it the graph is stored as below: a property per field of each
record (``graph._records.SCHEMA``; none for a field that is None):

- ``(:Entity {id, type, name, name_en, name_en_kind, aliases, status, notes,
  notes_zh, attributes, evidence_sources, evidence_quotes, keys})``,
- ``(:Entity)-[:RELATION {id, type, status, date, basis, event, notes, notes_zh,
  attributes, evidence_sources, evidence_quotes}]->(:Entity)``, and
- ``(:Source {id, title, title_en, language, text_path, raw_path, date,
  processing, notes, text})``, with ``(:Entity)-[:CITES]->(:Source)`` for every
  source an entity's evidence quotes.

``attributes`` is JSON text (Cypher maps hold no nested values); evidence is
two parallel lists, ``evidence_sources[i]`` and ``evidence_quotes[i]``;
``keys`` holds the lookup keys of every name, so a window can be asked for by
any name, as in :meth:`KnowledgeGraph.entity`. Every write is a ``MERGE`` by
``id`` inside ``UNWIND $rows``, with the data passed as query parameters, so
pushing twice leaves one copy and no value of the data is ever read as Cypher.

Addresses look like ``falkordb://HOST:PORT/GRAPH`` (``falkordb://user:password@HOST:PORT/GRAPH``
with a password; the port defaults to 6379). The ``falkordb`` client lives in
the ``server`` extra: ``pip install 'kg-regional-cooperation[server]'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from ._errors import (
    ArgumentError,
    ExportError,
    MissingExtraError,
    NotFoundError,
    ReadError,
    ServerError,
    UnknownEntityError,
)
from ._kg import KnowledgeGraph
from ._names import key as name_key
from ._records import (
    SCHEMA,
    Entity,
    Evidence,
    Kind,
    Relation,
    Source,
    from_plain,
    plain,
    thaw,
)

__all__ = ["BATCH", "ServerAddress", "load_from", "parse_url", "push"]

R = TypeVar("R")

#: Records per ``UNWIND`` batch.
BATCH = 2000

_EXTRA = "pip install 'kg-regional-cooperation[server]'"


@dataclass(frozen=True)
class ServerAddress:
    """Where a graph lives on a FalkorDB server."""

    host: str
    port: int
    graph: str
    username: str | None = None
    password: str | None = None

    def __str__(self) -> str:  # never shows the password
        return f"falkordb://{self.host}:{self.port}/{self.graph}"


def parse_url(url: str) -> ServerAddress:
    """``falkordb://[user[:password]@]HOST[:PORT]/GRAPH`` as a :class:`ServerAddress`.

    >>> parse_url("falkordb://localhost:6380/cooperation")
    ServerAddress(host='localhost', port=6380, graph='cooperation', username=None, password=None)
    """
    example = "falkordb://localhost:6379/cooperation"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # falkordb://[127.0.0.1/g: an unclosed IPv6 bracket
        raise ArgumentError(
            f"{url!r} is not a valid address ({exc}); write it like {example}"
        ) from None
    if parts.scheme != "falkordb":
        raise ArgumentError(f"{url!r} is not a FalkorDB address; write it like {example}")
    try:
        port = parts.port if parts.port is not None else 6379
    except ValueError:
        raise ArgumentError(f"{url!r} has no valid port; write it like {example}") from None
    if not 1 <= port <= 65535:
        raise ArgumentError(f"{url!r} has no valid port (1 to 65535); write it like {example}")
    graph = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not graph or "/" in graph:
        raise ArgumentError(f"{url!r} needs a host and a graph name; write it like {example}")
    return ServerAddress(
        parts.hostname,
        port,
        graph,
        unquote(parts.username) if parts.username else None,
        unquote(parts.password) if parts.password else None,
    )


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def _connect(address: ServerAddress) -> Any:
    try:
        from falkordb import FalkorDB  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtraError(
            f"talking to a FalkorDB server needs the falkordb client: {_EXTRA}", extra="server"
        ) from None
    import redis

    try:
        db = FalkorDB(
            host=address.host,
            port=address.port,
            username=address.username,
            password=address.password,
        )
        db.connection.ping()
    except redis.exceptions.RedisError as exc:
        raise ServerError(
            f"cannot reach the FalkorDB server at {address.host}:{address.port} ({exc}); "
            "start it (e.g. docker run -p 6379:6379 falkordb/falkordb) or check the address"
        ) from None
    return db.select_graph(address.graph)


def _query(graph: Any, cypher: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
    import redis

    try:
        return list(graph.query(cypher, params).result_set)
    except redis.exceptions.RedisError as exc:
        raise ServerError(f"the FalkorDB server refused a query: {exc}") from None


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _props(record: Entity | Relation | Source) -> dict[str, Any]:
    """The properties of a record: one per field of its schema (graph._records.SCHEMA)
    but a relation's ends, which are its endpoints; none for a field that is None.
    Attributes are JSON text, evidence two parallel lists."""
    props: dict[str, Any] = {}
    for f in SCHEMA[type(record)]:
        value = getattr(record, f.name)
        if f.kind is Kind.END or value is None:
            continue
        if f.kind is Kind.MAPPING:
            props[f.name] = json.dumps(thaw(value), ensure_ascii=False)
        elif f.kind is Kind.EVIDENCE:
            props[f"{f.name}_sources"] = [e.source for e in value]
            props[f"{f.name}_quotes"] = [e.quote for e in value]
        else:
            props[f.name] = plain(f, value)
    return props


def _entity_row(e: Entity) -> dict[str, Any]:
    props = _props(e)
    props["keys"] = sorted({name_key(n) for n in (e.id, e.name, e.name_en, *e.aliases) if n})
    return {"id": e.id, "props": props, "sources": sorted({ev.source for ev in e.evidence})}


def _relation_row(r: Relation) -> dict[str, Any]:
    return {"id": r.id, "source": r.source, "target": r.target, "props": _props(r)}


def _source_row(s: Source) -> dict[str, Any]:
    return {"id": s.id, "props": _props(s)}


_INDEXES = (
    "CREATE INDEX FOR (e:Entity) ON (e.id)",
    "CREATE INDEX FOR (s:Source) ON (s.id)",
    "CREATE INDEX FOR ()-[r:RELATION]-() ON (r.id)",
)
_MERGE_SOURCES = "UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row.props"
_MERGE_ENTITIES = "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e = row.props"
_MERGE_CITES = (
    "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) "
    "UNWIND row.sources AS sid MATCH (s:Source {id: sid}) MERGE (e)-[:CITES]->(s)"
)
_MERGE_RELATIONS = (
    "UNWIND $rows AS row "
    "MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target}) "
    "MERGE (a)-[r:RELATION {id: row.id}]->(b) SET r = row.props"
)


def push(kg: KnowledgeGraph, url: str, *, batch: int = BATCH) -> dict[str, int]:
    """Write ``kg`` (entities, relations, evidence, sources) into the FalkorDB graph at ``url``.

    Idempotent: records are merged by id, so pushing the same graph twice leaves
    one copy, and pushing a changed graph updates the records it holds (records
    missing from ``kg`` are left in place). Returns the counts written.

    >>> graph.push(kg, "falkordb://localhost:6379/cooperation")  # doctest: +SKIP
    {'sources': 1, 'entities': 61, 'relations': 112}
    """
    address = parse_url(url)
    if batch < 1:
        raise ArgumentError(f"batch must be 1 or more, not {batch}")
    sources = [_source_row(s) for s in kg.sources()]
    entities = [_entity_row(e) for e in kg]
    relations = [_relation_row(r) for r in kg.relations()]
    for what, rows in (("source", sources), ("entity", entities), ("relation", relations)):
        for row in rows:  # checked before anything is written: never a partial push
            if _has_nul(row):
                raise ExportError(
                    f"{what} {str(row.get('id'))!r} holds a NUL character, which FalkorDB "
                    "cannot store; remove it from the data and push again"
                )
    graph = _connect(address)
    import redis

    for statement in _INDEXES:
        try:
            graph.query(statement)
        except redis.exceptions.ResponseError as exc:  # already there
            if "already indexed" not in str(exc) and "exists" not in str(exc):
                raise ServerError(f"the FalkorDB server refused an index: {exc}") from None
    from ._progress import bar

    work = [
        (_MERGE_SOURCES, sources),
        (_MERGE_ENTITIES, entities),
        (_MERGE_CITES, entities),
        (_MERGE_RELATIONS, relations),
    ]
    total = sum(len(rows) for _, rows in work)
    with bar(total, f"push to {address}", unit="records") as progress:
        for cypher, rows in work:
            for chunk in _batches(rows, batch):
                _query(graph, cypher, {"rows": list(chunk)})
                progress.update(len(chunk))
    return {"sources": len(sources), "entities": len(entities), "relations": len(relations)}


# -- reading back ----------------------------------------------------------------------------


def _record(cls: type[R], props: dict[str, Any], **given: Any) -> R:
    """A record from the properties :func:`_props` wrote."""
    plain_props = dict(props)
    for f in SCHEMA[cls]:
        if f.kind is Kind.MAPPING:
            plain_props[f.name] = json.loads(props.get(f.name) or "{}")
        elif f.kind is Kind.EVIDENCE:
            sources = props.get(f"{f.name}_sources") or []
            quotes = props.get(f"{f.name}_quotes") or []
            plain_props[f.name] = [
                Evidence(str(s), str(q)) for s, q in zip(sources, quotes, strict=True)
            ]
    return from_plain(cls, plain_props, **given)


def _entity(props: dict[str, Any]) -> Entity:
    return _record(Entity, props)


def _relation(source: str, target: str, props: dict[str, Any]) -> Relation:
    return _record(Relation, props, source=source, target=target)


def _source(props: dict[str, Any]) -> Source:
    return _record(Source, props)


def _find_center(graph: Any, name: str) -> str:
    rows = _query(graph, "MATCH (e:Entity {id: $id}) RETURN e.id", {"id": name})
    if not rows:
        rows = _query(
            graph,
            "MATCH (e:Entity) WHERE $key IN e.keys RETURN e.id LIMIT 2",
            {"key": name_key(name)},
        )
    if len(rows) != 1:
        raise UnknownEntityError(name, [])
    return str(rows[0][0])


def _window(graph: Any, center: str, depth: int) -> list[str]:
    """The ids within ``depth`` relations of ``center``, either direction, level by level."""
    seen = {center}
    frontier = [center]
    for _ in range(depth):
        if not frontier:
            break
        found: set[str] = set()
        for chunk in _batches([{"id": i} for i in frontier], BATCH):
            rows = _query(
                graph,
                "UNWIND $ids AS id MATCH (:Entity {id: id})-[:RELATION]-(n:Entity) "
                "RETURN DISTINCT n.id",
                {"ids": [row["id"] for row in chunk]},
            )
            found.update(str(r[0]) for r in rows)
        frontier = sorted(found - seen)
        seen.update(frontier)
    return sorted(seen)


def load_from(url: str, *, focus: str | None = None, depth: int = 2) -> KnowledgeGraph:
    """A :class:`KnowledgeGraph` read from the FalkorDB graph at ``url``.

    With ``focus`` (an id or any name, as :meth:`KnowledgeGraph.entity` takes),
    only the ego network of that entity within ``depth`` relations comes back,
    as :meth:`KnowledgeGraph.neighborhood` would give it; without, everything.
    Only the sources its evidence quotes come along.

    >>> kg = graph.load_from("falkordb://localhost:6379/cooperation",
    ...                      focus="天津大学", depth=2)  # doctest: +SKIP
    """
    address = parse_url(url)
    if depth < 0:
        raise ArgumentError(f"depth must be 0 or more, not {depth}")
    graph = _connect(address)
    if focus is None:
        node_rows = _query(graph, "MATCH (e:Entity) RETURN properties(e)")
        edge_rows = _query(
            graph, "MATCH (a:Entity)-[r:RELATION]->(b:Entity) RETURN a.id, b.id, properties(r)"
        )
    else:
        ids = _window(graph, _find_center(graph, focus), depth)
        node_rows, edge_rows = [], []
        for chunk in _batches([{"id": i} for i in ids], BATCH):
            params = {"ids": [row["id"] for row in chunk]}
            node_rows += _query(
                graph, "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN properties(e)", params
            )
            edge_rows += _query(
                graph,
                "UNWIND $ids AS id MATCH (a:Entity {id: id})-[r:RELATION]->(b:Entity) "
                "RETURN a.id, b.id, properties(r)",
                params,
            )
        keep = set(ids)
        edge_rows = [row for row in edge_rows if row[1] in keep]
    if not node_rows:
        raise NotFoundError(
            f"the graph {address} holds no entities; fill it with kg push {address}"
        )
    try:
        entities = [_entity(row[0]) for row in node_rows]
        relations = [_relation(str(a), str(b), props) for a, b, props in edge_rows]
        relations.sort(key=lambda r: r.id)
        records: list[Entity | Relation] = [*entities, *relations]
        cited = sorted({ev.source for rec in records for ev in rec.evidence})
        source_rows = _query(
            graph,
            "UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN properties(s)",
            {"ids": cited},
        )
        sources = [_source(row[0]) for row in source_rows]
    except (KeyError, ValueError, TypeError) as exc:
        raise ReadError(
            f"the graph {address} holds records this version cannot read ({exc!r}); "
            "push them again with kg push"
        ) from None
    entities.sort(key=lambda e: e.id)
    return KnowledgeGraph(entities, relations, sources)
