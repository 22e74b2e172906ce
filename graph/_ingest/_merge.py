"""``accept``: merge a draft's accepted records into the data folder, all or nothing.

New entities go to ``entities/<source>.yaml`` and new relations to
``relations/<source>.yaml``; quotes for entities and relations already in the data
are appended to their ``evidence`` lists where they stand (the files keep their
comments and layout). Every changed file is first written to a staging copy of
the folder, which the real loader must accept; only then are the files replaced
(each atomically), the draft last. Accepting is idempotent: a run that stopped
half way is finished by running it again.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._atomic import write_text
from .._errors import DataError, KGError, NotFoundError, Problem, ReadError
from .._folder import check_folder, check_target, read_file
from .._kg import KnowledgeGraph
from .._limits import Limits
from .._load import ENTITY_FIELDS, RELATION_FIELDS, load
from .._lock import folder_lock
from .._yaml import YList, YMap, read_yaml
from ._draft import Draft, draft_path, dump_draft, load_draft, safe_dump
from ._store import data_root, yaml_quoted

__all__ = ["AcceptResult", "accept"]

#: The fields of a record in data/, in the loader's order (review fields are dropped).
_DATA_FIELDS_ENTITY = tuple(ENTITY_FIELDS)
_DATA_FIELDS_RELATION = tuple(RELATION_FIELDS)


@dataclass
class AcceptResult:
    """What :func:`graph.accept` merged."""

    source: str
    new_entities: int = 0
    new_relations: int = 0
    evidence_added: int = 0
    left_in_draft: int = 0
    files: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"accepted from {self.source}: {self.new_entities} new entities, "
            f"{self.new_relations} new relations, {self.evidence_added} quotes added to "
            f"existing records; {self.left_in_draft} pending or rejected records stay in the "
            "draft"
        )


def _where(rec: Mapping[str, Any], draft: Draft) -> str:
    return f"{draft.path}:{rec.get('_line', 0)}"


class _Files:
    """The new text of each data file touched, read lazily."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.text: dict[Path, str] = {}
        self.cap = Limits.from_env().max_data_bytes

    def get(self, path: Path) -> str:
        if path not in self.text:
            data = read_file(path, self.cap)  # never through a link
            try:
                self.text[path] = data.decode("utf-8") if data is not None else ""
            except UnicodeDecodeError:
                raise ReadError(f"{path} is not UTF-8; run `kg validate` and fix it") from None
        return self.text[path]


def _record_index(root: Path) -> dict[tuple[str, str], Path]:
    """Where each entity id and relation id of the data is written."""
    out: dict[tuple[str, str], Path] = {}
    for kind in ("entities", "relations"):
        for file in sorted((root / kind).glob("*.yaml")):
            problems: list[Problem] = []
            doc = read_yaml(file, problems)
            if not isinstance(doc, YList):
                continue
            for rec in doc:
                if not isinstance(rec, YMap):
                    continue
                rid = rec.get("id")
                if kind == "relations" and not rid:
                    rid = f"{rec.get('source')}--{rec.get('type')}--{rec.get('target')}"
                if isinstance(rid, str):
                    out[(kind, rid)] = file
    return out


#: The first line of the error when a data file's evidence cannot take a new quote.
_CANNOT_ADD = "`kg accept` cannot add quotes to the data as it is written; nothing was changed"


def _append_evidence(text: str, file: Path, kind: str, rid: str, quote: dict[str, str]) -> str:
    """``text`` with one evidence item appended to record ``rid``'s evidence list."""
    problems: list[Problem] = []
    doc = read_yaml(file, problems, text)
    target: YMap | None = None
    for rec in doc if isinstance(doc, YList) else []:
        if not isinstance(rec, YMap):
            continue
        key = rec.get("id")
        if kind == "relations" and not key:
            key = f"{rec.get('source')}--{rec.get('type')}--{rec.get('target')}"
        if key == rid:
            target = rec
            break
    if target is None or not isinstance(target.get("evidence"), YList) or not target["evidence"]:
        raise DataError(
            [Problem(file, 0, 0, f"cannot find the evidence list of {rid!r} to add a quote to")],
            summary=_CANNOT_ADD,
        )
    items: YList = target["evidence"]
    lines = text.splitlines(keepends=True)
    line_no, col = items.item_pos[-1]
    line = lines[line_no - 1]
    dash = line.rfind("-", 0, col - 1)
    if dash == -1 or line[:dash].strip() or "[" in line[: col - 1]:
        raise DataError(
            [
                Problem(
                    file,
                    line_no,
                    col,
                    f"the evidence of {rid!r} is not a block list ('- source: …')",
                    "write it as one so that `kg accept` can add quotes to it",
                )
            ],
            summary=_CANNOT_ADD,
        )
    end = line_no
    while end < len(lines):
        nxt = lines[end]
        stripped = nxt.strip()
        indent = len(nxt) - len(nxt.lstrip(" "))
        if stripped and (indent <= dash or (stripped.startswith("#") and indent <= dash)):
            break
        end += 1
    while end > line_no and not lines[end - 1].strip():
        end -= 1
    pad = " " * dash
    source = yaml_quoted(str(quote.get("source")))
    quoted = yaml_quoted(str(quote.get("quote")))
    item = f"{pad}- source: {source}\n{pad}  quote: {quoted}\n"
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join([*lines[:end], item, *lines[end:]])


def _dump_records(records: list[dict[str, Any]], header: str) -> str:
    body = safe_dump(records)
    return header + "\n" + body.replace("\n- ", "\n\n- ")


def _clean(rec: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for k in fields:
        v = rec.get(k)
        if v is None or v == "" or v == [] or v == {}:
            continue
        out[k] = v
    return out


#: The prefix of the staging folders ``kg accept`` makes inside the data folder.
STAGE_PREFIX = ".kg-accept-"


def _clear_stale_stages(root: Path) -> None:
    """Remove staging folders a killed ``kg accept`` left (the caller holds the lock)."""
    with os.scandir(root) as entries:
        stale = [
            e.path
            for e in entries
            if e.name.startswith(STAGE_PREFIX) and e.is_dir(follow_symlinks=False)
        ]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)


def _stage_file(src: Path, dst: Path, cap: int, *, link: bool) -> None:
    """Put the regular file ``src`` at ``dst``: a copy, or a hard link when ``link`` (for
    files the staging never changes); never through a link."""
    if link:
        check_target(src)
        try:
            os.link(src, dst, follow_symlinks=False)
            return
        except OSError:
            pass
    data = read_file(src, cap)
    if data is not None:
        dst.write_bytes(data)


def _stage_and_check(root: Path, changes: Mapping[Path, str]) -> None:
    """Load a copy of the folder with ``changes`` applied; a :class:`DataError` if it fails.

    The copy lives inside the data folder (a later ``kg accept`` removes one a kill left
    behind) and holds only the files the loader reads: ``entities/*.yaml``,
    ``relations/*.yaml``, ``sources/sources.yaml`` and the source files, each a regular
    file (links inside ``sources/`` are staged as the file they name there).
    """
    limits = Limits.from_env()
    with tempfile.TemporaryDirectory(prefix=STAGE_PREFIX, dir=root) as tmp:
        stage = Path(tmp) / root.name
        stage.mkdir()
        for kind in ("entities", "relations"):
            (stage / kind).mkdir()
            folder = root / kind
            if not folder.is_dir():
                continue
            for p in sorted(folder.iterdir()):
                if p.suffix in (".yaml", ".yml") and p.is_file() and not p.is_symlink():
                    _stage_file(p, stage / kind / p.name, limits.max_data_bytes, link=False)
        (stage / "sources").mkdir()
        sources = (root / "sources").resolve()
        for p in sorted((root / "sources").iterdir()):
            real = p.resolve()  # absolute, as `sources` is, also for a relative root
            if real.is_relative_to(sources) and real.is_file() and not real.is_symlink():
                cap = max(limits.max_source_bytes, limits.max_data_bytes)
                _stage_file(real, stage / "sources" / p.name, cap, link=True)
        for path, text in changes.items():
            rel = path.relative_to(root)
            if rel.parts[0] in ("entities", "relations"):
                (stage / rel).write_text(text, encoding="utf-8")
        try:
            load(stage, cache=False)  # no cache file for a folder that is gone in a second
        except DataError as exc:
            raise DataError(
                [_unstaged(p, stage, root) for p in exc.problems],
                summary="the accepted records do not validate; nothing was changed. Fix them "
                "in the draft (or set review: rejected) and run `kg accept` again:",
            ) from None


def _unstaged(problem: Problem, stage: Path, root: Path) -> Problem:
    """``problem`` with the staged copy's paths (in its file and message) turned back into
    the data folder's."""
    file = problem.file
    if file.is_relative_to(stage):
        file = root / file.relative_to(stage)
    message, hint = (
        text.replace(str(stage), str(root)) for text in (problem.message, problem.hint)
    )
    return dataclasses.replace(problem, file=file, message=message, hint=hint)


def accept(source_id: str, *, data: str | Path | None = None) -> AcceptResult:
    """Merge the records marked ``review: accepted`` in ``drafts/SOURCE_ID.yaml`` into the data.

    Validates the result with the real loader before changing anything; leaves
    pending and rejected records in the draft.
    """
    root = data_root(data)
    check_folder(root)
    with folder_lock(root):  # read -> validate -> write, one command at a time
        _clear_stale_stages(root)
        return _accept(root, source_id)


def _accept(root: Path, source_id: str) -> AcceptResult:
    check_folder(root)
    draft = load_draft(draft_path(root, source_id))
    if draft.source != source_id:
        raise ReadError(f"{draft.path}: its source is {draft.source!r}, not {source_id!r}")
    kg: KnowledgeGraph = load(root)
    index = _record_index(root)
    files = _Files(root)
    result = AcceptResult(source_id)
    new_entities: list[dict[str, Any]] = []
    new_relations: list[dict[str, Any]] = []
    ent_file = root / "entities" / f"{source_id}.yaml"
    rel_file = root / "relations" / f"{source_id}.yaml"
    ids_by_name: dict[str, str] = {}
    pending_names: set[str] = set()

    def add_quotes(kind: str, rid: str, existing: tuple[Any, ...], evidence: list[Any]) -> None:
        have = {(ev.source, ev.quote) for ev in existing}
        for ev in evidence or []:
            if not isinstance(ev, Mapping) or (ev.get("source"), ev.get("quote")) in have:
                continue
            file = index[(kind, rid)]
            files.text[file] = _append_evidence(files.get(file), file, kind, rid, dict(ev))
            have.add((ev.get("source"), ev.get("quote")))
            result.evidence_added += 1

    for rec in draft.entities:
        name = str(rec.get("name") or "")
        if rec.get("review") != "accepted":
            pending_names.add(name)
            continue
        match = rec.get("match") or ""
        if match:
            if match not in kg:
                raise NotFoundError(
                    f"{_where(rec, draft)}: match {match!r} is no entity of the data; correct "
                    "it, or empty it to add the entity as new"
                )
            entity = kg.entity(match)
            ids_by_name[name] = entity.id
            add_quotes("entities", entity.id, entity.evidence, rec.get("evidence") or [])
            continue
        eid = str(rec.get("id") or "")
        ids_by_name[name] = eid
        if ("entities", eid) in index:  # merged by an earlier run that stopped half way
            continue
        data_rec = _clean(rec, _DATA_FIELDS_ENTITY)
        if not data_rec.get("name_en"):
            data_rec["name_en"] = name
            data_rec["notes"] = (
                str(data_rec.get("notes", "")) + " English name not yet given; the Chinese "
                "name stands in for it."
            ).strip()
        new_entities.append(data_rec)

    def resolve(end: str, rec: Mapping[str, Any]) -> str:
        if end in ids_by_name:
            return ids_by_name[end]
        if end in pending_names:
            raise KGError(
                f"{_where(rec, draft)}: this relation's end {end!r} is a proposed entity that "
                "is not accepted; accept that entity too, or reject this relation"
            )
        if end in kg:
            return kg.entity(end).id
        return end  # the loader names it as an unknown entity

    for rec in draft.relations:
        if rec.get("review") != "accepted":
            continue
        data_rec = _clean(rec, _DATA_FIELDS_RELATION)
        data_rec["source"] = resolve(str(rec.get("source")), rec)
        data_rec["target"] = resolve(str(rec.get("target")), rec)
        rid = (
            data_rec.get("id") or f"{data_rec['source']}--{data_rec['type']}--{data_rec['target']}"
        )
        if ("relations", rid) in index:
            try:
                old = kg.relation(rid)
            except KGError:
                old = None
            if old is None or str(old.status) == data_rec.get("status"):
                add_quotes("relations", rid, old.evidence if old else (), rec.get("evidence") or [])
                continue
            # the new source gives another status: keep both, each with its source
            rid = _slug(f"{rid}-{source_id}")
            data_rec["id"] = rid
            if ("relations", rid) in index:
                continue  # merged by an earlier run that stopped half way
        new_relations.append(data_rec)

    if new_entities:
        text = files.get(ent_file) or f"# Entities accepted from source {source_id}.\n"
        files.text[ent_file] = text.rstrip("\n") + "\n" + _dump_records(new_entities, "")
    if new_relations:
        text = files.get(rel_file) or f"# Relations accepted from source {source_id}.\n"
        files.text[rel_file] = text.rstrip("\n") + "\n" + _dump_records(new_relations, "")
    changes = {p: t for p, t in files.text.items()}
    for path in (*changes, draft_path(root, source_id)):
        check_target(path)  # never write through a link
    _stage_and_check(root, changes)

    left = Draft(
        draft.source,
        [_strip(r) for r in draft.entities if r.get("review") != "accepted"],
        [_strip(r) for r in draft.relations if r.get("review") != "accepted"],
    )
    # entity files first, then relations (they refer to entities), the draft last
    for path in sorted(changes, key=lambda p: p.parent.name != "entities"):
        write_text(path, changes[path])
        result.files.append(path)
    write_text(draft_path(root, source_id), dump_draft(left))
    result.new_entities = len(new_entities)
    result.new_relations = len(new_relations)
    result.left_in_draft = len(left.entities) + len(left.relations)
    return result


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _strip(rec: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if not k.startswith("_")}
