"""The HTML explorer in a real browser: headless Chromium driven by Playwright.

Needs Debian's ``chromium`` (``apt-get install chromium fonts-wqy-microhei``); the
tests skip without it, unless ``KG_REQUIRE_BROWSER=1``, when they fail. Set
``KG_CHROMIUM`` to use another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import HOSTILE_IMG, HOSTILE_SCRIPT, tree_kg

import graph
from graph import _html

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL = "install it with: apt-get install chromium fonts-wqy-microhei"


def _chromium() -> str | None:
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", "chromium"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; KG_REQUIRE_BROWSER=1 requires the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium context with a fresh profile, shared by the tests of this module."""
    executable = _chromium()
    if executable is None:
        _unavailable(f"no Chromium found at /usr/bin/chromium or on PATH; {INSTALL}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed; pip install -e '.[test]'")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 860},
        )
        try:
            yield ctx
        finally:
            ctx.close()


@dataclass
class Explorer:
    """A page of the explorer and what it did: console errors, requests, dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture
def open_page(context: Any, tmp_path: Path) -> Iterator[Any]:
    """``open_page(kg, lang="zh")`` writes the explorer of ``kg`` and opens it from file://."""
    pages: list[Any] = []

    def open_(kg: graph.KnowledgeGraph, lang: str = "zh") -> Explorer:
        path = _html.write_html(kg, tmp_path / f"graph{len(pages)}.html", lang=lang)
        page = context.new_page()
        pages.append(page)
        ex = Explorer(page)
        page.on("console", lambda m: ex.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: ex.errors.append(str(e)))
        page.on("request", lambda r: ex.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            ex.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        # A function, not a string: the page's CSP forbids eval.
        page.wait_for_function("() => window.kgExplorer && window.kgExplorer.ready()")
        return ex

    yield open_
    for page in pages:
        page.close()


def assert_clean(ex: Explorer) -> None:
    assert ex.errors == []
    assert ex.dialogs == []
    assert [u for u in ex.requests if not u.startswith(("file://", "data:"))] == []


@pytest.fixture(params=["fixture", "repository"])
def kg(request: pytest.FixtureRequest, sample_data: Path) -> graph.KnowledgeGraph:
    """The small fixture data, and the repository's own data."""
    if request.param == "repository":
        return graph.load()
    return graph.load(sample_data)


def test_draws_every_node_offline(open_page: Any, kg: graph.KnowledgeGraph) -> None:
    ex = open_page(kg)
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == len(kg)
    assert len(ex.js("kgExplorer.drawnEdgeIds()")) == len(kg.relations())
    assert ex.page.locator("canvas").count() == 1
    assert ex.page.get_by_test_id("summary").inner_text().startswith(f"{len(kg)} 个实体")
    assert_clean(ex)


def test_search_finds_by_english_name(open_page: Any, kg: graph.KnowledgeGraph) -> None:
    ex = open_page(kg)
    box = ex.page.get_by_test_id("search")
    box.fill("Tianjin University")
    results = ex.page.get_by_test_id("search-results")
    assert results.locator("button[data-node='tianjin-university']").count() == 1
    box.press("Enter")
    assert ex.js("kgExplorer.selected()") == ["tianjin-university"]
    panel = ex.page.get_by_test_id("panel")
    assert panel.is_visible()
    assert panel.locator("h3").inner_text() == "天津大学"
    for needle in ("天津大学", "Lulu", "Tsinghua"):
        assert ex.js("kgExplorer.search", needle)
    assert_clean(ex)


def test_type_filter_hides_and_restores_projects(open_page: Any, kg: graph.KnowledgeGraph) -> None:
    ex = open_page(kg)
    projects = {e.id for e in kg.entities(type="project")}
    assert projects
    box = ex.page.locator("input[data-filter='type'][value='project']")
    box.uncheck()
    drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
    assert drawn == {e.id for e in kg} - projects
    edges = set(ex.js("kgExplorer.drawnEdgeIds()"))
    assert not any(
        r.source in projects or r.target in projects for r in kg.relations() if r.id in edges
    )
    box.check()
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == len(kg)
    assert_clean(ex)


def test_status_filter_hides_and_restores_relations(
    open_page: Any, kg: graph.KnowledgeGraph
) -> None:
    ex = open_page(kg)
    negotiating = {r.id for r in kg.relations() if r.status is graph.Status.NEGOTIATING}
    assert negotiating
    box = ex.page.locator("input[data-filter='status'][value='negotiating']")
    box.uncheck()
    assert not negotiating & set(ex.js("kgExplorer.drawnEdgeIds()"))
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == len(kg)  # nodes stay
    box.check()
    assert len(ex.js("kgExplorer.drawnEdgeIds()")) == len(kg.relations())
    assert_clean(ex)


def test_clicking_a_node_shows_its_relations_with_quotes(
    open_page: Any, kg: graph.KnowledgeGraph
) -> None:
    ex = open_page(kg)
    college = kg.entity("承德石油高等专科学校")
    relation = next(
        r for r in kg.relations(college.id) if r.other(college.id) == "tianjin-university"
    )
    at = ex.js("kgExplorer.domPosition", college.id)
    ex.page.mouse.click(at["x"], at["y"])
    panel = ex.page.get_by_test_id("panel")
    assert panel.is_visible()
    assert panel.locator("h3").inner_text() == "承德石油高等专科学校"
    row = panel.locator(f".kg-relation[data-edge='{relation.id}']")
    assert row.locator("button[data-node='tianjin-university']").inner_text() == "天津大学"
    assert relation.evidence[0].quote in row.inner_text()
    assert kg.source(relation.evidence[0].source).title in row.inner_text()
    # Its neighbourhood is highlighted: the college and its neighbours keep their colours.
    assert ex.js("kgExplorer.selected()") == [college.id]

    # The relation's quote, highlighted inside its sentence.
    row.get_by_role("button", name="查看证据 ›").click()
    mark = panel.locator("blockquote.kg-quote mark").first
    assert mark.inner_text() == relation.evidence[0].quote
    source = kg.source(relation.evidence[0].source)
    sentence, _, _ = source.sentence(relation.evidence[0].quote)
    assert panel.locator("blockquote.kg-quote").first.inner_text().startswith(sentence)
    assert_clean(ex)


def test_group_statement_is_shown_as_one(open_page: Any, kg: graph.KnowledgeGraph) -> None:
    ex = open_page(kg)
    group = next(e for e in kg.entities(type="cooperation"))
    ex.js("kgExplorer.select", group.id)
    panel = ex.page.get_by_test_id("panel")
    assert panel.locator(".kg-badge-group").first.inner_text() == "群体表述"
    assert "并未说明其中哪两方相互合作" in panel.locator(".kg-explain").inner_text()
    member = next(r for r in kg.relations(group.id) if r.collective)
    ex.js("kgExplorer.selectRelation", member.id)
    assert "群体表述" in panel.inner_text()
    assert_clean(ex)


def test_language_toggle_changes_labels(open_page: Any, kg: graph.KnowledgeGraph) -> None:
    ex = open_page(kg)
    assert ex.js("kgExplorer.nodeLabel", "tianjin-university") == "天津大学"
    ex.js("kgExplorer.select", "tianjin-university")
    button = ex.page.get_by_test_id("lang")
    assert button.inner_text() == "English"
    button.click()
    assert ex.js("kgExplorer.lang()") == "en"
    assert ex.js("kgExplorer.nodeLabel", "tianjin-university") == "Tianjin University"
    assert button.inner_text() == "中文"
    assert ex.page.get_by_test_id("summary").inner_text().startswith(f"{len(kg)} entities")
    assert "Relations" in ex.page.get_by_test_id("panel").inner_text()
    assert ex.page.locator("input[data-filter='type'][value='university'] + span + span").count()
    button.click()
    assert ex.js("kgExplorer.nodeLabel", "tianjin-university") == "天津大学"
    assert_clean(ex)


def test_initial_language_from_lang(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data), lang="en")
    assert ex.js("kgExplorer.lang()") == "en"
    assert ex.js("kgExplorer.nodeLabel", "tianjin-university") == "Tianjin University"
    assert ex.page.get_by_test_id("title").inner_text() == (
        "Progress report of the Chengde High-tech Zone"
    )
    assert_clean(ex)


def test_reset_and_physics(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    ex.js("kgExplorer.select", "lulu")
    assert ex.page.get_by_test_id("panel").is_visible()
    ex.page.get_by_test_id("reset").click()
    assert not ex.page.get_by_test_id("panel").is_visible()
    assert ex.js("kgExplorer.selected()") == []
    assert ex.js("kgExplorer.physics()") is True
    ex.page.get_by_test_id("physics").click()
    assert ex.js("kgExplorer.physics()") is False
    assert ex.page.get_by_test_id("physics").get_attribute("aria-pressed") == "false"
    assert_clean(ex)


def test_hostile_names_are_text_and_nothing_runs(open_page: Any, hostile_data: Path) -> None:
    kg = graph.load(hostile_data)
    ex = open_page(kg)
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == len(kg)
    box = ex.page.get_by_test_id("search")
    box.fill("<img")
    assert (
        ex.page.get_by_test_id("search-results")
        .locator("button")
        .first.inner_text()
        .startswith(HOSTILE_IMG)
    )
    box.press("Enter")
    panel = ex.page.get_by_test_id("panel")
    assert panel.locator("h3").inner_text() == HOSTILE_IMG
    assert panel.locator(".kg-name-en").inner_text() == HOSTILE_SCRIPT
    assert "<script>alert(6)</script>" in panel.inner_text()
    assert "<svg onload=alert(4)>" in panel.inner_text()
    relation = kg.relations("evil")[0]
    ex.js("kgExplorer.selectRelation", relation.id)
    assert HOSTILE_SCRIPT in panel.inner_text()
    ex.js("kgExplorer.setLang", "en")
    ex.page.wait_for_timeout(200)  # let any injected handler fire, if one existed
    assert ex.js("document.querySelectorAll('img, svg, iframe, a').length") == 0
    assert ex.js("document.scripts.length") == 3
    assert_clean(ex)


def test_large_graph_opens_with_fixed_positions(open_page: Any) -> None:
    n = _html.PHYSICS_LIMIT * 4
    ex = open_page(tree_kg(n, branching=3))
    assert ex.js("kgExplorer.physics()") is False
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == n
    assert_clean(ex)
