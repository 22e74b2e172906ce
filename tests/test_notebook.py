"""Jupyter support: inline explorer (iframe srcdoc), text summary, DataFrames."""

from __future__ import annotations

import importlib.util
import sys
import types
from html.parser import HTMLParser
from typing import Any

import pytest

import graph
from graph import Entity, EntityType, KnowledgeGraph
from graph._notebook import repr_html, repr_text, to_dataframe


class _Iframes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.iframes: list[dict[str, str | None]] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.iframes.append(dict(attrs))
        else:
            self.other.append(tag)


def parse(markup: str) -> _Iframes:
    parser = _Iframes()
    parser.feed(markup)
    parser.close()
    return parser


@pytest.fixture
def fake_html(monkeypatch: pytest.MonkeyPatch) -> list[KnowledgeGraph]:
    """Replace ``graph._html`` by a stub whose page holds every awkward character."""
    seen: list[KnowledgeGraph] = []

    def generate_html(kg: KnowledgeGraph, *, lang: str = "zh") -> str:
        seen.append(kg)
        names = "".join(e.name for e in kg)
        return f'<!doctype html><p title="a\'b">{names} &amp; {lang}</p><script>1<2</script>'

    module = types.ModuleType("graph._html")
    module.generate_html = generate_html  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "graph._html", module)
    return seen


def test_repr_text(sample_kg: KnowledgeGraph) -> None:
    lines = repr_text(sample_kg).splitlines()
    assert lines[0] == "KnowledgeGraph: 12 entities, 10 relations, 1 source"
    assert lines[1].startswith("  entities: ") and "university 4" in lines[1]
    assert lines[2].startswith("  relations: ") and "participates_in 6" in lines[2]
    assert repr_text(KnowledgeGraph([], [])) == "KnowledgeGraph: 0 entities, 0 relations, 0 sources"


def test_repr_html_is_an_iframe_whose_srcdoc_is_the_page(
    fake_html: list[KnowledgeGraph], sample_kg: KnowledgeGraph
) -> None:
    evil = Entity("evil", EntityType.PLACE, '"><script>alert(1)</script>&', "Evil")
    kg = KnowledgeGraph([*sample_kg.entities(), evil], sample_kg.relations())
    markup = repr_html(kg, lang="en")
    parsed = parse(markup)
    assert len(parsed.iframes) == 1 and parsed.other == [], "nothing escapes the attribute"
    iframe = parsed.iframes[0]
    page = fake_html[-1]
    names = "".join(e.name for e in page)
    assert iframe["srcdoc"] == (
        f'<!doctype html><p title="a\'b">{names} &amp; en</p><script>1<2</script>'
    )
    assert "sandbox" in iframe and "allow-scripts" in (iframe["sandbox"] or "")
    assert "<script>" not in markup


def test_repr_html_of_a_subgraph(
    fake_html: list[KnowledgeGraph], sample_kg: KnowledgeGraph
) -> None:
    sub = sample_kg.select(focus="天津大学", depth=1)
    assert parse(repr_html(sub)).iframes
    assert fake_html[-1] is sub


def test_repr_html_falls_back_without_the_explorer(
    monkeypatch: pytest.MonkeyPatch, sample_kg: KnowledgeGraph
) -> None:
    monkeypatch.setitem(sys.modules, "graph._html", None)  # import fails
    markup = repr_html(sample_kg)
    assert "<iframe" not in markup
    assert "<td>12</td>" in markup and "explorer is not available" in markup


@pytest.mark.skipif(
    importlib.util.find_spec("graph._html") is None, reason="graph._html is not there yet"
)
def test_repr_html_with_the_real_explorer(sample_kg: KnowledgeGraph) -> None:
    from graph._html import generate_html

    iframes = parse(repr_html(sample_kg)).iframes
    assert len(iframes) == 1
    assert iframes[0]["srcdoc"] == generate_html(sample_kg, lang="zh")


# -- DataFrames ----------------------------------------------------------------------------------


def test_partners_to_dataframe(sample_kg: KnowledgeGraph) -> None:
    df = to_dataframe(sample_kg.partners("天津大学"))
    assert list(df.columns) == [
        "id",
        "name",
        "name_en",
        "type",
        "collective",
        "via",
        "via_name",
        "relations",
        "relation_types",
        "statuses",
    ]
    rows = df.to_dict("records")
    assert rows[0]["id"] == "chengde-petroleum-college"
    assert rows[0]["name"] == "承德石油高等专科学校"
    assert not rows[0]["collective"]


@pytest.mark.parametrize(
    ("query", "columns", "first"),
    [
        (
            lambda kg: kg.find(type="university"),
            ["id", "name", "name_en", "type", "status", "aliases"],
            "tsinghua-university",
        ),
        (
            lambda kg: kg.rank("degree"),
            ["id", "name", "name_en", "type", "score"],
            "enterprise-academia-cooperation",
        ),
        (
            lambda kg: kg.relations("天津大学"),
            ["id", "source", "target", "type", "status", "date", "collective", "quotes"],
            "chengde-petroleum-college--cooperation--tianjin-university",
        ),
        (
            lambda kg: kg.path("天津大学", "承德石油高等专科学校"),
            ["id", "source", "target", "type", "status", "date", "collective", "quotes"],
            "chengde-petroleum-college--cooperation--tianjin-university",
        ),
        (
            lambda kg: kg,
            ["id", "name", "name_en", "type", "status", "aliases"],
            "hitech-zone",
        ),
    ],
)
def test_query_results_to_dataframe(
    sample_kg: KnowledgeGraph, query: Any, columns: list[str], first: str
) -> None:
    results = query(sample_kg)
    df = to_dataframe(results)
    assert list(df.columns) == columns
    assert len(df) == len(results)
    assert df["id"].iloc[0] == first


def test_rank_scores_are_floats(sample_kg: KnowledgeGraph) -> None:
    df = to_dataframe(sample_kg.rank("betweenness"))
    assert df["score"].dtype.kind == "f"


def test_to_dataframe_of_nothing() -> None:
    assert to_dataframe([]).empty


def test_to_dataframe_refuses_other_things() -> None:
    with pytest.raises(graph.ArgumentError, match=r"of 'text'; pass what partners"):
        to_dataframe(["text"])


def test_to_dataframe_without_pandas(
    monkeypatch: pytest.MonkeyPatch, sample_kg: KnowledgeGraph
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(graph.MissingExtraError, match=r"pip install pandas") as info:
        to_dataframe(sample_kg.find())
    assert info.value.extra == "pandas"


def test_ipython_displays_it_inline(
    fake_html: list[KnowledgeGraph], sample_kg: KnowledgeGraph
) -> None:
    """What Jupyter does with a value, once ``_repr_html_`` calls :func:`repr_html`."""
    formatters = pytest.importorskip("IPython.core.formatters")
    display = formatters.DisplayFormatter()
    display.formatters["text/html"].for_type(KnowledgeGraph, repr_html)
    display.formatters["text/plain"].for_type(
        KnowledgeGraph, lambda kg, p, cycle: p.text(repr_text(kg))
    )
    data, _ = display.format(sample_kg)
    assert data["text/html"].startswith("<iframe srcdoc=")
    assert data["text/plain"].startswith("KnowledgeGraph: 12 entities")
