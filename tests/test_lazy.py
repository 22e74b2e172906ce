"""Records made on first use (graph._lazy): a mapping that behaves as a dict of records."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph._lazy import Adjacency, Incident, LazyRecords, OtherEnds


def _records(made: list[int]) -> LazyRecords[str]:
    def make(i: int) -> str:
        made.append(i)
        if i == 3:
            raise TypeError("a damaged value")
        return f"record {i}"

    return LazyRecords[str](["a", "b", "c", "d"], make, Path("cache.json"))


def test_records_are_made_once_on_first_use_and_keys_make_none() -> None:
    made: list[int] = []
    records = _records(made)
    assert list(records) == ["a", "b", "c", "d"] and len(records) == 4
    assert "b" in records and "x" not in records
    assert made == []
    assert records["b"] == "record 1" and records["b"] == "record 1"
    assert made == [1]
    assert records.get("x") is None
    with pytest.raises(KeyError):
        records["x"]


def test_a_damaged_value_is_a_kgerror_naming_the_cache_file() -> None:
    records = _records([])
    with pytest.raises(
        graph.KGError, match=r"cache\.json is damaged \(TypeError in the record 'd'\)"
    ):
        records["d"]
    with pytest.raises(graph.KGError):
        list(records.values())


def test_values_come_in_data_order_and_are_made_once() -> None:
    made: list[int] = []
    records = LazyRecords[int](["x", "y", "z"], lambda i: made.append(i) or i * 10, Path("c"))
    assert records["z"] == 20
    assert list(records.values()) == [0, 10, 20]
    assert list(records.values()) == [0, 10, 20]
    assert sorted(made) == [0, 1, 2]


def test_the_same_id_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        LazyRecords[int](["x", "x"], lambda i: i, Path("c"))


def test_adjacency_gives_relations_and_other_ends_in_data_order() -> None:
    # relations: r0 a-b, r1 b-c, r2 c-c (a loop); entity order a, b, c
    sources, targets = ["a", "b", "c"], ["b", "c", "c"]
    index = {"a": 0, "b": 1, "c": 2}
    adjacency = Adjacency(index, [0, 1, 3, 5], [0, 0, 1, 1, 2], sources, targets)
    relations = LazyRecords[str](["r0", "r1", "r2"], lambda i: f"r{i}", Path("c"))
    incident = Incident(index, adjacency, relations.at)
    ends = OtherEnds(index, adjacency)
    assert incident["b"] == ["r0", "r1"] and ends["b"] == ["a", "c"]
    assert incident["c"] == ["r1", "r2"] and ends["c"] == ["b", "c"]
    assert list(incident) == list(ends) == ["a", "b", "c"] and len(ends) == 3
    with pytest.raises(KeyError):
        ends["x"]


@pytest.mark.parametrize(
    ("offsets", "positions"),
    [
        ([0, 1, 2], [0, 0]),  # one offset short
        ([0, 2, 1, 3], [0, 0, 1]),  # offsets that fall
        ([0, 1, 2, 9], [0, 0, 1]),  # the last offset past the positions
        ([0, 1, 2, 3], [0, 0, 7]),  # a position past the relations
        ([0, 1, 2, 3], [0, 0, -1]),
        ([0, 1, 2, 3], [0, 0, "1"]),
        ([0, 1, 2, 3.0], [0, 0, 1]),
    ],
)
def test_adjacency_refuses_offsets_that_do_not_fit(offsets: list, positions: list) -> None:
    with pytest.raises((ValueError, TypeError)):
        Adjacency({"a": 0, "b": 1, "c": 2}, offsets, positions, ["a", "b"], ["b", "c"])


class _Rel:
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target


def test_an_adjacency_of_records_answers_as_one_of_columns_and_is_built_on_first_use() -> None:
    """One pair of mappings for every graph: records in memory (a checked load, a graph
    built from records) give what the cache's columns give, and nothing is built until
    a question is asked (``kg validate`` never asks)."""
    records = {"r0": _Rel("a", "b"), "r1": _Rel("b", "c"), "r2": _Rel("c", "c")}
    seen: list[str] = []

    class Watched(dict[str, _Rel]):
        def values(self):  # type: ignore[override]
            seen.append("values")
            return super().values()

    keys = {"a": 0, "b": 1, "c": 2}
    adjacency = Adjacency.from_records(keys, Watched(records))
    incident, ends = Incident(keys, adjacency), OtherEnds(keys, adjacency)
    assert list(incident) == ["a", "b", "c"] and len(ends) == 3 and seen == []
    assert [(r.source, r.target) for r in incident["b"]] == [("a", "b"), ("b", "c")]
    assert ends["b"] == ["a", "c"] and ends["c"] == ["b", "c"] and seen == ["values"]
    columns = Adjacency(keys, [0, 1, 3, 5], [0, 0, 1, 1, 2], ["a", "b", "c"], ["b", "c", "c"])
    for key in keys:
        assert OtherEnds(keys, columns)[key] == ends[key]
        made = Incident(keys, columns, lambda j: list(records.values())[j])[key]
        assert made == incident[key]
    with pytest.raises(KeyError):
        incident["x"]
