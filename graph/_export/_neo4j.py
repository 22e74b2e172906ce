r"""Neo4j: CSV files for ``neo4j-admin database import`` and a Cypher script, in one folder.

The folder receives:

``entities.csv``
    Nodes, header ``id:ID(Entity),:LABEL,type,name,name_en,name_en_kind,
    aliases:string[],status,attributes,notes,notes_zh,evidence,
    evidence_quotes:string[]``. Every node has
    the label ``Entity`` plus one for its type in PascalCase (``University``,
    ``DevelopmentZone``, …).
``relations.csv``
    Relationships, header ``:START_ID(Entity),:END_ID(Entity),:TYPE,id,type,
    status,date,basis,event,attributes,notes,notes_zh,evidence,
    evidence_quotes:string[]``. The
    relationship type is the relation type in upper case (``SIGNED_AGREEMENT``).
``import.cypher``
    The same data as Cypher statements for a running database: a uniqueness
    constraint on ``Entity.id``, then ``UNWIND … MERGE`` batches (safe to run twice).
``README.md``
    The commands below, with the array delimiter this export used.

Every field of :class:`graph.Entity` and :class:`graph.Relation` (``graph._records.SCHEMA``)
is a property. Neo4j cannot store maps or ``null``: ``attributes`` and ``evidence`` (a list of
``{"source", "quote"}``) are JSON text, ``evidence_quotes`` holds just the quotes
as a string array, and a missing status or date, empty notes and empty lists
are not stored at all. Arrays are separated by ``;``, or, when a value holds a
``;``, by the first of ``| ^ ~`` that none holds (the README names it).
The files are UTF-8 without a byte-order mark; values may span lines, hence
``--multiline-fields=true``.

Load into an empty database (Neo4j 5; stop the database first)::

    neo4j-admin database import full neo4j --overwrite-destination=true \
        --nodes=entities.csv --relationships=relations.csv \
        --multiline-fields=true --array-delimiter=';'

or into a running one::

    cypher-shell -u neo4j -p <password> -f import.cypher
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import ExportError
from .._records import SCHEMA, Entity, FieldSpec, Kind, Relation
from ._attrs import to_json_text
from ._files import write_files

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = [
    "DESCRIPTION",
    "ENTITY_HEADER",
    "RELATION_HEADER",
    "cypher_literal",
    "label",
    "relationship_type",
    "write_neo4j",
]

DESCRIPTION = "CSV for neo4j-admin database import, plus a Cypher script and a README"


def _property(f: FieldSpec) -> str:
    return f.name + (":string[]" if f.kind is Kind.TEXTS else "")


def _properties(cls: type[Any], skip: Kind | None = None) -> list[str]:
    """The property columns of every field of ``cls`` (graph._records.SCHEMA), in
    order; evidence is followed by its quotes as a string array."""
    out: list[str] = []
    for f in SCHEMA[cls]:
        if f.kind is skip or (cls is Entity and f.name == "id"):
            continue
        out.append(_property(f))
        if f.kind is Kind.EVIDENCE:
            out.append(f"{f.name}_quotes:string[]")
    return out


ENTITY_HEADER = ("id:ID(Entity)", ":LABEL", *_properties(Entity))
RELATION_HEADER = (
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    *_properties(Relation, skip=Kind.END),
)
_DELIMITERS = (";", "|", "^", "~")
_BATCH = 500


def label(entity_type: str) -> str:
    """The Neo4j label of an entity type.

    >>> label("development_zone")
    'DevelopmentZone'
    """
    return "".join(part.capitalize() for part in entity_type.split("_"))


def relationship_type(relation_type: str) -> str:
    """The Neo4j relationship type of a relation type.

    >>> relationship_type("signed_agreement")
    'SIGNED_AGREEMENT'
    """
    return relation_type.upper()


def _quotes(evidence: Iterable[Mapping[str, str]]) -> list[str]:
    return [e["quote"] for e in evidence]


def _props(cls: type[Any], data: Mapping[str, Any], **given: Any) -> dict[str, Any]:
    """Properties of one node or relationship, from its ``kg.nx`` data, as Neo4j can
    store them (no null, no maps, no empty lists): a property per field of ``cls``
    (graph._records.SCHEMA) but the node's id and the relationship's ends."""
    props: dict[str, Any] = dict(given)
    for f in SCHEMA[cls]:
        if f.kind is Kind.END or f.name in props or (cls is Entity and f.name == "id"):
            continue
        value = data.get(f.name)
        if f.kind is Kind.TEXTS:
            props[f.name] = list(value or [])
        elif f.kind is Kind.MAPPING:
            props[f.name] = to_json_text(value or {})
        elif f.kind is Kind.EVIDENCE:
            props[f.name] = to_json_text(value or [])
            props[f"{f.name}_quotes"] = _quotes(value or [])
        else:
            props[f.name] = value
    return {k: v for k, v in props.items() if v not in (None, "", [])}


def _node_props(data: Mapping[str, Any]) -> dict[str, Any]:
    """Properties of one node, as Neo4j can store them (no null, no maps, no empty lists)."""
    return _props(Entity, data)


def _edge_props(key: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return _props(Relation, data, id=key)


def _array_delimiter(values: Iterable[str]) -> str:
    values = list(values)
    for delimiter in _DELIMITERS:
        if not any(delimiter in v for v in values):
            return delimiter
    raise ExportError(
        "every array delimiter Neo4j could use (" + " ".join(_DELIMITERS) + ") occurs in an "
        "alias or evidence quote; use the json or csv export instead"
    )


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _field(props: Mapping[str, Any], key: str, delimiter: str) -> str:
    value = props.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return delimiter.join(value)
    return str(value)


# -- Cypher ------------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def cypher_literal(value: Any) -> str:
    """``value`` (text, number, bool, list or map with text keys) as a Cypher literal.

    >>> cypher_literal({"name": "天津'大学", "aliases": ["a\\nb"]})
    "{`name`: '天津\\\\'大学', `aliases`: ['a\\\\nb']}"
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportError(f"{value} is not a finite number; Cypher cannot store it")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
            elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        items = (f"`{str(k).replace('`', '``')}`: {cypher_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise ExportError(f"cannot write {value!r} as a Cypher value")


def _batches(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def _rows_literal(rows: Sequence[Any]) -> str:
    """A list literal with one row per line, for people reading the script."""
    return "[\n  " + ",\n  ".join(cypher_literal(row) for row in rows) + "\n]"


def _cypher(kg: KnowledgeGraph) -> str:
    g = kg.nx
    lines = [
        "// The knowledge graph as Cypher, for a running Neo4j (4.4 or later).",
        "// Load with: cypher-shell -u neo4j -p <password> -f import.cypher",
        "// MERGE on ids: running it again updates the same nodes and relationships.",
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
        "",
    ]
    by_label: dict[str, list[dict[str, Any]]] = {}
    for n, d in g.nodes(data=True):
        by_label.setdefault(label(str(d.get("type", ""))), []).append(
            {"id": n, "props": _node_props(d)}
        )
    for lab, rows in by_label.items():
        for batch in _batches(rows):
            lines.append(f"UNWIND {_rows_literal(batch)} AS row")
            lines.append("MERGE (n:Entity {id: row.id})")
            lines.append(f"SET n:`{lab}`, n += row.props;")
            lines.append("")
    by_type: dict[str, list[dict[str, Any]]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        by_type.setdefault(relationship_type(str(d.get("type", ""))), []).append(
            {"source": u, "target": v, "id": k, "props": _edge_props(k, d)}
        )
    for rel, rows in by_type.items():
        for batch in _batches(rows):
            lines.append(f"UNWIND {_rows_literal(batch)} AS row")
            lines.append("MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})")
            lines.append(f"MERGE (a)-[r:`{rel}` {{id: row.id}}]->(b)")
            lines.append("SET r += row.props;")
            lines.append("")
    return "\n".join(lines)


_README = """\
# Neo4j import

Written by `kg.export(path, format="neo4j")`: {entities} entities, {relations} relations.

## Into an empty database: neo4j-admin (fast, database offline)

Run from this folder, with Neo4j's `bin/` on the PATH (Neo4j 5):

    neo4j stop
    neo4j-admin database import full neo4j --overwrite-destination=true \\
        --nodes=entities.csv --relationships=relations.csv \\
        --multiline-fields=true --array-delimiter='{delimiter}'
    neo4j start
    cypher-shell -u neo4j -p <password> \\
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"

Neo4j 4.4 spells the import `neo4j-admin import --database=neo4j --nodes=entities.csv
--relationships=relations.csv --multiline-fields=true --array-delimiter='{delimiter}'`.
`--overwrite-destination=true` replaces the database `neo4j`: leave it out to import
into a new one.

## Into a running database: Cypher

    cypher-shell -u neo4j -p <password> -f import.cypher

## What is where

Nodes: label `Entity` plus one per type (`University`, `DevelopmentZone`, …); properties
`id`, `type`, `name`, `name_en`, `name_en_kind` (official or translation), `aliases`
(list), `status`, `attributes` (JSON text), `notes`, `notes_zh`, `evidence` (JSON list of
{{"source", "quote"}}) and `evidence_quotes` (list).
Relationships: type in upper case (`SIGNED_AGREEMENT`, …); properties `id`, `type`,
`status`, `date`, `basis` (stated, unstated_subject or inferred), `event` (id of the
event entity), `attributes`, `notes`, `notes_zh`, `evidence`, `evidence_quotes`.
Missing values, empty notes and empty lists are not stored.

    MATCH (a:Entity {{name: '天津大学'}})-[r]-(b) RETURN a.name, type(r), r.status, b.name
"""


def files(kg: KnowledgeGraph) -> dict[str, bytes]:
    """The four files as ``{name: bytes}`` (what :func:`write_neo4j` writes)."""
    g = kg.nx
    nodes = [(n, d, _node_props(d)) for n, d in g.nodes(data=True)]
    edges = [(u, v, k, _edge_props(k, d)) for u, v, k, d in g.edges(keys=True, data=True)]
    array_values: list[str] = []
    for _, _, props in nodes:
        array_values += props.get("aliases", []) + props.get("evidence_quotes", [])
    for *_, props in edges:
        array_values += props.get("evidence_quotes", [])
    delimiter = _array_delimiter(array_values)
    entity_rows = (
        [
            n,
            delimiter.join(["Entity", label(str(d.get("type", "")))]),
            *(_field(props, col.split(":")[0], delimiter) for col in ENTITY_HEADER[2:]),
        ]
        for n, d, props in nodes
    )
    relation_rows = (
        [
            u,
            v,
            relationship_type(str(props.get("type", ""))),
            *(_field(props, col.split(":")[0], delimiter) for col in RELATION_HEADER[3:]),
        ]
        for u, v, _, props in edges
    )
    readme = _README.format(entities=len(nodes), relations=len(edges), delimiter=delimiter)
    return {
        "entities.csv": _csv(ENTITY_HEADER, entity_rows),
        "relations.csv": _csv(RELATION_HEADER, relation_rows),
        "import.cypher": _cypher(kg).encode("utf-8"),
        "README.md": readme.encode("utf-8"),
    }


def write_neo4j(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the Neo4j files into the folder ``path``; return it.

    >>> import graph, tempfile, pathlib
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> out = write_neo4j(kg, pathlib.Path(tempfile.mkdtemp()) / "neo4j")
    >>> (out / "entities.csv").read_text(encoding="utf-8").splitlines()[1]
    'a,Entity;Place,place,承德,Chengde,translation,,,{},,,[],'
    """
    return write_files(path, files(kg))
