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

import sys

from _synthetic import best_of, synthetic

from graph._html import generate_html
from graph._layout import radial_layout


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
