"""What the benchmarks share: synthetic graphs, synthetic data folders, a fair timer.

Run the benchmarks as scripts (``python benchmarks/bench_core.py``); they import
this module from their own folder.

- :func:`synthetic` builds a report-shaped :class:`graph.KnowledgeGraph` in memory.
- :func:`write_folder` writes a data folder in the project's own format (what
  :func:`graph.load` reads): many generated reports as sources, entities with
  Chinese and English names and aliases, three relations per entity of several
  types and statuses, and every quote a verbatim piece of its report's text. Two
  shapes of quote: ``"short"`` (a clause of 10-40 characters, or the name) and
  ``"sentence"`` (every quote a whole sentence of 100-120 characters, the length
  of a real report's sentences: about 190 MB of YAML at 100,000 entities).
- :func:`data_folder` keeps such folders under ``/tmp/kg-bench`` (or
  ``$KG_BENCH_DIR``) so the 100,000-entity folder is generated once.
"""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import graph
from graph import Entity, EntityType, Evidence, Relation, RelationType, Source, Status

__all__ = ["best_of", "data_folder", "synthetic", "write_folder"]

_SENTENCES = [f"第{i}家企业与第{i + 1}所高校签订了合作协议。" for i in range(50)]
_TEXT = "".join(_SENTENCES)


def synthetic(n: int, seed: int = 1) -> graph.KnowledgeGraph:
    """About ``n`` entities and ``1.6 n`` relations, each with a quote in its sentence."""
    rng = random.Random(seed)
    quotes = [s[:-1] for s in _SENTENCES]
    source = Source("s", "合成报告", "Synthetic report", "zh-Hans", _TEXT)

    def ev() -> tuple[Evidence, ...]:
        return (Evidence("s", rng.choice(quotes)),)

    hubs = max(1, n // 10)
    kinds = [EntityType.ENTERPRISE, EntityType.UNIVERSITY, EntityType.RESEARCH_INSTITUTE]
    entities = [
        Entity(f"e{i}", kinds[i % 3], f"机构{i}", f"Organisation {i}", (f"别名{i}",), evidence=ev())
        for i in range(n - hubs)
    ]
    entities += [
        Entity(
            f"h{j}",
            EntityType.COOPERATION if j % 5 == 0 else EntityType.PROJECT,
            f"项目{j}",
            f"Project {j}",
            status=Status.SIGNED,
            evidence=ev(),
        )
        for j in range(hubs)
    ]
    relations = [
        Relation(
            f"p{i}",
            f"e{i}",
            f"h{i % hubs}",
            RelationType.PARTICIPATES_IN,
            Status.CARRIED_OUT,
            attributes={"collective": True, "role": "member"} if (i % hubs) % 5 == 0 else {},
            evidence=ev(),
        )
        for i in range(n - hubs)
    ]
    statuses = list(Status)
    for k in range(int(0.6 * n)):
        a, b = rng.randrange(n - hubs), rng.randrange(n - hubs)
        if a != b:
            relations.append(
                Relation(
                    f"x{k}",
                    f"e{a}",
                    f"e{b}",
                    RelationType.SIGNED_AGREEMENT,
                    statuses[k % len(statuses)],
                    evidence=ev(),
                )
            )
    return graph.KnowledgeGraph(entities, relations, [source])


# -- data folders in the project's format ------------------------------------------------

#: Bump when the generated folders change, so cached folders are regenerated.
FOLDER_VERSION = 1

#: The shapes of quote :func:`write_folder` can write (see the module docstring).
QUOTE_SHAPES = ("short", "sentence")

_PLACES = [
    ("北京", "Beijing"),
    ("天津", "Tianjin"),
    ("承德", "Chengde"),
    ("石家庄", "Shijiazhuang"),
    ("保定", "Baoding"),
    ("唐山", "Tangshan"),
    ("廊坊", "Langfang"),
    ("张家口", "Zhangjiakou"),
    ("秦皇岛", "Qinhuangdao"),
    ("沧州", "Cangzhou"),
    ("衡水", "Hengshui"),
    ("邢台", "Xingtai"),
    ("邯郸", "Handan"),
]
# Characters of trade names, each with a pinyin syllable no other one has.
_CHARS = list(
    zip(
        "华信达安恒泰盛新宏远瑞丰鑫源金通博创科明德中海天润嘉佳隆兴众和汇力升凯美鼎"
        "辰宇晨光正诚合顺永昌东方立志云峰星伟腾飞绿晶冠联智航",
        [
            "hua",
            "xin",
            "da",
            "an",
            "heng",
            "tai",
            "sheng",
            "xinn",
            "hong",
            "yuan",
            "rui",
            "feng",
            "xinx",
            "quan",
            "jin",
            "tong",
            "bo",
            "chuang",
            "ke",
            "ming",
            "de",
            "zhong",
            "hai",
            "tian",
            "run",
            "jia",
            "jiah",
            "long",
            "xing",
            "zhongg",
            "he",
            "hui",
            "li",
            "shengg",
            "kai",
            "mei",
            "ding",
            "chen",
            "yu",
            "chenn",
            "guang",
            "zheng",
            "cheng",
            "hee",
            "shun",
            "yong",
            "chang",
            "dong",
            "fang",
            "lii",
            "zhi",
            "yun",
            "fengg",
            "xingg",
            "wei",
            "teng",
            "fei",
            "lv",
            "jing",
            "guan",
            "lian",
            "zhii",
            "hang",
        ],
        strict=True,
    )
)
# Repeated readings carry a marker letter; English names are checked for uniqueness too.
# type, Chinese suffix, English suffix, share of the entities
_KINDS: list[tuple[EntityType, str, str, float]] = [
    (EntityType.ENTERPRISE, "科技有限公司", "Technology Co., Ltd.", 0.30),
    (EntityType.ENTERPRISE, "实业集团", "Industrial Group", 0.10),
    (EntityType.ENTERPRISE, "药业股份有限公司", "Pharmaceutical Co., Ltd.", 0.05),
    (EntityType.UNIVERSITY, "大学", "University", 0.06),
    (EntityType.COLLEGE, "职业技术学院", "Vocational and Technical College", 0.04),
    (EntityType.RESEARCH_INSTITUTE, "研究院", "Research Institute", 0.08),
    (EntityType.GOVERNMENT_BODY, "发展和改革局", "Development and Reform Bureau", 0.04),
    (EntityType.PLATFORM, "院士工作站", "Academician Workstation", 0.03),
    (EntityType.PROJECT, "产业园项目", "Industrial Park Project", 0.14),
    (EntityType.PROGRAMME, "人才培养计划", "Talent Programme", 0.03),
    (EntityType.COOPERATION, "产学研合作", "Industry-Academia Cooperation", 0.03),
    (EntityType.EVENT, "对接洽谈会", "Matchmaking Fair", 0.10),
]
_HUBS = {EntityType.PROJECT, EntityType.PROGRAMME, EntityType.COOPERATION}
_ORGS = {
    EntityType.ENTERPRISE,
    EntityType.UNIVERSITY,
    EntityType.COLLEGE,
    EntityType.RESEARCH_INSTITUTE,
    EntityType.GOVERNMENT_BODY,
    EntityType.PLATFORM,
}
# Partnerships between two organisations: type, status, Chinese wording.
_PAIRS: list[tuple[RelationType, Status, str]] = [
    (RelationType.SIGNED_AGREEMENT, Status.SIGNED, "{a}与{b}签订了战略合作协议"),
    (RelationType.LETTER_OF_INTENT, Status.INTENT, "{a}与{b}签署了合作意向书"),
    (RelationType.NEGOTIATION, Status.NEGOTIATING, "{a}正与{b}洽谈合作事宜"),
    (RelationType.COOPERATION, Status.CARRIED_OUT, "{a}与{b}联合开展技术攻关"),
    (RelationType.VISIT, Status.CARRIED_OUT, "{a}赴{b}拜访洽谈"),
    (RelationType.AGENCY_AGREEMENT, Status.SIGNED, "{a}与{b}签订代理协议"),
]
_JOIN: list[tuple[Status, str]] = [
    (Status.CARRIED_OUT, "{a}参与了{b}"),
    (Status.SIGNED, "{a}签约加入{b}"),
    (Status.PLANNED, "{a}计划参与{b}"),
]
_HUB_STATUS = [
    (Status.UNDER_CONSTRUCTION, "{a}正在建设"),
    (Status.SIGNED, "{a}已经签约"),
    (Status.PRELIMINARY_WORK, "{a}正在开展前期工作"),
    (Status.SITE_SELECTED, "{a}已完成选址"),
    (Status.OPENED, "{a}已经开班"),
]


# Clauses that lengthen a quote into a report-like sentence (shape "sentence"); {n} is a
# number, so that no two sentences are alike.
_CLAUSES = [
    "双方将在技术研发、人才培养和成果转化等方面开展深度合作",
    "共同推动区域产业转型升级和协同创新发展",
    "预计全部建成后年产值可达{n}亿元",
    "可新增就业岗位{n}个",
    "进一步完善合作机制并建立定期会商制度",
    "着力打造开放共享的区域创新资源平台",
    "为当地经济社会发展注入新的动力",
    "相关工作已列入本年度第{n}项重点任务",
    "目前各项前期手续正在有序办理之中",
    "计划总投资{n}万元，分两期实施",
    "有关部门将在用地、融资和审批等方面给予支持",
    "并将定期向社会公布工作进展情况",
]


def _sentence(rng: random.Random, start: str) -> str:
    """``start`` lengthened by clauses into a sentence of 100-120 characters."""
    text = start
    while len(text) < 100:
        text += "，" + rng.choice(_CLAUSES).format(n=rng.randrange(1, 1000))
    return text[: rng.randrange(100, 121)].rstrip("，、")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_folder(
    root: str | Path, n: int, *, seed: int = 1, per_file: int = 2000, quotes: str = "short"
) -> Path:
    """Write a data folder of about ``n`` entities and ``3 n`` relations to ``root``.

    The folder is in the project's format: ``sources/`` holds one generated
    report per 100 entities, ``entities/`` and ``relations/`` YAML lists of at
    most ``per_file`` records. Each entity has a unique Chinese name, an English
    name and an alias; every record quotes its report verbatim, in the shape
    ``quotes`` names (one of :data:`QUOTE_SHAPES`). Returns ``root``.
    """
    if quotes not in QUOTE_SHAPES:
        raise ValueError(f"quotes must be one of {QUOTE_SHAPES}, not {quotes!r}")
    long = quotes == "sentence"
    rng = random.Random(seed)
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    for sub in ("sources", "entities", "relations"):
        (root / sub).mkdir(parents=True)

    places = [(f"place-{i}", zh, en) for i, (zh, en) in enumerate(_PLACES)]
    weights = [k[3] for k in _KINDS]
    used: set[str] = set()
    ents: list[tuple[str, EntityType, str, str, str]] = []  # id, type, name, name_en, alias
    for i in range(n - len(places)):
        kind, zh_suffix, en_suffix, _ = rng.choices(_KINDS, weights)[0]
        size = 2
        while True:
            picks = rng.sample(_CHARS, size)
            pzh, pen = rng.choice(_PLACES)
            name = pzh + "".join(c for c, _ in picks) + zh_suffix
            trade = "".join(p for _, p in picks).capitalize()
            name_en = f"{pen} {trade} {en_suffix}"
            if name not in used and name_en.casefold() not in used:
                break
            size = 3  # more characters when the two-character names of a kind run short
        used.update((name, name_en.casefold()))
        ents.append((f"{kind.value.replace('_', '-')}-{i}", kind, name, name_en, f"{trade}-{i}"))
    orgs = [i for i, e in enumerate(ents) if e[1] in _ORGS]
    hubs = [i for i, e in enumerate(ents) if e[1] in _HUBS]
    events = [i for i, e in enumerate(ents) if e[1] is EntityType.EVENT]

    # Reports: entity i is written up in report i // 100, with its three relations.
    report_of = [i // 100 for i in range(len(ents))]
    n_reports = max(report_of) + 1 if ents else 1
    sentences: list[list[str]] = [[] for _ in range(n_reports)]
    rel_lines: list[str] = []
    seen: set[tuple[str, str, str]] = set()

    def relation(a: int, b: int | str, rtype: RelationType, status: Status, quote: str) -> None:
        aid = ents[a][0]
        bid = b if isinstance(b, str) else ents[b][0]
        if aid == bid or (aid, rtype.value, bid) in seen:
            return
        seen.add((aid, rtype.value, bid))
        if long:
            quote = _sentence(rng, quote)
        report = report_of[a]
        sentences[report].append(quote + "。")
        rel_lines.append(
            f"- source: {aid}\n  target: {bid}\n  type: {rtype.value}\n  status: {status.value}\n"
            f"  evidence:\n  - source: report-{report}\n    quote: {_q(quote)}\n"
        )

    for i, (_, kind, name, _, _) in enumerate(ents):
        if kind in _ORGS:
            for _ in range(2):
                rtype, status, text = rng.choice(_PAIRS)
                j = rng.choice(orgs)
                relation(i, j, rtype, status, text.format(a=name, b=ents[j][2]))
            j = rng.choice(hubs)
            status, text = rng.choice(_JOIN)
            relation(i, j, RelationType.PARTICIPATES_IN, status, text.format(a=name, b=ents[j][2]))
        elif kind in _HUBS:
            pid, pzh, _ = rng.choice(places)
            relation(i, pid, RelationType.LOCATED_IN, Status.STATED, f"{name}位于{pzh}")
            j = rng.choice(orgs)
            relation(i, j, RelationType.SUPPORTS, Status.STATED, f"{name}服务于{ents[j][2]}")
            j = rng.choice(orgs)
            relation(j, i, RelationType.INVESTS_IN, Status.SIGNED, f"{ents[j][2]}投资{name}")
        else:  # events
            pid, pzh, _ = rng.choice(places)
            relation(i, pid, RelationType.HELD_AT, Status.HELD, f"{name}在{pzh}举行")
            for _ in range(2):
                j = rng.choice(orgs)
                relation(j, i, RelationType.ATTENDS, Status.HELD, f"{ents[j][2]}参加了{name}")
    del events

    hub_status = {i: rng.choice(_HUB_STATUS) for i in hubs}
    ent_lines: list[str] = []
    for i, (eid, kind, name, name_en, alias) in enumerate(ents):
        report = report_of[i]
        quote = name
        lines = [
            f"- id: {eid}\n  type: {kind.value}\n  name: {name}\n  name_en: {_q(name_en)}\n"
            f"  aliases: [{_q(alias)}]\n"
        ]
        if i in hub_status:
            status, text = hub_status[i]
            quote = text.format(a=name)
            if long:
                quote = _sentence(rng, quote)
            sentences[report].append(quote + "。")
            lines.append(f"  status: {status.value}\n")
        if kind is EntityType.ENTERPRISE and i % 3 == 0:
            lines.append(f"  attributes: {{sector: 新材料, employees: {10 + i % 900}}}\n")
        if long and i not in hub_status:
            quote = _sentence(rng, f"{name}积极对接京津资源")
            sentences[report].append(quote + "。")
        else:
            sentences[report].append(f"{name}积极对接京津资源。")
        lines.append(f"  evidence:\n  - source: report-{report}\n    quote: {_q(quote)}\n")
        ent_lines.append("".join(lines))
    for pid, pzh, pen in places:
        sentences[0].append(f"{pzh}是京津冀协同发展的重要节点。")
        ent_lines.append(
            f"- id: {pid}\n  type: place\n  name: {pzh}\n  name_en: {pen}\n"
            f"  name_en_kind: official\n"
            f"  evidence:\n  - source: report-0\n"
            f"    quote: {_q(pzh + '是京津冀协同发展的重要节点')}\n"
        )

    src_lines = []
    for r in range(n_reports):
        rng.shuffle(sentences[r])
        (root / "sources" / f"report-{r}.txt").write_text("".join(sentences[r]), encoding="utf-8")
        src_lines.append(
            f"- id: report-{r}\n  title: 合成进展报告第{r}号\n"
            f"  title_en: Synthetic progress report {r}\n"
            f"  language: zh-Hans\n  text: report-{r}.txt\n"
        )
    (root / "sources" / "sources.yaml").write_text("".join(src_lines), encoding="utf-8")
    for folder, lines in (("entities", ent_lines), ("relations", rel_lines)):
        for k in range(0, len(lines), per_file):
            path = root / folder / f"part-{k // per_file:04d}.yaml"
            path.write_text("".join(lines[k : k + per_file]), encoding="utf-8")
    return root


def data_folder(n: int, *, seed: int = 1, quotes: str = "short", per_file: int = 2000) -> Path:
    """A generated folder of ``n`` entities, written once and kept for later runs."""
    base = Path(os.environ.get("KG_BENCH_DIR", "/tmp/kg-bench"))
    shape = "" if quotes == "short" else f"-{quotes}"
    shape += "" if per_file == 2000 else f"-f{per_file}"
    root = base / f"v{FOLDER_VERSION}-n{n}-s{seed}{shape}"
    stamp = root / ".complete"
    if not stamp.exists():
        write_folder(root, n, seed=seed, quotes=quotes, per_file=per_file)
        stamp.write_text("ok\n")
    return root


def best_of(func: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds, with the garbage collector off."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best
