"""Coreference: the short forms a report uses for a name it gave in full before.

Reports write a name in full once and shorten it afterwards: 北京大学 → 北大,
中国科学院 → 中科院, 重庆两江新区 → 两江新区. :func:`short_forms` finds, among the
names of one report (in the order they first appear), each name that is a short form
of an earlier one, so that the two are one proposal: the full name with the short
one as an alias.

Two rules, the language's and no report's:

- a suffix of the full name that keeps its head word (两江新区 of 重庆两江新区);
- an abbreviation: two to four characters that start the full name and appear in it
  in order (北大, 中科院), the full name at least two characters longer.

A pure function of the names and their types.

Back-references (:func:`back_references`, :func:`referents`): 该校, 该公司, 该项目
stand for the last party of their kind the report named; 双方, 两地, 两校 for the
last two, 三方 for the last three.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._records import EntityType as T
from ._names import HEAD_RE, HEADS, ORG_TYPES

__all__ = ["back_references", "referents", "short_forms"]

#: Types whose names are shortened this way (places and projects keep their names).
_SHORTENED = ORG_TYPES | {T.PROGRAMME}


def _abbreviates(short: str, full: str) -> bool:
    if not 2 <= len(short) <= 4 or len(full) < len(short) + 2 or short[0] != full[0]:
        return False
    if full.startswith(short):  # 北京大学 of 北京大学医学部: the parent, not a short form
        return False
    if HEAD_RE.search(short):  # 北京大学 is a name of its own, not short for 北京师范大学
        return False
    pos = 0
    for ch in short:
        pos = full.find(ch, pos)
        if pos == -1:
            return False
        pos += 1
    return True


def _suffix(short: str, full: str) -> bool:
    if len(short) < 3 or len(full) <= len(short) or not full.endswith(short):
        return False
    head = HEAD_RE.search(short)
    return head is not None and head.start() > 0  # 两江新区, not the bare head 新区


def short_forms(names: Sequence[tuple[str, T]]) -> dict[str, str]:
    """Map each short form to the full name it stands for (the latest earlier one).

    >>> short_forms([("北京大学", T.UNIVERSITY), ("北大", T.ENTERPRISE)])
    {'北大': '北京大学'}
    >>> short_forms([("重庆两江新区", T.DEVELOPMENT_ZONE), ("两江新区", T.DEVELOPMENT_ZONE)])
    {'两江新区': '重庆两江新区'}
    >>> short_forms([("北大", T.ENTERPRISE), ("北京大学", T.UNIVERSITY)])
    {'北大': '北京大学'}
    >>> short_forms([("北大", T.UNIVERSITY), ("北京大学", T.UNIVERSITY)])
    {}
    >>> short_forms([("北京师范大学", T.UNIVERSITY), ("北京大学", T.UNIVERSITY)])
    {}
    >>> short_forms([("双城经济圈", T.PROGRAMME), ("甲乙地区双城经济圈", T.PROGRAMME)])
    {'双城经济圈': '甲乙地区双城经济圈'}
    """
    out: dict[str, str] = {}
    # the earlier names by first character (abbreviations start as the name does) and
    # by every suffix (两江新区 of 重庆两江新区): each name is compared with a few
    # candidates, not with every earlier name, so that long texts stay linear
    by_first: dict[str, list[int]] = {}
    by_suffix: dict[str, list[int]] = {}
    for i, (short, stype) in enumerate(names):
        if stype in _SHORTENED:
            candidates = sorted(
                {
                    *by_first.get(short[:1], [])[-_CANDIDATES:],
                    *by_suffix.get(short, [])[-_CANDIDATES:],
                },
                reverse=True,
            )
            for j in candidates:
                full, ftype = names[j]
                if full in out:
                    continue
                same_kind = ftype is stype or stype is T.ENTERPRISE
                if (same_kind and _abbreviates(short, full)) or (
                    ftype is stype and _suffix(short, full)
                ):
                    out[short] = full
                    break
            by_first.setdefault(short[:1], []).append(i)
            for k in range(1, len(short) - 2):
                by_suffix.setdefault(short[k:], []).append(i)
    # a short form written before the full name (a title's 北大, the body's 北京大学): a
    # name without a head word, the tagger's guess at a firm, stands for the first later
    # name of another kind that it abbreviates; a zone's or a programme's name without
    # its place (a title's 双城经济圈, the body's 某某地区双城经济圈) for the first later
    # name of its kind that it ends
    targets = set(out.values())
    for i, (short, stype) in enumerate(names):
        if stype not in _SUFFIXED or short in out or short in targets:
            continue
        for j in sorted(j for j in by_suffix.get(short, []) if j > i)[:_CANDIDATES]:
            full, ftype = names[j]
            if ftype is stype and full not in out and _suffix(short, full):
                out[short] = full
                targets.add(full)
                break
    for i, (short, stype) in enumerate(names):
        if stype is not T.ENTERPRISE or short in out or short in targets:
            continue
        if HEAD_RE.search(short):
            continue
        later = [j for j in by_first.get(short[:1], []) if j > i][:_CANDIDATES]
        for j in later:
            full, ftype = names[j]
            if ftype is not T.ENTERPRISE and full not in out and _abbreviates(short, full):
                out[short] = full
                break
    _same_project(names, out)
    _firm_without_place(names, out)
    _bare_head(names, out)
    return out


#: Kinds a report names by their head word alone once it has named one in full
#: (高新区 for 某某高新区, 管委会 for 某某高新区管委会).
_BARE = frozenset({T.DEVELOPMENT_ZONE, T.GOVERNMENT_BODY})


def _bare_head(names: Sequence[tuple[str, T]], out: dict[str, str]) -> None:
    """A bare head word (高新区, 管委会) for the one earlier name of its kind ending in it;
    where the report named two (两个高新区), it stays itself.

    >>> out: dict[str, str] = {}
    >>> _bare_head([("东岭高新区", T.DEVELOPMENT_ZONE), ("高新区", T.DEVELOPMENT_ZONE)], out)
    >>> out
    {'高新区': '东岭高新区'}
    """
    targets = set(out.values())
    ends: dict[tuple[str, T], set[str]] = {}  # (head, kind) -> the names ending in it
    for short, stype in names:
        if stype not in _BARE:
            continue
        if short in HEADS and short not in out and short not in targets:
            fulls = ends.get((short, stype), set())
            if len(fulls) == 1:
                out[short] = next(iter(fulls))
        for k in range(1, len(short) - 1):
            if short[k:] in HEADS:
                ends.setdefault((short[k:], stype), set()).add(short)


def _same_project(names: Sequence[tuple[str, T]], out: dict[str, str]) -> None:
    """某某综合体 and 某某综合体项目: one project, written with and without 项目."""
    projects = {name for name, t in names if t is T.PROJECT}
    for name in sorted(projects):
        if name + "项目" in projects and name not in out and len(name) >= 4:
            out[name] = name + "项目"


#: What ends a firm's registered name.
_COMPANY_END = re.compile(r"(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司)$")


def _firm_without_place(names: Sequence[tuple[str, T]], out: dict[str, str]) -> None:
    """华光农业 beside 南湖华光农业发展有限公司: the firm's short name, its registered
    name with up to three characters of place before it and up to four of trade and
    有限公司 after it (a place in brackets after it names a subsidiary: not the firm).

    >>> out: dict[str, str] = {}
    >>> firms = [("华光农业", T.ENTERPRISE), ("南湖华光农业发展有限公司", T.ENTERPRISE)]
    >>> _firm_without_place(firms, out)
    >>> out
    {'华光农业': '南湖华光农业发展有限公司'}
    """
    cores: dict[str, str] = {}
    for full, t in names:
        if t is not T.ENTERPRISE or (end := _COMPANY_END.search(full)) is None:
            continue
        if re.search(r"[(（]", full):
            continue  # 某某电器(重庆)有限公司: the firm's subsidiary there, not the firm
        stem = full[: end.start()]
        for k in range(4):
            for r in range(5):
                if len(core := stem[k : len(stem) - r]) >= 2:
                    cores.setdefault(core, full)
    targets = set(out.values())
    for short, t in names:
        if t is not T.ENTERPRISE or short in out or short in targets:
            continue
        if HEAD_RE.search(short) and not _FIRM_HEAD.search(short):
            continue  # 某某大学: a name of its own; 某某银行 may be a bank's short name
        found = cores.get(short)
        if found is not None and found != short and found not in out:
            out[short] = found


#: Head words a firm's short name may keep (黔丰银行 of 贵州黔丰银行股份有限公司).
_FIRM_HEAD = re.compile(r"(?:银行|集团|证券|保险|信托)$")
#: Kinds whose name a report may give without its place before it gives it in full.
_SUFFIXED = frozenset({T.DEVELOPMENT_ZONE, T.PROGRAMME})
#: How many earlier names of one first character or suffix a name is compared with.
_CANDIDATES = 64


_SCHOOLS = frozenset({T.UNIVERSITY, T.COLLEGE, T.SCHOOL})
_ORGS = _SHORTENED | {T.PLATFORM}
_AREAS = frozenset({T.PLACE, T.GOVERNMENT_BODY, T.DEVELOPMENT_ZONE})
#: What a back-reference stands for: the kinds of party and how many.
_BACK: dict[str, tuple[frozenset[T], int]] = {
    "校": (_SCHOOLS, 1),
    "大学": (_SCHOOLS, 1),
    "学院": (_SCHOOLS, 1),
    "院": (_SCHOOLS | {T.RESEARCH_INSTITUTE}, 1),
    "所": (frozenset({T.RESEARCH_INSTITUTE}), 1),
    "研究院": (frozenset({T.RESEARCH_INSTITUTE}), 1),
    "研究所": (frozenset({T.RESEARCH_INSTITUTE}), 1),
    "实验室": (frozenset({T.PLATFORM}), 1),
    "公司": (frozenset({T.ENTERPRISE}), 1),
    "企业": (frozenset({T.ENTERPRISE}), 1),
    "集团": (frozenset({T.ENTERPRISE}), 1),
    "区": (frozenset({T.DEVELOPMENT_ZONE}), 1),
    "新区": (frozenset({T.DEVELOPMENT_ZONE}), 1),
    "园区": (frozenset({T.DEVELOPMENT_ZONE}), 1),
    "项目": (frozenset({T.PROJECT}), 1),
    "双方": (_ORGS | _AREAS, 2),
    "两家": (_ORGS, 2),
    "两校": (_SCHOOLS, 2),
    "两地": (_AREAS, 2),
    "两市": (_AREAS, 2),
    "两省": (_AREAS, 2),
    "两区": (_AREAS, 2),
    "三方": (_ORGS | _AREAS, 3),
}
_OWN = {"我校": "校", "我院": "院", "我所": "所", "我区": "区", "我公司": "公司", "我集团": "集团"}
_BACK_RE = re.compile(
    r"该(大学|学院|公司|企业|集团|新区|园区|项目|研究院|研究所|实验室|校|院|所|区)(?![长内外])"
    r"|(我校|我院|我所|我区|我公司|我集团)(?![长])"
    r"|(?<![一二三四五六七八九十\d])(双方|两家|两校|两地|两市|两省|两区|三方)(?![面])"
)


def back_references(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The back-references in ``text[start:end]``: ``(start, end, key)``.

    >>> back_references("双方将共建研究院,该校提供场地", 0, 15)
    [(0, 2, '双方'), (9, 11, '校')]
    """
    return [
        (m.start(), m.end(), m.group(m.lastindex or 0)) for m in _BACK_RE.finditer(text, start, end)
    ]


def referents(key: str, recent: Sequence[tuple[str, T]]) -> list[int]:
    """Which of the parties named before (oldest first) a back-reference stands for:
    their indices in ``recent``, or ``[]`` when the report named too few of that kind.
    我校, 我院 (our school) stand for the first of their kind: the report's own.

    >>> recent = [("甲大学", T.UNIVERSITY), ("乙集团", T.ENTERPRISE), ("丙市", T.GOVERNMENT_BODY)]
    >>> referents("校", recent), referents("双方", recent), referents("两校", recent)
    ([0], [1, 2], [])
    >>> referents("我院", [("甲学院", T.COLLEGE), ("乙学院", T.COLLEGE)])
    [0]
    >>> referents("研究院", [("丙研究院", T.RESEARCH_INSTITUTE), ("丁所", T.RESEARCH_INSTITUTE)])
    [0]
    """
    if key in _OWN:
        kinds = _BACK[_OWN[key]][0]
        return next(
            (
                [i]
                for i, (name, kind) in enumerate(recent)
                if kind in kinds and not name.endswith(("系", "学部"))  # a unit is not 我院
            ),
            [],
        )
    kinds, count = _BACK[key]
    if count == 1 and len(key) >= 2:  # 该研究院: the latest 某某研究院, before any other institute
        for i in range(len(recent) - 1, -1, -1):
            if recent[i][1] in kinds and recent[i][0].endswith(key):
                return [i]
    found: list[int] = []
    names: set[str] = set()
    for i in range(len(recent) - 1, -1, -1):
        name, kind = recent[i]
        if kind in kinds and name not in names:
            found.append(i)
            names.add(name)
            if len(found) == count:
                return sorted(found)
    return []
