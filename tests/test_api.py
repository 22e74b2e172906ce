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


def test_public_names_are_documented() -> None:
    for name in graph.__all__:
        obj = getattr(graph, name)
        if callable(obj):
            assert obj.__doc__, f"graph.{name} has no docstring"


@pytest.mark.parametrize(
    "module", sorted(m.name for m in pkgutil.iter_modules(graph.__path__) if m.name != "_cli")
)
def test_doctests(module: str) -> None:
    mod = importlib.import_module(f"graph.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
