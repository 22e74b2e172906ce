"""What the benchmarks share: a report-shaped synthetic graph and a fair timer.

Run the benchmarks as scripts (``python benchmarks/bench_core.py``); they import
this module from their own folder.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable

import graph
from graph import Entity, EntityType, Evidence, Relation, RelationType, Source, Status

__all__ = ["best_of", "synthetic"]

_SENTENCES = [f"第{i}家企业与第{i + 1}所高校签订了合作协议。" for i in range(50)]
_TEXT = "".join(_SENTENCES)


def synthetic(n: int, seed: int = 1) -> graph.KnowledgeGraph:
    """About ``n`` entities and ``1.6 n`` relations, each with a quote in its sentence."""
    rng = random.Random(seed)
    quotes = [s[:-1] for s in _SENTENCES]
    source = Source("s", "合成报告", "Synthetic report", "zh-Hans", _TEXT)

    def ev() -> tuple[Evidence, ...]:
        return (Evidence("s", rng.choice(quotes)),)

    hubs = max(1, n // 10)
    kinds = [EntityType.ENTERPRISE, EntityType.UNIVERSITY, EntityType.RESEARCH_INSTITUTE]
    entities = [
        Entity(f"e{i}", kinds[i % 3], f"机构{i}", f"Organisation {i}", (f"别名{i}",), evidence=ev())
        for i in range(n - hubs)
    ]
    entities += [
        Entity(
            f"h{j}",
            EntityType.COOPERATION if j % 5 == 0 else EntityType.PROJECT,
            f"项目{j}",
            f"Project {j}",
            status=Status.SIGNED,
            evidence=ev(),
        )
        for j in range(hubs)
    ]
    relations = [
        Relation(
            f"p{i}",
            f"e{i}",
            f"h{i % hubs}",
            RelationType.PARTICIPATES_IN,
            Status.CARRIED_OUT,
            attributes={"collective": True, "role": "member"} if (i % hubs) % 5 == 0 else {},
            evidence=ev(),
        )
        for i in range(n - hubs)
    ]
    statuses = list(Status)
    for k in range(int(0.6 * n)):
        a, b = rng.randrange(n - hubs), rng.randrange(n - hubs)
        if a != b:
            relations.append(
                Relation(
                    f"x{k}",
                    f"e{a}",
                    f"e{b}",
                    RelationType.SIGNED_AGREEMENT,
                    statuses[k % len(statuses)],
                    evidence=ev(),
                )
            )
    return graph.KnowledgeGraph(entities, relations, [source])


def best_of(func: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds, with the garbage collector off."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best
