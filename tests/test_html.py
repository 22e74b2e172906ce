"""The HTML explorer without a browser: offline, complete, escaped, atomic."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _helpers import HOSTILE_IMG, HOSTILE_SCRIPT, tree_kg

import graph
from graph import _html, _sentences
from graph._layout import radial_layout

_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def embedded(page: str) -> dict[str, Any]:
    """The JSON the page embeds."""
    found = _DATA.search(page)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


# -- offline, one file ---------------------------------------------------------------------


def test_page_loads_nothing_from_outside(sample_kg: graph.KnowledgeGraph) -> None:
    page = _html.generate_html(sample_kg)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*\shref\s*=", page, re.I)
    assert not re.search(r"<(img|iframe|embed|object|audio|video|source)\b", page, re.I)
    for ref in re.findall(r"url\(\s*['\"]?([^'\")]*)", page):
        assert ref.startswith("data:"), ref
    assert "@import" not in page


def test_csp_allows_only_the_pages_own_scripts(sample_kg: graph.KnowledgeGraph) -> None:
    page = _html.generate_html(sample_kg)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    scripts = [m for m in _SCRIPT.finditer(page) if "application/json" not in m["attrs"]]
    assert len(scripts) == 2  # vis-network and the explorer
    for m in scripts:
        digest = base64.b64encode(hashlib.sha256(m["body"].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_page_inlines_vis_network_from_pyvis(sample_kg: graph.KnowledgeGraph) -> None:
    page = _html.generate_html(sample_kg)
    assert "@version 9.1.2" in page
    assert "window.kgExplorer" in page


def test_css_names_a_cjk_font_stack(sample_kg: graph.KnowledgeGraph) -> None:
    page = _html.generate_html(sample_kg)
    stack = (
        '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'
    )
    assert stack in page


# -- the data ----------------------------------------------------------------------------------


def test_every_entity_and_relation_is_embedded(sample_kg: graph.KnowledgeGraph) -> None:
    data = embedded(_html.generate_html(sample_kg))
    assert [n["id"] for n in data["nodes"]] == [e.id for e in sample_kg]
    assert [e["id"] for e in data["edges"]] == [r.id for r in sample_kg.relations()]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_legend_comes_from_the_data(sample_kg: graph.KnowledgeGraph) -> None:
    data = embedded(_html.generate_html(sample_kg))
    types = {t["id"]: t for t in data["types"]}
    assert types["project"]["count"] == 2
    assert types["university"]["count"] == 4
    assert "school" not in types  # not in the data, not in the legend
    assert types["enterprise"]["description"] == {
        "en": graph.EntityType.ENTERPRISE.description,
        "zh": graph.EntityType.ENTERPRISE.description_zh,
    }
    statuses = {s["id"]: s for s in data["statuses"]}
    assert statuses["signed"]["style"] == "done"
    assert statuses["negotiating"]["style"] == "prospective"
    assert {r["id"] for r in data["relationTypes"]} == {str(r.type) for r in sample_kg.relations()}
    assert data["title"] == {
        "zh": "承德高新区工作进展情况",
        "en": "Progress report of the Chengde High-tech Zone",
    }


def test_size_grows_with_degree(sample_kg: graph.KnowledgeGraph) -> None:
    nodes = {n["id"]: n for n in embedded(_html.generate_html(sample_kg))["nodes"]}
    assert nodes["hitech-zone"]["degree"] == 3
    assert nodes["hitech-zone"]["size"] > nodes["huarui"]["size"]


def test_every_enum_member_has_labels_and_styles() -> None:
    assert set(_html.TYPE_STYLE) == set(graph.EntityType)
    assert set(_html.RELATION_LABELS) == set(graph.RelationType)
    assert set(_html.STATUS_STYLE) == set(graph.Status)
    assert {style for _, style in _html.STATUS_STYLE.values()} == {
        "done",
        "underway",
        "prospective",
    }


def _sentence(data: dict[str, Any], qi: int) -> tuple[str, str]:
    """The quote and its sentence window, read from the page's source segments."""
    q = data["quotes"][qi]
    segments = data["sources"][q["source"]]["segments"]
    offset, text = next(seg for seg in reversed(segments) if seg[0] <= q["from"])
    return text[q["start"] - offset : q["end"] - offset], text[
        q["from"] - offset : q["to"] - offset
    ]


def test_relation_evidence_comes_with_its_sentence(sample_kg: graph.KnowledgeGraph) -> None:
    data = embedded(_html.generate_html(sample_kg))
    edge = next(e for e in data["edges"] if e["id"].startswith("chengde-petroleum-college--coop"))
    quote, sentence = _sentence(data, edge["evidence"][0])
    assert quote == "承德石油高等专科学校与天津大学合作"
    assert sentence == "承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班。"
    q = data["quotes"][edge["evidence"][0]]
    assert q["cut"] == [False, False]
    assert data["sources"][q["source"]]["title"] == "承德高新区工作进展情况"
    # A short source travels whole, once, for the reader pane.
    (source,) = data["sources"]
    assert source["whole"] is True
    assert source["segments"] == [[0, sample_kg.sources()[0].text]]


def test_each_source_text_travels_once(sample_kg: graph.KnowledgeGraph) -> None:
    page = _html.generate_html(sample_kg)
    text = sample_kg.sources()[0].text
    sentence = "承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班"
    assert text.count(sentence) == 1
    assert page.count(sentence) == 1


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("第一句。甲与乙合作，建设园区。第三句", "甲与乙合作", "甲与乙合作，建设园区。"),
        ("First one. Alpha works with Beta. Last", "Alpha works", "Alpha works with Beta."),
        ("No break v1.2 here. Next", "break", "No break v1.2 here."),
        ("行一\n甲与乙合作\n行三", "甲与乙", "甲与乙合作"),
    ],
)
def test_sentence_window_ends(text: str, quote: str, expected: str) -> None:
    at = text.index(quote)
    a, b = _sentences.sentence_window(text, at, at + len(quote))
    assert text[a:b] == expected


def test_sentence_window_is_capped_on_each_side() -> None:
    text = "x" * 5000 + "QUOTE" + "y" * 5000
    a, b = _sentences.sentence_window(text, 5000, 5005)
    assert (a, b) == (5000 - _sentences.CONTEXT, 5005 + _sentences.CONTEXT)


def test_long_source_without_breaks_gives_a_small_page() -> None:
    """Issue 8 #4: 2 million characters without a sentence end and 200 quotes."""
    rng = __import__("random").Random(4)
    text = "".join(rng.choice("甲乙丙丁戊己庚辛壬癸") for _ in range(2_000_000))
    src = graph.Source("s", "长文", "Long", "zh-Hans", text)
    quotes = [text[i : i + 12] for i in range(5_000, 2_000_000, 9_950)][:200]
    assert len(quotes) == 200
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
    page = _html.generate_html(graph.KnowledgeGraph(ents, [], [src]))
    data = embedded(page)
    (source,) = data["sources"]
    assert source["whole"] is False and source["length"] == 2_000_000
    carried = sum(len(seg[1]) for seg in source["segments"])
    assert carried <= 200 * (2 * _sentences.CONTEXT + 12)
    assert len(page.encode("utf-8")) < 3_000_000  # vis-network alone is about 470 kB
    for i, q in enumerate(data["quotes"]):
        quote, sentence = _sentence(data, i)
        assert quote == quotes[i] and quote in sentence
        assert q["cut"] == [True, True]


def test_group_statements_are_marked(sample_kg: graph.KnowledgeGraph) -> None:
    data = embedded(_html.generate_html(sample_kg))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["enterprise-academia-cooperation"]["collective"] is True
    assert nodes["lulu"]["collective"] is False
    collective = {e["from"] for e in data["edges"] if e["collective"]}
    assert collective == {"lulu", "jingfukang", "tsinghua-university", "peking-university"}
    # No bilateral edge is invented between members of the group statement.
    assert not any(e["from"] == "lulu" and e["to"] == "tsinghua-university" for e in data["edges"])


def test_same_graph_same_page(sample_kg: graph.KnowledgeGraph) -> None:
    assert _html.generate_html(sample_kg) == _html.generate_html(sample_kg)


def test_empty_graph() -> None:
    data = embedded(_html.generate_html(graph.KnowledgeGraph([], [])))
    assert data["nodes"] == [] and data["edges"] == []
    assert data["title"]["en"] == "Regional cooperation knowledge graph"


def test_large_graphs_get_fixed_positions_and_no_physics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kg = tree_kg(12)
    assert embedded(_html.generate_html(kg))["physics"] is True
    monkeypatch.setattr(_html, "PHYSICS_LIMIT", 10)
    data = embedded(_html.generate_html(kg))
    assert data["physics"] is False
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 12


# -- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_sets_the_initial_language(sample_kg: graph.KnowledgeGraph, lang: str) -> None:
    assert embedded(_html.generate_html(sample_kg, lang=lang))["lang"] == lang


@pytest.mark.parametrize("lang", ["fr", "ZH", ""])
def test_unknown_lang_is_an_error_naming_the_choices(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, lang: str
) -> None:
    with pytest.raises(graph.KGError, match=r"unknown language .*; use one of: zh, en"):
        _html.generate_html(sample_kg, lang=lang)
    with pytest.raises(graph.KGError, match="use one of: zh, en"):
        sample_kg.to_html(tmp_path / "x.html", lang=lang)
    assert not (tmp_path / "x.html").exists()


# -- nothing from the data runs ------------------------------------------------------------------


def test_hostile_strings_are_escaped(hostile_data: Path) -> None:
    page = _html.generate_html(graph.load(hostile_data))
    # Three </script>: the JSON block, vis-network and the explorer; none from data.
    assert page.lower().count("</script") == 3
    assert HOSTILE_SCRIPT not in page
    assert HOSTILE_IMG not in page
    assert "<svg" not in page and "<b " not in page and "<!-- &" not in page
    assert "\u2028" not in page and "\u2029" not in page
    data = embedded(page)
    evil = next(n for n in data["nodes"] if n["id"] == "evil")
    assert evil["name"] == HOSTILE_IMG  # the JSON gives the strings back exactly
    assert evil["name_en"] == HOSTILE_SCRIPT
    assert evil["notes"]["en"] == "<script>alert(6)</script> & \u2028 \u2029"
    assert evil["attributes"] == {
        "<i>key</i>": "<svg onload=alert(4)>",
        "href": "javascript:alert(5)",
    }


def test_script_json_escapes_what_could_end_the_element() -> None:
    text = _html.script_json({"a": "</script><!--&\u2028\u2029"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}'
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_the_explorer_script_never_builds_markup_from_strings() -> None:
    js = _html.script()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js
    assert not re.search(r"setAttribute\(\s*['\"]on", js)


# -- writing -----------------------------------------------------------------------------------


def test_write_html_writes_and_returns_the_path(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path
) -> None:
    out = _html.write_html(sample_kg, tmp_path / "sub" / "g.html", lang="en")
    assert out == tmp_path / "sub" / "g.html"
    assert out.read_text(encoding="utf-8") == _html.generate_html(sample_kg, lang="en")


def test_default_path_is_output_under_the_current_folder(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Path("output") / "graph.html" == _html.DEFAULT_HTML
    monkeypatch.setattr(_html, "DEFAULT_HTML", tmp_path / "output" / "graph.html")
    assert _html.write_html(sample_kg) == tmp_path / "output" / "graph.html"
    assert (tmp_path / "output" / "graph.html").is_file()


def test_to_html_on_a_subgraph(sample_kg: graph.KnowledgeGraph, tmp_path: Path) -> None:
    out = sample_kg.to_html(tmp_path / "g.html", focus="天津大学", depth=1)
    ids = {n["id"] for n in embedded(out.read_text(encoding="utf-8"))["nodes"]}
    assert ids == {"tianjin-university", "chengde-petroleum-college", "instrumentation-masters"}


def _previous(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "graph.html"
    out.write_text("previous page", encoding="utf-8")
    return out


@pytest.mark.parametrize(
    "breakage",
    ["page", "rename"],
    ids=["building the page fails", "the final rename fails"],
)
def test_a_failed_export_keeps_the_previous_file(
    sample_kg: graph.KnowledgeGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    breakage: str,
) -> None:
    out = _previous(tmp_path)

    def boom(*args: object, **kwargs: object) -> Any:
        raise OSError(28, "No space left on device")

    if breakage == "page":
        monkeypatch.setattr(_html, "_payload_parts", boom)
    else:
        monkeypatch.setattr(os, "replace", boom)
    # the page is streamed into the temporary file, so a failure while building it is a
    # failure of the write: an ExportError, and nothing changed
    with pytest.raises(graph.ExportError):
        _html.write_html(sample_kg, out)
    assert out.read_text(encoding="utf-8") == "previous page"
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]  # no temp file left


def test_invalid_data_leaves_the_previous_file(
    make_data: Callable[..., Path], tmp_path: Path
) -> None:
    out = _previous(tmp_path)
    bad = make_data(relations=[{"source": "nobody", "target": "lulu", "type": "visit"}])
    with pytest.raises(graph.DataError):
        graph.load(bad).to_html(out)
    assert out.read_text(encoding="utf-8") == "previous page"


def test_an_unwritable_path_is_an_export_error(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(graph.ExportError, match="cannot write"):
        _html.write_html(sample_kg, blocker / "graph.html")


# -- layout ------------------------------------------------------------------------------------


def test_layout_places_every_node_apart_and_deterministically() -> None:
    nodes = [f"n{i}" for i in range(40)]
    edges = [(f"n{i}", f"n{i // 3}") for i in range(1, 30)] + [("n30", "n31"), ("n31", "nX")]
    pos = radial_layout(nodes, edges)
    assert list(pos) == nodes
    assert len(set(pos.values())) == len(nodes)
    assert pos == radial_layout(nodes, edges)


def test_layout_of_nothing() -> None:
    assert radial_layout([], []) == {}


def test_the_script_is_the_modules_joined_in_order() -> None:
    js = _html.script()
    folder = Path(_html.__file__).parent / "templates" / "js"
    assert sorted(p.stem for p in folder.glob("*.js")) == sorted(_html.SCRIPT_MODULES)
    at = [js.index(f"// -- {name}:") for name in _html.SCRIPT_MODULES]
    assert at == sorted(at)
    assert js.startswith("(function () {") and js.rstrip().endswith("})();")


def test_a_focus_page_names_its_focus(sample_kg: graph.KnowledgeGraph, tmp_path: Path) -> None:
    out = sample_kg.to_html(tmp_path / "g.html", focus="Tianjin University", depth=1)
    assert embedded(out.read_text(encoding="utf-8"))["focus"] == "tianjin-university"
    assert embedded(_html.generate_html(sample_kg))["focus"] is None


def test_a_hubs_neighbours_get_room() -> None:
    nodes = ["hub", *(f"n{i}" for i in range(60))]
    pos = radial_layout(nodes, [("hub", f"n{i}") for i in range(60)], spacing=60)
    ring = sorted(pos[f"n{i}"] for i in range(60))
    gaps = [
        min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for b in ring if b is not a)
        for a in ring
    ]
    assert min(gaps) >= 2 * 60  # room for a label between neighbours


def test_non_finite_numbers_are_an_export_error() -> None:
    """A graph built in Python may hold NaN; the page never carries it as JSON."""
    e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde", attributes={"x": float("nan")})
    with pytest.raises(graph.ExportError, match="finite"):
        _html.generate_html(graph.KnowledgeGraph([e], []))
