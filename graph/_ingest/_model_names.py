"""Names from the tagger's words, with the language's rules on top.

The model (:mod:`graph._ingest._tagging`) knows where words begin and which are
organisations (``ORG``), places (``LOC``) and proper nouns (``nz``). The rules here
do what it does not:

- :func:`model_names` completes a tagged name with the head word that follows it
  (an ``ORG`` + 项目/基地/生产线 is a project, + 签约仪式/论坛 an event), joins
  ``ORG(LOC)有限公司`` and adjacent places (重庆 + 两江新区), and types the result
  by its head word;
- :func:`snap` moves the start of a name found by head words (…公司, …项目) to a word
  boundary and drops the words no name starts with: verbs, adverbs, prepositions,
  conjunctions, particles, numbers, times (今年公司 → 公司, 而某某大学 → 某某大学).

Pure functions of a text and its words (absolute offsets).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .._records import EntityType as T
from ._names import _HAN, GENERIC_START, HEAD_RE, HEADS, RELATIONAL
from ._places import abbreviates_places
from ._tagging import Word

__all__ = [
    "ABSTRACT",
    "ACADEMIC",
    "BUILDS_INSIDE",
    "BUILD_VERBS",
    "FUNCTION_TAGS",
    "HOST_ROLE",
    "PAIRS",
    "STANDING",
    "TITLE",
    "TITLED_TYPES",
    "greeted_for",
    "model_names",
    "plausible",
    "snap",
]

#: Tags of words no name starts with.
FUNCTION_TAGS = frozenset(
    {"v", "vd", "d", "p", "c", "u", "xc", "r", "m", "q", "TIME", "t", "w", "ad", "f", "PER", "s"}
)
#: Tags of words that end whatever stood before them (a verb, a conjunction …).
_INNER_CUT = frozenset({"v", "vd", "p", "u", "xc", "r", "d", "ad", "PER", "TIME"})
_NAME_TAGS = frozenset({"ORG", "LOC", "nz"})
#: Words that may sit between a tagged name and its head word (西南 产业 基地).
_EXTEND_TAGS = frozenset({"ORG", "LOC", "nz", "n", "vn", "nw", "an", "j", "s"})
_MAX_EXTEND = 4
#: Verbs that stand inside names as modifiers, never before an object (某地创新创业大厦,
#: 某某创新研究院): a name read on over them when a head word follows.
_NAME_VERBS = frozenset({"创新", "创业"})
#: Trades that close a firm's short name after a word the tagger marks as an
#: organisation (某某钢铁, 某某物流), unless a noun follows (某某钢铁产业).
_INDUSTRIES = frozenset(
    {
        "科技",
        "电子",
        "钢铁",
        "物流",
        "能源",
        "新能源",
        "汽车",
        "化工",
        "置业",
        "地产",
        "控股",
        "投资",
        "医药",
        "生物",
        "材料",
        "电气",
        "电力",
        "通信",
        "软件",
        "智能",
        "食品",
        "纺织",
        "鞋业",
        "环保",
        "光电",
        "重工",
        "机械",
        "建材",
        "集成",
        "数码",
    }
)
#: What follows an organisation named in a person's title.
_TITLE = re.compile(
    r"(?:省委|市委|县委|区委|州委|党委|党组)?(?:常委、?)?"
    # the field a manager runs (某某公司中国区事务总监, 某某集团销售经理)
    r"(?:(?:事务|业务|市场|销售|技术|运营|财务|行政)(?=副|总|经理|主管|部长|主任))?"
    r"(?:副|常务副|执行)?"
    r"(?:书记|省长|市长|区长|县长|州长|镇长|乡长|主任|院长|校长|所长|董事长|总经理|总裁|总监|经理|"
    r"部长|局长|厅长|处长|科长|主席|秘书长|会长|理事长|行长|委员|教授|研究员|负责人|领导|"
    r"(?:一级|二级)?(?:巡视员|调研员)|总工程师|常委(?!会))"
)
_TITLE_END = re.compile(_TITLE.pattern + r"|助理|代表团")
TITLE = _TITLE
#: Academic titles after an organisation (某某科学院院士, 某某大学终身教授, 某某研究所
#: 研究员): where the person is a member, not where they act for it.
ACADEMIC = re.compile(r"院士|(?:终身|客座|特聘|兼职|讲席|名誉)教授|研究员|博士生导师|博导|访问学者")
_NOUN_TAGS = frozenset({"n", "nz", "ORG", "LOC", "j", "nw", "nt", "ns"})
_GOVERNMENT = re.compile(
    r"(?:委|政府|部|局|厅|办|署|办公室|办事处|常委会|人大|政协|省|(?<![超门股])市|县|区|镇|乡)$"
)
#: What follows a news outlet named in a dateline or a byline (某某日报讯, 某社某地
#: 3月5日电, 某某日报记者 张三, 据某某日报报道): the outlet reports, it is no party.
_REPORTED = re.compile(r"\s*(?:讯|(?:\d{1,2}月)?\d{1,2}日电|(?:特约|首席)?(?:记者|通讯员)|报道)")
_PARTY = re.compile(r"(?:党|中央|党组)$")
#: A web site (某某新闻网, 某省人民政府网; not 电网, a grid): an outlet, in a byline.
_OUTLET = re.compile(r"(?<![电])网$")


#: Abstract nouns a name without a head word does not end with (某地发展, 某地合作 are
#: the tagger reading a phrase as an organisation).
ABSTRACT = re.compile(r"(?:发展|合作|建设|交流|创新|教育|产业|经济|战略|全方位|优势|共赢|双赢)$")


#: Nouns an organisation without a head word modifies (某地航空产业, 某某汽车行业): it
#: names a branch of industry there, not a party.
_MODIFIES = re.compile(r"产业|行业|优势|经济|合作(?:协议|备忘录|框架|意向)")


#: Verbs of building that may follow a name with no pause (某某集团建设某某中心).
BUILD_VERBS = "建设|打造|组建|设立|成立|共建|兴建|筹建"
#: A builder's name (ending with a head word), a verb of building, and what it builds.
BUILDS_INSIDE = re.compile(rf"^(.{{2,}}?(?:{HEAD_RE.pattern}))(?:{BUILD_VERBS})(?=.{{3,}}$)")


def _among_people(text: str, words: Sequence[Word], i: int, j: int) -> bool:
    """A name between people of one list (张三、某某及李四) is a person the tagger missed."""
    before = (
        i >= 2 and text[words[i - 1].start : words[i - 1].end] == "、" and words[i - 2].tag == "PER"
    )
    after = (
        j + 1 < len(words)
        and text[words[j].start : words[j].end] in ("、", "及", "和")
        and words[j + 1].tag == "PER"
    )
    return before or after


def _industries_only(name: str) -> bool:
    """Whether ``name`` is only words of trades (新能源汽车, 生物医药): a branch of
    industry the tagger read as an organisation, not a firm."""
    ok = [True] + [False] * len(name)
    for i in range(len(name)):
        if ok[i]:
            for k in range(2, 4):
                if i + k <= len(name) and name[i : i + k] in _INDUSTRIES:
                    ok[i + k] = True
    return len(name) >= 4 and ok[len(name)]


#: A number and a word or two of measure (360余件): no name.
_COUNT_ONLY = re.compile(r"[\d.,]+[^\d]{0,2}")
#: What ends a government office's name (某省工业和信息化厅, 某市人力资源和社会保障局).
_OFFICE_END = re.compile(r"(?:厅|局|委|部|委员会|办公室)$")
#: A host's role the tagger may read into its name (某某贸促会协办).
HOST_ROLE = re.compile(r"(?:主办|承办|协办)$")
_HOST_ROLE = HOST_ROLE


def _office_after_and(text: str, words: Sequence[Word], j: int) -> int | None:
    """某省工业|和|信息化厅: where a government office's name that the tagger cut at its
    和 ends (the index after its last word), or None. The words after 和 (one or two,
    no pause) end with an office's word (厅, 局, 委员会 …)."""
    if j + 1 >= len(words) or text[words[j].start : words[j].end] != "和":
        return None
    if words[j].start != words[j - 1].end or words[j + 1].start != words[j].end:
        return None
    if _OFFICE_END.search(text, words[j - 1].start, words[j - 1].end) or _head(
        text[words[j - 1].start : words[j - 1].end]
    ):
        return None  # 甲厅和乙厅: two offices
    for k in (j + 1, j + 2):
        if k >= len(words) or words[k].start != words[k - 1].end:
            return None
        if words[k].tag in ("ORG", "LOC", "PER"):
            return None  # 和 another name
        if words[k].tag in ("n", "vn", "nz") and _OFFICE_END.search(
            text, words[j + 1].start, words[k].end
        ):
            return k + 1
    return None


def _head(name: str) -> tuple[T, float] | None:
    """The type a name's last head word gives, when the name ends with one."""
    last = None
    for m in HEAD_RE.finditer(name):
        last = m
    if last is None or last.end() != len(name):
        return None
    return HEADS[last.group(0)]


def _paren_end(text: str, words: Sequence[Word], j: int) -> int | None:
    """``(重庆)`` at word ``j``: the index of the word after the closing bracket."""
    if text[words[j].start] not in "(（":
        return None
    for k in range(j + 1, min(j + 4, len(words))):
        if text[words[k].start] in ")）":
            return k + 1
    return None


#: Organisations whose people's presence may be read as theirs (a city's party
#: secretary speaks for more than the city's government: those are left out).
_TITLED_TYPES = frozenset(
    {T.ENTERPRISE, T.UNIVERSITY, T.COLLEGE, T.RESEARCH_INSTITUTE, T.SCHOOL, T.DEVELOPMENT_ZONE}
)
TITLED_TYPES = _TITLED_TYPES
_TITLE_RUN = re.compile(r"(?:[、，,]?(?:" + _TITLE.pattern + r"))+")


def _titled_person(text: str, words: Sequence[Word], end: int) -> bool:
    """Whether a person's titles start at ``end`` and a person the tagger marks follows."""
    run = _TITLE_RUN.match(text, end)
    if run is None:
        return False
    i = bisect.bisect_left([w.start for w in words], run.end())
    return i < len(words) and words[i].start == run.end() and words[i].tag == "PER"


def model_names(
    text: str,
    words: Sequence[Word],
    titled: list[tuple[int, int, T]] | None = None,
) -> list[tuple[int, int, T, float]]:
    """Names the tagger marks, completed by their head words: ``(start, end, type, conf)``.

    A place or proper noun without a head word is left to the gazetteer and the rules
    (a bare 重庆 is a party only where it acts as one). An organisation named only in
    a person's title (某某集团董事长张三) is no name of its own; when ``titled`` is
    given, the enterprises, universities, institutes and zones named so before a
    person are appended to it as ``(start, end, type)``.

    >>> from graph._ingest._tagging import tag
    >>> s = "华远集团董事长张明出席"
    >>> found: list[tuple[int, int, T]] = []
    >>> model_names(s, tag([s])[0], found), found
    ([], [(0, 4, <EntityType.ENTERPRISE: 'enterprise'>)])
    """
    out: list[tuple[int, int, T, float]] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.tag not in _NAME_TAGS:
            i += 1
            continue
        j = i + 1
        tags = {w.tag}
        while j < n:
            if words[j].tag in _NAME_TAGS and words[j].start == words[j - 1].end:
                tags.add(words[j].tag)
                j += 1
            elif (k := _paren_end(text, words, j)) is not None and "ORG" in tags:
                j = k
            else:
                break
        best = j if _head(text[w.start : words[j - 1].end]) else None
        k = j
        while (
            k < n
            and k - j < _MAX_EXTEND
            and not RELATIONAL.search(text, words[k].start, words[k].end)  # 甲集团|全资子公司
            and (
                words[k].tag in _EXTEND_TAGS
                or (words[k].tag == "v" and text[words[k].start : words[k].end] in _NAME_VERBS)
            )
        ):
            if _head(text[w.start : words[k].end]):
                best = k + 1
            k += 1
        if (
            best is None
            and tags == {"ORG"}
            and j < n
            and words[j].start == words[j - 1].end
            and words[j].tag == "n"
            and text[words[j].start : words[j].end] in _INDUSTRIES
            and (j + 1 >= n or words[j + 1].tag not in _EXTEND_TAGS)
        ):
            j += 1  # 西川 钢铁: a firm's short name and its trade, one name
        end_index = best or j
        if (office := _office_after_and(text, words, end_index)) is not None:
            end_index = office  # 某省工业|和|信息化厅: one office, two fields in its name
        end = words[end_index - 1].end
        if (role := _HOST_ROLE.search(text, w.start, end)) is not None and role.start() > w.start:
            end = role.start()  # 某某贸促会协办: the name, then its role at the event
        name = text[w.start : end]
        head = _head(name)
        if _COUNT_ONLY.fullmatch(name):
            pass  # 360余件: a count the tagger read as an organisation
        elif name.endswith("校区") or text.startswith("校区", end):
            pass  # 某某学院某某校区: a school's campus, where it teaches, no party
        elif name.endswith("讯") or _REPORTED.match(text, end) or _OUTLET.search(name):
            pass  # an outlet in a dateline or byline (某某日报讯): it reports, it acts not
        elif ACADEMIC.match(text, end) or greeted_for(text, end) or about_people(text, end):
            pass  # 某某科学院院士: a person's membership, not the academy's act
        elif _TITLE.match(text, end) or GENERIC_START.match(name):
            # 某某市委书记: an organisation inside a person's title; 省级新区: generic
            if (
                titled is not None
                and head is not None
                and head[0] in _TITLED_TYPES
                and not GENERIC_START.match(name)
                and _titled_person(text, words, end)
            ):
                titled.append((w.start, end, head[0]))
        elif head is not None and (cut := BUILDS_INSIDE.search(name)) is not None:
            # 某某高新区建设某某研究院, read by the tagger as one organisation: the
            # builder and what it builds, two names
            for a, b in ((w.start, w.start + cut.end(1)), (w.start + cut.end(), end)):
                if (part := _head(text[a:b])) is not None:
                    out.append((a, b, part[0], max(part[1], 0.8)))
        elif head is not None:
            htype, conf = head
            out.append((w.start, end, htype, max(conf, 0.8)))
        elif (
            "ORG" in tags
            and len(name) >= 2
            and not _PARTY.search(name)
            and not _TITLE_END.search(name)
            and not ABSTRACT.search(name)
            and not _MODIFIES.match(text, end)
            and not _among_people(text, words, i, end_index)
            and not _industries_only(name)
        ):
            gov = _GOVERNMENT.search(name)
            out.append((w.start, end, T.GOVERNMENT_BODY if gov else T.ENTERPRISE, 0.7))
        i = end_index
    if words:
        out += _joint_programmes(text, words)
    return out


#: A programme of places that pair up or grow together, named by their short forms
#: (京津冀协同发展, 某某对口合作 of two provinces' short forms).
_JOINT_PROGRAMME = re.compile(r"对口(?:合作|协作|支援|帮扶)|协同发展")
#: Tags of a word that, written right after such a programme, makes it the modifier of
#: a longer noun (对口合作城市, 协同发展方面).
_MODIFIED_TAGS = frozenset({"n", "vn", "nz", "ORG", "LOC", "j", "nw"})


def _joint_programmes(text: str, words: Sequence[Word]) -> list[tuple[int, int, T, float]]:
    """京津冀协同发展, 豫青对口合作: the short forms of two to four places and a word of
    pairing or growing together, the name of a programme (not where a noun follows it,
    nor inside a 《title》).

    >>> from graph._ingest._tagging import tag
    >>> s = "落实京津冀协同发展取得成效，京津冀协同发展方面的政策"
    >>> [s[a:b] for a, b, _, _ in _joint_programmes(s, tag([s])[0])]
    ['京津冀协同发展']
    """
    s_start, s_end = words[0].start, words[-1].end
    starts = [w.start for w in words]
    out: list[tuple[int, int, T, float]] = []
    for m in _JOINT_PROGRAMME.finditer(text, s_start, s_end):
        first = next(
            (
                a
                for a in range(max(s_start, m.start() - 4), m.start() - 1)
                if abbreviates_places(text[a : m.start()])
            ),
            None,
        )
        if first is None:
            continue
        if text.rfind("《", s_start, first) > text.rfind("》", s_start, first):
            continue
        k = bisect.bisect_left(starts, m.end())
        if k < len(words) and words[k].start == m.end() and words[k].tag in _MODIFIED_TAGS:
            continue
        out.append((first, m.end(), T.PROGRAMME, 0.7))
    return out


#: Nouns of standing a report's aims end with (人才高地, 产业高地, 城市名片): 打造某某高地
#: 和某某基地 names two aims, not one name joined by 和.
STANDING = re.compile(r"高地|高峰|品牌|名片|标杆|样板|典范|枢纽|洼地")


_ON_BEHALF = re.compile(r"代表(?:[\u4e00-\u9fff]{2,15}[、和及])*[\u4e00-\u9fff]{2,15}$")
_GREETING = re.compile(
    r"(?:[、和及][\u4e00-\u9fff]{2,15})*(?:[对向][^，。；！]{0,30}?)?"
    r"(?:(?:表示|致以)[^，。；！]{0,6}?(?:祝贺|欢迎|感谢|慰问)|致辞|讲话)"
)


def greeted_for(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names whom a person speaks for in a greeting (张三代表
    某市委、市政府对项目开工表示祝贺): the body greets through its official; it is no
    party of what the report tells.

    >>> t = "张三代表北岭市委、市政府对项目开工表示祝贺"
    >>> greeted_for(t, 8), greeted_for(t, 12)
    (True, True)
    >>> greeted_for("张三代表北岭市政府与华远集团签约", 9)
    False
    """
    return (
        _ON_BEHALF.search(text, max(0, end - 40), end) is not None
        and _GREETING.match(text, end) is not None
    )


def _joins_nouns(text: str, words: Sequence[Word], first: int, i: int) -> bool:
    """和/及 inside a name joining plain nouns (某某药物及某某试剂联合实验室), not two names:
    what stands before it since ``first`` has no head word and no name the tagger marks."""
    w = words[i]
    if w.tag != "c" or text[w.start : w.end] not in ("和", "及") or first >= w.start:
        return False
    before = []
    k = i - 1
    while k >= 0 and words[k].start >= first:  # back to the name's start, not the text's
        before.append(words[k])
        k -= 1
    # before[-1] is the first word: a number may stand inside (土地一级开发) but not first
    return (
        bool(before)
        and all(
            v.tag in ("n", "vn", "nz") or (v.tag == "m" and v is not before[-1]) for v in before
        )
        and not HEAD_RE.search(text, first, w.start)
        and not STANDING.search(text, first, w.start)
    )


def _cuts(text: str, w: Word) -> bool:
    """Whether a word inside a name ends what stood before it (a verb; 和, not 与)."""
    return w.tag in _INNER_CUT or (w.tag == "c" and text[w.start : w.end] in ("和", "及", "或"))


def plausible(text: str, words: Sequence[Word], start: int, end: int) -> bool:
    """Whether ``text[start:end]``, found by a pattern (与X合作, a list item), is a name:
    it names something the tagger knows (an organisation, a place, a proper noun) or
    ends in a noun, and it is no person's title.

    >>> from graph._ingest._tagging import tag
    >>> plausible("与华远集团合作", tag(["与华远集团合作"])[0], 1, 5)
    True
    >>> plausible("加强", [Word(0, 2, "v")], 0, 2)
    False
    """
    inside = [w for w in words if start <= w.start and w.end <= end]
    if not inside or inside[-1].tag not in _NOUN_TAGS:
        return False
    if any(w.tag in ("PER", "v", "vd", "d", "ad") for w in inside):
        return False
    if kind_words(text, inside, start, end):
        return False  # 电商企业、直播机构等企业, 商务、文化等部门: kinds and trades, no names
    if about_people(text, end):
        return False  # 某某局、某某委等部门负责同志: bodies in a description of people
    return not _TITLE.search(text, start, end) or not _TITLE_END.search(text[start:end])


#: Tags of common words: a list item made of them alone names a kind or a trade.
_KIND_TAGS = frozenset({"n", "vn", "an", "a"})
#: What ends the name of a site or an office, which common words may make (生物医药园,
#: 健康产业园): a place one can point at, not a kind.
_PLACE_END = re.compile(r"(?:园|区|城|港|中心|基地|局|委|厅|院|校|所|站|馆|厂|场|库|街|镇|村)$")
#: A name, maybe the rest of a list of them, then the people it describes (某某局、
#: 某某委等部门主要负责同志; 某某管委会分管负责同志): the bodies are in the people's
#: description, they do not act.
_ABOUT_PEOPLE = re.compile(
    rf"(?:[、和及](?:(?![和及])[{_HAN}A-Za-z0-9·]){{2,16}}){{0,8}}"
    r"(?:等(?:部门|单位|地区|方面))?的?(?<!有关)(?<!相关)"
    r"(?:(?:主要|分管)?(?:负责同志|负责人)|(?:有关|相关)负责同志)"
)


def kind_words(text: str, inside: Sequence[Word], start: int, end: int) -> bool:
    """Whether the words ``inside`` ``text[start:end]`` are common nouns and adjectives
    only, and do not end as a site or an office does: a kind or a trade (电商企业), unless
    a name beside it in a list vouches that the list names firms.

    >>> kind_words("直播机构", [Word(0, 2, "vn"), Word(2, 4, "n")], 0, 4)
    True
    >>> kind_words("健康产业园", [Word(0, 2, "a"), Word(2, 5, "n")], 0, 5)
    False
    """
    return (
        bool(inside)
        and all(w.tag in _KIND_TAGS for w in inside)
        and not _PLACE_END.search(text, start, end)
    )


def about_people(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` (or the list it ends an item of) describes people.

    >>> about_people("北岭市商务局、北岭市财政局等部门主要负责同志出席", 6)
    True
    >>> about_people("北岭市商务局与华远集团签约", 6)
    False
    """
    if _SCHOOL_END.search(text, max(0, end - 2), end):
        return False  # 某某学院、某某学院负责同志: a university's units at its event
    return _ABOUT_PEOPLE.match(text, end) is not None


#: What ends a university's or a school's name: its people attend for it.
_SCHOOL_END = re.compile(r"(?:学院|学部|大学|学系)$")


#: Verbs that modify the head word of a zone's or a programme's name rather than take
#: an object (北岭南川融合发展示范区, 某地一体化发展先行区).
_MODIFIER_VERBS = frozenset(
    {
        "发展",
        "融合",
        "协同",
        "统筹",
        "振兴",
        "一体化",
        "创新",
        "创业",
        "联动",
        "开放",
        "转型",
        "培养",
    }
)


#: Nouns of two partners that the tagger may read as verbs (产教融合, 校企合作, 产城融合):
#: part of a name, never where it is cut.
_PAIRS = re.compile(r"产学研|产教|校企|校地|政企|军民|产城|科教|医教")
PAIRS = _PAIRS


def _modifiers(text: str, words: Sequence[Word], i: int, end: int) -> set[int]:
    """Indices of the verbs of :data:`_MODIFIER_VERBS` that stand, with nothing but
    others of them or verbal nouns between, right before the name's last word (from
    word ``i`` on)."""
    j = i
    while j < len(words) and words[j].end < end:
        j += 1
    out: set[int] = set()
    k = j - 1
    while k >= i and (
        words[k].tag == "vn" or text[words[k].start : words[k].end] in _MODIFIER_VERBS
    ):
        out.add(k)
        k -= 1
    return out


#: Kinds of names that places build together and name by their short forms (郑汴协同产业园,
#: 京津冀协同发展示范区, 川渝合作项目).
_JOINT_KINDS = frozenset({T.PLACE, T.DEVELOPMENT_ZONE, T.PROGRAMME, T.PROJECT})


def _joint_places(text: str, w: Word, kind: tuple[T, float] | None) -> bool:
    """A word the tagger reads as a person (郑汴, 郑许) that joins places' short forms,
    inside the name of a park, zone, programme or project: part of the name."""
    return (
        w.tag == "PER"
        and kind is not None
        and kind[0] in _JOINT_KINDS
        # 郑许市域铁路: the tagger may take the first character after them in too
        and abbreviates_places(text[w.start : w.end].removesuffix("市"))
    )


#: A project named by its yearly output (年产50万套电驱系统项目, 年产5GW光伏组件项目):
#: the output is part of its name.
_OUTPUT = re.compile(
    r"年产(?:能)?(?:(?:约|超|达)?\d+(?:\.\d+)?(?:万|亿|千)?(?:[A-Za-z]{1,3}|[\u4e00-\u9fff]{1,2}?))?"
)


#: A university, then the first of two fields a school's name joins (某某大学海洋与|大气学院).
_TWO_FIELDS = re.compile(r"大学[\u4e00-\u9fff]{2,8}[与和及]")
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,8}(?:学院|学系|学部)")


def snap(
    text: str, words: Sequence[Word], starts: Sequence[int], start: int, end: int, inner: bool
) -> int:
    """Where a name found by its head word (``text[start:end]``) really starts.

    ``starts`` is the sorted list of the words' starts. The name starts at a word
    boundary, after any leading function word; with ``inner``, also after the last verb,
    preposition, conjunction or particle inside it (南昌出席北京大学 → 北京大学). Returns
    ``end`` when nothing of the name is left. A project's yearly output written before
    it (年产50万套) stays in its name.
    """
    first = _snap(text, words, starts, start, end, inner)
    joined = _TWO_FIELDS.search(text, start, first)
    if (
        joined is not None
        and joined.end() == first
        and _UNIT.fullmatch(text, first, end)
        and (univ := _snap(text, words, starts, start, joined.start() + 2, inner)) < joined.start()
    ):
        return univ  # 某某大学海洋与大气学院: the school of a university, two fields named
    if (
        start < first < end
        and text[first:end] not in HEADS
        and (kind := _head(text[start:end])) is not None
        and kind[0] is T.PROJECT
        and (out := _OUTPUT.search(text, start, first)) is not None
        and (
            out.end() == first
            # 年产5万吨生物基可降解材料项目: the product after the output may hold verbs
            or (
                any(c.isdigit() for c in out.group(0))
                and not re.search(r"[的是为在将已]", text[out.end() : first])
            )
        )
    ):
        return out.start()
    return first


def _snap(
    text: str, words: Sequence[Word], starts: Sequence[int], start: int, end: int, inner: bool
) -> int:
    i = bisect.bisect_left(starts, start)
    first = end
    modifiers = _modifiers(text, words, i, end)
    paired = [(p.start(), p.end()) for p in _PAIRS.finditer(text, start, end)]
    kind = _head(text[start:end])
    # the head word, which may span words the tagger splits (开工 仪式): never cut inside
    head_start = end
    if found := HEAD_RE.search(text, max(start, end - 9), end):
        while found is not None and found.end() != end:
            found = HEAD_RE.search(text, found.start() + 1, end)
        head_start = found.start() if found is not None else end
    while i < len(words) and words[i].start < end:
        w = words[i]
        if w.start >= head_start and w.end < end and w.start > start:
            return first if first < end else w.start
        if w.end >= end:  # the head word itself: keep it, unless it is a verb (见证)
            if w.tag in _INNER_CUT and w.start <= start:
                return end
            return first if first < end else w.start
        if (
            w.tag in FUNCTION_TAGS
            and not any(a < w.end and w.start < b for a, b in paired)
            and not _joint_places(text, w, kind)
        ):
            if first == end or (
                inner
                and _cuts(text, w)
                and i not in modifiers
                and not (end - w.end >= 6 and _joins_nouns(text, words, first, i))
            ):
                first = end
            i += 1
            continue
        if first == end:
            first = w.start
        i += 1
    return first
