"""Region ties (graph.region_ties, kg regions): home regions, ties by kind and stage,
group statements once, one sentence once; checked against the bundled data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import graph
from graph._cli import main
from graph._regions import TIE_TYPES
from graph._yaml import read_yaml

DATA = Path(graph.DEFAULT_DATA)


def _records(kind: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in sorted((DATA / kind).glob("*.yaml")):
        out += read_yaml(f, [])
    return out


@pytest.fixture(scope="module")
def kg() -> graph.KnowledgeGraph:
    return graph.load()


@pytest.fixture(scope="module")
def ties(kg: graph.KnowledgeGraph) -> graph.RegionTies:
    return graph.region_ties(kg)


def _side(place: str) -> set[str]:
    """Entities of a place, read from the YAML: located in it, or named after it."""
    ents = _records("entities")
    name = next(e["name"] for e in ents if e["id"] == place)
    located = {
        r["source"]
        for r in _records("relations")
        if r["type"] == "located_in" and r["target"] == place
    }
    return located | {
        e["id"]
        for e in ents
        if e["type"] != "place" and e["name"].startswith(name) and e["id"] not in _located()
    }


def _located() -> set[str]:
    return {r["source"] for r in _records("relations") if r["type"] == "located_in"}


def _statements_between(a: set[str], b: set[str]) -> int:
    """Direct relations between the two sides (one per quote), and hubs with a party on each."""
    ents = {e["id"]: e for e in _records("entities")}
    hubs = {i for i, e in ents.items() if graph.EntityType(e["type"]) in graph._records.HUB_TYPES}
    direct: set[frozenset[str]] = set()
    members: dict[str, set[str]] = {}
    for r in _records("relations"):
        if graph.RelationType(r["type"]) not in TIE_TYPES:
            continue
        s, t = r["source"], r["target"]
        if (s in hubs) != (t in hubs):
            hub, other = (t, s) if t in hubs else (s, t)
            members.setdefault(hub, set()).add(other)
        elif (s in a and t in b) or (s in b and t in a):
            direct.add(frozenset(ev["quote"] for ev in r["evidence"]))
    return len(direct) + sum(1 for m in members.values() if m & a and m & b)


@pytest.mark.parametrize("place", ["beijing", "tianjin"])
def test_the_zone_s_ties_to_beijing_and_tianjin_as_the_data_states_them(
    ties: graph.RegionTies, kg: graph.KnowledgeGraph, place: str
) -> None:
    chengde = _side("chengde")
    assert "chengde-hitech-zone" in chengde
    expected = _statements_between(chengde, _side(place))
    got = ties.between("承德", kg.entity(place).name)
    assert expected > 0
    assert sum(t.count for t in got) == expected


def test_home_regions_follow_the_rules(ties: graph.RegionTies, kg: graph.KnowledgeGraph) -> None:
    located = _located()
    places = [n for p in kg.entities("place") for n in (p.name, *p.aliases) if len(n) > 1]
    for h in ties.homes.values():
        if h.basis == "located_in":
            assert h.entity.id in located and h.relations
        elif h.basis == "name":
            assert h.entity.id not in located and h.entity.name.startswith(h.region.name)
        else:
            assert h.basis == "unknown" and h.region is graph._regions.UNKNOWN
            assert h.entity.id not in located
            assert not any(h.entity.name.startswith(p) for p in places)
    assert ties.unknown  # shown as such, not dropped
    assert ties.home("京津地区客商").region.name == "、".join(
        kg.entity(p).name
        for p in [r.target for r in kg.relations("京津地区客商", type="located_in")]
    )


def test_a_group_statement_counts_once(ties: graph.RegionTies) -> None:
    group = next(
        r
        for r in _records("relations")
        if r["type"] == "letter_of_intent" and r.get("attributes", {}).get("collective")
    )
    rid = f"{group['source']}--{group['type']}--{group['target']}"
    (row,) = [t for t in ties.ties if any(r.id == rid for r in t.relations)]
    assert group["attributes"]["count"] > 1  # a group of many companies …
    assert row.count == 1 and row.collective == 1  # … counted once, as a group
    # the group cooperation: many members, one statement
    coop = [t for t in ties.ties if t.kind == "group_cooperation"]
    assert coop
    for t in coop:
        assert t.count == len(t.hubs) < len(t.relations)


def test_one_sentence_supporting_two_relations_counts_once(ties: graph.RegionTies) -> None:
    by_quote: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in _records("relations"):
        if graph.RelationType(r["type"]) in TIE_TYPES:
            key = (r["source"], r["target"], r["evidence"][0]["quote"])
            by_quote.setdefault(key, []).append(r)
    pairs = [rs for rs in by_quote.values() if len(rs) > 1]
    assert pairs  # the data has such a sentence (invests in and builds, BOT)
    for rs in pairs:
        ids = {f"{r['source']}--{r['type']}--{r['target']}" for r in rs}
        rows = [t for t in ties.ties if ids & {r.id for r in t.relations}]
        assert sum(t.count for t in rows) == 1
    for t in ties.ties:  # no row counts more statements than it has quotes or hubs
        direct = (
            {frozenset(ev.quote for ev in r.evidence) for r in t.relations} if not t.hubs else set()
        )
        assert t.count == (len(t.hubs) if t.hubs else len(direct))


def test_as_of_and_unknown_region(tmp_path: Path) -> None:
    s15 = graph.Source(
        "r15", "报告甲", "Report A", "zh-Hans", "天津甲公司与乙公司洽谈。", date="2015"
    )
    s16 = graph.Source(
        "r16", "报告乙", "Report B", "zh-Hans", "天津甲公司与乙公司签约。", date="2016"
    )
    E, R, S, Ev = graph.Entity, graph.RelationType, graph.Status, graph.Evidence
    a = E("a", graph.EntityType.ENTERPRISE, "天津甲公司", "A", evidence=(Ev("r15", "天津甲公司"),))
    b = E("b", graph.EntityType.ENTERPRISE, "乙公司", "B", evidence=(Ev("r15", "乙公司"),))
    rels = [
        graph.Relation(
            "t",
            "a",
            "b",
            R.NEGOTIATION,
            S.NEGOTIATING,
            evidence=(Ev("r15", "天津甲公司与乙公司洽谈"),),
        ),
        graph.Relation(
            "s",
            "a",
            "b",
            R.SIGNED_AGREEMENT,
            S.SIGNED,
            evidence=(Ev("r16", "天津甲公司与乙公司签约"),),
        ),
    ]
    kg = graph.KnowledgeGraph([a, b], rels, [s15, s16])
    (then,) = graph.region_ties(kg, as_of="2015").ties
    (now,) = graph.region_ties(kg, as_of="2016").ties
    assert (then.kind, then.status, now.kind, now.status) == (
        "negotiation",
        S.NEGOTIATING,
        "signed_agreement",
        S.SIGNED,
    )
    assert {then.a.name_en, then.b.name_en} == {"Tianjin", "unknown"}
    assert graph.region_ties(kg).home("b").basis == "unknown"


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def test_cli_text_json_csv_and_dataframe(ties: graph.RegionTies, tmp_path: Path) -> None:
    code, text = _run("regions")
    assert code == 0
    for t in ties.ties:
        assert f"{t.a.name} — {t.b.name}" in text
    assert "(unknown)" in text
    code, out = _run("regions", "--json")
    data = json.loads(out)
    assert [t["count"] for t in data["ties"]] == [t.count for t in ties.ties]
    code, _ = _run("regions", "--csv", "-o", str(tmp_path / "r.csv"))
    raw = (tmp_path / "r.csv").read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [int(r["count"]) for r in rows] == [t.count for t in ties.ties]
    df = graph.to_dataframe(ties)
    assert df["count"].sum() == sum(t.count for t in ties.ties)
    code, _ = _run("regions", "--as-of", "2016/1")
    assert code == 2


ANALYSIS = DATA.parent / "docs" / "analysis.md"


def test_analysis_doc_shows_the_real_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    text = ANALYSIS.read_text(encoding="utf-8")
    shown = re.findall(r"<!-- output: kg (\w+) -->\n```text\n(.*?)```", text, re.S)
    assert {c for c, _ in shown} == {"pipeline", "regions"}
    for command, block in shown:
        code, out = _run(command)
        assert code == 0 and out == block, f"update the output of kg {command} in docs/analysis.md"


def test_analysis_doc_python_blocks_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", ANALYSIS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    for block in blocks:
        exec(compile(block, str(ANALYSIS), "exec"), {})


def test_the_commands_are_documented() -> None:
    text = (DATA.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("pipeline", "regions"):
        assert f"kg {command}" in text
    assert "graph.region_ties" in (DATA.parent / "docs" / "analysis.md").read_text(encoding="utf-8")


def test_page_modules_declare_distinct_top_level_names() -> None:
    """The page's modules share one scope: a second ``function pick`` would replace the
    first (the views' own once replaced the search's)."""
    from graph._html import SCRIPT_MODULES

    js = DATA.parent / "graph" / "templates" / "js"
    seen: dict[str, str] = {}
    for module in SCRIPT_MODULES:
        text = (js / f"{module}.js").read_text(encoding="utf-8")
        for name in re.findall(r"^(?:function|var) ([A-Za-z_$][\w$]*)", text, re.M):
            assert name not in seen, f"{name} is declared in {seen[name]}.js and {module}.js"
            seen[name] = module
    assert {"pipeline", "regions"} <= set(SCRIPT_MODULES)


def test_the_page_gets_whole_counts_and_cut_lists(
    kg: graph.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph import _regions

    p, t = graph.pipeline(kg), graph.region_ties(kg)
    monkeypatch.setattr(_regions, "PAGE_LIST_LIMIT", 2)
    page = _regions.page_payload(kg)
    assert [(s["id"], s["count"]) for s in page["pipeline"]["stages"]] == [
        (s.stage.value, s.count) for s in p.stages
    ]
    assert all(len(s["items"]) == min(2, s["count"]) for s in page["pipeline"]["stages"])
    assert page["pipeline"]["unstagedCount"] == len(p.unstaged)
    assert [x["count"] for x in page["regions"]["ties"]] == [x.count for x in t.ties]
    assert all(len(x["rels"]) <= 2 for x in page["regions"]["ties"])
    assert all(len(r["members"]) == min(2, r["count"]) for r in page["regions"]["regions"])


# -- the fast region_ties against a plain reading of its rules, on generated graphs ------------


def _generated(seed: int) -> graph.KnowledgeGraph:
    """A random graph of the shapes region_ties reads: nested places (and a place in two),
    names that start with a place or a province, groups, hubs with and without a status,
    collective relations, quotes shared between relations, dated and undated sources."""
    import random

    from graph import Entity, EntityType, Evidence, Relation, RelationType, Source, Status

    rng = random.Random(seed)
    dated = seed % 2 == 0
    sources = [
        Source(f"s{i}", f"来源{i}", f"Source {i}", "zh-Hans", "", date=f"201{i}" if dated else None)
        for i in range(3)
    ]
    quotes = [f"第{i}句话" for i in range(5)]

    def evidence() -> tuple[Evidence, ...]:
        k = rng.choice([1, 1, 1, 2, 2])
        return tuple(Evidence(rng.choice(sources).id, rng.choice(quotes)) for _ in range(k))

    places = [("北京", None), ("河北", None), ("承德", "河北"), ("双桥", "承德"), ("天津", None)]
    ents = [
        Entity(f"p-{n}", EntityType.PLACE, n + ("市" if up else ""), f"Place {n}", (n,))
        for n, up in places
    ]
    rels: list[Relation] = []

    def rel(a: str, b: str, t: RelationType, s: Status, attrs: dict[str, Any] | None = None):
        rels.append(
            Relation(f"r{len(rels)}", a, b, t, s, attributes=attrs or {}, evidence=evidence())
        )

    for n, up in places:
        if up:
            rel(f"p-{n}", f"p-{up}", RelationType.LOCATED_IN, Status.STATED)
    rel("p-双桥", "p-天津", RelationType.LOCATED_IN, Status.STATED)  # a place in two
    heads = ["北京", "天津", "承德", "河北", "山东", "双桥", "某", "京", ""]
    orgs = []
    for i in range(60):
        kind = rng.choice([EntityType.ENTERPRISE, EntityType.UNIVERSITY, EntityType.GROUP])
        eid = f"o{i}"
        ents.append(
            Entity(eid, kind, f"{rng.choice(heads)}机构{i}", f"Org {i}", evidence=evidence())
        )
        orgs.append(eid)
        if rng.random() < 0.25:
            rel(eid, f"p-{rng.choice(places)[0]}", RelationType.LOCATED_IN, Status.STATED)
    hubs = []
    stage_statuses = [s for s in Status]
    for j in range(15):
        kind = rng.choice([EntityType.PROJECT, EntityType.PROGRAMME, EntityType.COOPERATION])
        status = rng.choice([None, *stage_statuses])
        ents.append(
            Entity(f"h{j}", kind, f"项目{j}", f"Hub {j}", status=status, evidence=evidence())
        )
        hubs.append(f"h{j}")
    types = [*sorted(TIE_TYPES, key=str), RelationType.LOCATED_IN, RelationType.SUPPORTS]
    for _ in range(260):
        t = rng.choice(types)
        a = rng.choice(orgs + hubs[:3])
        b = rng.choice(orgs + hubs + hubs)
        if a == b or t is RelationType.LOCATED_IN:
            continue
        attrs = {"collective": True} if rng.random() < 0.1 else None
        rel(a, b, t, rng.choice(stage_statuses), attrs)
    return graph.KnowledgeGraph(ents, rels, sources)


def _reference(kg: graph.KnowledgeGraph) -> tuple[dict[Any, Any], dict[str, tuple[str, str]]]:
    """region_ties by its rules, written plainly: (rows, homes of the entities in a tie)."""
    from graph._pipeline import _stage
    from graph._records import COLLECTIVE_TYPES, HUB_TYPES, STAGE_ORDER
    from graph._regions import _PROVINCES, UNKNOWN

    ents = {e.id: e for e in kg}
    up: dict[str, list[str]] = {}
    for r in kg.relations(type="located_in"):
        up.setdefault(r.source, []).append(r.target)

    def tops(pid: str, seen: frozenset[str]) -> list[str]:
        above = [t for t in up.get(pid, []) if t not in seen]
        out: list[str] = []
        for u in above:
            out += [t for t in tops(u, seen | {u}) if t not in out]
        return out or [pid]

    def top_key(pid: str) -> str:
        return "+".join(tops(pid, frozenset({pid})))

    prefixes = {zh: en.lower().replace(" ", "-") for zh, en in _PROVINCES}
    for p in kg.entities("place"):
        for name in (p.name, *p.aliases):
            if len(name) >= 2 and not name.isascii():
                prefixes[name] = top_key(p.id)

    def home(e: graph.Entity) -> tuple[str, str]:
        if e.id in up:
            return top_key(e.id), "located_in"
        if e.type is graph.EntityType.PLACE:
            return top_key(e.id), "place"
        for n in range(len(e.name) - 1, 1, -1):
            if e.name[:n] in prefixes:
                return prefixes[e.name[:n]], "name"
        return UNKNOWN.key, "unknown"

    def rank(s: graph.Status) -> tuple[int, str]:
        return (STAGE_ORDER.index(s) if s in STAGE_ORDER else -1, s.value)

    rows: dict[Any, dict[Any, list[Any]]] = {}
    homes: dict[str, tuple[str, str]] = {}

    def add(a: str, b: str, kind: str, status: Any, key: Any, rels: list[Any], coll: bool) -> None:
        st = rows.setdefault((min(a, b), max(a, b), kind, status), {}).setdefault(key, [[], False])
        st[0] += [r.id for r in rels]
        st[1] = st[1] or coll

    members: dict[str, list[graph.Relation]] = {}
    for r in kg.relations(type=TIE_TYPES):
        s, t = ents[r.source], ents[r.target]
        if (s.type in HUB_TYPES) != (t.type in HUB_TYPES):
            members.setdefault(t.id if t.type in HUB_TYPES else s.id, []).append(r)
            continue
        homes[s.id], homes[t.id] = home(s), home(t)
        coll = r.collective or s.type in COLLECTIVE_TYPES or t.type in COLLECTIVE_TYPES
        key = frozenset((ev.source, ev.quote) for ev in r.evidence)
        add(homes[s.id][0], homes[t.id][0], r.type.value, r.status, key, [r], coll)
    sources = {s.id: s for s in kg.sources()}
    for hub_id, rels in members.items():
        hub = ents[hub_id]
        into = [r for r in kg.relations() if r.target == hub_id]
        status = (
            _stage(hub, into, sources)[0] or hub.status or max((r.status for r in rels), key=rank)
        )
        others = [ents[r.other(hub_id)] for r in rels]
        for o in others:
            homes[o.id] = home(o)
        keys = sorted({homes[o.id][0] for o in others})
        pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]] or [(keys[0], keys[0])]
        coll = hub.type in COLLECTIVE_TYPES or any(
            r.collective or o.type in COLLECTIVE_TYPES for r, o in zip(rels, others, strict=True)
        )
        kind = {"project": "project", "programme": "programme"}.get(
            hub.type.value, "group_cooperation"
        )
        for a, b in pairs:
            add(a, b, kind, status, ("hub", hub_id), rels, coll)
    return rows, homes


@pytest.mark.parametrize("seed", range(8))
def test_region_ties_matches_a_plain_reading_of_its_rules(seed: int) -> None:
    kg = _generated(seed)
    rows, homes = _reference(kg)
    t = graph.region_ties(kg)
    counts = [x.count for x in t.ties]  # before the rows' statements are made
    got = {
        (x.a.key, x.b.key, x.kind, x.status): (
            x.count,
            x.collective,
            [r.id for r in x.relations],
            [h.id for h in x.hubs],
        )
        for x in t.ties
    }
    # in order: a row's statements as first met in data order, then its hubs, in the
    # order their first relation comes in the data
    want = {
        k: (
            len(sts),
            sum(coll for _, coll in sts.values()),
            list(dict.fromkeys(r for rels, _ in sts.values() for r in rels)),
            [key[1] for key in sts if isinstance(key, tuple) and key[0] == "hub"],
        )
        for k, sts in rows.items()
    }
    assert got == want
    assert counts == [len(x.statements) for x in t.ties]
    assert len(got) > 10 and any(x.count > 1 for x in t.ties)  # the data exercises merging
    assert {i: (h.region.key, h.basis) for i, h in t.homes.items()} == homes
    assert list(t.homes) == [e.id for e in kg if e.id in homes]  # in data order
    assert {h.basis for h in t.homes.values()} == {"located_in", "name", "unknown"}


def test_the_hubs_of_a_row_keep_their_order() -> None:
    """Hubs with the same regions are counted together; a row still lists its hubs in
    the order the data first joins them (here h2 reaches one region more than h1, h3)."""
    from graph import Entity, EntityType, Evidence, Relation, RelationType, Source, Status

    ev = (Evidence("s", "三个项目各有几家单位参加"),)
    orgs = [
        Entity(f"o-{n}", EntityType.ENTERPRISE, f"{n}测试公司", f"{n} test company", evidence=ev)
        for n in ("北京", "天津", "河北")
    ]
    hubs = [
        Entity(f"h{i}", EntityType.PROJECT, f"测试项目{i}", f"Test project {i}", evidence=ev)
        for i in (1, 2, 3)
    ]
    joins = [("h1", "北京"), ("h1", "天津"), ("h2", "北京"), ("h2", "天津"), ("h2", "河北")]
    joins += [("h3", "天津"), ("h3", "北京")]
    rels = [
        Relation(f"r{i}", f"o-{n}", h, RelationType.PARTICIPATES_IN, Status.SIGNED, evidence=ev)
        for i, (h, n) in enumerate(joins)
    ]
    kg = graph.KnowledgeGraph([*orgs, *hubs], rels, [Source("s", "测试", "Test", "zh-Hans", "")])
    (row,) = graph.region_ties(kg).between("北京", "天津")
    assert (row.kind, row.count) == ("project", 3)
    assert [h.id for h in row.hubs] == ["h1", "h2", "h3"]
    assert [r.id for r in row.relations] == [f"r{i}" for i in range(7)]  # all of h2's too
