"""No text of the shared corpus is copied into the repository.

The reports in ``../shared/corpus/`` belong to their publishers: benchmarks read them at
run time, and the repository's code, tests, docs and data never hold a passage of them.
This test looks for any run of ten Chinese characters that a corpus text and a
repository file share, except the stock phrases of the genre listed below (which any
report of it may write). It needs the corpus, which is not part of the repository:
``KG_CORPUS`` names its folder when it is not beside the repository (without either,
the test is skipped, and says so).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: beside the repository, or where KG_CORPUS says (a clone elsewhere, as CI's)
CORPUS = Path(os.environ.get("KG_CORPUS") or REPO.parent / "shared" / "corpus")
N = 10
#: Formulas of the genre that reports write alike; a shared run inside one is no copy.
STOCK = (
    "签署战略合作框架协议",
    "希望以此次签约为契机",
    "更深层次开展务实合作",
    "加快推进项目前期工作",
    "加快建设先进制造业基地",
    "揭牌仪式暨合作",
)
_RUN = re.compile(r"[\u4e00-\u9fff]{10,}")  # N characters or more


def _grams(text: str) -> set[str]:
    return {
        run[i : i + N]
        for m in _RUN.finditer(text)
        for run in [m.group()]
        for i in range(len(run) - N + 1)
    }


def _files() -> list[Path]:
    out = []
    for folder in ("graph", "tests", "docs", "benchmarks", "data"):
        out += [
            p
            for p in (REPO / folder).rglob("*")
            if p.suffix in {".py", ".md", ".yaml", ".txt", ".js", ".html"}
        ]
    return [*out, REPO / "README.md"]


def test_no_corpus_passage_is_in_the_repository() -> None:
    texts = sorted(CORPUS.glob("doc_*.txt"))
    if not texts:
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    corpus = set().union(*(_grams(p.read_text(encoding="utf-8")) for p in texts))
    found = {}
    for path in _files():
        shared = {
            g
            for g in _grams(path.read_text(encoding="utf-8")) & corpus
            if not any(g in s or s in g for s in STOCK)
        }
        if shared:
            found[str(path.relative_to(REPO))] = sorted(shared)[:5]
    assert found == {}, "rewrite these with text of your own (fictional names): " + repr(found)
