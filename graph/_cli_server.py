"""The command line's server part: ``kg push``.

``kg push falkordb://HOST:PORT/GRAPH`` writes the data folder into a FalkorDB
server (:func:`graph.push`), declared once by ``@COMMANDS.command`` above its
handler (see :mod:`graph._cli_common`). ``kg html --from URL``, which reads a
window back, is part of ``kg html`` (:mod:`graph._cli_query`).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ._cli_common import Commands, arg, count, data_root
from ._falkordb import BATCH, push
from ._load import load

__all__ = ["COMMANDS"]

#: The commands of this module, in the order ``kg --help`` lists them.
COMMANDS = Commands()


@COMMANDS.command(
    "push",
    "write the graph into a FalkorDB server (entities, relations, evidence, sources)",
    example="kg push falkordb://localhost:6379/cooperation",
    description="Write the data folder's graph into a FalkorDB graph database, merged by id: "
    "pushing again updates, never duplicates. Needs the server extra: "
    "pip install 'kg-regional-cooperation[server]'.",
    options=(
        arg("url", metavar="URL", help="falkordb://[user:password@]HOST[:PORT]/GRAPH"),
        arg("--batch", type=count(1), default=BATCH, help=f"records per write (default {BATCH})"),
    ),
)
def cmd_push(args: argparse.Namespace, out: TextIO) -> int:
    """``kg push URL``: write the data folder's graph into a FalkorDB server."""
    kg = load(data_root(args))
    counts = push(kg, args.url, batch=args.batch)
    out.write(
        f"pushed {counts['entities']} entities, {counts['relations']} relations and "
        f"{counts['sources']} source(s) to {args.url.split('@')[-1]}\n"
    )
    return 0
