"""The query API on the real data, read like the README."""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest

import graph


@pytest.fixture(scope="module")
def kg() -> graph.KnowledgeGraph:
    return graph.load()


@pytest.mark.parametrize(
    "name",
    [
        "Tianjin University",
        "天津大学",
        "tianjin-university",
        "TIANJIN UNIVERSITY",
        "天津大學",
        "TJU",
    ],
)
def test_entity_by_any_name(kg: graph.KnowledgeGraph, name: str) -> None:
    assert kg.entity(name).id == "tianjin-university"


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Lulu", "露露股份"),
        ("Jingfukang", "颈复康药业"),
        ("Tsinghua", "清华大学"),
        ("CAS", "中国科学院"),
    ],
)
def test_aliases_users_type(kg: graph.KnowledgeGraph, alias: str, name: str) -> None:
    assert kg.entity(alias).name == name


def test_unknown_name_suggests(kg: graph.KnowledgeGraph) -> None:
    with pytest.raises(graph.UnknownEntityError) as info:
        kg.entity("Tianjin Univ")
    assert isinstance(info.value, KeyError) and isinstance(info.value, graph.KGError)
    assert "Tianjin University" in str(info.value)
    assert info.value.suggestions[0] == "Tianjin University"


def test_tianjin_university_partners(kg: graph.KnowledgeGraph) -> None:
    partners = {p.entity.name: p for p in kg.partners("天津大学")}
    assert "承德石油高等专科学校" in partners
    assert "露露股份" not in partners
    college = partners["承德石油高等专科学校"]
    assert not college.collective
    quotes = [ev.quote for r in college.relations for ev in r.evidence]
    assert "承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班" in quotes


def test_group_statement_is_collective_and_one_sided(kg: graph.KnowledgeGraph) -> None:
    partners = {p.entity.id: p for p in kg.partners("Lulu")}
    institutions = {
        "cas",
        "tsinghua-university",
        "peking-university",
        "beijing-forestry-university",
        "china-university-of-chinese-medicine",
        "icmm-cacms",
        "beihang-university",
    }
    assert set(partners) == institutions
    assert all(p.collective for p in partners.values())
    assert all(
        p.via is not None and p.via.type is graph.EntityType.COOPERATION for p in partners.values()
    )
    # enterprises on the same side of the group statement are not partners of each other
    assert "jingfukang" not in {p.entity.id for p in kg.partners("Lulu")}
    assert "lulu" not in {p.entity.id for p in kg.partners("Jingfukang")}
    assert "lulu" in {p.entity.id for p in kg.partners("清华大学")}


def test_no_bilateral_edge_between_group_members(kg: graph.KnowledgeGraph) -> None:
    enterprises = {"lulu", "jingfukang", "boguan", "bentesida"}
    for r in kg.relations():
        if r.source in enterprises:
            assert r.target == "enterprise-academia-cooperation"
            assert r.collective


def test_zone_partners_through_projects(kg: graph.KnowledgeGraph) -> None:
    partners = {p.entity.id: p for p in kg.partners("高新区")}
    assert partners["huarui-fusi"].via is None
    assert partners["tianjin-guojian-group"].via.id == "land-development-infrastructure"  # type: ignore[union-attr]
    assert partners["cultural-communication-companies"].collective
    assert not partners["tianjin-guojian-group"].collective


def test_path_and_no_path(kg: graph.KnowledgeGraph) -> None:
    steps = kg.path("露露股份", "清华大学")
    assert [(r.source, r.target) for r in steps] == [
        ("lulu", "enterprise-academia-cooperation"),
        ("tsinghua-university", "enterprise-academia-cooperation"),
    ]
    assert kg.path("承德石油高等专科学校", "天津大学")[0].type is graph.RelationType.COOPERATION
    with pytest.raises(graph.NoPathError, match="no chain of relations"):
        kg.path("露露股份", "天津大学")


def test_find(kg: graph.KnowledgeGraph) -> None:
    signed = {e.id for e in kg.find(type="project", status="signed")}
    assert {"tongfang-incubator-park", "land-development-infrastructure"} <= signed
    assert "international-health-city" not in signed
    assert all(e.type is graph.EntityType.PROJECT for e in kg.find(type="project"))
    assert [e.id for e in kg.find(text="idc")] == ["anyun-idc-data-centre"]
    with pytest.raises(graph.KGError, match="use one of"):
        kg.find(type="company")


def test_neighborhood(kg: graph.KnowledgeGraph) -> None:
    sub = kg.neighborhood("清华大学", depth=2)
    assert isinstance(sub, graph.KnowledgeGraph)
    ids = {e.id for e in sub.entities()}
    assert {"tsinghua-university", "enterprise-academia-cooperation", "lulu", "cas"} <= ids
    assert "chengde-hitech-zone" not in ids
    assert {e.id for e in kg.neighborhood("清华大学", depth=0).entities()} == {
        "tsinghua-university"
    }


def test_rank(kg: graph.KnowledgeGraph) -> None:
    top, score = kg.rank("degree")[0]
    assert top.id == "chengde-hitech-zone"
    assert score == pytest.approx(kg.degree("高新区") / (len(kg) - 1), rel=0.5)
    between = kg.rank("betweenness")
    assert between[0][0].id == "chengde-hitech-zone"
    assert [s for _, s in between] == sorted((s for _, s in between), reverse=True)
    with pytest.raises(graph.KGError, match="unknown measure"):
        kg.rank("pagerankk")


def test_stats(kg: graph.KnowledgeGraph) -> None:
    s = kg.stats()
    assert s["entities"] == len(kg.entities()) >= 50
    assert s["relations"] == len(kg.relations()) >= 50
    assert sum(s["entity_types"].values()) == s["entities"]
    assert sum(s["statuses"].values()) == s["relations"]


def test_nx_view(kg: graph.KnowledgeGraph) -> None:
    g = kg.nx
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(kg.entities())
    assert g.nodes["tianjin-university"]["name"] == "天津大学"
    assert g.nodes["tianjin-university"]["name_en"] == "Tianjin University"
    _, _, data = next(iter(g.edges(data=True)))
    assert {"type", "status", "evidence"} <= set(data)
    assert {"source", "quote"} == set(data["evidence"][0])
    with pytest.raises(nx.NetworkXError):
        g.add_node("x")  # frozen: queries cannot be corrupted
    assert nx.number_weakly_connected_components(g) >= 1  # any NetworkX algorithm works


def test_records_are_immutable(kg: graph.KnowledgeGraph) -> None:
    e = kg.entity("露露股份")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.attributes["sector"] = "x"  # type: ignore[index]
    assert "露露股份" in repr(e)
    r = kg.relations("天津大学")[0]
    assert "tianjin-university" in repr(r)
    assert len(set(kg.relations())) == len(kg.relations())  # hashable, usable in sets
    assert len(set(kg.entities())) == len(kg)


def test_counts_are_numbers_with_currency(kg: graph.KnowledgeGraph) -> None:
    inv = kg.entity("安云IDC大数据中心项目").attributes["investment"]
    assert (
        inv["amount"] == 3_000_000_000 and inv["currency"] == "CNY" and inv["text"] == "投资30亿元"
    )
    visits = {r.attributes["count"] for r in kg.relations() if r.type is graph.RelationType.VISIT}
    assert visits == {50, 27}
    assert kg.entity("12家国内知名文化传播企业").attributes["count"] == 12
    assert kg.entity("仪器仪表工程硕士班").attributes["planned_graduates"] == 100
    assert kg.entity("北京师范大学承德附属学校").attributes["opened"] == "--09-19"


def test_sentence_of_a_quote(kg: graph.KnowledgeGraph) -> None:
    source = kg.sources()[0]
    quote = "承德石油高等专科学校与天津大学合作"
    sentence, start, end = source.sentence(quote)
    assert sentence[start:end] == quote
    assert sentence.endswith("。") and "。" not in sentence[:-1]
