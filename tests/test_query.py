"""The query API on the real data, read like the README."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import random
from collections.abc import Callable
from pathlib import Path

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


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("Beihang", "beihang-university"),  # the start of one entity's names
        ("天津国建", "tianjin-guojian-group"),
        ("Peking Univ", "peking-university"),
        ("清华", "tsinghua-university"),  # the name without its type word 大学
        ("清華大學", "tsinghua-university"),  # traditional characters
        ("清华\u200b大学", "tsinghua-university"),  # an invisible character
        ("\u202e天津大学", "tianjin-university"),
    ],
)
def test_partial_and_lookalike_names_resolve(
    kg: graph.KnowledgeGraph, query: str, entity_id: str
) -> None:
    assert kg.entity(query).id == entity_id


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("天津大雪", "天津大学 (Tianjin University)"),  # Chinese query, Chinese names
        ("天津大", "天津大学 (Tianjin University)"),  # stops inside 大学: suggested, not taken
        ("北京大学院", "北京大学 (Peking University)"),
        ("Tianjn University", "Tianjin University"),  # English query, English names
        ("Tsinghau", "Tsinghua University"),
    ],
)
def test_suggestions_speak_the_querys_script(
    kg: graph.KnowledgeGraph, query: str, first: str
) -> None:
    with pytest.raises(graph.UnknownEntityError) as info:
        kg.entity(query)
    assert isinstance(info.value, KeyError) and isinstance(info.value, graph.KGError)
    assert info.value.suggestions[0] == first
    assert first in str(info.value) and "did you mean" in str(info.value)
    chinese = any("\u4e00" <= c <= "\u9fff" for c in query)
    for suggestion in info.value.suggestions:
        assert any("\u4e00" <= c <= "\u9fff" for c in suggestion.split(" (")[0]) == chinese


def test_in_agrees_with_entity(kg: graph.KnowledgeGraph) -> None:
    assert "Beihang" in kg and "清華大學" in kg and "tianjin-university" in kg
    assert "nothing-here" not in kg and "University" not in kg and 42 not in kg


def test_several_candidates_give_a_did_you_mean_list(kg: graph.KnowledgeGraph) -> None:
    with pytest.raises(graph.UnknownEntityError) as info:
        kg.entity("University")
    assert len(info.value.suggestions) >= 3
    assert "Tianjin University" in info.value.suggestions or len(info.value.suggestions) == 8


@pytest.mark.parametrize("query", ["nothing-here", "zzzz", "量子计算机", "x"])
def test_unrelated_names_get_no_suggestion(kg: graph.KnowledgeGraph, query: str) -> None:
    with pytest.raises(graph.UnknownEntityError) as info:
        kg.entity(query)
    assert info.value.suggestions == ()
    assert "kg find" in str(info.value)


def test_lookup_key_drops_format_characters_and_simplifies() -> None:
    from graph._kg import _key

    assert _key("清华\u200b大学") == _key("清华大学") == _key("清華大學") == _key(" 清华 大学 ")
    assert _key("Tsing\u00adhua\ufeff") == _key("TSINGHUA")
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0x202E, 0x2066, 0xFEFF, 0xFE0F, 0xE0101):
        assert _key(f"清{chr(cp)}华") == "清华", hex(cp)


def test_every_format_character_is_invisible_to_lookups() -> None:
    import sys
    import unicodedata

    from graph._kg import _key

    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) == "Cf":
            assert _key(f"清{chr(cp)}华") == "清华", f"U+{cp:04X}"


@pytest.mark.parametrize("lookalike", ["清华\u200b大学", "清華大學", "清华大学\u2060"])
def test_loader_refuses_lookalike_names(make_data: Callable[..., Path], lookalike: str) -> None:
    from _helpers import SAMPLE_ENTITIES

    twin = {
        "id": "twin",
        "type": "university",
        "name": lookalike,
        "name_en": "Twin",
        "evidence": [{"source": "report", "quote": "清华大学"}],
    }
    with pytest.raises(graph.DataError, match="is also used by 'tsinghua-university'"):
        graph.load(make_data(entities=[*SAMPLE_ENTITIES, twin]))


def test_names_index_stays_bounded_at_scale() -> None:
    from graph._names import SCAN_CAP, NameIndex

    index = NameIndex()
    for i in range(20_000):
        index.add(f"Firm {i} Holdings", f"e{i}")
    assert index.get("firm 12345 holdings") == "e12345"
    prefix, inner, _ = index.partial("Firm 1")
    assert len(prefix) + len(inner) <= SCAN_CAP  # ambiguous, and the scan stopped early
    assert index.partial("12345 Hold") == ([], ["e12345"], [])
    assert index.close("Firm 12345 Holdigns")[0] == "e12345"


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


def test_records_and_graphs_pickle_and_deepcopy(kg: graph.KnowledgeGraph) -> None:
    # for multiprocessing and caches: the read-only attribute mappings travel as dicts
    again = pickle.loads(pickle.dumps(kg))
    assert again.stats() == kg.stats()
    assert again.entities() == kg.entities() and again.relations() == kg.relations()
    e = copy.deepcopy(kg.entity("安云IDC大数据中心项目"))
    assert e == kg.entity("安云IDC大数据中心项目")
    with pytest.raises(TypeError):
        e.attributes["sector"] = "x"  # type: ignore[index]  # still read-only
    assert again.path("露露股份", "清华大学") == kg.path("露露股份", "清华大学")


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


# -- what the user meant: statuses, chains, centrality, partners ----------------------------


def test_find_status_is_the_entitys_own(kg: graph.KnowledgeGraph) -> None:
    for status in graph.Status:
        found = kg.find(status=status.value)
        assert all(e.status is status for e in found), status
        assert "chengde-hitech-zone" not in {e.id for e in found}
    with_status = {e.id for e in kg if e.status is not None}
    assert {e.id for s in graph.Status for e in kg.find(status=s.value)} == with_status


def test_relations_by_status_and_type(kg: graph.KnowledgeGraph) -> None:
    signed = kg.relations(status="signed")
    assert signed and all(r.status is graph.Status.SIGNED for r in signed)
    assert len(signed) == sum(r.status is graph.Status.SIGNED for r in kg.relations())
    coop = kg.relations("天津大学", type="cooperation")
    assert coop and all(
        r.type is graph.RelationType.COOPERATION and "tianjin-university" in (r.source, r.target)
        for r in coop
    )
    with pytest.raises(graph.KGError, match="unknown relation type"):
        kg.relations(type="friends")


def _ent(eid: str, etype: str) -> graph.Entity:
    ev = (graph.Evidence("s", "甲与乙合作"),)
    return graph.Entity(eid, graph.EntityType(etype), eid, eid, evidence=ev)


def _rel(a: str, b: str, rtype: str = "cooperation", basis: str = "stated") -> graph.Relation:
    ev = (graph.Evidence("s", "甲与乙合作"),)
    return graph.Relation(
        f"{a}--{rtype}--{b}",
        a,
        b,
        graph.RelationType(rtype),
        graph.Status.SIGNED,
        evidence=ev,
        basis=graph.Basis(basis),
        notes="" if basis == "stated" else "a reading",
    )


@pytest.fixture
def umbrella_kg() -> graph.KnowledgeGraph:
    """university -- place -- zone (short), and university -- firm -- lab -- zone (long)."""
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    ents = [
        _ent("uni", "university"),
        _ent("city", "place"),
        _ent("crowd", "group"),
        _ent("zone", "development_zone"),
        _ent("firm", "enterprise"),
        _ent("lab", "research_institute"),
    ]
    rels = [
        _rel("uni", "city", "located_in"),
        _rel("zone", "city", "located_in"),
        _rel("uni", "crowd"),
        _rel("crowd", "zone"),
        _rel("uni", "firm"),
        _rel("lab", "firm", basis="inferred"),
        _rel("zone", "lab"),
    ]
    return graph.KnowledgeGraph(ents, rels, [src])


def test_path_does_not_pass_through_places_or_groups(umbrella_kg: graph.KnowledgeGraph) -> None:
    steps = umbrella_kg.path("uni", "zone")
    assert [(r.source, r.target) for r in steps] == [
        ("uni", "firm"),
        ("lab", "firm"),
        ("zone", "lab"),
    ]
    assert [r.basis for r in steps] == [
        graph.Basis.STATED,
        graph.Basis.INFERRED,  # each step says what it rests on
        graph.Basis.STATED,
    ]
    short = umbrella_kg.path("uni", "zone", through_all=True)
    assert len(short) == 2 and {"city", "crowd"} & {short[0].target}
    # a place may end a chain
    assert [r.target for r in umbrella_kg.path("firm", "city")] == ["firm", "city"]


def test_no_path_says_when_only_a_place_joins_them() -> None:
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    kg = graph.KnowledgeGraph(
        [_ent("a", "enterprise"), _ent("b", "university"), _ent("city", "place")],
        [_rel("a", "city", "located_in"), _rel("b", "city", "located_in")],
        [src],
    )
    with pytest.raises(graph.NoPathError, match="through_all=True"):
        kg.path("a", "b")
    assert len(kg.path("a", "b", through_all=True)) == 2


def test_path_is_a_shortest_chain_like_networkx() -> None:
    rng = random.Random(7)
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    for _ in range(30):
        n = rng.randint(2, 40)
        ents = [_ent(f"n{i}", "enterprise") for i in range(n)]
        pairs = {(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 2 * n))}
        rels = [_rel(f"n{a}", f"n{b}") for a, b in pairs if a != b]
        kg = graph.KnowledgeGraph(ents, rels, [src])
        u = kg.nx.to_undirected(as_view=True)
        a, b = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
        if nx.has_path(u, a, b):
            steps = kg.path(a, b)
            assert len(steps) == nx.shortest_path_length(u, a, b)
            here = a
            for r in steps:  # consecutive steps chain from a to b
                assert here in (r.source, r.target)
                here = r.other(here)
            assert here == b
        else:
            with pytest.raises(graph.NoPathError):
                kg.path(a, b)


def test_rank_leaves_places_and_groups_out_of_betweenness(
    umbrella_kg: graph.KnowledgeGraph, kg: graph.KnowledgeGraph
) -> None:
    for measure in ("betweenness", "closeness"):
        ranked = {e.id for e, _ in umbrella_kg.rank(measure)}
        assert ranked == {"uni", "zone", "firm", "lab"}
        everyone = {e.id for e, _ in umbrella_kg.rank(measure, include_places=True)}
        assert everyone == {e.id for e in umbrella_kg}
        assert all(
            e.type not in (graph.EntityType.PLACE, graph.EntityType.GROUP)
            for e, _ in kg.rank(measure)
        )
    assert len(umbrella_kg.rank("degree")) == len(umbrella_kg)


def test_partners_are_organisations_never_projects(kg: graph.KnowledgeGraph) -> None:
    from graph._kg import PARTNER_TYPES

    for e in kg:
        for p in kg.partners(e.id):
            assert p.entity.type in PARTNER_TYPES, (e.id, p.entity.id)
            assert p.entity.id != e.id


def test_zone_partners_include_the_bot_investor_of_its_project(kg: graph.KnowledgeGraph) -> None:
    investors = {
        r.source
        for r in kg.relations(type=["invests_in", "builds_operates"])
        if r.target in {x.other("chengde-hitech-zone") for x in kg.relations("高新区")}
    }
    assert investors, "the data should hold the BOT investor of a zone project"
    partners = {p.entity.id: p for p in kg.partners("高新区")}
    for investor in investors:
        assert investor in partners
        assert partners[investor].via is not None or partners[investor].relations


def test_zone_is_not_in_the_group_statement(kg: graph.KnowledgeGraph) -> None:
    partners = {p.entity.id for p in kg.partners("高新区")}
    members = {r.source for r in kg.relations("enterprise-academia-cooperation")}
    assert members and not partners & members


def test_empty_selection_is_refused(kg: graph.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(graph.KGError, match="keeps no entity"):
        kg.to_html(tmp_path / "g.html", types=["university", "enterprise"], statuses=["signed"])
    assert not (tmp_path / "g.html").exists()


def test_neighborhood_stats_and_rank_agree_with_networkx() -> None:
    """They run on the adjacency the graph keeps; NetworkX on kg.nx gives the same."""
    rng = random.Random(11)
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    for _ in range(30):
        n = rng.randint(1, 40)
        ents = [_ent(f"n{i}", "enterprise") for i in range(n)]
        pairs = {(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 2 * n))}
        rels = [_rel(f"n{a}", f"n{b}") for a, b in pairs if a != b]
        kg = graph.KnowledgeGraph(ents, rels, [src])
        fresh = graph.KnowledgeGraph(ents, rels, [src])
        centre, depth = f"n{rng.randrange(n)}", rng.randint(0, 3)
        ours = fresh.neighborhood(centre, depth)
        components = fresh.stats()["components"]
        ranked = [(e.id, round(s, 9)) for e, s in fresh.rank("degree")]
        assert fresh._nx is None  # none of these needed the NetworkX graph
        u = kg.nx.to_undirected(as_view=True)
        assert {e.id for e in ours} == set(nx.ego_graph(u, centre, radius=depth).nodes)
        assert components == nx.number_weakly_connected_components(kg.nx)
        scores = nx.degree_centrality(nx.Graph(u))
        assert ranked == sorted(
            ((i, round(s, 9)) for i, s in scores.items()), key=lambda p: (-p[1], p[0])
        )


def test_queries_do_not_build_the_networkx_graph(kg: graph.KnowledgeGraph) -> None:
    fresh = graph.KnowledgeGraph(kg.entities(), kg.relations(), kg.sources())
    fresh.entity("天津大学")
    partner = fresh.partners("天津大学")[0].entity.id
    assert fresh.path("天津大学", partner)
    fresh.neighborhood("天津大学", 2)
    fresh.stats()
    assert fresh._nx is None
    assert fresh.nx.number_of_nodes() == len(fresh)
    assert fresh.nx is fresh.nx  # built once, then kept


def test_the_sentence_of_a_quote_is_the_one_the_explorer_shows() -> None:
    """Source.sentence and the page use one rule (graph._sentences): an ASCII full stop
    before a space ends a sentence, and at most 300 characters stand on each side."""
    from graph._sentences import CONTEXT

    text = (
        "First part. Tianjin University signed it. Then more\n"
        + "长" * 1000
        + "甲与乙合作"
        + "长" * 1000
    )
    source = graph.Source("s", "标题", "Title", "zh-Hans", text)
    assert source.sentence("signed")[0] == "Tianjin University signed it."
    sentence, start, end = source.sentence("甲与乙合作")
    assert sentence[start:end] == "甲与乙合作"
    assert len(sentence) == 2 * CONTEXT + len("甲与乙合作")
