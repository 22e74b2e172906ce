"""The normaliser: pinyin, wrap spaces, traditional -> simplified; and the shipped texts."""

from __future__ import annotations

import hashlib

import pytest
import yaml

import graph
from graph._normalize import join_wrap_spaces, strip_pinyin, to_simplified

SOURCES = graph.DEFAULT_DATA / "sources"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("領(lǐng)導(dǎo)", "领导"),
        ("創(chuàng)新", "创新"),
        ("北 京、天津", "北京、天津"),
        ("洽談 27次", "洽谈27次"),
        ("發(fā)展有 限公司", "发展有限公司"),
        ("3個省級聚集(示範)區", "3个省级聚集(示范)区"),  # Chinese in parentheses stays
        ("安云idc大數據", "安云idc大数据"),  # lower case kept
        ("hello world (note)", "hello world (note)"),  # Latin text untouched
        ("北京力??萍紙@項目", "北京力??萍纸@项目"),  # damage kept, not guessed
        ("第一行\n第二行", "第一行\n第二行"),  # line breaks are not wrap spaces
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert graph.normalize(raw) == expected


def test_steps_are_separate_functions() -> None:
    assert strip_pinyin("領(lǐng)導(dǎo) (示範)") == "領導 (示範)"
    assert join_wrap_spaces("北 京 IDC center") == "北京 IDC center"
    assert to_simplified("頸復康藥業") == "颈复康药业"


def test_normalize_is_idempotent() -> None:
    raw = (SOURCES / "chengde-hitech-jjj-progress.raw.txt").read_text(encoding="utf-8")
    once = graph.normalize(raw)
    assert graph.normalize(once) == once


def test_shipped_text_is_the_normalised_raw_file() -> None:
    meta = yaml.safe_load((SOURCES / "sources.yaml").read_text(encoding="utf-8"))
    assert meta, "sources.yaml lists no source"
    for source in meta:
        raw = (SOURCES / source["raw"]).read_text(encoding="utf-8")
        text = (SOURCES / source["text"]).read_text(encoding="utf-8")
        assert graph.normalize(raw) == text, f"regenerate {source['text']} with kg normalize"
        assert source["processing"] == list(graph.NORMALIZATION_STEPS)


def test_raw_file_is_kept_byte_for_byte() -> None:
    meta = yaml.safe_load((SOURCES / "sources.yaml").read_text(encoding="utf-8"))
    for source in meta:
        data = (SOURCES / source["raw"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["raw_sha256"]


def test_normalised_text_has_no_pinyin_or_traditional_left() -> None:
    text = (SOURCES / "chengde-hitech-jjj-progress.txt").read_text(encoding="utf-8")
    for leftover in ("(lǐng)", "領", "導", "北 京", "洽谈 27"):
        assert leftover not in text
