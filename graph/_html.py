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
import contextlib
import functools
import hashlib
import json
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import write_text
from ._errors import ExportError, KGError
from ._layout import radial_layout
from ._paths import DEFAULT_OUTPUT
from ._records import COLLECTIVE_TYPES, EntityType, RelationType, Status, thaw

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

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"

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
    EntityType.MEASURE: ("举措", "#aec7e8", "box"),
    EntityType.GOAL: ("目标", "#dbdb8d", "ellipse"),
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
        raise KGError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")


def script_json(value: Any) -> str:
    """JSON safe to put inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes, so
    no string can close the element or start a comment.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
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


def _payload(kg: KnowledgeGraph, lang: str) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data."""
    entities = kg.entities()
    relations = kg.relations()
    sources = kg.sources()
    source_index = {s.id: i for i, s in enumerate(sources)}

    quotes: list[dict[str, Any]] = []
    quote_index: dict[tuple[str, str], int] = {}

    def quote(source_id: str, text: str) -> int:
        key = (source_id, text)
        found = quote_index.get(key)
        if found is not None:
            return found
        sentence, start, end = text, 0, len(text)
        if source_id in source_index:
            with contextlib.suppress(ValueError):
                sentence, start, end = sources[source_index[source_id]].sentence(text)
        quote_index[key] = len(quotes)
        quotes.append(
            {
                "source": source_index.get(source_id, -1),
                "quote": text,
                "sentence": sentence,
                "start": start,
                "end": end,
            }
        )
        return quote_index[key]

    degree: Counter[str] = Counter()
    for r in relations:
        degree[r.source] += 1
        degree[r.target] += 1
    ids = [e.id for e in entities]
    positions = radial_layout(ids, ((r.source, r.target) for r in relations))

    nodes = [
        {
            "id": e.id,
            "name": e.name,
            "name_en": e.name_en,
            "aliases": list(e.aliases),
            "type": str(e.type),
            "status": str(e.status) if e.status else None,
            "attributes": thaw(e.attributes),
            "notes": e.notes,
            "collective": e.type in COLLECTIVE_TYPES,
            "evidence": [quote(ev.source, ev.quote) for ev in e.evidence],
            "degree": degree[e.id],
            "size": round(10 + 5 * math.sqrt(degree[e.id]), 1),
            "x": positions[e.id][0],
            "y": positions[e.id][1],
        }
        for e in entities
    ]
    edges = [
        {
            "id": r.id,
            "from": r.source,
            "to": r.target,
            "type": str(r.type),
            "status": str(r.status),
            "date": r.date,
            "attributes": thaw(r.attributes),
            "notes": r.notes,
            "collective": r.collective,
            "evidence": [quote(ev.source, ev.quote) for ev in r.evidence],
        }
        for r in relations
    ]

    type_count = Counter(e.type for e in entities)
    status_count = Counter(r.status for r in relations)
    rtype_count = Counter(r.type for r in relations)
    types = [
        {
            "id": str(t),
            "zh": TYPE_STYLE[t][0],
            "en": str(t).replace("_", " "),
            "description": t.description,
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
            "description": s.description,
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
            "description": t.description,
            "count": rtype_count[t],
        }
        for t in RelationType
        if rtype_count[t]
    ]
    if len(sources) == 1:
        title = {"zh": sources[0].title, "en": sources[0].title_en}
    else:
        title = {"zh": "区域合作知识图谱", "en": "Regional cooperation knowledge graph"}
    return {
        "lang": lang,
        "title": title,
        "physics": len(entities) <= PHYSICS_LIMIT,
        "types": types,
        "statuses": statuses,
        "relationTypes": rtypes,
        "sources": [{"id": s.id, "title": s.title, "title_en": s.title_en} for s in sources],
        "quotes": quotes,
        "nodes": nodes,
        "edges": edges,
    }


def generate_html(kg: KnowledgeGraph, *, lang: str = "zh") -> str:
    """The explorer page for ``kg`` as one self-contained HTML string.

    Parameters
    ----------
    kg
        The graph (or any subgraph) to show.
    lang
        The initial language of labels and panel text: ``"zh"`` or ``"en"``; the
        page has a toggle for the other.

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
    _check_lang(lang)
    vis = _asset("pyvis", _VIS_JS)
    app = _asset("graph", "templates/explorer.js")
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
    slots = {
        "CSP": csp,
        "CSS": css,
        "DATA": script_json(_payload(kg, lang)),
        "VIS": vis,
        "APP": app,
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], page)


def write_html(kg: KnowledgeGraph, path: str | Path | None = None, *, lang: str = "zh") -> Path:
    """Write the explorer page for ``kg`` to ``path`` atomically; return the path.

    The page is built in memory first and then replaces ``path`` in one rename,
    so a failed export leaves the previous file as it was.

    Parameters
    ----------
    kg
        The graph (or any subgraph) to show.
    path
        Where to write; default :data:`DEFAULT_HTML` (``output/graph.html`` in
        this repository). Missing folders are created.
    lang
        The initial language, ``"zh"`` or ``"en"``.

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
    return write_text(target, generate_html(kg, lang=lang))
