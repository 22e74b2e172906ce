"""The ``kg`` command line: one command per API operation, with the same names.

Every command is a thin wrapper over :mod:`graph`; library errors become a
one-line message and a non-zero exit status here, and nowhere else.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ._cli_common import STDOUT, Handler, html_writer, visible, write_lines, write_output
from ._errors import DataError, KGError, UnknownEntityError
from ._history import as_of, check_date, ties
from ._kg import KnowledgeGraph
from ._load import load
from ._paths import DEFAULT_OUTPUT, find_data
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

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "main", "visible"]

#: Exit statuses, as docs/cli.md documents them.
EXIT_OK = 0
EXIT_ERROR = 1  # bad data, unknown name, no path, empty selection, unwritable output
EXIT_USAGE = 2  # the arguments are wrong: unknown command or option, bad value


def _write(out: TextIO, lines: Sequence[str]) -> None:
    write_lines(out, lines)


def _as_of(kg: KnowledgeGraph, args: argparse.Namespace) -> KnowledgeGraph:
    """``kg`` as of ``--as-of DATE`` when given (:func:`graph.as_of`), else ``kg``.

    A name the data knows but no source up to DATE names gets its own message, not
    "no entity is called …"; so does a date before every source.
    """
    date = getattr(args, "as_of", None)
    if date is None:
        return kg
    then = as_of(kg, date)
    dates = sorted(s.date for s in kg.sources() if s.date)
    if len(kg) and not len(then):
        earliest = f" (the earliest is {dates[0]})" if dates else ""
        raise KGError(
            f"no source is dated up to {date}{earliest}; nothing is known then: "
            "give a later --as-of"
        )
    for name in (getattr(args, key, None) for key in ("name", "a", "b", "focus")):
        if name is None:
            continue
        try:
            then.entity(name)
        except UnknownEntityError:
            e = kg.entity(name)  # unknown in the whole data too: that error, as without --as-of
            evidence = [*e.evidence, *(ev for r in kg.relations(e.id) for ev in r.evidence)]
            first = min((d for ev in evidence if (d := kg.source(ev.source).date)), default="")
            raise KGError(
                f"{e.name} is named by no source dated up to {date}"
                + (f" (its first is dated {first})" if first else "")
                + "; give a later --as-of"
            ) from None
    return then


def _kg(args: argparse.Namespace) -> KnowledgeGraph:
    return _as_of(load(find_data(args.data).path), args)


def _names(e: Entity, sep: str = " ") -> str:
    """Both names, or one when the English name only stands in for the Chinese one."""
    return e.name if e.name_en in ("", e.name) else f"{e.name}{sep}{e.name_en}"


def _entity_line(e: Entity) -> str:
    return f"{_names(e, '  ')}  [{e.type}]"


def _emit_json(out: TextIO, value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


class _Quotes:
    """Evidence lines of one output: each quote in full once, then a short reference."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def lines(self, r: Relation | Entity, indent: str) -> list[str]:
        out = []
        for ev in r.evidence:
            if (ev.source, ev.quote) in self.seen:
                short = ev.quote if len(ev.quote) <= 16 else ev.quote[:15] + "…"
                out.append(f"{indent}(same quote as above: 「{short}」)")
            else:
                self.seen.add((ev.source, ev.quote))
                out.append(f"{indent}「{ev.quote}」 ({ev.source})")
        return out


def _relation_line(kg: KnowledgeGraph, r: Relation, me: str | None = None) -> str:
    src, dst = kg.entity(r.source), kg.entity(r.target)
    date = f" {r.date}" if r.date else ""
    group = "  (group statement)" if r.collective else ""
    if r.basis is not Basis.STATED:
        group += f"  [{r.basis}: {r.basis.description}]"
    if me == r.source:
        return f"--{r.type}/{r.status}{date}--> {_names(dst)}{group}"
    if me == r.target:
        return f"<--{r.type}/{r.status}{date}-- {_names(src)}{group}"
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


# -- commands ----------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    where = find_data(args.data_dir or args.data)
    kg = load(where.path)
    s = kg.stats()
    quotes = sum(len(r.evidence) for r in kg.relations()) + sum(len(e.evidence) for e in kg)
    _write(
        out,
        [
            f"ok: {where.path}: {s['entities']} entities, {s['relations']} relations, "
            f"{s['sources']} source(s); all {quotes} quotes found in their sources"
        ],
    )
    return 0


def cmd_normalize(args: argparse.Namespace, out: TextIO) -> int:
    from ._atomic import write_text
    from ._normalize import normalize

    if args.file == "-":
        text = sys.stdin.read()
    else:
        from ._limits import Limits, read_capped

        path = Path(args.file)
        if path.is_dir():
            raise KGError(f"{args.file} is a folder; pass a text file")
        if not path.exists():
            raise KGError(f"no such file: {args.file}")
        # a FIFO, a device or a huge file is refused without hanging or filling memory
        data = read_capped(path, Limits.from_env().max_source_bytes)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise KGError(f"{args.file} is not UTF-8 text; convert it to UTF-8 first") from None
    result = normalize(text)
    if args.output and args.output != STDOUT:
        if args.output.endswith(("/", os.sep)) or Path(args.output).is_dir():
            raise KGError(f"{args.output} is a folder; pass a file path for the normalised text")
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


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
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
        _emit_json(out, {"entity": e.to_dict(), "relations": relations})
        return 0
    lines = [_names(e, " · "), f"  id: {e.id}", f"  type: {_described(e.type)}"]
    if e.status:
        lines.append(f"  status: {_described(e.status)}")
    if e.aliases:
        lines.append("  aliases: " + ", ".join(e.aliases))
    for k, v in e.attributes.items():
        lines.append(f"  {k}: {_format_value(v)}")
    if e.notes:
        lines.append("  notes: " + textwrap.shorten(e.notes, 400))
    quotes = _Quotes()
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
    _write(out, lines)
    return 0


def _partner_dict(p: Partner) -> dict[str, Any]:
    return {
        "entity": p.entity.to_dict(),
        "collective": p.collective,
        "via": p.via.id if p.via else None,
        "relations": [r.to_dict() for r in p.relations],
    }


def cmd_partners(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    me = kg.entity(args.name)
    partners = kg.partners(me.id)
    if args.json:
        _emit_json(out, [_partner_dict(p) for p in partners])
        return 0
    lines = [f"partners of {_names(me, ' · ')}: {len(partners)}"]
    quotes = _Quotes()
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
    _write(out, lines)
    return 0


def cmd_path(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    steps = kg.path(args.a, args.b, through_all=args.through_all)
    if args.json:
        _emit_json(out, [r.to_dict() for r in steps])
        return 0
    a, b = kg.entity(args.a), kg.entity(args.b)
    lines = [f"{a.name} → {b.name}: {len(steps)} step(s)"]
    inferred = sum(r.basis is not Basis.STATED for r in steps)
    if inferred:
        lines[0] += f", {inferred} of them not stated as such by the source (marked)"
    quotes = _Quotes()
    for r in steps:
        lines.append("  " + _relation_line(kg, r))
        lines += quotes.lines(r, "      ")
    _write(out, lines)
    return 0


def cmd_find(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    found = kg.find(type=args.type, status=args.status, text=args.text)
    if args.json:
        _emit_json(out, [e.to_dict() for e in found])
        return 0
    lines = [f"{len(found)} entit{'y' if len(found) == 1 else 'ies'}"]
    lines += [f"  {e.id:40} {_entity_line(e)}" for e in found]
    _write(out, lines)
    return 0


def cmd_relations(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    found = kg.relations(args.name, type=args.type, status=args.status)
    if args.json:
        _emit_json(out, [r.to_dict() for r in found])
        return 0
    lines = [f"{len(found)} relation{'' if len(found) == 1 else 's'}"]
    quotes = _Quotes()
    for r in found:
        lines.append("  " + _relation_line(kg, r))
        lines += quotes.lines(r, "      ")
    _write(out, lines)
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    where = find_data(args.data)
    kg = _as_of(load(where.path), args)
    s = kg.stats()
    if args.json:
        extra = {"as_of": args.as_of} if args.as_of else {}
        _emit_json(out, {"data": str(where.path), "data_origin": where.origin, **extra, **s})
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
    _write(out, lines)
    return 0


def cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    ranked = kg.rank(args.measure, include_places=args.include_places)[: args.top]
    if args.json:
        _emit_json(
            out, [{"id": e.id, "name": e.name, "name_en": e.name_en, "score": s} for e, s in ranked]
        )
        return 0
    lines = [f"top {len(ranked)} by {args.measure} centrality"]
    if args.measure != "degree" and not args.include_places:
        lines[0] += " (places and groups left out; --include-places keeps them)"
    lines += [f"  {score:6.3f}  {_entity_line(e)}" for e, score in ranked]
    _write(out, lines)
    return 0


def cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    write_output(
        out,
        html_writer(kg, args),
        args.output,
        DEFAULT_OUTPUT / "graph.html",
    )
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from ._export import EXPORT_FORMATS

    if args.format not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise KGError(f"unknown format {args.format!r}; use one of: {known}")
    fmt = EXPORT_FORMATS[args.format]
    if args.output == STDOUT and fmt.folder:  # refused before the graph is loaded
        single = ", ".join(name for name, f in EXPORT_FORMATS.items() if not f.folder)
        raise KGError(
            f"the {fmt.name} export writes a folder of files, which cannot go to standard "
            f"output (-o -); pass a folder, or use one of: {single}"
        )
    kg = _kg(args).select(focus=args.focus, depth=args.depth, types=args.type, statuses=args.status)
    write_output(
        out,
        lambda path: kg.export(path, args.format),
        args.output,
        fmt.default_path,
        folder=fmt.folder,
    )
    return 0


# -- parser ------------------------------------------------------------------------------


class _UsageError(Exception):
    """A bad command line; argparse's own exit is turned into this."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message}; see `{self.prog} --help`")


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text} is less than {minimum}")
        return value

    parse.__name__ = f"whole number >= {minimum}"
    return parse


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg-regional-cooperation")
    except PackageNotFoundError:  # pragma: no cover - running from a copy of the source
        return "unknown"


def _repeatable(
    p: argparse.ArgumentParser, flag: str, members: type[Enum], metavar: str, help: str
) -> None:
    """An option naming one value of ``members``, given as often as needed."""
    p.add_argument(
        flag,
        action="append",
        metavar=metavar,
        choices=[m.value for m in members],
        help=help,
    )


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--focus", metavar="NAME", help="keep only the neighbourhood of this entity")
    p.add_argument(
        "--depth", type=_count(0), default=2, help="neighbourhood radius for --focus (default 2)"
    )
    _repeatable(p, "--type", EntityType, "T", "keep entities of this type (repeatable)")
    _repeatable(p, "--status", Status, "S", "keep relations with this status (repeatable)")


COMMANDS: dict[str, tuple[Handler, str, str]] = {
    "validate": (cmd_validate, "check a data folder and report every problem", "kg validate data/"),
    "normalize": (
        cmd_normalize,
        "normalise damaged Chinese text (pinyin, wrap spaces, traditional -> simplified)",
        "kg normalize data/sources/chengde-hitech-jjj-progress.raw.txt -o /tmp/report.txt",
    ),
    "show": (
        cmd_show,
        "an entity card: names, type, attributes, relations, evidence and, where sources "
        "differ, each tie's history",
        "kg show 天津大学",
    ),
    "partners": (
        cmd_partners,
        "the organisations an entity works with, and the quotes behind it",
        'kg partners "Tianjin University"',
    ),
    "path": (
        cmd_path,
        "the shortest chain of relations between two entities (not through places or "
        "groups unless --through-all)",
        "kg path 露露股份 清华大学",
    ),
    "find": (
        cmd_find,
        "entities by type, own status or text",
        "kg find --type project --status signed",
    ),
    "relations": (
        cmd_relations,
        "relations by entity, relation type or relation status",
        "kg relations --status signed",
    ),
    "stats": (
        cmd_stats,
        "the data folder used, and counts by entity type, relation type and status",
        "kg stats --json",
    ),
    "rank": (
        cmd_rank,
        "entities by centrality (degree, betweenness, closeness)",
        "kg rank betweenness --top 5",
    ),
    "html": (
        cmd_html,
        "write the interactive HTML explorer (default output/graph.html)",
        "kg html --focus 清华大学 --depth 2 --lang en -o output/tsinghua.html",
    ),
    "export": (
        cmd_export,
        "write the graph as graphml, gexf, json, csv or neo4j files",
        "kg export gexf -o output/graph.gexf --type enterprise --type university",
    ),
}

_JSON_COMMANDS = ("show", "partners", "path", "find", "relations", "stats", "rank")
_AS_OF_COMMANDS = (
    "show",
    "partners",
    "path",
    "find",
    "relations",
    "stats",
    "rank",
    "html",
    "export",
)


def _date(text: str) -> str:
    try:
        return check_date(text)
    except KGError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kg",
        description="Query and export the regional-cooperation knowledge graph.",
        epilog="Example: kg partners 天津大学   (run `kg COMMAND --help` for each command)",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="data folder (default: ./data if it is one, else $KG_DATA, else the bundled sample)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (handler, summary, example) in COMMANDS.items():
        p = sub.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=f"Example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(handler=handler)
        if name in _JSON_COMMANDS:
            p.add_argument(
                "--json", action="store_true", help="print JSON instead of text (errors too)"
            )
        if name in _AS_OF_COMMANDS:
            p.add_argument(
                "--as-of",
                metavar="DATE",
                type=_date,
                help="ask the graph as the sources dated up to DATE (YYYY, YYYY-MM or "
                "YYYY-MM-DD) tell it; undated sources count at any date",
            )
        if name == "validate":
            p.add_argument("data_dir", nargs="?", metavar="DATA", help="data folder to check")
        elif name == "normalize":
            p.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
            p.add_argument(
                "-o", "--output", metavar="FILE", help="write here instead of standard output"
            )
        elif name in ("show", "partners"):
            p.add_argument("name", metavar="NAME", help="id, Chinese or English name, or alias")
        elif name == "path":
            p.add_argument("a", metavar="A", help="where the chain starts")
            p.add_argument("b", metavar="B", help="where the chain ends")
            p.add_argument(
                "--through-all",
                action="store_true",
                help="allow places and groups inside the chain (they assert nothing between "
                "the two ends)",
            )
        elif name == "find":
            _repeatable(
                p,
                "--type",
                EntityType,
                "T",
                "entity type (repeatable): " + ", ".join(t.value for t in EntityType),
            )
            _repeatable(
                p,
                "--status",
                Status,
                "S",
                "the entity's own status (repeatable; for relation statuses use "
                "`kg relations --status`): " + ", ".join(s.value for s in Status),
            )
            p.add_argument("--text", help="part of a name or alias")
        elif name == "relations":
            p.add_argument(
                "name", nargs="?", metavar="NAME", help="only relations touching this entity"
            )
            _repeatable(
                p,
                "--type",
                RelationType,
                "T",
                "relation type (repeatable): " + ", ".join(t.value for t in RelationType),
            )
            _repeatable(p, "--status", Status, "S", "relation status (repeatable)")
        elif name == "rank":
            p.add_argument(
                "measure",
                nargs="?",
                default="degree",
                choices=["degree", "betweenness", "closeness"],
            )
            p.add_argument(
                "--top", type=_count(1), default=10, help="how many to show, 1 or more (default 10)"
            )
            p.add_argument(
                "--include-places",
                action="store_true",
                help="keep places and groups in betweenness and closeness",
            )
        elif name == "html":
            p.add_argument(
                "-o",
                "--output",
                metavar="FILE",
                help="default: output/graph.html under the current folder; a folder (or a "
                "path ending in /) gets graph.html inside; - writes to standard output",
            )
            p.add_argument(
                "--lang", choices=["zh", "en"], default="zh", help="initial label language"
            )
            _add_filters(p)
        elif name == "export":
            p.add_argument("format", metavar="FORMAT", help="graphml, gexf, json, csv or neo4j")
            p.add_argument(
                "-o",
                "--output",
                metavar="PATH",
                help="a file for graphml, gexf, json (a folder gets graph.<format> inside; - "
                "writes to standard output); a folder for csv and neo4j (default, under the "
                "current folder: output/graph.<format> or output/<format>/)",
            )
            _add_filters(p)
    from ._cli_ingest import register as register_ingest  # kg init/ingest/review/accept

    register_ingest(sub)
    from ._cli_views import register as register_views  # kg pipeline, kg regions

    register_views(sub)
    from ._cli_server import register  # kg push, kg html --from, --quiet (progress bars)

    register(parser, sub)
    return parser


def _fail(prefix: str, message: str, json_out: bool, out: TextIO, **extra: Any) -> None:
    if json_out:
        _emit_json(out, {"error": message, **extra})
    else:
        sys.stderr.write(visible(f"kg: {prefix}{message}") + "\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run ``kg`` with ``argv``; return the exit status (see :data:`EXIT_OK` and the others).

    With ``--json``, errors too are JSON on standard output:
    ``{"error": message, "suggestions": [...]}`` (``"problems"`` for bad data).
    """
    out = out if out is not None else sys.stdout
    argv = list(sys.argv[1:] if argv is None else argv)
    json_out = "--json" in argv
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        _fail("usage error: ", str(exc), json_out, out, suggestions=[])
        return EXIT_USAGE
    json_out = bool(getattr(args, "json", False))
    try:
        return int(args.handler(args, out))
    except DataError as exc:
        problems = [str(p) for p in exc.problems]
        _fail("", str(exc), json_out, out, problems=problems)
        return EXIT_ERROR
    except UnknownEntityError as exc:
        _fail("error: ", str(exc), json_out, out, suggestions=list(exc.suggestions))
        return EXIT_ERROR
    except KGError as exc:
        _fail("error: ", str(exc), json_out, out, suggestions=[])
        return EXIT_ERROR
    except BrokenPipeError:  # `kg show x | head`
        return EXIT_OK
    except OSError as exc:  # a path the system refuses (a name over 255 bytes, …): no traceback
        from ._folder import os_message

        _fail("error: ", os_message(exc.filename or "a path", exc), json_out, out, suggestions=[])
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
