"""Benchmark: quote checking is linear (issue 17, finding 9).

Writes a data folder whose one source is ``MB`` megabytes of Chinese text and whose
one entity quotes it ``QUOTES`` times (distinct quotes taken from all over the text,
and a few that are missing), then times ``kg validate`` (``graph.load(cache=False)``)
against a baseline in the same run: the same folder with one quote. The target: 2,000
quotes against a 60 MB source validate in under 10 s, and the 2,000-quote load costs
little more than the one-quote load (both are dominated by reading and normalising
the source). It also times the hostile case of nested quotes ("a", "aa", ...).

    .venv/bin/python benchmarks/bench_quotes.py [MB] [QUOTES]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

import graph
from graph._quotes import find_quotes

#: 3,000 common Chinese characters (a report's text has about as many distinct ones)
_HAN = [chr(0x4E00 + i) for i in range(3000)]


def _folder(root: Path, text: str, quotes: list[str]) -> None:
    for sub in ("sources", "entities", "relations"):
        (root / sub).mkdir(parents=True)
    (root / "sources" / "big.txt").write_text(text, encoding="utf-8")
    source = {"id": "big", "title": "t", "title_en": "t", "language": "zh-Hans"}
    (root / "sources" / "sources.yaml").write_text(
        yaml.safe_dump([{**source, "text": "big.txt"}], allow_unicode=True), encoding="utf-8"
    )
    entity = {
        "id": "e",
        "type": "university",
        "name": "星河大学",
        "name_en": "Xinghe University",
        "evidence": [{"source": "big", "quote": q} for q in quotes],
    }
    (root / "entities" / "e.yaml").write_text(
        yaml.safe_dump([entity], allow_unicode=True), encoding="utf-8"
    )
    (root / "relations" / "r.yaml").write_text("[]\n", encoding="utf-8")


def _timed(root: Path) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        graph.load(root, cache=False)
        outcome = "clean"
    except graph.DataError as exc:
        outcome = f"{len(exc.problems)} problems"
    return time.perf_counter() - start, outcome


def main(mb: int = 60, n: int = 2000) -> None:
    rng = random.Random(0)
    chars = mb * 1_000_000 // 3  # three bytes of UTF-8 each
    text = "".join("".join(rng.choices(_HAN, k=9_999)) + "。\n" for _ in range(chars // 10_001))
    quotes: list[str] = []
    seen: set[str] = set()
    while len(quotes) < n - 3:
        i = rng.randrange(len(text) - 30)
        q = text[i : i + 20]
        if "\n" not in q and q not in seen:
            seen.add(q)
            quotes.append(q)
    quotes += ["不在原文里的一句话", "另一句不在原文的话", "第三句缺失的话"]
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one", Path(tmp) / "many"
        _folder(one, text, quotes[:1])
        _folder(many, text, quotes)
        base, base_outcome = _timed(one)
        t, outcome = _timed(many)
    print(f"source {len(text):,} characters ({mb} MB of UTF-8 asked)")
    print(f"{'quotes':>8} {'load s':>8} {'ratio':>6}  outcome")
    print(f"{1:8d} {base:8.2f} {1.0:6.2f}  {base_outcome}")
    print(f"{len(quotes):8d} {t:8.2f} {t / base:6.2f}  {outcome}")
    print(f"target: {len(quotes)} quotes in under 10 s: {'met' if t < 10 else 'NOT met'}")
    sample = quotes[:: max(1, len(quotes) // 50)]
    start = time.perf_counter()
    _ = [q in text for q in sample]  # the old check: one scan of the text per quote
    per = (time.perf_counter() - start) / len(sample)
    print(f"the old check (quote in text, per quote): {per:.3f} s, about {per * len(quotes):.0f} s")
    hostile = "a" * 10_000_000
    nested = ["a" * i for i in range(1, 2001)]
    start = time.perf_counter()
    find_quotes(hostile, nested)
    print(
        f"hostile: 2,000 nested quotes ('a', 'aa', ...) in 10 M 'a': "
        f"{time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
