"""The page takes what it needs from its data, in a real browser: a large page's packed
records are read with the field lists the payload carries (``packed_fields``), not with a
copy in the script."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import test_browser
from test_browser import Explorer, assert_clean

import graph
from graph import _html

context = test_browser.context  # the browser fixture of test_browser.py, shared

pytestmark = pytest.mark.browser

_DATA_OPEN = '<script type="application/json" id="kg-data">{'


def star_and_chain(n: int) -> graph.KnowledgeGraph:
    """``n`` organisations of two types, each tied to the one before it and to the first."""
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    ev = (graph.Evidence("s", "甲与乙合作"),)
    kinds = (graph.EntityType.ENTERPRISE, graph.EntityType.UNIVERSITY)
    ents = [
        graph.Entity(f"o{i}", kinds[i % 2], f"机构{i}", f"Body {i}", evidence=ev) for i in range(n)
    ]
    rels = [
        graph.Relation(
            f"r{i}-{j}",
            f"o{i}",
            f"o{j}",
            graph.RelationType.COOPERATION,
            graph.Status.SIGNED,
            evidence=ev,
        )
        for i in range(1, n)
        for j in sorted({0, i - 1})
    ]
    return graph.KnowledgeGraph(ents, rels, [src])


def test_packed_records_are_read_with_the_payloads_field_lists(
    context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 20)
    monkeypatch.setattr(_html, "OVERVIEW_SIZE", 10)
    # another order than the script's own copy, so a page reading its copy misreads
    reordered = {kind: tuple(reversed(fields)) for kind, fields in _html.PACKED_FIELDS.items()}
    monkeypatch.setattr(_html, "PACKED_FIELDS", reordered)
    kg = star_and_chain(40)
    page = _html.generate_html(kg)
    found = re.search(re.escape(_DATA_OPEN[:-1]) + r"(.*?)</script>", page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["overview"] and isinstance(data["nodes"][0], list)  # the records are packed
    if "packed_fields" not in data:  # until the payload carries the lists itself
        lists = {kind: list(fields) for kind, fields in reordered.items()}
        page = page.replace(
            _DATA_OPEN, _DATA_OPEN + '"packed_fields":' + json.dumps(lists) + ",", 1
        )
    path = tmp_path / "packed.html"
    path.write_text(page, encoding="utf-8")
    tab = context.new_page()
    ex = Explorer(tab)
    tab.on("pageerror", lambda e: ex.errors.append(str(e)))
    tab.on("console", lambda m: ex.errors.append(m.text) if m.type == "error" else None)
    tab.on("request", lambda r: ex.requests.append(r.url))
    tab.goto(path.as_uri())
    tab.wait_for_function("() => window.kgExplorer && window.kgExplorer.ready()")
    try:
        for entity in kg.entities():
            assert ex.js("kgExplorer.nodeType", entity.id) == entity.type.value
            assert ex.js("kgExplorer.search", entity.name)[0] == entity.id
        relation = kg.relations()[-1]
        assert ex.js("kgExplorer.selectRelation", relation.id) is True
        assert set(ex.js("kgExplorer.emphasised()")["nodes"]) == {relation.source, relation.target}
        assert_clean(ex)
    finally:
        tab.close()
