"""CSV for spreadsheets and pandas: ``entities.csv`` and ``relations.csv`` in one folder.

Both files are UTF-8 with a byte-order mark (so Excel reads Chinese), a header
row, commas, ``"``-quoting where needed (values may hold commas, quotes and
line breaks; a value with ``;`` or a tab is quoted too, so that a spreadsheet whose
list separator is ``;`` cannot split it into cells) and CRLF line ends (RFC 4180).

``entities.csv`` has one row per entity, a column per field of
:class:`graph.Entity` (``graph._records.SCHEMA``):
``id, type, name, name_en, name_en_kind, aliases, status, attributes, notes,
notes_zh, evidence``.

``relations.csv`` has one row per relation, a column per field of
:class:`graph.Relation`:
``id, source, target, source_name, target_name, type, status, date, basis,
event, attributes, notes, notes_zh, evidence`` (``source_name`` and
``target_name`` are the Chinese names of the two entities, for reading;
``source`` and ``target`` are their ids).

``aliases`` (a list), ``attributes`` (a map) and ``evidence`` (a list of
``{"source": …, "quote": …}``) are JSON text; an absent ``status``, ``date`` or
``event`` is an empty cell.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``,
``-``, ``@``, tab or carriage return as a formula. Such a cell is written with
a leading apostrophe ``'``, and so is a cell that starts with an apostrophe,
so that :func:`unescape_cell` (drop one leading ``'``) always gives the value
back exactly.

Read it back with::

    import csv, json
    with open("out/entities.csv", encoding="utf-8-sig", newline="") as f:
        rows = [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(f)]

or ``pandas.read_csv("out/entities.csv", encoding="utf-8-sig")``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._records import SCHEMA, Entity, Relation
from ._attrs import flat_value
from ._files import write_files

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = [
    "DESCRIPTION",
    "ENTITY_COLUMNS",
    "RELATION_COLUMNS",
    "escape_cell",
    "unescape_cell",
    "write_csv",
]

DESCRIPTION = "entities.csv and relations.csv (UTF-8 with BOM) for spreadsheets and pandas"


def _columns(cls: type[Any], after_ends: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every field of ``cls`` (graph._records.SCHEMA), in order; ``after_ends`` follow
    a relation's ends."""
    out: list[str] = []
    for f in SCHEMA[cls]:
        out.append(f.name)
        if f.name == "target":
            out += after_ends
    return tuple(out)


ENTITY_COLUMNS = _columns(Entity)
RELATION_COLUMNS = _columns(Relation, ("source_name", "target_name"))

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(text: str) -> str:
    """``text`` safe from formula injection: a leading ``'`` when it could start a formula.

    >>> escape_cell("=1+1"), escape_cell("'quoted"), escape_cell("天津大学")
    ("'=1+1", "''quoted", '天津大学')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def unescape_cell(text: str) -> str:
    """The inverse of :func:`escape_cell`.

    >>> unescape_cell("'=1+1")
    '=1+1'
    """
    return text[1:] if text.startswith("'") else text


def _cell(value: Any) -> str:
    flat = flat_value(value, xml=False)
    if flat is None:
        return ""
    if isinstance(flat, bool):
        return "true" if flat else "false"
    return escape_cell(str(flat))


#: A field holding one of these is quoted: the comma, and the other list separators a
#: spreadsheet may split on (Excel in many locales uses ``;``; tab-separated imports).
_QUOTE_IF = re.compile('[,;\t"\r\n]')


def _field(text: str) -> str:
    """One CSV field: quoted (``"`` doubled) when it holds a separator of any locale.

    >>> _field("a;=1+1;b"), _field("天津大学")
    ('"a;=1+1;b"', '天津大学')
    """
    return '"' + text.replace('"', '""') + '"' if _QUOTE_IF.search(text) else text


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    buffer.write(",".join(_field(c) for c in columns) + "\r\n")
    for row in rows:
        buffer.write(",".join(_field(_cell(row.get(c))) for c in columns) + "\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def tables(kg: KnowledgeGraph) -> dict[str, bytes]:
    """The two files as ``{name: bytes}`` (what :func:`write_csv` writes)."""
    g = kg.nx
    entities = ({"id": n, **d} for n, d in g.nodes(data=True))
    relations = (
        {
            **d,
            "id": k,
            "source": u,
            "target": v,
            "source_name": g.nodes[u].get("name", ""),
            "target_name": g.nodes[v].get("name", ""),
        }
        for u, v, k, d in g.edges(keys=True, data=True)
    )
    return {
        "entities.csv": _table(ENTITY_COLUMNS, entities),
        "relations.csv": _table(RELATION_COLUMNS, relations),
    }


def write_csv(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``entities.csv`` and ``relations.csv`` into the folder ``path``; return it.

    >>> import graph, tempfile, pathlib
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> out = write_csv(kg, pathlib.Path(tempfile.mkdtemp()) / "csv")
    >>> (out / "entities.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    'a,place,承德,Chengde,translation,[],,{},,,[]'
    """
    return write_files(path, tables(kg))
