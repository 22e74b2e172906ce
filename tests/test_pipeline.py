"""The project pipeline (graph.pipeline, pipeline_changes, kg pipeline): stages, amounts,
quotes, entities without a stage, as of a date; checked against the bundled data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import graph
from graph._cli import main
from graph._pipeline import STAGE_RELATIONS
from graph._yaml import read_yaml

DATA = Path(graph.DEFAULT_DATA)


def _yaml_entities() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in sorted((DATA / "entities").glob("*.yaml")):
        out += read_yaml(f, [])
    return out


def _yaml_relations() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in sorted((DATA / "relations").glob("*.yaml")):
        out += read_yaml(f, [])
    return out


def _stated_amounts(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        v
        for v in (record.get("attributes") or {}).values()
        if isinstance(v, dict) and "amount" in v and "currency" in v
    ]


@pytest.fixture(scope="module")
def kg() -> graph.KnowledgeGraph:
    return graph.load()


def test_stage_order_is_defined_once_with_both_names() -> None:
    assert len(set(graph.STAGE_ORDER)) == len(graph.STAGE_ORDER)
    for s in graph.STAGE_ORDER:
        assert s.describe("en") and s.describe("zh") and s.describe("zh") != s.describe("en")
    # the order stages move in
    order = [s.value for s in graph.STAGE_ORDER]
    assert order.index("negotiating") < order.index("intent") < order.index("signed")
    assert order.index("signed") < order.index("preliminary_work") < order.index("opened")


def test_every_project_with_a_stage_is_listed_at_it(kg: graph.KnowledgeGraph) -> None:
    """Read from the YAML files, not typed in: each project or programme whose own status
    is a stage, or which a stage-giving relation reaches, is at the furthest such stage
    (the bundled report is one undated source); the others are listed apart."""
    order = list(graph.STAGE_ORDER)
    rels = _yaml_relations()
    expected: dict[str, str | None] = {}
    for e in _yaml_entities():
        if e["type"] not in ("project", "programme"):
            continue
        statuses = [graph.Status(e["status"])] if e.get("status") else []
        statuses += [
            graph.Status(r["status"])
            for r in rels
            if r["target"] == e["id"] and graph.RelationType(r["type"]) in STAGE_RELATIONS
        ]
        staged = [s for s in statuses if s in order]
        expected[e["id"]] = max(staged, key=order.index).value if staged else None
    p = graph.pipeline(kg)
    got = {i.entity.id: (s.stage.value) for s in p.stages for i in s.items}
    got.update({i.entity.id: None for i in p.unstaged})
    assert got == expected
    assert len(p) == len(expected)
    assert any(v is None for v in expected.values())  # some are listed apart
    # stages come in the order stages move, each with as many entities as it lists
    assert [s.stage for s in p.stages] == sorted((s.stage for s in p.stages), key=order.index)
    assert all(s.count == len(s.items) > 0 for s in p.stages)


def test_the_only_stated_amount_is_the_one_in_the_data(kg: graph.KnowledgeGraph) -> None:
    stated = {e["id"]: _stated_amounts(e) for e in _yaml_entities() if _stated_amounts(e)}
    p = graph.pipeline(kg)
    found = {i.entity.id: i.amounts for s in p.stages for i in s.items if i.amounts}
    assert set(found) == set(stated)
    assert len(stated) == 1  # the Anyun project, as the report states it
    (eid, (amount,)) = next(iter(found.items()))
    (raw,) = stated[eid]
    assert (amount.value, amount.currency, amount.text) == (
        raw["amount"],
        raw["currency"],
        raw["text"],
    )
    # traceable to its quote
    assert amount.evidence and all(amount.text in ev.quote for ev in amount.evidence)
    stage = next(s for s in p.stages if any(i.entity.id == eid for i in s.items))
    assert stage.totals == {raw["currency"]: raw["amount"]}
    # the others count as "amount not stated", never as 0
    assert stage.not_stated == stage.count - 1
    assert p.totals == {raw["currency"]: raw["amount"]}
    assert all(s.totals == {} for s in p.stages if s is not stage)


def test_each_item_carries_the_quotes_of_its_stage(kg: graph.KnowledgeGraph) -> None:
    p = graph.pipeline(kg)
    texts = {s.id: s.text for s in kg.sources()}
    for s in p.stages:
        for item in s.items:
            assert item.evidence, item.entity.id
            assert all(ev.quote in texts[ev.source] for ev in item.evidence)
            assert item.entity.status is s.stage or any(r.status is s.stage for r in item.relations)


def test_type_option_and_unknown_type(kg: graph.KnowledgeGraph) -> None:
    only = graph.pipeline(kg, type="programme")
    assert {i.entity.type for s in only.stages for i in s.items} == {graph.EntityType.PROGRAMME}
    with pytest.raises(graph.KGError, match="unknown entity type"):
        graph.pipeline(kg, type="spaceship")


def _dated() -> graph.KnowledgeGraph:
    """A project in talks in a 2015 report and signed in a 2016 one."""
    s15 = graph.Source("r15", "报告甲", "Report A", "zh-Hans", "甲项目正在洽谈。", date="2015")
    s16 = graph.Source("r16", "报告乙", "Report B", "zh-Hans", "甲项目已签约。", date="2016")
    zone = graph.Entity(
        "zone",
        graph.EntityType.DEVELOPMENT_ZONE,
        "承德高新区",
        "Zone",
        evidence=(graph.Evidence("r15", "甲项目"),),
    )
    proj = graph.Entity(
        "p",
        graph.EntityType.PROJECT,
        "甲项目",
        "Project A",
        status=graph.Status.NEGOTIATING,
        evidence=(graph.Evidence("r15", "甲项目正在洽谈"), graph.Evidence("r16", "甲项目")),
    )
    R, S = graph.RelationType, graph.Status
    talks = graph.Relation(
        "talks",
        "zone",
        "p",
        R.NEGOTIATION,
        S.NEGOTIATING,
        evidence=(graph.Evidence("r15", "甲项目正在洽谈"),),
    )
    signed = graph.Relation(
        "signed",
        "zone",
        "p",
        R.SIGNED_AGREEMENT,
        S.SIGNED,
        evidence=(graph.Evidence("r16", "甲项目已签约"),),
    )
    return graph.KnowledgeGraph([zone, proj], [talks, signed], [s15, s16])


def test_as_of_and_changes_between_two_dates() -> None:
    kg = _dated()
    assert graph.pipeline(kg, as_of="2015").stages[0].stage is graph.Status.NEGOTIATING
    now = graph.pipeline(kg, as_of="2016")
    assert [s.stage for s in now.stages] == [graph.Status.SIGNED]
    assert [r.id for r in now.stages[0].items[0].relations] == ["signed"]
    (change,) = graph.pipeline_changes(kg, "2015", "2016")
    assert (change.entity.id, change.before, change.after) == (
        "p",
        graph.Status.NEGOTIATING,
        graph.Status.SIGNED,
    )
    assert graph.pipeline_changes(kg, "2016", "2016") == []
    with pytest.raises(graph.KGError, match="not a date"):
        graph.pipeline(kg, as_of="2016/03")


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_cli_text_json_and_csv_agree_with_the_api(
    kg: graph.KnowledgeGraph, tmp_path: Path, capsys: Any
) -> None:
    p = graph.pipeline(kg)
    code, text = _run("pipeline")
    assert code == 0
    for s in p.stages:
        assert f"{s.stage.describe('en')}" in text
        for i in s.items:
            assert i.entity.name in text
    assert "no stage given" in text
    code, out = _run("pipeline", "--json")
    data = json.loads(out)
    assert code == 0 and [s["count"] for s in data["stages"]] == [s.count for s in p.stages]
    assert len(data["unstaged"]) == len(p.unstaged)
    code, out = _run("pipeline", "--csv", "-o", str(tmp_path / "p.csv"))
    raw = (tmp_path / "p.csv").read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(p)
    assert [r["id"] for r in rows] == [r["id"] for r in p.rows()]
    code, out = _run("pipeline", "--type", "programme", "--json")
    assert {i["type"] for s in json.loads(out)["stages"] for i in s["items"]} == {"programme"}


def test_cli_csv_is_formula_safe(tmp_path: Path, make_data: Any) -> None:
    from _helpers import SAMPLE_ENTITIES, SAMPLE_RELATIONS, SAMPLE_TEXT

    ents = [dict(e) for e in SAMPLE_ENTITIES]
    tong = next(e for e in ents if e["id"] == "tongfang-incubator")
    tong["name_en"] = "=HYPERLINK(1)"
    data = make_data(entities=ents, relations=SAMPLE_RELATIONS, text=SAMPLE_TEXT)
    code, out = _run("--data", str(data), "pipeline", "--csv")
    assert code == 0
    assert "'=HYPERLINK(1)" in out and ",=HYPERLINK" not in out


def test_dataframe_of_a_pipeline(kg: graph.KnowledgeGraph) -> None:
    p = graph.pipeline(kg)
    df = graph.to_dataframe(p)
    assert len(df) == len(p)
    assert df["amount"].notna().sum() == sum(1 for s in p.stages for i in s.items if i.amounts)
    counts = df[df["stage"] != ""].groupby("stage").size().to_dict()
    assert counts == {s.stage.value: s.count for s in p.stages}


def test_cli_changes_between_two_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph._cli_common as cli

    kg = _dated()
    monkeypatch.setattr(cli, "load", lambda path: kg)
    code, out = _run("pipeline", "--changes", "2015", "2016")
    assert code == 0
    assert "1 change(s) of stage between 2015 and 2016" in out
    assert "甲项目" in out and "negotiating → " in out and "signed" in out
    code, out = _run("pipeline", "--changes", "2015", "2016", "--json")
    assert json.loads(out)["changes"] == [
        {
            "id": "p",
            "name": "甲项目",
            "name_en": "Project A",
            "before": "negotiating",
            "after": "signed",
        }
    ]
