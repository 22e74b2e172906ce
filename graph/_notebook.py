"""Jupyter support: the graph shown inline, query results as pandas DataFrames.

* :func:`repr_html` is what ``KnowledgeGraph._repr_html_`` returns: the
  interactive HTML explorer (``graph._html.generate_html``) in an ``<iframe>``
  whose ``srcdoc`` holds the whole page, so the notebook needs no server and no
  file. When the explorer is not available, a small HTML summary table instead.
* :func:`repr_text` is a short plain-text summary (counts by type).
* :func:`to_dataframe` turns what :meth:`~graph.KnowledgeGraph.partners`,
  :meth:`~graph.KnowledgeGraph.find`, :meth:`~graph.KnowledgeGraph.rank`,
  :meth:`~graph.KnowledgeGraph.relations` or :meth:`~graph.KnowledgeGraph.path`
  return into a ``pandas.DataFrame``. pandas is optional: it is imported only
  here, and a :class:`graph.MissingExtraError` says how to install it when it is missing.

>>> import graph
>>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
>>> print(repr_text(graph.KnowledgeGraph([e], [])))
KnowledgeGraph: 1 entity, 0 relations, 0 sources
  entities: place 1
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._errors import ArgumentError, MissingExtraError
from ._records import Entity, Partner, Relation

if TYPE_CHECKING:
    from ._kg import KnowledgeGraph

__all__ = ["repr_html", "repr_text", "to_dataframe"]

#: Height of the inline explorer, in CSS pixels.
IFRAME_HEIGHT = 600


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def repr_text(kg: KnowledgeGraph) -> str:
    """A few lines: how many entities, relations and sources, and of which types.

    >>> import graph
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> repr_text(graph.KnowledgeGraph([e], [])).splitlines()[0]
    'KnowledgeGraph: 1 entity, 0 relations, 0 sources'
    """
    stats = kg.stats()
    lines = [
        "KnowledgeGraph: "
        + ", ".join(
            [
                _plural(stats["entities"], "entity", "entities"),
                _plural(stats["relations"], "relation", "relations"),
                _plural(stats["sources"], "source", "sources"),
            ]
        )
    ]
    if stats["entity_types"]:
        lines.append("  entities: " + _counts(stats["entity_types"]))
    if stats["relation_types"]:
        lines.append("  relations: " + _counts(stats["relation_types"]))
    return "\n".join(lines)


def _summary_html(kg: KnowledgeGraph) -> str:
    stats = kg.stats()
    rows = [
        ("entities", str(stats["entities"])),
        ("relations", str(stats["relations"])),
        ("sources", str(stats["sources"])),
        ("entity types", _counts(stats["entity_types"])),
        ("relation types", _counts(stats["relation_types"])),
    ]
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return (
        f"<div><strong>KnowledgeGraph</strong><table>{body}</table>"
        "<small>The interactive explorer is not available in this installation.</small></div>"
    )


def repr_html(kg: KnowledgeGraph, *, lang: str = "zh", height: int = IFRAME_HEIGHT) -> str:
    """The interactive explorer of ``kg`` as an ``<iframe srcdoc=…>``, for Jupyter.

    The page is escaped for an HTML attribute (``&``, ``<``, ``>``, ``"`` and
    ``'``), so nothing in the data can end the attribute early. The iframe is
    sandboxed: scripts run, but the page cannot reach the notebook. Falls back
    to a small summary table when ``graph._html`` is not available.

    >>> import graph
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> repr_html(graph.KnowledgeGraph([e], [])).startswith(("<iframe", "<div"))
    True
    """
    try:
        from ._html import generate_html
    except ImportError:
        return _summary_html(kg)
    page = generate_html(kg, lang=lang)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-downloads" '
        'title="Knowledge graph explorer"></iframe>'
    )


# -- DataFrames --------------------------------------------------------------------------------


def _entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "name_en": e.name_en,
        "type": str(e.type),
        "status": str(e.status) if e.status is not None else None,
        "aliases": list(e.aliases),
    }


def _relation_row(r: Relation) -> dict[str, Any]:
    return {
        "id": r.id,
        "source": r.source,
        "target": r.target,
        "type": str(r.type),
        "status": str(r.status),
        "date": r.date,
        "collective": r.collective,
        "quotes": [ev.quote for ev in r.evidence],
    }


def _partner_row(p: Partner) -> dict[str, Any]:
    return {
        "id": p.entity.id,
        "name": p.entity.name,
        "name_en": p.entity.name_en,
        "type": str(p.entity.type),
        "collective": p.collective,
        "via": p.via.id if p.via is not None else None,
        "via_name": p.via.name if p.via is not None else None,
        "relations": [r.id for r in p.relations],
        "relation_types": [str(r.type) for r in p.relations],
        "statuses": [str(r.status) for r in p.relations],
    }


def _row(item: object) -> dict[str, Any]:
    if isinstance(item, Partner):
        return _partner_row(item)
    if isinstance(item, Entity):
        return _entity_row(item)
    if isinstance(item, Relation):
        return _relation_row(item)
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], Entity)
        and isinstance(item[1], int | float)
    ):
        row = _entity_row(item[0])
        del row["aliases"], row["status"]
        row["score"] = float(item[1])
        return row
    raise ArgumentError(
        f"to_dataframe cannot make a row of {item!r}; pass what partners(), find(), "
        "rank(), relations() or path() return"
    )


def to_dataframe(results: Iterable[Any]) -> Any:
    """Query results as a ``pandas.DataFrame``, one row per result.

    Takes the list that :meth:`~graph.KnowledgeGraph.partners` (columns ``id``,
    ``name``, ``name_en``, ``type``, ``collective``, ``via``, ``via_name``,
    ``relations``, ``relation_types``, ``statuses``),
    :meth:`~graph.KnowledgeGraph.find` or ``entities()`` (``id``, ``name``,
    ``name_en``, ``type``, ``status``, ``aliases``),
    :meth:`~graph.KnowledgeGraph.rank` (``id``, ``name``, ``name_en``, ``type``,
    ``score``) or :meth:`~graph.KnowledgeGraph.relations` /
    :meth:`~graph.KnowledgeGraph.path` (``id``, ``source``, ``target``, ``type``,
    ``status``, ``date``, ``collective``, ``quotes``) return; a
    :class:`~graph.KnowledgeGraph` gives its entities; :func:`graph.pipeline` one row
    per entity (``stage``, ``stage_order``, ``stage_en``, ``stage_zh``, ``id``, ``name``,
    ``name_en``, ``type``, ``status``, ``amount``, ``currency``, ``amount_text``,
    ``quotes``) and :func:`graph.region_ties` one row per tie (``region_a``,
    ``region_b``, their English names, ``kind``, ``status``, ``count``,
    ``collective``, ``amount``, ``currency``, ``hubs``, ``relations``, ``quotes``).
    Lists stay lists in their cells.

    Raises :class:`graph.MissingExtraError` when pandas is not installed (install it
    with ``pip install pandas``) and :class:`graph.ArgumentError` when an item is not a
    query result.

    >>> import graph
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> to_dataframe(kg.find(type="place"))[["id", "name"]].to_dict("records")
    [{'id': 'a', 'name': '承德'}]
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise MissingExtraError(
            "to_dataframe needs pandas, which is not installed; "
            "install it with `pip install pandas` (or the pandas extra) and try again",
            extra="pandas",
        ) from None
    from ._kg import KnowledgeGraph
    from ._pipeline import Pipeline
    from ._regions import RegionTies

    if isinstance(results, Pipeline | RegionTies):  # one row per entity / per tie
        return pandas.DataFrame(results.rows())
    if isinstance(results, KnowledgeGraph):
        results = results.entities()
    return pandas.DataFrame([_row(item) for item in results])
