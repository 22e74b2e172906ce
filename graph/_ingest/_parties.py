"""Relations between the parties a sentence names, read from its cue words.

Reports state most relations as one sentence naming two or more parties:
唐山高新区与某某大学签署合作协议, 某某集团在某某新区举行开工仪式, 某某公司出席签约仪式.
:func:`pair_type` gives, for two parties of one sentence (in the order written), the
relation the words between and around them state, with its direction; ``None`` when
the sentence states nothing between them. Every pair of a sentence is one relation
(a list ``A、B和C`` gives one per member), with the sentence as its quote.

A pure function of the sentence and the two parties' spans and types.
"""

from __future__ import annotations

import re

from .._records import EntityType as T
from .._records import RelationType as R
from ._cues import deal_type

__all__ = ["ANY_CUE", "BY", "PARTY_TYPES", "TITLE_AFTER", "TITLE_RUN", "pair_type"]

#: Entity types that take part in relations as parties.
PARTY_TYPES = frozenset(
    {
        T.ENTERPRISE,
        T.UNIVERSITY,
        T.COLLEGE,
        T.RESEARCH_INSTITUTE,
        T.SCHOOL,
        T.GOVERNMENT_BODY,
        T.DEVELOPMENT_ZONE,
        T.PROJECT,
        T.PLATFORM,
        T.PROGRAMME,
        T.EVENT,
        T.PLACE,
    }
)
_THINGS = frozenset({T.PROJECT, T.PLATFORM, T.PROGRAMME})
_FOUNDED = frozenset({T.RESEARCH_INSTITUTE, T.COLLEGE, T.SCHOOL, T.ENTERPRISE})
_WHERE = frozenset({T.PLACE, T.DEVELOPMENT_ZONE})

_SIGNED = re.compile(r"签署|签订|签约|签下|续签")
_INTENT = re.compile(r"意向")
_TALKS = re.compile(r"洽谈|会谈|商谈|磋商|座谈")
_COOP = re.compile(r"合作|共建|联合|携手|协作|对接|交流(?!发言)")
_INVEST = re.compile(r"投资|出资|兴建|注资")
_ESTABLISH = re.compile(r"设立|成立|组建|揭牌|创办|建立|共建|打造")
_ORGANISE = re.compile(r"主办|承办|举办|举行|召开")
_SUPPORT = re.compile(r"协办|支持|指导|支撑|服务|帮助|给予|助力")
_ATTEND = re.compile(r"出席|参加|参与|见证|到会|致辞")
#: What happens at a place rather than stands there: 在某地举行/签约 (the place of an
#: event or a signing, not of the parties named before it).
_HAPPENS = re.compile(r"(?:隆重|正式|成功|顺利)?(?:举行|举办|召开|签订|签署|签约|开幕)")
_LOCATED = re.compile(r"(?:在|于|落户|位于|落地|入驻|落户到|坐落于?)$")
_BUILDS = re.compile(r"建设|兴建|建立|打造|共建")
_FOUNDS = re.compile(r"(?:兴建|设立|成立|组建|创办|注册)(?:了)?$")
_BUILT = re.compile(r"建设|建立|设立|成立|组建|兴建|共建|落户|举办|举行|召开|打造")
_SUBSIDIARY = re.compile(r"子公司|旗下|控股|下属|所属")
_PARK = re.compile(r"(?:产业园|科技园|园区)$")
#: The last clause before a place says the clause's subject settles in it.
_SETTLES = re.compile(
    r"(?:^|[，,])(?:目前|现已|现|并|已|将|正式|顺利)*(?:落户|坐落|入驻|位于)(?:于|在|到)?"
    r"(?:[^，,。；;]{2,15}的)?$"
)
#: Who builds: an organisation, a zone or a government, not a thing or a bare place.
_SIDE_TYPES = PARTY_TYPES - _THINGS - {T.EVENT, T.PLACE}
_BUILDS_IT = re.compile(r"(?:建设|兴建|打造|共建|规划建设)$")
#: 甲是由乙孵化的…, 甲为乙扶持的…: the second nurtures the first.
_NURTURED = re.compile(r"(?:是|为|系)由?")
_NURTURED_WHAT = re.compile(r"(?:一手|重点|长期)?(?:培育|孵化|扶持|培养)(?:出|起来)?的")
#: 某某中心由甲市和乙大学联合建设: the thing first, then 由 and the parties that make it.
BY = re.compile(r"由(?:[^，,。；;由]{2,20}?(?:、|和|与|及|以及))?")
_MADE_BY = (
    (r"投资|出资", R.INVESTS_IN),
    (r"共建|建设|兴建|打造", R.BUILDS_OPERATES),
    (r"设立|成立|组建|创办|发起", R.ESTABLISHES),
    (r"主办|承办|举办", R.ORGANISES),
)
_MADE_BY_RE = [
    # other members of the list may come between the party and the verb
    (re.compile(rf"(?:(?:、|和|与|及|以及)[^，,。；;]{{2,20}}?)?(?:共同|合作|联合)?(?:{v})"), t)
    for v, t in _MADE_BY
]


#: 甲集团(的)全资子公司乙: the unit of a firm that acts, written after the firm.
_UNIT_OF = re.compile(r"(?:的)?(?:全资|控股|参股)?(?:子公司|旗下企业|旗下公司|下属企业|下属公司)")
#: 由甲集团全资子公司乙: 由, the parent and the word of the unit, before the unit itself.
_BY_UNIT = re.compile(rf"由[^，,。；;由]{{2,20}}?{_UNIT_OF.pattern}")


def _made_by(between: str, after: str, at: T) -> R | None:
    """``X由A和B合作共建``: the type of what ``b`` (after 由) does to ``a``, if stated."""
    if at not in _THINGS | _FOUNDED | {T.EVENT}:
        return None
    if not (BY.fullmatch(between) or _BY_UNIT.fullmatch(between)):
        return None
    for rx, rtype in _MADE_BY_RE:
        if rx.match(after):
            return rtype
    return None


_ANY = re.compile(
    "|".join(
        rx.pattern
        for rx in (
            _SIGNED,
            _INTENT,
            _TALKS,
            _COOP,
            _INVEST,
            _ESTABLISH,
            _ORGANISE,
            _SUPPORT,
            _ATTEND,
            _SUBSIDIARY,
        )
    )
    + r"|建设|推进|开工|落户|位于|入驻|培育|孵化|扶持|引进|引入|招引|捐赠|捐资|资助|培养|融入"
)


#: 与 between two parties, after other members of the first one's list (甲省、乙市与丙),
#: and the adverbs of will or time a party may write before it (甲大学愿与乙省合作).
_JOINED = re.compile(
    r"(?:[、和及][^，,。；、与同和及]{1,12})*"
    r"(?:愿|将|拟|还|也|已|正|又|继续|积极|进一步)*(?:与|同|和)"
)


#: 甲市与乙区、丙区…: 与, then other members of the partner list before the second one.
_JOINED_LIST = re.compile(
    r"(?:愿|将|拟|还|也|已|正|又|继续|积极|进一步)*(?:与|同)(?:[^，,。；;、与同和及]{2,12}[、和及])+"
)


_PAREN_OPEN = re.compile(r"[(（](?:以下简称|下称|简称)?[“\"]?")
_SHORT_FOR = re.compile(r"(?:[(（][^)）]{0,80}[)）])?的(?:英文|中文)?(?:简称|缩写|全称)")
#: 在甲的支持下: 甲 backs what the sentence tells.
_UNDER = re.compile(
    r"(?:的)?(?:大力|积极|全力|鼎力)?(?:支持|指导|帮助|推动|协调|关心)(?:和[^，,]{2,4})?下"
)
_SIGNED_THERE = re.compile(r"(?:正式|成功|顺利)?(?:签订|签署|签约)")
#: Who brings a project in: the zone or government it settles in.
_HOSTS = frozenset({T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY, T.PLACE})
_GATHERED = frozenset({T.ENTERPRISE, T.RESEARCH_INSTITUTE}) | _THINGS
_SETTLES_IN = re.compile(r"落户|入驻|进驻")
_BROUGHT_IN = re.compile(r"(?:成功|正式|重点)?(?:引进|引入|招引|招商引进)")
_BUILT_THERE = re.compile(
    r"(?:内|里|中)?(?:共同|合作|联合)?(?:建设|兴建|设立|成立|建立|打造|组建|投资|落地)"
)
#: What a party named after an event does for it: 某会由甲主办，乙承办，丙协办.
_EVENT_ROLE = re.compile(
    r"(?:(?:、|和|及)[^，,。；;、和及]{2,20}?)*(?:联合|共同|负责)?(主办|承办|举办|协办|支持|赞助)"
)
_ROLES_BETWEEN = re.compile(r"(?:主办|承办|协办|举办|指导|支持)(?:单位)?[，,、；;]")
_ORGANISE_WORDS = frozenset({"主办", "承办", "举办"})
_ZONE_SET_UP = re.compile(r"(?:批准|同意|决定)(?:设立|成立|组建)$")
#: 甲为乙培养…, 甲向乙捐赠…: what one party gives another.
_FOR = re.compile(r"(?:将|还|已|也|积极|主动|无偿|先后|累计|每年)*(?:为|向|给)")
_GIVES = re.compile(r"[^，,。；;]{0,6}?(?:培养|捐赠|捐资|捐助|资助|输送|提供|服务)")
#: 甲、乙四市将主动融入某某都市圈: what a list of places (counted) does to a programme.
_JOINS = re.compile(
    r"(?:[、和及][^，,。；;、和及与]{1,12})*(?:[一二三四五六七八九十两\d]{1,2}(?:市|县|区|省|地|个城市))?"
    r"(?:都|均|将|要|已|正|还|也|主动|积极|加快|全面|深度|全力|共同|纷纷)*"
    r"(?:融入|对接|参与|加入|接入|纳入|服务)"
)
#: 与乙共建某某新区: building a zone with a partner (the verb right before the zone).
_CO_BUILD = r"(?:共建|共同建设|合作建设|携手打造|共同打造|联合打造)"
_BUILDS_ZONE = re.compile(r"(?:与|同|和)[^，,。；;]{2,30}?" + _CO_BUILD + r"的?$")
_BUILDS_ZONE_HERE = re.compile(_CO_BUILD)
#: A park's name (what a city builds, not a place it stands in).
_PARK_NAME = re.compile(r"(?:产业园|科技园|工业园|园区|合作园|示范园|产业基地|示范区)$")
#: 甲市正加快建设某园: a city building a park (adverbs, then the verb).
_PLACE_BUILDS = re.compile(
    r"(?:正|将|要|已|还|也|正在|加快|全力|积极|大力|着力|重点|规划|高标准|持续)*"
    r"(?:建设|打造|共建|规划建设|建成|开发)"
)
#: 区内甲公司: a firm written as one within the zone.
_INSIDE = re.compile(r"(?<![省市县])(?:区内|园内|园区内)(?:的)?(?:[^，,。；;、与和]{1,20}、)*$")
#: 某区开工建设了甲、乙等一批重大项目: the firms named for their projects.
_STARTED = re.compile(
    r"(?:开工建设|开工|建设|竣工|投产|落地|引进|签约)了?(?:[^，,。；;、与和]{1,20}、)*$"
)
_FIRMS_PROJECTS = re.compile(
    r"(?:、[^，,。；;、]{1,20})*等(?:一批|多个|[\d一二三四五六七八九十]+个)?[^，,。；;]{0,6}项目"
)
#: The name of an agreement (what parties sign), not of a party.
_A_DEED = re.compile(r"(?:协议书?|备忘录|合同|意向书|框架)$")
#: 甲与乙、丙签订…: the list after 与 is the other party of the subject's deal.
_PARTNERS_BEFORE = re.compile(r"[^，,。；;、]{2,30}(?:与|同|和)$")
_DEAL_AFTER = re.compile(
    r"(?:(?:、|和|及)[^，,。；;、]{2,20}?)*(?:等[^，,。；;]{0,8})?"
    r"(?:共同|分别|正式|成功|现场)?(?:(签订|签署|签约)|(?:开展|深化|加强)?合作|共建)"
)
#: 甲省与乙市共同推动…: two places acting together.
_TOGETHER = re.compile(r"(?:将|要|已|还|正)?(?:共同|一道|一起|联手)")
#: 与乙公司就(建设)…: talks or a deal with a firm about what follows.
_WITH_FIRM_ABOUT = re.compile(
    r"(?:将|已|还|也|正)?(?:与|同|和)[^，,。；;与]{2,30}?(?:公司|集团|企业)"
    r"就(?:建设|投资|推进|落地|引进)?[“\"]?"
)
#: The signing words right before a project's name (与乙公司签订了某项目…).
_SIGNS_FOR = re.compile(
    r"(?:正式|成功|顺利|共同|现场|还|分别)?(?:签订|签署|签约|签下)了?(?:年产|年处理|新建)?$"
)
#: One title of a person (党委书记, 常务副校长, 首席科学家).
_TITLE_WORD = (
    r"(?:党委|党组|常务|执行|第一)*副?(?:书记|常委|校长|院长|所长|主任|系主任|秘书长|教务长|"
    r"董事长|总经理|总裁|理事长|会长|行长|部长|局长|市长|省长|区长|主席|委员|院士|教授|研究员|"
    r"助理|博士|负责人|创始人|首席[\u4e00-\u9fff]{2,3})"
)
#: The office a title may name within the body (管委会主任, 董事会秘书).
_OFFICE = r"(?:管委会|党工委|工委|董事会|监事会|委员会|人大常委会|政协)"
#: A person's title written after a body (甲委员会委员、…): the body is no party here.
TITLE_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?{_TITLE_WORD}")
#: A string of a person's titles (党委常委、常务副校长兼教务长、): what stands between
#: two bodies a person serves, no relation between them. Each title is one unit and
#: the marks between them another, so that a failed match backtracks linearly.
_TITLES = re.compile(rf"(?:{_TITLE_WORD}(?:兼|、|，|,)?)+")
#: Titles, people's names read out (as 、) and the marks between them.
TITLE_RUN = re.compile(rf"(?:{_OFFICE}?{_TITLE_WORD}|[、，,和及兼])+")
_MEMBERS = re.compile(r"(?:、[^，,。；;、]{2,20})+(?:、|和|及)")


#: Verbs whose object is a party acted on by someone else (a person visits it, asks it).
_ACTED_ON = re.compile(
    r"(?:考察|调研|参观|走访|访问|拜会|拜访|会见|看望|慰问|听取|要求|视察)了?"
    r"(?:[^，,。；;：:]{0,40})$"
)


def _object(text: str, start: int, s_start: int) -> bool:
    """Whether the party at ``start`` is the object of a visit or a request in its clause
    (考察调研了甲、乙; 张三要求甲…), not an actor.

    >>> s = "张三考察了甲公司、乙大学，出席了座谈会"
    >>> _object(s, 5, 0), _object(s, 9, 0), _object("甲公司出席座谈会", 0, 0)
    (True, True, False)
    """
    clause = max(s_start, *(text.rfind(c, s_start, start) + 1 for c in "，,；;：:"))
    return _ACTED_ON.search(text, clause, start) is not None


#: Any cue word of a relation.
ANY_CUE = _ANY


def states_relations(sentence: str) -> bool:
    """Whether a sentence has a cue word at all (a bare list of names has none)."""
    return _ANY.search(sentence) is not None


def _listed_together(
    text: str, a_start: int, a_end: int, b_start: int, s_start: int, s_end: int
) -> bool:
    between = text[a_end:b_start]
    if between == "、":
        return True
    if between in ("和", "及", "以及"):
        return text[max(s_start, a_start - 1) : a_start] == "、" or "、" in text[a_end - 1 : a_end]
    # A、B、C: members further apart, with only other members between (a member's name
    # may hold 与: 化学与分子工程学院)
    if _ANY.search(between):
        return False
    return bool(_MEMBERS.fullmatch(between)) or (
        "、" in between and not re.search("[与同，,]", between)
    )


def pair_type(
    text: str,
    a: tuple[int, int, T],
    b: tuple[int, int, T],
    s_start: int,
    s_end: int,
) -> tuple[R, bool] | None:
    """The relation between parties ``a`` and ``b`` (``a`` written first) and whether it
    reads ``b -> a`` (``True``) rather than ``a -> b``.

    >>> s = "甲乙集团在丙丁新区举行开工仪式"
    >>> pair_type(s, (0, 4, T.ENTERPRISE), (11, 15, T.EVENT), 0, len(s))
    (<RelationType.ORGANISES: 'organises'>, False)
    >>> pair_type(s, (0, 4, T.ENTERPRISE), (5, 9, T.DEVELOPMENT_ZONE), 0, len(s))
    >>> pair_type(s, (5, 9, T.DEVELOPMENT_ZONE), (11, 15, T.EVENT), 0, len(s))
    (<RelationType.LOCATED_IN: 'located_in'>, True)
    """
    a_start, a_end, at = a
    b_start, b_end, bt = b
    between = text[a_end:b_start]
    b_name = text[b_start:b_end]
    after = text[b_end:s_end]
    before_b = text[max(s_start, b_start - 4) : b_start]
    before_a = text[max(s_start, a_start - 4) : a_start]
    if _A_DEED.search(text, a_start, a_end) or _A_DEED.search(b_name):
        return None  # 签署某某合作备忘录: the deed signed, no party to it
    if _PAREN_OPEN.fullmatch(between) and after[:1] in (")", "）"):
        return None  # 某某公会（ABC）: the short form in brackets names the same party
    if between in ("是", "即", "为", "系") and _SHORT_FOR.match(after):
        return None  # ABC是某某公会(…)的简称: two names of one party
    a_park = at is T.PLACE and _PARK.search(text, a_start, a_end) is not None
    if (at in _THINGS or a_park) and BY.fullmatch(between) and _UNIT_OF.match(after):
        return R.PARTICIPATES_IN, True  # 某项目由甲集团全资子公司乙投资建设: 甲 through 乙
    if (made := _made_by(between, after, T.PROJECT if a_park else at)) is not None:
        return made, True  # 由甲、乙共建: the members after 由 make the thing, each
    if (
        (at in _THINGS | _FOUNDED or a_park)
        and bt in _HOSTS
        and BY.fullmatch(between)
        and _BROUGHT_IN.match(after)
    ):
        return R.LOCATED_IN, False  # 某项目由甲区引进: the project settles in the zone
    if at in _HOSTS and bt in _THINGS and _JOINS.fullmatch(between):
        return R.PARTICIPATES_IN, False  # 甲、乙两市将主动融入某某都市圈: each joins it
    if between in ("和", "及", "与") and text[max(s_start, a_start - 1) : a_start] == "由":
        return R.COOPERATION, False  # 由甲和乙共同出资设立: partners in what they make
    if _listed_together(text, a_start, a_end, b_start, s_start, s_end):
        if (
            _PARTNERS_BEFORE.search(text, s_start, a_start)
            and at in _SIDE_TYPES
            and bt in _SIDE_TYPES
            and not TITLE_AFTER.match(text, a_end)
            and not TITLE_AFTER.match(text, b_end)
            and (deal := _DEAL_AFTER.match(text, b_end, s_end)) is not None
        ):
            # 甲与乙、丙签订协议: three parties to one agreement, each pair signs
            return (R.SIGNED_AGREEMENT if deal.group(1) else R.COOPERATION), False
        return None  # members of one list (A、B和C) act together, not on each other
    if _TITLES.fullmatch(between):
        return None  # 甲大学党委常委、乙院院士张三: one person's titles at two bodies
    if at in _WHERE and _SIGNED_THERE.match(text, a_end) and re.search("[，,；;]", between):
        return None  # 在某市签订协议，双方将共建…: where the signing was, not the thing built
    if before_a.endswith("在") and _UNDER.match(text, a_end):
        return R.SUPPORTS, False  # 在甲的支持下，乙与丙签约: 甲 supports, it signs nothing
    heads = a_start == s_start or text[a_start - 1] in "，,；;：:"
    park = bt in _WHERE or (bt in _THINGS and _PARK.search(b_name) is not None)
    if heads and at in _THINGS | _FOUNDED and park and _SETTLES.search(between):
        if after.startswith("的"):
            return None  # 落户于甲区的乙园: it is in 乙园 (甲区 is 乙园's place)
        return R.LOCATED_IN, False  # 某某研究院由…共建，落户于某某园: where it settles
    if at is T.DEVELOPMENT_ZONE and between == "的" and bt in _WHERE and _PARK.search(b_name):
        return R.LOCATED_IN, True  # 某某高新区的某某产业园: a park of the zone
    if (
        park
        and bt in _THINGS
        and at in _FOUNDED
        and _SETTLES_IN.search(before_b)
        and not re.match("[投出]资|建设|共建", after)
    ):
        return R.LOCATED_IN, False  # 甲公司、乙公司已落户某某产业园: the firms are in it
    # where something is: 在/落户/位于 + place, or a place then the thing held there
    if bt in _WHERE and _LOCATED.search(before_b):
        if bt is T.PLACE and at is not T.EVENT and _HAPPENS.match(after):
            return None  # 某某实验室揭牌仪式在某市举行: where the event is, not the lab
        if re.search("[，,；;]", between) and _BUILT_THERE.match(after):
            return None  # 共建甲中心，并在乙园设立实训基地: 乙园 holds the base, not 甲
        if at in _THINGS | {T.EVENT} or (
            at is T.ENTERPRISE
            and _SETTLES_IN.search(before_b)
            and not re.match("[投出]资|建设|共建", after)
            and "由" not in text[max(s_start, a_start - 1) : a_start]
        ):
            return R.LOCATED_IN, False
        return None  # 某某集团在某某新区…: the place of what follows, not of the actor
    if (at in _WHERE or at in _THINGS) and _LOCATED.search(before_a):
        # 在某某园区建设某某研究院: the place of what the clause builds, not an actor
        if bt in _THINGS | {T.EVENT} or (bt in _FOUNDED and _BUILT.search(between)):
            return R.LOCATED_IN, True
        if at in _WHERE or _BUILT.search(between):
            return None
    if at in _HOSTS and bt in _GATHERED and _INSIDE.search(between):
        return R.LOCATED_IN, True  # 某区…，区内甲、乙等重点企业: firms in the zone
    if (
        at in _HOSTS
        and bt in (T.ENTERPRISE, T.PROJECT)
        and _STARTED.search(between)
        and _FIRMS_PROJECTS.match(after)
    ):
        return R.LOCATED_IN, True  # 某区开工建设了甲、乙等一批重大项目: their sites in the zone
    if at in _HOSTS and bt in _GATHERED and _BROUGHT_IN.search(between):
        return R.LOCATED_IN, True  # 某区引进了甲公司: the firm settles in the zone
    if bt is T.PLACE and at in _SIDE_TYPES and _PARK.search(b_name) and _BUILDS_IT.search(between):
        return R.BUILDS_OPERATES, False  # 建设某某产业园: a park it builds, not a place it is
    if (
        (at in _SIDE_TYPES or at is T.PLACE)
        and (bt is T.DEVELOPMENT_ZONE or (bt is T.PLACE and _PARK_NAME.search(b_name)))
        and (
            (
                _BUILDS_ZONE.search(between)
                and (at is not T.PLACE or _JOINED_LIST.match(between) or _JOINED.match(between))
            )
            or (_BUILDS_ZONE_HERE.fullmatch(between) and before_a.endswith(("与", "同", "和")))
        )
    ):
        return R.BUILDS_OPERATES, False  # 甲与乙共建某某新区: each builds the zone
    if at is T.PLACE and _PARK_NAME.search(b_name) and _PLACE_BUILDS.fullmatch(between):
        return R.BUILDS_OPERATES, False  # 许昌正加快建设某某产业园: the city builds it
    if T.PLACE in (at, bt):  # a bare place is a party only where it acts as one: 甲市与乙签约
        joined = _JOINED.fullmatch(between) or _JOINED_LIST.fullmatch(between)
        if not joined or not (
            _SIGNED.search(after) or _COOP.search(after) or _TOGETHER.match(after)
        ):
            return None
        return (R.SIGNED_AGREEMENT if _SIGNED.search(after) else R.COOPERATION), False
    subsidiary = (
        _SUBSIDIARY.search(between)
        or _SUBSIDIARY.match(after)
        or (between in ("是", "为", "系", "作为", "成为") and _UNIT_OF.match(after))
    )
    if subsidiary and at is T.ENTERPRISE and bt is T.ENTERPRISE:
        # 甲(的)全资子公司乙, 甲旗下乙: 乙 is 甲's; 甲是乙的子公司: 甲 is 乙's
        return R.SUBSIDIARY_OF, _SUBSIDIARY.search(between) is not None
    if at is T.EVENT and bt is T.EVENT:
        return None  # 举办推介会6场，在某地举办某某推介会: one event does nothing to another
    if bt is T.EVENT and at in _THINGS:
        return None  # 某某项目集中签约仪式: a project is what the event is about, no host
    if bt is T.EVENT:
        if _ATTEND.search(between):
            if _object(text, a_start, s_start):
                return None  # 考察了甲，出席了某会: 甲 was visited, it does not attend
            return R.ATTENDS, False
        if _ORGANISE.search(between) or _ORGANISE.search(after[:6]):
            return R.ORGANISES, False
        if _SUPPORT.search(between):
            return R.SUPPORTS, False
        if re.search("[，,；;]", between) and not _ATTEND.search(after):
            return None  # an event named clauses away, with no word of taking part
        return R.ATTENDS, False
    if at is T.EVENT:
        if (role := _EVENT_ROLE.match(after)) is not None:  # 某会由甲主办，乙承办
            return (R.ORGANISES if role.group(1) in _ORGANISE_WORDS else R.SUPPORTS), True
        if bt in _THINGS or _object(text, b_start, s_start):
            return None  # 在签约仪式上，张三要求甲… : 甲 is told, it does not attend
        return R.ATTENDS, True
    if T.PROGRAMME in (at, bt) and re.search("[，,；;：:]", between):
        return None  # a programme or strategy is joined in its own clause (融入某某战略)
    if bt is T.PROJECT and at in _HOSTS and _WITH_FIRM_ABOUT.fullmatch(between):
        return None  # 甲市政府与乙公司就建设某项目洽谈: the firm's project, the city talks
    if bt in _THINGS:
        if at in _THINGS:
            return None
        if bt is T.PROJECT and (signed := _SIGNS_FOR.search(between)) is not None:
            signed_deal = deal_type(signed.group(0), after[:30])
            if signed_deal is not None:  # 甲区与乙公司签订某项目投资协议: the firm invests
                return None if at in _HOSTS else (signed_deal, False)
        if before_b.endswith(("在", "于")) and _BUILT_THERE.match(after):
            return None  # 甲在某某园建设乙: the park is where 乙 goes, 甲 takes no part in it
        if _INVEST.search(between):
            return R.INVESTS_IN, False
        if bt is T.PROJECT and _BUILDS.search(between) and not _FOUNDS.search(between):
            return R.BUILDS_OPERATES, False  # 建设/共建某某产业城: builds it
        if _ESTABLISH.search(between):
            return R.ESTABLISHES, False
        return R.PARTICIPATES_IN, False
    if at in _THINGS:
        return (R.PARTICIPATES_IN, True) if not _INVEST.search(between) else None
    if _ROLES_BETWEEN.search(between):
        return None  # 由甲主办，乙承办(，丙参加): roles for one event, nothing between them
    if bt is T.DEVELOPMENT_ZONE and _ZONE_SET_UP.search(between):
        return R.ESTABLISHES, False  # 某省人民政府批准设立某某新区
    # two organisations: 共建/设立 right before the second one founds it
    if (_ESTABLISH.search(between[-4:]) or _FOUNDS.search(between[-5:])) and bt in _FOUNDED:
        return R.ESTABLISHES, False
    if _FOR.fullmatch(between) and _GIVES.match(after):
        return R.SUPPORTS, False  # 甲向乙捐赠…, 甲为乙培养人才: 甲 supports 乙
    if _NURTURED.fullmatch(between) and _NURTURED_WHAT.match(after):
        return R.SUPPORTS, True  # 甲是由乙孵化的…: 乙 supports 甲
    window = between + after[:30]
    if _BROUGHT_IN.search(between) and not _ANY.search(_BROUGHT_IN.sub("", window)):
        return None  # 甲公司引进了乙公司的技术: what 甲 brings in, no deal with 乙
    for rx, rtype in (
        (_INTENT, R.LETTER_OF_INTENT),
        (_SIGNED, R.SIGNED_AGREEMENT),
        (_TALKS, R.NEGOTIATION),
        (_SUPPORT, R.SUPPORTS),
        (_INVEST, R.INVESTS_IN),
        (_COOP, R.COOPERATION),
        (_ESTABLISH, R.ESTABLISHES),
    ):
        if rx.search(window) and (rtype is not R.ESTABLISHES or bt in _FOUNDED):
            return rtype, False
    return R.COOPERATION, False
