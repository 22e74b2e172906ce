"""Benchmark: building a KnowledgeGraph and querying it must scale linearly.

Builds synthetic graphs of n, 2n and 4n entities (a hub-and-spoke shape like the
report: zones, enterprises, projects, group statements) in this process, and
reports each size's time as a ratio against the smallest run. Linear growth shows
ratios near 2 and 4. No assertion: read the numbers.

    .venv/bin/python benchmarks/bench_core.py [N]
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

import graph
from graph import Entity, EntityType, Evidence, Relation, RelationType, Status


def synthetic(n: int) -> graph.KnowledgeGraph:
    ev = (Evidence("s", "x"),)
    entities = [
        Entity(f"e{i}", EntityType.ENTERPRISE, f"企业{i}", f"Enterprise {i}", evidence=ev)
        for i in range(n)
    ]
    hubs = max(1, n // 10)
    entities += [
        Entity(f"p{j}", EntityType.PROJECT, f"项目{j}", f"Project {j}", evidence=ev)
        for j in range(hubs)
    ]
    relations = [
        Relation(
            f"r{i}",
            f"e{i}",
            f"p{i % hubs}",
            RelationType.PARTICIPATES_IN,
            Status.SIGNED,
            evidence=ev,
        )
        for i in range(n)
    ]
    relations += [
        Relation(f"c{i}", f"e{i}", f"e{(i + 1) % n}", RelationType.COOPERATION, Status.SIGNED)
        for i in range(n)
    ]
    return graph.KnowledgeGraph(entities, relations)


def timed(func: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` runs with the cyclic GC off, as ``timeit`` does."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def main(n: int = 2000) -> None:
    sizes = [n, 2 * n, 4 * n]
    rows = []
    for size in sizes:
        kg = synthetic(size)
        build = timed(lambda size=size: synthetic(size))
        lookups = timed(
            lambda kg=kg, size=size: [kg.entity(f"Enterprise {i}") for i in range(0, size, 7)]
        )
        partners = timed(
            lambda kg=kg, size=size: [kg.partners(f"e{i}") for i in range(0, size, 97)]
        )
        rows.append((size, build, lookups, partners))
    base = rows[0]
    header = ("entities", "build s", "ratio", "lookups s", "ratio", "partners s", "ratio")
    print("{:>9} {:>9} {:>6} {:>10} {:>6} {:>11} {:>6}".format(*header))
    for size, build, lookups, partners in rows:
        print(
            f"{size:9d} {build:9.3f} {build / base[1]:6.2f} {lookups:10.4f}"
            f" {lookups / base[2]:6.2f} {partners:11.4f} {partners / base[3]:6.2f}"
        )
    print("linear growth: ratios near 1, 2, 4 for build and lookups (their work grows with n)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
