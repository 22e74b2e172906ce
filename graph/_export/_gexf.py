"""GEXF 1.2: one ``*.gexf`` file for Gephi and ``networkx.read_gexf``.

The attributes are those of the GraphML export (see
:mod:`graph._export._graphml`), with two differences that GEXF imposes:

* a node's ``label`` is its Chinese name, an edge's ``label`` its relation type;
* the relation type is also written as ``relation_type``, because GEXF keeps the
  edge attribute ``type`` for the edge direction (``directed``).

Edge ids are the relation ids. The file is the same on every run: the
``lastmodifieddate`` networkx would set to today's date is left out (GEXF makes
it optional). Read it back with::

    g = networkx.read_gexf("graph.gexf")   # a MultiDiGraph, keys = relation ids
    g.edges[u, v, key]["relation_type"]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from networkx.readwrite.gexf import GEXFWriter

from .._atomic import atomic_open
from ._graphml import labelled_graph

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = ["DESCRIPTION", "write_gexf"]

DESCRIPTION = "GEXF 1.2 file for Gephi and networkx.read_gexf"


def write_gexf(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as GEXF 1.2 to ``path`` atomically; return the path.

    >>> import graph, tempfile, pathlib, networkx as nx
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> p = write_gexf(kg, pathlib.Path(tempfile.mkdtemp()) / "kg.gexf")
    >>> nx.read_gexf(p).nodes["a"]["label"]
    '承德'
    """
    g = labelled_graph(kg)
    for _, _, data in g.edges(data=True):
        if "type" in data:
            data["relation_type"] = data.pop("type")
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # today's date: the file would change daily
    writer.add_graph(g)
    with atomic_open(path, "wb") as handle:
        writer.write(handle)
    return Path(path)
