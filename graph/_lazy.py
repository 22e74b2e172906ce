"""The mappings a graph's storage is made of: records restored from the warm-load
cache, each made the first time it is asked for, and which relations touch each entity.

A warm load (``graph._cache``) reads the records column by column from one JSON
file. Turning 300,000 rows into :class:`Relation` objects would take longer
than reading them, and most uses (``kg show``, ``partners``, ``path``) need a
few dozen. So the graph keeps the columns, and these mappings make each record
on first access, then keep it; iterating over all values makes the rest, in
data order. Keys, ``len`` and ``in`` never make a record.

:class:`Incident` and :class:`OtherEnds` answer, for every graph (a warm load, a
checked load, a graph built from records), which relations touch an entity and
their other ends, from one :class:`Adjacency`.

The columns come from a cache file whose checksum matched, so a value that
cannot be turned into its record means the file was edited by hand: that
raises a :class:`graph.ReadError` naming the file, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, ValuesView
from itertools import pairwise
from pathlib import Path
from typing import Any, Generic, TypeVar

from ._errors import ReadError

__all__ = ["Adjacency", "Incident", "LazyRecords", "OtherEnds"]

R = TypeVar("R")

#: What turning a damaged value into a record may raise.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)


class LazyRecords(Mapping[str, R]):
    """``id -> record`` over the columns of a table; made on first access and kept."""

    __slots__ = ("_done", "_ids", "_made", "_make", "_where", "index")

    def __init__(self, ids: list[str], make: Callable[[int], R], where: Path) -> None:
        self._ids = ids
        self.index: dict[str, int] = dict(zip(ids, range(len(ids)), strict=True))  # id -> position
        if len(self.index) != len(ids):
            raise ValueError("the same id twice")
        self._made: list[R | None] = [None] * len(ids)
        self._make = make
        self._where = where
        self._done: dict[str, R] | None = None

    def at(self, i: int) -> R:
        """The record in data position ``i``."""
        record = self._made[i]
        if record is None:
            try:
                record = self._make(i)
            except _DAMAGE as exc:
                raise ReadError(
                    f"the warm-load cache {self._where} is damaged ({type(exc).__name__} in "
                    f"the record {self._ids[i]!r}); delete that file and load again"
                ) from None
            self._made[i] = record
        return record

    def __getitem__(self, key: str) -> R:
        return self.at(self.index[key])  # KeyError for an unknown id, as a dict

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def values(self) -> ValuesView[R]:
        """Every record, in data order (made now when not made yet)."""
        if self._done is None:
            self._done = {key: self.at(i) for i, key in enumerate(self._ids)}
        return self._done.values()

    def __repr__(self) -> str:
        made = sum(r is not None for r in self._made)
        return f"<LazyRecords: {made} of {len(self._ids)} made>"


class Adjacency:
    """Which relations touch each entity.

    Made from the columns of a cache file: ``offsets[i]:offsets[i + 1]`` is the
    slice of ``positions`` (positions in the relation table) that belongs to entity
    ``i`` (compressed sparse rows), checked when made: offsets rise from 0 to
    ``len(positions)`` and every position is a relation's. Or made from records
    with :meth:`from_records`: then each entity's list of relations, built the
    first time it is used (a load that only checks the data, ``kg validate``,
    never needs it).
    """

    __slots__ = ("_pending", "entity_index", "groups", "offsets", "positions", "sources", "targets")

    def __init__(
        self,
        entity_index: Mapping[str, int],
        offsets: list[int],
        positions: list[int],
        sources: Sequence[str],
        targets: Sequence[str],
    ) -> None:
        if not set(map(type, offsets)) | set(map(type, positions)) <= {int}:
            raise TypeError("positions must be integers")
        if len(offsets) != len(entity_index) + 1 or offsets[0] != 0:
            raise ValueError("offsets of another length")
        if offsets[-1] != len(positions) or any(a > b for a, b in pairwise(offsets)):
            raise ValueError("offsets that do not rise")
        if positions and not (min(positions) >= 0 and max(positions) < len(sources)):
            raise ValueError("a position outside the relations")
        self._pending: tuple[Iterable[str], Mapping[str, Any]] | None = None
        self.entity_index = entity_index
        self.offsets = offsets
        self.positions = positions
        self.sources = sources
        self.targets = targets
        #: per entity (by index), the relations touching it, when made from records
        self.groups: list[list[Any]] | None = None

    @classmethod
    def from_records(cls, entity_ids: Iterable[str], relations: Mapping[str, Any]) -> Adjacency:
        """The adjacency of ``relations`` (records with ``source`` and ``target``, every
        end one of ``entity_ids``), in data order, built the first time it is used."""
        adjacency = cls.__new__(cls)
        adjacency._pending = (entity_ids, relations)
        return adjacency

    def _build(self, pending: tuple[Iterable[str], Mapping[str, Any]]) -> None:
        entity_ids, relations = pending
        index = {e: i for i, e in enumerate(entity_ids)}
        groups: list[list[Any]] = [[] for _ in index]
        for r in relations.values():
            groups[index[r.source]].append(r)
            if r.target != r.source:
                groups[index[r.target]].append(r)
        self.entity_index = index
        self.groups = groups
        self._pending = None

    def touching(self, key: str, at: Callable[[int], Any]) -> list[Any]:
        """The relations touching entity ``key``, in data order (KeyError when unknown);
        ``at`` makes the relation in a position of the columns."""
        if self._pending is not None:
            self._build(self._pending)
        i = self.entity_index[key]
        if self.groups is not None:
            return self.groups[i]
        return [at(j) for j in self.positions[self.offsets[i] : self.offsets[i + 1]]]

    def other_ends(self, key: str) -> list[str]:
        """The other end of each relation touching entity ``key``, in the same order."""
        if self._pending is not None:
            self._build(self._pending)
        i = self.entity_index[key]
        if self.groups is not None:
            return [r.target if r.source == key else r.source for r in self.groups[i]]
        sources, targets = self.sources, self.targets
        found = self.positions[self.offsets[i] : self.offsets[i + 1]]
        return [targets[j] if sources[j] == key else sources[j] for j in found]


def _no_columns(j: int) -> Any:
    raise IndexError(f"no relation table to read position {j} from")


class Incident(Mapping[str, list[R]], Generic[R]):
    """``entity id -> [relations touching it]``, in data order.

    ``keys`` are the entities (iterating never builds anything); ``at`` makes the
    relation in a position of the columns (``LazyRecords.at`` for a warm load, which
    makes each record on first use); an adjacency made from records needs none.
    """

    __slots__ = ("_adjacency", "_at", "_keys")

    def __init__(
        self,
        keys: Mapping[str, Any],
        adjacency: Adjacency,
        at: Callable[[int], R] = _no_columns,
    ) -> None:
        self._keys = keys
        self._adjacency = adjacency
        self._at = at

    def __getitem__(self, key: str) -> list[R]:
        found: list[R] = self._adjacency.touching(key, self._at)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class OtherEnds(Mapping[str, list[str]]):
    """``entity id -> [the other end of each relation touching it]``, no record made."""

    __slots__ = ("_adjacency", "_keys")

    def __init__(self, keys: Mapping[str, Any], adjacency: Adjacency) -> None:
        self._keys = keys
        self._adjacency = adjacency

    def __getitem__(self, key: str) -> list[str]:
        return self._adjacency.other_ends(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
