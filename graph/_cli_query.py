"""The query and output commands of ``kg``: ``validate``, ``normalize``, ``show``,
``partners``, ``path``, ``find``, ``relations``, ``stats``, ``rank``, ``html``, ``export``.

Each is a thin wrapper over the API operation of the same name, declared once by
``@COMMANDS.command`` above its handler (see :mod:`graph._cli_common`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._cli_common import (
    STDOUT,
    Commands,
    Quotes,
    arg,
    as_of_option,
    check_as_of,
    count,
    data_root,
    emit_json,
    entity_name,
    filters,
    json_option,
    load_graph,
    names,
    output_option,
    repeatable,
    write_lines,
    write_output,
)
from ._errors import ArgumentError, ExportError, ReadError
from ._export import EXPORT_FORMATS
from ._history import ties
from ._html import DEFAULT_HTML, LANGS
from ._kg import MEASURES, KnowledgeGraph
from ._load import load
from ._paths import find_data
from ._records import (
    Basis,
    Entity,
    EntityType,
    Partner,
    Relation,
    RelationType,
    Source,
    Status,
    thaw,
)

__all__ = ["COMMANDS"]

#: The commands of this module, in the order ``kg --help`` lists them.
COMMANDS = Commands()


def _or(words: Sequence[str]) -> str:
    """``a, b or c``.

    >>> _or(["csv", "json", "gexf"])
    'csv, json or gexf'
    """
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def _entity_line(e: Entity) -> str:
    return f"{names(e, '  ')}  [{e.type}]"


def _relation_lines(kg: KnowledgeGraph, relations: Iterable[Relation]) -> list[str]:
    """Each relation on a line, its quotes under it (a quote given before: a short reference)."""
    quotes = Quotes()
    lines: list[str] = []
    for r in relations:
        lines.append("  " + _relation_line(kg, r))
        lines += quotes.lines(r, "      ")
    return lines


def _relation_line(kg: KnowledgeGraph, r: Relation, me: str | None = None) -> str:
    src, dst = kg.entity(r.source), kg.entity(r.target)
    date = f" {r.date}" if r.date else ""
    group = "  (group statement)" if r.collective else ""
    if r.basis is not Basis.STATED:
        group += f"  [{r.basis}: {r.basis.description}]"
    if me == r.source:
        return f"--{r.type}/{r.status}{date}--> {names(dst)}{group}"
    if me == r.target:
        return f"<--{r.type}/{r.status}{date}-- {names(src)}{group}"
    return f"{src.name} --{r.type}/{r.status}{date}--> {dst.name}{group}"


def _described(member: EntityType | Status) -> str:
    """A type or status with its Chinese label, and the English description when it
    says more than the name: ``university · 大学``, ``place · 地点 (city, region, …)``."""
    text = f"{member} · {member.description_zh}"
    if member.description.casefold() != member.value.replace("_", " "):
        text += f" ({member.description})"
    return text


def _format_value(value: Any) -> str:
    if isinstance(value, Mapping | tuple | list):
        return json.dumps(thaw(value), ensure_ascii=False)
    return str(value)


@COMMANDS.command(
    "validate",
    "check a data folder and report every problem",
    example="kg validate data/",
    options=(arg("data_dir", nargs="?", metavar="DATA", help="data folder to check"),),
)
def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from ._cache import bypassed

    where = find_data(args.data_dir or args.data)
    with bypassed():  # never the warm-load cache: every check runs, with the loading bar
        kg = load(where.path)
    s = kg.stats()
    quotes = sum(len(r.evidence) for r in kg.relations()) + sum(len(e.evidence) for e in kg)
    write_lines(
        out,
        [
            f"ok: {where.path}: {s['entities']} entities, {s['relations']} relations, "
            f"{s['sources']} source(s); all {quotes} quotes found in their sources"
        ],
    )
    return 0


@COMMANDS.command(
    "normalize",
    "normalise damaged Chinese text (pinyin, wrap spaces, traditional -> simplified)",
    example="kg normalize data/sources/chengde-hitech-jjj-progress.raw.txt -o /tmp/report.txt",
    options=(
        arg("file", metavar="FILE", help="UTF-8 text file, or - for standard input"),
        output_option("write here instead of standard output"),
    ),
)
def cmd_normalize(args: argparse.Namespace, out: TextIO) -> int:
    from ._atomic import write_text
    from ._normalize import normalize

    if args.file == "-":
        text = sys.stdin.read()
    else:
        from ._limits import Limits, read_capped

        path = Path(args.file)
        if path.is_dir():
            raise ReadError(f"{args.file} is a folder; pass a text file")
        if not path.exists():
            raise ReadError(f"no such file: {args.file}")
        # a FIFO, a device or a huge file is refused without hanging or filling memory
        data = read_capped(path, Limits.from_env().max_source_bytes)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ReadError(f"{args.file} is not UTF-8 text; convert it to UTF-8 first") from None
    result = normalize(text)
    if args.output and args.output != STDOUT:
        if args.output.endswith(("/", os.sep)) or Path(args.output).is_dir():
            raise ArgumentError(
                f"{args.output} is a folder; pass a file path for the normalised text"
            )
        write_output(out, lambda path: write_text(path, result), args.output, Path(args.output))
    else:
        out.write(result)
    return 0


def _stages(kg: KnowledgeGraph, rels: Sequence[Relation]) -> dict[str, list[Relation]]:
    """For each of ``rels`` that shares its tie with other relations: the tie's
    relations, oldest first (the last is current), as :func:`graph.history` orders them."""
    sources = {s.id: s for s in kg.sources()}
    return {r.id: group for group in ties(rels, sources).values() if len(group) > 1 for r in group}


def _stage_dict(r: Relation, current: bool, sources: Mapping[str, Source]) -> dict[str, Any]:
    return {
        "id": r.id,
        "type": str(r.type),
        "status": str(r.status),
        "date": r.date,
        "current": current,
        "evidence": [
            {"source": ev.source, "source_date": sources[ev.source].date, "quote": ev.quote}
            for ev in r.evidence
        ],
    }


def _stage_lines(
    r: Relation, group: Sequence[Relation], sources: Mapping[str, Source]
) -> list[str]:
    lines = [f"      history ({len(group)} relations, oldest first by their sources' dates):"]
    for step in group:
        mark = "  <- current" if step is group[-1] else ""
        this = "  (this one)" if step is r and step is not group[-1] else ""
        date = f" {step.date}" if step.date else ""
        lines.append(f"        {step.type}/{step.status}{date}{mark}{this}")
        for ev in step.evidence:
            when = sources[ev.source].date or "undated"
            lines.append(f"          {ev.source} ({when}): 「{ev.quote}」")
    return lines


@COMMANDS.command(
    "show",
    "an entity card: names, type, attributes, relations, evidence and, where sources "
    "differ, each tie's history",
    example="kg show 天津大学",
    options=(json_option, as_of_option, entity_name),
)
def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    e = kg.entity(args.name)
    rels = kg.relations(e.id)
    stages = _stages(kg, rels)
    sources = {s.id: s for s in kg.sources()}
    if args.json:
        relations = []
        for r in rels:
            group = stages.get(r.id, [])
            relations.append(
                {**r.to_dict(), "history": [_stage_dict(g, g is group[-1], sources) for g in group]}
            )
        emit_json(out, {"entity": e.to_dict(), "relations": relations})
        return 0
    lines = [names(e, " · "), f"  id: {e.id}", f"  type: {_described(e.type)}"]
    if e.status:
        lines.append(f"  status: {_described(e.status)}")
    if e.aliases:
        lines.append("  aliases: " + ", ".join(e.aliases))
    for k, v in e.attributes.items():
        lines.append(f"  {k}: {_format_value(v)}")
    if e.notes:
        lines.append("  notes: " + textwrap.shorten(e.notes, 400))
    quotes = Quotes()
    lines.append("  named in:")
    lines += quotes.lines(e, "    ")
    lines.append(f"relations ({len(rels)}):")
    for r in rels:
        tie = stages.get(r.id)
        line = "  " + _relation_line(kg, r, e.id)
        if tie and r is not tie[-1]:
            line += f"  (earlier; now {tie[-1].type}/{tie[-1].status})"
        lines.append(line)
        lines += quotes.lines(r, "      ")
        if tie:
            lines += _stage_lines(r, tie, sources)
    write_lines(out, lines)
    return 0


def _partner_dict(p: Partner) -> dict[str, Any]:
    return {
        "entity": p.entity.to_dict(),
        "collective": p.collective,
        "via": p.via.id if p.via else None,
        "relations": [r.to_dict() for r in p.relations],
    }


@COMMANDS.command(
    "partners",
    "the organisations an entity works with, and the quotes behind it",
    example='kg partners "Tianjin University"',
    options=(json_option, as_of_option, entity_name),
)
def cmd_partners(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    me = kg.entity(args.name)
    partners = kg.partners(me.id)
    if args.json:
        emit_json(out, [_partner_dict(p) for p in partners])
        return 0
    lines = [f"partners of {names(me, ' · ')}: {len(partners)}"]
    quotes = Quotes()
    for p in partners:
        flags = []
        if p.collective:
            flags.append("group statement")
        if p.via:
            flags.append(f"via {p.via.name}")
        lines.append(f"  {_entity_line(p.entity)}" + (f"  ({'; '.join(flags)})" if flags else ""))
        for r in p.relations:
            lines.append("      " + _relation_line(kg, r))
            lines += quotes.lines(r, "        ")
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "path",
    "the shortest chain of relations between two entities (not through places or "
    "groups unless --through-all)",
    example="kg path 露露股份 清华大学",
    options=(
        json_option,
        as_of_option,
        arg("a", metavar="A", help="where the chain starts"),
        arg("b", metavar="B", help="where the chain ends"),
        arg(
            "--through-all",
            action="store_true",
            help="allow places and groups inside the chain (they assert nothing between the "
            "two ends)",
        ),
    ),
)
def cmd_path(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    steps = kg.path(args.a, args.b, through_all=args.through_all)
    if args.json:
        emit_json(out, [r.to_dict() for r in steps])
        return 0
    a, b = kg.entity(args.a), kg.entity(args.b)
    lines = [f"{a.name} → {b.name}: {len(steps)} step(s)"]
    inferred = sum(r.basis is not Basis.STATED for r in steps)
    if inferred:
        lines[0] += f", {inferred} of them not stated as such by the source (marked)"
    lines += _relation_lines(kg, steps)
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "find",
    "entities by type, own status or text",
    example="kg find --type project --status signed",
    options=(
        json_option,
        as_of_option,
        repeatable(
            "--type",
            EntityType,
            "T",
            "entity type (repeatable): " + ", ".join(t.value for t in EntityType),
        ),
        repeatable(
            "--status",
            Status,
            "S",
            "the entity's own status (repeatable; for relation statuses use "
            "`kg relations --status`): " + ", ".join(s.value for s in Status),
        ),
        arg("--text", help="part of a name or alias"),
    ),
)
def cmd_find(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    found = kg.find(type=args.type, status=args.status, text=args.text)
    if args.json:
        emit_json(out, [e.to_dict() for e in found])
        return 0
    lines = [f"{len(found)} entit{'y' if len(found) == 1 else 'ies'}"]
    lines += [f"  {e.id:40} {_entity_line(e)}" for e in found]
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "relations",
    "relations by entity, relation type or relation status",
    example="kg relations --status signed",
    options=(
        json_option,
        as_of_option,
        arg("name", nargs="?", metavar="NAME", help="only relations touching this entity"),
        repeatable(
            "--type",
            RelationType,
            "T",
            "relation type (repeatable): " + ", ".join(t.value for t in RelationType),
        ),
        repeatable("--status", Status, "S", "relation status (repeatable)"),
    ),
)
def cmd_relations(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    found = kg.relations(args.name, type=args.type, status=args.status)
    if args.json:
        emit_json(out, [r.to_dict() for r in found])
        return 0
    lines = [f"{len(found)} relation{'' if len(found) == 1 else 's'}"]
    lines += _relation_lines(kg, found)
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "stats",
    "the data folder used, and counts by entity type, relation type and status",
    example="kg stats --json",
    options=(json_option, as_of_option),
)
def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    where = find_data(args.data)
    kg = check_as_of(load(where.path), args)
    s = kg.stats()
    if args.json:
        extra = {"as_of": args.as_of} if args.as_of else {}
        emit_json(out, {"data": str(where.path), "data_origin": where.origin, **extra, **s})
        return 0
    lines = [
        f"data: {where.describe()}",
        f"{s['entities']} entities, {s['relations']} relations, {s['sources']} source(s), "
        f"{s['components']} connected component(s)",
    ]
    if args.as_of:
        lines.insert(1, f"as of {args.as_of} (sources dated up to then, and undated ones)")
    for title, key in (
        ("entities by type", "entity_types"),
        ("relations by type", "relation_types"),
        ("relations by status", "statuses"),
    ):
        lines.append(f"{title}:")
        lines += [f"  {name:20} {count:4}" for name, count in s[key].items()]
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "rank",
    "entities by centrality (" + ", ".join(MEASURES) + ")",
    example="kg rank betweenness --top 5",
    options=(
        json_option,
        as_of_option,
        arg("measure", nargs="?", default="degree", choices=list(MEASURES)),
        arg("--top", type=count(1), default=10, help="how many to show, 1 or more (default 10)"),
        arg(
            "--include-places",
            action="store_true",
            help="keep places and groups in betweenness and closeness",
        ),
    ),
)
def cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    kg = load_graph(args)
    ranked = kg.rank(args.measure, include_places=args.include_places)[: args.top]
    if args.json:
        emit_json(
            out, [{"id": e.id, "name": e.name, "name_en": e.name_en, "score": s} for e, s in ranked]
        )
        return 0
    lines = [f"top {len(ranked)} by {args.measure} centrality"]
    if args.measure != "degree" and not args.include_places:
        lines[0] += " (places and groups left out; --include-places keeps them)"
    lines += [f"  {score:6.3f}  {_entity_line(e)}" for e, score in ranked]
    write_lines(out, lines)
    return 0


def _html_writer(kg: KnowledgeGraph, args: argparse.Namespace) -> Callable[[Path], Path]:
    """``kg.to_html`` with the command's filters, for :func:`write_output`."""
    return lambda path: kg.to_html(
        path,
        focus=args.focus,
        depth=args.depth,
        types=args.type,
        statuses=args.status,
        lang=args.lang,
    )


@COMMANDS.command(
    "html",
    f"write the interactive HTML explorer (default {DEFAULT_HTML})",
    example=(
        "kg html --focus 清华大学 --depth 2 --lang en -o output/tsinghua.html",
        "kg html --draft zone-2016",
        "kg html --from falkordb://localhost:6379/cooperation --focus 天津大学",
    ),
    options=(
        as_of_option,
        output_option(
            f"default: {DEFAULT_HTML} under the current folder; a folder (or a path ending in "
            f"/) gets {DEFAULT_HTML.name} inside; - writes to standard output"
        ),
        arg("--lang", choices=LANGS, default=LANGS[0], help="initial label language"),
        filters,
        arg(
            "--draft",
            metavar="ID",
            help="draw the proposals of drafts/ID.yaml on the graph, apart from curated records "
            "(default output: output/draft-ID.html under the current folder)",
        ),
        arg(
            "--from",
            dest="from_url",
            metavar="URL",
            help="read the graph from a FalkorDB server (falkordb://HOST:PORT/GRAPH) instead of "
            "a data folder; with --focus only that window is read (not with --draft or --as-of)",
        ),
    ),
)
def cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    if args.from_url is not None:  # a window read back from a server (graph.load_from)
        from ._falkordb import load_from

        if args.as_of:
            raise ArgumentError("--as-of works on a data folder, not with --from; leave one out")
        if args.draft is not None:
            raise ArgumentError("--draft works on a data folder, not with --from; leave one out")
        kg = load_from(args.from_url, focus=args.focus, depth=args.depth)
        write_output(
            out,
            lambda path: kg.to_html(path, types=args.type, statuses=args.status, lang=args.lang),
            args.output,
            DEFAULT_HTML,
        )
        return 0
    if args.draft is not None:  # the curated graph and a draft's proposals (graph.draft_graph)
        from ._ingest import draft_graph

        if args.as_of:
            raise ArgumentError("--as-of and --draft do not go together; accept the draft first")
        kg = draft_graph(args.draft, data=data_root(args))
        write_output(  # -o DIR/ means DIR/draft-ID.html, as for kg html
            out,
            _html_writer(kg, args),
            args.output,
            DEFAULT_HTML.with_name(f"draft-{args.draft}.html"),
            note=f" (proposals of {args.draft} drawn apart from curated records)",
        )
        return 0
    write_output(out, _html_writer(load_graph(args), args), args.output, DEFAULT_HTML)
    return 0


_ONE_FILE = [name for name, f in EXPORT_FORMATS.items() if not f.folder]
_FOLDERS = [name for name, f in EXPORT_FORMATS.items() if f.folder]


@COMMANDS.command(
    "export",
    f"write the graph as {_or(list(EXPORT_FORMATS))} files",
    example="kg export gexf -o output/graph.gexf --type enterprise --type university",
    options=(
        as_of_option,
        arg("format", metavar="FORMAT", help=_or(list(EXPORT_FORMATS))),
        output_option(
            f"a file for {', '.join(_ONE_FILE)} (a folder gets graph.<format> inside; - writes "
            f"to standard output); a folder for {' and '.join(_FOLDERS)} (default, under the "
            "current folder: output/graph.<format> or output/<format>/)",
            metavar="PATH",
        ),
        filters,
    ),
)
def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    # FORMAT is checked here, before the graph is loaded, not by the parser: an unknown
    # one is graph.export's ExportError (exit 1)
    if args.format not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise ExportError(f"unknown format {args.format!r}; use one of: {known}")
    fmt = EXPORT_FORMATS[args.format]
    if args.output == STDOUT and fmt.folder:
        raise ArgumentError(
            f"the {fmt.name} export writes a folder of files, which cannot go to standard "
            f"output (-o -); pass a folder, or use one of: {', '.join(_ONE_FILE)}"
        )
    kg = load_graph(args).select(
        focus=args.focus, depth=args.depth, types=args.type, statuses=args.status
    )
    write_output(
        out,
        lambda path: kg.export(path, args.format),
        args.output,
        fmt.default_path,
        folder=fmt.folder,
    )
    return 0
