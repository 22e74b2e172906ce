"""NetworkX node-link JSON: one ``*.json`` file for JavaScript, web tools and Python.

The document is ``networkx.node_link_data(kg.nx, edges="edges")``: ``nodes``
(each with ``id`` and the node attributes), ``edges`` (each with ``source``,
``target``, ``key`` = relation id and the edge attributes) and ``graph``
(``sources``: id, title, title_en and language of each source document).
Nothing is flattened: lists stay lists, maps stay maps, absent values are
``null``. It is UTF-8 with Chinese written as Chinese, not ``\\uXXXX``.

Read it back with::

    g = networkx.node_link_graph(json.load(open("graph.json", encoding="utf-8")),
                                 edges="edges")

In D3 and similar tools, use ``data.nodes`` and ``data.edges`` (D3 calls them links).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .._atomic import write_text
from .._errors import ExportError
from ._attrs import _json_default

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = ["DESCRIPTION", "node_link", "write_json"]

DESCRIPTION = "NetworkX node-link JSON (UTF-8) for JavaScript and web tools"


def node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    """The node-link document of ``kg`` as a dict (what :func:`write_json` writes).

    >>> import graph
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> node_link(kg)["nodes"][0]["name_en"]
    'Chengde'
    """
    data: dict[str, Any] = nx.node_link_data(kg.nx, edges="edges")
    data["graph"] = {
        "sources": [
            {"id": s.id, "title": s.title, "title_en": s.title_en, "language": s.language}
            for s in kg.sources()
        ]
    }
    return data


def write_json(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as node-link JSON to ``path`` atomically; return the path.

    >>> import graph, tempfile, pathlib, json
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> p = write_json(kg, pathlib.Path(tempfile.mkdtemp()) / "kg.json")
    >>> '"承德"' in p.read_text(encoding="utf-8")
    True
    """
    try:
        text = json.dumps(
            node_link(kg), ensure_ascii=False, indent=2, default=_json_default, allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        raise ExportError(
            f"{exc}; attributes must be text, finite numbers, dates, lists or maps"
        ) from None
    return write_text(path, text + "\n")
