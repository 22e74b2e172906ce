"""The public surface: a small, documented API in graph/__init__.py."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph


def test_all_is_exactly_the_public_names() -> None:
    public = {n for n in dir(graph) if not n.startswith("_")}
    modules = {m.name for m in pkgutil.iter_modules(graph.__path__)}
    assert set(graph.__all__) == public - modules
    assert all(m.startswith("_") for m in modules), "implementation modules are private"


def test_error_tree() -> None:
    for exc in (graph.DataError, graph.UnknownEntityError, graph.NoPathError, graph.ExportError):
        assert issubclass(exc, graph.KGError)
    assert issubclass(graph.UnknownEntityError, KeyError)


@pytest.mark.parametrize(
    ("lookup", "name"),
    [
        (lambda kg, name: kg.entity(name), "nobody-at-all"),
        (lambda kg, name: kg.relation(name), "a--cooperation--b"),
        (lambda kg, name: kg.source(name), "no-such-report"),
    ],
    ids=["entity", "relation", "source"],
)
def test_a_missing_entity_relation_or_source_is_a_not_found_error(lookup, name: str) -> None:
    """One kind for every lookup by id: a NotFoundError, which is a KeyError too."""
    kg = graph.load()
    with pytest.raises(graph.NotFoundError) as info:
        lookup(kg, name)
    assert isinstance(info.value, KeyError) and name in str(info.value)


def test_public_names_are_documented() -> None:
    for name in graph.__all__:
        obj = getattr(graph, name)
        if callable(obj):
            assert obj.__doc__, f"graph.{name} has no docstring"


#: Modules whose own functions carry examples (the rest are re-homed to ``graph`` by
#: ``__module__``, and run with it).
EXAMPLES_IN = {
    f"graph._ingest.{m}"
    for m in (
        "_read", "_txt", "_html", "_pdf", "_names", "_figures", "_clauses", "_extract",
        "_draft", "_store", "_coreference", "_model_names", "_parties", "_places", "_cues",
        "_context", "_identity",
    )
}  # fmt: skip


@pytest.mark.parametrize(
    "module",
    [
        "graph",  # the public names: their __module__ is graph, so only this finds them
        *sorted(
            m.name
            for m in pkgutil.walk_packages(graph.__path__, "graph.")
            if m.name != "graph._cli"
        ),
    ],
)
def test_doctests(module: str) -> None:  # every module, the ingest package's too
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if module in EXAMPLES_IN:
        assert result.attempted > 0  # its examples ran
