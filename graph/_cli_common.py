"""What the ``kg`` command modules share: safe terminal text and where ``-o`` writes.

:mod:`graph._cli` (the query and export commands), :mod:`graph._cli_ingest` and
:mod:`graph._cli_server` all import from here, and none of them from another, so
the command line has no import cycle.

Where an output goes (docs/cli.md has the user's version):

- no ``-o``: the command's default under ``output/`` in the current folder;
- ``-o DIR/`` or ``-o`` an existing folder: the default file name inside it;
- ``-o -``: standard output, for formats that are one file;
- ``-o PATH``: see :func:`graph._atomic.output_target` for links, devices and FIFOs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._atomic import output_target
from ._errors import KGError

if TYPE_CHECKING:
    from ._kg import KnowledgeGraph

__all__ = [
    "STDOUT",
    "Handler",
    "html_writer",
    "into_folder",
    "visible",
    "write_lines",
    "write_output",
]

#: A command: parsed arguments and the stream for its answer in, exit status out.
Handler = Callable[[argparse.Namespace, TextIO], int]

#: The ``-o`` value that means standard output.
STDOUT = "-"

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
        raise KGError(
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


def html_writer(kg: KnowledgeGraph, args: argparse.Namespace) -> Callable[[Path], Path]:
    """What ``kg html`` writes: ``kg.to_html`` with the command's filters, for
    :func:`write_output` (the curated graph and a draft's graph alike)."""
    return lambda path: kg.to_html(
        path,
        focus=args.focus,
        depth=args.depth,
        types=args.type,
        statuses=args.status,
        lang=args.lang,
    )
