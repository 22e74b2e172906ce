"""Records restored from the warm-load cache, each made the first time it is asked for.

A warm load (``graph._cache``) reads the rows of every record from one JSON
file. Turning 300,000 rows into :class:`Relation` objects would take longer
than reading them, and most uses (``kg show``, ``partners``, ``path``) need a
few dozen. So the graph keeps the rows and these mappings make each record on
first access, then keep it; iterating over all values makes the rest, in data
order. Keys, ``len`` and ``in`` never make a record.

The rows come from a cache file whose checksum matched, so a row that cannot
be turned into its record means the file was edited by hand: that raises a
:class:`graph.KGError` naming the file, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, ValuesView
from pathlib import Path
from typing import Any, TypeVar

from ._errors import KGError

__all__ = ["LazyIncident", "LazyRecords"]

R = TypeVar("R")

#: What turning a damaged row into a record may raise.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)


class LazyRecords(Mapping[str, R]):
    """``id -> record`` over cache rows; a record is made on first access and kept."""

    __slots__ = ("_complete", "_made", "_make", "_rows", "_where")

    def __init__(self, rows: dict[str, Any], make: Callable[[Any], R], where: Path) -> None:
        self._rows: dict[str, Any] = rows
        self._made: dict[str, R] = {}
        self._make = make
        self._where = where
        self._complete = not rows

    def __getitem__(self, key: str) -> R:
        made = self._made.get(key)
        if made is not None:
            return made
        row = self._rows[key]  # KeyError for an unknown id, as a dict
        try:
            record = self._make(row)
        except _DAMAGE as exc:
            raise KGError(
                f"the warm-load cache {self._where} is damaged ({type(exc).__name__} in the "
                f"record {key!r}); delete that file and load again"
            ) from None
        self._made[key] = record
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def values(self) -> ValuesView[R]:
        """Every record, in data order (made now when not made yet)."""
        if not self._complete:
            self._made = {key: self[key] for key in self._rows}
            self._rows = self._made  # the rows are no longer needed
            self._complete = True
        return self._made.values()

    def __repr__(self) -> str:
        return f"<LazyRecords: {len(self._made)} of {len(self._rows)} made>"


class LazyIncident(Mapping[str, list[R]]):
    """``entity id -> [relations touching it]`` from relation ids, made on access."""

    __slots__ = ("_ids", "_records")

    def __init__(self, ids: dict[str, list[str]], records: Mapping[str, R]) -> None:
        self._ids = ids
        self._records = records

    def __getitem__(self, key: str) -> list[R]:
        records = self._records
        return [records[i] for i in self._ids[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._ids
