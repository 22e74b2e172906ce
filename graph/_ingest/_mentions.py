"""Name spans: new names from how Chinese reports write them.

Head words (大学, 研究院, 公司, 项目 …, see :mod:`graph._ingest._names`), enumerations
``A、B、C等企业``, titles in 《…》, quoted mottos (“某某”专场), partners after 与
before a verb, counted groups (``12家…企业``); list members the tagger does not read
as names, which take the kind of the list's category (:func:`_members`) or of a sibling
(:func:`_siblings`); how they combine with known names (:func:`_choose`); who the
report's author is; and which short names are descriptions rather than names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .._records import EntityType
from ._context import _Context
from ._known import _Index
from ._model_names import (
    ABSTRACT,
    ACADEMIC,
    BUILD_VERBS,
    HOST_ROLE,
    PAIRS,
    TITLED_TYPES,
    about_people,
    greeted_for,
    kind_words,
)
from ._model_names import TITLE as _PERSON_TITLE
from ._names import (
    CATEGORIES,
    GENERIC_START,
    HEAD_RE,
    HEADS,
    NAME_CHARS,
    ORG_TYPES,
    PLACE_TYPES,
    PROJECT_TYPES,
    RELATIONAL,
    STANDALONE,
    category_type,
    trim_left,
)
from ._places import PLACES
from ._proposals import _Mention
from ._tagging import Word

T = EntityType

#: A run of name characters; a dash between two Chinese characters joins two places of
#: one name (某省—某国合作论坛).
_RUN = re.compile(rf"(?:{NAME_CHARS}|(?<=[\u4e00-\u9fff])[—–](?=[\u4e00-\u9fff]))+")
_TITLE = re.compile(r"《([^《》\n]{1,40})》")
_MEDIA_CUE = re.compile(r"(电视剧|电影|纪录片|动画片|栏目|节目|图书|专著|歌曲|综艺)$")
_POLICY = re.compile(
    r"(规划|方案|意见|办法|条例|纲要|通知|决定|协议|细则|计划|政策|协议书|备忘录|意向书|倡议书?|"
    r"宣言|共识|公报|清单|指引|指南|措施|章程|议定书|合同)$"
)
_PARTNER = re.compile(
    rf"(?:与|同|和|跟)({NAME_CHARS}{{2,20}}?)(?=洽谈|商谈|签订|签署|签约|合作|就|达成|共同|联合|共建)"
)
_PLENUM = re.compile(
    r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])届[一二三四五六七八九十]中全会"
)
_GROUP = re.compile(
    rf"(\d+)(家|个|所|批)({NAME_CHARS}{{0,14}}?(?:企业|公司|单位|机构|高校|院校|院所|客商|园区|基地|(?<![地社])区))"
)
_CATEGORY_RE = re.compile("|".join(sorted((w for w, _ in CATEGORIES), key=len, reverse=True)))
_ENUM_TAIL = re.compile(
    rf"(?:等|(?:[两三四五六七八九十]|\d+)[家所个])((?:[\u4e00-\u9fff]{{0,4}}?)(?:{_CATEGORY_RE.pattern})(?![类家])"
    rf"(?:(?:和|及)[\u4e00-\u9fff]{{0,2}}?(?:{_CATEGORY_RE.pattern})(?![类家]))?)"
)


#: Two disciplines joined in a school's name (材料科学与工程, 信息与通信工程).
_DISCIPLINES = re.compile(r"[\u4e00-\u9fff]{2,8}(?:与|和|及)[\u4e00-\u9fff]{2,8}")


#: Kinds of bodies named by their head word that stay when a person's title follows:
#: those whose people act for them (see ``_relations._titled``), and governments (a
#: zone's 管委会, 工委 are the zone's own bodies).
_TITLE_KEEPS = TITLED_TYPES | {T.GOVERNMENT_BODY}


#: A web site named after its owner (某省人民政府网, 某某集团网站): an outlet in a byline,
#: not the owner acting (网络, 网点, 网格 are other words).
_SITE_AFTER = re.compile(r"网(?![络点格店购])")


def _head_candidates(text: str, start: int, end: int) -> list[_Mention]:
    """Names ending in a head word, within ``text[start:end]``."""
    out: list[_Mention] = []
    for run in _RUN.finditer(text, start, end):
        prev: _Mention | None = None
        seg_start = run.start()
        for h in HEAD_RE.finditer(text, run.start(), run.end()):
            head = h.group(0)
            htype, conf = HEADS[head]
            if text[seg_start] in "—–":  # 甲大学—乙集团: a dash after a name starts another
                seg_start += 1
                prev = None
            h_end = h.end()
            if RELATIONAL.fullmatch(text, seg_start, h_end):
                # 甲集团全资子公司乙公司: 全资子公司 says how the names before and after
                # relate; it is no name, nor part of one
                seg_start = h_end
                prev = None
                continue
            body_raw = text[seg_start : h.start()]
            body, cut = trim_left(body_raw, htype)
            if (
                cut
                and prev is not None
                and prev.end == seg_start
                and prev.type is T.UNIVERSITY
                and htype is T.COLLEGE
                and _DISCIPLINES.fullmatch(body_raw)
            ):
                body, cut = body_raw, False  # 某某大学材料科学与工程学院: one school
            b_start = h.start() - len(body)
            name = text[b_start:h_end]
            if prev is not None and not cut and prev.end == seg_start:
                merged = _merge(prev, name, htype, conf, b_start, h_end, text, out)
                if merged is not None:
                    prev = merged
                    seg_start = h_end
                    continue
            if (
                (not body and head not in STANDALONE)
                or GENERIC_START.match(body)
                or RELATIONAL.fullmatch(name)  # 等5家子公司: a kind of firm, not one
            ):
                seg_start = h_end
                prev = None
                continue
            m = _Mention(b_start, h_end, name, htype, conf * (0.7 if len(body) > 20 else 1))
            out.append(m)
            prev = m
            seg_start = h_end
    # 某某科学院院士, 某某大学医学院终身教授: a person's membership, no party (nor the
    # names it was built from)
    members = [
        (m.start, m.end)
        for m in out
        if ACADEMIC.match(text, m.end)
        or greeted_for(text, m.end)
        or about_people(text, m.end)  # 某某局、某某委等部门负责同志: people described
        or _SITE_AFTER.match(text, m.end) is not None  # 来源：某某人民政府网: an outlet
        # 某某实验室负责人, 某某管委会主任: a body whose people are not read as it acting
        or (m.type not in _TITLE_KEEPS and _PERSON_TITLE.match(text, m.end) is not None)
    ]
    return [m for m in out if not any(a <= m.start and m.end <= b for a, b in members)]


_BUILDS = re.compile(BUILD_VERBS)


def _merge(
    prev: _Mention,
    name: str,
    htype: EntityType,
    conf: float,
    start: int,
    end: int,
    text: str,
    out: list[_Mention],
) -> _Mention | None:
    """Join a head-word segment to the name before it, or return None to keep both."""
    full = text[prev.start : end]
    built = _BUILDS.match(name)
    if htype is T.EVENT and prev.type in PROJECT_TYPES and built is not None:
        # 重点项目|建设工作推进会: a meeting on building projects, one name
        merged = _Mention(prev.start, end, full, htype, conf)
        out[-1] = merged
        return merged
    if built is not None and name[built.end() :] not in HEADS:
        # 某某高新区建设某某研究院: the builder and what it builds, two names
        part = _Mention(start + built.end(), end, name[built.end() :], htype, conf)
        out.append(part)
        return part
    if start == end - len(name) and name in HEADS:  # empty body: 孵化园|项目, 中心|项目
        merged = _Mention(prev.start, end, full, htype, max(prev.confidence, conf))
        out[-1] = merged
        return merged
    if prev.type in PROJECT_TYPES or prev.type is T.EVENT:  # 仪器仪表工程|硕士班
        merged = _Mention(prev.start, end, full, htype, conf)
        out[-1] = merged
        return merged
    if prev.type in PLACE_TYPES and htype in PROJECT_TYPES | {T.SCHOOL}:  # 新城片区|部分路桥工程
        whole = _Mention(prev.start, end, full, htype, conf)
        whole.attributes["_located_in"] = prev
        if prev.type is T.DEVELOPMENT_ZONE and len(name) >= 4 and name not in HEADS:
            # 某某高新区|某某生命科技园: the park is also named without its zone
            whole.attributes["_alias"] = name
        out.append(whole)
        return whole
    if prev.type in ORG_TYPES and htype in PROJECT_TYPES:  # 某某集团|某某项目
        part = _Mention(start, end, name, htype, conf)
        part.attributes["_participant"] = prev
        out.append(part)
        return part
    if prev.type in ORG_TYPES and htype in ORG_TYPES:  # 某某大学|某某学院: a unit of it
        whole = _Mention(prev.start, end, full, htype, conf)
        whole.attributes["_affiliated_with"] = prev
        out.append(whole)
        return whole
    return None


#: Heads of names that quote their motto: “某某”专场, “某某”战略, 某省‘某某’创新基地.
_QUOTED_HEADS = {"专场": T.EVENT, "战略": T.PROGRAMME, "计划": T.PROGRAMME, "行动": T.PROGRAMME}
_QUOTED = re.compile(
    r"[“‘「]([^“”‘’「」，,。；\n]{2,24})[”’」]((?:(?![的是为])[\u4e00-\u9fff]){0,10}?)("
    + "|".join(sorted(map(re.escape, [*HEADS, *_QUOTED_HEADS]), key=len, reverse=True))
    + ")"
)


#: Head words of a name quoted whole (“某某传媒机构”, “健康某某战略”) beyond :data:`HEADS`.
_WHOLE_HEADS = {"机构": T.ENTERPRISE, "战略": T.PROGRAMME}
_QUOTED_WHOLE = re.compile(
    r"[“「]([^“”「」，,。；;、\n]{2,20}?("
    + "|".join(sorted(map(re.escape, [*HEADS, *_WHOLE_HEADS]), key=len, reverse=True))
    + "))[”」]"
)


#: A national programme named before 的 and the word strategy (响应国家某某大开发的
#: 发展战略): the name, not the strategy's description.
_NATIONAL = re.compile(r"(?<=国家)([\u4e00-\u9fff]{3,8}?)的(?:发展|重大|区域)?(?:战略|倡议)")

#: Verbs that call something by a quoted title (作为“头号工程”, 誉为“某某之城”).
_DESIGNATES = re.compile(r"(?:作为|列为|视为|当作|当成|称为|誉为|定为)$")


def _quoted(text: str, start: int, end: int) -> list[_Mention]:
    """Names around a quoted motto, with their head word: “某某·某某”生物医药专场,
    “某某”战略, 某某省‘某某’创新创业基地 (a province or city before the quote is part
    of the name)."""
    out = []
    for m in _QUOTED.finditer(text, start, end):
        head = m.group(3)
        htype = _QUOTED_HEADS.get(head) or HEADS[head][0]
        if not m.group(2) and head in ("中心", "基地", "工程", "项目"):
            continue  # “某某”项目 alone: the motto is the name, its head generic
        a = m.start()
        for k in (4, 3, 2):
            before = text[max(start, a - k) : a]
            if len(before) == k and (before in PLACES or before[:-1] in PLACES):
                a -= k
                break
        out.append(_Mention(a, m.end(), text[a : m.end()], htype, 0.7, origin="quoted"))
    for m in _NATIONAL.finditer(text, start, end):  # 国家某某的发展战略: its name
        out.append(_Mention(m.start(1), m.end(1), m.group(1), T.PROGRAMME, 0.7, origin="quoted"))
    for m in _QUOTED_WHOLE.finditer(text, start, end):  # a name quoted whole
        if _DESIGNATES.search(text, max(start, m.start() - 2), m.start()):
            continue  # 把招商引资作为“一号工程”: what a task is called, no project
        head = m.group(2)
        htype = _WHOLE_HEADS.get(head) or HEADS[head][0]
        if len(m.group(1)) - len(head) >= 2 and not GENERIC_START.match(m.group(1)):
            out.append(_Mention(m.start(1), m.end(1), m.group(1), htype, 0.7, origin="quoted"))
    return out


def _titles(text: str, start: int, end: int) -> list[_Mention]:
    out = []
    for m in _TITLE.finditer(text, start, end):
        before = text[max(start, m.start() - 4) : m.start()]
        title = m.group(1)
        if _MEDIA_CUE.search(before):
            out.append(_Mention(m.start(1), m.end(1), title, T.MEDIA_WORK, 0.9))
        elif _POLICY.search(title):
            out.append(_Mention(m.start(1), m.end(1), title, T.MEASURE, 0.7))
        # anything else in 《》 (a book, a periodical, a report) is no party: not proposed
    return out


def _enumerations(text: str, start: int, end: int) -> list[tuple[list[_Mention], str, int, int]]:
    """Lists ``A、B及C等<category>`` or ``A、B、C三家<category>``: their items, the
    category words and the list's span."""
    out = []
    for m in _ENUM_TAIL.finditer(text, start, end):
        cat_type = category_type(m.group(1))
        if cat_type is None:
            continue
        # walk left over items separated by 、
        items: list[tuple[int, int]] = []
        pos = m.start()
        while True:
            run_start = pos
            while run_start > start and re.match(NAME_CHARS, text[run_start - 1]):
                run_start -= 1
            if run_start == pos:
                break
            piece = text[run_start:pos]
            j = max(piece.rfind("及"), piece.rfind("和"))
            if not items and 0 < j < len(piece) - 2:  # the last two items: A及B
                items.append((run_start + j + 1, pos))
                pos = run_start + j
                continue
            body, cut = trim_left(text[run_start:pos], cat_type)
            if cut:  # the list starts inside this run: 某某等企业与|中国科学院
                if len(body) >= 2:
                    items.append((pos - len(body), pos))
                break
            items.append((run_start, pos))
            if run_start > start and text[run_start - 1] == "、":
                pos = run_start - 1
                continue
            break
        if len(items) < 2 and (
            not items or "、" in text[start : m.start()] or not m.group(0).startswith("等")
        ):
            continue  # one item: only 甲等企业 with no list before it; 三家企业: a list
        items.reverse()
        mentions: list[_Mention] = []
        for a, b in items:
            for pa, pb in ((a, b),):
                body = text[pa:pb]
                if len(body) < 2:
                    continue
                head = HEAD_RE.search(body)
                t, conf = (
                    HEADS[head.group(0)] if head and head.end() == len(body) else (cat_type, 0.6)
                )
                if cat_type is T.PROJECT:  # 某某研究院等项目: the items are projects
                    t = T.PROJECT
                mentions.append(_Mention(pa, pb, body, t, conf, origin="list"))
        if len(mentions) >= 2 or (mentions and items):
            out.append(
                (mentions, m.group(1), mentions[0].start if mentions else m.start(), m.end())
            )
    return out


#: What ends the name of a government's territory (a province, city, county, district,
#: town or township: 北岭县, 南川镇) or of a government office (某某局, 某某厅).
_ADMINISTRATIVE = re.compile(
    r"(?:省|市|县|区|镇|乡|街道|委|政府|局|厅|办|署|办公室|常委会|人大|政协)$"
)


def _partners(text: str, words: Sequence[Word], start: int, end: int) -> list[_Mention]:
    """Partners after 与/同/和 before a verb of talks or cooperation (与华远电子签约): a
    firm, or a government where the name ends in 省, 市, 县, 区, 镇, 乡, 街道 or a
    government office's word (局, 厅, 委 …). Before 和, a county, district or town the
    tagger marks is the other partner (甲县和乙区共同建设)."""
    out = []
    for m in _PARTNER.finditer(text, start, end):
        name = m.group(1)
        if (
            len(name) < 3
            or HEAD_RE.search(name)
            or re.search(r"[的了在就]", name)
            or ABSTRACT.search(name)  # 与某省全方位合作: how, not whom
            or PAIRS.fullmatch(name)  # 和产学研合作: a kind of partner, not one
        ):
            continue
        t = T.GOVERNMENT_BODY if _ADMINISTRATIVE.search(name) else T.ENTERPRISE
        out.append(_Mention(m.start(1), m.end(1), name, t, 0.5, origin="partner"))
        if text[m.start()] == "和" and (a := _place_before(text, words, m.start())) is not None:
            out.append(a)  # 甲县和乙区共同建设: 甲县 acts too
    return out


def _place_before(text: str, words: Sequence[Word], end: int) -> _Mention | None:
    """The county, district or town the tagger marks as a place right before ``end``."""
    starts = [w.start for w in words]
    j = bisect.bisect_left(starts, end)
    i = j
    while i > 0 and j - i < 3 and words[i - 1].tag == "LOC":
        i -= 1
    if i == j or words[j - 1].end != end:
        return None
    name = text[words[i].start : end]
    if not _ADMINISTRATIVE.search(name) or name in PLACES or name[:-1] in PLACES:
        return None
    return _Mention(words[i].start, end, name, T.GOVERNMENT_BODY, 0.5, origin="partner")


def _groups(text: str, start: int, end: int) -> list[_Mention]:
    out = []
    for m in _GROUP.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1] == "等":
            continue  # 甲、乙等5家子公司: the list names them; the count is none
        g = _Mention(m.start(), m.end(), m.group(0), T.GROUP, 0.7, origin="group")
        g.attributes = {"count": int(m.group(1)), "collective": True}
        out.append(g)
    return out


# -- known names and new ones together ---------------------------------------------------


#: A registered firm's name, then a branch of it in a place (某某银行股份有限公司某地分行).
_REGISTERED = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")
_BRANCH_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:分行|支行|分公司|分院|办事处)")


def _parent_of_branch(cand: _Mention, k: _Mention) -> bool:
    """Whether ``cand`` is the registered firm whose branch ``k`` names (贵州某某银行股份
    有限公司 in 贵州某某银行股份有限公司遵义分行): the parent is a name of its own."""
    return (
        cand.start == k.start
        and cand.type is T.ENTERPRISE
        and _REGISTERED.search(cand.name) is not None
        and _BRANCH_OFFICE.fullmatch(k.name, len(cand.name)) is not None
    )


def _choose(known: list[_Mention], found: list[_Mention]) -> list[_Mention]:
    """Combine known mentions and new candidates: longer wins, known wins ties."""
    out = list(known)
    for cand in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        clash = False
        for i, k in enumerate(out):
            if cand.start < k.end and k.start < cand.end:
                same = cand.start == k.start and cand.end == k.end
                if same and k.origin in ("known", "place") and cand.origin != "list":
                    clash = True
                    break
                if same:
                    if k.origin in ("place", "head") and cand.origin not in ("known", "model"):
                        out[i] = cand  # a list knows its items' category
                    clash = True
                    break
                if cand.start <= k.start and k.end <= cand.end and k.origin in ("known", "place"):
                    continue  # the candidate holds a known name: 北京 in 北京某某公司
                if k.start <= cand.start and cand.end <= k.end:
                    # a shorter candidate inside a longer one: keep it if it is a part
                    # the longer one was built from (its participant, its parent)
                    clash = (
                        not any(v is cand for v in k.attributes.values() if isinstance(v, _Mention))
                        and k.origin != "place"
                        and not _parent_of_branch(cand, k)
                    )
                    if not clash:
                        continue
                    break
                clash = True
                break
        if not clash:
            out = [
                k
                for k in out
                if not (
                    cand.start <= k.start
                    and k.end <= cand.end
                    and k.origin == "place"
                    and (k.start, k.end) != (cand.start, cand.end)
                )
            ]
            out.append(cand)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _author(index: _Index, author: str | None, title: str) -> _Mention | None:
    if author:
        k = index.resolve(author)
        if k is not None:
            return _Mention(0, 0, k.name, k.type, 1.0, k.id, origin="author")
        h = HEAD_RE.search(author)
        t, _ = HEADS[h.group(0)] if h else (T.GOVERNMENT_BODY, 0.0)
        return _Mention(0, 0, author, t, 0.8, origin="author")
    for m in index.find(title):
        if m.match and m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY):
            return _Mention(0, 0, m.name, m.type, 1.0, m.match, origin="author")
    for m in _head_candidates(title, 0, len(title)):
        if m.type in (T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY):
            return _Mention(0, 0, m.name, m.type, 0.8, origin="author")
    return None


#: Head words too common to make a name of a short word before them (创新中心, 研究项目).
_GENERIC_HEADS = ("中心", "基地", "工程", "项目", "园区")


def _generic(m: _Mention) -> bool:
    return m.origin in ("head", "model") and m.name.endswith(_GENERIC_HEADS) and len(m.name) <= 4


#: Longest name of a project or platform that common words alone can make (技术研发中心,
#: 开放式实验室 say what it is, not which one).
COMMON_NAME = 6
_COMMON_TAGS = frozenset({"n", "vn", "a", "an", "b", "v"})


def _common_words(ctx: _Context, m: _Mention) -> bool:
    """A short project, platform or fund name made of common words only (no name the tagger
    marks): a description, not a name."""
    if len(m.name) > COMMON_NAME or m.match:
        return False
    if m.type not in (T.PROJECT, T.PLATFORM) and not m.name.endswith("基金"):
        return False
    if not m.name.endswith(("中心", "基地", "实验室", "城", "园区", "工程", "基金")):
        return False  # 院士工作室, 专家工作站: a kind that is named so
    inside = [w for w in ctx.words_in(m.start, m.end) if w.end <= m.end]
    return (
        bool(inside) and inside[0].start == m.start and all(w.tag in _COMMON_TAGS for w in inside)
    )


#: Words that rank a kind rather than name one (先进制造业基地, 某某重大项目, 省级新区).
_RANK = re.compile(r"先进|重大|重点|大型|新兴|龙头|骨干|知名|优秀|一流|(?:国家|省|市|县|区)级")
#: A kind written out whole: a level and a kind of firm or zone, nothing else.
_KIND = re.compile(
    r"(?:国家|省|市|县|区)级?(?:高新技术|经济技术)?(?:企业|新区|高新区|开发区|经开区|示范区)"
    r"|(?:国家级|省级|市级)?(?:高新技术|科技型|专精特新|规模以上)(?:企业|产业开发区)"
    r"|(?:世界|全球|中国|全国|国内|民营)?\d+强(?:企业|公司|集团)?"
    # a company's own organs (提交股东大会审议): no event, no party of their own
    r"|(?:临时|年度)?(?:股东大会|股东会|董事会|监事会)"
)
_PROPER_TAGS = frozenset({"ORG", "LOC", "nz", "PER"})


def _category(ctx: _Context, m: _Mention) -> bool:
    """A kind, not a name: a phrase that ranks what it names (重大, 先进, 省级) and holds
    no name the tagger marks, or a level and a kind of firm or zone written out whole
    (国家级高新区, 高新技术企业), or a national designation (国家某某示范区 with no
    place named in it). Counted groups and lists are not checked here."""
    if m.origin not in ("head", "model") or m.match or m.type == T.GROUP:
        return False
    if _KIND.fullmatch(m.name):
        return True
    if m.type is T.DEVELOPMENT_ZONE and m.name.startswith("国家"):
        # 国家某某示范区 with no place named after 国家: a designation a zone holds
        inside = [w for w in ctx.words_in(m.start, m.end) if w.end <= m.end]
        return not any(w.tag in _PROPER_TAGS and w.start >= m.start + 2 for w in inside)
    if not _RANK.search(m.name) or (m.type is T.EVENT and len(m.name) >= _NAMED_EVENT):
        return False  # 全市重点项目建设推进会: a meeting described at length is named so
    inside = [w for w in ctx.words_in(m.start, m.end) if w.end <= m.end]
    return bool(inside) and not any(w.tag in _PROPER_TAGS for w in inside)


#: Length from which an event's name that ranks (重点, 重大) is still its name.
_NAMED_EVENT = 8

_COUNT_WORD = re.compile(r"[一二三四五六七八九十两几\d]+[大个家所座条项]")


#: A count after a kind (新开工项目18个, 签约企业12家): how many, not which one.
_COUNT_AFTER = re.compile(r"[\d一二三四五六七八九十两百]+(?:余|多)?(?:个(?!月)|家|项|所|座)")

#: Projects signed or started as a batch (某地数字经济项目集中签约): many, not one.
_BATCH_AFTER = re.compile(r"集中(?:签约|开工|竣工|投产|落地)")


def _counted(ctx: _Context, m: _Mention) -> bool:
    """某地八大生产基地, 两个中心: a count of things of a kind, not a name (the number
    word stands right before the last words of the name); 新投产项目18个: the count
    follows the kind; 某地某某项目集中签约: a batch of them."""
    if m.origin not in ("head", "model") or m.match or m.type == T.GROUP:
        return False
    if m.type is T.PROJECT and (
        _COUNT_AFTER.match(ctx.text, m.end) or _BATCH_AFTER.match(ctx.text, m.end)
    ):
        return True
    inside = [w for w in ctx.words_in(m.start, m.end) if w.end <= m.end]
    return len(inside) >= 2 and any(
        w.tag == "m" and _COUNT_WORD.fullmatch(ctx.text[w.start : w.end]) for w in inside[-2:-1]
    )


# -- members of a list take the list's kind ----------------------------------------------

#: Tags a short member of a list may carry when a sibling vouches for it (a short firm name
#: read as a verb, a foreign one as a person): a word or two, no function word.
_MEMBER_TAGS = frozenset({"ORG", "LOC", "nz", "n", "nw", "j", "a", "an", "PER", "v", "vn"})
_COMMON_MEMBER = frozenset({"n", "vn", "v", "an"})
#: Longest member taken on a sibling's word alone.
MAX_MEMBER = 6


def _vouched_kind(text: str, words: Sequence[Word], m: _Mention) -> bool:
    """A list member of common words ending in a noun (某某生物): a kind on its own, a
    name where a sibling in the list is one (甲乙、某某生物等项目)."""
    if about_people(text, m.end):
        return False
    inside = [w for w in words if m.start <= w.start and w.end <= m.end]
    return (
        bool(inside)
        and inside[-1].tag == "n"
        and kind_words(text, inside, m.start, m.end)
        and not _PERSON_TITLE.search(text, m.start, m.end)
    )


def _members(
    text: str,
    words: Sequence[Word],
    enums: list[tuple[list[_Mention], str, int, int]],
    kept: list[_Mention],
) -> list[_Mention]:
    """Members of ``A、B等企业`` the tagger does not read as names, taken because the
    list's category word names a kind of organisation and a sibling (in ``kept``, the
    members that passed on their own) is a name, or the member holds a word that is no
    common noun or verb: 甲乙、华远集团等企业 → 甲乙."""
    out = []
    ids = {id(m) for m in kept}
    for items, category, _, _ in enums:
        # without a sibling the tagger reads as a name, a member needs a word that is no
        # common noun or verb (技术、人才等企业急需的: what firms need, not firms)
        vouched = any(id(m) in ids for m in items)
        if category_type(category) not in ORG_TYPES:
            if vouched:
                out += [m for m in items if id(m) not in ids and _vouched_kind(text, words, m)]
            continue
        for m in items:
            if id(m) in ids:
                continue
            if m.start == m.end:  # the snap left nothing (鼓励迈克): the last word is the member
                last = [w for w in words if w.end == m.end]
                if last:
                    m.start = last[0].start
                    m.name = text[m.start : m.end]
            if not 2 <= m.end - m.start <= MAX_MEMBER or about_people(text, m.end):
                continue
            if vouched and _vouched_kind(text, words, m):
                out.append(m)  # 甲乙、某某生物等企业: common words, a sibling vouches
                continue
            inside = [w for w in words if m.start <= w.start and w.end <= m.end]
            if (
                inside
                and inside[0].start == m.start
                and inside[-1].end == m.end
                and len(inside) <= 2
                and all(w.tag in _MEMBER_TAGS for w in inside)
                and (vouched or any(w.tag not in _COMMON_MEMBER for w in inside))
            ):
                out.append(m)
    return out


#: Tags of the words of a list member a sibling vouches for, and the tags of which it
#: holds at least one (a place, an organisation, a proper noun the tagger marks).
_SIBLING_TAGS = frozenset({"ORG", "LOC", "nz", "n", "nw", "j", "a"})
_PROPER = frozenset({"ORG", "LOC", "nz", "j"})
#: What separates two members of a list (the last joined by 和 or 及).
_LIST_SEP = re.compile(r"、|和|及")
#: Words for people after an organisation's name (某镇代表, 某公司一行).
_PEOPLE = frozenset({"代表", "一行", "人员", "干部", "员工", "专家", "党委", "党组"})
#: Most words and characters of such a member.
MAX_SIBLING_WORDS = 3
MAX_SIBLING = 8


def _siblings(text: str, words: Sequence[Word], anchors: list[_Mention]) -> list[_Mention]:
    """Members of a list ``A、B`` beside an organisation's name (an anchor) that the rules
    did not read as names: 以华远集团、东岭电子为代表 → 东岭电子 is a firm too;
    北岭新区管委会、市科技局、南川镇负责人 → 南川镇 is a government body. The member
    holds a word the tagger marks as a place, organisation or proper noun, is no known
    city or province, and is no person's title."""
    starts = [w.start for w in words]
    taken = [(m.start, m.end) for m in anchors]
    out: list[_Mention] = []
    queue = list(anchors)
    while queue:
        a = queue.pop(0)
        if a.type not in ORG_TYPES:
            continue
        spans = []
        sep = _LIST_SEP.match(text, a.end)
        if sep is not None:  # the member after it
            i = bisect.bisect_left(starts, sep.end())
            j = i
            while (
                j < len(words)
                and j - i < MAX_SIBLING_WORDS
                and words[j].tag in _SIBLING_TAGS
                and (j == i or words[j].start == words[j - 1].end)
                and not _PERSON_TITLE.match(text, words[j].start)
                and text[words[j].start : words[j].end] not in _PEOPLE
            ):
                j += 1
            if i < j and words[i].start == sep.end():
                spans.append((i, j))
        if a.start > 0 and text[a.start - 1] == "、":  # the member before it
            j = bisect.bisect_left(starts, a.start - 1)
            i = j
            while i > 0 and j - i < MAX_SIBLING_WORDS and words[i - 1].tag in _SIBLING_TAGS:
                i -= 1
            if i < j and words[j - 1].end == a.start - 1:
                spans.append((i, j))
        for i, j in spans:
            b, e = words[i].start, words[j - 1].end
            if (role := HOST_ROLE.search(text, b, e)) is not None:
                e = role.start()  # 某某总商会协办: the member, then its role at the event
            name = text[b:e]
            if (
                not 2 <= e - b <= MAX_SIBLING
                or not any(w.tag in _PROPER for w in words[i:j])
                or name in PLACES
                or name[:-1] in PLACES
                or _PERSON_TITLE.match(text, e)
                or any(
                    _PERSON_TITLE.match(text, w.start)
                    or ACADEMIC.match(text, w.start)
                    or text[w.start : w.end] in _PEOPLE
                    for w in words[i:j]
                )
                # a name of its own there, or a part of one: no member (a shorter name
                # inside it, 西川 in 西川钢铁, is the member's part)
                or any(s < e and b < t and not (b <= s and t <= e) for s, t in taken)
                or (b, e) in taken
            ):
                continue
            taken.append((b, e))
            member = _Mention(b, e, name, a.type, 0.5, origin="list")
            out.append(member)
            queue.append(member)
    return out


#: ``甲县、乙区两地``, ``甲、乙、丙三市``: a count of the places just listed.
_PLACES_COUNT = re.compile(r"(?:[两二三四五六七八九十]|\d+)(?:地|省|市|县|区|镇)")
#: Tags of the word after such a count when the places act (两地共建, 三地联合签署,
#: 四市主动对接).
_ACTS = frozenset({"v", "vd", "d", "ad", "p"})


def _counted_parties(text: str, words: Sequence[Word], start: int, end: int) -> list[_Mention]:
    """Places listed and counted before a verb (甲县、乙区两地共建某园区, 甲、乙、丙三市
    主动对接): each acts as a party, its government. Provinces and cities of the
    gazetteer count as members too (a bare 开封 in such a list acts)."""
    out: list[_Mention] = []
    starts = [w.start for w in words]
    for c in _PLACES_COUNT.finditer(text, start, end):
        i = bisect.bisect_left(starts, c.start())
        n = bisect.bisect_left(starts, c.end())
        if i >= len(words) or words[i].start != c.start():
            continue
        if n >= len(words) or words[n].start != c.end() or words[n].tag not in _ACTS:
            continue
        found: list[_Mention] = []
        k = i - 1
        while k >= 0 and words[k].tag == "LOC" and words[k].start >= start:
            w = words[k]
            name = text[w.start : w.end]
            if not (_ADMINISTRATIVE.search(name) or name in PLACES or name[:-1] in PLACES):
                break
            found.append(_Mention(w.start, w.end, name, T.GOVERNMENT_BODY, 0.6, origin="list"))
            if k >= 1 and text[words[k - 1].start : words[k - 1].end] in ("、", "和", "与", "及"):
                k -= 2
                continue
            break
        gazetteer = any(m.name in PLACES or m.name[:-1] in PLACES for m in found)
        if len(found) >= 2 and (not gazetteer or _starts_clause(text, start, found[-1].start)):
            out.extend(reversed(found))
    return out


def _starts_clause(text: str, start: int, at: int) -> bool:
    """Whether ``at`` starts a clause of the sentence that starts at ``start``."""
    before = text[start:at].rstrip()
    return not before or before[-1] in "，,；;：:"
