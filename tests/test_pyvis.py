"""kg.to_pyvis: a populated pyvis Network, built without pyvis' quadratic helpers."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import HOSTILE_IMG, tree_kg
from pyvis.network import Network

import graph
from graph import _html
from graph._pyvis import to_pyvis


def test_same_nodes_edges_colours_and_shapes(sample_kg: graph.KnowledgeGraph) -> None:
    net = to_pyvis(sample_kg)
    assert isinstance(net, Network) and net.directed
    assert net.node_ids == [e.id for e in sample_kg]
    for e in sample_kg:
        node = net.node_map[e.id]
        assert node["label"] == e.name
        assert (node["color"], node["shape"]) == _html.TYPE_STYLE[e.type][1:]
        assert e.name in node["title"] and e.name_en in node["title"]
    assert [(x["from"], x["to"], x["id"]) for x in net.edges] == [
        (r.source, r.target, r.id) for r in sample_kg.relations()
    ]
    assert all("x" not in n for n in net.nodes)  # small graphs: vis-network's physics


def test_english_labels(sample_kg: graph.KnowledgeGraph) -> None:
    net = sample_kg.to_pyvis(lang="en")
    assert net.node_map["tianjin-university"]["label"] == "Tianjin University"
    with pytest.raises(graph.KGError, match="use one of: zh, en"):
        sample_kg.to_pyvis(lang="fr")


def test_titles_are_plain_text(hostile_data: Any) -> None:
    net = to_pyvis(graph.load(hostile_data))
    assert net.node_map["evil"]["title"].startswith(HOSTILE_IMG)  # the text, as text


def test_positions_when_precomputed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_html, "PHYSICS_LIMIT", 10)
    net = to_pyvis(tree_kg(30, branching=2))
    assert all(isinstance(n["x"], float) and n["physics"] is False for n in net.nodes)
    assert len({(n["x"], n["y"]) for n in net.nodes}) == 30


def test_built_without_add_node_add_edge_or_from_nx(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("quadratic pyvis helper called")

    for name in ("add_node", "add_nodes", "add_edge", "add_edges", "from_nx"):
        monkeypatch.setattr(Network, name, refuse)
    net = to_pyvis(tree_kg(3000, branching=3))
    assert len(net.nodes) == 3000 and len(net.edges) == 2999


def test_the_network_still_renders_and_toggles(sample_kg: graph.KnowledgeGraph) -> None:
    net = to_pyvis(sample_kg)
    net.toggle_physics(False)
    html = net.generate_html()
    assert "tianjin-university" in html
