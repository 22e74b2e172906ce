"""How the extractor reads names: lists, modifiers inside names, quoted names, funds.

Texts written for these tests, with invented names. Each case states a rule of
:mod:`graph._ingest._mentions`, :mod:`graph._ingest._model_names` or
:mod:`graph._ingest._names` and fails when the rule is gone.
"""

from __future__ import annotations

import pytest

from graph._ingest._extract import extract
from graph._ingest._names import HEAD_RE, trim_left
from graph._records import EntityType as T


def _types(text: str) -> dict[str, str]:
    return {e.name: str(e.type) for e in extract(text).entities}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a member the tagger reads as a person, beside one it reads as an adjective
        ("鼓励迈克、新基因格等检测企业拓展业务。", "迈克", "enterprise"),
        # a member the tagger reads as a verb, vouched for by a named sibling
        ("区内盛迪、欧林生物等重点企业取得批件。", "盛迪", "enterprise"),
        # 以A、B为代表: a member beside a firm's name takes its kind
        ("制品企业以蓉生药业、远大蜀阳为代表，占有重要地位。", "远大蜀阳", "enterprise"),
        # a town between government bodies of one list
        ("率北岭新区管委会、市经信委、南川镇有关负责人前往东岭。", "南川镇", "government_body"),
        # 园区 as the list's category: parks
        ("建设生物医药园、生物医学工程园等三大园区。", "生物医学工程园", "place"),
    ],
)
def test_list_members_take_the_list_kind(text: str, name: str, etype: str) -> None:
    assert _types(text).get(name) == etype, _types(text)


def test_a_list_of_people_is_no_list_of_firms() -> None:
    types = _types("张伟、李明等企业家出席了会议。")
    assert "张伟" not in types and "李明" not in types, types


def test_a_sibling_that_is_a_known_city_is_left_to_the_gazetteer() -> None:
    types = _types("华远集团、北京、东岭大学参加了活动。")
    assert types.get("北京") != "enterprise", types
    assert types.get("华远集团") == "enterprise", types


@pytest.mark.parametrize("text", ["华远集团、北岭镇书记出席。", "华远集团、北岭镇负责人出席。"])
def test_a_sibling_in_a_person_s_title_is_no_name(text: str) -> None:
    types = _types(text)
    assert not any(n.startswith("北岭镇") for n in types), types


def test_modifier_verbs_stay_inside_a_zone_s_name() -> None:
    types = _types("会议审议通过了北岭南川融合发展示范区、北川南岭一体化发展先行区建设方案。")
    assert types.get("北岭南川融合发展示范区") == "development_zone", types
    assert types.get("北川南岭一体化发展先行区") == "development_zone", types


def test_a_real_verb_still_cuts_a_name() -> None:
    types = _types("华远集团大力发展生物医药产业园。")
    assert "生物医药产业园" in types, types
    assert not any(n.startswith("华远集团大力") for n in types), types


def test_nouns_of_two_partners_do_not_cut_a_name() -> None:
    types = _types("为北岭集成电路产教融合创新平台南川基地揭牌。")
    assert "北岭集成电路产教融合创新平台南川基地" in types, types


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("据行业权威机构“东岭空调传媒机构”发布的报告显示。", "东岭空调传媒机构", "enterprise"),
        ("全会提出了“健康北岭战略”。", "健康北岭战略", "programme"),
    ],
)
def test_a_name_quoted_whole(text: str, name: str, etype: str) -> None:
    assert _types(text).get(name) == etype, _types(text)


def test_funds_are_named_but_a_common_fund_is_not() -> None:
    assert "生物产业投资母基金" in _types("还将设立20亿元生物产业投资母基金，整合社会资本。")
    assert _types("北岭市设立产业基金。") == {}
    assert HEAD_RE.search("教育基金会") is None


def test_zone_heads() -> None:
    types = _types("北岭市人民政府与南川市人民政府签署合作协议，共同建设北南经济合作区。")
    assert types.get("北南经济合作区") == "development_zone", types


def test_a_partner_named_as_a_territory_is_a_government() -> None:
    types = _types("北岭县与南川区共建东西合作先行区。")
    assert types.get("南川区") == "government_body", types


def test_dash_joins_places_of_one_name_but_not_two_names() -> None:
    types = _types("东岭—西川对口帮扶工作座谈会在东岭召开。")
    assert types.get("东岭—西川对口帮扶工作座谈会") == "event", types
    types = _types("北岭大学与华远集团共建的北岭大学—华远集团新能源研究院揭牌。")
    assert "北岭大学—华远集团" not in types, types


def test_dui_kou_is_no_particle() -> None:
    assert trim_left("东岭对口帮扶工作", T.EVENT) == ("东岭对口帮扶工作", False)
    assert trim_left("东岭对华远科技", T.ENTERPRISE) == ("华远科技", True)


def test_a_partner_named_as_a_government_office_is_a_government() -> None:
    types = _types("北岭省经济和信息化厅与南川省住房和城乡建设厅签署协议。")
    assert types.get("南川省住房和城乡建设厅") == "government_body", types


def test_the_place_before_he_is_a_partner_too() -> None:
    types = _types("北岭高竹新区由北岭省东山县和南川省西水区共同建设。")
    assert types.get("北岭省东山县") == "government_body", types
    assert types.get("南川省西水区") == "government_body", types


@pytest.mark.parametrize(
    "text", ["东岭高新区是国家自主创新示范区。", "北岭市获批建设国家数字经济创新发展试验区。"]
)
def test_a_national_designation_is_no_zone(text: str) -> None:
    assert not any(n.startswith("国家") for n in _types(text)), _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "签约企业包括华远集团、东岭电子和西川钢铁。",
        "华远集团、东岭电子、西川钢铁三家企业现场签约。",
    ],
)
def test_members_chain_along_a_list(text: str) -> None:
    types = _types(text)
    assert types.get("西川钢铁") == "enterprise", types


def test_a_member_holds_no_person_s_title() -> None:
    types = _types("成立以北岭工委副书记、管委会主任为组长的领导小组。")
    assert not any("书记" in n for n in types), types


def test_an_organisation_and_its_trade_are_one_name() -> None:
    types = _types("签约企业包括西川钢铁和东岭集团。")
    assert types.get("西川钢铁") == "enterprise", types
    assert "西川" not in types, types


def test_an_organisation_in_a_standing_committee_member_s_title_is_no_name() -> None:
    types = _types("北岭省委常委、常务副省长张三，南川省副省长李四出席并见证签约。")
    assert "北岭" not in types, types


def test_a_standing_committee_is_a_government_body() -> None:
    types = _types("北岭省人大常委会与南川省人大常委会签署合作协议。")
    assert types.get("北岭省人大常委会") == "government_body", types
    assert types.get("南川省人大常委会") == "government_body", types


def test_counted_counties_that_act_are_parties() -> None:
    types = _types("北岭县、南川区、东岭区三地联合成立协同发展先行区。")
    assert [types.get(n) for n in ("北岭县", "南川区", "东岭区")] == ["government_body"] * 3
    assert _types("北岭县、南川区两地的企业参加。") == {}


def test_an_agreement_in_title_marks_is_a_measure_not_a_media_work() -> None:
    types = _types("双方签署了《北岭南川合作备忘录》和《共建产业园合同》。")
    assert types == {"北岭南川合作备忘录": "measure", "共建产业园合同": "measure"}, types


def test_a_counted_list_gives_its_members_the_category_s_kind() -> None:
    # no member is an organisation the tagger marks: the count and category vouch
    types = _types("东方红、向阳花、满天星三家企业现场签约。")
    assert types.get("满天星") == "enterprise", types
    assert _types("共有12家企业签约。") == {"12家企业": "group"}
