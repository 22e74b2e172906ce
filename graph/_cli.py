"""The ``kg`` command line: one command per API operation, with the same names.

Every command is a thin wrapper over :mod:`graph`; library errors become a
one-line message and a non-zero exit status here, and nowhere else.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._errors import DataError, KGError
from ._kg import KnowledgeGraph
from ._load import load
from ._records import Entity, EntityType, Partner, Relation, Status, thaw

__all__ = ["main"]

Handler = Callable[[argparse.Namespace, TextIO], int]


def _kg(args: argparse.Namespace) -> KnowledgeGraph:
    return load(args.data)


def _entity_line(e: Entity) -> str:
    return f"{e.name}  {e.name_en}  [{e.type}]"


def _emit_json(out: TextIO, value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _quote_lines(r: Relation | Entity, indent: str) -> list[str]:
    return [f"{indent}「{ev.quote}」 ({ev.source})" for ev in r.evidence]


def _relation_line(kg: KnowledgeGraph, r: Relation, me: str | None = None) -> str:
    src, dst = kg.entity(r.source), kg.entity(r.target)
    date = f" {r.date}" if r.date else ""
    group = "  (group statement)" if r.collective else ""
    if me == r.source:
        return f"--{r.type}/{r.status}{date}--> {dst.name} {dst.name_en}{group}"
    if me == r.target:
        return f"<--{r.type}/{r.status}{date}-- {src.name} {src.name_en}{group}"
    return f"{src.name} --{r.type}/{r.status}{date}--> {dst.name}{group}"


def _format_value(value: Any) -> str:
    if isinstance(value, Mapping | tuple | list):
        return json.dumps(thaw(value), ensure_ascii=False)
    return str(value)


# -- commands ----------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    kg = load(args.data_dir or args.data)
    s = kg.stats()
    quotes = sum(len(r.evidence) for r in kg.relations()) + sum(len(e.evidence) for e in kg)
    where = args.data_dir or args.data or "data/"
    out.write(
        f"ok: {where}: {s['entities']} entities, {s['relations']} relations, "
        f"{s['sources']} source(s); all {quotes} quotes found in their sources\n"
    )
    return 0


def cmd_normalize(args: argparse.Namespace, out: TextIO) -> int:
    from ._atomic import write_text
    from ._normalize import normalize

    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KGError(f"no such file: {args.file}") from None
        except IsADirectoryError:
            raise KGError(f"{args.file} is a folder; pass a text file") from None
        except OSError as exc:
            raise KGError(f"cannot read {args.file}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise KGError(f"{args.file} is not UTF-8 text; convert it to UTF-8 first") from None
    result = normalize(text)
    if args.output:
        write_text(args.output, result)
        out.write(f"wrote {args.output}\n")
    else:
        out.write(result)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    e = kg.entity(args.name)
    rels = kg.relations(e.id)
    if args.json:
        _emit_json(out, {"entity": e.to_dict(), "relations": [r.to_dict() for r in rels]})
        return 0
    lines = [f"{e.name} · {e.name_en}", f"  id: {e.id}", f"  type: {e.type} ({e.type.description})"]
    if e.status:
        lines.append(f"  status: {e.status} ({e.status.description})")
    if e.aliases:
        lines.append("  aliases: " + ", ".join(e.aliases))
    for k, v in e.attributes.items():
        lines.append(f"  {k}: {_format_value(v)}")
    if e.notes:
        lines.append("  notes: " + textwrap.shorten(e.notes, 400))
    lines.append("  named in:")
    lines += _quote_lines(e, "    ")
    lines.append(f"relations ({len(rels)}):")
    for r in rels:
        lines.append("  " + _relation_line(kg, r, e.id))
        lines += _quote_lines(r, "      ")
    out.write("\n".join(lines) + "\n")
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
    lines = [f"partners of {me.name} · {me.name_en}: {len(partners)}"]
    for p in partners:
        flags = []
        if p.collective:
            flags.append("group statement")
        if p.via:
            flags.append(f"via {p.via.name}")
        lines.append(f"  {_entity_line(p.entity)}" + (f"  ({'; '.join(flags)})" if flags else ""))
        for r in p.relations:
            lines.append("      " + _relation_line(kg, r))
            lines += _quote_lines(r, "        ")
    out.write("\n".join(lines) + "\n")
    return 0


def cmd_path(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    steps = kg.path(args.a, args.b)
    if args.json:
        _emit_json(out, [r.to_dict() for r in steps])
        return 0
    a, b = kg.entity(args.a), kg.entity(args.b)
    lines = [f"{a.name} → {b.name}: {len(steps)} step(s)"]
    for r in steps:
        lines.append("  " + _relation_line(kg, r))
        lines += _quote_lines(r, "      ")
    out.write("\n".join(lines) + "\n")
    return 0


def cmd_find(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    found = kg.find(type=args.type, status=args.status, text=args.text)
    if args.json:
        _emit_json(out, [e.to_dict() for e in found])
        return 0
    lines = [f"{len(found)} entit{'y' if len(found) == 1 else 'ies'}"]
    lines += [f"  {e.id:40} {_entity_line(e)}" for e in found]
    out.write("\n".join(lines) + "\n")
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    s = kg.stats()
    if args.json:
        _emit_json(out, s)
        return 0
    lines = [
        f"{s['entities']} entities, {s['relations']} relations, {s['sources']} source(s), "
        f"{s['components']} connected component(s)"
    ]
    for title, key in (
        ("entities by type", "entity_types"),
        ("relations by type", "relation_types"),
        ("relations by status", "statuses"),
    ):
        lines.append(f"{title}:")
        lines += [f"  {name:20} {count:4}" for name, count in s[key].items()]
    out.write("\n".join(lines) + "\n")
    return 0


def cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    ranked = kg.rank(args.measure)[: args.top]
    if args.json:
        _emit_json(
            out, [{"id": e.id, "name": e.name, "name_en": e.name_en, "score": s} for e, s in ranked]
        )
        return 0
    lines = [f"top {len(ranked)} by {args.measure} centrality"]
    lines += [f"  {score:6.3f}  {_entity_line(e)}" for e, score in ranked]
    out.write("\n".join(lines) + "\n")
    return 0


def cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    kg = _kg(args)
    path = kg.to_html(
        args.output,
        focus=args.focus,
        depth=args.depth,
        types=args.type,
        statuses=args.status,
        lang=args.lang,
    )
    out.write(f"wrote {path}\n")
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from ._export import EXPORT_FORMATS

    if args.format not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise KGError(f"unknown format {args.format!r}; use one of: {known}")
    kg = _kg(args).select(focus=args.focus, depth=args.depth, types=args.type, statuses=args.status)
    target = args.output or EXPORT_FORMATS[args.format].default_path
    path = kg.export(target, args.format)
    out.write(f"wrote {path}\n")
    return 0


# -- parser ------------------------------------------------------------------------------


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--focus", metavar="NAME", help="keep only the neighbourhood of this entity")
    p.add_argument(
        "--depth", type=int, default=2, help="neighbourhood radius for --focus (default 2)"
    )
    p.add_argument(
        "--type",
        action="append",
        metavar="T",
        choices=[t.value for t in EntityType],
        help="keep entities of this type (repeatable)",
    )
    p.add_argument(
        "--status",
        action="append",
        metavar="S",
        choices=[s.value for s in Status],
        help="keep relations with this status (repeatable)",
    )


COMMANDS: dict[str, tuple[Handler, str, str]] = {
    "validate": (cmd_validate, "check a data folder and report every problem", "kg validate data/"),
    "normalize": (
        cmd_normalize,
        "normalise damaged Chinese text (pinyin, wrap spaces, traditional -> simplified)",
        "kg normalize data/sources/chengde-hitech-jjj-progress.raw.txt -o /tmp/report.txt",
    ),
    "show": (
        cmd_show,
        "an entity card: names, type, attributes, relations and evidence",
        "kg show 天津大学",
    ),
    "partners": (
        cmd_partners,
        "everyone an entity works with, and the quotes behind it",
        'kg partners "Tianjin University"',
    ),
    "path": (
        cmd_path,
        "the shortest chain of relations between two entities",
        "kg path 露露股份 清华大学",
    ),
    "find": (
        cmd_find,
        "entities by type, status or text",
        "kg find --type project --status signed",
    ),
    "stats": (cmd_stats, "counts by entity type, relation type and status", "kg stats --json"),
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Query and export the regional-cooperation knowledge graph.",
        epilog="Example: kg partners 天津大学   (run `kg COMMAND --help` for each command)",
    )
    parser.add_argument(
        "--data", metavar="DIR", help="data folder (default: the repository's data/)"
    )
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
        if name in ("show", "partners", "path", "find", "stats", "rank"):
            p.add_argument("--json", action="store_true", help="print JSON instead of text")
        if name == "validate":
            p.add_argument("data_dir", nargs="?", metavar="DATA", help="data folder to check")
        elif name == "normalize":
            p.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
            p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
        elif name in ("show", "partners"):
            p.add_argument("name", metavar="NAME", help="id, Chinese or English name, or alias")
        elif name == "path":
            p.add_argument("a", metavar="A", help="where the chain starts")
            p.add_argument("b", metavar="B", help="where the chain ends")
        elif name == "find":
            p.add_argument(
                "--type",
                action="append",
                choices=[t.value for t in EntityType],
                metavar="T",
                help="entity type (repeatable): " + ", ".join(t.value for t in EntityType),
            )
            p.add_argument(
                "--status",
                action="append",
                choices=[s.value for s in Status],
                metavar="S",
                help="status (repeatable): " + ", ".join(s.value for s in Status),
            )
            p.add_argument("--text", help="part of a name or alias")
        elif name == "rank":
            p.add_argument(
                "measure",
                nargs="?",
                default="degree",
                choices=["degree", "betweenness", "closeness"],
            )
            p.add_argument("--top", type=int, default=10, help="how many to show (default 10)")
        elif name == "html":
            p.add_argument("-o", "--output", metavar="FILE", help="default: output/graph.html")
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
                help="a file for graphml, gexf, json; a folder for csv and neo4j "
                "(default: output/graph.<format> or output/<format>/)",
            )
            _add_filters(p)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run ``kg`` with ``argv``; return the exit status (0 ok, 1 error, 2 usage)."""
    out = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args, out))
    except DataError as exc:
        sys.stderr.write(f"kg: {exc}\n")
        return 1
    except KGError as exc:
        sys.stderr.write(f"kg: error: {exc}\n")
        return 1
    except BrokenPipeError:  # `kg show x | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
