"""``kg pipeline`` and ``kg regions``: the analyst views of ``graph.pipeline`` and
``graph.region_ties`` as text, JSON or CSV (UTF-8 with BOM, formula-safe).

Each is declared once by ``@COMMANDS.command`` above its handler (see
:mod:`graph._cli_common`).
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, TextIO

from ._atomic import write_bytes
from ._cli_common import (
    Commands,
    Quotes,
    arg,
    as_of_option,
    date,
    emit_json,
    json_option,
    load_graph,
    names,
    output_option,
    repeatable,
    write_lines,
)
from ._export._csv import _table
from ._pipeline import pipeline, pipeline_changes
from ._records import EntityType, Status
from ._regions import region_ties

__all__ = ["COMMANDS", "PIPELINE_COLUMNS", "REGION_COLUMNS"]

#: The commands of this module, in the order ``kg --help`` lists them.
COMMANDS = Commands()

PIPELINE_COLUMNS = (
    "stage",
    "stage_order",
    "stage_en",
    "stage_zh",
    "id",
    "name",
    "name_en",
    "type",
    "status",
    "amount",
    "currency",
    "amount_text",
    "quotes",
)
REGION_COLUMNS = (
    "region_a",
    "region_a_en",
    "region_b",
    "region_b_en",
    "kind",
    "status",
    "count",
    "collective",
    "amount",
    "currency",
    "hubs",
    "relations",
    "quotes",
)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (CJK characters take two)."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return text + " " * max(1, width - len(text) - wide)


def _money(totals: Mapping[str, int | float]) -> str:
    return "; ".join(f"{cur} {value:,}" for cur, value in totals.items())


def _csv_out(
    args: argparse.Namespace, out: TextIO, columns: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    data = _table(columns, rows)
    if args.output:
        path = write_bytes(args.output, data)
        write_lines(out, [f"wrote {path} ({len(rows)} rows)"])
    else:
        out.write(data.decode("utf-8-sig"))


def _changes(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    a, b = args.changes
    found = pipeline_changes(kg, a, b, type=args.type)
    if args.json:
        emit_json(out, {"from": a, "to": b, "changes": [c.to_dict() for c in found]})
        return 0

    def name(s: Status | None) -> str:
        return f"{s.describe('zh')} {s}" if s else "—"

    lines = [f"{len(found)} change(s) of stage between {a} and {b}"]
    lines += [f"  {names(c.entity, '  ')}: {name(c.before)} → {name(c.after)}" for c in found]
    write_lines(out, lines)
    return 0


#: ``--json``, ``--csv``, ``-o FILE`` and ``--as-of DATE``: what both views take.
_VIEW_OPTIONS = (
    json_option,
    arg("--csv", action="store_true", help="print CSV (UTF-8; with a BOM when written by -o)"),
    output_option("with --csv: write this file"),
    as_of_option,
)


@COMMANDS.command(
    "pipeline",
    "projects and programmes by stage, with counts, stated amounts and quotes",
    example=("kg pipeline --type project --as-of 2016", "kg pipeline --changes 2015 2016"),
    description="Projects and programmes by stage, with counts, stated amounts and quotes. "
    "See docs/analysis.md.",
    options=(
        *_VIEW_OPTIONS,
        repeatable(
            "--type", EntityType, "T", "entity type (repeatable; default project and programme)"
        ),
        arg(
            "--changes",
            nargs=2,
            metavar=("A", "B"),
            type=date,
            help="list what moved from one stage to another between the dates A and B",
        ),
    ),
)
def cmd_pipeline(args: argparse.Namespace, out: TextIO) -> int:
    if args.changes:
        return _changes(args, out)
    kg = load_graph(args)
    p = pipeline(kg, type=args.type)
    if args.csv or args.output:
        _csv_out(args, out, PIPELINE_COLUMNS, p.rows())
        return 0
    if args.json:
        emit_json(out, {**({"as_of": args.as_of} if args.as_of else {}), **p.to_dict()})
        return 0
    staged = sum(s.count for s in p.stages)
    types = ", ".join(str(t) for t in p.types)
    lines = [f"pipeline ({types}): {staged} at a stage, {len(p.unstaged)} with no stage given"]
    if args.as_of:
        lines.append(f"as of {args.as_of} (sources dated up to then, and undated ones)")
    if p.totals:
        lines.append(f"stated amounts: {_money(p.totals)}")
    quotes = Quotes()
    for n, s in enumerate(p.stages, 1):
        head = f"{n}. {s.stage.describe('zh')} {s.stage} ({s.stage.describe('en')}): {s.count}"
        money = [f"stated {_money(s.totals)}"] if s.totals else []
        if s.not_stated:
            money.append(f"amount not stated for {s.not_stated}")
        lines.append(head + "  — " + "; ".join(money))
        for i in s.items:
            amount = "".join(f"  {a.text} ({a.currency} {a.value:,})" for a in i.amounts)
            lines.append(f"   {names(i.entity, '  ')}{amount}")
            lines += quotes.lines(replace(i.entity, evidence=i.evidence), "       ")
    if p.unstaged:
        lines.append(f"no stage given ({len(p.unstaged)}):")
        for i in p.unstaged:
            own = f"  (status {i.entity.status}: not a stage)" if i.entity.status else ""
            lines.append(f"   {names(i.entity, '  ')}{own}")
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "regions",
    "ties between regions (Beijing, Tianjin, Chengde, …) by relation type and stage",
    example="kg regions --csv -o output/regions.csv",
    description="Ties between regions (Beijing, Tianjin, Chengde, …) by relation type and "
    "stage. See docs/analysis.md.",
    options=_VIEW_OPTIONS,
)
def cmd_regions(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    t = region_ties(kg)
    if args.csv or args.output:
        _csv_out(args, out, REGION_COLUMNS, t.rows())
        return 0
    if args.json:
        emit_json(out, {**({"as_of": args.as_of} if args.as_of else {}), **t.to_dict()})
        return 0
    lines = [
        f"{len(t.ties)} kinds of tie between {len(t.regions)} regions; "
        f"{len(t.homes)} parties, {len(t.unknown)} of unknown region"
    ]
    if args.as_of:
        lines.append(f"as of {args.as_of} (sources dated up to then, and undated ones)")
    lines.append(f"  {_pad('regions', 20)}{'kind':18} {'status':18} count")
    for x in t.ties:
        pair = f"{x.a.name} — {x.b.name}"
        extra = []
        if x.collective:
            extra.append(f"{x.collective} group statement{'s' if x.collective > 1 else ''}")
        if x.totals:
            extra.append(_money(x.totals))
        if x.hubs:
            extra.append("via " + "、".join(h.name for h in x.hubs))
        note = f"  ({'; '.join(extra)})" if extra else ""
        lines.append(f"  {_pad(pair, 20)}{x.kind:18} {x.status!s:18} {x.count:5}{note}")
    lines.append("home regions:")
    for h in t.homes.values():
        lines.append(f"  {_pad(h.entity.name, 30)}{_pad(h.region.name, 12)}({h.basis})")
    write_lines(out, lines)
    return 0
