"""Integrity of the curated data: everything traceable to its sentence of the source,
and no record saying more than its quote."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

import graph
from graph import Basis, EntityType, NameKind, RelationType


@pytest.fixture(scope="module")
def kg() -> graph.KnowledgeGraph:
    return graph.load(graph.DEFAULT_DATA)


ZONE = "chengde-hitech-zone"

# Relations whose quotes do not name one of their ends (by name or alias), each with
# the reason a reader accepts it. Reviewed by reading the source; a new relation
# that lacks an end's name fails test_relation_quotes_name_both_ends until it is
# reviewed and added here, and an entry that no longer applies fails too.
_UNSTATED = "the sentence has no subject; the zone, the report's author, is read as the actor"
_GROUP = "the cooperation node stands for the group statement the quote makes"
_JINGJIN = "京津 in the group's name abbreviates 北京 and 天津"
QUOTE_LACKS_END: Mapping[str, str] = {
    **{
        f"{member}--participates_in--enterprise-academia-cooperation": _GROUP
        for member in (
            "lulu",
            "jingfukang",
            "boguan",
            "bentesida",
            "cas",
            "tsinghua-university",
            "peking-university",
            "beijing-forestry-university",
            "china-university-of-chinese-medicine",
            "icmm-cacms",
            "beihang-university",
        )
    },
    **{
        f"{ZONE}--{rel}": _UNSTATED
        for rel in (
            "establishes--jjj-leading-group",
            "establishes--jjj-working-group",
            "adopts--working-mechanisms",
            "adopts--policy-research",
            "adopts--preferential-policies",
            "adopts--case-by-case-service",
            "adopts--nanny-style-service",
            "adopts--flexible-land-supply",
            "adopts--agency-investment-promotion",
            "adopts--all-staff-investment-promotion",
            "agency_agreement--huarui-fusi",
            "visit--jj-bodies-and-enterprises",
            "signed_agreement--tongfang-incubator-park",
            "signed_agreement--beijing-li-science-park",
            "signed_agreement--eagle-eye-police-drone",
            "signed_agreement--xuncheng-ecommerce-park",
            "signed_agreement--caaa-project",
            "signed_agreement--foton-northern-vehicle-project",
            "signed_agreement--foton-engine-project",
            "signed_agreement--land-development-infrastructure",
            "works_on--anyun-idc-data-centre",
            "works_on--medical-health-industrial-park",
            "works_on--zhongguancun-chengde-building",
            "works_on--baihenan-wastewater-plant",
            "works_on--national-book-reserve",
            "negotiation--international-health-city",
            "negotiation--beijing-fuhuan",
            "organises--cultural-industry-project-launch",
            "letter_of_intent--cultural-communication-companies",
            "letter_of_intent--wanmei-jianxin",
            "draws_on--dagougun-tv-series",
        )
    },
    "jj-bodies-and-enterprises--located_in--tianjin": _JINGJIN,
    "jj-business-visitors--located_in--tianjin": _JINGJIN,
}

# Entities no relation joins, each with the reason: the source names them but
# states no relation for them that can be recorded honestly.
UNRELATED: Mapping[str, str] = {
    "zone-party-working-committee": "named only in the title of the leading group's head",
    "zone-administrative-committee": "named only in the title of the leading group's head",
    "bente-biomass-boiler": "listed as a demonstration project; who listed it is not said",
    "beijing-shenyang-hsr": "only its demolition work is said to have started, by nobody named",
}

# Names the curators had to mend or complete; each says why in its notes.
MENDED_NAMES = {
    "chengde-hitech-zone",  # 承德 + 高新区
    "anyun-idc-data-centre",  # idc -> IDC
    "beijing-li-science-park",  # the lost character
    "enterprise-academia-cooperation",  # a group statement has no name of its own
    "caaa-project",  # "…等项目": the project carries the institute's name
    "foton-northern-vehicle-project",
    "foton-engine-project",
    "case-by-case-service",  # “一事一议”和“保姆式”服务
}


def test_every_quote_is_in_its_source(kg: graph.KnowledgeGraph) -> None:
    records = [*kg.entities(), *kg.relations()]
    assert all(r.evidence for r in records), "every entity and relation carries evidence"
    for record in records:
        for ev in record.evidence:
            assert ev.quote in kg.source(ev.source).text, (record, ev.quote)


def test_entity_names_are_in_the_source(kg: graph.KnowledgeGraph) -> None:
    text = kg.sources()[0].text
    for e in kg.entities():
        if e.id in MENDED_NAMES:
            continue
        assert e.name in text, e.id


def test_mended_names_say_why(kg: graph.KnowledgeGraph) -> None:
    text = kg.sources()[0].text
    for eid in MENDED_NAMES:
        e = kg.entity(eid)
        assert e.name not in text, f"{eid} is verbatim now; drop it from MENDED_NAMES"
        if e.type is EntityType.MEASURE:  # a name shared by a distributive phrase
            assert any(part in text for part in re.findall(r"“[^”]+”", e.name)), eid
        else:
            assert e.notes and e.notes_zh, f"{eid}: say in notes why the name is not verbatim"


def test_names_are_simplified(kg: graph.KnowledgeGraph) -> None:
    for e in kg.entities():
        assert graph.normalize(e.name) == e.name, e.id


def _named(e: graph.Entity, quotes: list[str]) -> bool:
    return any(n in q for n in (e.name, *e.aliases) for q in quotes)


def test_relation_quotes_name_both_ends(kg: graph.KnowledgeGraph) -> None:
    lacking = {}
    for r in kg.relations():
        quotes = [ev.quote for ev in r.evidence]
        missing = [end for end in (r.source, r.target) if not _named(kg.entity(end), quotes)]
        if missing:
            lacking[r.id] = missing
    unreviewed = sorted(set(lacking) - set(QUOTE_LACKS_END))
    stale = sorted(set(QUOTE_LACKS_END) - set(lacking))
    assert not unreviewed, f"review these and add them to QUOTE_LACKS_END: {unreviewed}"
    assert not stale, f"these name both ends now; drop them from QUOTE_LACKS_END: {stale}"


def test_unstated_subjects_are_marked_as_readings(kg: graph.KnowledgeGraph) -> None:
    for rid, reason in QUOTE_LACKS_END.items():
        r = kg.relation(rid)
        if reason == _UNSTATED:
            assert r.basis is Basis.UNSTATED_SUBJECT, rid
            assert r.inferred
            assert "zone" in r.notes and "高新区" in r.notes_zh, rid


def test_readings_explain_themselves_in_both_languages(kg: graph.KnowledgeGraph) -> None:
    readings = [r for r in kg.relations() if r.basis is not Basis.STATED]
    assert readings
    for r in readings:
        assert r.notes and r.notes_zh, r.id


def test_isolated_entities_are_reviewed(kg: graph.KnowledgeGraph) -> None:
    lonely = {e.id for e in kg.entities() if kg.degree(e.id) == 0}
    assert lonely == set(UNRELATED)
    for eid in UNRELATED:
        assert kg.entity(eid).notes, f"{eid}: say in notes why nothing is related"


def test_the_report_is_covered(kg: graph.KnowledgeGraph) -> None:
    """Every organisation-like name in the report is an entity."""
    text = kg.sources()[0].text
    names = set(
        re.findall(r"[\u4e00-\u9fff]+(?:大学|研究院|研究所|有限公司|集团|学校|科学院)", text)
    )
    known = {n for e in kg.entities() for n in (e.name, *e.aliases)}
    missing = {n for n in names if not any(k in n or n.endswith(k) for k in known)}
    assert not missing, missing


def test_counts_in_the_report_are_kept(kg: graph.KnowledgeGraph) -> None:
    found = set()
    for record in [*kg.entities(), *kg.relations()]:
        for value in record.attributes.values():
            if isinstance(value, int) and not isinstance(value, bool):
                found.add(value)
            if hasattr(value, "get") and isinstance(value.get("amount"), int):
                found.add(value["amount"])
    assert {50, 27, 12, 100, 3, 3_000_000_000} <= found


def test_amounts_belong_to_what_they_measure(kg: graph.KnowledgeGraph) -> None:
    """An investment figure sits on the project, never on a relation (a CSV row of
    the zone's relation must not read as if the zone invested it)."""
    for r in kg.relations():
        for value in r.attributes.values():
            assert not (hasattr(value, "get") and "amount" in value), r.id
    anyun = kg.entity("Anyun IDC")
    assert anyun.attributes["investment"]["amount"] == 3_000_000_000


def test_types_follow_what_the_sentence_names(kg: graph.KnowledgeGraph) -> None:
    for e in kg.find(type="university"):
        assert e.name.endswith("大学"), e.id
    assert kg.entity("承德石油高等专科学校").type is EntityType.COLLEGE
    # "中国航天空气动力研究院、福田北方车辆研究院及福田发动机工艺研究院等项目已签署了合作协议":
    # projects, in preliminary work, and no institute is linked to them
    for name in ("中国航天空气动力研究院", "福田北方车辆研究院", "福田发动机工艺研究院"):
        e = kg.entity(name)
        assert e.type is EntityType.PROJECT, name
        assert e.status is graph.Status.PRELIMINARY_WORK
        assert {kg.entity(r.other(e.id)).type for r in kg.relations(e.id)} == {
            EntityType.DEVELOPMENT_ZONE
        }


def test_english_names_say_what_they_are(kg: graph.KnowledgeGraph) -> None:
    official = {e.id for e in kg.entities() if e.name_en_kind is NameKind.OFFICIAL}
    assert {"tsinghua-university", "tianjin-university", "lulu"} <= official
    # names that match no real institution never look official
    for name in ("中国中医药大学", "中国中医科技院中药研究所"):
        e = kg.entity(name)
        assert e.name_en_kind is NameKind.TRANSLATION
        assert "as written" in e.name_en and "not guessed" in e.notes
    # an English name that adds words the source does not have says why
    for e in kg.entities():
        for word, zh in (("Group", "集团组"), ("Chengde", "承德"), ("National", "国家")):
            if word in e.name_en and not any(ch in e.name for ch in zh):
                assert word in e.notes, f"{e.id}: notes must say why the English adds {word!r}"
        if e.name_en_kind is NameKind.TRANSLATION and e.type in (
            EntityType.ENTERPRISE,
            EntityType.UNIVERSITY,
            EntityType.RESEARCH_INSTITUTE,
            EntityType.DEVELOPMENT_ZONE,
        ):
            assert re.search(r"translat|transliterat", e.notes), (
                f"{e.id}: say the English is a translation"
            )


def test_notes_come_in_both_languages(kg: graph.KnowledgeGraph) -> None:
    for record in [*kg.entities(), *kg.relations()]:
        if record.notes:
            assert record.notes_zh, f"{record.id}: add notes_zh"


def test_what_the_zone_did_has_an_answer_with_quotes(kg: graph.KnowledgeGraph) -> None:
    adopted = [r for r in kg.relations(ZONE) if r.type is RelationType.ADOPTS]
    measures = {kg.entity(r.target).name for r in adopted}
    assert {"弹性供地实施办法", "全员招商", "代理招商合作模式", "“一事一议”服务"} <= measures
    assert all(r.evidence for r in adopted)
    goals = {kg.entity(r.target).name for r in kg.relations() if r.type is RelationType.AIMS_AT}
    assert {"高新区产业倍增", "加快承德地区仪器仪表高端人才的培养"} <= goals


def test_letters_of_intent_link_to_the_launch_where_one_sentence_states_both(
    kg: graph.KnowledgeGraph,
) -> None:
    loi = kg.relation(f"{ZONE}--letter_of_intent--cultural-communication-companies")
    assert loi.event == "cultural-industry-project-launch"
    launch = kg.entity(loi.event)
    assert any(launch.name in ev.quote and "12家" in ev.quote for ev in loi.evidence), (
        "one quote states both"
    )


def test_the_bot_investor_invests(kg: graph.KnowledgeGraph) -> None:
    plant = kg.entity("白河南污水处理厂")
    investors = {r.source for r in kg.relations(plant.id) if r.type is RelationType.INVESTS_IN}
    assert investors == {"china-aviation-intl-construction"}


def test_no_status_the_text_does_not_give(kg: graph.KnowledgeGraph) -> None:
    # "京沈高铁客运专线拆迁工作全面启动": only the demolition work has started
    assert kg.entity("京沈高铁").status is None
    # the platforms are sought, not set up, and nobody is said to seek them
    for name in ("仪器仪表博士工作站", "院士工作室"):
        e = kg.entity(name)
        assert e.status is graph.Status.PLANNED
        assert not [r for r in kg.relations(e.id) if r.type is RelationType.SEEKS]
    # one person holds both posts: neither committee is said to lead the group
    assert not [r for r in kg.relations() if r.type is RelationType.LEADS]


def test_group_statement_keeps_its_seven_and_four(kg: graph.KnowledgeGraph) -> None:
    coop = kg.entity("enterprise-academia-cooperation")
    roles: dict[str, set[str]] = {}
    for r in kg.relations(coop.id):
        roles.setdefault(r.attributes["role"], set()).add(r.source)
        assert r.collective
    assert len(roles["enterprise"]) == coop.attributes["enterprises_named"] == 4
    assert len(roles["institution"]) == coop.attributes["institutions_named"] == 7
    # the zone reports it but is not said to take part
    assert ZONE not in {r.other(coop.id) for r in kg.relations(coop.id)}


def test_lost_character_is_not_guessed(kg: graph.KnowledgeGraph) -> None:
    e = kg.entity("北京力??萍纸@项目")
    assert "□" in e.name
    assert "lost" in e.notes
