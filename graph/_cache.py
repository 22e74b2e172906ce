"""A warm-load cache: a data folder that has not changed loads from one JSON file.

:func:`graph.load` checks every file of a data folder and builds its records;
on a large folder that takes most of a minute. After a clean load the records
are written, as plain JSON, to one file per data folder under the user's cache
folder. The next load of the same folder, in any process, reads them back when
the cache's key matches; otherwise it loads in full and rewrites the cache.

The key is a SHA-256 hash of

- the name, size and content of every file the loader reads (``sources/`` and
  everything in it, ``entities/*.yaml``, ``relations/*.yaml``),
- the code version (the content of every top-level module of the ``graph``
  package and the cache format number), and
- the :class:`graph.Limits` in force,

so any change to data, sources, code or limits means a full load. Only clean
loads are cached: a folder with problems is checked (and reported) every time.

The cache is data, never code: a header line (format, key, field names, and
the SHA-256 of the rest) and one line of JSON (every table column by column,
the name index, and which relations touch each entity), read with
:func:`json.loads`. A cache file that is unreadable, truncated, damaged (its
checksum does not match), from another version or otherwise wrong is ignored
and rewritten, silently. Writes are atomic; a cache folder that cannot be
written only costs the speed-up.

A warm load reads the JSON and indexes the ids; the :class:`Entity` and
:class:`Relation` records themselves are made from their columns on first use
(``graph._lazy``), so a query that needs a few
records never waits for 300,000.

Where: ``$KG_CACHE_DIR`` when set; else ``$XDG_CACHE_HOME/kg-regional-cooperation``;
else ``~/.cache/kg-regional-cooperation``. Delete the folder at any time.

The cache folder is private, as ssh wants its keys: it is created with mode 0700,
and a folder (or cache file) that belongs to another user or that others may write
is never used: anyone who can write a cache file could change the answers a load
gives (its checksum only detects damage). Loads then check everything, and say so
once on stderr.
``graph.load(path, cache=False)`` and ``kg validate`` never use it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import gc
import hashlib
import importlib.metadata
import itertools
import json
import operator
import os
import stat
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from ._atomic import atomic_open
from ._errors import KGError
from ._kg import KnowledgeGraph, Storage, graph_of, storage_of
from ._lazy import Adjacency, Incident, LazyRecords, OtherEnds
from ._limits import Limits
from ._names import NameIndex
from ._progress import reading
from ._records import Entity, Evidence, Relation, Source, freeze, thaw

__all__ = ["CACHE_FORMAT", "bypassed", "cache_dir", "cache_key", "cache_path", "cached_load"]

#: Bump when the layout of a cache file changes.
CACHE_FORMAT = 4

_APP = "kg-regional-cooperation"
_EMPTY = freeze({})
_CHUNK = 1 << 20
_BATCH = 5000  # values per json.dumps when writing


_P = ParamSpec("_P")
_R = TypeVar("_R")


def paused_gc(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with Python's cyclic garbage collector paused (decorator).

    A load makes millions of small objects that all live on; the collector
    would walk them again and again as they pile up (a third of a cold load's
    time at 10,000 entities). Objects are still freed by reference counting
    meanwhile, and the collector runs again as soon as ``func`` returns.
    """

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


def cache_dir() -> Path:
    """The folder that holds the cache files (see the module docstring)."""
    explicit = os.environ.get("KG_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / _APP


_WARNED: set[str] = set()


def _refuse(folder: Path, why: str) -> None:
    if str(folder) not in _WARNED:
        _WARNED.add(str(folder))
        sys.stderr.write(
            f"kg: not using the cache folder {folder}: {why}; fix it (chmod 700, or set "
            "KG_CACHE_DIR to a private folder) to get warm loads back\n"
        )


def _private(info: os.stat_result) -> bool:
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return info.st_uid == owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_cache_dir() -> Path | None:
    """The cache folder, created 0700 when missing; None when it is not private."""
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None  # no cache folder: only the speed-up is lost
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(folder)
        except OSError:
            return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    if not _private(info):
        _refuse(folder, "it belongs to another user or others may write to it")
        return None
    return folder


def cache_path(root: Path) -> Path:
    """The cache file of the data folder ``root``: one per folder, named by its path."""
    where = str(root.resolve()).encode("utf-8", "surrogateescape")
    return cache_dir() / f"load-{hashlib.blake2b(where, digest_size=16).hexdigest()}.json"


@cache
def code_version() -> str:
    """A hash of :data:`CACHE_FORMAT`, the OpenCC version and every top-level module of ``graph``.

    Those hold the loader, the YAML reader, the records and the checks, so any
    change to how records are made invalidates the cache. (Subpackages, such as
    the exporters and ingestion, never make the records a load returns.)
    """
    h = hashlib.blake2b(f"format {CACHE_FORMAT}".encode(), digest_size=16)
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):  # name keys use OpenCC
        h.update(f"opencc {importlib.metadata.version('opencc')}".encode())
    package = Path(__file__).resolve().parent
    for module in sorted(package.glob("*.py")):
        h.update(module.name.encode() + b"\0")
        h.update(module.read_bytes())
    return h.hexdigest()


#: At most this many files are hashed for a key; a folder with more loads without the cache.
MAX_FILES = 100_000


def _data_files(root: Path, limits: Limits, refused: list[Path] | None = None) -> list[Path] | None:
    """Every file the loader may read, in a stable order; None when the cache should stand aside.

    Only regular files that stay inside ``root`` (links included) and within the
    size :class:`Limits` are listed: the loader refuses the others, so a folder
    that has them never loads cleanly and is never cached, and they are never
    read here (they are appended to ``refused``). A folder of more than
    :data:`MAX_FILES` files is not hashed at all.
    """
    inside = root.resolve()
    found: list[Path] = []
    refused = refused if refused is not None else []
    sources = root / "sources"
    candidates: list[tuple[Path, int]] = []
    if sources.is_dir():
        for p in sources.rglob("*"):
            candidates.append((p, limits.max_source_bytes))
            if len(candidates) > MAX_FILES:
                return None
    for folder in ("entities", "relations"):
        here = root / folder
        if here.is_dir():
            candidates += [
                (p, limits.max_data_bytes) for p in here.iterdir() if p.suffix in (".yaml", ".yml")
            ]
    if len(candidates) > MAX_FILES:
        return None
    for path, cap in candidates:
        try:
            if (
                path.is_file()
                and path.resolve().is_relative_to(inside)
                and path.stat().st_size <= cap
            ):
                found.append(path)
                continue
        except (OSError, RuntimeError):
            pass
        refused.append(path)
    return sorted(found)


def cache_key(root: Path, limits: Limits) -> str | None:
    """The key of ``root``'s cache entry: content of its files, code version, limits.

    None when the folder is too large to hash (see :func:`_data_files`). A file the
    loader would refuse (too large, not a regular file, a link out) is never read,
    but its name and size are part of the key: adding one means a full load, which
    reports it.
    """
    refused: list[Path] = []
    files = _data_files(root, limits, refused)
    if files is None:
        return None
    h = hashlib.sha256()  # in hardware on most CPUs: twice BLAKE2's speed here
    h.update(code_version().encode())
    h.update(repr(dataclasses.astuple(limits)).encode())
    for path in sorted(refused):
        try:
            size = os.lstat(path).st_size
        except OSError:
            size = -1
        name = str(path.relative_to(root)).encode("utf-8", "surrogateescape")
        h.update(b"\0refused\0" + name + b"\0%d\0" % size)
    for path in files:
        h.update(b"\0" + str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                h.update(chunk)
    return h.hexdigest()


# -- records <-> JSON ----------------------------------------------------------------------
#
# A table (entities, relations, sources) is stored column by column: one JSON list per
# field, in the order of the record's fields. A tuple field (aliases, processing,
# evidence) is a column of counts and one flat list of its items (evidence as source,
# quote, source, quote, ...). Few large lists parse faster than one small list per
# record, and leave almost nothing for the garbage collector to walk.

#: How each field is stored: as it is, an enumeration's value, a mapping, or a tuple.
_PLAIN, _ENUM, _OPTIONAL_ENUM, _MAPPING, _TEXTS, _EVIDENCE = range(6)


def _kind(name: str, hint: Any) -> tuple[int, Any]:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _ENUM, {m.value: m for m in hint}
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        if inner is str:
            return _PLAIN, (str, type(None))
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            return _OPTIONAL_ENUM, {m.value: m for m in inner}
    if hint is str:
        return _PLAIN, (str,)
    if origin is tuple and args[0] is str:
        return _TEXTS, 1
    if origin is tuple and args[0] is Evidence:
        return _EVIDENCE, 2
    if origin is Mapping or hint is Mapping:
        return _MAPPING, None
    raise TypeError(f"the cache cannot store field {name!r} of type {hint!r}")  # pragma: no cover


def _mapping(value: Any) -> Mapping[str, Any]:
    if type(value) is not dict:
        raise TypeError(f"expected a mapping, got {type(value).__name__}")
    frozen: Mapping[str, Any] = _EMPTY if not value else freeze(value)
    return frozen


class _Table:
    """Write one record class column by column, and make records from the columns."""

    def __init__(self, cls: type[Any]) -> None:
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.names = [f.name for f in dataclasses.fields(cls)]
        self.kinds = [_kind(n, hints[n]) for n in self.names]

    def write(self, records: Sequence[Any], write: Callable[[bytes], None]) -> None:
        """``{"columns": [...], "items": [...]}`` of ``records``, a batch at a time."""

        def values(column: Iterable[Any]) -> None:
            stream, sep = iter(column), b""
            while batch := list(itertools.islice(stream, _BATCH)):
                text = json.dumps(batch, ensure_ascii=False, separators=(",", ":"))
                write(sep + text[1:-1].encode("utf-8"))
                sep = b","

        write(b'{"columns":[')
        items: list[Iterable[Any]] = []
        for k, (name, (kind, _)) in enumerate(zip(self.names, self.kinds, strict=True)):
            write(b"," if k else b"")
            write(b"[")
            column = (getattr(r, name) for r in records)
            if kind in (_ENUM, _OPTIONAL_ENUM):
                values(None if v is None else v.value for v in column)
            elif kind == _MAPPING:
                values(thaw(v) for v in column)
            elif kind in (_TEXTS, _EVIDENCE):
                values(len(v) for v in column)
                flat = map(operator.attrgetter(name), records)  # bound now: read later
                if kind == _TEXTS:
                    items.append(itertools.chain.from_iterable(flat))
                else:
                    items.append(x for v in flat for e in v for x in (e.source, e.quote))
            else:
                values(column)
            write(b"]")
        write(b'],"items":[')
        for k, flat_items in enumerate(items):
            write(b",[" if k else b"[")
            values(flat_items)
            write(b"]")
        write(b"]}")

    def reader(self, table: Any) -> tuple[list[str], Callable[[int], Any]]:
        """The ids column of a table read back, and a function making record ``i``.

        Shapes are checked here (columns of one length, texts where texts belong,
        counts that add up); enumeration values and mappings when a record is made.
        """
        columns, items = table["columns"], table["items"]
        if type(columns) is not list or len(columns) != len(self.names):
            raise ValueError("another number of columns")
        size = len(columns[0])
        flat_items = iter(items)
        getters: list[Callable[[int], Any]] = []
        for column, (kind, extra) in zip(columns, self.kinds, strict=True):
            if type(column) is not list or len(column) != size:
                raise ValueError("columns of different lengths")
            if kind == _PLAIN:
                if not set(map(type, column)) <= set(extra):
                    raise TypeError("a value of the wrong type")
                getters.append(column.__getitem__)
            elif kind in (_ENUM, _OPTIONAL_ENUM, _MAPPING):
                getters.append(_converting(column, kind, extra))
            else:  # a tuple: counts, and the items
                getters.append(_slicing(column, next(flat_items), kind))
        cls = self.cls

        def make(i: int) -> Any:
            return cls(*[get(i) for get in getters])

        return columns[0], make


def _converting(column: list[Any], kind: int, members: Any) -> Callable[[int], Any]:
    """Value ``i`` of an enumeration or mapping column, converted."""
    if kind == _MAPPING:
        return lambda i: _mapping(column[i])
    if kind == _OPTIONAL_ENUM:
        return lambda i: None if column[i] is None else members[column[i]]
    return lambda i: members[column[i]]


def _slicing(counts: list[Any], flat: Any, kind: int) -> Callable[[int], Any]:
    """Value ``i`` of a tuple column: its slice of the flat items, as a tuple."""
    if not set(map(type, counts)) <= {int} or min(counts, default=0) < 0:
        raise TypeError("counts must be integers")
    if type(flat) is not list or not set(map(type, flat)) <= {str}:
        raise TypeError("items must be texts")
    starts = list(itertools.accumulate(counts, initial=0))
    if starts[-1] * (2 if kind == _EVIDENCE else 1) != len(flat):
        raise ValueError("counts that do not add up")
    if kind == _TEXTS:
        return lambda i: tuple(flat[starts[i] : starts[i + 1]])
    return lambda i: tuple(
        Evidence(flat[j], flat[j + 1]) for j in range(2 * starts[i], 2 * starts[i + 1], 2)
    )


_TABLES = {"entities": _Table(Entity), "relations": _Table(Relation), "sources": _Table(Source)}
_CHECKSUM = b"0" * 64  # the place of the body's SHA-256 in the header, until it is known


def _header(key: str, checksum: bytes = _CHECKSUM) -> bytes:
    """The first line of a cache file: format, key, fields, and the SHA-256 of the body."""
    fields = {name: table.names for name, table in _TABLES.items()}
    head = {"format": CACHE_FORMAT, "key": key, "fields": fields, "sha256": checksum.decode()}
    return json.dumps(head).encode() + b"\n"


def _checksum(line: bytes, key: str) -> bytes | None:
    """The body's SHA-256 that a header line gives, when the line is this key's header."""
    prefix, _, _ = _header(key).rpartition(_CHECKSUM)  # the last field of the header
    checksum = line[len(prefix) : len(prefix) + 64]
    return checksum if line == _header(key, checksum) else None


def _read(path: Path, key: str) -> KnowledgeGraph | None:
    """The cached graph, or None when the file is missing, stale or damaged."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None  # only a regular file of ours that no one else can write
            checksum = _checksum(handle.readline(), key)
            if checksum is None:
                return None
            body = handle.read()
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            return None
        return _restore(path, json.loads(body))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, KGError):
        return None


def _restore(path: Path, body: Any) -> KnowledgeGraph:
    """The graph of a cache file's JSON; records are made on first use (graph._lazy)."""
    entity_ids, make_entity = _TABLES["entities"].reader(body["entities"])
    relation_ids, make_relation = _TABLES["relations"].reader(body["relations"])
    source_ids, make_source = _TABLES["sources"].reader(body["sources"])
    entities = LazyRecords[Entity](entity_ids, make_entity, path)
    relations = LazyRecords[Relation](relation_ids, make_relation, path)
    columns = body["relations"]["columns"]  # id, source, target, ...: checked by the reader
    known = entities.index.keys()
    if not set(columns[1]).union(columns[2]) <= known:
        raise ValueError("a relation to an entity the cache lacks")
    offsets, positions = body["incident"]
    adjacency = Adjacency(entities.index, offsets, positions, columns[1], columns[2])
    names = body["names"]
    if type(names) is not dict or not set(names.values()) <= known:
        raise ValueError("a name index that names an unknown entity")
    sources = (make_source(i) for i in range(len(source_ids)))
    return graph_of(
        Storage(
            entities,
            relations,
            {s.id: s for s in sources},
            NameIndex(names),
            Incident(entities, adjacency, relations.at),
            OtherEnds(entities, adjacency),
        )
    )


def _write(path: Path, key: str, kg: KnowledgeGraph) -> None:
    """Write the cache file, a few thousand values at a time (bounded memory)."""
    storage = storage_of(kg)
    entities, relations = list(kg), kg.relations()
    position = {r.id: j for j, r in enumerate(relations)}
    parts: dict[str, Sequence[Any]] = {
        "entities": entities,
        "relations": relations,
        "sources": kg.sources(),
    }
    checksum = hashlib.sha256()

    with contextlib.suppress(KGError, OSError), atomic_open(path, "wb") as handle:

        def write(chunk: bytes) -> None:
            checksum.update(chunk)
            handle.write(chunk)

        handle.write(_header(key))
        for k, (name, records) in enumerate(parts.items()):
            write(f'{"," if k else "{"}"{name}":'.encode())
            _TABLES[name].write(records, write)
        names = json.dumps(dict(storage.names.ids()), ensure_ascii=False, separators=(",", ":"))
        write(b',"names":' + names.encode("utf-8"))
        offsets, positions = [0], []
        for e in entities:
            positions += [position[r.id] for r in storage.incident[e.id]]
            offsets.append(len(positions))
        write(b',"incident":' + json.dumps([offsets, positions], separators=(",", ":")).encode())
        write(b"}")
        handle.seek(0)
        handle.write(_header(key, checksum.hexdigest().encode()))


_BYPASSED: ContextVar[bool] = ContextVar("kg_cache_bypassed", default=False)


@contextlib.contextmanager
def bypassed() -> Iterator[None]:
    """Within this block every load checks everything (``kg validate`` uses it)."""
    token = _BYPASSED.set(True)
    try:
        yield
    finally:
        _BYPASSED.reset(token)


def cached_load(root: Path, limits: Limits, build: Callable[[], KnowledgeGraph]) -> KnowledgeGraph:
    """The graph of ``root`` from the cache when its key matches, else ``build()``, cached.

    ``build`` is the full, checking load; what it raises passes through, and
    nothing is cached then.
    """
    if _BYPASSED.get():
        with reading(root):
            return build()
    try:
        key = cache_key(root, limits)
    except OSError:  # an unreadable file: let the full load report it
        key = None
    if key is None:
        with reading(root):
            return build()
    if private_cache_dir() is None:
        with reading(root):
            return build()
    path = cache_path(root)
    kg = _read(path, key)
    if kg is not None:
        return kg
    with reading(root):
        kg = build()
    _write(path, key, kg)
    return kg
