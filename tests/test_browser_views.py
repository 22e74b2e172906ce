"""The explorer's Pipeline and Regions views in a real browser: the counts the page shows
are those of graph.pipeline and graph.region_ties, in both languages, on a phone too,
offline, with deep links (#view=pipeline, #view=regions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import test_browser
from _helpers import HOSTILE_IMG
from test_browser import PHONE, assert_clean

import graph

# the browser fixtures of test_browser.py, shared (not copied)
context = test_browser.context
open_page = test_browser.open_page

pytestmark = pytest.mark.browser


@pytest.fixture(params=["fixture", "repository"])
def kg(request: pytest.FixtureRequest, sample_data: Path) -> graph.KnowledgeGraph:
    if request.param == "repository":
        return graph.load()
    return graph.load(sample_data)


def _stages(ex: Any) -> list[tuple[str, int]]:
    return [
        tuple(x)
        for x in ex.js(
            """() => [...document.querySelectorAll('[data-testid="pipeline-stage"]')].map(b =>
             [b.dataset.stage, Number(b.querySelector('.kg-stage-count').textContent)])"""
        )
    ]


def _ties(ex: Any) -> list[tuple[str, str, str, str, int]]:
    return [
        tuple(x)
        for x in ex.js(
            """() => [...document.querySelectorAll('[data-testid="tie-row"]')].map(r =>
             [r.dataset.a, r.dataset.b, r.dataset.kind, r.dataset.status,
              Number(r.querySelector('.kg-tie-count').textContent)])"""
        )
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pipeline_view_shows_the_counts_of_graph_pipeline(
    open_page: Any, kg: graph.KnowledgeGraph, lang: str
) -> None:
    p = graph.pipeline(kg)
    ex = open_page(kg, lang)
    ex.page.get_by_test_id("pipeline-toggle").click()
    assert "view=pipeline" in ex.js("location.hash")
    expected = [(s.stage.value, s.count) for s in p.stages]
    if p.unstaged:
        expected.append(("none", len(p.unstaged)))
    assert _stages(ex) == expected
    names = ex.js("() => [...document.querySelectorAll('.kg-stage-name')].map(n => n.textContent)")
    assert names[: len(p.stages)] == [s.stage.describe(lang) for s in p.stages]
    # each stage opens onto its entities, highlighted in the graph, each with a quote
    for s in p.stages:
        ex.page.locator(f'[data-testid="pipeline-stage"][data-stage="{s.stage.value}"]').click()
        items = ex.js(
            """() => [...document.querySelectorAll('[data-testid="pipeline-items"] > li')].map(
                 li => [li.dataset.id, li.querySelectorAll('blockquote').length])"""
        )
        assert [i for i, _ in items] == [i.entity.id for i in s.items]
        assert all(n > 0 for _, n in items)
        emphasised = set(ex.js("kgExplorer.emphasised()")["nodes"])
        assert {i.entity.id for i in s.items} <= emphasised
        assert f"pick={s.stage.value}" in ex.js("location.hash")
    assert_clean(ex)


def test_pipeline_amounts_and_no_stage_on_the_report(open_page: Any) -> None:
    kg = graph.load()
    p = graph.pipeline(kg)
    (stage,) = [s for s in p.stages if s.totals]
    ex = open_page(kg, "en", hash=f"#view=pipeline&pick={stage.stage.value}")
    bar = ex.page.locator(f'[data-testid="pipeline-stage"][data-stage="{stage.stage.value}"]')
    money = bar.locator(".kg-stage-money").inner_text()
    for currency, value in stage.totals.items():
        assert f"{currency} {value:,}" in money
    assert f"amount not stated {stage.not_stated}" in money
    (item,) = [i for i in stage.items if i.amounts]
    row = ex.page.locator(f'[data-testid="pipeline-items"] > li[data-id="{item.entity.id}"]')
    assert item.amounts[0].text in row.inner_text()
    ex.page.locator('[data-testid="pipeline-stage"][data-stage="none"]').click()
    shown = ex.js(
        """() => [...document.querySelectorAll('[data-testid="pipeline-items"] > li')].map(
             li => li.dataset.id)"""
    )
    assert shown == [i.entity.id for i in p.unstaged]
    assert_clean(ex)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_regions_view_shows_the_counts_of_graph_region_ties(
    open_page: Any, kg: graph.KnowledgeGraph, lang: str
) -> None:
    t = graph.region_ties(kg)
    ex = open_page(kg, lang, hash="#view=regions")
    assert ex.page.get_by_test_id("analysis").is_visible()
    assert _ties(ex) == [(x.a.key, x.b.key, x.kind, x.status.value, x.count) for x in t.ties]
    drawn = ex.js(
        """() => [...document.querySelectorAll('[data-testid="region-node"]')].map(
             g => g.dataset.region)"""
    )
    assert drawn == [r.key for r in t.regions]
    # a region expands into its organisations, each with how its region was found
    for region in t.regions:
        ex.page.locator(f'[data-testid="region-node"][data-region="{region.key}"]').click()
        members = ex.js(
            """() => [...document.querySelectorAll('[data-testid="region-members"] > li[data-id]')]
                 .map(li => li.dataset.id)"""
        )
        assert members == [h.entity.id for h in t.homes.values() if h.region == region]
        assert set(members) <= set(ex.js("kgExplorer.emphasised()")["nodes"])
    # a tie opens onto its relations and their quotes
    first = t.ties[0]
    ex.page.locator('[data-testid="tie-row"] button').first.click()
    detail = ex.page.get_by_test_id("tie-detail")
    assert detail.locator(".kg-tie-relation").count() == len(first.relations)
    assert detail.locator("blockquote").count() >= first.count
    assert_clean(ex)


def test_group_statement_once_and_unknown_region_on_the_report(open_page: Any) -> None:
    kg = graph.load()
    t = graph.region_ties(kg)
    (row,) = [x for x in t.ties if x.collective and x.kind == "letter_of_intent"]
    ex = open_page(kg, "en", hash="#view=regions")
    cell = ex.page.locator(
        f'[data-testid="tie-row"][data-kind="letter_of_intent"][data-a="{row.a.key}"]'
        f'[data-b="{row.b.key}"] .kg-tie-count'
    )
    assert cell.inner_text() == str(row.count) == "1"
    assert "group statements" in (cell.get_attribute("title") or "")
    ex.page.locator('[data-testid="region-node"][data-region="?"]').click()
    members = ex.page.get_by_test_id("region-members").inner_text()
    assert "region unknown" in members
    assert len(t.unknown) == ex.page.locator('[data-testid="region-members"] li[data-id]').count()
    assert_clean(ex)


def test_deep_links_language_and_back(open_page: Any, sample_data: Path) -> None:
    kg = graph.load(sample_data)
    ex = open_page(kg, hash="#view=pipeline&pick=signed&lang=en")
    assert ex.js("kgAnalysis.view()") == "pipeline" and ex.js("kgAnalysis.pick()") == "signed"
    assert ex.page.get_by_test_id("pipeline-toggle").get_attribute("aria-pressed") == "true"
    assert ex.page.get_by_test_id("pipeline-items").is_visible()
    ex.page.get_by_test_id("lang").click()  # to Chinese: the view stays, in Chinese
    assert ex.page.locator("#kg-analysis-title").inner_text() == "各阶段的项目"
    ex.page.get_by_test_id("regions-toggle").click()
    assert "view=regions" in ex.js("location.hash")
    ex.page.go_back()
    ex.page.wait_for_function("() => kgAnalysis.view() === 'pipeline'")
    ex.page.keyboard.press("Escape")
    assert not ex.page.get_by_test_id("analysis").is_visible()
    assert "view=" not in ex.js("location.hash")
    assert_clean(ex)


@pytest.mark.parametrize("view", ["pipeline", "regions"])
def test_views_on_a_phone(open_page: Any, view: str) -> None:
    kg = graph.load()
    ex = open_page(kg, size=PHONE, hash=f"#view={view}")
    box = ex.page.get_by_test_id("analysis").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0] + 1
    assert ex.js("document.documentElement.scrollWidth") <= PHONE[0]
    header = ex.page.locator("#kg-header").bounding_box()
    assert header["height"] <= 110
    if view == "pipeline":
        ex.page.locator('[data-testid="pipeline-stage"]').first.click()
        assert ex.page.get_by_test_id("pipeline-items").is_visible()
    else:
        ex.page.locator('[data-testid="region-node"]').first.click()
        assert ex.page.get_by_test_id("region-members").is_visible()
    assert_clean(ex)


def test_hostile_names_in_the_views_are_text(open_page: Any, hostile_data: Path) -> None:
    kg = graph.load(hostile_data)
    ex = open_page(kg, hash="#view=regions&pick=region:%3F")
    members = ex.page.get_by_test_id("region-members").inner_text()
    assert HOSTILE_IMG in members
    ex.page.locator('[data-testid="tie-row"] button').first.click()
    ex.page.get_by_test_id("pipeline-toggle").click()
    ex.page.locator('[data-testid="pipeline-stage"]').first.click()
    ex.page.wait_for_timeout(200)
    assert ex.js("document.querySelectorAll('img, iframe, a').length") == 0
    assert_clean(ex)


def test_a_long_tie_table_lists_its_first_rows_then_the_rest(open_page: Any) -> None:
    from test_regions import _generated

    kg = _generated(2)
    t = graph.region_ties(kg)
    expected = [(x.a.key, x.b.key, x.kind, x.status.value, x.count) for x in t.ties]
    assert len(expected) > 100
    ex = open_page(kg, "en", hash="#view=regions")
    assert _ties(ex) == expected[:100]
    more = ex.page.get_by_test_id("tie-more")
    assert f"{len(expected) - 100}" in more.inner_text()
    more.click()
    assert _ties(ex) == expected
    assert ex.page.get_by_test_id("tie-more").count() == 0
    assert_clean(ex)
    # a row past the first 100, picked by the address, is listed with its relations
    last = len(expected) - 1
    ex = open_page(kg, "en", hash=f"#view=regions&pick=tie:{last}")
    assert _ties(ex) == expected
    detail = ex.page.get_by_test_id("tie-detail")
    assert detail.locator(".kg-tie-relation").count() == len(t.ties[last].relations)
    assert_clean(ex)
