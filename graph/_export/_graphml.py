"""GraphML: one ``*.graphml`` file for Gephi, yEd, Cytoscape and ``networkx.read_graphml``.

Nodes keep the entity id, edges the relation id (also as the edge ``id``
attribute). Attributes are those of :attr:`graph.KnowledgeGraph.nx`, flattened
by :func:`graph._export._attrs.flat_graph`: ``aliases``, ``attributes`` and
``evidence`` are JSON text, absent ``status`` and ``date`` are left out, and
text is made XML-safe. Every node also gets ``label`` (its Chinese name) and
every edge ``label`` (its relation type), which Gephi shows.

Read it back with::

    g = networkx.read_graphml("graph.graphml", force_multigraph=True)
    evidence = json.loads(g.nodes["tianjin-university"]["evidence"])
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .._atomic import atomic_open
from ._attrs import flat_graph

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = ["DESCRIPTION", "labelled_graph", "write_graphml"]

DESCRIPTION = "GraphML file for Gephi, yEd, Cytoscape and networkx.read_graphml"


def labelled_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The flat, XML-safe graph with ``label`` on every node (name) and edge (type)."""
    g = flat_graph(kg.nx)
    for _, data in g.nodes(data=True):
        data["label"] = data.get("name", "")
    for _, _, data in g.edges(data=True):
        data["label"] = data.get("type", "")
    return g


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as GraphML to ``path`` atomically; return the path.

    >>> import graph, tempfile, pathlib, networkx as nx
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> p = write_graphml(kg, pathlib.Path(tempfile.mkdtemp()) / "kg.graphml")
    >>> nx.read_graphml(p).nodes["a"]["name"]
    '承德'
    """
    g = labelled_graph(kg)
    with atomic_open(path, "wb") as handle:
        nx.write_graphml(g, handle, encoding="utf-8", prettyprint=True)
    return Path(path)
