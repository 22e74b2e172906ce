"""The normaliser: pinyin, wrap spaces, traditional -> simplified; and the shipped texts."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

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
        ("北 京、天津", "北 京、天津"),  # one space shows no wrapping: kept
        ("簽約儀式 新材料產業園開工", "签约仪式 新材料产业园开工"),  # a headline's space
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
    wrapped = " ".join(["京津冀协同发展推进合作平台建设"] * 4) + " IDC center"
    assert join_wrap_spaces(wrapped) == "京津冀协同发展推进合作平台建设" * 4 + " IDC center"
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


def wrap(text: str, width: int) -> str:
    """``text`` with a space every ``width`` characters, as a web copy's line wrapping left it."""
    return " ".join(text[i : i + width] for i in range(0, len(text), width))


# Made-up sentences (no source text), Han characters and digits only, so every wrap
# falls where the normaliser may join.
PARAGRAPH = (
    "高新区与京津两地高校共建研发平台推进科技成果转化引进项目12个总投资约30亿元"
    "新建厂房和研发中心为企业提供场地和服务并组织人才交流活动45次吸引各类人才来区工作"
    "下一步将继续完善配套设施加强招商引资推动更多合作项目签约落地见效"
)


@pytest.mark.parametrize("width", [20, 36, 72])
def test_wrap_spaces_are_joined_where_the_text_shows_the_wrapping(width: int) -> None:
    headline = "签约仪式 新材料产业园项目正式开工"  # a real space, not at a wrap column
    paragraphs = [PARAGRAPH, PARAGRAPH[7:], PARAGRAPH[20:], PARAGRAPH[3:]]
    raw = "\n".join([headline, *(wrap(p, width) for p in paragraphs)])
    assert raw.count(" ") > 4
    assert join_wrap_spaces(raw) == "\n".join([headline, *paragraphs])


def test_a_real_space_between_wraps_is_kept() -> None:
    text = PARAGRAPH[:50] + " " + PARAGRAPH[50:]  # a space in the text before it was wrapped
    raw = wrap(text, 30)
    assert join_wrap_spaces(raw) == text


def test_spaces_without_a_wrapping_pattern_are_kept() -> None:
    for text in (
        "签约合作 智能园区项目正式落地",
        "第一章 总则\n第二章 合作内容\n第三章 附则",
        "北 京 天 津",  # too short a period to be line wrapping
    ):
        assert join_wrap_spaces(text) == text


def test_kg_normalize_of_the_raw_file_is_the_shipped_text(tmp_path: Path) -> None:
    from graph._cli import main

    for raw in SOURCES.glob("*.raw.txt"):
        target = tmp_path / raw.name
        assert main(["normalize", str(raw), "-o", str(target)], io.StringIO()) == 0
        shipped = SOURCES / raw.name.replace(".raw.txt", ".txt")
        assert target.read_bytes() == shipped.read_bytes()
