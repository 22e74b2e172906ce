"""Reading a draft: the bilingual review table and the graph with the proposals in it."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._kg import KnowledgeGraph
from .._load import load
from .._paths import find_data
from .._records import (
    SCHEMA,
    Entity,
    EntityType,
    Evidence,
    Kind,
    Relation,
    RelationType,
    Status,
    freeze,
    from_plain,
)
from ._draft import Draft, draft_path, load_draft

__all__ = ["draft_graph", "review", "review_table"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if _width(out + ch) > width - (1 if _width(text) > width else 0):
            return out + "…" + " " * (width - _width(out) - 1)
        out += ch
    return out + " " * (width - _width(out))


def _safe(text: Any) -> str:
    """Text for a terminal: control characters shown as escapes, never run."""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in str(text))


def review_table(draft: Draft, kg: KnowledgeGraph | None = None) -> str:
    """The draft as a readable bilingual table: new and matched entities by type, relations."""
    names: dict[str, str] = {}
    if kg is not None:
        names = {e.id: e.name for e in kg}
    lines = [f"Draft 草稿: {_safe(draft.source)}  ({_safe(draft.path)})"]
    new = [e for e in draft.entities if not e.get("match")]
    matched = [e for e in draft.entities if e.get("match")]
    for title, group in (
        ("New entities 新实体", new),
        ("Entities already in the graph 图中已有的实体", matched),
    ):
        lines.append("")
        lines.append(f"{title}: {len(group)}")
        by_type: dict[str, list[dict[str, Any]]] = {}
        for e in group:
            by_type.setdefault(str(e.get("type")), []).append(e)
        for etype in sorted(by_type):
            t = EntityType(etype)
            lines.append(f"  {etype} · {t.description_zh}")
            for rec in sorted(by_type[etype], key=lambda e: -float(e.get("confidence") or 0)):
                extra = f"-> {rec['match']}" if rec.get("match") else f"id {rec.get('id', '')}"
                conf = float(rec.get("confidence") or 0)
                lines.append(
                    f"    [{_cell(str(rec.get('review')), 8)}] {conf:.2f}  "
                    f"{_cell(_safe(rec.get('name')), 30)} {_safe(extra)}"
                )
    lines.append("")
    lines.append(f"Relations 关系: {len(draft.relations)}")
    for r in sorted(
        draft.relations, key=lambda r: (str(r.get("type")), -float(r.get("confidence") or 0))
    ):
        rt, st = RelationType(r["type"]), Status(r["status"])
        src = names.get(str(r.get("source")), str(r.get("source")))
        dst = names.get(str(r.get("target")), str(r.get("target")))
        flags = []
        if r.get("basis") and r["basis"] != "stated":
            flags.append(str(r["basis"]))
        if (r.get("attributes") or {}).get("collective"):
            flags.append("group statement 群体表述")
        flag = f"  ({'; '.join(flags)})" if flags else ""
        lines.append(
            f"  [{_cell(str(r.get('review')), 8)}] {float(r.get('confidence') or 0):.2f}  "
            f"{_safe(src)} --{rt}/{st} {rt.description_zh}/{st.description_zh}--> "
            f"{_safe(dst)}{flag}"
        )
    counts = {s: 0 for s in ("pending", "accepted", "rejected")}
    for rec in (*draft.entities, *draft.relations):
        counts[str(rec.get("review", "pending"))] = counts.get(str(rec.get("review")), 0) + 1
    lines.append("")
    kg_cmd = f"kg --data {_safe(draft.path.parent.parent)}" if draft.path is not None else "kg"
    if not draft.entities and not draft.relations:
        lines.append(
            "review 审阅: nothing left to review; accepted records are in the data "
            f"(`{kg_cmd} show NAME`)."
        )
        return "\n".join(lines) + "\n"
    lines.append(
        "review 审阅: "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
        + f". Edit {_safe(draft.path)}, set review: accepted/rejected, "
        f"then run `{kg_cmd} accept {_safe(draft.source)}`."
    )
    return "\n".join(lines) + "\n"


def review(source_id: str, *, data: str | Path | None = None) -> str:
    """The review table of ``drafts/SOURCE_ID.yaml`` (see :func:`review_table`)."""
    root = Path(data) if data is not None else find_data().path
    draft = load_draft(draft_path(root, source_id))
    return review_table(draft, load(root))


def draft_graph(source_id: str, *, data: str | Path | None = None) -> KnowledgeGraph:
    """The curated graph with the draft's pending and accepted proposals merged in.

    Proposed records carry ``attributes.draft: true``, which the explorer draws
    apart from curated ones; rejected proposals are left out.
    """
    root = Path(data) if data is not None else find_data().path
    draft = load_draft(draft_path(root, source_id))
    kg = load(root)
    entities: dict[str, Entity] = {e.id: e for e in kg}
    ids: dict[str, str] = {}
    for rec in draft.entities:
        if rec.get("review") == "rejected":
            continue
        name = str(rec.get("name") or "")
        match = rec.get("match") or ""
        if match and match in entities:
            ids[name] = match
            continue
        eid = str(rec.get("id") or "")
        if not eid or not name or eid in entities:
            continue
        ids[name] = eid
        attrs = dict(rec.get("attributes") or {})
        attrs.update(
            {"draft": True, "confidence": rec.get("confidence"), "review": rec.get("review")}
        )
        entities[eid] = from_plain(
            Entity,
            _valid(Entity, rec),
            id=eid,
            name=name,
            name_en=str(rec.get("name_en") or name),
            attributes=freeze(attrs),
            evidence=_evidence(rec),
        )
    relations = list(kg.relations())
    taken = {r.id for r in relations}
    for rec in draft.relations:
        if rec.get("review") == "rejected":
            continue
        ends = []
        for key in ("source", "target"):
            end = str(rec.get(key))
            ends.append(ids.get(end) or (kg.entity(end).id if end in kg else None))
        src, dst = ends
        if src is None or dst is None or src == dst:
            continue
        rid = f"{src}--{rec['type']}--{dst}"
        if rid in taken:
            continue
        taken.add(rid)
        attrs = dict(rec.get("attributes") or {})
        attrs.update(
            {"draft": True, "confidence": rec.get("confidence"), "review": rec.get("review")}
        )
        relations.append(
            from_plain(
                Relation,
                _valid(Relation, rec),  # a reading stays a reading on the page (its basis)
                id=rid,
                source=src,
                target=dst,
                attributes=freeze(attrs),
                evidence=_evidence(rec),
                event=rec["event"] if rec.get("event") in entities else None,
            )
        )
    return KnowledgeGraph(entities.values(), relations, kg.sources())


def _valid(cls: type[Any], rec: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a draft record that make a record of ``cls`` (every field of its
    schema, graph._records.SCHEMA), without choices the draft does not check (an
    entity's status): those keep their default."""
    out = {}
    for f in SCHEMA[cls]:
        value = rec.get(f.name)
        if value is not None and (f.kind is not Kind.CHOICE or value in f.members):
            out[f.name] = value
    return out


def _evidence(rec: Mapping[str, Any]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(str(ev.get("source")), str(ev.get("quote")))
        for ev in rec.get("evidence") or ()
        if isinstance(ev, Mapping)
    )
