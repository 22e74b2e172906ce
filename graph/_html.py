"""The interactive HTML explorer: one offline, self-contained, evidence-first page.

:func:`generate_html` returns the page as a string; :func:`write_html` writes it
atomically (default ``output/graph.html``). The page inlines vis-network 9.1.2,
read from the installed pyvis package, our own script and stylesheet from
``graph/templates/``, and the graph as JSON in a ``<script type="application/json">``
block. It loads nothing from outside the file, and a Content-Security-Policy
allows only its own two scripts (by hash) to run.

Why not ``pyvis.Network``: its templates load Bootstrap from a CDN, its
``add_node``/``add_edge`` check membership in lists (quadratic), it renders titles
as HTML, and it does not escape its heading. We keep its renderer, vis-network, and
emit vis-network's node and edge dicts ourselves in linear time.

Data strings never become markup: they travel as escaped JSON and the page puts
them in the document with ``textContent`` only.

>>> import graph
>>> page = generate_html(graph.load(), lang="en")
>>> page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import atomic_open
from ._errors import ArgumentError, ExportError
from ._history import STAGES
from ._kg import UMBRELLA_TYPES
from ._layout import radial_layout
from ._paths import DEFAULT_OUTPUT
from ._records import (
    COLLECTIVE_TYPES,
    SCHEMA,
    Basis,
    Entity,
    EntityType,
    Kind,
    Relation,
    RelationType,
    Status,
    plain,
)
from ._regions import page_payload
from ._sentences import ends_sentence, sentence_window

if TYPE_CHECKING:
    from ._kg import KnowledgeGraph

__all__ = [
    "DEFAULT_HTML",
    "LANGS",
    "PHYSICS_LIMIT",
    "generate_html",
    "write_html",
]

#: Languages of the page: the ``lang`` argument sets the initial one.
LANGS = ("zh", "en")

#: Where :func:`write_html` writes when it gets no path.
DEFAULT_HTML = DEFAULT_OUTPUT / "graph.html"

#: Above this many entities, positions are computed in Python and physics starts off.
PHYSICS_LIMIT = 300

#: Above this many entities the page starts with a bounded subset (the
#: :data:`OVERVIEW_SIZE` most connected) and says so; search, neighbour expansion,
#: paths and addresses bring in the rest. At or below it every entity is drawn.
OVERVIEW_LIMIT = 2000

#: How many entities a page above :data:`OVERVIEW_LIMIT` draws at first.
OVERVIEW_SIZE = 1000

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"

#: Entity types a path in the page does not pass through unless asked, as in ``kg.path``.
DETOUR_TYPES = tuple(sorted(UMBRELLA_TYPES))

#: The page's script, by concern, joined in this order into one inlined script. Each file
#: exports a namespace and uses only those of files before it; ``state.js`` holds what
#: several change (checked by tests/test_page_modules.py and ESLint, ``make jslint``).
SCRIPT_MODULES = (
    "state",
    "i18n",
    "core",
    "labels",
    "view",
    "reader",
    "panel",
    "search",
    "tables",
    "filters",
    "paths",
    "export",
    "pipeline",
    "regions",
    "address",
    "views",
    "main",
)

#: Per entity type: Chinese label, colour, vis-network shape.
TYPE_STYLE: dict[EntityType, tuple[str, str, str]] = {
    EntityType.DEVELOPMENT_ZONE: ("开发区", "#d62728", "star"),
    EntityType.GOVERNMENT_BODY: ("政府机构", "#8c564b", "dot"),
    EntityType.ENTERPRISE: ("企业", "#1f77b4", "dot"),
    EntityType.UNIVERSITY: ("大学", "#2ca02c", "dot"),
    EntityType.COLLEGE: ("专科院校", "#5fbf5f", "dot"),
    EntityType.RESEARCH_INSTITUTE: ("科研院所", "#17becf", "dot"),
    EntityType.SCHOOL: ("中小学", "#bcbd22", "dot"),
    EntityType.GROUP: ("群体", "#7f7f7f", "diamond"),
    EntityType.COOPERATION: ("群体合作", "#e377c2", "diamond"),
    EntityType.PROGRAMME: ("培养项目", "#9467bd", "square"),
    EntityType.PLATFORM: ("平台", "#98df8a", "square"),
    EntityType.PROJECT: ("项目", "#ff7f0e", "square"),
    EntityType.MEASURE: ("举措", "#aec7e8", "hexagon"),
    EntityType.GOAL: ("目标", "#dbdb8d", "diamond"),
    EntityType.EVENT: ("活动", "#ffbb78", "triangle"),
    EntityType.PLACE: ("地点", "#c5b0d5", "triangleDown"),
    EntityType.MEDIA_WORK: ("影视作品", "#f7b6d2", "triangle"),
}

#: Per relation type: short Chinese and English edge labels.
RELATION_LABELS: dict[RelationType, tuple[str, str]] = {
    RelationType.ESTABLISHES: ("设立", "establishes"),
    RelationType.LEADS: ("领导", "leads"),
    RelationType.AGENCY_AGREEMENT: ("代理协议", "agency agreement"),
    RelationType.SIGNED_AGREEMENT: ("签约", "signed"),
    RelationType.LETTER_OF_INTENT: ("意向", "letter of intent"),
    RelationType.NEGOTIATION: ("洽谈", "negotiating"),
    RelationType.COOPERATION: ("合作", "cooperates"),
    RelationType.PARTICIPATES_IN: ("参与", "takes part"),
    RelationType.INVESTS_IN: ("投资", "invests"),
    RelationType.BUILDS_OPERATES: ("建设运营", "builds & operates"),
    RelationType.VISIT: ("拜访", "visit"),
    RelationType.WORKS_ON: ("推进", "works on"),
    RelationType.ATTENDS: ("出席", "attends"),
    RelationType.AFFILIATED_WITH: ("隶属", "affiliated"),
    RelationType.ORGANISES: ("举办", "organises"),
    RelationType.HELD_AT: ("举办地", "held at"),
    RelationType.LOCATED_IN: ("位于", "located in"),
    RelationType.SEEKS: ("引进", "seeks"),
    RelationType.CONNECTS: ("交流", "connects"),
    RelationType.SUPPORTS: ("支持", "supports"),
    RelationType.DRAWS_ON: ("借助", "draws on"),
    RelationType.ADOPTS: ("实行", "adopts"),
    RelationType.AIMS_AT: ("旨在", "aims at"),
    RelationType.SUBSIDIARY_OF: ("隶属", "subsidiary of"),
}

#: Per status: Chinese label and line style (``done`` solid, ``underway`` long
#: dashes, ``prospective`` short dashes).
STATUS_STYLE: dict[Status, tuple[str, str]] = {
    Status.ESTABLISHED: ("已设立", "done"),
    Status.CARRIED_OUT: ("已开展", "done"),
    Status.HELD: ("已举办", "done"),
    Status.SIGNED: ("已签约", "done"),
    Status.OPENED: ("已开办", "done"),
    Status.DESIGNATED: ("已列入", "done"),
    Status.STATED: ("既有事实", "done"),
    Status.STARTED: ("已启动", "underway"),
    Status.UNDER_CONSTRUCTION: ("在建", "underway"),
    Status.ABOUT_TO_START: ("即将开工", "underway"),
    Status.SITE_SELECTED: ("已选址", "underway"),
    Status.SITE_SURVEY: ("选址中", "underway"),
    Status.PRELIMINARY_WORK: ("前期工作", "underway"),
    Status.NEGOTIATING: ("洽谈中", "prospective"),
    Status.INTENT: ("意向", "prospective"),
    Status.PLANNED: ("计划", "prospective"),
    Status.EXPLORING: ("探索中", "prospective"),
}

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SLOT = re.compile(r"@@(CSP|CSS|DATA|VIS|APP)@@")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ArgumentError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")


def script_json(value: Any) -> str:
    """JSON safe to put inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes, so
    no string can close the element or start a comment.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:  # NaN or infinity, possible in a graph built in Python
        raise ExportError(f"cannot write the page: {exc}; use finite numbers") from None
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


@functools.cache
def _asset(package: str, name: str, *, inline: bool = True) -> str:
    """A text file shipped inside an installed package (read once per process).

    With ``inline``, the file is to go inside a ``<script>`` or ``<style>`` element
    and must not contain ``</script``.
    """
    try:
        text = (resources.files(package) / name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise ExportError(
            f"cannot read {name} from the {package} package ({exc}); "
            "reinstall the project: pip install -e ."
        ) from None
    if inline and "</script" in text.lower():
        raise ExportError(f"{package}/{name} contains '</script' and cannot be inlined")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: Sources up to this many characters travel whole (the reader pane shows them);
#: longer ones travel as the excerpts around their quotes only.
READER_LIMIT = 200_000

#: Attribute keys as the panel shows them in Chinese (other keys show as written).
ATTRIBUTE_LABELS_ZH: dict[str, str] = {
    "collective": "群体表述",
    "agreement": "协议",
    "role": "角色",
    "count": "数量",
    "count_text": "数量（原文）",
    "sector": "行业",
    "sectors": "行业",
    "sectors_text": "行业（原文）",
    "model": "模式",
    "model_text": "模式（原文）",
    "on": "事项",
    "stages": "阶段",
    "stage": "阶段",
    "purpose": "目的",
    "as_of": "截至",
    "expected": "预期",
    "text": "原文",
    "amount": "金额",
    "currency": "币种",
    "enterprises_named": "列名企业",
    "institutions_named": "列名院校",
    "activities": "活动",
    "outcome": "成果",
    "opened": "开班",
    "opened_text": "开班（原文）",
    "planned_graduates": "计划培养人数",
    "planned_graduates_approximate": "人数为约数",
    "planned_years": "计划年限",
    "planned_text": "计划（原文）",
    "problem": "问题",
    "rules": "规则",
    "rules_text": "规则（原文）",
    "policies_of": "政策来源",
    "head": "负责人",
    "staff": "人员",
    "tasks": "任务",
    "kind": "种类",
    "investment": "投资",
    "designation": "称号",
    "value": "价值",
    "prospects": "前景",
    "negotiation": "洽谈",
    "sub_projects": "子项目",
    "intensity": "强度",
    "draft": "待审",
    "date": "日期",
}

#: Attribute values written in English codes, as the panel shows them in Chinese.
ATTRIBUTE_VALUES_ZH: dict[str, dict[str, str]] = {
    "role": {"enterprise": "企业方", "institution": "院校方"},
    "currency": {"CNY": "人民币"},
}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


@functools.cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(names: Iterable[str]) -> dict[str, str]:
    """``{traditional: simplified}`` for the Han characters of ``names`` whose
    traditional form differs, so that the page's search finds 天津大學 as 天津大学."""
    chars = {ch for name in names for ch in name if "\u3400" <= ch <= "\u9fff"}
    out: dict[str, str] = {}
    convert = _s2t().convert
    for ch in sorted(chars):
        trad = str(convert(ch))
        if len(trad) == 1 and trad != ch:
            out[trad] = ch
    return out


def _draft(attributes: Any) -> bool:
    return attributes.get("draft") is True


#: The page's own values in a packed entity row, by place (the records' fields give
#: theirs in graph._records.SCHEMA, ``packed``).
_PAGE_PLACES: dict[str, dict[int, str]] = {"node": {4: "degree", 5: "size", 6: "x", 7: "y"}}


def _packed_fields(kind: str, cls: type[Any]) -> tuple[str, ...]:
    """The page keys a packed ``kind`` row carries, in place order (see :data:`PACKED_FIELDS`)."""
    places = {f.packed: f.page for f in SCHEMA[cls] if f.packed is not None}
    places |= _PAGE_PLACES.get(kind, {})
    return tuple(places[i] for i in range(len(places)))  # every place from 0, once


#: The fields a packed record (a page above :data:`OVERVIEW_LIMIT`) carries in a list,
#: in this order, with a mapping of its other non-default fields last. The page reads
#: them from its data (``packed_fields``).
PACKED_FIELDS = {"node": _packed_fields("node", Entity), "edge": _packed_fields("edge", Relation)}


def _page_record(record: Entity | Relation, quote: Callable[[str, str], int]) -> dict[str, Any]:
    """The page's view of a record: every field of its schema under its page key, as
    plain data; the notes as ``{"en": …, "zh": …}``, evidence as indices of quotes."""
    out: dict[str, Any] = {}
    for f in SCHEMA[type(record)]:
        value = getattr(record, f.name)
        if f.kind is Kind.EVIDENCE:
            out[f.page] = [quote(ev.source, ev.quote) for ev in value]
        elif f.lang is not None:
            out.setdefault(f.page, {})[f.lang] = value
        else:
            out[f.page] = plain(f, value)
    return out


def _packed(record: dict[str, Any]) -> list[Any]:
    """``record`` as a list (see :data:`PACKED_FIELDS`), its other fields in a mapping
    at the end without those holding their default: empty lists, mappings and notes,
    ``None``, ``False``, the basis ``stated`` and the English name kind ``translation``.
    The page restores the defaults."""
    fields = PACKED_FIELDS["edge" if "from" in record else "node"]
    rest = {}
    for key, value in record.items():
        if key in fields or value is None or value is False or value == [] or value == {}:
            continue
        if key == "notes" and not value["en"] and not value["zh"]:
            continue
        if (key, value) in (("basis", "stated"), ("name_en_kind", "translation")):
            continue
        rest[key] = value
    return [record[key] for key in fields] + [rest]


def _packer(big: bool) -> Any:
    return _packed if big else dict


def _payload_parts(
    kg: KnowledgeGraph, lang: str, focus: str | None = None
) -> Iterator[tuple[str, Any]]:
    """Everything the page shows, as ``(key, value)`` pairs of one JSON object, in order.

    ``nodes`` and ``edges`` come as iterators of plain dicts (so a writer can stream
    them one by one); the quotes and source texts they refer to follow them.

    Each source's text travels once (whole up to :data:`READER_LIMIT` characters,
    else as the merged windows around its quotes); a quote refers to it by offsets:
    ``start``/``end`` of the quote and ``from``/``to`` of its sentence window, clipped
    to :data:`CONTEXT` characters on each side. Each source carries its ``date``
    (or ``null``), which orders a relation's history in the panel.
    """
    entities = kg.entities()
    relations = kg.relations()
    sources = kg.sources()
    source_index = {s.id: i for i, s in enumerate(sources)}

    big = len(entities) > OVERVIEW_LIMIT
    quotes: list[Any] = []
    quote_index: dict[tuple[str, str], int] = {}
    windows: list[list[tuple[int, int]]] = [[] for _ in sources]

    def quote(source_id: str, text: str) -> int:
        key = (source_id, text)
        found = quote_index.get(key)
        if found is not None:
            return found
        k = source_index.get(source_id, -1)
        at = sources[k].text.find(text) if k >= 0 and text else -1
        item: Any
        if at < 0:  # not in a known source: the quote travels alone
            item = {"source": k, "text": text}
        else:
            a, b = sentence_window(sources[k].text, at, at + len(text))
            windows[k].append((a, b))
            src = sources[k].text
            cut = [
                a > 0 and not src[a - 1].isspace() and not ends_sentence(src, a - 1),
                b < len(src) and not ends_sentence(src, b - 1),
            ]
            if big:  # packed: [source, start, end, from, to, cut left, cut right]
                item = [k, at, at + len(text), a, b, int(cut[0]), int(cut[1])]
            else:
                item = {"source": k, "start": at, "end": at + len(text), "from": a, "to": b}
                item["cut"] = cut
        quote_index[key] = len(quotes)
        quotes.append(item)
        return quote_index[key]

    degree: Counter[str] = Counter()
    for r in relations:
        degree[r.source] += 1
        degree[r.target] += 1
    ids = [e.id for e in entities]
    positions = radial_layout(ids, ((r.source, r.target) for r in relations))
    overview: list[str] | None = None
    pack = _packer(big)
    if big:
        order = {e: i for i, e in enumerate(ids)}
        overview = heapq.nsmallest(OVERVIEW_SIZE, ids, key=lambda i: (-degree[i], order[i]))

    type_count = Counter(e.type for e in entities)
    status_count = Counter(r.status for r in relations)
    rtype_count = Counter(r.type for r in relations)
    types = [
        {
            "id": str(t),
            "zh": TYPE_STYLE[t][0],
            "en": str(t).replace("_", " "),
            "description": {"en": t.description, "zh": t.description_zh},
            "color": TYPE_STYLE[t][1],
            "shape": TYPE_STYLE[t][2],
            "count": type_count[t],
            "collective": t in COLLECTIVE_TYPES,
        }
        for t in EntityType
        if type_count[t]
    ]
    statuses = [
        {
            "id": str(s),
            "zh": STATUS_STYLE[s][0],
            "en": str(s).replace("_", " "),
            "description": {"en": s.description, "zh": s.description_zh},
            "style": STATUS_STYLE[s][1],
            "count": status_count[s],
        }
        for s in Status
        if status_count[s]
    ]
    rtypes = [
        {
            "id": str(t),
            "zh": RELATION_LABELS[t][0],
            "en": RELATION_LABELS[t][1],
            "description": {"en": t.description, "zh": t.description_zh},
            "count": rtype_count[t],
            "stage": t in STAGES,
        }
        for t in RelationType
        if rtype_count[t]
    ]
    bases = [
        {"id": str(b), "description": {"en": b.description, "zh": b.description_zh}} for b in Basis
    ]
    if len(sources) == 1:
        title = {"zh": sources[0].title, "en": sources[0].title_en}
    else:
        title = {"zh": "区域合作知识图谱", "en": "Regional cooperation knowledge graph"}
    yield "lang", lang
    yield "title", title
    yield "focus", focus
    yield "physics", len(entities) <= PHYSICS_LIMIT
    yield "limit", OVERVIEW_LIMIT
    yield "packed_fields", {kind: list(fields) for kind, fields in PACKED_FIELDS.items()}
    yield "overview", overview
    yield "types", types
    yield "statuses", statuses
    yield "relationTypes", rtypes
    yield "bases", bases
    yield "attributeLabels", ATTRIBUTE_LABELS_ZH
    yield "attributeValues", ATTRIBUTE_VALUES_ZH
    yield "placeTypes", [str(t) for t in DETOUR_TYPES]
    yield "traditional", _traditional(n for e in entities for n in (e.name, *e.aliases))
    yield (
        "nodes",
        (
            pack(
                {
                    **_page_record(e, quote),
                    "draft": _draft(e.attributes),
                    "collective": e.type in COLLECTIVE_TYPES,
                    "degree": degree[e.id],
                    "size": round(10 + 5 * math.sqrt(degree[e.id]), 1),
                    "x": positions[e.id][0],
                    "y": positions[e.id][1],
                }
            )
            for e in entities
        ),
    )
    yield (
        "edges",
        (
            pack(
                {
                    **_page_record(r, quote),
                    "draft": _draft(r.attributes),
                    "collective": r.collective,
                }
            )
            for r in relations
        ),
    )
    yield "quotes", quotes
    texts = []
    for k, s in enumerate(sources):
        whole = len(s.text) <= READER_LIMIT
        spans = [(0, len(s.text))] if whole else _merge(windows[k])
        texts.append(
            {
                "id": s.id,
                "title": s.title,
                "title_en": s.title_en,
                "date": s.date,
                "length": len(s.text),
                "whole": whole,
                "segments": [[a, s.text[a:b]] for a, b in spans],
            }
        )
    yield "sources", texts
    yield "analysis", page_payload(kg)  # the Pipeline and Regions views (graph._regions)


def _payload(kg: KnowledgeGraph, lang: str, focus: str | None = None) -> dict[str, Any]:
    """Everything the page shows, as one JSON-ready dict (see :func:`_payload_parts`)."""
    return {
        key: list(value) if key in ("nodes", "edges") else value
        for key, value in _payload_parts(kg, lang, focus)
    }


def _data_chunks(kg: KnowledgeGraph, lang: str, focus: str | None) -> Iterator[str]:
    """The payload as script-safe JSON text, in pieces of bounded size (a batch of
    records or one top-level value at a time), so the whole text is never in memory."""
    first = True
    for key, value in _payload_parts(kg, lang, focus):
        yield ("{" if first else ",") + script_json(key) + ":"
        first = False
        if key not in ("nodes", "edges"):
            yield script_json(value)
            continue
        opening = "["
        batch: list[str] = []
        for record in value:
            batch.append(script_json(record))
            if len(batch) >= 2000:
                yield opening + ",".join(batch)
                opening, batch = ",", []
        if opening == "[":
            yield "[" + ",".join(batch) + "]"
        else:
            yield ("," + ",".join(batch) if batch else "") + "]"
    yield "}"


def script() -> str:
    """The page's own script: the modules of ``templates/js/`` in :data:`SCRIPT_MODULES`
    order, joined inside one function so that they leak no globals (each module keeps its
    own names inside a function of its own and exports a namespace to the later ones)."""
    parts = [_asset("graph", f"templates/js/{name}.js") for name in SCRIPT_MODULES]
    return '(function () {\n"use strict";\n' + "\n".join(parts) + "\n})();\n"


def generate_html(kg: KnowledgeGraph, *, lang: str = "zh", focus: str | None = None) -> str:
    """The explorer page for ``kg`` as one self-contained HTML string.

    Parameters
    ----------
    kg
        The graph (or any subgraph) to show.
    lang
        The initial language of labels and panel text: ``"zh"`` or ``"en"``; the
        page has a toggle for the other.
    focus
        The id of the entity the page is a focus of (``kg.to_html(focus=...)``):
        the page marks it and says so.

    Returns
    -------
    str
        The page. It loads nothing from outside itself.

    Raises
    ------
    graph.KGError
        When ``lang`` is not one of :data:`LANGS`.
    graph.ExportError
        When the vis-network script cannot be read from the installed pyvis.

    Examples
    --------
    >>> import graph
    >>> html = generate_html(graph.load())
    >>> "tianjin-university" in html and "https://" not in html.split("<script")[0]
    True
    """
    return "".join(_page_parts(kg, lang=lang, focus=focus))


def _page_parts(kg: KnowledgeGraph, *, lang: str, focus: str | None) -> Iterator[str]:
    """The page as a sequence of strings: the template's text between its slots, and
    the slots' contents, the data in bounded pieces (see :func:`_data_chunks`)."""
    _check_lang(lang)
    vis = _asset("pyvis", _VIS_JS)
    app = script()
    css = _asset("graph", "templates/explorer.css")
    page = _asset("graph", "templates/explorer.html", inline=False)
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis)} {_csp_hash(app)}",
            f"style-src {_csp_hash(css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    slots = {"CSP": csp, "CSS": css, "VIS": vis, "APP": app}
    at = 0
    for m in _SLOT.finditer(page):
        yield page[at : m.start()]
        if m.group(1) == "DATA":
            yield from _data_chunks(kg, lang, focus)
        else:
            yield slots[m.group(1)]
        at = m.end()
    yield page[at:]


def write_html(
    kg: KnowledgeGraph,
    path: str | Path | None = None,
    *,
    lang: str = "zh",
    focus: str | None = None,
) -> Path:
    """Write the explorer page for ``kg`` to ``path`` atomically; return the path.

    The page is written in pieces (the data a batch of records at a time, so the
    whole page is never held in memory) to a temporary file that then replaces
    ``path`` in one rename: a failed export leaves the previous file as it was.

    Parameters
    ----------
    kg
        The graph (or any subgraph) to show.
    path
        Where to write; default :data:`DEFAULT_HTML` (``output/graph.html`` in
        this repository). Missing folders are created.
    lang
        The initial language, ``"zh"`` or ``"en"``.
    focus
        The id of the entity the page is a focus of, if any.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    graph.KGError
        When ``lang`` is unknown.
    graph.ExportError
        When the file cannot be written.
    """
    target = Path(path) if path is not None else DEFAULT_HTML
    _check_lang(lang)
    with atomic_open(target, "w", newline="") as handle:
        for part in _page_parts(kg, lang=lang, focus=focus):
            handle.write(part)
    return target
