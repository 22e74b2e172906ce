"""What the ``kg`` command modules share: the command record, the option groups,
loading the graph, and how answers are written.

Each command module (:mod:`graph._cli_query`, :mod:`graph._cli_ingest`,
:mod:`graph._cli_views`, :mod:`graph._cli_server`) imports from here and from no
other command module; :mod:`graph._cli` imports them all and builds the parser.
So the command line has no import cycle.

A command is declared once, by a decorator over its handler::

    @COMMANDS.command(
        "show",
        "an entity card: ...",
        example="kg show 天津大学",
        options=(json_option, as_of_option, entity_name),
    )
    def cmd_show(args, out): ...

The record holds its name, handler, help, examples and option groups; the
handler reads every option the groups add. An option group is a function that
adds arguments to one command's parser: the shared ones (:func:`filters`,
:data:`as_of_option`, :data:`json_option`, :func:`output_option`,
:data:`data_option`) are defined here once, and :func:`arg` makes a one-argument
group for what a single command takes.

Where an output goes (docs/cli.md has the user's version):

- no ``-o``: the command's default under ``output/`` in the current folder;
- ``-o DIR/`` or ``-o`` an existing folder: the default file name inside it;
- ``-o -``: standard output, for formats that are one file;
- ``-o PATH``: see :func:`graph._atomic.output_target` for links, devices and FIFOs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._atomic import output_target
from ._errors import ArgumentError, KGError, NotFoundError, UnknownEntityError
from ._history import as_of, check_date
from ._load import load
from ._paths import find_data
from ._records import Entity, EntityType, Relation, Status

if TYPE_CHECKING:
    from ._kg import KnowledgeGraph

__all__ = [
    "STDOUT",
    "Command",
    "Commands",
    "Handler",
    "Options",
    "Quotes",
    "arg",
    "as_of_option",
    "count",
    "data_option",
    "data_root",
    "date",
    "emit_json",
    "entity_name",
    "filters",
    "into_folder",
    "json_option",
    "load_graph",
    "names",
    "output_option",
    "repeatable",
    "visible",
    "write_lines",
    "write_output",
]

#: A command: parsed arguments and the stream for its answer in, exit status out.
Handler = Callable[[argparse.Namespace, TextIO], int]

#: An option group: adds arguments to one command's parser.
Options = Callable[[argparse.ArgumentParser], None]

#: The ``-o`` value that means standard output.
STDOUT = "-"


# -- the command record ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Command:
    """One ``kg`` command: everything its parser and its documentation are made from.

    ``examples`` are whole command lines (the first is the one ``kg --help``
    users see first); ``description`` defaults to ``summary`` as a sentence.
    """

    name: str
    handler: Handler
    summary: str
    examples: tuple[str, ...]
    options: tuple[Options, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        if not self.examples or not all(e.startswith(f"kg {self.name}") for e in self.examples):
            raise ValueError(f"kg {self.name}: every example must start with `kg {self.name}`")

    @property
    def about(self) -> str:
        """The long description: ``description``, or ``summary`` as a sentence."""
        return self.description or self.summary[0].upper() + self.summary[1:] + "."

    @property
    def epilog(self) -> str:
        """``Example: …`` under the options, one example a line."""
        return "Example: " + "\n         ".join(self.examples)

    def add_to(self, sub: Any) -> argparse.ArgumentParser:
        """Add this command to ``sub`` (the ``add_subparsers()`` of ``kg``); return its parser."""
        p: argparse.ArgumentParser = sub.add_parser(
            self.name,
            help=self.summary,
            description=self.about,
            epilog=self.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(handler=self.handler)
        for add in self.options:
            add(p)
        return p


class Commands:
    """The commands of one module, in order; :meth:`command` declares one.

    >>> here = Commands()
    >>> @here.command("hello", "say hello", example="kg hello")
    ... def cmd_hello(args, out):
    ...     return 0
    >>> [c.name for c in here], cmd_hello.__name__
    (['hello'], 'cmd_hello')
    """

    def __init__(self) -> None:
        self._commands: list[Command] = []

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands)

    def __len__(self) -> int:
        return len(self._commands)

    def command(
        self,
        name: str,
        summary: str,
        *,
        example: str | Sequence[str],
        options: Sequence[Options] = (),
        description: str = "",
    ) -> Callable[[Handler], Handler]:
        """Declare the decorated handler as ``kg NAME``; the handler is returned unchanged."""
        examples = (example,) if isinstance(example, str) else tuple(example)

        def declare(handler: Handler) -> Handler:
            self._commands.append(
                Command(name, handler, summary, examples, tuple(options), description)
            )
            return handler

        return declare


# -- option groups -----------------------------------------------------------------------


def arg(*flags: str, **kwargs: Any) -> Options:
    """An option group of one argument: ``p.add_argument(*flags, **kwargs)``."""

    def add(p: argparse.ArgumentParser) -> None:
        p.add_argument(*flags, **kwargs)

    return add


def count(minimum: int) -> Callable[[str], int]:
    """An argument type: a whole number of at least ``minimum`` (else exit 2).

    >>> count(1)("3")
    3
    """

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


def date(text: str) -> str:
    """An argument type: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (else exit 2)."""
    try:
        return check_date(text)
    except KGError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def repeatable(flag: str, members: type[Enum], metavar: str, help: str) -> Options:
    """An option naming one value of ``members``, given as often as needed."""
    return arg(
        flag, action="append", metavar=metavar, choices=[m.value for m in members], help=help
    )


#: ``--json``: the answer (and an error) as JSON on standard output.
json_option = arg("--json", action="store_true", help="print JSON instead of text (errors too)")

#: ``--as-of DATE``: read by :func:`load_graph`.
as_of_option = arg(
    "--as-of",
    metavar="DATE",
    type=date,
    help="ask the graph as the sources dated up to DATE (YYYY, YYYY-MM or YYYY-MM-DD) tell "
    "it; undated sources count at any date",
)

#: ``--data DIR`` after the command too (``kg ingest FILE --data DIR``); read by :func:`data_root`.
data_option = arg("--data", metavar="DIR", default=argparse.SUPPRESS, help="the data folder")

#: ``NAME``: one entity.
entity_name = arg("name", metavar="NAME", help="id, Chinese or English name, or alias")


def output_option(help: str, metavar: str = "FILE") -> Options:
    """``-o/--output``: where the answer goes (see :func:`write_output`)."""
    return arg("-o", "--output", metavar=metavar, help=help)


def filters(p: argparse.ArgumentParser) -> None:
    """``--focus NAME --depth N --type T --status S``: the selection of ``kg html`` and
    ``kg export`` (:meth:`graph.KnowledgeGraph.select`)."""
    p.add_argument("--focus", metavar="NAME", help="keep only the neighbourhood of this entity")
    p.add_argument(
        "--depth", type=count(0), default=2, help="neighbourhood radius for --focus (default 2)"
    )
    repeatable("--type", EntityType, "T", "keep entities of this type (repeatable)")(p)
    repeatable("--status", Status, "S", "keep relations with this status (repeatable)")(p)


# -- the graph a command reads -----------------------------------------------------------


def data_root(args: argparse.Namespace) -> Path:
    """The data folder of ``--data`` (before or after the command), found as
    :func:`graph._paths.find_data` finds it."""
    return find_data(args.data).path


def check_as_of(kg: KnowledgeGraph, args: argparse.Namespace) -> KnowledgeGraph:
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
        raise ArgumentError(
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
            raise NotFoundError(
                f"{e.name} is named by no source dated up to {date}"
                + (f" (its first is dated {first})" if first else "")
                + "; give a later --as-of"
            ) from None
    return then


def load_graph(args: argparse.Namespace) -> KnowledgeGraph:
    """The graph of the data folder (``--data``), as of ``--as-of`` when given."""
    return check_as_of(load(data_root(args)), args)


# -- answers -----------------------------------------------------------------------------

# Terminal controls a data file must not smuggle into a terminal: C0 (but tab and
# newline), DEL, C1, bidirectional overrides and isolates, line separators.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def visible(text: str) -> str:
    r"""``text`` with terminal control characters written out (``\x1b``, ``\u202e``).

    >>> visible("a\x1b[2Jb\u202ec\r")
    'a\\x1b[2Jb\\u202ec\\x0d'
    """

    def escape(m: re.Match[str]) -> str:
        c = ord(m.group())
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    return _CONTROL.sub(escape, text)


def write_lines(out: TextIO, lines: Sequence[str]) -> None:
    """Write ``lines`` to ``out``, control characters made visible."""
    out.write(visible("\n".join(lines)) + "\n")


def emit_json(out: TextIO, value: Any) -> None:
    """Write ``value`` as indented JSON, Chinese as Chinese, the data as it is."""
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def names(e: Entity, sep: str = " ") -> str:
    """Both names, or one when the English name only stands in for the Chinese one."""
    return e.name if e.name_en in ("", e.name) else f"{e.name}{sep}{e.name_en}"


class Quotes:
    """Evidence lines of one output: each quote in full once, then a short reference."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def lines(self, r: Relation | Entity, indent: str) -> list[str]:
        """The lines for the evidence of ``r`` (a relation or an entity)."""
        out = []
        for ev in r.evidence:
            if (ev.source, ev.quote) in self.seen:
                short = ev.quote if len(ev.quote) <= 16 else ev.quote[:15] + "…"
                out.append(f"{indent}(same quote as above: 「{short}」)")
            else:
                self.seen.add((ev.source, ev.quote))
                out.append(f"{indent}「{ev.quote}」 ({ev.source})")
        return out


def into_folder(arg: str | None, name: str) -> str | None:
    """``-o DIR/`` or ``-o`` an existing folder means ``DIR/name``; ``None`` stays ``None``.

    >>> into_folder("pages/", "graph.html")
    'pages/graph.html'
    >>> into_folder("-", "graph.html")
    '-'
    """
    if arg is None or arg == STDOUT:
        return arg
    if arg.endswith(("/", os.sep)) or Path(arg).is_dir():
        return str(Path(arg) / name)
    return arg


def _to_stdout(data: bytes, out: TextIO) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text stream only (a test's StringIO): the outputs are UTF-8
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def write_output(
    out: TextIO,
    write: Callable[[Path], Path],
    output: str | None,
    default: Path,
    note: str = "",
    folder: bool = False,
) -> None:
    """Run ``write(path)`` for ``-o output`` (``default`` without it) and say where it went.

    ``-o -`` writes into a temporary file and copies it to standard output, with
    nothing else there. A path that is written to directly (a device, a FIFO,
    ``/dev/stdout``) gets its ``wrote …`` line on standard error, so that it
    cannot mix with the output. ``folder`` is True for outputs that are a folder
    of files: ``-o`` names the folder itself, and ``-o -`` is refused.
    """
    target = output if folder else into_folder(output, default.name)
    if target == STDOUT and folder:
        raise ArgumentError(
            f"{default.name} is written as a folder of files, which cannot go to standard "
            "output (-o -); pass a folder, or use a one-file format such as json"
        )
    if target == STDOUT:
        with tempfile.TemporaryDirectory(prefix="kg-") as tmp:
            _to_stdout(write(Path(tmp) / default.name).read_bytes(), out)
        return
    path = write(Path(target) if target is not None else default)
    line = visible(f"wrote {path}{note}") + "\n"
    if output_target(path).direct:
        sys.stderr.write(line)
    else:
        out.write(line)
