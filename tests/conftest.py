"""Shared fixtures: small data folders written into ``tmp_path`` (the data and the
helpers that write them are in ``tests/_helpers.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _helpers import (
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    HOSTILE_TEXT,
    SAMPLE_ENTITIES,
    SAMPLE_RELATIONS,
    SAMPLE_SOURCE,
    write_data,
)

import graph


@pytest.fixture
def make_data(tmp_path: Path) -> Callable[..., Path]:
    """A factory: ``make_data(entities=..., relations=..., text=...)`` -> a data folder."""
    counter = iter(range(1_000_000))

    def make(**kwargs: Any) -> Path:
        kwargs.setdefault("entities", SAMPLE_ENTITIES)
        kwargs.setdefault("relations", SAMPLE_RELATIONS)
        return write_data(tmp_path / f"data{next(counter)}", **kwargs)

    return make


@pytest.fixture
def sample_data(make_data: Callable[..., Path]) -> Path:
    """A small data folder shaped like the real report."""
    return make_data()


@pytest.fixture
def sample_kg(sample_data: Path) -> graph.KnowledgeGraph:
    """The :class:`graph.KnowledgeGraph` of ``sample_data``."""
    return graph.load(sample_data)


@pytest.fixture
def hostile_data(make_data: Callable[..., Path]) -> Path:
    """``sample_data`` plus an entity whose names, notes and quotes are markup."""
    evil = {
        "id": "evil",
        "type": "enterprise",
        "name": HOSTILE_IMG,
        "name_en": HOSTILE_SCRIPT,
        "aliases": ["<b onmouseover=alert(3)>evil</b>"],
        "attributes": {"<i>key</i>": "<svg onload=alert(4)>", "href": "javascript:alert(5)"},
        "notes": "<script>alert(6)</script> & \u2028 \u2029",
        "evidence": [{"source": SAMPLE_SOURCE, "quote": HOSTILE_IMG}],
    }
    relation = {
        "source": "evil",
        "target": "tianjin-university",
        "type": "signed_agreement",
        "status": "signed",
        "notes": '<a href="https://example.com">link</a>',
        "evidence": [
            {"source": SAMPLE_SOURCE, "quote": f"{HOSTILE_IMG}与天津大学签约"},
            {"source": SAMPLE_SOURCE, "quote": f"{HOSTILE_SCRIPT}\u2028<!-- & -->"},
        ],
    }
    return make_data(
        entities=[*SAMPLE_ENTITIES, evil],
        relations=[*SAMPLE_RELATIONS, relation],
        text=HOSTILE_TEXT,
    )


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own, empty warm-load cache folder (never the user's)."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("kg-cache")))
