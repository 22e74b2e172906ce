"""The exceptions of the ``graph`` package.

Every error the package raises on purpose is a :class:`KGError`::

    KGError
    ├── DataError            curated data is invalid; .problems lists every one
    ├── NotFoundError        no entity, relation, source or draft has this id (also a KeyError)
    │   └── UnknownEntityError   a name matches no entity
    ├── NoPathError          two entities are not connected
    ├── ArgumentError        an argument or option value is not valid (also a ValueError)
    ├── MissingExtraError    an optional extra is missing (also an ImportError); .extra names it
    ├── ServerError          a graph database server cannot be reached or refused the request
    ├── ReadError            a file, folder or document cannot be read as what it should be
    ├── LimitError           input is larger or deeper than a limit allows
    ├── UnsafePathError      a path is a link, FIFO or device, or leads out of its folder
    └── ExportError          an output could not be written (unknown format, bad path)

Catch the kind you can recover from (``except graph.NotFoundError``), or ``KGError`` for
all of them. A few errors fit no kind (another ``kg`` command holds the data folder's lock,
a draft's review decisions contradict each other) and are plain ``KGError``. ``ReadError``
and ``ServerError`` are not ``OSError`` subclasses on purpose: a caller's
``except OSError`` around kg code would swallow them, and kg's own ``OSError`` handlers
would re-wrap them. The command line prints every ``KGError`` as ``kg: error: …`` and exits 1
(2 when the command line itself cannot be parsed).

Messages say what went wrong and what to do next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ArgumentError",
    "DataError",
    "ExportError",
    "KGError",
    "LimitError",
    "MissingExtraError",
    "NoPathError",
    "NotFoundError",
    "Problem",
    "ReadError",
    "ServerError",
    "UnknownEntityError",
    "UnsafePathError",
    "shorten",
]

#: Longest message or hint a :class:`Problem` keeps; longer ones are cut with a count.
MAX_MESSAGE = 1000


def shorten(value: object, limit: int = 80, *, quote: bool = True) -> str:
    """``repr(value)`` (or ``str`` with ``quote=False``) cut to about ``limit`` characters.

    Error messages quote values from the data; a 10 MB value must not become a
    10 MB message.

    >>> shorten("x" * 1000, 20)
    "'xxxxxxxxxxxxxxxxxx… (1,002 characters)"
    >>> shorten("天津大学")
    "'天津大学'"
    """
    text = repr(value) if quote else str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


class KGError(Exception):
    """Base class of every error raised on purpose by the ``graph`` package."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a data file: where it is, what is wrong, what to do.

    >>> from pathlib import Path
    >>> Problem(Path("data/x.yaml"), 3, 5, "unknown field 'nmae'", "did you mean 'name'?")
    Problem("data/x.yaml:3:5: unknown field 'nmae'; did you mean 'name'?")
    """

    file: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        for name in ("message", "hint"):
            text = getattr(self, name)
            if len(text) > MAX_MESSAGE:
                object.__setattr__(self, name, shorten(text, MAX_MESSAGE, quote=False))

    def __str__(self) -> str:
        where = str(self.file)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


class DataError(KGError):
    """The curated data has problems; nothing was loaded (or changed).

    ``problems`` lists every problem found in one pass, each with file, line and a hint.
    ``summary`` replaces the first line of the message (default: how many problems,
    and that nothing was loaded).
    """

    def __init__(self, problems: Iterable[Problem], *, summary: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(
            sorted(problems, key=lambda p: (str(p.file), p.line, p.column))
        )
        n = len(self.problems)
        head = summary or f"{n} problem{'s' if n != 1 else ''} in the data; nothing was loaded"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class NotFoundError(KGError, KeyError):
    """No entity, relation, source or draft has this id or name (also a :class:`KeyError`)."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


class UnknownEntityError(NotFoundError):
    """No entity has this id, name or alias.

    ``suggestions`` holds close matches, best first.
    """

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        message = f"no entity is called {name!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        else:
            message += "; run `kg find` to list the entities"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class NoPathError(KGError):
    """The two entities are not connected by any chain of relations."""


class ArgumentError(KGError, ValueError):
    """An argument or option value is not valid; the message says which values are."""


class MissingExtraError(KGError, ImportError):
    """An optional extra is not installed; ``extra`` names it (``pip install 'kg[extra]'``)."""

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message)
        self.extra = extra


class ServerError(KGError):
    """A graph database server cannot be reached, or it refused or failed the request."""


class ReadError(KGError):
    """A file, folder or document cannot be read as what it should be.

    It is missing or unreadable, not the format it claims (a damaged PDF, bytes that are
    not the given encoding, a draft that lost its shape), or holds no text.
    """


class LimitError(KGError):
    """A file or value is larger than a :class:`~graph.Limits` setting or a reader's cap allows."""


class UnsafePathError(KGError):
    """A path does not name a regular file or folder inside its folder.

    A link where kg writes, a FIFO or device where it reads, ``..`` or an absolute path in
    a source's ``text``: refused without being followed or opened.
    """


class ExportError(KGError):
    """An export or other output could not be written (unknown format, bad path, full disk)."""
