"""What a clause's cue words give: its status (:func:`status`), the relation two
parties acting together have (:func:`cue_type`), and the figures and date it states.

Pure functions of a clause's text.
"""

from __future__ import annotations

import re
from typing import Any

from .._records import RelationType, Status
from ._figures import amounts, counts, dates

R = RelationType
S = Status

# First match wins; order matters (即将开工 before 开工, 完成选址 before 选址).
_CUES: tuple[tuple[str, Status], ...] = (
    (r"即将开工|即将动工|近期开工", S.ABOUT_TO_START),
    (r"完成选址|已选址|选定", S.SITE_SELECTED),
    (r"选址", S.SITE_SURVEY),
    (r"开工|在建|动工|施工", S.UNDER_CONSTRUCTION),
    (r"意向", S.INTENT),
    (r"签约|签署|签订|签下|续签", S.SIGNED),
    (r"前期", S.PRELIMINARY_WORK),
    (r"洽谈|商谈|磋商|谈判", S.NEGOTIATING),
    (r"开学|开班|开业|投入使用|投产|揭牌", S.OPENED),
    (r"启动", S.STARTED),
    (r"列为|列入|评为|认定为", S.DESIGNATED),
    (r"成立|组建|设立", S.ESTABLISHED),
    (r"举行|举办|召开", S.HELD),
    (r"争取|计划|拟|将", S.PLANNED),
    (r"合作|对接|交流(?!发言)|共建|开展", S.CARRIED_OUT),
)
_CUE_RE = [(re.compile(p), s) for p, s in _CUES]

#: What the author does to a project by the status of the clause (else works_on).
AUTHOR_TYPE = {
    S.SIGNED: R.SIGNED_AGREEMENT,
    S.INTENT: R.LETTER_OF_INTENT,
    S.NEGOTIATING: R.NEGOTIATION,
}


def status(clause: str) -> Status | None:
    """The status a clause's cue words give, if any.

    >>> status("双方即将开工建设"), status("甲与乙签署协议"), status("今日天晴")
    (<Status.ABOUT_TO_START: 'about_to_start'>, <Status.SIGNED: 'signed'>, None)
    """
    for rx, found in _CUE_RE:
        if rx.search(clause):
            return found
    return None


def figures(clause: str) -> dict[str, Any]:
    """Amounts (``investment`` where the clause says 投资) and counts a clause states."""
    out: dict[str, Any] = {}
    money = amounts(clause)
    if money:
        key = "investment" if "投资" in clause else "amount"
        out[key] = money[0] if len(money) == 1 else money
    found = [c for c in counts(clause) if not any(c["text"] in a["text"] for a in money)]
    if len(found) == 1:
        out["count"], out["count_text"] = found[0]["count"], found[0]["text"]
    elif found:
        out["counts"] = found
    return out


def date(clause: str) -> str | None:
    """The one date a clause states, if it states exactly one."""
    found = dates(clause)
    return found[0]["date"] if len(found) == 1 else None


def cue_type(words: str) -> RelationType:
    """The relation a clause's cue words state between two parties acting together.

    >>> str(cue_type("签订了合作意向书")), str(cue_type("将深化合作"))
    ('letter_of_intent', 'cooperation')
    """
    for rx, rtype in (
        (r"意向", R.LETTER_OF_INTENT),
        (r"签署|签订|签约|签下|续签", R.SIGNED_AGREEMENT),
        (r"洽谈|会谈|商谈|磋商", R.NEGOTIATION),
    ):
        if re.search(rx, words):
            return rtype
    return R.COOPERATION


#: 签订某项目投资协议: the kind of deal written after a project's name.
_DEAL = re.compile(
    r"(?:的)?(投资|入驻|落户|建设|合作|战略合作|框架)?(?:框架|合作)?"
    r"(协议书?|合同|意向书|意向协议|备忘录)"
)
_SIGNS = re.compile(
    r"(?:正式|成功|顺利|共同|现场|还|分别)?(?:签订|签署|签约|签下)了?(?:年产|年处理|新建)?"
)


#: 签订某项目合同，总投资12亿元: the investment written right after the contract.
_INVESTMENT_NEXT = re.compile(r"[^，,。；;]{0,6}?[，,]?(?:项目)?(?:总|计划|拟|协议)?投资")


def deal_type(between: str, after: str) -> RelationType | None:
    """What a firm that signs a deal on a project does to it: ``between`` is the text from
    the firm to the project (签订), ``after`` the text after the project's name (a clause
    or two). An investment agreement (投资协议, or a contract and an investment) invests
    in it; a letter of intent works on it; another agreement says no more than that it
    takes part (``None``).

    >>> str(deal_type("签订", "投资协议，总投资25亿元"))
    'invests_in'
    >>> str(deal_type("签订", "合同，投资12亿元")), str(deal_type("签订", "意向协议"))
    ('invests_in', 'works_on')
    >>> deal_type("与乙签订", "意向协议") is None, deal_type("签订", "合作协议") is None
    (True, True)
    """
    if not _SIGNS.fullmatch(between):
        return None
    deal = _DEAL.match(after)
    if deal is None:
        return None
    if deal.group(1) == "投资" or (
        deal.group(2) == "合同" and _INVESTMENT_NEXT.match(after, deal.end()) is not None
    ):
        return R.INVESTS_IN
    if deal.group(2).startswith("意向"):
        return R.WORKS_ON
    return None  # 合作协议: it takes part in the project (read as such)
