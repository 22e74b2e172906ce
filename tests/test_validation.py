"""Strict loading: every class of bad input gives a file:line message and no graph."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import graph
from graph._yaml import read_yaml

# A valid entity file: line numbers below refer to this layout.
GOOD_ENTITIES = """\
- id: tsinghua-university
  type: university
  name: 清华大学
  name_en: Tsinghua University
  aliases: [Tsinghua]
  evidence:
    - source: report
      quote: 清华大学
- id: tianjin-university
  type: university
  name: 天津大学
  name_en: Tianjin University
  evidence:
    - source: report
      quote: 天津大学
"""

GOOD_RELATIONS = """\
- source: tsinghua-university
  target: tianjin-university
  type: cooperation
  status: signed
  evidence:
    - source: report
      quote: 清华大学与天津大学签订了合作协议
"""

TEXT = "清华大学与天津大学签订了合作协议。\n"


@pytest.fixture
def folder(make_data: Callable[..., Path]) -> Path:
    root = make_data(entities=[], relations=[], text=TEXT)
    (root / "entities" / "entities.yaml").write_text(GOOD_ENTITIES, encoding="utf-8")
    (root / "relations" / "relations.yaml").write_text(GOOD_RELATIONS, encoding="utf-8")
    return root


def test_good_folder_loads(folder: Path) -> None:
    kg = graph.load(folder)
    assert [e.id for e in kg.entities()] == ["tsinghua-university", "tianjin-university"]
    assert len(kg.relations()) == 1


def _problems(folder: Path) -> list[str]:
    with pytest.raises(graph.DataError) as info:
        graph.load(folder)
    assert isinstance(info.value, graph.KGError)
    return [str(p) for p in info.value.problems]


# (what, file, old text, new text, expected "file:line", expected words in the message)
CASES = [
    (
        "duplicate key",
        "entities",
        "  name_en: Tsinghua University\n",
        "  name_en: Tsinghua University\n  name: 清华\n",
        "entities.yaml:5:",
        "duplicate key 'name'",
    ),
    (
        "anchor",
        "entities",
        "  aliases: [Tsinghua]\n",
        "  aliases: &a [Tsinghua]\n",
        "entities.yaml:5:",
        "anchor '&a'",
    ),
    (
        "alias",
        "entities",
        "  name_en: Tianjin University\n",
        "  name_en: Tianjin University\n  aliases: *a\n",
        "entities.yaml:13:",
        "alias '*a'",
    ),
    (
        "merge key",
        "entities",
        "  name_en: Tianjin University\n",
        "  name_en: Tianjin University\n  <<: {notes: x}\n",
        "entities.yaml:13:",
        "merge key",
    ),
    (
        "explicit tag",
        "entities",
        "  name: 天津大学\n",
        "  name: !!python/name:os.system 天津大学\n",
        "entities.yaml:11:",
        "explicit tag",
    ),
    (
        "yaml syntax",
        "entities",
        "  aliases: [Tsinghua]\n",
        "  aliases: [Tsinghua\n",
        "entities.yaml:6:",
        "invalid YAML",
    ),
    (
        "missing field",
        "entities",
        "  name_en: Tianjin University\n",
        "",
        "entities.yaml:9:",
        "has no 'name_en'",
    ),
    (
        "unknown field",
        "entities",
        "  name_en: Tianjin University\n",
        "  name_en: Tianjin University\n  nmae: 天大\n",
        "entities.yaml:13:",
        "did you mean 'name'",
    ),
    (
        "unknown entity type",
        "entities",
        "  type: university\n  name: 天津大学\n",
        "  type: universty\n  name: 天津大学\n",
        "entities.yaml:10:",
        "did you mean 'university'",
    ),
    (
        "bad id",
        "entities",
        "- id: tianjin-university\n",
        "- id: Tianjin University\n",
        "entities.yaml:9:",
        "not a valid id",
    ),
    (
        "number as name",
        "entities",
        "  name: 天津大学\n",
        "  name: 2015\n",
        "entities.yaml:11:",
        "must be text",
    ),
    (
        "duplicate id",
        "entities",
        "- id: tianjin-university\n",
        "- id: tsinghua-university\n",
        "entities.yaml:9:",
        "duplicate entity id 'tsinghua-university'",
    ),
    (
        "alias clash",
        "entities",
        "  name_en: Tianjin University\n",
        "  name_en: Tianjin University\n  aliases: [tsinghua]\n",
        "entities.yaml:9:",
        "also used by 'tsinghua-university'",
    ),
    (
        "unknown source",
        "entities",
        "    - source: report\n      quote: 天津大学\n",
        "    - source: reprot\n      quote: 天津大学\n",
        "entities.yaml:14:",
        "unknown source 'reprot'",
    ),
    (
        "quote not in source",
        "entities",
        "      quote: 天津大学\n",
        "      quote: 南开大学\n",
        "entities.yaml:15:",
        "quote not found",
    ),
    (
        "traditional quote",
        "entities",
        "      quote: 天津大学\n",
        "      quote: 天津大學\n",
        "entities.yaml:15:",
        "simplified",
    ),
    (
        "not a list",
        "entities",
        GOOD_ENTITIES,
        "id: x\ntype: university\n",
        "entities.yaml:1:",
        "must be a YAML list",
    ),
    (
        "unknown endpoint",
        "relations",
        "  target: tianjin-university\n",
        "  target: tianjin-univ\n",
        "relations.yaml:2:",
        "did you mean 'tianjin-university'",
    ),
    (
        "unknown status",
        "relations",
        "  status: signed\n",
        "  status: sigend\n",
        "relations.yaml:4:",
        "did you mean 'signed'",
    ),
    (
        "bad date",
        "relations",
        "  status: signed\n",
        "  status: signed\n  date: 9月19日\n",
        "relations.yaml:5:",
        "is not a date",
    ),
    (
        "unquoted date",
        "relations",
        "  status: signed\n",
        "  status: signed\n  date: 2015-13-40\n",
        "relations.yaml:5:",
        "is not a date",
    ),
    (
        "empty evidence",
        "relations",
        "  evidence:\n    - source: report\n      quote: 清华大学与天津大学签订了合作协议\n",
        "  evidence: []\n",
        "relations.yaml:5:",
        "non-empty list",
    ),
    (
        "self loop",
        "relations",
        "  target: tianjin-university\n",
        "  target: tsinghua-university\n",
        "relations.yaml:2:",
        "itself",
    ),
    (
        "participation in a non-hub",
        "relations",
        "  type: cooperation\n",
        "  type: participates_in\n",
        "relations.yaml:2:",
        "participates_in must point to",
    ),
    (
        "duplicate relation",
        "relations",
        GOOD_RELATIONS,
        GOOD_RELATIONS + GOOD_RELATIONS,
        "relations.yaml:8:",
        "duplicate relation",
    ),
]


@pytest.mark.parametrize(
    ("what", "kind", "old", "new", "where", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input(
    folder: Path, what: str, kind: str, old: str, new: str, where: str, words: str
) -> None:
    path = folder / kind / f"{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test table out of date for {what}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = _problems(folder)
    assert any(where in p and words in p for p in problems), problems


def test_all_problems_in_one_report(folder: Path) -> None:
    ents = folder / "entities" / "entities.yaml"
    ents.write_text(
        GOOD_ENTITIES.replace("type: university", "type: collage", 1).replace(
            "天津大学\n", "天大学\n"
        ),
        encoding="utf-8",
    )
    rels = folder / "relations" / "relations.yaml"
    rels.write_text(GOOD_RELATIONS.replace("status: signed", "status: done"), encoding="utf-8")
    with pytest.raises(graph.DataError) as info:
        graph.load(folder)
    files = {p.file.name for p in info.value.problems}
    assert files == {"entities.yaml", "relations.yaml"}
    assert len(info.value.problems) >= 3
    message = str(info.value)
    assert message.startswith(
        f"{len(info.value.problems)} problems in the data; nothing was loaded"
    )
    assert "use one of:" in message  # enumeration errors list the allowed values


def test_changed_normalised_text_is_caught(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(graph.DEFAULT_DATA, data)
    text = data / "sources" / "chengde-hitech-jjj-progress.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace("天津大学", "南开大学"), encoding="utf-8"
    )
    problems = _problems(data)
    assert any("sources.yaml" in p and "kg normalize" in p for p in problems), problems


def test_changed_raw_file_is_caught(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(graph.DEFAULT_DATA, data)
    raw = data / "sources" / "chengde-hitech-jjj-progress.raw.txt"
    raw.write_bytes(raw.read_bytes() + b" ")
    problems = _problems(data)
    assert any("has changed" in p for p in problems), problems


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(graph.KGError, match="no data folder"):
        graph.load(tmp_path / "nowhere")


def test_non_utf8_file(folder: Path) -> None:
    (folder / "entities" / "entities.yaml").write_bytes("- id: 天津".encode("gbk"))
    assert any("not UTF-8" in p for p in _problems(folder))


class TestStrictYaml:
    """YAML 1.1 guessing never silently converts values."""

    def read(self, text: str) -> tuple[object, list[graph.Problem]]:
        problems: list[graph.Problem] = []
        return read_yaml(Path("x.yaml"), problems, textwrap.dedent(text)), problems

    def test_no_guessing(self) -> None:
        doc, problems = self.read(
            """\
            a: no
            b: 012
            c: 12:30
            d: 2015-09-19
            e: yes
            f: 0x1F
            g: .inf
            """
        )
        assert problems == []
        assert doc == {
            "a": "no",
            "b": "012",
            "c": "12:30",
            "d": "2015-09-19",
            "e": "yes",
            "f": "0x1F",
            "g": ".inf",
        }

    def test_core_schema_values(self) -> None:
        doc, problems = self.read("a: 12\nb: -3.5\nc: true\nd: null\ne:\nf: '12'\n")
        assert problems == []
        assert doc == {"a": 12, "b": -3.5, "c": True, "d": None, "e": None, "f": "12"}

    def test_positions_are_kept(self) -> None:
        doc, _ = self.read("- id: a\n  name: b\n")
        assert doc[0].key_pos["name"] == (2, 3)  # type: ignore[index]
        assert doc[0].value_pos["name"] == (2, 9)  # type: ignore[index]

    def test_second_document_is_refused(self) -> None:
        _, problems = self.read("- a\n---\n- b\n")
        assert any("second YAML document" in str(p) for p in problems)
