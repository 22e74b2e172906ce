"""Time every export format on the bundled data and on a synthetic graph.

Run: ``.venv/bin/python benchmarks/bench_export.py [N]`` (N synthetic entities, default 2000).
Then times each format at N, 2N and 4N entities and prints ratios against N.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _synthetic import best_of, synthetic

import graph
from graph import KnowledgeGraph
from graph._export import EXPORT_FORMATS, export


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


def scaling(n: int) -> None:
    """Each format's export time for n, 2n and 4n entities, as ratios against n."""
    print(f"{'format':>8} " + " ".join(f"{f * n:>8} ratio" for f in (1, 2, 4)))
    graphs = [synthetic(f * n) for f in (1, 2, 4)]
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in EXPORT_FORMATS.items():
            path = Path(tmp) / (name if fmt.folder else f"graph{fmt.suffix}")
            times = [
                best_of(lambda kg=kg, path=path, name=name: export(kg, path, name), 2)
                for kg in graphs
            ]
            cells = " ".join(f"{t:8.3f} {t / times[0]:5.2f}" for t in times)
            print(f"{name:>8} {cells}")
    print("linear: ratios close to 1, 2, 4")


if __name__ == "__main__":
    bench("bundled", graph.load())
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    bench(f"{n} entities", synthetic(n))
    scaling(n)
