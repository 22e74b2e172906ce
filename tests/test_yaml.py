"""The strict YAML reader's scalars: YAML 1.2 core resolution, fast paths included."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import yaml

import graph
from graph._errors import Problem
from graph._limits import Limits
from graph._yaml import YList, YMap, read_yaml

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
