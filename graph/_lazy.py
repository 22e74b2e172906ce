"""Records restored from the warm-load cache, each made the first time it is asked for.

A warm load (``graph._cache``) reads the records column by column from one JSON
file. Turning 300,000 rows into :class:`Relation` objects would take longer
than reading them, and most uses (``kg show``, ``partners``, ``path``) need a
few dozen. So the graph keeps the columns, and these mappings make each record
on first access, then keep it; iterating over all values makes the rest, in
data order. Keys, ``len`` and ``in`` never make a record.

The columns come from a cache file whose checksum matched, so a value that
cannot be turned into its record means the file was edited by hand: that
raises a :class:`graph.KGError` naming the file, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence, ValuesView
from itertools import pairwise
from pathlib import Path
from typing import Generic, TypeVar

from ._errors import KGError

__all__ = ["Adjacency", "LazyIncident", "LazyRecords", "OtherEnds"]

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
                raise KGError(
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
    """Which relations touch each entity, as positions in the relation table.

    ``offsets[i]:offsets[i + 1]`` is the slice of ``positions`` that belongs to
    entity ``i`` (compressed sparse rows). Checked when made: offsets rise from
    0 to ``len(positions)`` and every position is a relation's.
    """

    __slots__ = ("entity_index", "offsets", "positions", "sources", "targets")

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
        self.entity_index = entity_index
        self.offsets = offsets
        self.positions = positions
        self.sources = sources
        self.targets = targets

    def of(self, key: str) -> list[int]:
        i = self.entity_index[key]
        return self.positions[self.offsets[i] : self.offsets[i + 1]]


class LazyIncident(Mapping[str, list[R]], Generic[R]):
    """``entity id -> [relations touching it]``, in data order, made on access."""

    __slots__ = ("_adjacency", "_records")

    def __init__(self, adjacency: Adjacency, records: LazyRecords[R]) -> None:
        self._adjacency = adjacency
        self._records = records

    def __getitem__(self, key: str) -> list[R]:
        at = self._records.at
        return [at(j) for j in self._adjacency.of(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._adjacency.entity_index)

    def __len__(self) -> int:
        return len(self._adjacency.entity_index)


class OtherEnds(Mapping[str, list[str]]):
    """``entity id -> [the other end of each relation touching it]``, no record made."""

    __slots__ = ("_adjacency",)

    def __init__(self, adjacency: Adjacency) -> None:
        self._adjacency = adjacency

    def __getitem__(self, key: str) -> list[str]:
        a = self._adjacency
        sources, targets = a.sources, a.targets
        return [targets[j] if sources[j] == key else sources[j] for j in a.of(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._adjacency.entity_index)

    def __len__(self) -> int:
        return len(self._adjacency.entity_index)
