"""The attribute normaliser every export shares: one mapping from graph data to flat values.

The graph's nodes and edges carry lists, dicts, ``None`` and text with any
character in it (see :attr:`graph.KnowledgeGraph.nx`). Tabular and XML formats
take only flat values, so every exporter except ``json`` writes the graph that
:func:`flat_graph` returns, where:

=====================  ==============================================================
value                  becomes
=====================  ==============================================================
``None``               dropped (the attribute is absent from that node or edge)
``date``, ``datetime`` ISO 8601 text, e.g. ``"2015-09-19"``
list, tuple, dict      JSON text, UTF-8 as written (``ensure_ascii=False``), e.g.
                       ``'["承德高新区"]'``; dates inside become ISO text too
``str``                kept; for XML (``xml=True``) characters XML 1.0 forbids
                       (C0 controls except tab and line feed, lone surrogates,
                       U+FFFE, U+FFFF) are removed and ``\\r\\n`` / ``\\r`` become
                       ``\\n``, since XML readers turn every line break into ``\\n``
``bool``, ``int``,     kept, unless one key holds values of several types: then
``float``              ``int`` and ``float`` together become ``float``, and any other
                       mix becomes text for every value of that key (one type per
                       key, which GEXF and GraphML need to read the file back)
=====================  ==============================================================

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", aliases=["甲", "A"], status=None, notes="x\\x00y")
>>> flat_graph(g).nodes["a"]
{'aliases': '["甲", "A"]', 'notes': 'xy'}
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .._errors import ExportError

__all__ = ["Flat", "clean_text", "flat_graph", "flat_value", "to_json_text"]

#: A value every tabular or XML format can hold.
Flat = str | int | float | bool

# Characters XML 1.0 does not allow (section 2.2), as a pattern.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("\r\n?")


def clean_text(text: str, *, xml: bool = True) -> str:
    """Text an XML file can hold and read back unchanged (``xml=False``: ``text`` as is).

    >>> clean_text("a\\r\\nb\\x0bc")
    'a\\nbc'
    """
    if not xml:
        return text
    return _XML_ILLEGAL.sub("", _LINE_BREAK.sub("\n", text))


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot export a value of type {type(value).__name__}: {value!r}")


def to_json_text(value: Any) -> str:
    """``value`` as compact, UTF-8-friendly JSON text; dates become ISO strings.

    >>> to_json_text({"role": "甲方", "year": 2015})
    '{"role": "甲方", "year": 2015}'
    """
    try:
        return json.dumps(value, ensure_ascii=False, default=_json_default, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ExportError(
            f"{exc}; attributes must be text, finite numbers, dates, lists or maps"
        ) from None


def flat_value(value: Any, *, xml: bool = True) -> Flat | None:
    """One attribute value as a flat value (see the table above); ``None`` stays ``None``.

    >>> flat_value(["a", "b"])
    '["a", "b"]'
    >>> flat_value(dt.date(2015, 9, 19))
    '2015-09-19'
    """
    if value is None:
        return None
    if isinstance(value, str):
        return clean_text(value, xml=xml)
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportError(f"{value} is not a finite number; attributes must be finite numbers")
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping | list | tuple):
        return clean_text(to_json_text(value), xml=xml)
    return clean_text(str(value), xml=xml)


def _flat_attrs(data: Mapping[str, Any], xml: bool) -> dict[str, Flat]:
    out: dict[str, Flat] = {}
    for key, value in data.items():
        flat = flat_value(value, xml=xml)
        if flat is not None:
            out[clean_text(str(key), xml=xml)] = flat
    return out


def _unify(records: Iterable[dict[str, Flat]]) -> None:
    """Give every key one type across ``records``, in place."""
    records = list(records)
    types: dict[str, set[type]] = {}
    for data in records:
        for key, value in data.items():
            types.setdefault(key, set()).add(type(value))
    for key, seen in types.items():
        if len(seen) < 2:
            continue
        if seen == {int, float}:
            convert: Any = float
        else:
            convert = _as_text
        for data in records:
            if key in data:
                data[key] = convert(data[key])


def _as_text(value: Flat) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _check_id(value: object, what: str, xml: bool) -> str:
    text = str(value)
    if xml and clean_text(text) != text:
        raise ExportError(
            f"the {what} {text!r} holds a control character or line break that XML cannot "
            "store; give it a plain id"
        )
    return text


def flat_graph(g: nx.MultiDiGraph, *, xml: bool = True) -> nx.MultiDiGraph:
    """A copy of ``g`` whose node and edge attributes are flat values, one type per key.

    Node ids and edge keys are kept; :class:`graph.ExportError` is raised when
    one of them holds a character XML cannot store (``xml=True``). Graph-level
    attributes are flattened the same way.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="r1", n=1)
    'r1'
    >>> g.add_edge("a", "b", key="r2", n="two")
    'r2'
    >>> sorted(d["n"] for _, _, d in flat_graph(g).edges(data=True))
    ['1', 'two']
    """
    out = nx.MultiDiGraph()
    out.graph.update(_flat_attrs(g.graph, xml))
    nodes = [(_check_id(n, "entity id", xml), _flat_attrs(d, xml)) for n, d in g.nodes(data=True)]
    edges = [
        (
            _check_id(u, "entity id", xml),
            _check_id(v, "entity id", xml),
            _check_id(k, "relation id", xml),
            _flat_attrs(d, xml),
        )
        for u, v, k, d in g.edges(keys=True, data=True)
    ]
    _unify(d for _, d in nodes)
    _unify(d for *_, d in edges)
    out.add_nodes_from(nodes)
    out.add_edges_from(edges)
    return out
