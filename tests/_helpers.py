"""Shared test data and helpers, imported by the tests (``from _helpers import …``) and
by ``conftest.py``, whose fixtures use them.

:func:`write_data` writes a complete data folder (``sources/``, ``entities/``,
``relations/``) from plain dicts; :data:`SAMPLE_ENTITIES` and :data:`SAMPLE_RELATIONS` (the
``sample_data`` fixture) are a small folder shaped like the real report (a bilateral
programme, a project, a group statement).
Every quote in it is a verbatim substring of :data:`SAMPLE_TEXT`.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

import graph

SAMPLE_SOURCE = "report"

SAMPLE_TEXT = (
    "成立京津冀协同发展工作领导小组。\n"
    "与北京华瑞赋思营销咨询有限公司签订了代理招商合作协议。\n"
    "同方科技孵化园项目成功签约;浙江乐城集团国际健康城市综合体项目正在紧密洽谈。\n"
    "露露股份、颈复康药业等企业与清华大学、北京大学等知名高校和科研机构开展了科技合作。\n"
    "承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班。\n"
)

_GROUP_QUOTE = "露露股份、颈复康药业等企业与清华大学、北京大学等知名高校和科研机构开展了科技合作"


def _ev(quote: str) -> list[dict[str, str]]:
    return [{"source": SAMPLE_SOURCE, "quote": quote}]


SAMPLE_ENTITIES: list[dict[str, Any]] = [
    {
        "id": "hitech-zone",
        "type": "development_zone",
        "name": "承德高新区",
        "name_en": "Chengde High-tech Zone",
        "aliases": ["高新区"],
        "evidence": _ev("成立京津冀协同发展工作领导小组"),
    },
    {
        "id": "huarui",
        "type": "enterprise",
        "name": "北京华瑞赋思营销咨询有限公司",
        "name_en": "Beijing Huarui Fusi Marketing Consulting",
        "evidence": _ev("北京华瑞赋思营销咨询有限公司"),
    },
    {
        "id": "tongfang-incubator",
        "type": "project",
        "name": "同方科技孵化园项目",
        "name_en": "Tongfang Technology Incubator project",
        "status": "signed",
        "evidence": _ev("同方科技孵化园项目成功签约"),
    },
    {
        "id": "lecheng-health-city",
        "type": "project",
        "name": "浙江乐城集团国际健康城市综合体项目",
        "name_en": "Zhejiang Lecheng International Health City project",
        "status": "negotiating",
        "evidence": _ev("浙江乐城集团国际健康城市综合体项目正在紧密洽谈"),
    },
    {
        "id": "lulu",
        "type": "enterprise",
        "name": "露露股份",
        "name_en": "Lulu Co., Ltd.",
        "aliases": ["Lulu"],
        "evidence": _ev("露露股份"),
    },
    {
        "id": "jingfukang",
        "type": "enterprise",
        "name": "颈复康药业",
        "name_en": "Jingfukang Pharmaceutical",
        "evidence": _ev("颈复康药业"),
    },
    {
        "id": "tsinghua-university",
        "type": "university",
        "name": "清华大学",
        "name_en": "Tsinghua University",
        "aliases": ["Tsinghua"],
        "evidence": _ev("清华大学"),
    },
    {
        "id": "peking-university",
        "type": "university",
        "name": "北京大学",
        "name_en": "Peking University",
        "aliases": ["PKU"],
        "evidence": _ev("北京大学"),
    },
    {
        "id": "enterprise-academia-cooperation",
        "type": "cooperation",
        "name": "企业与知名高校的科技合作",
        "name_en": "S&T cooperation of enterprises with universities",
        "status": "carried_out",
        "attributes": {"collective": True, "enterprises_named": 2},
        "notes": "A group statement: no pair is stated.",
        "evidence": _ev(_GROUP_QUOTE),
    },
    {
        "id": "chengde-petroleum-college",
        "type": "university",
        "name": "承德石油高等专科学校",
        "name_en": "Chengde Petroleum College",
        "evidence": _ev("承德石油高等专科学校"),
    },
    {
        "id": "tianjin-university",
        "type": "university",
        "name": "天津大学",
        "name_en": "Tianjin University",
        "aliases": ["Tianjin University", "天大"],
        "evidence": _ev("天津大学"),
    },
    {
        "id": "instrumentation-masters",
        "type": "programme",
        "name": "仪器仪表工程硕士班",
        "name_en": "Master's class in instrumentation engineering",
        "status": "opened",
        "evidence": _ev("仪器仪表工程硕士班已经开班"),
    },
]

SAMPLE_RELATIONS: list[dict[str, Any]] = [
    {
        "source": "hitech-zone",
        "target": "huarui",
        "type": "agency_agreement",
        "status": "signed",
        "evidence": _ev("与北京华瑞赋思营销咨询有限公司签订了代理招商合作协议"),
    },
    {
        "source": "hitech-zone",
        "target": "tongfang-incubator",
        "type": "works_on",
        "status": "signed",
        "evidence": _ev("同方科技孵化园项目成功签约"),
    },
    {
        "source": "hitech-zone",
        "target": "lecheng-health-city",
        "type": "works_on",
        "status": "negotiating",
        "evidence": _ev("浙江乐城集团国际健康城市综合体项目正在紧密洽谈"),
    },
    *(
        {
            "source": member,
            "target": "enterprise-academia-cooperation",
            "type": "participates_in",
            "status": "carried_out",
            "attributes": {"role": role, "collective": True},
            "evidence": _ev(_GROUP_QUOTE),
        }
        for member, role in [
            ("lulu", "enterprise"),
            ("jingfukang", "enterprise"),
            ("tsinghua-university", "institution"),
            ("peking-university", "institution"),
        ]
    ),
    {
        "source": "chengde-petroleum-college",
        "target": "tianjin-university",
        "type": "cooperation",
        "status": "carried_out",
        "evidence": _ev("承德石油高等专科学校与天津大学合作"),
    },
    {
        "source": "chengde-petroleum-college",
        "target": "instrumentation-masters",
        "type": "participates_in",
        "status": "opened",
        "attributes": {"role": "host"},
        "evidence": _ev("承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班"),
    },
    {
        "source": "tianjin-university",
        "target": "instrumentation-masters",
        "type": "participates_in",
        "status": "opened",
        "attributes": {"role": "partner"},
        "evidence": _ev("承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班"),
    },
]


def write_data(
    root: Path,
    *,
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    text: str = SAMPLE_TEXT,
    source_id: str = SAMPLE_SOURCE,
    title: str = "承德高新区工作进展情况",
    title_en: str = "Progress report of the Chengde High-tech Zone",
) -> Path:
    """Write a data folder at ``root`` (one source, one entity file, one relation file).

    Returns ``root``, ready for :func:`graph.load`. No ``raw`` key is written, so
    ``text`` is taken as it is (not re-normalised).
    """
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "entities").mkdir(exist_ok=True)
    (root / "relations").mkdir(exist_ok=True)
    (root / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    sources = [
        {
            "id": source_id,
            "title": title,
            "title_en": title_en,
            "language": "zh-Hans",
            "text": f"{source_id}.txt",
        }
    ]

    def dump(path: Path, records: Any) -> None:
        path.write_text(
            yaml.safe_dump(list(records), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    dump(root / "sources" / "sources.yaml", sources)
    dump(root / "entities" / "entities.yaml", [dict(e) for e in entities])
    dump(root / "relations" / "relations.yaml", [dict(r) for r in relations])
    return root


#: Names, notes and quotes that would run script or inject markup if a page ever
#: treated data as HTML. Used by the HTML explorer's tests.
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(2)</script>"
HOSTILE_TEXT = (
    SAMPLE_TEXT + f"据报道{HOSTILE_IMG}与天津大学签约;{HOSTILE_SCRIPT}\u2028<!-- & -->完成。\n"
)


def tree_kg(n: int, branching: int = 1) -> graph.KnowledgeGraph:
    """``n`` enterprises as a tree built without YAML: ``e{i}`` cooperates with its parent
    ``e{(i - 1) // branching}`` (``branching=1`` is a chain)."""
    src = graph.Source("s", "标题", "Title", "zh-Hans", "甲与乙合作。")
    ev = (graph.Evidence("s", "甲与乙合作"),)
    ents = [
        graph.Entity(f"e{i}", graph.EntityType.ENTERPRISE, f"企业{i}", f"Firm {i}", evidence=ev)
        for i in range(n)
    ]
    rels = [
        graph.Relation(
            f"r{i}",
            f"e{i}",
            f"e{(i - 1) // branching}",
            graph.RelationType.COOPERATION,
            graph.Status.SIGNED,
            evidence=ev,
        )
        for i in range(1, n)
    ]
    return graph.KnowledgeGraph(ents, rels, [src])


@contextlib.contextmanager
def folder_lock_held(root: Path) -> Iterator[None]:
    """Another process holds ``root``'s data-folder lock for the block (as a second ``kg``
    command writing it would)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from graph._lock import folder_lock\n"
            "with folder_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n"
            "    time.sleep(60)\n",
            str(root),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.communicate()
