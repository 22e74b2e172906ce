"""One proposal per thing: a short form the report uses (北大 after 北京大学, a
declared abbreviation, a firm with its city before it, a province beside its
government) becomes an alias of the full name, and its relations follow it.
"""

from __future__ import annotations

import re

from .._records import EntityType
from ._context import _Context
from ._coreference import short_forms
from ._model_names import TITLE
from ._names import ORG_TYPES
from ._places import PLACES

T = EntityType

_REGION_OFFICE = re.compile(
    r"(?:中国大陆|中国区|大中华区|亚太区|亚太地区|(?:华南|华北|华东|华中|西南|西北|东北)(?:区|地区)?)$"
)


def _titles_only(text: str, name: str) -> bool:
    """Whether every time ``text`` writes ``name`` a person's title follows (某某市政府
    副秘书长): the name says whom people work for, it is not written as acting."""
    at = text.find(name)
    if at == -1:
        return False
    while at != -1:
        if TITLE.match(text, at + len(name)) is None:
            return False
        at = text.find(name, at + len(name))
    return True


def _resolve_short_forms(ctx: _Context) -> None:
    """北大 after 北京大学: one proposal, the short form an alias (see ``_coreference``)."""
    new = [e for e in ctx.entities.values() if e.match is None]
    mapping = short_forms([(e.name, e.type) for e in new])
    for e in new:  # a short form the report declared: 某某公会（CIMA）… CIMA
        for alias in e.aliases:
            if alias in ctx.entities and alias != e.name and alias not in mapping.values():
                mapping.setdefault(alias, e.name)
    for e in new:  # 长沙某某重科 after 某某重科: the firm, its city written before it
        for k in (2, 3, 4):
            place, rest = e.name[:k], e.name[k:]
            if (
                len(rest) >= 2
                and (place in PLACES or place[:-1] in PLACES)
                and (other := ctx.entities.get(rest)) is not None
                and other.type is e.type
                and e.type in (T.ENTERPRISE, T.GROUP)
            ):
                mapping.setdefault(e.name, rest)
                break
    govs = [e for e in new if e.type is T.GOVERNMENT_BODY and e.name.endswith("政府")]
    for e in new:  # 浙江 beside 浙江省人民政府: the province acts through its government
        if e.type is T.PLACE and e.name.rstrip("省市") in PLACES:
            bare = e.name.rstrip("省市")
            gov = [g for g in govs if re.fullmatch(rf"{bare}[省市]?(?:人民)?政府", g.name)]
            if len(gov) == 1 and _titles_only(ctx.text, gov[0].name):
                # 河南省政府副秘书长 and 河南 acting: the province is the party, the
                # government's name only says whom a person works for
                mapping.setdefault(gov[0].ref, e.ref)
            elif len(gov) == 1:
                mapping.setdefault(e.name, gov[0].ref)
    for e in new:  # 某某公会中国大陆, 某某华南区: the organisation's office for a region
        found = _REGION_OFFICE.search(e.name)
        if found and found.start() >= 2:
            rest = e.name[: found.start()]
            other = ctx.entities.get(rest) or next((o for o in new if rest in o.aliases), None)
            if other is not None and other is not e and other.type in ORG_TYPES | {T.ENTERPRISE}:
                mapping.setdefault(e.name, other.ref)
    mapping = {k: v for k, v in mapping.items() if v not in mapping}
    if not mapping:
        return
    for short, full in mapping.items():
        e, into = ctx.entities.pop(short), ctx.entities[full]
        for alias in (e.name, *e.aliases):
            if alias != into.name and alias not in into.aliases:
                into.aliases.append(alias)
        into.quotes.extend(q for q in e.quotes if q not in into.quotes)
        del into.quotes[3:]
        into.confidence = max(into.confidence, e.confidence)
    relations = list(ctx.relations.values())
    ctx.relations = {}
    for r in relations:
        r.source = mapping.get(r.source, r.source)
        r.target = mapping.get(r.target, r.target)
        if r.source != r.target:
            ctx.relations.setdefault(r.key, r)
