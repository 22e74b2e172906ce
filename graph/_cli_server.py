"""The command line's server and progress parts: ``kg push``, ``kg html --from``, ``--quiet``.

:func:`register` adds them to the parser that ``graph._cli.build_parser`` makes:

- ``kg push falkordb://HOST:PORT/GRAPH`` writes the data folder into a FalkorDB
  server (:func:`graph.push`);
- ``kg html --from falkordb://HOST:PORT/GRAPH --focus NAME`` draws a window read
  back from the server (:func:`graph.load_from`);
- every command shows progress bars on a terminal, unless ``--quiet``;
- ``kg validate`` never uses the warm-load cache: it checks everything.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any, TextIO

from ._cli_common import Handler, write_output
from ._errors import KGError
from ._falkordb import BATCH, load_from, push
from ._html import DEFAULT_HTML
from ._load import load
from ._progress import enabled

__all__ = ["cmd_push", "register"]

PUSH_EXAMPLE = "kg push falkordb://localhost:6379/cooperation"


def cmd_push(args: argparse.Namespace, out: TextIO) -> int:
    """``kg push URL``: write the data folder's graph into a FalkorDB server."""
    kg = load(args.data)
    counts = push(kg, args.url, batch=args.batch)
    out.write(
        f"pushed {counts['entities']} entities, {counts['relations']} relations and "
        f"{counts['sources']} source(s) to {args.url.split('@')[-1]}\n"
    )
    return 0


def _html_from(original: Handler) -> Handler:
    @functools.wraps(original)
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        if args.from_url is None:
            return int(original(args, out))
        if getattr(args, "as_of", None):
            raise KGError("--as-of works on a data folder, not with --from; leave one out")
        kg = load_from(args.from_url, focus=args.focus, depth=args.depth)
        write_output(
            out,
            lambda path: kg.to_html(path, types=args.type, statuses=args.status, lang=args.lang),
            args.output,
            DEFAULT_HTML,
        )
        return 0

    return handler


def _validate_in_full(original: Handler) -> Handler:
    @functools.wraps(original)
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        from ._cache import bypassed

        with bypassed():  # loads check everything, with the loading bar on a terminal
            return int(original(args, out))

    return handler


def _with_progress(original: Handler) -> Handler:
    @functools.wraps(original)
    def handler(args: argparse.Namespace, out: TextIO) -> int:
        with enabled(not getattr(args, "quiet", False)):
            return int(original(args, out))

    return handler


def register(parser: argparse.ArgumentParser, sub: Any) -> None:
    """Add ``push``, ``html --from`` and ``--quiet`` to the ``kg`` parser and its commands."""
    quiet_help = "no progress bars (they are drawn only on a terminal anyway)"
    parser.add_argument("-q", "--quiet", action="store_true", help=quiet_help)
    p = sub.add_parser(
        "push",
        help="write the graph into a FalkorDB server (entities, relations, evidence, sources)",
        description=(
            "Write the data folder's graph into a FalkorDB graph database, merged by id: "
            "pushing again updates, never duplicates. Needs the server extra: "
            "pip install 'kg-regional-cooperation[server]'."
        ),
        epilog=f"Example: {PUSH_EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("url", metavar="URL", help="falkordb://[user:password@]HOST[:PORT]/GRAPH")
    p.add_argument("--batch", type=int, default=BATCH, help=f"records per write (default {BATCH})")
    p.set_defaults(handler=cmd_push)
    html = sub.choices["html"]
    html.add_argument(
        "--from",
        dest="from_url",
        metavar="URL",
        help="read the graph from a FalkorDB server (falkordb://HOST:PORT/GRAPH) instead of "
        "a data folder; with --focus only that window is read",
    )
    html.epilog = (html.epilog or "") + (
        "\n         kg html --from falkordb://localhost:6379/cooperation --focus 天津大学"
    )
    html.set_defaults(handler=_html_from(html.get_default("handler")))
    validate = sub.choices["validate"]
    validate.set_defaults(handler=_validate_in_full(validate.get_default("handler")))
    for command in sub.choices.values():
        command.add_argument(
            "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=quiet_help
        )
        command.set_defaults(handler=_with_progress(command.get_default("handler")))
