"""The development corpus (benchmarks/dev_corpus): its gold is consistent with its texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import graph

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_corpus"
DOCS = sorted(CORPUS.glob("doc_*.txt"))
#: the gold annotator's vocabulary (the shared corpus README's)
ENTITY_TYPES = {
    "enterprise", "university", "college", "research_institute", "government_body",
    "development_zone", "park", "project", "event", "group", "programme", "platform",
    "association",
}  # fmt: skip
RELATION_TYPES = {
    "signed_agreement", "letter_of_intent", "negotiation", "cooperation", "invests_in",
    "builds_operates", "participates_in", "organises", "attends", "located_in",
    "establishes", "subsidiary_of", "supports", "works_on",
}  # fmt: skip


def test_there_are_twenty_documents() -> None:
    assert len(DOCS) == 20


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_gold_names_and_quotes_are_in_the_text(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    gold = yaml.safe_load(doc.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    names = set()
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES, entity
        for name in entity["names"]:
            assert name in text, name
            names.add(name)
    for rel in gold["relations"]:
        assert rel["type"] in RELATION_TYPES, rel
        assert rel["source"] in names and rel["target"] in names, rel
        assert rel["quote"] in text, rel["quote"]
        assert isinstance(rel["stated"], bool)


def test_the_gold_speaks_the_projects_relation_vocabulary() -> None:
    # every gold relation type is one the extractor can propose
    assert {str(t) for t in graph.RelationType} >= RELATION_TYPES
