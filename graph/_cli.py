"""The ``kg`` command line: one command per API operation, with the same names.

Every command is a thin wrapper over :mod:`graph`, declared once by a
``@COMMANDS.command(...)`` record above its handler in one of the command
modules (:mod:`graph._cli_query`, :mod:`graph._cli_ingest`,
:mod:`graph._cli_views`, :mod:`graph._cli_server`); they share
:mod:`graph._cli_common` and never import each other. This module only builds
the parser from the records, handles the options every command takes (``--data``
before the command, ``--quiet``) and turns errors into exit statuses, here and
nowhere else:

=============================================  ======  ==================================
what went wrong                                status  printed
=============================================  ======  ==================================
the parser refuses the command line (unknown   2       ``kg: usage error: …; see `kg …
command or option, a missing argument, a                --help```
value of the wrong form or out of range)
bad data (:class:`graph.DataError`)            1       ``kg: N problems in the data; …``
                                                       and every problem
any other :class:`graph.KGError`, an           1       ``kg: error: …``
:class:`graph.ArgumentError` raised by a
command included; an ``OSError`` on a path
=============================================  ======  ==================================

With ``--json`` the message is JSON on standard output instead (see :func:`main`).

Adding a command is one decorated handler in a command module (a new module
also goes into :data:`MODULES`); ``tests/test_cli.py`` fails until its help has
an example and docs/cli.md (``python docs/cli_reference.py``) shows it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from . import _cli_ingest, _cli_query, _cli_server, _cli_views
from ._cli_common import Command, emit_json, visible
from ._errors import DataError, KGError, UnknownEntityError

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "visible"]

#: Exit statuses, as docs/cli.md documents them.
EXIT_OK = 0
EXIT_ERROR = 1  # a KGError: bad data, unknown name, no path, empty selection, unwritable output
EXIT_USAGE = 2  # the parser refused the arguments: unknown command or option, bad value

#: The command modules, in the order ``kg --help`` lists their commands.
MODULES = (_cli_query, _cli_ingest, _cli_views, _cli_server)

#: Every command, declared once in its module.
COMMANDS: tuple[Command, ...] = tuple(c for m in MODULES for c in m.COMMANDS)

_QUIET_HELP = "no progress bars (they are drawn only on a terminal anyway)"


class _UsageError(Exception):
    """A bad command line; argparse's own exit is turned into this."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message}; see `{self.prog} --help`")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg-regional-cooperation")
    except PackageNotFoundError:  # pragma: no cover - running from a copy of the source
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The ``kg`` parser: the options before the command, then one subparser per command."""
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
    for command in COMMANDS:
        p = command.add_to(sub)
        # -q after the command too (`kg validate -q`); main() reads it
        p.add_argument(
            "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=_QUIET_HELP
        )
    parser.add_argument("-q", "--quiet", action="store_true", help=_QUIET_HELP)
    return parser


def _fail(prefix: str, message: str, json_out: bool, out: TextIO, **extra: Any) -> None:
    if json_out:
        emit_json(out, {"error": message, **extra})
    else:
        sys.stderr.write(visible(f"kg: {prefix}{message}") + "\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run ``kg`` with ``argv``; return the exit status (see :data:`EXIT_OK` and the others).

    With ``--json``, errors too are JSON on standard output:
    ``{"error": message, "suggestions": [...]}`` (``"problems"`` for bad data).
    """
    from ._progress import enabled

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
        with enabled(not args.quiet):  # progress bars, drawn only on a terminal
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
