"""Benchmark: building a KnowledgeGraph and querying it must scale linearly.

Builds synthetic graphs of n, 2n and 4n entities in this process
(``_synthetic.synthetic``: enterprises and universities around projects and group
statements), and reports each size's time as a ratio against the smallest run. Linear growth shows
ratios near 2 and 4. No assertion: read the numbers.

    .venv/bin/python benchmarks/bench_core.py [N]
"""

from __future__ import annotations

import sys

from _synthetic import best_of, synthetic


def main(n: int = 2000) -> None:
    """Print build, lookup and partners times for n, 2n and 4n entities, with ratios."""
    rows = []
    for size in (n, 2 * n, 4 * n):
        kg = synthetic(size)
        people = [e.id for e in kg if e.id.startswith("e")]
        names = [kg.entity(i).name_en for i in people[::7]]
        build = best_of(lambda size=size: synthetic(size), 3)
        lookups = best_of(lambda kg=kg, names=names: [kg.entity(x) for x in names], 3)
        partners = best_of(lambda kg=kg, ids=people[::37]: [kg.partners(i) for i in ids], 3)
        rows.append((len(kg), build, lookups, partners))
    base = rows[0]
    header = ("entities", "build s", "ratio", "lookups s", "ratio", "partners s", "ratio")
    print("{:>9} {:>9} {:>6} {:>10} {:>6} {:>11} {:>6}".format(*header))
    for size, build, lookups, partners in rows:
        print(
            f"{size:9d} {build:9.3f} {build / base[1]:6.2f} {lookups:10.4f}"
            f" {lookups / base[2]:6.2f} {partners:11.4f} {partners / base[3]:6.2f}"
        )
    print("linear: each ratio close to the size factor (1, 2, 4); the number of lookups and")
    print("partners queries grows with n too, so constant-time queries also show 1, 2, 4")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
