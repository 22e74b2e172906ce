"""How Chinese reports name things: head words, enumerations, stop words.

Pure data and small functions used by :mod:`graph._ingest._extract`. Nothing here
names any particular organisation: the rules are the language's, not one report's.
"""

from __future__ import annotations

import re

from .._records import EntityType as T

__all__ = [
    "CATEGORIES",
    "GENERIC_START",
    "HEADS",
    "HEAD_RE",
    "NAME_CHARS",
    "ORG_TYPES",
    "PLACE_TYPES",
    "PROJECT_TYPES",
    "RELATIONAL",
    "STANDALONE",
    "category_type",
    "trim_left",
]

#: Head words that end a name, with the type they suggest and a confidence.
HEADS: dict[str, tuple[T, float]] = {
    # universities, colleges, institutes, schools
    "大学": (T.UNIVERSITY, 0.9),
    "高等专科学校": (T.COLLEGE, 0.9),
    "职业技术学院": (T.COLLEGE, 0.9),
    "职业学院": (T.COLLEGE, 0.9),
    "专科学校": (T.COLLEGE, 0.9),
    "学院": (T.COLLEGE, 0.7),
    "学系": (T.COLLEGE, 0.7),
    "科学院": (T.RESEARCH_INSTITUTE, 0.9),
    "研究院": (T.RESEARCH_INSTITUTE, 0.9),
    "研究所": (T.RESEARCH_INSTITUTE, 0.9),
    "科技院": (T.RESEARCH_INSTITUTE, 0.8),
    "研究中心": (T.RESEARCH_INSTITUTE, 0.8),
    "设计院": (T.RESEARCH_INSTITUTE, 0.8),
    "工程院": (T.RESEARCH_INSTITUTE, 0.8),
    "附属学校": (T.SCHOOL, 0.9),
    "学校": (T.SCHOOL, 0.8),
    "中学": (T.SCHOOL, 0.8),
    "小学": (T.SCHOOL, 0.8),
    "幼儿园": (T.SCHOOL, 0.8),
    # enterprises
    "股份有限公司": (T.ENTERPRISE, 0.95),
    "有限责任公司": (T.ENTERPRISE, 0.95),
    "有限公司": (T.ENTERPRISE, 0.95),
    "公司": (T.ENTERPRISE, 0.85),
    "集团": (T.ENTERPRISE, 0.85),
    "股份": (T.ENTERPRISE, 0.8),
    "药业": (T.ENTERPRISE, 0.8),
    "实业": (T.ENTERPRISE, 0.8),
    "制药": (T.ENTERPRISE, 0.7),
    "银行": (T.ENTERPRISE, 0.8),
    "母基金": (T.ENTERPRISE, 0.7),
    "基金": (T.ENTERPRISE, 0.6),
    # government
    "管委会": (T.GOVERNMENT_BODY, 0.9),
    "党工委": (T.GOVERNMENT_BODY, 0.9),
    "工委": (T.GOVERNMENT_BODY, 0.8),
    "委员会": (T.GOVERNMENT_BODY, 0.8),
    "领导小组": (T.GOVERNMENT_BODY, 0.9),
    "工作小组": (T.GOVERNMENT_BODY, 0.8),
    "人民政府": (T.GOVERNMENT_BODY, 0.9),
    "政府": (T.GOVERNMENT_BODY, 0.7),
    "发改委": (T.GOVERNMENT_BODY, 0.9),
    # zones and places
    "高新技术产业开发区": (T.DEVELOPMENT_ZONE, 0.95),
    "经济技术开发区": (T.DEVELOPMENT_ZONE, 0.95),
    "高新区": (T.DEVELOPMENT_ZONE, 0.9),
    "开发区": (T.DEVELOPMENT_ZONE, 0.9),
    "经开区": (T.DEVELOPMENT_ZONE, 0.9),
    "自贸区": (T.DEVELOPMENT_ZONE, 0.8),
    "保税区": (T.DEVELOPMENT_ZONE, 0.8),
    "新区": (T.DEVELOPMENT_ZONE, 0.7),
    "新城": (T.DEVELOPMENT_ZONE, 0.7),
    "示范区": (T.DEVELOPMENT_ZONE, 0.8),
    "先行区": (T.DEVELOPMENT_ZONE, 0.8),
    "先导区": (T.DEVELOPMENT_ZONE, 0.8),
    "试验区": (T.DEVELOPMENT_ZONE, 0.8),
    "合作区": (T.DEVELOPMENT_ZONE, 0.8),
    "集聚区": (T.DEVELOPMENT_ZONE, 0.7),
    "示范带": (T.DEVELOPMENT_ZONE, 0.7),
    "片区": (T.PLACE, 0.7),
    "产业园": (T.PLACE, 0.6),
    "工业园": (T.PLACE, 0.6),
    "合作园": (T.PLACE, 0.6),
    "物流园": (T.PLACE, 0.6),
    "软件园": (T.PLACE, 0.6),
    "科技城": (T.DEVELOPMENT_ZONE, 0.6),
    # ports inland and by air (某某国际陆港, 某某航空港): zones of their own
    "陆港": (T.DEVELOPMENT_ZONE, 0.7),
    "铁路港": (T.DEVELOPMENT_ZONE, 0.7),
    "航空港": (T.DEVELOPMENT_ZONE, 0.7),
    "空港": (T.DEVELOPMENT_ZONE, 0.6),
    "无水港": (T.DEVELOPMENT_ZONE, 0.7),
    # platforms and programmes
    "工作站": (T.PLATFORM, 0.85),
    "工作室": (T.PLATFORM, 0.8),
    "实验室": (T.PLATFORM, 0.8),
    "孵化器": (T.PLATFORM, 0.8),
    "众创空间": (T.PLATFORM, 0.8),
    "硕士班": (T.PROGRAMME, 0.9),
    "博士班": (T.PROGRAMME, 0.9),
    "研修班": (T.PROGRAMME, 0.9),
    "培训班": (T.PROGRAMME, 0.9),
    "实验班": (T.PROGRAMME, 0.8),
    "订单班": (T.PROGRAMME, 0.8),
    # regions that several places develop together: a programme of theirs, not a place
    "都市圈": (T.PROGRAMME, 0.8),
    "经济圈": (T.PROGRAMME, 0.8),
    "城市群": (T.PROGRAMME, 0.8),
    "经济带": (T.PROGRAMME, 0.7),
    # projects
    "项目": (T.PROJECT, 0.9),
    "工程": (T.PROJECT, 0.7),
    "专线": (T.PROJECT, 0.8),
    "大厦": (T.PROJECT, 0.8),
    "综合体": (T.PROJECT, 0.8),
    "孵化园": (T.PROJECT, 0.8),
    "科技园": (T.PROJECT, 0.8),
    "商务园": (T.PROJECT, 0.7),
    "园区": (T.PROJECT, 0.6),
    "基地": (T.PROJECT, 0.7),
    "中心": (T.PROJECT, 0.6),
    "储备库": (T.PROJECT, 0.8),
    "处理厂": (T.PROJECT, 0.8),
    "电站": (T.PROJECT, 0.7),
    "铁路": (T.PROJECT, 0.7),
    "高铁": (T.PROJECT, 0.7),
    "公路": (T.PROJECT, 0.7),
    # events
    "发布会": (T.EVENT, 0.9),
    "推介会": (T.EVENT, 0.9),
    "洽谈会": (T.EVENT, 0.9),
    "博览会": (T.EVENT, 0.9),
    "交易会": (T.EVENT, 0.9),
    "座谈会": (T.EVENT, 0.9),
    "对接会": (T.EVENT, 0.9),
    "研讨会": (T.EVENT, 0.9),
    "论坛": (T.EVENT, 0.8),
    "峰会": (T.EVENT, 0.8),
    "大会": (T.EVENT, 0.8),
    "签约仪式": (T.EVENT, 0.9),
    "开工仪式": (T.EVENT, 0.9),
    "揭牌仪式": (T.EVENT, 0.9),
    "奠基仪式": (T.EVENT, 0.9),
    "启动仪式": (T.EVENT, 0.9),
    "交流会": (T.EVENT, 0.9),
    "签约会": (T.EVENT, 0.9),
    "联席会议": (T.EVENT, 0.8),
    "招商会": (T.EVENT, 0.9),
    "展览会": (T.EVENT, 0.9),
    "展销会": (T.EVENT, 0.9),
    "恳谈会": (T.EVENT, 0.9),
    "推进会": (T.EVENT, 0.8),
    "见面会": (T.EVENT, 0.8),
    "说明会": (T.EVENT, 0.8),
    # events named short, by a place's character (渝洽会, 数博会, 广交会)
    "博会": (T.EVENT, 0.7),
    "洽会": (T.EVENT, 0.7),
    "交会": (T.EVENT, 0.7),
    "贸会": (T.EVENT, 0.7),
    "年会": (T.EVENT, 0.8),
    "大赛": (T.EVENT, 0.8),
    "文化节": (T.EVENT, 0.8),
    "旅游节": (T.EVENT, 0.8),
    "贸易节": (T.EVENT, 0.8),
    "艺术节": (T.EVENT, 0.8),
    "生产线": (T.PROJECT, 0.8),
    "产业城": (T.PROJECT, 0.7),
    "联合实验室": (T.PLATFORM, 0.9),
    "联盟": (T.PLATFORM, 0.7),  # 某某产业联盟: firms and institutes joined in a platform
}

#: Head words that name something on their own (``成立工作小组``, ``管委会主任``).
STANDALONE = frozenset(
    {
        "管委会",
        "党工委",
        "工委",
        "领导小组",
        "工作小组",
        "发改委",
        "签约仪式",
        "开工仪式",
        "揭牌仪式",
        "奠基仪式",
        "启动仪式",
    }
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters a name may contain.
NAME_CHARS = rf"[{_HAN}A-Za-z0-9·()（）]"
#: A head word, longest first; not followed by characters that make it a longer word.
#: Words that say how two firms relate (甲的全资子公司乙), written where a name's head
#: word would be: no name, nor part of one.
RELATIONAL = re.compile(r"的?(?:全资|控股|参股|独资|合资)?(?:子公司|孙公司|母公司)")

HEAD_RE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + ")"
    r"(?!师|技术|量|化|长|员|成员)(?<!新城(?=片区|建设))(?<!基金(?=会))(?<!工程(?=学))"
)

ORG_TYPES = frozenset(
    {
        T.ENTERPRISE,
        T.UNIVERSITY,
        T.COLLEGE,
        T.RESEARCH_INSTITUTE,
        T.SCHOOL,
        T.GOVERNMENT_BODY,
        T.DEVELOPMENT_ZONE,
    }
)
PROJECT_TYPES = frozenset({T.PROJECT, T.PROGRAMME, T.PLATFORM})
PLACE_TYPES = frozenset({T.PLACE, T.DEVELOPMENT_ZONE})

# Words after which a name starts: prepositions and particles, and verbs. Strong verbs
# are never part of a name; weak ones (建设, 投资, 合作 …) often are part of an
# organisation's name, so they only cut names of projects, events and places.
_PARTICLES = "的了在向将把被从于对以为由是就让使给及与等"
_COORD = "和或跟"
#: Words that start with a particle's character but are no particle (对口帮扶, 对外经济).
_NOT_PARTICLES = frozenset({"对口", "对外", "对话"})
_STRONG_VERBS = [
    "签订",
    "签署",
    "签约",
    "举行",
    "举办",
    "召开",
    "引进",
    "争取",
    "推进",
    "开展",
    "参加",
    "完成",
    "成立",
    "组建",
    "依托",
    "借助",
    "面向",
    "围绕",
    "加快",
    "打造",
    "实施",
    "启动",
    "落户",
    "对接",
    "拜访",
    "考察",
    "洽谈",
    "提升",
    "推动",
    "吸引",
    "培养",
    "利用",
    "开工",
    "建成",
    "入驻",
    "实现",
    "促进",
    "办理",
    "列为",
    "抽调",
    "新建",
    "筹建",
    "谋划",
    "包括",
    "涉及",
    "扩大",
    "推介",
    "宣传",
    "走访",
    "引导",
    "鼓励",
    "共建",
    "共同建设",
]
_WEAK_VERBS = ["投资", "合作", "服务", "支持", "发布", "设立", "组织", "建设"]
#: Verbs that, right before the head word, say what it is for (联合培养基地).
_MODIFYING = frozenset({"培养"})
_STRONG_RE = re.compile("|".join(sorted(_STRONG_VERBS, key=len, reverse=True)))
_WEAK_RE = re.compile("|".join(sorted(_WEAK_VERBS, key=len, reverse=True)))
_LOOSE_ORGS = frozenset({T.ENTERPRISE, T.UNIVERSITY, T.COLLEGE, T.RESEARCH_INSTITUTE})
#: Words that make a name generic (部分子项目, 有关部门): not a name at all.
GENERIC_START = re.compile(
    r"^(部分|有关|相关|各类|各项|各|该|其他|其|这些|多个|一批|本次|本项|落地|重点|重大|首批|"
    r"国家级|省级|市级|两地|两省|两市|三地|双方)"
)


def trim_left(body: str, type: T) -> tuple[str, bool]:
    """Cut ``body`` (a name without its head) after the last word that cannot be in it.

    Returns the kept part and whether anything was cut.

    >>> trim_left("在北京国家广告", T.PLACE)
    ('北京国家广告', True)
    >>> trim_left("由中国航空国际建设发展有限", T.ENTERPRISE)
    ('中国航空国际建设发展有限', True)
    >>> trim_left("与天津国建集团合作的土地一级开发整理和基础设施", T.PROJECT)
    ('土地一级开发整理和基础设施', True)
    """
    cut = 0
    for i, ch in enumerate(body):
        if (ch in _PARTICLES and body[i : i + 2] not in _NOT_PARTICLES) or (
            ch == "来" and body[i - 1 : i] != "未"
        ):
            cut = i + 1
    if body[cut : cut + 1] and body[cut] in _COORD:
        cut += 1
    for rx in (_STRONG_RE,) if type in _LOOSE_ORGS else (_STRONG_RE, _WEAK_RE):
        for m in rx.finditer(body, cut):
            if m.end() == len(body) and m.group(0) in _MODIFYING and m.start() > cut:
                continue  # 研究生联合培养基地: the verb says what the base is for
            if type is T.EVENT and m.group(0) in _WEAK_VERBS and m.end() < len(body):
                # 产业合作招商推介会, 投资贸易洽谈会, 重点项目建设工作推进会: what the
                # event is about
                continue
            cut = max(cut, m.end())
    # digits and measure words before a name belong to the sentence, not the name
    digits = re.match(r"\d+[个家所项名条座批]?", body[cut:])
    if digits and digits.end() < len(body) - cut:
        cut += digits.end()
    return body[cut:], cut > 0


#: Words after 等 that say what an enumeration lists.
CATEGORIES: tuple[tuple[str, T], ...] = (
    ("科研机构", T.RESEARCH_INSTITUTE),
    ("科研院所", T.RESEARCH_INSTITUTE),
    ("研究机构", T.RESEARCH_INSTITUTE),
    ("院所", T.RESEARCH_INSTITUTE),
    ("高校", T.UNIVERSITY),
    ("大学", T.UNIVERSITY),
    ("院校", T.UNIVERSITY),
    ("学校", T.SCHOOL),
    ("企业", T.ENTERPRISE),
    ("公司", T.ENTERPRISE),
    ("集团", T.ENTERPRISE),
    ("项目", T.PROJECT),
    ("工程", T.PROJECT),
    ("平台", T.PLATFORM),
    ("活动", T.EVENT),
    ("城市", T.PLACE),
    ("地区", T.PLACE),
    ("园区", T.PLACE),
    ("部门", T.GOVERNMENT_BODY),
    ("单位", T.GROUP),
    ("机构", T.GROUP),
)


def category_type(words: str) -> T | None:
    """The entity type an enumeration's category words suggest (the first one found).

    >>> category_type("知名高校和科研机构")
    <EntityType.UNIVERSITY: 'university'>
    """
    best: tuple[int, T] | None = None
    for word, t in CATEGORIES:
        i = words.find(word)
        if i != -1 and (best is None or i < best[0]):
            best = (i, t)
    return best[1] if best else None
