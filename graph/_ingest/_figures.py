"""Figures in Chinese text: amounts of money, counts and dates, with their wording.

Pure functions over strings; the extractor attaches what they find to the relation
whose clause states them.

>>> [(a["amount"], a["currency"], a["text"]) for a in amounts("投资30亿元的项目和约1.5万元")]
[(3000000000, 'CNY', '30亿元'), (15000, 'CNY', '约1.5万元')]
>>> [(c["count"], c["unit"], c["text"]) for c in counts("洽谈50次,引进12家企业,培养100名左右硕士")]
[(50, '次', '50次'), (12, '家', '12家'), (100, '名', '100名左右')]
>>> dates("2016年9月19日正式开学,10月开工")
[{'date': '2016-09-19', 'text': '2016年9月19日'}]
>>> [(a["area"], a["unit"], a["text"]) for a in areas("占地约500亩,建筑面积12万平方米")]
[(500, '亩', '约500亩'), (120000, '平方米', '12万平方米')]
>>> [c["text"] for c in capacities("建成后年产整车30万辆,年产值超100亿元")]
['年产整车30万辆']
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["amounts", "areas", "capacities", "counts", "dates"]

_NUM = r"\d+(?:\.\d+)?"
_QUALIFIER = r"(?:共|约|近|超过?|逾|达|总计|合计)?"
#: the qualifier (共, 约, 超) stays in the wording: 约30亿元 is not 30亿元
_AMOUNT = re.compile(
    rf"{_QUALIFIER}({_NUM})\s*(万亿|亿|千万|百万|万|千)?\s*(元|美元|欧元|港元|日元)"
)
_SCALE = {
    None: 1,
    "千": 10**3,
    "万": 10**4,
    "百万": 10**6,
    "千万": 10**7,
    "亿": 10**8,
    "万亿": 10**12,
}
_CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY"}
_COUNT = re.compile(
    rf"({_NUM})\s*(次|家|名|个|所|项|人|批|场|期|届|座|条|户)(?:左右|以上|余|多)?(?!元|月|日|年)"
    r"(?<!\d所(?=[\u4e00-\u9fff]))"
)
_AREA = re.compile(
    rf"{_QUALIFIER}({_NUM})\s*(万|千)?\s*(平方公里|平方千米|平方米|平米|公顷|亩|m2|㎡)(?:左右|以上|余)?"
)
_CAPACITY = re.compile(
    rf"(?:年产|年产能|年生产|年加工|年处理|年吞吐|设计产能|产能)[^，,。；;\d]{{0,8}}?"
    rf"{_QUALIFIER}({_NUM})\s*(万|千|百|亿)?\s*"
    r"(吨|台|辆|套|件|片|只|台套|千瓦|兆瓦|瓦|千瓦时|立方米|张|部|颗|支|头|个)"
)
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)(?:(\d{1,2})[日号])?|(\d{4})年(?!\d)")


def _number(text: str, scale: int) -> int | float:
    try:
        value = Decimal(text) * scale
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return 0
    return int(value) if value == value.to_integral_value() else float(value)


def amounts(text: str) -> list[dict[str, Any]]:
    """Amounts of money: the number in units of the currency, the currency, the wording."""
    return [
        {
            "amount": _number(m.group(1), _SCALE[m.group(2)]),
            "currency": _CURRENCY[m.group(3)],
            "text": m.group(0),
        }
        for m in _AMOUNT.finditer(text)
        if len(m.group(1)) <= 15
    ]


def counts(text: str) -> list[dict[str, Any]]:
    """Counts with their measure word (次, 家, 名, 个, …), as numbers with the wording."""
    return [
        {"count": _number(m.group(1), 1), "unit": m.group(2), "text": m.group(0)}
        for m in _COUNT.finditer(text)
        if len(m.group(1)) <= 15
    ]


def dates(text: str) -> list[dict[str, Any]]:
    """Dates as ISO strings as precise as the text (``2015-09-19``, ``--09-19``, ``2015``)."""
    out = []
    for m in _DATE.finditer(text):
        year, month, day, year_only = m.groups()
        if year_only:
            out.append({"date": year_only, "text": m.group(0)})
            continue
        if not month or not 1 <= int(month) <= 12 or (day and not 1 <= int(day) <= 31):
            continue
        if not year and not day:
            continue  # a month without a year is no date the data can hold
        iso = f"{year}-{int(month):02d}" if year else f"--{int(month):02d}"
        if day:
            iso += f"-{int(day):02d}"
        out.append({"date": iso, "text": m.group(0)})
    return out


def areas(text: str) -> list[dict[str, Any]]:
    """Areas (亩, 平方米, 公顷, 平方公里) as numbers in their unit, with the wording
    (共/约/超 kept)."""
    return [
        {
            "area": _number(m.group(1), _SCALE[m.group(2)]),
            "unit": {"平米": "平方米", "㎡": "平方米", "m2": "平方米", "平方千米": "平方公里"}.get(
                m.group(3), m.group(3)
            ),
            "text": m.group(0),
        }
        for m in _AREA.finditer(text)
        if len(m.group(1)) <= 15
    ]


def capacities(text: str) -> list[dict[str, Any]]:
    """Capacities (年产30万辆, 产能5000吨): the number, its unit and the wording."""
    return [
        {
            "capacity": _number(m.group(1), _SCALE[m.group(2)]),
            "unit": m.group(3),
            "text": m.group(0),
        }
        for m in _CAPACITY.finditer(text)
        if len(m.group(1)) <= 15
    ]
