"""The HTML explorer in a real browser: headless Chromium driven by Playwright.

Needs Debian's ``chromium`` (``apt-get install chromium fonts-wqy-microhei``); the
tests skip without it, unless ``KG_REQUIRE_BROWSER=1``, when they fail. Set
``KG_CHROMIUM`` to use another Chromium binary.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _helpers import HOSTILE_IMG, HOSTILE_SCRIPT, tree_kg

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

    def open_(
        kg: graph.KnowledgeGraph,
        lang: str = "zh",
        *,
        hash: str = "",
        size: tuple[int, int] = (1400, 900),
        focus: str | None = None,
    ) -> Explorer:
        path = _html.write_html(kg, tmp_path / f"graph{len(pages)}.html", lang=lang, focus=focus)
        page = context.new_page()
        page.set_viewport_size({"width": size[0], "height": size[1]})
        pages.append(page)
        ex = Explorer(page)
        page.on("console", lambda m: ex.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: ex.errors.append(str(e)))
        page.on("request", lambda r: ex.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            ex.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri() + hash)
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


def test_attributes_show_in_the_pages_language(open_page: Any) -> None:
    """English codes (role, currency) show in Chinese in Chinese mode; an English twin
    (text_en beside text) stands in for its value in English and never shows itself,
    at the top level and inside a nested value."""
    ex = open_page(graph.load(), lang="zh")
    panel = ex.page.get_by_test_id("panel")
    ex.js("kgExplorer.selectRelation", "lulu--participates_in--enterprise-academia-cooperation")
    assert "企业方" in panel.inner_text() and "enterprise" not in panel.inner_text()
    ex.js("kgExplorer.select", "anyun-idc-data-centre")
    text = panel.inner_text()
    assert "币种: 人民币" in text and "原文: 投资30亿元" in text
    assert "CNY" not in text and "text en" not in text and "billion" not in text
    ex.js("() => kgExplorer.setLang('en')")
    ex.js("kgExplorer.select", "anyun-idc-data-centre")
    text = panel.inner_text()
    assert "currency: CNY" in text and "text: investment of 3 billion yuan" in text
    assert "text en" not in text
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
    # Physics lays the small graph out, then stops so that nothing drifts; the button
    # turns it on again.
    assert ex.js("kgExplorer.physics()") is False
    ex.page.get_by_test_id("physics").click()
    assert ex.js("kgExplorer.physics()") is True
    assert ex.page.get_by_test_id("physics").get_attribute("aria-pressed") == "true"
    ex.page.get_by_test_id("physics").click()
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
    ex.page.get_by_test_id("reader-toggle").click()  # the source text, as text
    assert HOSTILE_IMG in ex.page.get_by_test_id("reader").inner_text()
    ex.page.get_by_test_id("tables-toggle").click()
    ex.page.get_by_test_id("tab-relations").click()
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


# -- second edition: reader, paths, address, tables, phone, keyboard, legibility ----------------

PHONE = (390, 844)


def overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["left"] < b["right"]
                and b["left"] < a["right"]
                and a["top"] < b["bottom"]
                and b["top"] < a["bottom"]
            ):
                out.append((a["id"], b["id"]))
    return out


def covering(labels: list[dict[str, Any]], markers: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(label, marker) pairs where a label's box crosses another entity's marker."""
    return [
        (a["id"], m["id"])
        for a in labels
        for m in markers
        if a["id"] != m["id"] and overlapping([a, m])
    ]


def frame(ex: Explorer) -> dict[str, float]:
    box: dict[str, float] = ex.page.get_by_test_id("network").bounding_box()
    return box


@pytest.mark.parametrize("size", [(1400, 900), PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_starting_view_labels_do_not_overlap(
    open_page: Any, lang: str, size: tuple[int, int]
) -> None:
    ex = open_page(graph.load(), lang=lang, size=size)
    boxes = ex.js("kgExplorer.labelBoxes()")
    assert len(boxes) >= (15 if size[0] > 700 else 8)  # the important labels show
    assert overlapping(boxes) == []
    # Nor does a label lie across another entity's marker (the hub's among its projects).
    assert covering(boxes, ex.js("kgExplorer.markerBoxes()")) == []
    hub = max(graph.load().entities(), key=lambda e: len(graph.load().relations(e.id)))
    assert hub.id in {b["id"] for b in boxes}
    # On-screen label height stays legible (about 13 px per line) at the starting zoom.
    assert min(b["bottom"] - b["top"] for b in boxes) >= 11
    # Edge labels only for the selection.
    assert all(ex.js("kgExplorer.edgeLabel", r.id) == "" for r in graph.load().relations())
    assert_clean(ex)


@pytest.mark.parametrize("size", [(1400, 900), PHONE], ids=["desktop", "phone"])
def test_starting_view_uses_the_screen(open_page: Any, size: tuple[int, int]) -> None:
    # A round layout on a tall phone used to fill a band across the middle third.
    ex = open_page(graph.load(), size=size)
    markers = ex.js("kgExplorer.markerBoxes()")
    assert len(markers) == len(graph.load().entities())  # all in view
    net = frame(ex)
    xs = [(m["left"] + m["right"]) / 2 for m in markers]
    ys = [(m["top"] + m["bottom"]) / 2 for m in markers]
    assert (max(xs) - min(xs)) / net["width"] >= 0.7
    assert (max(ys) - min(ys)) / net["height"] >= 0.7
    assert_clean(ex)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_are_measured_in_the_face_they_are_drawn_in(open_page: Any, lang: str) -> None:
    # Whatever CJK font the machine has, the widths the overlap rule reckons with are those
    # of the drawn text: the page, its canvas and the measurement name the same font stack.
    ex = open_page(graph.load(), lang=lang)
    stack = ex.js("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK SC" in stack and "WenQuanYi Micro Hei" in stack
    faces = ex.js("Object.values(kgExplorer.drawnNodeIds()).map(id => kgExplorer.labelFace(id))")
    assert set(faces) == {stack}
    boxes = [b for b in ex.js("kgExplorer.labelBoxes()") if b["kind"] == "node"]
    assert len(boxes) >= 15
    for b in boxes:
        drawn = b["right"] - b["left"]
        assert abs(drawn - b["measured"]) <= max(2.0, drawn * 0.03), b
    assert_clean(ex)


@pytest.mark.parametrize("size", [(1400, 900), PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("how", ["path", "focus", "search"])
def test_a_selection_is_fitted_into_what_the_panel_leaves(
    open_page: Any, how: str, size: tuple[int, int]
) -> None:
    # A path drew under the phone's bottom sheet and was not zoomed to on a desktop.
    kg = graph.load()
    lulu, tsinghua = kg.entity("露露股份").id, kg.entity("清华大学").id
    start = open_page(kg, size=size).js("kgExplorer.scale()")
    hash = {"path": "#path=露露股份~清华大学", "focus": "#focus=露露股份", "search": ""}[how]
    ex = open_page(kg, hash=hash, size=size)
    if how == "search":
        ex.page.get_by_test_id("search").fill("露露股份")
        ex.page.get_by_test_id("search").press("Enter")
        ex.page.wait_for_function("() => kgExplorer.settled()")  # the move
    ids = ex.js("kgExplorer.emphasised().nodes") if how == "path" else [lulu]
    assert lulu in ids and (how != "path" or tsinghua in ids)
    net, panel = frame(ex), ex.page.get_by_test_id("panel").bounding_box()
    left, top, right, bottom = net["x"], net["y"], net["x"] + net["width"], net["y"] + net["height"]
    if size == PHONE:
        assert panel["width"] >= net["width"] - 2  # a bottom sheet
        bottom = panel["y"]
    else:
        right = panel["x"]  # a side panel
    for id in ids:
        at = ex.js("kgExplorer.domPosition", id)
        r = ex.js("kgExplorer.nodeSize", id) * ex.js("kgExplorer.scale()")
        assert left < at["x"] - r and at["x"] + r < right, (id, at, left, right)
        assert top < at["y"] - r and at["y"] + r < bottom, (id, at, top, bottom)
    assert ex.js("kgExplorer.scale()") > start * 1.5  # zoomed to
    assert_clean(ex)


def test_long_labels_wrap_in_both_languages(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    label = ex.js("kgExplorer.nodeLabel", "chengde-petroleum-college")
    assert "\n" in label and label.replace("\n", "") == "承德石油高等专科学校"
    ex.js("kgExplorer.setLang", "en")
    label = ex.js("kgExplorer.nodeLabel", "chengde-petroleum-college")
    assert "\n" in label and all(len(line) <= 18 for line in label.split("\n"))
    assert_clean(ex)


def test_reader_highlights_select_records_and_back(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg)
    ex.page.get_by_test_id("reader-toggle").click()
    reader = ex.page.get_by_test_id("reader")
    assert reader.is_visible()
    text = reader.locator(".kg-text").inner_text()
    assert text == kg.sources()[0].text.rstrip("\n") or text == kg.sources()[0].text
    assert reader.locator(".kg-unquoted").count() >= 1  # passages no record quotes
    relation = next(
        r for r in kg.relations("chengde-petroleum-college") if r.other(r.source) == r.target
    )
    quote = relation.evidence[0].quote
    mark = reader.locator("mark.kg-hl", has_text=quote[:6]).first
    mark.click()
    panel = ex.page.get_by_test_id("panel")
    assert panel.get_attribute("data-kind") == "passage"
    supported = {
        (li.get_attribute("data-kind"), li.get_attribute("data-id"))
        for li in panel.locator(".kg-supports li").all()
    }
    citing = {("edge", r.id) for r in kg.relations() if any(e.quote == quote for e in r.evidence)}
    citing |= {("node", e.id) for e in kg if any(v.quote == quote for v in e.evidence)}
    assert citing <= supported
    # Selecting a relation marks its quote in the reader.
    ex.js("kgExplorer.selectRelation", relation.id)
    active = reader.locator("mark.kg-hl-active")
    assert active.count() >= 1
    assert quote.startswith(active.first.inner_text()) or active.first.inner_text() in quote
    assert_clean(ex)


def test_selecting_scrolls_the_reader_to_the_quote(open_page: Any) -> None:
    kg = graph.load()
    ex = open_page(kg)
    ex.page.get_by_test_id("reader-toggle").click()
    text = kg.sources()[0].text
    last = max(kg.relations(), key=lambda r: text.find(r.evidence[0].quote))
    first = min(kg.relations(), key=lambda r: text.find(r.evidence[0].quote))
    reader = ex.page.locator("#kg-reader-text")
    for rel in (last, first):
        ex.js("kgExplorer.selectRelation", rel.id)
        mark = ex.page.locator("mark.kg-hl-active").first.bounding_box()
        pane = reader.bounding_box()
        assert pane["y"] <= mark["y"] and mark["y"] + mark["height"] <= pane["y"] + pane["height"]
    assert_clean(ex)


def test_path_lists_each_step_with_its_quote(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg)
    ex.page.get_by_test_id("path-from").fill("承德石油高等专科学校")
    ex.page.get_by_test_id("path-to").fill("Tianjin University")
    ex.page.get_by_test_id("path-go").click()
    panel = ex.page.get_by_test_id("panel")
    assert panel.get_attribute("data-kind") == "path"
    steps = panel.locator(".kg-path-step")
    assert steps.count() >= 1
    for i in range(steps.count()):
        edge_id = steps.nth(i).get_attribute("data-edge")
        quote = next(r for r in kg.relations() if r.id == edge_id).evidence[0].quote
        assert steps.nth(i).locator("mark").first.inner_text() == quote
    assert "#path=" in ex.page.url
    assert_clean(ex)


def test_paths_follow_the_rules_of_kg_path(open_page: Any) -> None:
    kg = graph.load()
    ex = open_page(kg)
    ids = [e.id for e in kg][::7]
    pairs = [(a, b) for a in ids for b in ids if a < b]
    found = ex.js(
        "(pairs) => pairs.map(([a, b]) => "
        "[kgExplorer.path(a, b, false), kgExplorer.path(a, b, true)])",
        pairs,
    )
    checked = 0
    for (a, b), (strict, loose) in zip(pairs, found, strict=True):
        for page_path, through_all in ((strict, False), (loose, True)):
            try:
                steps = kg.path(a, b, through_all=through_all)
            except graph.NoPathError:
                assert page_path is None, (a, b, through_all)
                continue
            assert page_path is not None and len(page_path["steps"]) == len(steps), (a, b)
            checked += 1
            if not through_all:
                umbrella = {
                    e.id for e in kg if e.type in (graph.EntityType.PLACE, graph.EntityType.GROUP)
                }
                assert not umbrella & set(page_path["nodes"][1:-1])
    assert checked >= 20
    assert_clean(ex)


@pytest.mark.parametrize(
    ("hash", "check"),
    [
        ("#focus=天津大学", "selected"),
        ("#focus=tianjin-university&lang=en", "lang"),
        ("#path=承德石油高等专科学校~tianjin-university", "path"),
        ("#q=Tsing", "q"),
        ("#type=university,enterprise&status=signed", "filters"),
        ("#rtype=cooperation", "rtype"),
    ],
)
def test_every_address_opens_its_view(
    open_page: Any, sample_data: Path, hash: str, check: str
) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg, hash=hash)
    if check == "selected":
        assert ex.js("kgExplorer.selected()") == ["tianjin-university"]
    elif check == "lang":
        assert ex.js("kgExplorer.lang()") == "en"
        assert ex.page.get_by_test_id("panel").locator("h3").inner_text() == "Tianjin University"
    elif check == "path":
        assert ex.js("kgExplorer.selection()")["kind"] == "path"
        assert ex.page.get_by_test_id("panel").locator(".kg-path-step").count() >= 1
    elif check == "q":
        assert ex.page.get_by_test_id("search").input_value() == "Tsing"
        assert ex.page.get_by_test_id("search-results").locator("button").count() >= 1
    elif check == "filters":
        drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
        assert drawn == {e.id for e in kg if str(e.type) in ("university", "enterprise")}
        edges = set(ex.js("kgExplorer.drawnEdgeIds()"))
        assert all(str(r.status) == "signed" for r in kg.relations() if r.id in edges)
    else:
        edges = set(ex.js("kgExplorer.drawnEdgeIds()"))
        assert edges == {r.id for r in kg.relations() if r.type is graph.RelationType.COOPERATION}
    assert_clean(ex)


def test_back_and_forward_walk_the_selections(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    ex.js("kgExplorer.select", "lulu")
    ex.js("kgExplorer.select", "tianjin-university")
    assert "focus=tianjin-university" in ex.page.url
    ex.page.go_back()
    ex.page.wait_for_function("() => kgExplorer.selected()[0] === 'lulu'")
    ex.page.go_forward()
    ex.page.wait_for_function("() => kgExplorer.selected()[0] === 'tianjin-university'")
    assert_clean(ex)


def test_tables_follow_filters_sort_and_download_csv(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg)
    ex.page.get_by_test_id("tables-toggle").click()
    table = ex.page.get_by_test_id("table")
    assert table.locator("tbody tr").count() == len(kg)
    ex.page.locator("input[data-filter='type'][value='university']").uncheck()
    assert table.locator("tbody tr").count() == len(kg) - len(kg.entities(type="university"))
    table.locator("button[data-sort='degree']").click()
    table.locator("button[data-sort='degree']").click()  # descending
    first = table.locator("tbody tr").first.get_attribute("data-id")
    shown = [e for e in kg if e.type is not graph.EntityType.UNIVERSITY]
    assert len(kg.relations(first)) == max(len(kg.relations(e.id)) for e in shown)
    ex.page.get_by_test_id("tab-relations").click()
    ex.page.get_by_test_id("table-filter").fill("天津大学")
    assert table.locator("tbody tr td.kg-sub").count() == 1  # hidden by the type filter
    ex.page.locator("input[data-filter='type'][value='university']").check()
    with ex.page.expect_download() as info:
        ex.page.get_by_test_id("csv").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").split("\r\n")
    assert rows[0].startswith("id,type,status,date,source")
    assert any("天津大学" in row for row in rows[1:])
    assert_clean(ex)


def test_csv_cells_are_formula_safe(open_page: Any, hostile_data: Path) -> None:
    ex = open_page(graph.load(hostile_data))
    csv = ex.js("() => { document.getElementById('kg-tables-toggle').click(); return 1; }")
    assert csv == 1
    with ex.page.expect_download() as info:
        ex.page.get_by_test_id("csv").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    for line in text.split("\r\n")[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@"))
    assert_clean(ex)


def test_png_export_is_an_image(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    with ex.page.expect_download() as info:
        ex.page.get_by_test_id("png").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert_clean(ex)


def test_phone_layout(open_page: Any) -> None:
    ex = open_page(graph.load(), size=PHONE)
    page = ex.page
    assert ex.js("document.documentElement.scrollWidth") <= PHONE[0]
    header = page.locator("#kg-header").bounding_box()
    assert header["height"] <= 110
    for button in page.locator("#kg-tools button").all():  # every tool in view, no sideways scroll
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0], button.inner_text()
    network = page.get_by_test_id("network").bounding_box()
    assert network["width"] >= PHONE[0] - 2 and network["height"] >= 600
    assert not page.get_by_test_id("filters").is_visible()
    page.get_by_test_id("menu").click()
    assert page.get_by_test_id("filters").is_visible()
    page.keyboard.press("Escape")
    assert not page.get_by_test_id("filters").is_visible()
    page.get_by_test_id("menu").click()
    page.mouse.click(PHONE[0] - 20, PHONE[1] // 2)  # a tap beside the drawer closes it
    assert not page.get_by_test_id("filters").is_visible()
    ex.js("kgExplorer.select", "tianjin-university")
    panel = page.get_by_test_id("panel").bounding_box()
    assert panel["y"] + panel["height"] >= PHONE[1] - 2 and panel["width"] >= PHONE[0] - 2
    page.get_by_test_id("reader-toggle").click()
    page.get_by_test_id("tables-toggle").click()
    assert ex.js("document.documentElement.scrollWidth") <= PHONE[0]
    assert_clean(ex)


def test_keyboard_only_search_select_close(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    page = ex.page
    page.locator("body").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if ex.js("document.activeElement.id") == "kg-search":
            break
    assert ex.js("document.activeElement.id") == "kg-search"
    page.keyboard.type("大学")
    page.keyboard.press("ArrowDown")
    first = ex.js("document.activeElement.dataset.node")
    page.keyboard.press("ArrowDown")
    second = ex.js("document.activeElement.dataset.node")
    assert first and second and first != second
    page.keyboard.press("Enter")
    assert ex.js("kgExplorer.selected()") == [second]
    assert page.get_by_test_id("panel").is_visible()
    assert not page.get_by_test_id("search-results").is_visible()
    page.keyboard.press("Escape")
    page.get_by_test_id("panel").wait_for(state="hidden", timeout=5000)  # as a web-first assert
    # Focus is visible: the focused control gets an outline.
    page.get_by_test_id("search").focus()
    page.keyboard.press("Tab")
    assert ex.js("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert_clean(ex)


def test_reset_clears_the_search_box(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    ex.page.get_by_test_id("search").fill("天津")
    ex.page.get_by_test_id("reset").click()
    assert ex.page.get_by_test_id("search").input_value() == ""
    assert_clean(ex)


def test_search_traditional_and_typo(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data))
    assert ex.js("kgExplorer.search", "天津大學")[0] == "tianjin-university"
    assert ex.js("kgExplorer.search", "Tianjn University")[0] == "tianjin-university"
    assert_clean(ex)


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _reference_search(keys: list[tuple[int, str]], needle: str, bounded: bool) -> list[int]:
    """The explorer's search as documented, by brute force: whole key 0, start of a key 1,
    inside a key 2, then (unless a large page has a page of results) one typo from 4
    characters, two from 8, against a whole key or its start: 3."""
    best: dict[int, int] = {}
    for owner, key in keys:
        at = key.find(needle)
        while at >= 0:
            rank = 2 if at > 0 else 0 if len(key) == len(needle) else 1
            best[owner] = min(rank, best.get(owner, rank))
            at = key.find(needle, at + 1)
    typo = 2 if len(needle) >= 8 else 1 if len(needle) >= 4 else 0
    if typo and not (bounded and len(best) >= 12):
        exact = set(best)
        for owner, key in keys:  # (a distance is at least the difference in length)
            start = key[: len(needle)]
            if owner not in exact and (
                (abs(len(key) - len(needle)) <= typo and _levenshtein(needle, key) <= typo)
                or (len(needle) - len(start) <= typo and _levenshtein(needle, start) <= typo)
            ):
                best.setdefault(owner, 3)
    return sorted(best, key=lambda o: (best[o], o))


@pytest.mark.parametrize("bounded", [False, True])
def test_search_finds_what_a_brute_force_search_finds(
    open_page: Any, monkeypatch: pytest.MonkeyPatch, bounded: bool
) -> None:
    """Differential: the page's search (typos found through pieces of the search, not by
    comparing every key) against a brute-force reference, on names made to be near."""
    import random

    if bounded:
        monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 300)
        monkeypatch.setattr(_html, "OVERVIEW_SIZE", 100)
    rng = random.Random(5)
    syllables = ["天津", "大学", "科技", "有限", "公司", "研究", "院", "承德", "北京", "集团"]
    tree = tree_kg(600, branching=3)
    ents = []
    for e in tree.entities():
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))) + e.id
        english = " ".join(rng.choice(["tianjin", "beijing", "science", "group"]) for _ in range(3))
        ents.append(dataclasses.replace(e, name=name, name_en=f"{english} {e.id}"))
    kg = graph.KnowledgeGraph(ents, tree.relations(), tree.sources())
    keys = [
        (order, key)
        for order, e in enumerate(kg.entities())
        for raw in (e.name, e.name_en, e.id)
        if (key := "".join(raw.lower().split()))
    ]
    ex = open_page(kg)
    queries = []
    for _ in range(80):
        e = rng.choice(ents)
        word = rng.choice([e.name, e.name_en.replace(" ", "")])
        start = rng.randrange(len(word))
        cut = word[start : start + rng.randint(3, 12)] if rng.random() < 0.5 else word
        chars = list(cut)
        for _ in range(rng.randint(0, 2)):  # typos: replace, drop or add a character
            k = rng.randrange(len(chars))
            action = rng.choice(["replace", "drop", "add"])
            if action == "replace":
                chars[k] = rng.choice("天大学科院x")
            elif action == "drop" and len(chars) > 1:
                del chars[k]
            else:
                chars.insert(k, rng.choice("京集y"))
        queries.append("".join(chars))
    got = ex.js("(qs) => qs.map((q) => kgExplorer.search(q))", queries)
    ids = [e.id for e in kg.entities()]
    by_typo = 0
    for query, found in zip(queries, got, strict=True):
        expected = [ids[o] for o in _reference_search(keys, query.lower(), bounded)]
        assert found == expected, query
        by_typo += bool(expected) and not any(query.lower() in key for _, key in keys)
    assert by_typo >= 10  # the typo search was put to the test
    assert_clean(ex)


def test_chinese_mode_is_chinese(open_page: Any) -> None:
    kg = graph.load()
    ex = open_page(kg)
    filters = ex.page.get_by_test_id("filters").inner_text()
    assert not any(str(t).replace("_", " ") in filters for t in graph.RelationType)
    rel = next(r for r in kg.relations() if r.basis is not graph.Basis.STATED)
    ex.js("kgExplorer.selectRelation", rel.id)
    panel = ex.page.get_by_test_id("panel").inner_text()
    assert rel.type.description_zh in panel
    assert "主语未写明" in panel or "推断" in panel
    if rel.notes_zh:
        assert rel.notes_zh in panel
    assert ex.js("kgExplorer.edgeStyle", rel.id)["dashes"] == [2, 4]
    ex.js("kgExplorer.setLang", "en")
    panel = ex.page.get_by_test_id("panel").inner_text()
    assert "inferred" in panel or "subject unstated" in panel
    # Attribute keys are Chinese in Chinese mode, for every record of the bundled data.
    ex.js("kgExplorer.setLang", "zh")
    keys = ex.js(
        """(ids) => ids.flatMap(([kind, id]) => {
            if (kind === "node") kgExplorer.select(id); else kgExplorer.selectRelation(id);
            return [...document.querySelectorAll("#kg-panel-content > .kg-attrs dt")]
                .map((dt) => dt.textContent);
        })""",
        [["node", e.id] for e in kg if e.attributes]
        + [["edge", r.id] for r in kg.relations() if r.attributes],
    )
    assert keys and [k for k in keys if re.search("[A-Za-z]", k)] == []
    assert_clean(ex)


def test_filters_relation_type_isolated_and_empty(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg)
    ex.page.locator("input[data-filter='rtype'][value='cooperation']").uncheck()
    assert not {r.id for r in kg.relations() if r.type is graph.RelationType.COOPERATION} & set(
        ex.js("kgExplorer.drawnEdgeIds()")
    )
    ex.page.get_by_test_id("hide-isolated").check()
    drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
    edges = set(ex.js("kgExplorer.drawnEdgeIds()"))
    ends = {r.source for r in kg.relations() if r.id in edges} | {
        r.target for r in kg.relations() if r.id in edges
    }
    assert drawn == ends
    for box in ex.page.locator("input[data-filter='type']").all():
        box.uncheck()
    assert ex.page.get_by_test_id("empty").is_visible()
    assert_clean(ex)


def test_focus_page_marks_its_focus(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data).select(focus="天津大学", depth=1)
    ex = open_page(kg, focus="tianjin-university")
    note = ex.page.get_by_test_id("focus-note")
    assert note.is_visible() and "天津大学" in note.inner_text()
    assert ex.js("kgExplorer.nodeStyle", "tianjin-university")["borderWidth"] == 4
    assert_clean(ex)


def test_drafts_look_distinct(open_page: Any, make_data: Any) -> None:
    from _helpers import SAMPLE_ENTITIES, SAMPLE_RELATIONS

    ents = [dict(e) for e in SAMPLE_ENTITIES]
    ents[0]["attributes"] = {**ents[0].get("attributes", {}), "draft": True}
    rels = [dict(r) for r in SAMPLE_RELATIONS]
    rels[0]["attributes"] = {**rels[0].get("attributes", {}), "draft": True}
    kg = graph.load(make_data(entities=ents, relations=rels))
    ex = open_page(kg)
    draft = ents[0]["id"]
    assert ex.js("kgExplorer.nodeStyle", draft)["borderDashes"] == [5, 3]
    assert ex.js("kgExplorer.nodeStyle", ents[1]["id"])["borderDashes"] is False
    ex.js("kgExplorer.select", draft)
    assert ex.page.get_by_test_id("panel").locator(".kg-badge-draft").first.inner_text() == "待审"
    edge = kg.relations()[0]
    assert edge.attributes.get("draft") is True
    styles = {r.id: ex.js("kgExplorer.edgeStyle", r.id)["color"] for r in kg.relations()}
    assert styles[edge.id] == "#8250df"
    assert list(styles.values()).count("#8250df") == 1
    ex.js("kgExplorer.setLang", "en")
    ex.js("kgExplorer.selectRelation", edge.id)
    assert (
        ex.page.get_by_test_id("panel").locator(".kg-badge-draft").first.inner_text() == "proposal"
    )
    assert_clean(ex)


def test_collapse_and_expand_neighbours(open_page: Any) -> None:
    ex = open_page(tree_kg(40, branching=3))
    before = len(ex.js("kgExplorer.drawnNodeIds()"))
    ex.js("kgExplorer.select", "e4")  # its children e13, e14, e15 are leaves
    ex.page.get_by_test_id("panel").locator("button[data-action='collapse']").click()
    drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
    assert len(drawn) == before - 3 and not {"e13", "e14", "e15"} & drawn
    ex.page.get_by_test_id("panel").locator("button[data-action='collapse']").click()
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == before
    assert_clean(ex)


def test_synthetic_graph_of_1200(open_page: Any) -> None:
    kg = tree_kg(1200, branching=3)
    ex = open_page(kg, hash="#path=e5~e1100")
    assert ex.js("kgExplorer.selection()")["kind"] == "path"
    assert overlapping(ex.js("kgExplorer.labelBoxes()")) == []
    ex.page.get_by_test_id("tables-toggle").click()
    assert ex.page.get_by_test_id("table").locator("tbody tr").count() == 1200
    ex.page.get_by_test_id("reader-toggle").click()
    assert ex.page.get_by_test_id("reader").locator("mark.kg-hl").count() == 1
    ex.page.get_by_test_id("tables-toggle").click()  # back to the graph
    ex.js("kgExplorer.setLang", "en")
    assert ex.js("kgExplorer.search", "Firm 1177")[0] == "e1177"
    ex.page.locator("input[data-filter='status'][value='signed']").uncheck()
    ex.page.get_by_test_id("hide-isolated").check()
    assert ex.page.get_by_test_id("empty").is_visible()
    ex.page.get_by_test_id("reset").click()
    with ex.page.expect_download() as info:
        ex.page.get_by_test_id("png").click()
    assert Path(info.value.path()).read_bytes().startswith(b"\x89PNG")
    assert_clean(ex)


def test_zooming_in_shows_more_labels(open_page: Any) -> None:
    ex = open_page(tree_kg(1200, branching=3))
    before = len(ex.js("kgExplorer.labelBoxes()"))
    assert before < 1200  # labels by importance: not all at the starting zoom
    box = ex.page.get_by_test_id("network").bounding_box()
    ex.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    scale = ex.js("kgExplorer.scale()")
    for _ in range(12):
        ex.page.mouse.wheel(0, -300)
        ex.page.wait_for_timeout(20)
    ex.page.wait_for_function(f"() => kgExplorer.scale() > {scale * 1.5}", timeout=5000)
    ex.page.wait_for_timeout(400)  # the relabelling waits for the zoom to end
    boxes = ex.js("kgExplorer.labelBoxes()")
    visible = [
        b
        for b in boxes
        if b["right"] > box["x"]
        and b["left"] < box["x"] + box["width"]
        and b["bottom"] > box["y"]
        and b["top"] < box["y"] + box["height"]
    ]
    assert overlapping(visible) == []
    assert len(boxes) > before
    assert_clean(ex)


def test_touch_selects_and_pans_on_a_phone(open_page: Any, sample_data: Path) -> None:
    ex = open_page(graph.load(sample_data), size=PHONE)
    cdp = ex.page.context.new_cdp_session(ex.page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})

    def touch(kind: str, x: float = 0, y: float = 0) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    at = ex.js("kgExplorer.domPosition", "tianjin-university")
    touch("touchStart", at["x"], at["y"])
    touch("touchEnd")
    ex.page.wait_for_function("() => kgExplorer.selected()[0] === 'tianjin-university'")
    ex.page.keyboard.press("Escape")
    before = ex.js("kgExplorer.domPosition", "lulu")
    nodes = [ex.js("kgExplorer.domPosition", e.id) for e in graph.load(sample_data)]
    x, y = max(
        ((gx, gy) for gx in range(40, 300, 20) for gy in range(150, 600, 20)),
        key=lambda g: min((g[0] - n["x"]) ** 2 + (g[1] - n["y"]) ** 2 for n in nodes),
    )  # empty canvas, so that the drag pans instead of moving a node
    touch("touchStart", x, y)
    for i in range(1, 11):
        ex.page.wait_for_timeout(16)
        touch("touchMove", x + 8 * i, y + 5 * i)
    touch("touchEnd")
    ex.page.wait_for_timeout(100)
    after = ex.js("kgExplorer.domPosition", "lulu")
    assert after["x"] - before["x"] > 40 and after["y"] - before["y"] > 20
    assert_clean(ex)


def test_long_source_reader_shows_excerpts(open_page: Any) -> None:
    rng = __import__("random").Random(9)
    text = "".join(rng.choice("甲乙丙丁戊己庚辛壬癸") for _ in range(250_000))
    quotes = [text[i : i + 12] for i in (1_000, 120_000, 240_000)]
    assert [text.find(q) for q in quotes] == [1_000, 120_000, 240_000]
    src = graph.Source("s", "长文", "Long", "zh-Hans", text)
    ents = [
        graph.Entity(
            f"e{i}",
            graph.EntityType.ENTERPRISE,
            f"企业{i}",
            f"Firm {i}",
            evidence=(graph.Evidence("s", q),),
        )
        for i, q in enumerate(quotes)
    ]
    ex = open_page(graph.KnowledgeGraph(ents, [], [src]))
    ex.page.get_by_test_id("reader-toggle").click()
    reader = ex.page.get_by_test_id("reader")
    assert reader.locator(".kg-gap").count() == 3  # before each excerpt
    assert reader.locator(".kg-text").count() == 3
    assert len(reader.locator("#kg-reader-text").inner_text()) < 5_000
    ex.js("kgExplorer.select", "e1")
    assert ex.page.locator("mark.kg-hl-active").first.inner_text() == quotes[1]
    assert_clean(ex)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hubs_selection_is_legible(open_page: Any, lang: str) -> None:
    kg = graph.load()
    hub = max(kg.entities(), key=lambda e: len(kg.relations(e.id)))
    ex = open_page(kg, lang=lang)
    ex.js("kgExplorer.select", hub.id)
    ex.page.wait_for_function("() => kgExplorer.settled()")  # the move to the hub, relabelled
    boxes = ex.js("kgExplorer.labelBoxes()")
    edge_labels = [b for b in boxes if b["kind"] == "edge"]
    assert len(edge_labels) >= 5  # many of the hub's relations are labelled
    assert hub.id in {b["id"] for b in boxes}
    assert overlapping(boxes) == []  # node and edge labels alike
    # Only the selection's edges carry labels.
    ends = {r.id for r in kg.relations(hub.id)}
    assert {b["id"] for b in edge_labels} <= ends
    assert_clean(ex)


def test_a_hostile_address_is_text(open_page: Any, sample_data: Path) -> None:
    ex = open_page(
        graph.load(sample_data),
        hash="#q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&focus=%E0%A4%A&type=nope&path=~",
    )
    assert ex.page.get_by_test_id("search").input_value() == "<img src=x onerror=alert(1)>"
    assert ex.page.get_by_test_id("empty").is_visible()  # no such type: nothing to show
    assert ex.js("document.querySelectorAll('img, svg, iframe, a').length") == 0
    assert_clean(ex)


def aliased_tree(n: int) -> graph.KnowledgeGraph:
    """``tree_kg(n, branching=3)`` whose entities also have an alias ``别名{i}``."""
    kg = tree_kg(n, branching=3)
    ents = [dataclasses.replace(e, aliases=(f"别名{e.id[1:]}",)) for e in kg.entities()]
    return graph.KnowledgeGraph(ents, kg.relations(), kg.sources())


def test_a_large_graph_starts_with_its_most_connected_entities(
    open_page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 1000)
    monkeypatch.setattr(_html, "OVERVIEW_SIZE", 150)
    kg = aliased_tree(3000)
    degree = dict.fromkeys((e.id for e in kg.entities()), 0)
    for r in kg.relations():
        degree[r.source] += 1
        degree[r.target] += 1
    order = {e.id: i for i, e in enumerate(kg.entities())}
    top = sorted(degree, key=lambda i: (-degree[i], order[i]))[:150]
    ex = open_page(kg)
    assert ex.js("kgExplorer.bounded()") is True
    assert sorted(ex.js("kgExplorer.drawnNodeIds()")) == sorted(top)
    note = ex.page.get_by_test_id("bounded-note")
    assert note.is_visible()
    assert "150" in note.inner_text() and "3,000" in note.inner_text()
    # search finds any entity, drawn or not, by name, English name or alias
    assert "e2999" not in top
    assert ex.js("kgExplorer.search", "企业2999")[0] == "e2999"
    assert ex.js("kgExplorer.search", "Firm 2999")[0] == "e2999"
    assert ex.js("kgExplorer.search", "别名2999")[0] == "e2999"
    # picking it from the search box draws it with its neighbours and opens its panel
    ex.page.get_by_test_id("search").fill("别名2999")
    ex.page.get_by_test_id("search").press("Enter")
    assert ex.js("kgExplorer.selected()") == ["e2999"]
    drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
    assert {"e2999", "e999"} <= drawn  # e999 is e2999's parent
    panel = ex.page.get_by_test_id("panel")
    assert panel.is_visible()
    # records travel packed on a large page: names, aliases and quotes come back whole
    assert "企业2999" in panel.inner_text() and "别名2999" in panel.inner_text()
    assert "甲与乙合作" in panel.inner_text()
    assert "151" in note.inner_text() or "152" in note.inner_text()
    # a drawn entity with undrawn neighbours offers to show them
    ex.js("kgExplorer.select", "e140")
    more = ex.page.get_by_test_id("panel").locator("button[data-action='expand']")
    assert more.is_visible()
    more.click()
    drawn = set(ex.js("kgExplorer.drawnNodeIds()"))
    assert {f"e{3 * 140 + k}" for k in (1, 2, 3)} <= drawn  # its children
    assert ex.page.get_by_test_id("panel").locator("button[data-action='expand']").count() == 0
    # a path between undrawn entities draws every step; an address opens any entity
    result = ex.js("([a, b]) => kgExplorer.path(a, b)", ["e2500", "e2998"])
    assert result is not None
    ex.page.get_by_test_id("path-from").fill("企业2500")
    ex.page.get_by_test_id("path-to").fill("企业2998")
    ex.page.get_by_test_id("path-go").click()
    assert set(result["nodes"]) <= set(ex.js("kgExplorer.drawnNodeIds()"))
    assert_clean(ex)
    ex2 = open_page(kg, hash="#focus=别名2777")
    assert ex2.js("kgExplorer.selected()") == ["e2777"]
    assert_clean(ex2)


def test_filters_and_tables_reach_entities_a_large_graph_has_not_drawn(
    open_page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a bounded page, narrowing a filter draws the most connected entities it lets
    through, and the tables list every matching record, drawn or not."""
    monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 1000)
    monkeypatch.setattr(_html, "OVERVIEW_SIZE", 150)
    tree = tree_kg(3000, branching=3)
    unis = {f"e{i}" for i in range(2800, 2920)}  # leaves: none among the 150 drawn first
    ents = [
        dataclasses.replace(e, type=graph.EntityType.UNIVERSITY) if e.id in unis else e
        for e in tree.entities()
    ]
    ex = open_page(graph.KnowledgeGraph(ents, tree.relations(), tree.sources()))
    assert not unis & set(ex.js("kgExplorer.drawnNodeIds()"))
    ex.js("([k, i, v]) => kgExplorer.setFilter(k, i, v)", ["type", "enterprise", False])
    assert set(ex.js("kgExplorer.drawnNodeIds()")) == unis
    ex.js("([k, i, v]) => kgExplorer.setFilter(k, i, v)", ["type", "enterprise", True])
    ex.page.get_by_test_id("tables-toggle").click()
    table = ex.page.get_by_test_id("table")
    assert table.locator("tbody tr").count() == 2000  # the page holds the first 2,000
    count = ex.page.get_by_test_id("table-count").inner_text()
    assert "3,000" in count and "2,000" in count
    ex.page.get_by_test_id("table-filter").fill("企业2999")
    assert table.locator("tbody tr").count() == 1
    assert "e2999" not in ex.js("kgExplorer.drawnNodeIds()")
    table.locator("tbody tr button").first.click()  # opens it, and draws it
    assert ex.js("kgExplorer.selected()") == ["e2999"]
    ex.page.get_by_test_id("table-filter").fill("")
    ex.page.get_by_test_id("tab-relations").click()
    assert "2,999" in ex.page.get_by_test_id("table-count").inner_text()
    assert_clean(ex)


def test_collapsing_on_a_large_graph_draws_nothing_in_place_of_what_it_hides(
    open_page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 1000)
    monkeypatch.setattr(_html, "OVERVIEW_SIZE", 150)
    ex = open_page(tree_kg(2600, branching=10_000))  # a star: e0 and 2,599 leaves
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == 150
    ex.js("kgExplorer.select", "e0")
    collapse = ex.page.get_by_test_id("panel").locator("button[data-action='collapse']")
    collapse.click()
    assert ex.js("kgExplorer.drawnNodeIds()") == ["e0"]  # its leaves are hidden...
    assert ex.js("kgExplorer.presentCount()") == 150  # ...and no other leaves drawn
    collapse.click()
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == 150
    assert_clean(ex)


def test_a_graph_below_the_limit_is_drawn_whole(open_page: Any, sample_kg: Any) -> None:
    ex = open_page(sample_kg)
    assert ex.js("kgExplorer.bounded()") is False
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == len(sample_kg)
    assert not ex.page.get_by_test_id("bounded-note").is_visible()


def two_sources() -> graph.KnowledgeGraph:
    """Two reports on one tie: talks in 2015 (the later-listed source), an agreement in
    2016, and an undated third mention; plus a visit (a tie of its own kind)."""
    s15 = graph.Source(
        "r2015", "二〇一五年报告", "Report 2015", "zh-Hans", "甲与乙正在洽谈合作。", date="2015"
    )
    s16 = graph.Source(
        "r2016",
        "二〇一六年报告",
        "Report 2016",
        "zh-Hans",
        "甲与乙签署合作协议。甲走访乙。",
        date="2016-03",
    )
    s00 = graph.Source("r0", "无日期材料", "Undated note", "zh-Hans", "甲和乙有合作意向。")
    ents = [
        graph.Entity(
            "a",
            graph.EntityType.ENTERPRISE,
            "甲公司",
            "A Co.",
            evidence=(graph.Evidence("r2015", "甲与乙"),),
        ),
        graph.Entity(
            "b",
            graph.EntityType.UNIVERSITY,
            "乙大学",
            "B University",
            evidence=(graph.Evidence("r2015", "甲与乙"),),
        ),
    ]
    R, S = graph.RelationType, graph.Status

    def rel(rid: str, rtype: Any, status: Any, src: str, quote: str) -> graph.Relation:
        return graph.Relation(rid, "a", "b", rtype, status, evidence=(graph.Evidence(src, quote),))

    rels = [
        rel("signed", R.SIGNED_AGREEMENT, S.SIGNED, "r2016", "甲与乙签署合作协议"),
        rel("talks", R.NEGOTIATION, S.NEGOTIATING, "r2015", "甲与乙正在洽谈合作"),
        rel("intent", R.LETTER_OF_INTENT, S.INTENT, "r0", "甲和乙有合作意向"),
        rel("visit", R.VISIT, S.HELD, "r2016", "甲走访乙"),
    ]
    return graph.KnowledgeGraph(ents, rels, [s16, s15, s00])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_panel_shows_a_ties_history_by_source_date(open_page: Any, lang: str) -> None:
    kg = two_sources()
    ex = open_page(kg, lang, hash="#relation=talks")
    history = ex.page.get_by_test_id("history")
    steps = history.locator("li.kg-history-step")
    # oldest first by the sources' dates (undated first), as graph.history orders them
    assert (
        [steps.nth(i).get_attribute("data-edge") for i in range(steps.count())]
        == [r.id for r in graph.history(kg, "a", "b") if r.id != "visit"]
        == ["intent", "talks", "signed"]
    )
    texts = [steps.nth(i).inner_text() for i in range(3)]
    assert ("无日期" if lang == "zh" else "no date") in texts[0]
    assert "2015" in texts[1] and "甲与乙正在洽谈合作" in texts[1]
    assert "2016-03" in texts[2] and "甲与乙签署合作协议" in texts[2]
    assert ("Report 2016" if lang == "en" else "二〇一六年报告") in texts[2]
    current = history.locator(".kg-badge-current")
    assert current.count() == 1
    assert steps.nth(2).locator(".kg-badge-current").count() == 1
    # a step selects its relation; the visit is a tie of its own and has no history
    steps.nth(2).locator("button.kg-link").first.click()
    assert ex.js("kgExplorer.selection()") == {"kind": "edge", "id": "signed"}
    ex.js("kgExplorer.selectRelation", "visit")
    assert ex.page.get_by_test_id("history").count() == 0
    assert_clean(ex)


def test_saved_views_are_kept_and_reopen_their_address(open_page: Any, sample_kg: Any) -> None:
    ex = open_page(sample_kg, hash="#focus=天津大学")
    ex.js("() => localStorage.clear()")
    ex.js("() => kgExplorer.setLang('zh')")  # the list re-renders (now empty)
    views = ex.page.get_by_test_id("view-list")
    assert views.locator("button").count() == 0
    # keyboard only: type a name, Enter saves the current view
    ex.page.get_by_test_id("view-name").fill("天大 <b>x</b>")
    ex.page.get_by_test_id("view-name").press("Enter")
    ex.page.get_by_test_id("reset").click()
    ex.page.get_by_test_id("search").fill("露露")
    ex.page.get_by_test_id("view-save").focus()
    ex.page.keyboard.press("Enter")  # an unnamed view is named after its search
    names = [b.inner_text() for b in views.locator("button.kg-view-open").all()]
    assert names == ["露露", "天大 <b>x</b>"]  # newest first, names as text
    assert views.locator("b").count() == 0
    ex.page.get_by_test_id("reset").click()
    assert ex.js("kgExplorer.selection()") is None
    # a saved view reopens from the keyboard, in a new page too (localStorage from file://)
    ex2 = open_page(sample_kg)
    views2 = ex2.page.get_by_test_id("view-list")
    opener = views2.locator("button.kg-view-open", has_text="天大")
    opener.focus()
    ex2.page.keyboard.press("Enter")
    ex2.page.wait_for_function("() => (kgExplorer.selection() || {}).id === 'tianjin-university'")
    assert "focus=tianjin-university" in ex2.page.url
    views2.locator("button.kg-view-open", has_text="露露").click()
    # the view's address is applied on the hashchange that follows: wait for it
    ex2.page.wait_for_function(
        "() => document.querySelector('[data-testid=search]').value === '露露'"
    )
    assert ex2.js("kgExplorer.selection()") is None
    views2.locator("button.kg-view-remove").first.click()
    assert [b.inner_text() for b in views2.locator("button.kg-view-open").all()] == [
        "天大 <b>x</b>"
    ]
    assert_clean(ex)
    assert_clean(ex2)


def test_a_large_graph_on_a_phone(open_page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_html, "OVERVIEW_LIMIT", 1000)
    monkeypatch.setattr(_html, "OVERVIEW_SIZE", 150)
    ex = open_page(aliased_tree(2000), size=PHONE)
    assert len(ex.js("kgExplorer.drawnNodeIds()")) == 150
    assert ex.page.get_by_test_id("bounded-note").is_visible()
    assert ex.js("document.documentElement.scrollWidth") <= PHONE[0]
    assert ex.page.locator("#kg-header").bounding_box()["height"] <= 130
    assert_clean(ex)
