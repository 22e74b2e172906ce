"""One schema for record fields (graph._records.SCHEMA): every output carries every field.

A probe graph gives every field of an entity and a relation a value of its own,
never the default; each output (dict views, ``kg.nx``, the page payload packed and
not, every registered export, FalkorDB's properties, the review graph, the loader
and the warm load) must show each value for its record. The check itself is
tested too: an output with one field's value removed fails it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from _helpers import write_data

import graph
from graph import _falkordb, _html
from graph._export import EXPORT_FORMATS
from graph._ingest._review import draft_graph
from graph._records import SCHEMA, Entity, Evidence, Kind, Relation, Source

_TEXT = "探针甲方与探针乙方合作。探针乙方举办了探针会议。\n"
_QUOTE_E = "探针甲方与探针乙方合作"
_QUOTE_R = "探针乙方举办了探针会议"

#: A value for every field, none of them the default. A new field needs one here.
PROBE_VALUES: dict[type[Any], dict[str, Any]] = {
    Entity: {
        "id": "probe-entity",
        "type": graph.EntityType.MEDIA_WORK,
        "name": "探针甲方",
        "name_en": "Probe Alpha Name",
        "aliases": ("probe-alias-one",),
        "status": graph.Status.SITE_SURVEY,
        "attributes": {"probe_attr": "probe-attr-value"},
        "notes": "probe-notes-en",
        "evidence": (Evidence("probe-source", _QUOTE_E),),
        "name_en_kind": graph.NameKind.OFFICIAL,
        "notes_zh": "探针注释中文",
    },
    Relation: {
        "id": "probe-entity--draws_on--probe-partner",  # the id a draft relation gets
        "source": "probe-entity",
        "target": "probe-partner",
        "type": graph.RelationType.DRAWS_ON,
        "status": graph.Status.DESIGNATED,
        "date": "1999-09",
        "attributes": {"probe_rel_attr": "probe-rel-attr-value"},
        "notes": "probe-rel-notes-en",
        "evidence": (Evidence("probe-source", _QUOTE_R),),
        "basis": graph.Basis.INFERRED,
        "event": "probe-event",
        "notes_zh": "探针关系注释",
    },
}


def _probe(cls: type[Any]) -> Any:
    return cls(**PROBE_VALUES[cls])


PROBE_ENTITY: Entity = _probe(Entity)
PROBE_RELATION: Relation = _probe(Relation)
_EV = (Evidence("probe-source", _QUOTE_R),)
PARTNER = Entity("probe-partner", graph.EntityType.PLACE, "探针乙方", "Probe Beta", evidence=_EV)
EVENT = Entity("probe-event", graph.EntityType.EVENT, "探针会议", "Probe Meeting", evidence=_EV)
SOURCE = Source("probe-source", "探针标题", "Probe title", "zh-Hans", _TEXT, date="2001-02")


def _marker(spec: Any, value: Any) -> str:
    """The text by which an output shows ``value`` of the field ``spec``."""
    if spec.kind is Kind.CHOICE:
        return str(value.value)
    if spec.kind is Kind.TEXTS:
        return str(value[0])
    if spec.kind is Kind.MAPPING:
        return str(next(iter(value.values())))
    if spec.kind is Kind.EVIDENCE:
        return str(value[0].quote)
    return str(value)


def missing(cls: type[Any], shown: str) -> list[str]:
    """The fields of the probe record of ``cls`` whose value ``shown`` lacks."""
    values = PROBE_VALUES[cls]
    return [f.name for f in SCHEMA[cls] if _marker(f, values[f.name]) not in shown]


def _probe_kg() -> graph.KnowledgeGraph:
    return graph.KnowledgeGraph([PROBE_ENTITY, PARTNER, EVENT], [PROBE_RELATION], [SOURCE])


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# -- the outputs: each gives the text it shows for the probe entity and the probe relation --


def _to_dict(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    return _text(kg.entity("probe-entity").to_dict()), _text(kg.relations()[0].to_dict())


def _kg_to_dict(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    data = kg.to_dict()
    (entity,) = [e for e in data["entities"] if e["id"] == "probe-entity"]
    return _text(entity), _text(data["relations"][0])


def _networkx(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    ((u, v, k, d),) = kg.nx.edges(keys=True, data=True)
    return _text(["probe-entity", kg.nx.nodes["probe-entity"]]), _text([u, v, k, d])


def _page(big: bool) -> Callable[[graph.KnowledgeGraph, Path], tuple[str, str]]:
    def page(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
        limit = _html.OVERVIEW_LIMIT
        _html.OVERVIEW_LIMIT = 0 if big else limit
        try:
            payload = _html._payload(kg, "en")
        finally:
            _html.OVERVIEW_LIMIT = limit
        fields = payload["packed_fields"]

        def record(row: Any, kind: str) -> dict[str, Any]:
            if isinstance(row, list):  # a packed row (see graph._html.PACKED_FIELDS)
                assert big
                row = {**row[-1], **dict(zip(fields[kind], row, strict=False))}
            text = payload["sources"][0]["segments"][0][1]
            quotes = [payload["quotes"][i] for i in row["evidence"]]
            quoted = [
                text[q[1] : q[2]] if isinstance(q, list) else text[q["start"] : q["end"]]
                for q in quotes
            ]
            return {**row, "evidence": quoted}

        (node,) = [
            n
            for n in map(lambda r: record(r, "node"), payload["nodes"])
            if n["id"] == "probe-entity"
        ]
        (edge,) = [record(r, "edge") for r in payload["edges"]]
        return _text(node), _text(edge)

    return page


def _falkordb_props(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    return (
        _text(_falkordb._entity_row(kg.entity("probe-entity"))),
        _text(_falkordb._relation_row(kg.relations()[0])),
    )


def _read_table(data: bytes, key: str) -> str:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    return _text([row for row in rows if key in row.values()])


def _folder(name: str) -> Callable[[Path], tuple[str, str]]:
    def read(path: Path) -> tuple[str, str]:
        entities = _read_table((path / "entities.csv").read_bytes(), "probe-entity")
        relations = (path / "relations.csv").read_bytes()
        return entities, _read_table(relations, PROBE_RELATION.id)

    return read


def _networkx_file(read: Callable[[Path], nx.Graph]) -> Callable[[Path], tuple[str, str]]:
    def reader(path: Path) -> tuple[str, str]:
        g = read(path)
        (edge,) = g.edges(data=True)
        return _text(["probe-entity", g.nodes["probe-entity"]]), _text(edge)

    return reader


def _node_link(path: Path) -> nx.Graph:
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


#: How to read back each registered export format. A new format needs one here.
EXPORT_READERS: dict[str, Callable[[Path], tuple[str, str]]] = {
    "graphml": _networkx_file(lambda p: nx.read_graphml(p, force_multigraph=True)),
    "gexf": _networkx_file(nx.read_gexf),
    "json": _networkx_file(_node_link),
    "csv": _folder("csv"),
    "neo4j": _folder("neo4j"),
}


def _export(name: str) -> Callable[[graph.KnowledgeGraph, Path], tuple[str, str]]:
    def output(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
        fmt = EXPORT_FORMATS[name]
        path = kg.export(tmp / (name if fmt.folder else f"graph{fmt.suffix}"), name)
        return EXPORT_READERS[name](path)

    return output


def _cypher(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    path = kg.export(tmp / "neo4j", "neo4j")
    lines = (path / "import.cypher").read_text(encoding="utf-8").splitlines()
    (entity,) = [line for line in lines if line.lstrip().startswith("{`id`: 'probe-entity'")]
    (relation,) = [line for line in lines if PROBE_RELATION.id in line]
    return entity, relation


def _data_folder(tmp: Path) -> Path:
    return write_data(
        tmp / "data",
        entities=[PROBE_ENTITY.to_dict(), PARTNER.to_dict(), EVENT.to_dict()],
        # no id: the loader derives it, source--type--target, which is the probe's
        relations=[{k: v for k, v in PROBE_RELATION.to_dict().items() if k != "id"}],
        text=_TEXT,
        source_id="probe-source",
    )


def _loaded(cache: bool) -> Callable[[graph.KnowledgeGraph, Path], tuple[str, str]]:
    def output(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
        folder = _data_folder(tmp)
        if cache:
            graph.load(folder)  # writes the cache; the next load reads it
        loaded = graph.load(folder, cache=cache)
        e, r = loaded.entity("probe-entity"), loaded.relations()[0]
        assert (e, r) == (PROBE_ENTITY, PROBE_RELATION)
        return repr(_fields_of(e)), repr(_fields_of(r))

    return output


def _fields_of(record: Any) -> dict[str, Any]:
    return {f.name: _marker(f, getattr(record, f.name)) for f in SCHEMA[type(record)]}


def _review(kg: graph.KnowledgeGraph, tmp: Path) -> tuple[str, str]:
    """The review graph: the probe records proposed in a draft."""
    folder = _data_folder(tmp)
    entity = {**PROBE_ENTITY.to_dict(), "name": "探针甲方草稿", "match": "", "review": "pending"}
    entity["id"] = "probe-draft"
    relation = {
        **PROBE_RELATION.to_dict(),
        "source": "探针甲方草稿",
        "target": "probe-partner",
        "review": "pending",
    }
    draft = {"source": "probe-source", "entities": [entity], "relations": [relation]}
    (folder / "drafts").mkdir()
    (folder / "drafts" / "probe-source.yaml").write_text(
        yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8"
    )
    g = draft_graph("probe-source", data=folder)
    shown_e = _text(g.entity("probe-draft").to_dict()).replace("probe-draft", "probe-entity")
    shown_e = shown_e.replace("探针甲方草稿", "探针甲方")
    (r,) = [r for r in g.relations() if r.source == "probe-draft"]
    shown_r = _text(r.to_dict()).replace("probe-draft", "probe-entity")
    return shown_e, shown_r


OUTPUTS: dict[str, Callable[[graph.KnowledgeGraph, Path], tuple[str, str]]] = {
    "to_dict": _to_dict,
    "kg.to_dict": _kg_to_dict,
    "kg.nx": _networkx,
    "page": _page(big=False),
    "page, packed": _page(big=True),
    "falkordb": _falkordb_props,
    "cypher": _cypher,
    "review": _review,
    "load": _loaded(cache=False),
    "warm load": _loaded(cache=True),
    **{f"export {name}": _export(name) for name in EXPORT_FORMATS},
}


def test_the_probe_gives_every_field_a_value_of_its_own() -> None:
    for cls in (Entity, Relation):
        assert set(PROBE_VALUES[cls]) == {f.name for f in SCHEMA[cls]}
        for f in SCHEMA[cls]:
            assert PROBE_VALUES[cls][f.name] != f.default, f.name
    assert set(EXPORT_READERS) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_every_output_carries_every_field(name: str, tmp_path: Path) -> None:
    entity, relation = OUTPUTS[name](_probe_kg(), tmp_path)
    assert missing(Entity, entity) == []
    assert missing(Relation, relation) == []


@pytest.mark.parametrize("cls", [Entity, Relation])
@pytest.mark.parametrize("name", ["to_dict", "page, packed", "export csv", "falkordb"])
def test_the_check_fails_when_a_field_is_dropped(name: str, cls: type[Any], tmp_path: Path) -> None:
    shown = OUTPUTS[name](_probe_kg(), tmp_path)[0 if cls is Entity else 1]
    for f in SCHEMA[cls]:
        dropped = shown.replace(_marker(f, PROBE_VALUES[cls][f.name]), "")
        assert f.name in missing(cls, dropped)


def test_the_page_gets_its_packed_fields_in_its_data() -> None:
    payload = _html._payload(_probe_kg(), "en")
    assert payload["packed_fields"] == {k: list(v) for k, v in _html.PACKED_FIELDS.items()}
    assert payload["packed_fields"] == {
        "node": ["id", "name", "name_en", "type", "degree", "size", "x", "y", "evidence"],
        "edge": ["id", "from", "to", "type", "status", "evidence"],
    }


@pytest.mark.parametrize("record", [PROBE_ENTITY, PROBE_RELATION, SOURCE])
def test_falkordb_properties_read_back_as_the_record(record: Any) -> None:
    if isinstance(record, Entity):
        assert _falkordb._entity(_falkordb._entity_row(record)["props"]) == record
    elif isinstance(record, Relation):
        row = _falkordb._relation_row(record)
        assert _falkordb._relation(row["source"], row["target"], row["props"]) == record
    else:
        assert _falkordb._source(_falkordb._source_row(record)["props"]) == record


def test_a_schema_that_misses_a_field_is_refused() -> None:
    from graph._records import FieldSpec, _schema

    with pytest.raises(TypeError, match="notes_zh"):
        _schema(Entity, tuple(f for f in SCHEMA[Entity] if f.name != "notes_zh"))
    with pytest.raises(TypeError):
        _schema(Evidence, (*SCHEMA[Evidence], FieldSpec("page", Kind.TEXT)))


@pytest.mark.parametrize(
    ("doc", "classes"),
    [
        ("csv", (Entity, Relation)),
        ("neo4j", (Entity, Relation)),
        ("neo4j README", (Entity, Relation)),
        ("falkordb", (Entity, Relation, Source)),
    ],
)
def test_the_format_docs_name_every_field(doc: str, classes: tuple[type[Any], ...]) -> None:
    """The docstrings that describe an output's columns name every field (new ones too)."""
    from graph._export import _csv, _neo4j

    text = {
        "csv": _csv.__doc__,
        "neo4j": _neo4j.__doc__,
        "neo4j README": _neo4j._README,
        "falkordb": _falkordb.__doc__,
    }[doc]
    assert text is not None
    for cls in classes:
        names = [f.name for f in SCHEMA[cls] if f.kind is not Kind.END or doc == "csv"]
        assert [n for n in names if n not in text] == [], cls.__name__
