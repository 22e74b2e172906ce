"""The strict YAML reader's scalars: YAML 1.2 core resolution, fast paths included."""

from __future__ import annotations

import random
import re
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml

import graph
from graph._errors import Problem
from graph._limits import Limits
from graph._yaml import YList, YMap, read_items, read_yaml

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+"
)


def expected(text: str) -> Any:
    """The YAML 1.2 core schema as the reader documents it, written out plainly."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def read(tmp_path: Path, text: str) -> tuple[Any, list[Problem]]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    return read_yaml(path, problems, limits=Limits()), problems


def test_plain_scalars_resolve_by_the_core_schema(tmp_path: Path) -> None:
    fixed = [
        "no",
        "yes",
        "on",
        "012",
        "12:30",
        "2015-09-19",
        "0x1f",
        ".5",
        "-.5e3",
        "+1",
        "-0",
        "nul",
        "nulls",
        "Null",
        "tRUE",
        "TRUE",
        "False",
        "falsey",
        "~x",
        "1_000",
        "1e5",
        "1.5",
        "inf",
        ".inf",
        "NaN",
        "天津大学",
        "Tianjin",
        "a b",
        "x1",
        "_1",
        "ñ",
        "Ŧrue",
    ]
    rng = random.Random(3)
    alphabet = "0123456789+-.eE~nNtTfFrualsxyo天 _"
    tokens = fixed + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))).strip() for _ in range(400)
    ]
    tokens = [t for t in dict.fromkeys(tokens) if t and t != "-" and not t.startswith("- ")]
    lines = []
    for i, t in enumerate(tokens):
        lines.append(f"k{i}: {t}")
    value, problems = read(tmp_path, "\n".join(lines) + "\n")
    assert problems == []
    for i, t in enumerate(tokens):
        assert value[f"k{i}"] == expected(t), t
        assert type(value[f"k{i}"]) is type(expected(t)), t


def test_quoted_and_tagged_scalars_stay_text(tmp_path: Path) -> None:
    value, problems = read(tmp_path, "a: '12'\nb: \"true\"\nc: !!str 1.5\nd: |\n  null\n")
    assert problems == []
    assert value == {"a": "12", "b": "true", "c": "1.5", "d": "null\n"}


def test_anchored_and_tagged_text_is_still_refused(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: &x Tianjin\nb: !!binary Tianjin\nc: *x\n")
    messages = " ".join(p.message for p in problems)
    assert "anchor '&x'" in messages
    assert "explicit tag" in messages
    assert "alias '*x'" in messages


def _mark(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: Any) -> Any:
    """What the reader should make of a scalar node: quoted and block text as it is,
    a plain scalar by the core schema."""
    return node.value if node.style else expected(node.value)


def _same(node: Any, value: Any, pos: tuple[int, int]) -> None:
    """The reader's value and positions agree with PyYAML's composed node tree."""
    assert _mark(node) == pos
    if isinstance(node, yaml.MappingNode):
        assert isinstance(value, YMap) and value.pos == pos
        assert len(value) == len(node.value)
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            assert value.key_pos[key] == _mark(key_node)
            _same(value_node, value[key], value.value_pos[key])
    elif isinstance(node, yaml.SequenceNode):
        assert isinstance(value, YList) and value.pos == pos
        assert len(value) == len(node.value) == len(value.item_pos)
        for item_node, item, item_pos in zip(node.value, value, value.item_pos, strict=True):
            _same(item_node, item, item_pos)
    else:
        assert value == _scalar(node) and type(value) is type(_scalar(node))


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    words = ["天津大学", "Tianjin", "no", "012", "1.5", "null", "true", "a: b", "- x", "", " ", "#"]
    roll = rng.random()
    if depth < 4 and roll < 0.25:
        return {f"k{i}-{rng.choice(words)}": _random_value(rng, depth + 1) for i in range(3)}
    if depth < 4 and roll < 0.45:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return rng.choice([*words, rng.randint(-99, 99), rng.random(), None, True, "line\nbreak"])


def test_values_and_positions_agree_with_pyyaml(tmp_path: Path) -> None:
    """Differential: every key, value and item, and the line and column the reader
    gives each, against the node tree PyYAML's own composer builds from the same text
    (the real data files, and random documents in block and flow styles)."""
    data = Path(graph.DEFAULT_DATA)
    texts = [p.read_text(encoding="utf-8") for p in sorted(data.glob("*/*.yaml"))]
    rng = random.Random(11)
    for k in range(150):
        doc = {"records": [_random_value(rng) for _ in range(4)]}
        texts.append(
            yaml.safe_dump(doc, allow_unicode=True, default_flow_style=[False, None][k % 2])
        )
    for text in texts:
        value, problems = read(tmp_path, text)
        assert problems == []
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        _same(node, value, _mark(node))


# -- one record at a time ------------------------------------------------------------------


def test_read_items_yields_each_record_as_soon_as_it_is_read(tmp_path: Path) -> None:
    """A file of records is read one record at a time: the first comes out before the
    parser has reached the syntax error at the end; it stands, and the error is
    reported with its position when the reader gets there."""
    path = tmp_path / "x.yaml"
    path.write_text("- id: a\n  name: 天津\n- id: b\n- id: [c\n", encoding="utf-8")
    problems: list[Problem] = []
    reader = read_items(path, problems, limits=Limits())
    first, pos = next(reader)
    assert (dict(first), pos, first.value_pos["name"]) == (
        {"id": "a", "name": "天津"},
        (1, 3),
        (2, 9),
    )
    assert problems == []  # the error lies ahead
    second, pos = next(reader)
    assert (dict(second), pos) == ({"id": "b"}, (3, 3))
    with pytest.raises(StopIteration) as stop:
        next(reader)
    assert stop.value.value is None  # the file could not be parsed to its end
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(5, "invalid YAML")]


def test_read_items_returns_the_document_and_agrees_with_read_yaml(tmp_path: Path) -> None:
    cases = {
        "- a\n- [b, c]\n": ["a", ["b", "c"]],
        "a: 1\n": {"a": 1},
        "": None,
        "[]\n": [],
        "&x [a]\n": ["a"],  # still read, and refused
    }
    for text, value in cases.items():
        path = tmp_path / "x.yaml"
        path.write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        reader = read_items(path, problems, limits=Limits())
        items = []
        while True:
            try:
                items.append(next(reader))
            except StopIteration as stop:
                doc = stop.value
                break
        whole, whole_problems = read(tmp_path, text)
        assert whole == value and problems == whole_problems, text
        if isinstance(value, list):
            assert isinstance(doc, YList) and doc == [] and doc.pos == whole.pos
            assert [item for item, _ in items] == whole
            assert [pos for _, pos in items] == whole.item_pos
        else:
            assert items == [] and doc == value


def _folder(root: Path, n: int) -> Path:
    """A data folder of ``n`` entities and ``n - 1`` relations, each kind in ONE file,
    every quote a sentence of about 50 characters."""
    for sub in ("sources", "entities", "relations"):
        (root / sub).mkdir(parents=True)
    said = [
        f"第{i}号机构与第{i + 1}号机构签订了合作协议,双方将在技术研发和人才培养等方面开展长期合作"
        for i in range(n)
    ]
    (root / "sources" / "s.txt").write_text("。".join(said), encoding="utf-8")
    (root / "sources" / "sources.yaml").write_text(
        "- id: s\n  title: 报告\n  title_en: Report\n  language: zh-Hans\n  text: s.txt\n",
        encoding="utf-8",
    )
    (root / "entities" / "all.yaml").write_text(
        "".join(
            f"- id: org-{i}\n  type: enterprise\n  name: 第{i}号机构\n  name_en: Organisation {i}\n"
            f"  evidence:\n  - source: s\n    quote: {quote}\n"
            for i, quote in enumerate(said)
        ),
        encoding="utf-8",
    )
    (root / "relations" / "all.yaml").write_text(
        "".join(
            f"- source: org-{i}\n  target: org-{i + 1}\n  type: cooperation\n  status: signed\n"
            f"  evidence:\n  - source: s\n    quote: {said[i]}\n"
            for i in range(n - 1)
        ),
        encoding="utf-8",
    )
    return root


def _traced_load(root: Path) -> tuple[int, int]:
    """The Python memory ``graph.load(root)`` keeps, and its peak on the way, in bytes."""
    tracemalloc.start()
    try:
        kg = graph.load(root, cache=False)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(kg.relations()) == len(kg) - 1
    return kept, peak


def test_a_load_holds_one_record_of_a_file_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16 (4): the loader parsed each file whole into intermediate values before
    it made records of them, so its peak grew with the size of the largest file (2.21
    GB at 100,000 entities, for about a fifth of that kept). Now what a load needs
    beyond what it keeps does not grow with a file's size: four times the records in
    one file, the same headroom (it grew four times before). Traced Python memory,
    which is deterministic; the benchmark measures the process's peak.

    The quote check is left out here: it scans each source once for all its quotes at
    the end (graph._quotes), a working set that grows with the source and its distinct
    quotes, not with how the files are parsed; bench_scale.py measures the whole load's
    peak against what it keeps, quote check included."""
    from graph import _quotes

    monkeypatch.setattr(_quotes.QuoteIndex, "missing", lambda self: {})
    _traced_load(_folder(tmp_path / "warm-up", 10))  # first-use caches, not the load's
    small_kept, small_peak = _traced_load(_folder(tmp_path / "small", 150))
    large_kept, large_peak = _traced_load(_folder(tmp_path / "large", 600))
    assert large_kept > 3 * small_kept
    small, large = small_peak - small_kept, large_peak - large_kept
    assert large <= 1.5 * small, f"headroom {small:,} bytes, then {large:,} for 4x the records"
    # What a load keeps shrinks by about a tenth when earlier tests of the session have
    # interned its strings; the bound holds either way (1.9x alone, 2.0x in the suite).
    assert large_peak <= 2.5 * large_kept, (large_peak, large_kept)
