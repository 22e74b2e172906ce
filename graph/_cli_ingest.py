"""The command line's ingestion part: ``kg init``, ``ingest``, ``review``, ``accept``, and
``kg html --draft ID``.

:func:`register` adds them to the parser that ``graph._cli.build_parser`` makes. Each
command is a thin wrapper over the API function of the same name
(:func:`graph.init`, :func:`graph.ingest`, :func:`graph.review`, :func:`graph.accept`,
:func:`graph.draft_graph`).
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import Any, TextIO

from ._cli_common import Handler, html_writer, visible, write_output
from ._errors import KGError
from ._history import history, ties
from ._ingest import accept, draft_graph, ingest, init, review
from ._ingest._corpus import ingest_corpus
from ._load import load
from ._paths import DEFAULT_OUTPUT, find_data

__all__ = ["cmd_accept", "cmd_history", "cmd_ingest", "cmd_init", "cmd_review", "register"]


def _root(args: argparse.Namespace) -> Path:
    return find_data(args.data).path


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """``kg init DIR``: an empty data folder."""
    root = init(args.dir)
    out.write(
        f"created an empty data folder at {root}\n"
        f"next: kg --data {root} ingest REPORT.docx --title '…'\n"
    )
    return 0


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """``kg ingest FILE``: keep the document, write a draft of proposals; ``kg ingest FILE
    FILE …`` or ``kg ingest FOLDER``: one draft each, matched across them."""
    if len(args.file) > 1 or Path(args.file[0]).is_dir():
        single = ("id", "title", "title_en", "date", "origin", "encoding", "format")
        given = [f"--{k.replace('_', '-')}" for k in single if getattr(args, k) is not None]
        if given:
            raise KGError(
                f"{', '.join(given)} name one document; with several, each takes its id from "
                "its file name and its title from its first line (ingest it alone to set them)"
            )
        out.write(
            str(ingest_corpus(args.file, data=_root(args), author=args.author, force=args.force))
            + "\n"
        )
        return 0
    result = ingest(
        args.file[0],
        data=_root(args),
        id=args.id,
        title=args.title,
        title_en=args.title_en,
        date=args.date,
        origin=args.origin,
        encoding=args.encoding,
        format=args.format,
        author=args.author,
        force=args.force,
    )
    out.write(str(result) + "\n")
    return 0


def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    """``kg review ID``: the draft as a bilingual table."""
    out.write(review(args.id, data=_root(args)))
    return 0


def cmd_accept(args: argparse.Namespace, out: TextIO) -> int:
    """``kg accept ID``: merge the accepted records into the data."""
    out.write(str(accept(args.id, data=_root(args))) + "\n")
    return 0


def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    """``kg history A B``: what each source says about the tie from A to B, over time."""
    kg = load(_root(args))
    steps = history(kg, args.a, args.b)
    a, b = kg.entity(args.a), kg.entity(args.b)
    dates = {s.id: s.date or "undated" for s in kg.sources()}
    by_id = {s.id: s for s in kg.sources()}
    current = {id(g[-1]) for g in ties(steps, by_id).values() if len(g) > 1}
    lines = [f"{a.name} → {b.name}: {len(steps)} relation(s), oldest first"]
    for r in steps:
        mark = "  (current)" if id(r) in current else ""
        lines.append(f"  {r.type}/{r.status}{' ' + r.date if r.date else ''}{mark}")
        lines += [f"      「{ev.quote}」 ({ev.source}, {dates[ev.source]})" for ev in r.evidence]
    out.write(visible("\n".join(lines)) + "\n")
    return 0


def _html_draft(original: Handler) -> Handler:
    @functools.wraps(original)
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        if getattr(args, "draft", None) is None:
            return int(original(args, out))
        if getattr(args, "as_of", None):
            raise KGError("--as-of and --draft do not go together; accept the draft first")
        kg = draft_graph(args.draft, data=_root(args))
        write_output(  # -o DIR/ means DIR/draft-ID.html, as for kg html
            out,
            html_writer(kg, args),
            args.output,
            DEFAULT_OUTPUT / f"draft-{args.draft}.html",
            note=f" (proposals of {args.draft} drawn apart from curated records)",
        )
        return 0

    return handler


_COMMANDS = {
    "init": (
        cmd_init,
        "create an empty data folder",
        "kg init mydata",
        "Create an empty data folder (sources/, entities/, relations/, drafts/, with "
        "comments that explain each file) that graph.load and every kg command accept.",
    ),
    "ingest": (
        cmd_ingest,
        "read a document (.txt, .html, .docx, .pdf) and draft proposals to review",
        "kg ingest report.docx --id zone-2016 --title 某某高新区工作进展 --date 2016-12\n"
        "         kg ingest reports/   (a folder: one draft per document, matched across them)",
        "Keep the document byte for byte under sources/ with its SHA-256, its normalised "
        "text beside it and a sources.yaml record, and write drafts/ID.yaml: the "
        "entities and relations it names, each with its verbatim quote. Plain text may be "
        "UTF-8, GB18030/GBK or Big5 (detected; --encoding overrides). Needs the ingest "
        "extra: pip install 'kg-regional-cooperation[ingest]'.",
    ),
    "review": (
        cmd_review,
        "print a draft as a bilingual table: new and matched entities by type, relations",
        "kg review zone-2016",
        "Print drafts/ID.yaml as a table: new entities and those already in the graph, by "
        "type with confidence, then the relations. Edit the draft to correct proposals "
        "and set review: accepted or rejected; then run kg accept ID.",
    ),
    "history": (
        cmd_history,
        "what each source says about the tie from A to B, oldest first",
        "kg history 露露股份 星河大学",
        "List every relation from A to B with the sources that state it and their dates, "
        "oldest first; when sources differ (negotiating in one, signed in the next), the "
        "latest is the current state. graph.as_of(kg, date) gives the graph as of a date.",
    ),
    "accept": (
        cmd_accept,
        "merge a draft's accepted records into the data, all or nothing",
        "kg accept zone-2016",
        "Validate the records marked review: accepted with the loader and merge them: new "
        "entities and relations into files named after the source, new quotes appended "
        "to existing records. Nothing changes unless everything validates; pending and "
        "rejected records stay in the draft.",
    ),
}


def register(sub: Any) -> None:
    """Add ``init``, ``ingest``, ``review``, ``accept`` and ``html --draft`` to ``kg``."""
    for name, (handler, summary, example, description) in _COMMANDS.items():
        p = sub.add_parser(
            name,
            help=summary,
            description=description,
            epilog=f"Example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(handler=handler)
        if name != "init":  # `kg ingest FILE --data DIR` as well as `kg --data DIR ingest FILE`
            p.add_argument(
                "--data", metavar="DIR", default=argparse.SUPPRESS, help="the data folder"
            )
        if name == "init":
            p.add_argument("dir", metavar="DIR", help="the folder to create")
        elif name == "ingest":
            p.add_argument(
                "file",
                metavar="FILE",
                nargs="+",
                help="the document: .txt, .html, .docx, .pdf; or several, or a folder of them",
            )
            p.add_argument("--id", help="source id (default: from the file name)")
            p.add_argument("--title", help="the document's title (default: its first line)")
            p.add_argument("--title-en", help="the title in English")
            p.add_argument("--date", help="the document's date, e.g. 2016-12")
            p.add_argument("--origin", help="where it comes from and why reuse is allowed")
            p.add_argument("--encoding", help="plain text's encoding (default: detected)")
            p.add_argument(
                "--format", choices=["txt", "html", "docx", "pdf"], help=argparse.SUPPRESS
            )
            p.add_argument(
                "--author",
                help="whose work the report lists (default: the zone or body its title names)",
            )
            p.add_argument(
                "--force", action="store_true", help="replace a source whose file has changed"
            )
        elif name == "history":
            p.add_argument("a", metavar="A", help="where the tie starts (name, alias or id)")
            p.add_argument("b", metavar="B", help="where it ends")
        else:
            p.add_argument("id", metavar="ID", help="the source id given at ingest")
    html = sub.choices["html"]
    html.add_argument(
        "--draft",
        metavar="ID",
        help="draw the proposals of drafts/ID.yaml on the graph, apart from curated records "
        "(default output: output/draft-ID.html under the current folder)",
    )
    html.epilog = (html.epilog or "") + "\n         kg html --draft zone-2016"
    html.set_defaults(handler=_html_draft(html.get_default("handler")))
