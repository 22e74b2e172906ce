"""Time every export format on the bundled data and on a synthetic graph.

Run: ``.venv/bin/python benchmarks/bench_export.py [N]`` (N synthetic entities, default 5000).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import graph
from graph import Entity, EntityType, Evidence, KnowledgeGraph, Relation, RelationType, Status
from graph._export import EXPORT_FORMATS, export


def synthetic(n: int) -> KnowledgeGraph:
    types, rtypes, statuses = list(EntityType), list(RelationType), list(Status)
    entities = [
        Entity(
            f"e{i}",
            types[i % len(types)],
            f"实体{i}号，含“引号”",
            f"Entity {i}",
            aliases=(f"别名{i}",),
            attributes={"rank": i, "tags": ["甲", "乙"]},
            notes="line one\nline two",
            evidence=(Evidence("report", f"第{i}条证据"),),
        )
        for i in range(n)
    ]
    relations = [
        Relation(
            f"r{j}",
            f"e{j % n}",
            f"e{(j * 7 + 1) % n}",
            rtypes[j % len(rtypes)],
            statuses[j % len(statuses)],
            date="2015-09",
            evidence=(Evidence("report", f"关系{j}"),),
        )
        for j in range(2 * n)
    ]
    return KnowledgeGraph(entities, relations)


def bench(label: str, kg: KnowledgeGraph) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in EXPORT_FORMATS.items():
            path = Path(tmp) / (name if fmt.folder else f"graph{fmt.suffix}")
            start = time.perf_counter()
            export(kg, path, name)
            seconds = time.perf_counter() - start
            files = [p for p in ([path] if path.is_file() else path.iterdir())]
            size = sum(p.stat().st_size for p in files)
            print(f"{label:>12} {name:>8} {seconds * 1000:8.1f} ms {size / 1024:9.1f} KiB")


if __name__ == "__main__":
    bench("bundled", graph.load())
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    bench(f"{n} entities", synthetic(n))
