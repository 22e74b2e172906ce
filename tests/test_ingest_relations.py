"""Relations read from cue words: the clause steps one by one, and the rules of
:mod:`graph._ingest._parties`, :mod:`graph._ingest._relations` and
:mod:`graph._ingest._context`, on texts written for these tests (invented names)."""

from __future__ import annotations

import pytest

from graph._ingest import _clause_steps as steps
from graph._ingest._context import _Context, _one_thing
from graph._ingest._cues import cue_type, status
from graph._ingest._known import _Index
from graph._ingest._parties import pair_type
from graph._ingest._proposals import EntityProposal, _Mention
from graph._records import EntityType as T
from graph._records import RelationType as R
from graph._records import Status as S


def _mention(text: str, name: str, etype: T, nth: int = 0) -> _Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return _Mention(start, start + len(name), name, etype, 0.8)


def _step(
    step: steps.Step,
    text: str,
    names: list[tuple[str, T]],
    author: tuple[str, T] | None = None,
) -> tuple[bool, set[tuple[str, str, str]]]:
    """Run one clause step on ``text`` (one clause) naming ``names``; what it returns
    and the relations it made, as (source, type, target)."""
    who = _Mention(0, 0, author[0], author[1], 0.7, origin="author") if author else None
    ctx = _Context(text, _Index(()), who)
    mentions = [_mention(text, n, t) for n, t in names]
    clause = steps._clause(ctx, mentions, set(), 0, len(text), None, None)
    done = step(ctx, clause)
    return done, {(r.source, str(r.type), r.target) for r in ctx.relations.values()}


def _relations(text: str, **kw: str) -> set[tuple[str, str, str]]:
    from graph._ingest._extract import extract

    return {(r.source, str(r.type), r.target) for r in extract(text, **kw).relations}


def _joined(rels: set[tuple[str, str, str]], a: str, b: str) -> set[str]:
    return {t for s, t, d in rels if {s, d} == {a, b}}


# -- the clause steps, each alone -------------------------------------------------------


def test_steps_run_in_order_and_end_with_the_partners() -> None:
    assert steps.STEPS[0] is steps._leads and steps.STEPS[-1] is steps._partners
    assert len(set(steps.STEPS)) == len(steps.STEPS)


def test_leads_step() -> None:
    text = "以华远集团为牵头单位的北岭协调办公室"
    done, rels = _step(
        steps._leads, text, [("华远集团", T.ENTERPRISE), ("北岭协调办公室", T.GOVERNMENT_BODY)]
    )
    assert not done  # later steps still read the clause
    assert rels == {("华远集团", "leads", "北岭协调办公室")}


def test_invests_builds_step_reads_the_model() -> None:
    text = "华远集团以BOT方式投资建设北岭污水处理项目"
    names = [("华远集团", T.ENTERPRISE), ("北岭污水处理项目", T.PROJECT)]
    _, rels = _step(steps._invests_builds, text, names)
    assert rels == {("华远集团", "builds_operates", "北岭污水处理项目")}
    _, rels = _step(steps._invests_builds, text.replace("以BOT方式", ""), names)
    assert rels == {("华远集团", "invests_in", "北岭污水处理项目")}


def test_events_step_host_and_place() -> None:
    text = "华远集团在北岭新区举行北岭基地开工仪式"
    names = [
        ("华远集团", T.ENTERPRISE),
        ("北岭新区", T.DEVELOPMENT_ZONE),
        ("北岭基地开工仪式", T.EVENT),
    ]
    done, rels = _step(steps._events, text, names)
    assert done
    assert ("华远集团", "organises", "北岭基地开工仪式") in rels
    assert ("北岭基地开工仪式", "held_at", "北岭新区") in rels


def test_events_step_without_an_event_leaves_the_clause() -> None:
    done, rels = _step(steps._events, "华远集团出席会议", [("华远集团", T.ENTERPRISE)])
    assert not done and rels == set()


def test_visits_step_counts_the_author_s_visits() -> None:
    text = "拜访华远集团洽谈3次"
    done, rels = _step(
        steps._visits,
        text,
        [("华远集团", T.ENTERPRISE)],
        author=("北岭新区", T.DEVELOPMENT_ZONE),
    )
    assert done and rels == {("北岭新区", "visit", "华远集团")}


def test_partners_step_author_signs_for_a_project() -> None:
    text = "与华远集团签订北岭物流园项目合作协议"
    names = [("华远集团", T.ENTERPRISE), ("北岭物流园项目", T.PROJECT)]
    done, rels = _step(steps._partners, text, names, author=("北岭新区", T.DEVELOPMENT_ZONE))
    assert done
    assert ("北岭新区", "signed_agreement", "北岭物流园项目") in rels
    assert ("华远集团", "participates_in", "北岭物流园项目") in rels


def test_partners_step_needs_a_status_word() -> None:
    text = "华远集团位于北岭"
    done, rels = _step(steps._partners, text, [("华远集团", T.ENTERPRISE)])
    assert done and rels == set()


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("双方即将开工建设", S.ABOUT_TO_START),
        ("华远集团与东岭大学签署协议", S.SIGNED),
        ("双方签订了合作意向书", S.INTENT),
        ("正在洽谈", S.NEGOTIATING),
        ("今日天晴", None),
    ],
)
def test_status_from_cue_words(clause: str, expected: S | None) -> None:
    assert status(clause) is expected


def test_cue_type() -> None:
    assert cue_type("签订了合作意向书") is R.LETTER_OF_INTENT
    assert cue_type("签署了框架协议") is R.SIGNED_AGREEMENT
    assert cue_type("深化合作") is R.COOPERATION


# -- two names of one thing -------------------------------------------------------------


def test_one_thing() -> None:
    def e(name: str, t: T, aliases: tuple[str, ...] = ()) -> EntityProposal:
        p = EntityProposal(name, t, None, 0.5)
        p.aliases = list(aliases)
        return p

    ri = T.RESEARCH_INSTITUTE
    assert _one_thing(e("华远精密仪器研究院", ri), e("华远精蜜仪器研究院", ri))  # a typo
    assert _one_thing(e("北岭新区", T.DEVELOPMENT_ZONE), e("北岭新区管委会", T.GOVERNMENT_BODY))
    assert _one_thing(e("北岭市", T.GOVERNMENT_BODY), e("北岭市人民政府", T.GOVERNMENT_BODY))
    assert _one_thing(e("华远仪器研究院", ri, ("华仪院",)), e("华仪院", ri))
    assert not _one_thing(e("东岭大学", T.UNIVERSITY), e("西岭大学", T.UNIVERSITY))
    assert not _one_thing(e("北岭新区", T.DEVELOPMENT_ZONE), e("北岭新区物流园", T.PROJECT))


def test_a_short_form_in_brackets_is_no_partner() -> None:
    s = "华远精密仪器研究院（华仪院）与东岭大学签署合作协议"
    a = (0, 9, T.RESEARCH_INSTITUTE)
    short = (10, 13, T.RESEARCH_INSTITUTE)
    uni = (15, 19, T.UNIVERSITY)
    assert pair_type(s, a, short, 0, len(s)) is None
    assert pair_type(s, a, uni, 0, len(s)) == (R.SIGNED_AGREEMENT, False)
    s = "华仪院是华远精密仪器研究院(Huayuan Institute)的简称，成立于2001年"
    assert (
        pair_type(s, (0, 3, T.RESEARCH_INSTITUTE), (4, 13, T.RESEARCH_INSTITUTE), 0, len(s)) is None
    )


def test_a_zone_and_its_committee_are_not_related() -> None:
    rels = _relations("北岭新区管委会与东岭大学签署合作协议，北岭新区将为东岭大学提供场地。")
    assert ("北岭新区管委会", "signed_agreement", "东岭大学") in rels
    assert _joined(rels, "北岭新区管委会", "北岭新区") == set()


# -- who attends, who acts --------------------------------------------------------------


def test_a_visited_party_does_not_attend() -> None:
    rels = _relations("张明考察了华远集团、东岭大学，出席了北岭创新论坛。")
    assert _joined(rels, "华远集团", "北岭创新论坛") == set()
    assert _joined(rels, "东岭大学", "北岭创新论坛") == set()
    rels = _relations("华远集团、东岭大学出席了北岭创新论坛。")
    assert ("华远集团", "attends", "北岭创新论坛") in rels


def test_a_party_asked_at_an_event_does_not_attend() -> None:
    s = "在签约仪式上，张明要求华远集团加快建设"
    assert pair_type(s, (1, 5, T.EVENT), (11, 15, T.ENTERPRISE), 0, len(s)) is None
    s = "在签约仪式上，华远集团表示将加快建设"
    assert pair_type(s, (1, 5, T.EVENT), (7, 11, T.ENTERPRISE), 0, len(s)) == (R.ATTENDS, True)


def test_bodies_in_a_list_of_people_are_not_partners() -> None:
    rels = _relations("华远集团副总裁张明、东岭大学副校长李强出席了揭牌仪式。")
    assert ("华远集团", "attends", "揭牌仪式") in rels
    assert ("东岭大学", "attends", "揭牌仪式") in rels
    assert _joined(rels, "华远集团", "东岭大学") == set()


def test_a_person_named_alone_acts_for_the_organisation_of_their_title() -> None:
    text = "华远集团董事长张明出席了北岭论坛开幕式。次日，张明一行赴东岭市出席东岭创新大会。"
    rels = _relations(text)
    assert ("华远集团", "attends", "东岭创新大会") in rels
    # without the first sentence nobody tells whose person 张明 is
    assert _joined(_relations(text.split("。", 1)[1]), "华远集团", "东岭创新大会") == set()


def test_support_under_which_others_sign() -> None:
    rels = _relations("在北岭市人民政府的支持下，华远集团与东岭大学签署了合作协议。")
    assert ("华远集团", "signed_agreement", "东岭大学") in rels
    assert ("北岭市人民政府", "supports", "华远集团") in rels
    assert "signed_agreement" not in _joined(rels, "北岭市人民政府", "东岭大学")


def test_a_signing_place_is_not_where_the_next_clause_builds() -> None:
    s = "北岭新区与东岭大学在北岭签订协议，双方将共建北岭科技城"
    place = (10, 12, T.PLACE)
    city = (s.index("北岭科技城"), len(s), T.PROJECT)
    assert pair_type(s, place, city, 0, len(s)) is None


# -- lists ------------------------------------------------------------------------------


def test_each_member_of_a_list_of_firms_is_in_the_zone() -> None:
    rels = _relations("北岭高新区的重点企业包括华远集团、东岭科技有限公司和西岭制药股份有限公司。")
    for firm in ("华远集团", "东岭科技有限公司", "西岭制药股份有限公司"):
        assert (firm, "located_in", "北岭高新区") in rels


def test_support_for_each_member_of_a_list() -> None:
    rels = _relations("北岭高新区将大力支持华远集团、东岭科技有限公司等企业开展技术攻关。")
    assert ("北岭高新区", "supports", "华远集团") in rels
    assert ("北岭高新区", "supports", "东岭科技有限公司") in rels
    assert _joined(rels, "华远集团", "东岭科技有限公司") == set()


# -- back-references --------------------------------------------------------------------


def test_both_sides_are_the_two_parties_not_the_event_between() -> None:
    rels = _relations(
        "华远集团出席了北岭创新论坛。东岭大学也参加了北岭创新论坛。双方将共建联合实验室。"
    )
    assert ("华远集团", "cooperation", "东岭大学") in rels
    assert _joined(rels, "东岭大学", "北岭创新论坛") == {"attends"}


def test_a_clause_that_names_its_subject_again_is_that_subject_s() -> None:
    rels = _relations(
        "华远集团与东岭市人民政府签署战略合作协议，华远集团将在东岭高新区投资建设新能源电池项目。"
    )
    assert ("华远集团", "signed_agreement", "东岭市人民政府") in rels
    assert ("华远集团", "invests_in", "新能源电池项目") in rels
    assert _joined(rels, "东岭市人民政府", "新能源电池项目") == set()


def test_talks_held_are_talks() -> None:
    rels = _relations("东岭市人民政府与华远集团举行工作会谈。")
    assert _joined(rels, "东岭市人民政府", "华远集团") == {"negotiation"}


def test_a_project_brought_in_by_a_zone_is_in_it() -> None:
    assert ("新能源电池项目", "located_in", "东岭高新区") in _relations(
        "新能源电池项目由东岭高新区引进。"
    )


def test_a_park_built_by_a_firm() -> None:
    rels = _relations("作为北南合作的重点项目，华远新能源产业园由华远集团投资建设。")
    assert ("华远集团", "invests_in", "华远新能源产业园") in rels


@pytest.mark.parametrize(
    "text",
    [
        "北岭高新区先后引进了华远集团、东岭科技有限公司等企业。",
        "华远集团、东岭科技有限公司等企业纷纷入驻北岭高新区。",
        "华远集团、东岭科技有限公司等企业先后落户北岭高新区。",
    ],
)
def test_firms_brought_into_a_zone_are_in_it_and_nothing_more(text: str) -> None:
    rels = _relations(text)
    for firm in ("华远集团", "东岭科技有限公司"):
        assert _joined(rels, firm, "北岭高新区") == {"located_in"}
        assert (firm, "located_in", "北岭高新区") in rels
    assert _joined(rels, "华远集团", "东岭科技有限公司") == set()


def test_the_park_where_something_is_built_is_no_project_of_the_builder() -> None:
    s = "华远集团将在北岭科技园建设新能源研究院"
    park = (s.index("北岭科技园"), s.index("北岭科技园") + 5, T.PROJECT)
    assert pair_type(s, (0, 4, T.ENTERPRISE), park, 0, len(s)) is None
    s = "华远集团将参与北岭科技园建设"
    park = (s.index("北岭科技园"), s.index("北岭科技园") + 5, T.PROJECT)
    assert pair_type(s, (0, 4, T.ENTERPRISE), park, 0, len(s)) == (R.PARTICIPATES_IN, False)


def test_roles_for_an_event_named_after_it() -> None:
    rels = _relations("北岭创新大会由北岭市人民政府主办，华远集团承办。")
    assert ("北岭市人民政府", "organises", "北岭创新大会") in rels
    assert ("华远集团", "organises", "北岭创新大会") in rels
    assert _joined(rels, "北岭市人民政府", "华远集团") == set()
    s = "北岭创新论坛由北岭市人民政府主办，东岭大学、西岭大学协办"
    uni = (s.index("东岭大学"), s.index("东岭大学") + 4, T.UNIVERSITY)
    assert pair_type(s, (0, 6, T.EVENT), uni, 0, len(s)) == (R.SUPPORTS, True)


def test_a_government_sets_up_a_zone() -> None:
    rels = _relations("北岭市人民政府批准设立北岭高新区。")
    assert _joined(rels, "北岭市人民政府", "北岭高新区") == {"establishes"}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("华远集团向东岭大学捐赠了价值1000万元的实验设备。", "华远集团", "东岭大学"),
        ("东岭大学为华远集团培养了500名技术人才。", "东岭大学", "华远集团"),
    ],
)
def test_what_one_party_gives_another_is_support(text: str, source: str, target: str) -> None:
    assert _joined(_relations(text), source, target) == {"supports"}
    assert (source, "supports", target) in _relations(text)


def test_training_together_is_cooperation() -> None:
    rels = _relations("东岭大学与华远集团共同培养技术人才。")
    assert _joined(rels, "东岭大学", "华远集团") == {"cooperation"}


def test_people_who_unveil_together_act_for_their_bodies() -> None:
    rels = _relations("北岭市人民政府副市长王刚、华远集团董事长张明共同为华远北岭研究院揭牌。")
    assert ("北岭市人民政府", "establishes", "华远北岭研究院") in rels
    assert ("华远集团", "establishes", "华远北岭研究院") in rels
    assert _joined(rels, "北岭市人民政府", "华远集团") == set()


def test_what_is_built_jointly_in_a_zone_is_in_it() -> None:
    rels = _relations("双方将在东岭高新区共建东岭精准医学研究院。")
    assert ("东岭精准医学研究院", "located_in", "东岭高新区") in rels


def test_two_places_acting_together() -> None:
    s = "北岭省与南湖省共同推动北南经济圈建设"
    a, b = (0, 3, T.PLACE), (4, 7, T.PLACE)
    assert pair_type(s, a, b, 0, len(s)) == (R.COOPERATION, False)
    s = "北岭省与南湖省的气候相近"
    assert pair_type(s, a, b, 0, len(s)) is None


@pytest.mark.parametrize("unit", ["常委", "书记、", "首席科学家", "和和", "、华远"])
def test_title_and_role_patterns_fail_fast(unit: str) -> None:
    """The title and event-role patterns backtrack linearly on what they do not match."""
    import time

    from graph._ingest._parties import _EVENT_ROLE, _TITLES, TITLE_RUN

    text = unit * 150 + "X"
    t0 = time.perf_counter()
    assert _TITLES.fullmatch(text) is None and TITLE_RUN.fullmatch(text) is None
    assert _EVENT_ROLE.match(text) is None
    assert time.perf_counter() - t0 < 1.0


# -- officials quoted, units of firms, events' hosts and guests, places joining -----------


def test_an_official_quoted_does_not_stop_what_follows() -> None:
    """洛阳市委书记张明表示，…: the head names the speaker's body, no party; the clauses
    after it are read as if the head were not there."""
    rels = _relations("洛阳市委书记张明表示，洛阳将与三门峡共建洛三协同产业园项目。")
    assert ("洛阳", "cooperation", "三门峡") in rels


def test_the_speakers_body_acts_where_what_they_say_names_no_actor() -> None:
    from graph._ingest._extract import extract

    p = extract("洛阳市委副书记、市长张明表示，将与郑州合作建设洛郑物流园项目。")
    found = {(r.source, str(r.type), r.target): r for r in p.relations}
    r = found[("洛阳", "cooperation", "郑州")]
    assert str(r.basis) == "inferred"
    assert ("洛阳", "builds_operates", "洛郑物流园项目") in found
    # a person alone is no speaker for a body: nothing is read for them
    assert _relations("张明表示，将与郑州合作建设洛郑物流园项目。") == set()


def test_a_speaker_head_is_found_only_at_a_sentence_start() -> None:
    from graph._ingest._speakers import speaker

    text = "洛阳市委书记张明表示，洛阳将与郑州合作。"
    ctx = _Context(text, _Index(()), None)
    from graph._ingest._tagging import tag

    ctx.words = tag([text])[0]
    ctx.starts = [w.start for w in ctx.words]
    ms = [_mention(text, "洛阳", T.PLACE), _mention(text, "郑州", T.PLACE)]
    sp = speaker(ctx, ms, 0, len(text))
    assert sp is not None and text[sp.end - 1] == "，" and sp.end == text.index("，") + 1
    assert sp.body is not None and sp.body.name == "洛阳"
    assert sp.body.type is T.GOVERNMENT_BODY  # 市委 speaks for the city
    assert speaker(ctx, ms, 11, len(text)) is None  # 洛阳将与郑州合作: no one speaks


@pytest.mark.parametrize(
    ("text", "reverse"),
    [
        ("北岭集团全资子公司北岭新材料有限公司", True),
        ("北岭集团的控股子公司北岭新材料有限公司", True),
        ("北岭集团旗下北岭新材料有限公司", True),
        ("北岭新材料有限公司是北岭集团的全资子公司", False),
    ],
)
def test_a_subsidiary_is_the_firm_written_after_the_word_of_the_unit(
    text: str, reverse: bool
) -> None:
    first = "北岭新材料有限公司" if not reverse else "北岭集团"
    second = "北岭集团" if not reverse else "北岭新材料有限公司"
    a, b = _mention(text, first, T.ENTERPRISE), _mention(text, second, T.ENTERPRISE)
    assert pair_type(text, (a.start, a.end, a.type), (b.start, b.end, b.type), 0, len(text)) == (
        R.SUBSIDIARY_OF,
        reverse,
    )


def test_a_project_built_by_a_unit_of_a_firm() -> None:
    """该项目由甲集团全资子公司乙投资建设: 乙 invests in the project (the one 该项目
    refers to) and is 甲's; 甲 takes part through it."""
    rels = _relations(
        "伏牛新材料产业基地项目近日开工。"
        "该项目由北岭集团全资子公司北岭新材料(洛阳)有限公司投资建设，总投资30亿元。"
    )
    project = next(s for s, t, d in rels if t == "invests_in")
    assert project == "北岭新材料(洛阳)有限公司"
    assert ("北岭新材料(洛阳)有限公司", "subsidiary_of", "北岭集团") in rels
    assert ("北岭集团", "subsidiary_of", "北岭新材料(洛阳)有限公司") not in rels
    assert not any(t == "invests_in" and s == "北岭集团" for s, t, d in rels)


_FORUM = (
    "9月5日，第二届伏牛山文旅产业发展论坛在洛阳举办。"
    "论坛由河洛文旅行业协会、洛阳市人民政府联合主办，伊川经济开发区管委会承办，"
    "青山旅游集团、白河文化传媒股份有限公司等30余家企业参加。"
)


def test_hosts_organise_the_event_and_guests_attend_it() -> None:
    """论坛由甲、乙联合主办，丙承办，丁、戊等企业参加: 论坛 is the forum named before."""
    rels = _relations(_FORUM)
    forum = "伏牛山文旅产业发展论坛"
    for host in ("河洛文旅行业协会", "洛阳市人民政府", "伊川经济开发区管委会"):
        assert (host, "organises", forum) in rels
    for guest in ("青山旅游集团", "白河文化传媒股份有限公司"):
        assert (guest, "attends", forum) in rels
    parties = {
        "河洛文旅行业协会",
        "伊川经济开发区管委会",
        "青山旅游集团",
        "白河文化传媒股份有限公司",
    }
    assert not any(s in parties and d in parties for s, _, d in rels)  # no pair of them


def test_guests_attend_an_event_written_by_its_head_word() -> None:
    rels = _relations(
        "第二届伏牛山文旅产业发展论坛在洛阳举办。青山旅游集团、白河文化传媒股份有限公司等企业参加论坛。"
    )
    assert ("青山旅游集团", "attends", "伏牛山文旅产业发展论坛") in rels
    assert ("白河文化传媒股份有限公司", "attends", "伏牛山文旅产业发展论坛") in rels


def test_firms_settled_in_a_park() -> None:
    rels = _relations(
        "洛阳市委常委、副市长李强介绍，东方精密机械有限公司、伊河航空部件有限公司已落户洛南科技园。"
    )
    assert ("东方精密机械有限公司", "located_in", "洛南科技园") in rels
    assert ("伊河航空部件有限公司", "located_in", "洛南科技园") in rels


@pytest.mark.parametrize("first", [0, 3])
def test_places_joining_a_programme(first: int) -> None:
    s = "洛阳、三门峡、济源三市将主动融入洛济都市圈建设。"
    a = (first, first + 2 + (first == 3), T.PLACE)
    b = (s.index("洛济都市圈"), s.index("洛济都市圈") + 5, T.PROGRAMME)
    assert pair_type(s, a, b, 0, len(s)) == (R.PARTICIPATES_IN, False)
    s2 = "洛阳、三门峡、济源三市的气候相近，洛济都市圈人口众多。"
    b2 = (s2.index("洛济都市圈"), s2.index("洛济都市圈") + 5, T.PROGRAMME)
    assert pair_type(s2, a, b2, 0, len(s2)) is None


def test_a_bare_project_word_sites_the_project_named_before() -> None:
    """项目位于甲区北区的乙园内: the project is in both, and the park is in the zone."""
    rels = _relations(
        "华远新能源装备基地项目在洛阳高新区开工。项目位于洛阳高新区北区的智能装备产业园内。"
    )
    project = "华远新能源装备基地项目"
    assert (project, "located_in", "智能装备产业园") in rels
    assert (project, "located_in", "洛阳高新区") in rels
    assert ("智能装备产业园", "located_in", "洛阳高新区") in rels


def test_firms_settled_in_a_park_named_before_or_drawn_by_it() -> None:
    rels = _relations(
        "许昌正加快建设郑许产业合作园，园区已入驻宏达精密机械有限公司、中州航空部件有限公司等企业27家。"
    )
    assert ("许昌", "builds_operates", "郑许产业合作园") in rels
    assert ("宏达精密机械有限公司", "located_in", "郑许产业合作园") in rels
    assert ("中州航空部件有限公司", "located_in", "郑许产业合作园") in rels
    rels = _relations(
        "洛阳科技产业园目前已吸引青山控股集团、东方精密机械有限公司等20余家企业入驻。"
    )
    assert ("青山控股集团", "located_in", "洛阳科技产业园") in rels
    # another party as the subject: it brings nothing into a park
    rels = _relations("青山控股集团目前已吸引东方精密机械有限公司入驻。")
    assert not any(t == "located_in" for _, t, _ in rels)


@pytest.mark.parametrize(
    ("after", "rtype"),
    [("投资协议", R.INVESTS_IN), ("合同，投资12亿元", R.INVESTS_IN), ("意向协议", R.WORKS_ON)],
)
def test_a_firm_signing_for_a_project(after: str, rtype: R) -> None:
    text = f"龙里县人民政府与黔云储能科技有限公司签订储能电池生产线项目{after}。"
    rels = _relations(text)
    assert ("黔云储能科技有限公司", str(rtype), "储能电池生产线项目") in rels
    assert ("龙里县人民政府", str(rtype), "储能电池生产线项目") not in rels


def test_parties_building_a_zone_together() -> None:
    rels = _relations("开封与郑州共建的中原科技产业园规划面积12平方公里。")
    assert ("开封", "builds_operates", "中原科技产业园") in rels
    assert ("郑州", "builds_operates", "中原科技产业园") in rels
    rels = _relations("我们与豫通物流集团合作建设的新乡综合保税区二期已通过封关验收。")
    assert ("豫通物流集团", "builds_operates", "新乡综合保税区") in rels


def test_parallel_clauses_each_with_its_own_party_and_project() -> None:
    rels = _relations(
        "其中，汴源新材料有限公司投资12亿元建设的高性能膜材料项目已投产，"
        "中原智联科技股份有限公司投资8亿元的智能终端项目正在进行设备安装。"
    )
    assert ("汴源新材料有限公司", "invests_in", "高性能膜材料项目") in rels
    assert ("中原智联科技股份有限公司", "invests_in", "智能终端项目") in rels
    assert _joined(rels, "汴源新材料有限公司", "中原智联科技股份有限公司") == set()
    assert _joined(rels, "汴源新材料有限公司", "智能终端项目") == set()


def test_firms_of_a_zone_named_for_their_projects_or_as_within_it() -> None:
    rels = _relations(
        "今年以来，洛阳高新区加快重大项目建设，先后开工建设了青山钢铁、伊河航空等一批项目，"
        "区内盛达、青岚生物等骨干企业已经投产。"
    )
    for firm in ("青山钢铁", "伊河航空", "盛达", "青岚生物"):
        assert _joined(rels, firm, "洛阳高新区") == {"located_in"}, firm
        assert (firm, "located_in", "洛阳高新区") in rels


def test_an_agreement_adds_to_a_cooperation_read_from_both_sides() -> None:
    """洛阳市与三门峡市签订协议，两市将开展合作: the agreement is not lost to 两市's
    cooperation."""
    rels = _relations("洛阳市与三门峡市签订战略合作框架协议，两市将在产业、交通等领域开展合作。")
    assert ("洛阳市", "signed_agreement", "三门峡市") in rels


def test_what_two_parties_set_up_together() -> None:
    rels = _relations(
        "河洛智能装备有限公司由青山控股集团和洛阳城投集团共同出资设立，注册资本5亿元。"
    )
    assert ("青山控股集团", "invests_in", "河洛智能装备有限公司") in rels
    assert ("洛阳城投集团", "invests_in", "河洛智能装备有限公司") in rels
    assert _joined(rels, "青山控股集团", "洛阳城投集团") == {"cooperation"}
    assert _joined(rels, "河洛智能装备有限公司", "洛阳城投集团") == {"invests_in"}


def test_three_parties_to_one_agreement_sign_pair_by_pair() -> None:
    rels = _relations(
        "福泉市人民政府与磷都化工集团、智链物联科技有限公司签订磷化工智慧园区建设合作协议。"
    )
    assert ("磷都化工集团", "signed_agreement", "智链物联科技有限公司") in rels
    # a body in a person's title is no party to the deal
    s = "张三与甲市党工委委员、副主任李四代表双方签署协议"
    a = (s.index("甲市党工委"), s.index("甲市党工委") + 5, T.GOVERNMENT_BODY)
    b = (s.index("李四"), s.index("李四") + 2, T.GOVERNMENT_BODY)
    assert pair_type(s, a, b, 0, len(s)) is None


def test_places_listed_as_partners_act_each() -> None:
    """达州市与万州区、开州区签署…: every place of the partner list signs."""
    rels = _relations("达州市与万州区、开州区签署合作协议。")
    assert ("达州市", "signed_agreement", "万州区") in rels
    assert ("达州市", "signed_agreement", "开州区") in rels
    # a place named in passing acts in nothing
    assert _relations("达州市、万州区的气候相近。") == set()


def test_partners_build_a_zone_together() -> None:
    rels = _relations("洛阳高新区与河洛大学共建洛河科技新区。")
    assert ("洛阳高新区", "builds_operates", "洛河科技新区") in rels
    assert ("河洛大学", "builds_operates", "洛河科技新区") in rels
    assert ("洛阳高新区", "cooperation", "河洛大学") in rels


def test_we_in_the_quote_of_an_official_is_their_body() -> None:
    from graph._ingest._extract import extract

    p = extract(
        "新乡市发展改革委主任孙立华介绍，新乡把承接产业转移作为主攻方向。"
        "“我们与豫通物流集团合作建设的新乡综合保税区二期已通过封关验收。”孙立华说。"
    )
    found = {(r.source, str(r.type), r.target): r for r in p.relations}
    assert ("豫通物流集团", "builds_operates", "新乡综合保税区") in found
    r = found[("新乡市", "cooperation", "豫通物流集团")]
    assert str(r.basis) == "inferred" and "我们" in r.notes
    # outside a quote, 我们 is the reporter's, no official's
    p = extract(
        "新乡市发展改革委主任孙立华介绍，新乡把承接产业转移作为主攻方向。"
        "我们与豫通物流集团合作建设了新乡综合保税区。"
    )
    assert not any(r.source == "新乡市" for r in p.relations)


def test_parallel_deals_in_one_sentence_stay_apart() -> None:
    rels = _relations(
        "其中，南岭电器集团与荆州市人民政府签订智能家电产业园项目合同，"
        "珠江制冷股份有限公司与武汉经济技术开发区签署投资协议。"
    )
    assert ("南岭电器集团", "signed_agreement", "荆州市人民政府") in rels
    assert ("珠江制冷股份有限公司", "signed_agreement", "武汉经济技术开发区") in rels
    for other in ("珠江制冷股份有限公司", "武汉经济技术开发区"):
        assert _joined(rels, "南岭电器集团", other) == set()
    # the investment of the next deal is not this contract's
    assert ("南岭电器集团", "invests_in", "智能家电产业园项目") not in rels


def test_the_author_founds_what_it_builds_with_a_partner() -> None:
    from graph._ingest._extract import extract

    p = extract("与河洛大学共建智能制造研究院。", author="洛河高新区")
    rels = {(r.source, str(r.type), r.target) for r in p.relations}
    assert ("洛河高新区", "establishes", "智能制造研究院") in rels
    assert ("河洛大学", "establishes", "智能制造研究院") in rels


def test_one_event_does_nothing_to_another() -> None:
    s = "全年举办招商推介会6场，在深圳举办洛河产业招商推介会"
    a = (s.index("招商推介会"), s.index("招商推介会") + 5, T.EVENT)
    b = (s.index("洛河产业招商推介会"), len(s), T.EVENT)
    assert pair_type(s, a, b, 0, len(s)) is None


def test_both_sides_found_a_unit_named_after_one_of_them() -> None:
    """双方将共建甲大学某研究院: 甲大学 founds it too, though the name relates the two."""
    rels = _relations(
        "齐鲁理工大学与潍坊市人民政府签署全面战略合作协议。"
        "根据协议，双方将共建齐鲁理工大学潍坊研究院。"
    )
    assert ("齐鲁理工大学", "establishes", "齐鲁理工大学潍坊研究院") in rels
    assert ("潍坊市人民政府", "establishes", "齐鲁理工大学潍坊研究院") in rels


def test_a_deed_signed_is_no_party() -> None:
    rels = _relations("陕西省商务厅与广西壮族自治区商务厅签署陕桂经贸合作备忘录。")
    assert ("陕西省商务厅", "signed_agreement", "广西壮族自治区商务厅") in rels
    assert not any(d.endswith("备忘录") or s.endswith("备忘录") for s, _, d in rels)


def test_a_bare_head_word_sites_what_it_names() -> None:
    rels = _relations(
        "青禾生物技术股份有限公司与长白研究院共建的人参功能食品联合实验室在长春揭牌。"
        "据介绍，联合实验室设在青禾生物长春研发中心，总面积2600平方米。"
    )
    assert ("人参功能食品联合实验室", "located_in", "青禾生物长春研发中心") in rels


# -- round 3: rules that generalise (invented texts) ----------------------------------


def test_a_list_of_pairs_relates_only_the_two_of_each_pair() -> None:
    rels = _relations(
        "根据协议，东岚区人民政府与北辰大学、西岚区人民政府与南港大学结为合作伙伴，开展产学研合作。"
    )
    assert _joined(rels, "东岚区人民政府", "北辰大学")
    assert _joined(rels, "西岚区人民政府", "南港大学")
    assert not _joined(rels, "东岚区人民政府", "南港大学")
    assert not _joined(rels, "北辰大学", "西岚区人民政府")


@pytest.mark.parametrize(
    "text",
    [
        "星澜科技有限公司与青溪县人民政府签订了智能装备产业园项目投资协议，投资金额8亿元。",
        "青溪县人民政府与星澜科技有限公司签订智能装备产业园项目投资协议。",
    ],
)
def test_the_firm_invests_in_the_project_of_an_investment_deal_not_the_government(
    text: str,
) -> None:
    rels = _relations(text)
    assert ("星澜科技有限公司", "invests_in", "智能装备产业园项目") in rels
    assert not _joined(rels, "青溪县人民政府", "智能装备产业园项目")
    assert _joined(rels, "青溪县人民政府", "星澜科技有限公司") == {"signed_agreement"}


def test_a_clause_with_its_own_subject_is_not_the_authors() -> None:
    rels = _relations(
        "星澜科技有限公司与青溪县人民政府签订了智能装备产业园项目投资协议。",
        author="北岭高新区",
    )
    assert not any(s == "北岭高新区" for s, _, _ in rels)


def test_projects_after_park_inside_are_in_the_park_and_parallel_clauses_stay_apart() -> None:
    rels = _relations(
        "云杉新材料产业园位于青溪县东部。园区内，星澜科技有限公司投资5亿元建设的碳纤维项目已经"
        "投产，北岭化工有限公司年产3万吨树脂项目正在进行设备调试。"
    )
    assert ("碳纤维项目", "located_in", "云杉新材料产业园") in rels
    assert ("年产3万吨树脂项目", "located_in", "云杉新材料产业园") in rels
    assert not _joined(rels, "星澜科技有限公司", "北岭化工有限公司")
    assert not _joined(rels, "星澜科技有限公司", "年产3万吨树脂项目")
    assert not _joined(rels, "北岭化工有限公司", "碳纤维项目")


def test_firms_written_inside_the_zone_are_in_it_whoever_signs_with_them() -> None:
    rels = _relations(
        "青溪经济开发区与星澜银行青溪支行签署战略合作协议。签约现场，星澜银行青溪支行还与区内的"
        "北岭化工有限公司、南屿电子有限公司分别签订了授信合同。"
    )
    assert ("北岭化工有限公司", "located_in", "青溪经济开发区") in rels
    assert ("南屿电子有限公司", "located_in", "青溪经济开发区") in rels
    assert not any(s == "星澜银行青溪支行" and t == "located_in" for s, t, _ in rels)


def test_bodies_written_before_their_people_deal_with_nothing_between_them() -> None:
    rels = _relations(
        "市发展改革委、市商务局等部门主要负责同志，青溪区政府、北岭经济开发区管委会分管负责同志"
        "参加会议。"
    )
    assert not _joined(rels, "市发展改革委", "北岭经济开发区管委会")
    assert not _joined(rels, "市商务局", "青溪区政府")


def test_a_project_named_with_an_event_neither_hosts_nor_attends_it() -> None:
    rels = _relations("云杉数字经济合作项目集中签约仪式在青溪举行。")
    assert not _joined(rels, "云杉数字经济合作项目", "签约仪式")


def test_a_speech_at_a_meeting_is_no_cooperation() -> None:
    rels = _relations("会上，青溪经济开发区、北岭高新区和南屿工业园区作了交流发言。")
    assert not any(t == "cooperation" for _, t, _ in rels)
    assert status("甲区作了交流发言") is None


def test_projects_after_among_are_in_the_park_that_counted_them() -> None:
    from graph._ingest._extract import extract

    p = extract(
        "云杉产业园今年已引进项目12个、总投资36亿元。其中，星澜科技有限公司投资5亿元建设的"
        "碳纤维项目已于6月建成投产。"
    )
    sited = [r for r in p.relations if str(r.type) == "located_in"]
    assert [(r.source, r.target) for r in sited] == [("碳纤维项目", "云杉产业园")]
    assert str(sited[0].basis) == "inferred" and sited[0].quote.startswith("其中")
    # without a count before it, 其中 lists nothing of the park's
    q = extract("云杉产业园位于青溪县。其中，星澜科技有限公司投资5亿元建设的碳纤维项目已投产。")
    assert not any(str(r.type) == "located_in" and r.source == "碳纤维项目" for r in q.relations)


def test_a_body_that_serves_the_project_named_before_supports_it() -> None:
    rels = _relations(
        "星澜科技有限公司投资建设的碳纤维项目在青溪经济开发区开工。"
        "青溪经济开发区管委会成立了项目专班，为项目提供全程代办服务。"
    )
    assert ("青溪经济开发区管委会", "supports", "碳纤维项目") in rels


def test_the_clauses_after_a_deal_go_on_with_the_sentences_subject() -> None:
    rels = _relations(
        "北岭电池科技有限公司与青溪县人民政府签订合作协议，拟在当地建设储能电池生产基地。",
        author="青溪经济开发区",
    )
    assert ("北岭电池科技有限公司", "works_on", "储能电池生产基地") in rels
    assert not _joined(rels, "青溪经济开发区", "储能电池生产基地")


def test_bodies_of_people_who_attend_a_signing_ceremony_do_not_attend_it() -> None:
    text = (
        "青溪经济开发区与星澜银行青溪支行签署战略合作协议。青溪经济开发区党工委书记张明，"
        "星澜银行青溪支行行长李华出席签约仪式。"
    )
    rels = _relations(text)
    assert not any(t == "attends" for _, t, _ in rels)
    assert _joined(rels, "青溪经济开发区", "星澜银行青溪支行") == {"signed_agreement"}


def test_a_zone_that_counts_its_signed_projects_signs_nothing_with_the_firm_after_among() -> None:
    rels = _relations(
        "北岭高新区介绍，今年该区已签约项目15个，其中星澜科技有限公司投资8亿元的碳纤维项目已开工。"
    )
    assert not _joined(rels, "北岭高新区", "星澜科技有限公司")
    assert _joined(rels, "北岭高新区", "碳纤维项目") <= {"located_in"}
    assert ("星澜科技有限公司", "invests_in", "碳纤维项目") in rels


def test_a_title_may_name_an_office_of_the_body() -> None:
    rels = _relations(
        "北岭经开区党工委书记、管委会主任张明，星澜银行青溪支行行长李华出席签约仪式并见证签约。"
    )
    assert not any(t == "signed_agreement" for _, t, _ in rels)


def test_an_event_held_as_the_subject_is_not_the_authors_and_one_held_by_it_is() -> None:
    passive = _relations("9月2日，北岭产业合作联席会议在青溪召开。", author="北岭高新区")
    assert not any(t == "organises" for _, t, _ in passive)
    active = _relations("今年在青溪举办了北岭产业推介会。", author="北岭高新区")
    assert ("北岭高新区", "organises", "北岭产业推介会") in active


def test_a_government_in_talks_with_a_firm_about_a_project_does_not_build_it() -> None:
    rels = _relations("青溪县人民政府与星澜氢能科技有限公司就建设绿色甲醇项目进行了深入洽谈。")
    assert _joined(rels, "青溪县人民政府", "星澜氢能科技有限公司") == {"negotiation"}
    assert not _joined(rels, "青溪县人民政府", "绿色甲醇项目")
    assert _joined(rels, "星澜氢能科技有限公司", "绿色甲醇项目")


def test_a_work_and_its_part_are_one_thing_not_related() -> None:
    def e(name: str, t: T) -> EntityProposal:
        return EntityProposal(name, t, None, 0.5)

    assert _one_thing(e("星澜智能家居产业园", T.PLACE), e("星澜智能家居产业园主体工程", T.PROJECT))
    assert _one_thing(e("北岭数据中心", T.PROJECT), e("北岭数据中心二期", T.PROJECT))
    assert not _one_thing(e("北岭数据中心", T.PROJECT), e("北岭数据中心研究院", T.PROJECT))


def test_a_place_of_a_later_clause_holds_what_is_set_up_there_not_the_thing_before() -> None:
    s = "双方将共建青溪农产品加工研发中心，并在星澜电商产业园设立实训基地"
    a = s.index("青溪农产品加工研发中心")
    b = s.index("星澜电商产业园")
    found = pair_type(s, (a, a + 11, T.PROJECT), (b, b + 7, T.PLACE), 0, len(s))
    assert found is None
    s2 = "青溪农产品加工研发中心落户在星澜电商产业园"
    b2 = s2.index("星澜电商产业园")
    assert pair_type(s2, (0, 11, T.PROJECT), (b2, b2 + 7, T.PLACE), 0, len(s2)) == (
        R.LOCATED_IN,
        False,
    )


def test_a_speaker_speaks_for_the_fullest_body_of_their_title() -> None:
    rels = _relations("东岭大学化学学院院长张明表示，学院将依托联合实验室建设研究生联合培养基地。")
    assert _joined(rels, "东岭大学化学学院", "研究生联合培养基地")
    assert not _joined(rels, "东岭大学", "研究生联合培养基地")
