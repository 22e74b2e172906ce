"""The extractor, on synthetic Chinese text written for these tests (invented names)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from _ingest_docs import SYNTHETIC_REPORT

import graph
from graph._ingest._extract import KnownName, Proposals, RelationProposal, extract

TITLE = SYNTHETIC_REPORT.splitlines()[0]


@pytest.fixture(scope="module")
def proposals() -> Proposals:
    return extract(graph.normalize(SYNTHETIC_REPORT), title=TITLE)


def _rel(p: Proposals, source: str, rtype: str, target: str) -> RelationProposal:
    found = [r for r in p.relations if (r.source, str(r.type), r.target) == (source, rtype, target)]
    assert found, f"no {source} -{rtype}-> {target} in {[r.key for r in p.relations]}"
    return found[0]


def _types(p: Proposals) -> dict[str, str]:
    return {e.name: str(e.type) for e in p.entities}


def test_new_entities_from_head_words_lists_and_counts(proposals: Proposals) -> None:
    types = _types(proposals)
    expected = {
        "青禾高新区": "development_zone",
        "星河大学": "university",
        "江北理工大学": "university",
        "明远科技有限公司": "enterprise",
        "蓝湾药业": "enterprise",
        "云杉数据中心项目": "project",
        "白鹭物流园项目": "project",
        "青禾新材料产业园项目": "project",
        "东川建工集团": "enterprise",
        "滨河路桥工程": "project",
        "青禾招商推介会": "event",
        "8家知名物流企业": "group",
        "青禾职业技术学院": "college",
        "机电工程硕士班": "programme",
        "飞地经济合作模式": "measure",
        "提升园区承载能力": "goal",
    }
    for name, etype in expected.items():
        assert types.get(name) == etype, (name, types.get(name))


def test_every_quote_is_verbatim(proposals: Proposals) -> None:
    text = graph.normalize(SYNTHETIC_REPORT)
    quotes = [q for e in proposals.entities for q in e.quotes] + [
        r.quote for r in proposals.relations
    ]
    assert quotes
    assert all(q and q in text for q in quotes)
    assert all(e.quotes for e in proposals.entities)


def test_group_statement_is_one_node_never_bilateral(proposals: Proposals) -> None:
    coops = [e for e in proposals.entities if str(e.type) == "cooperation"]
    assert len(coops) == 1
    node = coops[0]
    assert node.name == "企业与高校的产学研合作"
    members = {
        r.source for r in proposals.relations if r.target == node.ref and r.attributes["collective"]
    }
    assert members == {"明远科技有限公司", "蓝湾药业", "星河大学", "江北理工大学"}
    roles = {r.source: r.attributes["role"] for r in proposals.relations if r.target == node.ref}
    assert roles["蓝湾药业"] == "企业" and roles["江北理工大学"] == "高校"
    firms, schools = {"明远科技有限公司", "蓝湾药业"}, {"星河大学", "江北理工大学"}
    for r in proposals.relations:
        assert not ({r.source, r.target} & firms and {r.source, r.target} & schools), r


@pytest.mark.parametrize(
    ("source", "rtype", "status", "target"),
    [
        ("青禾高新区", "signed_agreement", "signed", "星河大学"),
        ("青禾高新区", "works_on", "preliminary_work", "云杉数据中心项目"),
        ("青禾高新区", "works_on", "site_selected", "白鹭物流园项目"),
        ("青禾高新区", "works_on", "about_to_start", "青禾新材料产业园项目"),
        ("东川建工集团", "participates_in", "signed", "滨河路桥工程"),
        ("青禾高新区", "signed_agreement", "signed", "滨河路桥工程"),
        ("青禾高新区", "organises", "held", "青禾招商推介会"),
        ("青禾招商推介会", "held_at", "held", "星河会展中心"),
        ("青禾高新区", "letter_of_intent", "intent", "8家知名物流企业"),
        ("星河大学", "cooperation", "opened", "青禾职业技术学院"),
        ("星河大学", "participates_in", "opened", "机电工程硕士班"),
        ("青禾职业技术学院", "participates_in", "opened", "机电工程硕士班"),
        ("青禾高新区", "adopts", "exploring", "飞地经济合作模式"),
        ("飞地经济合作模式", "aims_at", "stated", "提升园区承载能力"),
    ],
)
def test_relations_and_statuses_from_cue_words(
    proposals: Proposals, source: str, rtype: str, status: str, target: str
) -> None:
    assert str(_rel(proposals, source, rtype, target).status) == status


def test_unstated_subject_is_marked(proposals: Proposals) -> None:
    r = _rel(proposals, "青禾高新区", "works_on", "白鹭物流园项目")
    assert str(r.basis) == "unstated_subject" and "no actor" in r.notes
    stated = _rel(proposals, "青禾高新区", "signed_agreement", "星河大学")
    assert str(stated.basis) == "stated"  # the sentence names the zone itself


def test_figures(proposals: Proposals) -> None:
    invest = _rel(proposals, "青禾高新区", "works_on", "云杉数据中心项目").attributes
    assert invest["investment"] == {"amount": 550_000_000, "currency": "CNY", "text": "5.5亿元"}
    group = _rel(proposals, "青禾高新区", "letter_of_intent", "8家知名物流企业")
    assert group.attributes["count"] == 8 and group.attributes["collective"] is True
    dated = extract("青禾高新区与星河大学于2023年9月19日签订了合作协议。")
    assert dated.relations[0].date == "2023-09-19"


def test_known_names_resolve_to_ids_in_linear_automaton() -> None:
    known = [
        KnownName("星河大学", "xinghe-university", graph.EntityType.UNIVERSITY),
        KnownName("星河", "xinghe-university", graph.EntityType.UNIVERSITY),
        KnownName("QHZ", "qinghe-zone", graph.EntityType.DEVELOPMENT_ZONE),
        KnownName("青禾高新区", "qinghe-zone", graph.EntityType.DEVELOPMENT_ZONE),
    ]
    p = extract("青禾高新区与星河签订了合作协议。QHZMB公司不是QHZ。", known)
    matched = {e.match for e in p.entities if e.match}
    assert matched == {"xinghe-university", "qinghe-zone"}
    qhz = next(e for e in p.entities if e.match == "qinghe-zone")
    assert len(qhz.quotes) == 2  # 青禾高新区 and the standalone QHZ, never inside QHZMB
    assert ("qinghe-zone", "signed_agreement", "xinghe-university") in [r.key for r in p.relations]


def test_author_from_argument_and_rules_are_general() -> None:
    p = extract("与南山制药集团签订了投资协议。", author="北岭经济技术开发区")
    r = p.relations[0]
    assert (r.source, str(r.type), r.target) == (
        "北岭经济技术开发区",
        "signed_agreement",
        "南山制药集团",
    )
    assert [e.name for e in p.entities if str(e.type) == "development_zone"] == [
        "北岭经济技术开发区"
    ]


def test_designation_is_an_attribute_not_an_entity() -> None:
    p = extract("东湖秸秆发电项目被列为全省示范项目。", author="青禾高新区")
    names = {e.name for e in p.entities}
    assert "全省示范项目" not in names
    r = next(r for r in p.relations if r.target == "东湖秸秆发电项目")
    assert str(r.status) == "designated" and r.attributes["designation"] == "全省示范项目"


def _triples(p: Proposals) -> set[tuple[str, str, str]]:
    return {(r.source, str(r.type), r.target) for r in p.relations}


def test_passive_by_names_who_builds_the_thing() -> None:
    # X由A和B共建: both parties build X (the thing comes first, the makers after 由)
    p = extract("北岭新材料研究院由华远集团、东岭大学联合共建，目前已投入运行。")
    found = _triples(p)
    assert ("华远集团", "builds_operates", "北岭新材料研究院") in found
    assert ("东岭大学", "builds_operates", "北岭新材料研究院") in found
    # 由…主办: organises, read from the party to the event
    q = _triples(extract("青禾产业论坛由东岭大学和华远集团共同主办。"))
    assert ("华远集团", "organises", "青禾产业论坛") in q


def test_renewed_agreement_is_signed() -> None:
    p = extract("东岭大学与北岭市人民政府续签了《人才联合培养协议》。")
    assert ("东岭大学", "signed_agreement", "北岭市人民政府") in _triples(p)


def test_subjectless_agreement_about_a_project_is_the_author_with_the_partner() -> None:
    p = extract("借助当地资源优势，与华远集团就青禾物流园项目签订了投资意向书。", author="北岭新区")
    r = next(r for r in p.relations if (r.source, r.target) == ("北岭新区", "华远集团"))
    assert str(r.type) == "letter_of_intent" and str(r.basis) == "unstated_subject"
    # a written subject is the party, not the author
    q = extract("东岭大学与华远集团就青禾物流园项目签订了投资意向书。", author="北岭新区")
    assert ("北岭新区", "letter_of_intent", "华远集团") not in _triples(q)
    assert ("东岭大学", "letter_of_intent", "华远集团") in _triples(q)


def test_a_project_in_talks_is_the_author_talking_with_the_partner() -> None:
    p = extract("青禾物流园项目正在与华远集团洽谈合作建设事宜。", author="北岭新区")
    assert ("北岭新区", "negotiation", "华远集团") in _triples(p)
    # an organisation written before the partner talks, not the author
    q = extract("东岭大学的青禾物流园项目正在与华远集团洽谈。", author="北岭新区")
    assert ("北岭新区", "negotiation", "华远集团") not in _triples(q)


def test_deterministic_and_empty() -> None:
    text = graph.normalize(SYNTHETIC_REPORT)
    a, b = extract(text, title=TITLE), extract(text, title=TITLE)
    assert [(e.name, e.quotes) for e in a.entities] == [(e.name, e.quotes) for e in b.entities]
    assert [r.key for r in a.relations] == [r.key for r in b.relations]
    assert extract("").entities == [] and extract("。。\n").relations == []


def test_missing_automaton_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ahocorasick", None)
    with pytest.raises(graph.KGError, match=r"pyahocorasick.*\[ingest\]"):
        extract("星河大学")


#: The extractor's modules, each after the ones it imports: a module imports none that
#: come after it, so there is no import cycle and each step can be imported, tested and
#: timed on its own.
EXTRACTOR_LAYERS = [
    "_proposals",
    "_clauses",
    "_known",
    "_context",
    "_mentions",
    "_units",
    "_goals",
    "_relations",
    "_aliases",
    "_extract",
]


@pytest.mark.parametrize("position", range(len(EXTRACTOR_LAYERS)))
def test_extractor_modules_import_in_order(position: int) -> None:
    """A module of the extractor imports (at any depth of its code) none that comes
    after it in :data:`EXTRACTOR_LAYERS`, and imports in a new interpreter."""
    import ast
    import subprocess

    module = EXTRACTOR_LAYERS[position]
    mod = importlib.import_module(f"graph._ingest.{module}")
    assert mod.__file__ is not None
    tree = ast.parse(Path(mod.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "").removeprefix("graph._ingest.")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    imported |= {
        alias.name.removeprefix("graph._ingest.")
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    later = sorted(imported & set(EXTRACTOR_LAYERS[position:]))
    assert later == [], f"graph._ingest.{module} imports {later}"
    subprocess.run([sys.executable, "-c", f"import graph._ingest.{module}"], check=True)


def test_news_style_text() -> None:
    """A second style (a news item, invented names): explicit subjects, joint hosts, dates."""
    text = (
        "北岭市人民政府与南湖科技园区管理委员会签署战略合作框架协议,双方将共建北岭南湖创新中心。"
        "此外,东津新区与西林新区就产业转移项目开展洽谈。"
        "北岭工业大学与东津大学联合举办的双城创新论坛于2016年10月在天津召开。"
    )
    p = extract(text)
    types = _types(p)
    assert types["北岭南湖创新中心"] == "project"  # 共建 is not part of the name
    assert types["东津新区"] == types["西林新区"] == "development_zone"
    for source, rtype, target in [
        ("北岭市人民政府", "signed_agreement", "南湖科技园区管理委员会"),
        ("东津新区", "negotiation", "西林新区"),
        ("东津新区", "participates_in", "产业转移项目"),
        ("西林新区", "participates_in", "产业转移项目"),
        ("北岭工业大学", "organises", "双城创新论坛"),
        ("东津大学", "organises", "双城创新论坛"),
    ]:
        _rel(p, source, rtype, target)
    assert _rel(p, "双城创新论坛", "held_at", "天津").date == "2016-10"
    # no author was given: every relation is stated, but those 双方 (both sides) reads
    for r in p.relations:
        assert str(r.basis) == "stated" or ("双方" in r.notes and str(r.basis) == "inferred")


def test_generic_names_designations_and_mojibake() -> None:
    p = extract(
        "甲乙科技园项目、北京力??萍项目成功签约;南湖智造产业园等重点项目签约落地。"
        "大力推进西林公路等重点工程建设。北岭大学廊坊附属学校正式开学。",
        author="青禾高新区",
    )
    names = _types(p)
    assert "重点项目" not in names and "等重点项目" not in names  # generic, not a name
    assert not any(t == "goal" for t in names.values())  # work on named things is no goal
    _rel(p, "青禾高新区", "signed_agreement", "甲乙科技园项目")  # ?? does not end a sentence
    _rel(p, "北岭大学廊坊附属学校", "affiliated_with", "北岭大学")
    _rel(p, "北岭大学廊坊附属学校", "located_in", "廊坊")  # the place inside the name
    assert names["西林公路"] == "project"


def test_the_authors_short_name_in_the_clause_states_the_subject() -> None:
    # 示范区 is a zone head word; 示范区 alone in a 某某示范区 report is the author, stated
    p = extract(
        "今年以来，示范区与北辰理工大学签订了合作协议。举办了产业对接会。", title="虚构示范区简报"
    )
    assert p.author == "虚构示范区"
    basis = {(r.source, str(r.type), r.target): str(r.basis) for r in p.relations}
    assert basis[("虚构示范区", "signed_agreement", "北辰理工大学")] == "stated"
    assert basis[("虚构示范区", "organises", "产业对接会")] == "unstated_subject"
    assert {e.name: str(e.type) for e in p.entities}["虚构示范区"] == "development_zone"
    assert extract("举办了产业对接会。", title="工作简报").author is None


def test_names_read_over_modifier_verbs_and_numbered_nouns() -> None:
    # 创新 is tagged a verb, but stands inside the name as a modifier
    assert "东湖承德创新创业大厦" in _types(extract("东湖承德创新创业大厦即将开工建设。"))
    # a verb that takes an object still ends what stood before it
    assert "南昌出席北京大学" not in _types(extract("南昌出席北京大学签约仪式。"))
    # 和 joins plain nouns of one project name, a number word (一级) inside them
    names = _types(extract("与华远集团合作的河道一级整治和配套设施项目已签约。"))
    assert names["河道一级整治和配套设施项目"] == "project"
    assert "配套设施项目" not in names


def test_kinds_are_not_names() -> None:
    # a phrase that ranks a kind (先进, 重大) with no name the tagger marks is a kind
    assert "先进制造业基地" not in _types(extract("北岭市加快建设先进制造业基地。"))
    names = _types(extract("东湖高新区大力推进新材料重大项目建设。"))
    assert "新材料重大项目" not in names and names["东湖高新区"] == "development_zone"
    # a level and a kind of zone, written out whole
    assert "国家级高新区" not in _types(extract("东湖高新区获批国家级高新区，引进企业12家。"))
    # a rank word inside a name that holds a proper name stays a name
    names = _types(extract("北岭市与华远集团共建华远先进制造研究院。"))
    assert names["华远先进制造研究院"] == "research_institute"
    # 国家 alone is no rank: a national base named so is a name
    assert "国家新能源汽车科技产业基地" in _types(
        extract("东湖高新区建设国家新能源汽车科技产业基地。")
    )


def test_a_city_where_an_event_happens_is_no_party() -> None:
    p = extract("6月2日，华远集团与东岭大学工业软件实验室揭牌仪式暨合作研讨会在杭州举行。")
    # the city is where the event is held, not where the parties named before it are
    assert {(str(r.type), r.source in _types(p)) for r in p.relations if r.target == "杭州"} == {
        ("held_at", True)
    }
    assert all("仪式" in r.source for r in p.relations if r.target == "杭州")
    # an event held in the city is still held there
    p = extract("东岭大学在杭州举行了华远论坛。")
    _rel(p, "华远论坛", "held_at", "杭州")


def test_partners_and_groups_that_are_clauses() -> None:
    # 与某省全方位合作: 全方位 says how they cooperate, it is no part of a partner's name
    names = _types(extract("东岭大学将进一步加强与江苏全方位合作。"))
    assert not any(n.endswith("全方位") for n in names)
    # a count followed by a verb is a clause, not a counted group
    names = _types(extract("华远集团目前在56个国家均建有销售网点。"))
    assert not any(n.startswith("56个") for n in names)
    names = _types(extract("北岭高新区引进12家国内知名科技企业。"))
    assert names["12家国内知名科技企业"] == "group"


def test_an_organisation_that_modifies_an_industry_is_no_party() -> None:
    # 依托某某航空产业优势: a branch of industry, not the firm the tagger reads
    assert "西林航空" not in _types(extract("北岭市将依托西林航空产业优势，建设研发基地。"))
    assert "华远汽车" in _types(extract("北岭大学与华远汽车签署合作协议。"))


def test_a_builder_and_what_it_builds_are_two_names() -> None:
    # the tagger reads 某某高新区建设某某研究院 as one organisation
    names = _types(extract("在北岭高新区建设大数据研究院。"))
    assert names.get("大数据研究院") == "research_institute"
    assert names.get("北岭高新区") == "development_zone"
    assert not any(n.startswith("北岭高新区建设") for n in names)
    # 建设 inside a firm's name, before its head word, stays in the name
    assert "华远建设集团" in _types(extract("华远建设集团与东岭大学签约。"))


def test_a_conjunction_inside_a_name_joins_its_nouns() -> None:
    names = _types(extract("北岭高新区获批北岭国家新型材料与智能装备产业化基地。"))
    assert "北岭国家新型材料与智能装备产业化基地" in names
    assert "智能装备产业化基地" not in names
    # 与 as a preposition still separates the parties
    names = _types(extract("华远集团与东岭大学共建智能制造研究院。"))
    assert {"华远集团", "东岭大学", "智能制造研究院"} <= set(names)


def test_a_count_of_things_of_a_kind_is_no_name() -> None:
    names = _types(extract("华远集团拥有珠海、东莞、越南五大生产基地。"))
    assert not any("五大" in n for n in names) and "华远集团" in names
    # a number inside a name that is no count stays
    assert "第一师范学院" in _types(extract("华远集团与第一师范学院签约。"))
