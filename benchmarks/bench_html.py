"""Benchmark: exporting the HTML explorer must take time linear in the graph.

Builds synthetic graphs of n, 2n, 4n, 8n and 16n entities in this process (a
report-like shape: enterprises and universities around projects and group
statements, plus random cross links), times :func:`graph._html.generate_html`
on each (best of a few runs), and reports every size's time as a ratio against
the smallest: linear growth shows ratios near 2, 4, 8, 16. It also times the
layout alone. No assertion: read the numbers.

For comparison, pyvis's ``Network.from_nx`` took 11.6 s for 8,000 nodes and 67 s
for 16,000 (its add_node/add_edge check membership in lists).

    .venv/bin/python benchmarks/bench_html.py [N]      # default N = 1000
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable

import graph
from graph import Entity, EntityType, Evidence, Relation, RelationType, Source, Status
from graph._html import generate_html
from graph._layout import radial_layout

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


def main(base: int = 1000) -> None:
    """Print export and layout times for sizes base, 2·base, … 16·base, with ratios."""
    generate_html(synthetic(10))  # warm up: read the templates and vis-network once
    head = ("entities", "relations", "export s", "ratio", "layout s", "ratio")
    print(" ".join(f"{h:>9}" if i != 3 and i != 5 else f"{h:>6}" for i, h in enumerate(head)))
    first: tuple[float, float] | None = None
    for factor in (1, 2, 4, 8, 16):
        kg = synthetic(base * factor)
        rels = kg.relations()
        ids = [e.id for e in kg]
        repeat = 3 if factor <= 4 else 2
        export = best_of(lambda kg=kg: generate_html(kg), repeat)
        layout = best_of(
            lambda ids=ids, rels=rels: radial_layout(ids, [(r.source, r.target) for r in rels]),
            repeat,
        )
        if first is None:
            first = (export, layout)
        print(
            f"{len(kg):>9} {len(rels):>9} {export:>9.3f} {export / first[0]:>6.2f}"
            f" {layout:>9.3f} {layout / first[1]:>6.2f}"
        )
    print("linear: each ratio close to the size factor (1, 2, 4, 8, 16)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
