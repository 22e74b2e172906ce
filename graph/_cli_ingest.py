"""The command line's ingestion part: ``kg init``, ``ingest``, ``review``, ``history``,
``accept``.

Each command is a thin wrapper over the API function of the same name
(:func:`graph.init`, :func:`graph.ingest`, :func:`graph.review`, :func:`graph.history`,
:func:`graph.accept`), declared once by ``@COMMANDS.command`` above its handler
(see :mod:`graph._cli_common`). ``kg html --draft ID`` is part of ``kg html``
(:mod:`graph._cli_query`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ._cli_common import Commands, arg, data_option, data_root, write_lines
from ._errors import ArgumentError
from ._history import history, ties
from ._ingest import READERS, accept, ingest, init, review
from ._ingest._corpus import ingest_corpus
from ._load import load

__all__ = ["COMMANDS"]

#: The commands of this module, in the order ``kg --help`` lists them.
COMMANDS = Commands()

_SUFFIXES = ", ".join(f".{name}" for name in READERS)

#: ``ID``: a source id, which is also its draft's name.
_source_id = arg("id", metavar="ID", help="the source id given at ingest")


@COMMANDS.command(
    "init",
    "create an empty data folder",
    example="kg init mydata",
    description="Create an empty data folder (sources/, entities/, relations/, drafts/, with "
    "comments that explain each file) that graph.load and every kg command accept.",
    options=(arg("dir", metavar="DIR", help="the folder to create"),),
)
def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """``kg init DIR``: an empty data folder."""
    root = init(args.dir)
    out.write(
        f"created an empty data folder at {root}\n"
        f"next: kg --data {root} ingest REPORT.docx --title '…'\n"
    )
    return 0


#: The options of ``kg ingest`` that describe one document.
_ONE_DOCUMENT = ("id", "title", "title_en", "date", "origin", "encoding", "format")


@COMMANDS.command(
    "ingest",
    f"read a document ({_SUFFIXES}) and draft proposals to review",
    example=(
        "kg ingest report.docx --id zone-2016 --title 某某高新区工作进展 --date 2016-12",
        "kg ingest reports/   # a folder: one draft per document, matched across them",
    ),
    description="Keep the document byte for byte under sources/ with its SHA-256, its "
    "normalised text beside it and a sources.yaml record, and write drafts/ID.yaml: the "
    "entities and relations it names, each with its verbatim quote. Plain text may be "
    "UTF-8, GB18030/GBK or Big5 (detected; --encoding overrides). Needs the ingest "
    "extra: pip install 'kg-regional-cooperation[ingest]'.",
    options=(
        data_option,
        arg(
            "file",
            metavar="FILE",
            nargs="+",
            help=f"the document: {_SUFFIXES}; or several, or a folder of them",
        ),
        arg("--id", help="source id (default: from the file name)"),
        arg("--title", help="the document's title (default: its first line)"),
        arg("--title-en", help="the title in English"),
        arg("--date", help="the document's date, e.g. 2016-12"),
        arg("--origin", help="where it comes from and why reuse is allowed"),
        arg("--encoding", help="plain text's encoding (default: detected)"),
        arg("--format", choices=list(READERS), help=argparse.SUPPRESS),
        arg(
            "--author",
            help="whose work the report lists (default: the zone or body its title names)",
        ),
        arg("--force", action="store_true", help="replace a source whose file has changed"),
    ),
)
def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """``kg ingest FILE``: keep the document, write a draft of proposals; ``kg ingest FILE
    FILE …`` or ``kg ingest FOLDER``: one draft each, matched across them."""
    if len(args.file) > 1 or Path(args.file[0]).is_dir():
        given = [f"--{k.replace('_', '-')}" for k in _ONE_DOCUMENT if getattr(args, k) is not None]
        if given:
            raise ArgumentError(
                f"{', '.join(given)} name one document; with several, each takes its id from "
                "its file name and its title from its first line (ingest it alone to set them)"
            )
        found = ingest_corpus(args.file, data=data_root(args), author=args.author, force=args.force)
        out.write(str(found) + "\n")
        return 0
    result = ingest(
        args.file[0],
        data=data_root(args),
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


@COMMANDS.command(
    "review",
    "print a draft as a bilingual table: new and matched entities by type, relations",
    example="kg review zone-2016",
    description="Print drafts/ID.yaml as a table: new entities and those already in the graph, "
    "by type with confidence, then the relations. Edit the draft to correct proposals and set "
    "review: accepted or rejected; then run kg accept ID.",
    options=(data_option, _source_id),
)
def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    """``kg review ID``: the draft as a bilingual table."""
    out.write(review(args.id, data=data_root(args)))
    return 0


@COMMANDS.command(
    "history",
    "what each source says about the tie from A to B, oldest first",
    example="kg history 露露股份 星河大学",
    description="List every relation from A to B with the sources that state it and their "
    "dates, oldest first; when sources differ (negotiating in one, signed in the next), the "
    "latest is the current state. graph.as_of(kg, date) gives the graph as of a date.",
    options=(
        data_option,
        arg("a", metavar="A", help="where the tie starts (name, alias or id)"),
        arg("b", metavar="B", help="where it ends"),
    ),
)
def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    """``kg history A B``: what each source says about the tie from A to B, over time."""
    kg = load(data_root(args))
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
    write_lines(out, lines)
    return 0


@COMMANDS.command(
    "accept",
    "merge a draft's accepted records into the data, all or nothing",
    example="kg accept zone-2016",
    description="Validate the records marked review: accepted with the loader and merge them: "
    "new entities and relations into files named after the source, new quotes appended to "
    "existing records. Nothing changes unless everything validates; pending and rejected "
    "records stay in the draft.",
    options=(data_option, _source_id),
)
def cmd_accept(args: argparse.Namespace, out: TextIO) -> int:
    """``kg accept ID``: merge the accepted records into the data."""
    out.write(str(accept(args.id, data=data_root(args))) + "\n")
    return 0
