"""Drafts as data: proposals in the record shapes of ``data/`` plus review fields.

A draft is ``data/drafts/ID.yaml``, a mapping with ``source``, ``entities`` and
``relations``. Each entity has the fields of an entity record (``id``, ``type``,
``name``, ``name_en``, ``aliases``, ``attributes``, ``evidence``) plus ``match`` (the
id of an existing entity the mention denotes, else empty), ``confidence`` and
``review`` (``pending``, ``accepted`` or ``rejected``). Each relation has the fields
of a relation record, its ``source`` and ``target`` being entity ids or the names of
entities proposed in the same draft, plus ``confidence`` and ``review``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .._errors import NotFoundError, Problem, ReadError, shorten
from .._folder import check_target
from .._records import Basis, EntityType, RelationType, Status
from .._yaml import YList, YMap, read_yaml
from ._extract import Proposals

__all__ = ["REVIEW_STATES", "Draft", "draft_path", "dump_draft", "from_proposals", "load_draft"]

REVIEW_STATES = ("pending", "accepted", "rejected")

_HEADER = """\
# Draft of source {sid}: what `kg ingest` proposes, for review. Nothing here is in the
# graph yet. For each record set `review: accepted` or `review: rejected` (or leave it
# `pending`), correct any field (type, name, name_en, status, source, target), then run
#     kg accept {sid}
# Entities with a `match` are already in the graph: accepting them adds the new quotes
# to their evidence. Relations name their ends by entity id or by the `name` of an
# entity proposed below. Rejected and pending records stay here as a record.
"""

_ENTITY_ORDER = (
    "name",
    "type",
    "match",
    "id",
    "name_en",
    "aliases",
    "attributes",
    "confidence",
    "review",
    "evidence",
)
_RELATION_ORDER = (
    "source",
    "target",
    "type",
    "status",
    "date",
    "basis",
    "attributes",
    "notes",
    "confidence",
    "review",
    "evidence",
)


@dataclass
class Draft:
    """A draft read from or written to ``drafts/ID.yaml``: plain dicts, in file order."""

    source: str
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    path: Path | None = None


def draft_path(root: Path, source_id: str) -> Path:
    """Where the draft of ``source_id`` lives in the data folder ``root``."""
    return root / "drafts" / f"{source_id}.yaml"


def new_id(etype: str, name: str) -> str:
    """A stable id for a proposed entity: its type and a hash of its name.

    >>> new_id("project", "某某项目")
    'project-...'
    """
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{etype.replace('_', '-')}-{digest}"


def from_proposals(source_id: str, proposals: Proposals) -> Draft:
    """Turn the extractor's proposals into a draft."""
    entities = []
    for e in sorted(proposals.entities, key=lambda e: (e.match is not None, str(e.type), e.name)):
        rec: dict[str, Any] = {"name": e.name, "type": str(e.type), "match": e.match or ""}
        if e.match is None:
            rec["id"] = new_id(str(e.type), e.name)
            rec["name_en"] = ""
            rec["aliases"] = list(e.aliases)
            rec["attributes"] = dict(e.attributes)
        rec["confidence"] = e.confidence
        rec["review"] = "pending"
        rec["evidence"] = [{"source": source_id, "quote": q} for q in e.quotes]
        entities.append(rec)
    relations = []
    for r in proposals.relations:
        rel: dict[str, Any] = {
            "source": r.source,
            "target": r.target,
            "type": str(r.type),
            "status": str(r.status),
        }
        if r.date:
            rel["date"] = r.date
        if str(r.basis) != "stated":
            rel["basis"] = str(r.basis)
        if r.attributes:
            rel["attributes"] = dict(r.attributes)
        if r.notes:
            rel["notes"] = r.notes
        rel["confidence"] = r.confidence
        rel["review"] = "pending"
        rel["evidence"] = [{"source": source_id, "quote": r.quote}]
        relations.append(rel)
    return Draft(source_id, entities, relations)


def _ordered(rec: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    out = {k: rec[k] for k in order if k in rec}
    out.update({k: v for k, v in rec.items() if k not in out})
    return out


#: Characters PyYAML writes as they are in plain or single-quoted scalars, where a
#: reader folds them (U+0085 NEXT LINE, the line and paragraph separators).
_FOLDED = re.compile("[\x85\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    """``yaml.SafeDumper`` that writes a string holding U+0085, U+2028 or U+2029 in
    double quotes, where they are escaped and read back as they were."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _FOLDED.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def safe_dump(data: Any) -> str:
    r"""YAML text of ``data`` (block style, Unicode as it is) that reads back exactly.

    >>> print(safe_dump({"quote": "星河\x85大学"}), end="")
    quote: "星河\N大学"
    """
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def dump_draft(draft: Draft) -> str:
    """The YAML text of a draft, with a header that says how to review it."""
    body = {
        "source": draft.source,
        "entities": [_ordered(e, _ENTITY_ORDER) for e in draft.entities],
        "relations": [_ordered(r, _RELATION_ORDER) for r in draft.relations],
    }
    text = safe_dump(body)
    # a blank line between records makes the draft easier to edit by hand
    text = text.replace("\n- ", "\n\n- ")
    return _HEADER.format(sid=draft.source) + "\n" + text


def _one_of(value: Any, allowed: Any) -> bool:
    """``value`` is text and one of ``allowed`` (a list or a mapping is never)."""
    return isinstance(value, str) and value in allowed


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_evidence(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, Mapping)
        and isinstance(v.get("source"), str)
        and isinstance(v.get("quote"), str)
        for v in value
    )


#: What each field of a draft record must be (when present and not empty).
_FIELD_SHAPES = {
    "name": (_is_text, "text"),
    "id": (_is_text, "text"),
    "name_en": (_is_text, "text"),
    "match": (_is_text, "an entity id (text) or empty"),
    "source": (_is_text, "text (an entity id or a proposed name)"),
    "target": (_is_text, "text (an entity id or a proposed name)"),
    "event": (_is_text, "an event's entity id (text)"),
    "date": (_is_text, "a quoted date such as '2016-12'"),
    "notes": (_is_text, "text"),
    "notes_zh": (_is_text, "text"),
    "confidence": (_is_number, "a number between 0 and 1"),
    "aliases": (_is_texts, "a list of names"),
    "attributes": (lambda v: isinstance(v, Mapping), "a mapping of fields (key: value)"),
    "evidence": (_is_evidence, "a list of {source: ..., quote: ...}"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_draft(path: Path) -> Draft:
    """Read and check a draft's shape; a :class:`ReadError` locates the first problem
    (:class:`NotFoundError` when there is no draft)."""
    check_target(path)  # a link or special file is refused, never read
    if not path.is_file():
        raise NotFoundError(
            f"no draft at {path}; run `kg ingest FILE --id {path.stem}` first "
            "(drafts live in the data folder's drafts/)"
        )
    problems: list[Problem] = []
    doc = read_yaml(path, problems)
    if problems:
        raise ReadError(
            f"the draft {path} is not valid YAML any more; fix it (or run `kg ingest --force` "
            "to write it again):\n" + "\n".join(f"  {p}" for p in problems)
        )
    if not isinstance(doc, YMap) or not isinstance(doc.get("source"), str):
        raise ReadError(
            f"{path}: a draft is a mapping with source, entities and relations; "
            "restore that shape or run `kg ingest --force` to write it again"
        )
    out = Draft(doc["source"], [], [], path)
    for key, allowed_types, status_field in (
        ("entities", EntityType, None),
        ("relations", RelationType, "status"),
    ):
        items = doc.get(key)
        if items is None or items == []:  # `entities: []` once everything is accepted
            continue
        if not isinstance(items, YList):
            raise ReadError(f"{path}: {key} must be a list of records")
        for item, pos in zip(items, items.item_pos, strict=True):
            where = f"{path}:{pos[0]}"
            if not isinstance(item, YMap):
                raise ReadError(f"{where}: each of {key} must be a mapping of fields")
            review = item.get("review", "pending")
            if not _one_of(review, REVIEW_STATES):
                raise ReadError(
                    f"{where}: review must be one of {', '.join(REVIEW_STATES)}, "
                    f"not {shorten(review)}"
                )
            if not _one_of(item.get("type"), allowed_types._value2member_map_):
                allowed = ", ".join(t.value for t in allowed_types)
                raise ReadError(
                    f"{where}: unknown type {shorten(item.get('type'))}; use one of: {allowed}"
                )
            if status_field and not _one_of(item.get(status_field), Status._value2member_map_):
                allowed = ", ".join(s.value for s in Status)
                raise ReadError(
                    f"{where}: unknown status {shorten(item.get(status_field))}; "
                    f"use one of: {allowed}"
                )
            basis = item.get("basis", "stated")
            if key == "relations" and not _one_of(basis, Basis._value2member_map_):
                allowed = ", ".join(b.value for b in Basis)
                raise ReadError(f"{where}: unknown basis {shorten(basis)}; use one of: {allowed}")
            for field, (ok, want) in _FIELD_SHAPES.items():
                if field in item and item[field] is not None and not ok(item[field]):
                    raise ReadError(
                        f"{where}: {field} must be {want}, not {shorten(item[field])}; "
                        "correct it in the draft"
                    )
            rec = _plain(item)
            rec["_line"] = pos[0]
            getattr(out, key).append(rec)
    return out
