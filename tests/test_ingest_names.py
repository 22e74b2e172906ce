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
        ("鼓励杰森、新禾格等检测企业拓展业务。", "杰森", "enterprise"),
        # a member the tagger reads as a verb, vouched for by a named sibling
        ("区内盛达、青岚生物等骨干企业取得许可。", "盛达", "enterprise"),
        # 以A、B为代表: a member beside a firm's name takes its kind
        ("装备企业以华禾重工、远大陇阳为代表，规模居全省前列。", "远大陇阳", "enterprise"),
        # a town between government bodies of one list
        ("率北岭新区管委会、市经信委、南川镇有关负责人前往东岭。", "南川镇", "government_body"),
        # 园区 as the list's category: parks
        ("建设智能制造园、新材料应用园等三大园区。", "新材料应用园", "place"),
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
    types = _types("为北岭人工智能产教融合研发平台南川基地揭牌。")
    assert "北岭人工智能产教融合研发平台南川基地" in types, types


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
    assert "新能源产业投资母基金" in _types("北岭市还将设立30亿元新能源产业投资母基金。")
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


# -- names of the regional-cooperation genre (texts written for these tests) ---------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the tagger reads the joined short forms of two cities as a person's name
        ("开封市委书记李明表示，开封将与郑州共建郑汴协同产业园。", "郑汴协同产业园"),
        ("宏达精密机械有限公司已落户郑许产业合作园。", "郑许产业合作园"),
    ],
)
def test_joined_short_forms_of_places_start_a_park_s_name(text: str, name: str) -> None:
    types = _types(text)
    assert types.get(name) == "place", types
    assert not any(n != name and n.endswith("产业园") for n in types), types


def test_short_forms_of_places_are_told_from_names_and_places() -> None:
    from graph._ingest._places import abbreviates_places

    assert abbreviates_places("郑汴") and abbreviates_places("京津冀")
    assert not abbreviates_places("郑州")  # a city of its own
    assert not abbreviates_places("王强")  # no place's short form


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("开封、新乡两市将主动融入郑州都市圈建设。", "郑州都市圈"),
        ("推进北岭南川双城经济圈建设。", "北岭南川双城经济圈"),
        ("京津冀城市群加快发展。", "京津冀城市群"),
    ],
)
def test_a_metropolitan_area_is_a_programme(text: str, name: str) -> None:
    assert _types(text).get(name) == "programme", _types(text)


def test_a_bare_metropolitan_area_is_no_name() -> None:
    assert "都市圈" not in _types("省发展改革委将会同各市建立都市圈重大项目库。")


def test_counted_cities_at_a_clause_s_start_act() -> None:
    types = _types("记者了解到，开封、新乡、焦作、许昌四市主动对接郑州都市圈。")
    cities = ("开封", "新乡", "焦作", "许昌")
    assert [types.get(n) for n in cities] == ["government_body"] * 4, types
    # counted where the sentence does something to them, they are not its parties
    types = _types("省里支持开封、新乡两市加快建设物流枢纽。")
    assert not any(types.get(n) == "government_body" for n in ("开封", "新乡")), types


@pytest.mark.parametrize(
    "text",
    [
        "北岭日报讯（记者 张三）昨日，北岭县人民政府与华远集团签约。",
        "新华社北岭3月5日电（记者张三）北岭县人民政府与华远集团签约。",
        "北岭日报记者 张三 报道，北岭县人民政府与华远集团签约。",
    ],
)
def test_an_outlet_in_a_dateline_or_byline_is_no_party(text: str) -> None:
    types = _types(text)
    assert not any("日报" in n or "新华社" in n for n in types), types
    assert types.get("华远集团") == "enterprise", types


def test_an_organisation_the_tagger_marks_that_ends_in_a_city_is_a_government() -> None:
    assert _types("北岭市与华远集团签约。").get("北岭市") == "government_body"
    assert _types("华联超市与华远集团签约。").get("华联超市") == "enterprise"


def test_a_project_s_yearly_output_is_part_of_its_name() -> None:
    types = _types("怀远汽车零部件有限公司年产50万套电驱系统项目在北岭高新区开工建设。")
    assert types.get("年产50万套电驱系统项目") == "project", types
    assert types.get("怀远汽车零部件有限公司") == "enterprise", types
    assert _types("华远公司年产5GW光伏组件项目开工。").get("年产5GW光伏组件项目") == "project"


def test_a_branch_of_industry_is_no_firm() -> None:
    types = _types("焦作将重点引进新能源汽车零部件企业。")
    assert "新能源汽车" not in types, types


def test_a_kind_of_partner_is_no_partner() -> None:
    assert _types("协会将搭建政企对接和产学研合作平台。") == {}


def test_a_count_after_a_list_is_no_group() -> None:
    types = _types("华远集团旗下拥有青禾人参科技(抚松)有限公司等5家子公司。")
    assert types == {"华远集团": "enterprise", "青禾人参科技(抚松)有限公司": "enterprise"}, types


def test_a_report_in_title_marks_is_no_entity() -> None:
    types = _types("论坛还发布了《北岭新能源产业发展报告（2025）》。")
    assert not any("报告" in n for n in types), types
    assert _types("他主演了电视剧《北岭往事》。") == {"北岭往事": "media_work"}


def test_an_alliance_is_a_platform() -> None:
    types = _types("北岭新能源产业联盟成立仪式在北岭举行。")
    assert types.get("北岭新能源产业联盟") == "platform", types


@pytest.mark.parametrize(
    "text",
    [
        "张三教授是北岭科学院院士、东岭大学医学院终身教授、西川医学研究所研究员。",
        "北岭科学院院士李四出席论坛并作报告。",
    ],
)
def test_an_academic_s_affiliation_is_no_party(text: str) -> None:
    types = _types(text)
    assert not any(n.endswith(("科学院", "医学院", "大学", "研究所")) for n in types), types


def test_more_titles_hide_their_organisation() -> None:
    types = _types("北岭省科技厅二级巡视员刘长海、北岭州州长杨光出席。")
    assert not any("科技厅" in n for n in types), types


def test_a_head_word_the_tagger_splits_is_never_cut() -> None:
    types = _types("北岭县举行重大项目集中开工仪式。")
    assert "仪式" not in types, types
    assert any(n.endswith("开工仪式") for n in types), types


def test_two_disciplines_joined_in_a_school_s_name() -> None:
    text = "北岭理工大学能源科学与工程学院院长张三出席揭牌仪式。"
    types = _types(text)
    assert types.get("北岭理工大学能源科学与工程学院") == "college", types
    assert "工程学院" not in types, types


def test_two_aims_joined_by_and_are_no_one_name() -> None:
    types = _types("北岭高新区将打造数字经济产业高地和智能装备基地，建设智慧健康产业园。")
    assert not any("高地和" in n for n in types), types
    assert types.get("智慧健康产业园") == "place", types


def test_whom_an_official_greets_for_is_no_party() -> None:
    assert _types("许国华代表北岭市委、市政府对项目开工表示祝贺。") == {}
    assert _types("张三代表北岭市人民政府致辞。") == {}
    # signing on its behalf is the body's own act
    types = _types("张三代表北岭市人民政府与华远集团签约。")
    assert types.get("北岭市人民政府") == "government_body", types


def test_a_verb_that_says_what_a_base_is_for_stays_in_its_name() -> None:
    types = _types("学院将依托联合实验室建设研究生联合培养基地，每年选派研究生进驻。")
    assert types.get("研究生联合培养基地") == "project", types
    assert trim_left("研究生联合培养", T.PROJECT) == ("研究生联合培养", False)


def test_an_office_named_after_two_fields_is_one_name() -> None:
    types = _types("北岭省商务厅、北岭省工业和信息化厅与华禾重工签订合作协议。")
    assert types.get("北岭省工业和信息化厅") == "government_body", types
    assert "北岭省工业" not in types, types
    types = _types("北岭省商务厅和南川省商务厅签约。")  # two offices: two names
    assert {"北岭省商务厅", "南川省商务厅"} <= set(types), types


def test_a_host_s_role_is_no_part_of_its_name() -> None:
    types = _types("推介会由北岭省人民政府主办，北岭省贸促会协办。")
    assert "北岭省贸促会" in types and not any(n.endswith("协办") for n in types), types


def test_a_park_of_both_places_is_no_name() -> None:
    assert _types("重点支持两地产业园区共建。") == {}


def test_a_school_of_two_fields_the_tagger_cuts_is_one_name() -> None:
    types = _types("北岭大学海洋与大气学院、机械工程学院将与南湖港务集团有限公司开展合作。")
    assert types.get("北岭大学海洋与大气学院") == "college", types
    assert "北岭大学海洋" not in types and "大气学院" not in types, types


def test_what_an_event_is_about_stays_in_its_name() -> None:
    types = _types("北岭大学与南湖市人民政府全面战略合作协议签约仪式在南湖举行。")
    assert types.get("全面战略合作协议签约仪式") == "event", types
    assert types.get("南湖市人民政府") == "government_body", types
    types = _types("6月18日，北岭产业合作招商推介会在南湖举行。")
    assert types.get("北岭产业合作招商推介会") == "event", types


def test_a_listed_host_s_role_is_no_part_of_its_name() -> None:
    types = _types("南湖市投资促进局承办，北岭省工商联合会、南湖市总商会协办。")
    assert "南湖市总商会" in types and not any(n.endswith("协办") for n in types), types


def test_a_programme_named_short_before_it_is_named_in_full_is_one_proposal() -> None:
    p = extract(
        "两地携手推动双城经济圈建设。北岭与南川共同推进北岭南川地区双城经济圈建设。",
        title="两地携手推动双城经济圈建设",
    )
    names = {e.name: e.aliases for e in p.entities}
    assert "双城经济圈" not in names, names
    assert "双城经济圈" in names.get("北岭南川地区双城经济圈", []), names


def test_a_high_speed_railway_is_a_project() -> None:
    assert _types("北岭南川中线高铁加快建设。").get("北岭南川中线高铁") == "project"


@pytest.mark.parametrize(
    "text", ["为企业办理各类审批事项360余件。", "争取引进世界500强企业2家以上。"]
)
def test_a_count_or_a_rank_the_tagger_reads_as_an_organisation_is_no_name(text: str) -> None:
    assert _types(text) == {}


def test_a_school_s_campus_is_no_party() -> None:
    types = _types("北岭大学一行来到北岭第一师范南湖书院校区参观。")
    assert not any("书院" in n for n in types), types
    assert types.get("北岭大学") == "university", types


def test_a_lab_named_only_in_its_head_s_title_is_no_party() -> None:
    types = _types("青禾科技数据安全实验室负责人林明博士出席揭牌仪式。")
    assert not any(n.endswith("实验室") for n in types), types
    # a zone's committee whose director speaks is the zone's own body: it stays
    types = _types("北岭新区管委会主任张三出席揭牌仪式。")
    assert types.get("北岭新区管委会") == "government_body", types


def test_events_named_short_are_events() -> None:
    types = _types("华远集团参加渝洽会、数博会和广交会，并出席北岭创新创业大赛。")
    for name in ("渝洽会", "数博会", "广交会", "北岭创新创业大赛"):
        assert types.get(name) == "event", types
    assert _types("北岭大学与华远集团签署交流合作协议。").get("北岭大学") == "university"


def test_inland_and_air_ports_are_zones_and_festivals_events() -> None:
    types = _types("北岭国际陆港与南湖航空港签约，北岭国际铁路港开通班列。北岭文化旅游节开幕。")
    for name in ("北岭国际陆港", "南湖航空港", "北岭国际铁路港"):
        assert types.get(name) == "development_zone", types
    assert types.get("北岭文化旅游节") == "event", types


def test_a_firm_s_short_name_and_its_registered_name_are_one_proposal() -> None:
    p = extract(
        "青石镇与华光农业签订意向书。青石镇人民政府与南湖华光农业发展有限公司签订生态农业"
        "综合体项目合作意向书。华光农业拟投资3.5亿元建设生态农业综合体。"
    )
    names = {e.name: e.aliases for e in p.entities}
    assert "华光农业" in names.get("南湖华光农业发展有限公司", []), names
    assert "生态农业综合体" in names.get("生态农业综合体项目", []), names
    # a place in brackets names the firm's subsidiary there: two proposals
    p = extract("格瑞电器投资兴建了格瑞电器(北岭)有限公司。")
    assert {"格瑞电器", "格瑞电器(北岭)有限公司"} <= {e.name for e in p.entities}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a list of trades and kinds of firm, counted: no firm is named
        ("园区已入驻电商企业、直播机构、仓储配送等企业80余家。", ("电商企业", "直播机构")),
        # a list of fields before 等部门: the offices of those fields, none named
        ("两市商务、农业农村、文化和旅游等部门负责同志参加会议。", ("商务", "农业农村", "文化")),
    ],
)
def test_a_list_of_kinds_names_no_one(text: str, kinds: tuple[str, ...]) -> None:
    found = _types(text)
    assert not set(kinds) & set(found), found


def test_a_list_of_kinds_beside_a_name_keeps_its_members() -> None:
    # a sibling the tagger reads as a name vouches that the list names projects
    found = _types("开工建设了华禾重工、青岚生物等一批重大项目。")
    assert "青岚生物" in found, found


def test_bodies_describing_people_at_a_meeting_are_no_parties() -> None:
    text = (
        "东岭市发展改革委、东岭市工信局、东岭市商务局等部门主要负责同志，"
        "南川新区管委会分管负责同志参加会议。"
    )
    found = _types(text)
    assert not {"东岭市发展改革委", "东岭市工信局", "东岭市商务局", "南川新区管委会"} & set(found)
    found = _types("北岭省商务厅、北岭省工业和信息化厅等部门负责人出席会议。")
    assert not found, found  # the last item joined by 和, its name holding a 和
    # where the same body acts, it is a party
    acted = _types("东岭市商务局与华禾重工签订合作协议。")
    assert acted.get("东岭市商务局") == "government_body", acted


def test_an_autonomous_prefecture_is_one_place_not_the_province_it_starts_with() -> None:
    found = _types("东岭市与海南藏族自治州、甘孜藏族自治州结为对口合作城市，共建产业园。")
    assert {"海南藏族自治州", "甘孜藏族自治州"} <= set(found), found
    assert "海南" not in found, found


def test_a_web_site_in_a_byline_and_a_field_of_cooperation_are_no_parties() -> None:
    byline = "来源：北岭市人民政府网 发布日期：2026-01-05\n"
    found = _types(byline + "华禾重工与青岚生物签署了文旅合作备忘录。")
    assert not any(n.endswith("网") for n in found), found
    assert "北岭市人民政府" not in found, found  # the site's owner does not act
    assert "文旅" not in found, found
    assert {"华禾重工", "青岚生物"} <= set(found), found


def test_a_counted_kind_and_a_company_s_organs_are_no_names() -> None:
    found = _types("今年东岭县新开工项目18个，新签约项目25个。")
    assert not any(n.endswith("项目") for n in found), found
    found = _types("东岭州数字经济项目集中签约，华禾重工与东岭学院签约。")
    assert "东岭州数字经济项目" not in found, found  # a batch of projects
    found = _types("华禾重工本次对外投资无需提交股东大会审议。")
    assert "股东大会" not in found, found
    # a project named before a span of months keeps its name
    found = _types("华禾重工投资建设的青岚轴承项目3个月内投产。")
    assert found.get("青岚轴承项目") == "project", found


def test_a_government_named_only_in_a_title_is_the_province_s_alias() -> None:
    text = "吉林省政府副秘书长张明出席会议。吉林省与东岭省签订合作协议。"
    found = {e.name: e.aliases for e in extract(text).entities}
    assert "吉林省" in found and "吉林省政府" in found["吉林省"], found
    # where the government acts, it is the party and the province its alias
    text = "吉林省人民政府与华禾重工签约。吉林省与东岭省签订合作协议。"
    found = {e.name: e.aliases for e in extract(text).entities}
    assert "吉林省人民政府" in found and "吉林省" in found["吉林省人民政府"], found


def test_a_meeting_on_building_projects_is_named_whole() -> None:
    found = _types("3月5日，全县招商引资和重点项目建设工作推进会在东岭召开。")
    assert found.get("全县招商引资和重点项目建设工作推进会") == "event", found
    assert "工作推进会" not in found, found


def test_a_project_named_by_its_yearly_output_keeps_its_product_whole() -> None:
    found = _types("东岭县经济开发区内，华禾新材料有限公司年产3万吨全生物可降解薄膜项目已投产。")
    assert found.get("年产3万吨全生物可降解薄膜项目") == "project", found


def test_a_programme_of_places_named_by_their_short_forms() -> None:
    found = _types("三年来，苏皖对口合作取得明显成效，两省苏皖对口合作资金逐年增加。")
    assert found.get("苏皖对口合作") == "programme", found
    found = _types("两省签署了《苏皖对口合作实施方案》。")
    assert "苏皖对口合作" not in found, found  # inside a title: the title's name


def test_an_office_named_only_before_a_manager_s_field_and_title_is_no_party() -> None:
    found = _types("北岭协会华南大区事务总监王明与东岭学院院长李华签署了协议。")
    assert not any(n.startswith("北岭协会") for n in found), found


def test_a_task_called_by_a_quoted_title_is_no_project() -> None:
    found = _types("东岭县把园区建设作为“头号工程”来抓，华禾重工与东岭学院签约。")
    assert "头号工程" not in found, found
    found = _types("东岭县启动“青岚智造工程”，华禾重工参与建设。")
    assert found.get("青岚智造工程") == "project", found


def test_a_bank_named_in_its_branch_s_name_is_a_proposal_and_its_short_name_an_alias() -> None:
    text = (
        "5月8日，北岭青禾银行股份有限公司东岭分行与东岭高新区管委会签署战略合作协议。"
        "青禾银行东岭分行行长王明表示，青禾银行将加大信贷支持。"
    )
    found = {e.name: e.aliases for e in extract(text).entities}
    assert "北岭青禾银行股份有限公司" in found, found
    assert "青禾银行" not in found, found
    assert "青禾银行" in found["北岭青禾银行股份有限公司"], found


def test_a_national_programme_named_before_its_strategy() -> None:
    found = _types("华禾重工为响应国家东北振兴的发展战略，在东岭投资建设生产基地。")
    assert found.get("东北振兴") == "programme", found
    found = _types("两省落实国家区域协调发展战略，华禾重工在东岭投资。")
    assert not any("协调" in n for n in found), found  # a strategy described, no name


def test_a_firm_s_wholly_owned_subsidiary_is_no_name_of_its_own() -> None:
    # 全资子公司 says how the two firms relate: neither 甲集团全资子公司 nor a name
    # running through it
    types = _types("该项目由华远集团全资子公司华远新能源(北岭)有限公司投资建设。")
    assert types.get("华远集团") == "enterprise", types
    assert types.get("华远新能源(北岭)有限公司") == "enterprise", types
    assert not any("子公司" in n for n in types), types
