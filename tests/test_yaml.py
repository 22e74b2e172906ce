"""The strict YAML reader's scalars: YAML 1.2 core resolution, fast paths included."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from graph._errors import Problem
from graph._limits import Limits
from graph._yaml import read_yaml

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
