"""The graph as a populated :class:`pyvis.network.Network`, for pyvis users.

The explorer (:mod:`graph._html`) does not use pyvis' templates; people who know
pyvis may still want its object to keep ``show_buttons()``, ``toggle_physics()``
and their own templates. :func:`to_pyvis` fills one in linear time: pyvis'
``add_node``/``add_edge`` check membership in lists (quadratic) and ``from_nx``
copies the caller's graph, so the node and edge dicts are appended directly, in the
shape ``add_node``/``add_edge`` would give them.

Nodes get the explorer's colours and shapes by entity type and a size by number of
relations; titles are plain text (name, English name, type; for relations the type,
status and first quote), never markup; positions are set when the explorer would
precompute them (more than :data:`graph._html.PHYSICS_LIMIT` entities).

>>> import graph
>>> net = to_pyvis(graph.load())
>>> len(net.nodes) == len(graph.load()) and net.directed
True
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

from . import _html
from ._html import RELATION_LABELS, STATUS_STYLE, TYPE_STYLE, _check_lang
from ._layout import radial_layout

if TYPE_CHECKING:
    from ._kg import KnowledgeGraph

__all__ = ["to_pyvis"]

_DASHES = {"done": False, "underway": [10, 6], "prospective": [3, 5]}


def to_pyvis(
    kg: KnowledgeGraph,
    *,
    lang: str = "zh",
    height: str = "750px",
    width: str = "100%",
    notebook: bool = False,
    cdn_resources: str = "local",
) -> Any:
    """A :class:`pyvis.network.Network` holding every entity and relation of ``kg``.

    Parameters
    ----------
    kg
        The graph (or any selection of it).
    lang
        ``"zh"`` or ``"en"``: the language of labels and titles.
    height, width, notebook, cdn_resources
        Passed to :class:`pyvis.network.Network`.

    Returns
    -------
    pyvis.network.Network
        Directed; one node per entity (id = entity id), one edge per relation.

    Raises
    ------
    graph.KGError
        When ``lang`` is unknown.

    Examples
    --------
    >>> import graph
    >>> net = graph.load().to_pyvis(lang="en")
    >>> net.node_map["tianjin-university"]["label"]
    'Tianjin University'
    """
    _check_lang(lang)
    from pyvis.network import Network  # a dependency: without it the install is broken

    net = Network(
        height=height,
        width=width,
        directed=True,
        notebook=notebook,
        cdn_resources=cdn_resources,
    )
    entities = kg.entities()
    relations = kg.relations()
    degree: Counter[str] = Counter()
    for r in relations:
        degree[r.source] += 1
        degree[r.target] += 1
    positions = (
        radial_layout([e.id for e in entities], ((r.source, r.target) for r in relations))
        if len(entities) > _html.PHYSICS_LIMIT
        else None
    )
    en = lang == "en"
    for e in entities:
        type_zh, color, shape = TYPE_STYLE[e.type]
        type_name = str(e.type).replace("_", " ") if en else type_zh
        node: dict[str, Any] = {
            "id": e.id,
            "label": e.name_en if en and e.name_en else e.name,
            "shape": shape,
            "color": color,
            "size": round(10 + 5 * math.sqrt(degree[e.id]), 1),
            "title": "\n".join(x for x in (e.name, e.name_en, type_name) if x),
            "group": str(e.type),
        }
        if positions is not None:
            node["x"], node["y"] = positions[e.id]
            node["physics"] = False
        net.nodes.append(node)
        net.node_ids.append(e.id)
        net.node_map[e.id] = node
    for r in relations:
        label = RELATION_LABELS[r.type][1 if en else 0]
        status = str(r.status).replace("_", " ") if en else STATUS_STYLE[r.status][0]
        quote = r.evidence[0].quote if r.evidence else ""
        net.edges.append(
            {
                "from": r.source,
                "to": r.target,
                "arrows": "to",
                "id": r.id,
                "label": label,
                "title": "\n".join(x for x in (f"{label} · {status}", quote) if x),
                "dashes": _DASHES[STATUS_STYLE[r.status][1]],
            }
        )
    return net
