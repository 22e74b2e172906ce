"""A strict YAML reader for curated data: positions kept, surprises refused.

PyYAML's safe loader silently keeps the last of two equal keys, expands
anchors and merge keys, and follows YAML 1.1's guessing (``no`` -> False,
``012`` -> 10, ``12:30`` -> 750, ``2015-09-19`` -> a date). :func:`read_yaml`
builds values from PyYAML's event stream (the C parser where available) and:

- refuses duplicate keys, anchors, aliases, merge keys (``<<``), explicit tags
  other than ``!!str``, and more than one document per file;
- resolves plain scalars by a small YAML 1.2 core schema: ``null``/``~``/empty,
  ``true``/``false``, decimal integers without leading zeros, and decimal floats.
  Everything else (``no``, ``012``, ``12:30``, ``2015-09-19``) stays a string;
- refuses, within the :class:`graph.Limits` in force, files larger than
  ``max_data_bytes``, lists and maps nested deeper than ``max_depth``, integers
  of more than ``max_int_digits`` digits, and numbers too large to be finite
  (``1e400``), so no value of the data can crash a later step.

Mappings and sequences come back as :class:`YMap` and :class:`YList`, a ``dict``
and a ``list`` that remember the line and column of every key and item.
:func:`read_items` reads a file of records one record at a time: it yields each
item of the top-level list as soon as the parser has read it, so a large file
is never held as a whole tree of values (the loader builds each record from its
item and drops the item).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import yaml

from ._errors import KGError, Problem, shorten
from ._limits import Limits, read_capped

__all__ = ["Pos", "YList", "YMap", "bad_utf8", "read_items", "read_yaml"]

Pos = tuple[int, int]  # 1-based line and column

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+"
)
_STR_TAG = "tag:yaml.org,2002:str"
#: The first characters of every plain scalar that may resolve to other than a string
#: (null, ~, true, false, a number); any other plain scalar is a string as it stands.
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")
_Scalar = yaml.ScalarEvent
_SeqEnd = yaml.SequenceEndEvent
_MapEnd = yaml.MappingEndEvent


class YMap(dict[Any, Any]):
    """A dict that knows where it, each key and each value stood in the file."""

    pos: Pos
    key_pos: dict[Any, Pos]
    value_pos: dict[Any, Pos]


class YList(list[Any]):
    """A list that knows where it and each item stood in the file."""

    pos: Pos
    item_pos: list[Pos]


def _pos(event: Any) -> Pos:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Builds values from the parser's events, one call of ``get`` per event.

    The common events (plain or quoted scalars without anchor or tag inside a
    list or map) are handled inline in :meth:`sequence` and :meth:`mapping`;
    everything else goes through :meth:`node`, which checks it in full.
    """

    def __init__(
        self, path: Path, problems: list[Problem], limits: Limits, get: Callable[[], Any]
    ) -> None:
        self.path = path
        self.problems = problems
        self.limits = limits
        self.get = get
        self.depth = 0

    def problem(self, pos: Pos, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], message, hint))

    def scalar(self, event: Any) -> Any:
        value: str = event.value
        if event.tag is not None and event.tag not in ("!", _STR_TAG):
            self.problem(
                _pos(event),
                f"explicit tag {event.tag!r} is not allowed",
                "remove the tag; quote the value if it must be a string",
            )
            return value
        if event.style or event.tag is not None:
            return value  # quoted, block or !!str: always a string
        if value and value[0] not in _MAYBE_NOT_TEXT:
            return value  # the common case: names, ids, quotes
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.fullmatch(value):
            digits = len(value.lstrip("+-"))
            if digits > self.limits.max_int_digits:
                self.problem(
                    _pos(event),
                    f"an integer of {digits:,} digits is more than the limit of "
                    f"{self.limits.max_int_digits:,}",
                    "quote it if it is a code rather than a number; or "
                    + Limits.setting("max_int_digits"),
                )
                return None
            return int(value)
        if _FLOAT.fullmatch(value):
            number = float(value)
            if not math.isfinite(number):
                self.problem(
                    _pos(event),
                    f"the number {shorten(value, 40, quote=False)} is too large to be stored",
                    "write a smaller number, or quote it to keep it as text",
                )
                return None
            return number
        return value

    def skip(self) -> None:
        """Consume the events up to the end of the collection just started."""
        depth = 1
        while (event := self.get()) is not None:
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
                if depth == 0:
                    return

    def node(self, event: Any) -> Any:
        """The value that starts with ``event``, whatever it is."""
        if type(event) is _Scalar and event.anchor is None:
            return self.scalar(event)  # the common case first
        if not isinstance(event, yaml.AliasEvent):
            self.check_anchor(event)
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                _pos(event),
                f"alias '*{event.anchor}' is not allowed",
                "write the value out in full instead of referring to an anchor",
            )
            return None
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if self.depth >= self.limits.max_depth:
            self.problem(
                _pos(event),
                f"lists and maps nested more than {self.limits.max_depth} levels deep",
                "flatten the value; or " + Limits.setting("max_depth"),
            )
            self.skip()
            return None
        self.depth += 1
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                return self.sequence(event)
            if isinstance(event, yaml.MappingStartEvent):
                return self.mapping(event)
        finally:
            self.depth -= 1
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def items(self, event: Any) -> Generator[tuple[Any, Pos], None, YList]:
        """Each item of the list that ``event`` starts, with its position, as soon as it
        is built (the top-level list of a file: one record at a time, never all at
        once); returns the list itself, empty, with its position."""
        self.check_anchor(event)
        self.check_tag(event)
        seq = YList()
        seq.pos, seq.item_pos = _pos(event), []
        get, node = self.get, self.node
        self.depth += 1
        try:
            while type(item := get()) is not _SeqEnd:
                mark = item.start_mark
                pos = (mark.line + 1, mark.column + 1)
                yield node(item), pos
        finally:
            self.depth -= 1
        return seq

    def sequence(self, event: Any) -> YList:
        self.check_tag(event)
        seq = YList()
        mark = event.start_mark
        seq.pos, seq.item_pos = (mark.line + 1, mark.column + 1), []
        get, append, append_pos = self.get, seq.append, seq.item_pos.append
        while True:
            item = get()
            kind = type(item)
            if kind is _SeqEnd:
                return seq
            mark = item.start_mark
            append_pos((mark.line + 1, mark.column + 1))
            if kind is _Scalar and item.anchor is None and item.tag is None:
                value = item.value
                if item.style or (value and value[0] not in _MAYBE_NOT_TEXT):
                    append(value)  # text as it stands: the common case, inline
                    continue
            append(self.node(item))

    def mapping(self, event: Any) -> YMap:
        self.check_tag(event)
        mapping = YMap()
        mark = event.start_mark
        mapping.pos = (mark.line + 1, mark.column + 1)
        key_pos: dict[Any, Pos] = {}
        value_pos: dict[Any, Pos] = {}
        mapping.key_pos, mapping.value_pos = key_pos, value_pos
        get = self.get
        while True:
            key_event = get()
            kind = type(key_event)
            if kind is _MapEnd:
                return mapping
            mark = key_event.start_mark
            kpos = (mark.line + 1, mark.column + 1)
            key = None
            plain = False  # a text key as it stands (not '<<', not a number, ...)
            if kind is _Scalar and key_event.anchor is None and key_event.tag is None:
                key = key_event.value
                plain = bool(key_event.style) or (
                    bool(key) and key[0] not in _MAYBE_NOT_TEXT and key != "<<"
                )
            if not plain:
                key = self.node(key_event)
            value_event = get()
            mark = value_event.start_mark
            vpos = (mark.line + 1, mark.column + 1)
            if (
                type(value_event) is _Scalar
                and value_event.anchor is None
                and value_event.tag is None
            ):
                value = value_event.value
                if not (value_event.style or (value and value[0] not in _MAYBE_NOT_TEXT)):
                    value = self.scalar(value_event)
            else:
                value = self.node(value_event)
            if not plain:
                if (
                    kind is _Scalar
                    and key_event.value == "<<"
                    and not key_event.style  # a quoted "<<" is an ordinary key
                    and key_event.tag is None
                ):
                    self.problem(
                        kpos, "merge key '<<' is not allowed", "write the fields out in full"
                    )
                    continue
                if not isinstance(key, str | int | float | bool) and key is not None:
                    self.problem(kpos, "a key must be a plain value", "use a string key")
                    continue
            if key in mapping:
                first = key_pos[key]
                self.problem(
                    kpos,
                    f"duplicate key {shorten(key)} (first at line {first[0]})",
                    "keep one of the two; YAML would silently drop the first",
                )
                continue
            mapping[key] = value
            key_pos[key] = kpos
            value_pos[key] = vpos

    def check_anchor(self, event: Any) -> None:
        if getattr(event, "anchor", None) is not None:
            self.problem(
                _pos(event),
                f"anchor '&{event.anchor}' is not allowed",
                "write the value out in full; anchors and aliases hide what a record contains",
            )

    def check_tag(self, event: Any) -> None:
        if event.tag is not None and not event.implicit:
            self.problem(
                _pos(event), f"explicit tag {event.tag!r} is not allowed", "remove the tag"
            )


def bad_utf8(data: bytes, exc: UnicodeDecodeError) -> tuple[int, int, str]:
    """Line and column (1-based, in characters) of the first byte of ``data`` that is
    not UTF-8, and a message naming it.

    >>> data = "一行\\n好".encode() + b"\\xff"
    >>> try:
    ...     data.decode("utf-8")
    ... except UnicodeDecodeError as exc:
    ...     bad_utf8(data, exc)
    (2, 2, 'not UTF-8 text: byte 0xff at line 2, column 2 (invalid start byte)')
    """
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    byte = data[start] if start < len(data) else 0
    what = f"not UTF-8 text: byte 0x{byte:02x} at line {line}, column {column} ({exc.reason})"
    return line, column, what


def read_yaml(
    path: Path,
    problems: list[Problem],
    text: str | None = None,
    *,
    limits: Limits | None = None,
) -> Any:
    """Read one YAML document from ``path``; append problems to ``problems``.

    Returns the document (``None`` for an empty file). When the file cannot be
    read or parsed at all, a problem with the parser's position is recorded and
    ``None`` is returned. ``limits`` default to :meth:`Limits.from_env`. (A file of
    records is better read with :func:`read_items`, one record at a time.)
    """
    reader = read_items(path, problems, text, limits=limits)
    items: list[Any] = []
    positions: list[Pos] = []
    while True:
        try:
            item, pos = next(reader)
        except StopIteration as stop:
            doc = stop.value
            break
        items.append(item)
        positions.append(pos)
    if isinstance(doc, YList):
        doc.extend(items)
        doc.item_pos = positions
    return doc


def read_items(
    path: Path,
    problems: list[Problem],
    text: str | None = None,
    *,
    limits: Limits | None = None,
) -> Generator[tuple[Any, Pos], None, Any]:
    """Read one YAML document from ``path``, yielding each item of its top-level list.

    Each item comes as ``(value, (line, column))`` as soon as the parser has read
    it, so a file of records never exists in memory as a whole: its reader holds
    the file's bytes and one record. Problems are appended to ``problems`` as they
    are found, with the same checks, positions and messages as :func:`read_yaml`.

    Returns (as the generator's value) the document: for a top-level list, a
    :class:`YList` with its position and none of its items (they were yielded);
    ``None`` for an empty file, or when the file cannot be read or parsed (with a
    problem recorded; items yielded before a syntax error stand). ``limits``
    default to :meth:`Limits.from_env`.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "list.yaml"
    >>> _ = path.write_text("- id: a\\n- id: b\\n", encoding="utf-8")
    >>> reader = read_items(path, [])
    >>> [(dict(item), pos) for item, pos in reader]
    [({'id': 'a'}, (1, 3)), ({'id': 'b'}, (2, 3))]
    """
    limits = limits if limits is not None else Limits.from_env()
    source: str | bytes
    if text is None:
        data = b""
        try:
            data = read_capped(path, limits.max_data_bytes, setting="max_data_bytes")
            data.decode("utf-8")  # checked here, so the parser reads the bytes as they are
        except UnicodeDecodeError as exc:
            line, column, what = bad_utf8(data, exc)
            problems.append(Problem(path, line, column, what, "save the file as UTF-8"))
            return None
        except KGError as exc:
            problems.append(Problem(path, 0, 0, str(exc)))
            return None
        source = data  # UTF-8 bytes: the C parser reads them without a copy
        del data
    else:
        source = text
    document: Any = None
    try:
        parser = _Parser(source)
        del source
        try:
            get = parser.get_event
            builder = _Builder(path, problems, limits, get)
            documents = 0
            while (event := get()) is not None:
                if type(event) is yaml.DocumentStartEvent:
                    documents += 1
                    start = _pos(event)
                    first = get()
                    if (
                        documents == 1
                        and type(first) is yaml.SequenceStartEvent
                        and limits.max_depth > 0
                    ):
                        document = yield from builder.items(first)
                    else:
                        body = builder.node(first)
                        if documents == 1:
                            document = body
                    get()  # DocumentEndEvent
                    if documents == 2:
                        builder.problem(
                            start,
                            "a second YAML document ('---') in one file",
                            "put every record in one list, or split the file in two",
                        )
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problems.append(
            Problem(
                path,
                line,
                column,
                f"invalid YAML: {exc.problem or exc.context}",
                "check indentation, colons and quotes near this place",
            )
        )
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(path, 0, 0, f"invalid YAML: {exc}", "check the file's syntax"))
        return None
    return document
