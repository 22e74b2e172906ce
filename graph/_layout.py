"""A small, pure-Python graph layout whose cost grows linearly with the graph.

The HTML explorer lets vis-network's physics place small graphs. Physics does not
scale (thousands of nodes take minutes to settle in a browser), so for large graphs
positions are computed here, once, at export time, and the page opens with physics off.

NetworkX's layouts need numpy, which is not a dependency of this project, and a
force-directed layout costs O(n²) per iteration. :func:`radial_layout` instead lays
each connected component out as a radial tree around its best-connected node
(breadth-first rings, each subtree given an angle in proportion to its leaves), then
packs the components in rows, largest first. Every step is O(n + m) except the sort
of components, and the result is deterministic: the same graph gives the same
picture.

>>> pos = radial_layout(["a", "b", "c"], [("a", "b"), ("a", "c")])
>>> sorted(pos) == ["a", "b", "c"]
True
>>> math.dist(pos["a"], pos["b"]) == math.dist(pos["a"], pos["c"])  # "a" is the centre
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["radial_layout"]


def radial_layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    spacing: float = 60.0,
) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for ``nodes`` joined by ``edges`` (direction ignored).

    Parameters
    ----------
    nodes
        Node ids, in a stable order (ties are broken by it).
    edges
        Pairs of node ids; pairs naming unknown nodes are ignored.
    spacing
        The least distance between two rings and, roughly, between neighbours on a ring.

    Returns
    -------
    dict
        One ``(x, y)`` per node, in canvas units, components side by side.
    """
    index = {n: i for i, n in enumerate(nodes)}
    adj: list[list[int]] = [[] for _ in nodes]
    seen: set[tuple[int, int]] = set()
    for a, b in edges:
        i, j = index.get(a), index.get(b)
        if i is None or j is None or i == j:
            continue
        key = (i, j) if i < j else (j, i)
        if key in seen:
            continue
        seen.add(key)
        adj[i].append(j)
        adj[j].append(i)

    placed: list[tuple[float, list[tuple[int, float, float]]]] = []
    done = [False] * len(nodes)
    for start in range(len(nodes)):
        if done[start]:
            continue
        component = _component(start, adj, done)
        placed.append(_radial(component, adj, spacing))

    pos: list[tuple[float, float]] = [(0.0, 0.0)] * len(nodes)
    for (cx, cy), (_, members) in zip(_pack(placed, spacing), placed, strict=True):
        for i, x, y in members:
            pos[i] = (round(cx + x, 1), round(cy + y, 1))
    return {n: pos[i] for n, i in index.items()}


def _component(start: int, adj: list[list[int]], done: list[bool]) -> list[int]:
    """The nodes connected to ``start``, marked done."""
    done[start] = True
    out = [start]
    k = 0
    while k < len(out):
        for j in adj[out[k]]:
            if not done[j]:
                done[j] = True
                out.append(j)
        k += 1
    return out


def _radial(
    component: list[int], adj: list[list[int]], spacing: float
) -> tuple[float, list[tuple[int, float, float]]]:
    """Lay one component out around its highest-degree node; return (radius, positions)."""
    root = max(component, key=lambda i: (len(adj[i]), -i))
    # Local indices 0..k-1 in breadth-first order keep every table a short list.
    local = {root: 0}
    order = [root]
    parent = [0]
    depth = [0]
    k = 0
    while k < len(order):
        for v in adj[order[k]]:
            if v not in local:
                local[v] = len(order)
                order.append(v)
                parent.append(k)
                depth.append(depth[k] + 1)
        k += 1
    size = len(order)
    children: list[list[int]] = [[] for _ in range(size)]
    for v in range(1, size):
        children[parent[v]].append(v)
    leaves = [1] * size
    for v in range(size - 1, 0, -1):
        if children[v]:
            leaves[v] = sum(leaves[c] for c in children[v])
    leaves[0] = sum(leaves[c] for c in children[0]) or 1

    # Ring radii: at least 1.5 spacings apart, and wide enough for the nodes on them;
    # the root's own neighbours get 2.5 spacings each, so that a hub's ring stays legible.
    per_ring = [0] * (depth[-1] + 1)
    for d in depth:
        per_ring[d] += 1
    radius = [0.0]
    for d in range(1, len(per_ring)):
        arc = spacing * (2.5 if d == 1 else 1.0)
        radius.append(max(radius[-1] + spacing * 1.5, per_ring[d] * arc / (2 * math.pi)))

    lo = [0.0] * size
    hi = [2 * math.pi] * size
    out: list[tuple[int, float, float]] = [(root, 0.0, 0.0)]
    for v in range(size):
        if v:
            angle = (lo[v] + hi[v]) / 2
            r = radius[depth[v]]
            out.append((order[v], r * math.cos(angle), r * math.sin(angle)))
        if children[v]:
            step = (hi[v] - lo[v]) / sum(leaves[c] for c in children[v])
            at = lo[v]
            for c in children[v]:
                lo[c] = at
                at += step * leaves[c]
                hi[c] = at
    return radius[-1] + spacing, out


def _pack(
    placed: Sequence[tuple[float, list[tuple[int, float, float]]]], spacing: float
) -> list[tuple[float, float]]:
    """Centres for components of the given radii, in rows, largest first."""
    order = sorted(range(len(placed)), key=lambda k: (-placed[k][0], k))
    area = sum((2 * r) ** 2 for r, _ in placed)
    width = max(math.sqrt(area) * 1.2, max((2 * r for r, _ in placed), default=0.0))
    centres: list[tuple[float, float]] = [(0.0, 0.0)] * len(placed)
    x = y = row_height = 0.0
    for k in order:
        r = placed[k][0]
        if x > 0 and x + 2 * r > width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        centres[k] = (x + r, y + r)
        x += 2 * r + spacing / 2
        row_height = max(row_height, 2 * r)
    return centres
