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

The cache is data, never code: one line of JSON (the records as lists of
their fields, and the name index) between a header line (format, key, field
names) and a trailer line (the SHA-256 of the JSON), read with
:func:`json.loads`. A cache file that is unreadable, truncated, damaged (its
checksum does not match), from another version or otherwise wrong is ignored
and rewritten, silently. Writes are atomic; a cache folder that cannot be
written only costs the speed-up.

A warm load reads the JSON, indexes the rows by id and joins each entity to its
relations; the :class:`Entity` and :class:`Relation` records themselves are made
from their rows on first use (``graph._lazy``), so a query that needs a few
records never waits for 300,000.

Where: ``$KG_CACHE_DIR`` when set; else ``$XDG_CACHE_HOME/kg-regional-cooperation``;
else ``~/.cache/kg-regional-cooperation``. Delete the folder at any time.
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
import os
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from ._atomic import atomic_open
from ._errors import KGError
from ._kg import KnowledgeGraph
from ._lazy import LazyIncident, LazyRecords
from ._limits import Limits
from ._progress import reading
from ._records import Entity, Evidence, Relation, Source, freeze, thaw

__all__ = ["CACHE_FORMAT", "bypassed", "cache_dir", "cache_key", "cache_path", "cached_load"]

#: Bump when the layout of a cache file changes.
CACHE_FORMAT = 3

_APP = "kg-regional-cooperation"
_EMPTY = freeze({})
_CHUNK = 1 << 20
_BATCH = 5000  # records per json.dumps when writing


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


def _data_files(root: Path, limits: Limits) -> list[Path] | None:
    """Every file the loader may read, in a stable order; None when the cache should stand aside.

    Only regular files that stay inside ``root`` (links included) and within the
    size :class:`Limits` are listed: the loader refuses the others, so a folder
    that has them never loads cleanly and is never cached, and they are never
    read here. A folder of more than :data:`MAX_FILES` files is not hashed at all.
    """
    inside = root.resolve()
    found: list[Path] = []
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
        except (OSError, RuntimeError):
            continue
    return sorted(found)


def cache_key(root: Path, limits: Limits) -> str | None:
    """The key of ``root``'s cache entry: content of its files, code version, limits.

    None when the folder is too large to hash (see :func:`_data_files`).
    """
    files = _data_files(root, limits)
    if files is None:
        return None
    h = hashlib.sha256()  # in hardware on most CPUs: twice BLAKE2's speed here
    h.update(code_version().encode())
    h.update(repr(dataclasses.astuple(limits)).encode())
    for path in files:
        h.update(b"\0" + str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                h.update(chunk)
    return h.hexdigest()


# -- records <-> JSON ----------------------------------------------------------------------

Decode = Callable[[Any], Any]


def _decoder(name: str, hint: Any) -> Decode:
    """How to turn the JSON value of a record field back into the field's type.

    Wrong shapes raise (``KeyError``, ``TypeError``, ``ValueError``), which
    makes the whole cache entry count as damaged.
    """
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint._value2member_map_.__getitem__  # KeyError for an unknown value
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        decode = _decoder(name, inner)
        return lambda v: None if v is None else decode(v)
    if hint is str:
        return _text
    if origin is tuple and args[0] is str:
        return _texts
    if origin is tuple and args[0] is Evidence:
        return lambda v: tuple(itertools.starmap(Evidence, v))
    if origin is Mapping or hint is Mapping:
        return lambda v: _EMPTY if v == {} else freeze(_mapping(v))
    raise TypeError(f"the cache cannot store field {name!r} of type {hint!r}")  # pragma: no cover


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str for v in value):
        raise TypeError("expected a list of texts")
    return tuple(value)


def _mapping(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise TypeError(f"expected a mapping, got {type(value).__name__}")
    return value


def _encoder(name: str, hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple and args[0] is Evidence:
        return lambda v: [[e.source, e.quote] for e in v]
    if origin is Mapping or hint is Mapping:
        return thaw
    if origin is tuple:
        return list
    return lambda v: v if v is None else (str(v) if isinstance(v, enum.Enum) else v)


class _Codec:
    """Encode and decode one record class as a JSON list of its fields, in order.

    Text fields come back as they are; enumerations, mappings, tuples and
    evidence are converted, and a value of the wrong shape raises.
    """

    def __init__(self, cls: type[Any]) -> None:
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.names = [f.name for f in dataclasses.fields(cls)]
        self.encoders = [_encoder(n, hints[n]) for n in self.names]
        self.convert = [
            (i, _decoder(n, hints[n]))
            for i, n in enumerate(self.names)
            if hints[n] is not str and hints[n] != (str | None)
        ]
        self.width = len(self.names)

    def encode(self, record: Any) -> list[Any]:
        return [enc(getattr(record, n)) for n, enc in zip(self.names, self.encoders, strict=True)]

    def decode(self, row: Any) -> Any:
        """The record of one row (changed in place); a row of the wrong shape raises."""
        if type(row) is not list or len(row) != self.width:
            raise ValueError("a record of another shape")
        for i, decode in self.convert:
            row[i] = decode(row[i])
        return self.cls(*row)


_CODECS = {"entities": _Codec(Entity), "relations": _Codec(Relation), "sources": _Codec(Source)}


def _header(key: str) -> bytes:
    fields = {name: codec.names for name, codec in _CODECS.items()}
    return json.dumps({"format": CACHE_FORMAT, "key": key, "fields": fields}).encode() + b"\n"


def _read(path: Path, key: str) -> KnowledgeGraph | None:
    """The cached graph, or None when the file is missing, stale or damaged."""
    try:
        with path.open("rb") as handle:
            if handle.readline() != _header(key):
                return None
            data = handle.read()
        body, newline, checksum = data[:-1].rpartition(b"\n")
        if not newline or data[-1:] != b"\n":
            return None
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            return None
        return _restore(path, json.loads(body))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, KGError):
        return None


def _restore(path: Path, body: Any) -> KnowledgeGraph | None:
    """The graph of a cache file's JSON: rows indexed by id, each entity joined to its
    relations; records made on first use. None when the rows do not fit together."""
    entities, relations, sources = _CODECS["entities"], _CODECS["relations"], _CODECS["sources"]
    entity_rows: dict[str, Any] = {row[0]: row for row in body["entities"]}
    relation_rows: dict[str, Any] = {row[0]: row for row in body["relations"]}
    if len(entity_rows) != len(body["entities"]) or len(relation_rows) != len(body["relations"]):
        return None
    ids: dict[str, list[str]] = {e: [] for e in entity_rows}
    ends: dict[str, list[str]] = {e: [] for e in entity_rows}
    for rid, row in relation_rows.items():
        s, t = row[1], row[2]
        ids[s].append(rid)  # KeyError: a relation to an entity the cache lacks
        ends[s].append(t)
        if t != s:
            ids[t].append(rid)
            ends[t].append(s)
    names = body["names"]
    if type(names) is not dict or not set(names.values()) <= entity_rows.keys():
        return None
    entity_records = LazyRecords[Entity](entity_rows, entities.decode, path)
    relation_records = LazyRecords[Relation](relation_rows, relations.decode, path)
    return KnowledgeGraph._restore(
        entity_records,
        relation_records,
        [sources.decode(row) for row in body["sources"]],
        names,
        LazyIncident(ids, relation_records),
        ends,
    )


def _write(path: Path, key: str, kg: KnowledgeGraph) -> None:
    """Write the cache file, a few thousand records at a time (bounded memory)."""
    parts = {"entities": list(kg), "relations": kg.relations(), "sources": kg.sources()}
    checksum = hashlib.sha256()

    with contextlib.suppress(KGError, OSError), atomic_open(path, "wb") as handle:

        def write(chunk: bytes) -> None:
            checksum.update(chunk)
            handle.write(chunk)

        handle.write(_header(key))
        for k, (name, records) in enumerate(parts.items()):
            write(f'{"," if k else "{"}"{name}":['.encode())
            encode = _CODECS[name].encode
            for start in range(0, len(records), _BATCH):
                rows = [encode(r) for r in records[start : start + _BATCH]]
                text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))[1:-1]
                write(("," if start else "").encode() + text.encode("utf-8"))
            write(b"]")
        names = json.dumps(kg._name_keys(), ensure_ascii=False, separators=(",", ":"))
        write(b',"names":' + names.encode("utf-8") + b"}")
        handle.write(b"\n" + checksum.hexdigest().encode() + b"\n")


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
    path = cache_path(root)
    kg = _read(path, key)
    if kg is not None:
        return kg
    with reading(root):
        kg = build()
    _write(path, key, kg)
    return kg
