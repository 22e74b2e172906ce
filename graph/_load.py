"""Load a data folder into a :class:`KnowledgeGraph`, strictly.

A data folder holds::

    sources/sources.yaml    the source documents: id, title, raw and normalised text files
    sources/*.txt           the texts
    entities/*.yaml         YAML lists of entities
    relations/*.yaml        YAML lists of relations

Every problem in every file is collected in one pass and raised as one
:class:`graph.DataError`; no graph is returned unless the data is clean.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ._cache import paused_gc
from ._errors import DataError, KGError, Problem, ReadError, shorten
from ._kg import KnowledgeGraph, Storage, graph_of
from ._limits import Limits, read_capped, safe_source_path
from ._names import key as name_key
from ._normalize import normalize
from ._paths import BUNDLED_DATA, find_data
from ._progress import advance
from ._quotes import QuoteIndex
from ._records import (
    HUB_TYPES,
    SCHEMA,
    Basis,
    Entity,
    EntityType,
    Evidence,
    Kind,
    Relation,
    RelationType,
    Source,
    field_values,
)
from ._yaml import Pos, YList, YMap, bad_utf8, read_items

__all__ = ["DEFAULT_DATA", "load"]

#: The bundled sample data (the repository's ``data/``, or its installed copy);
#: :func:`load` without a path looks for ``./data`` and ``KG_DATA`` first (graph._paths).
DEFAULT_DATA = BUNDLED_DATA

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))")

Check = Callable[[Any], str | None]

_ABSENT: Any = object()  # a field the record does not have

# value -> member, for values the field checks have passed (a dict is faster than Enum())
_RELATION_TYPES = {m.value: m for m in RelationType}
_BASES = {m.value: m for m in Basis}


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be text, not {type(value).__name__} {shorten(value)}; put it in quotes"
    if not value.strip():
        return "must not be empty"
    return None


def _opt_text(value: Any) -> str | None:
    return None if value == "" else _text(value)


def _slug(value: Any) -> str | None:
    if (err := _text(value)) is not None:
        return err
    if not _SLUG.fullmatch(value):
        return (
            f"{shorten(value)} is not a valid id; use lower-case ASCII letters, digits and single "
            "hyphens, e.g. 'tianjin-university'"
        )
    return None


def _enum(enum: type[Any]) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in enum._value2member_map_:
            return None
        allowed = ", ".join(m.value for m in enum)
        word = str(value)[:100]
        close = difflib.get_close_matches(word, list(enum._value2member_map_), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown value {shorten(value)}{hint}; use one of: {allowed}"

    return check


def _date(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a quoted ISO date such as '2015-09-19', not {shorten(value)}"
    m = _DATE.fullmatch(value)
    month, day = (m.group(2) or m.group(4), m.group(3) or m.group(5)) if m else (None, None)
    if not m or (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        return (
            f"{shorten(value)} is not a date; write YYYY, YYYY-MM, YYYY-MM-DD, "
            "or --MM-DD when the source gives no year"
        )
    return None


def _sha256(value: Any) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value):
        return "must be the 64 hex digits of the raw file's SHA-256 (sha256sum FILE)"
    return None


def _mapping(value: Any) -> str | None:
    if not isinstance(value, Mapping):
        return "must be a mapping of names to values"
    for k, v in value.items():
        if not isinstance(k, str):
            return f"attribute names must be text, not {shorten(k)}"
        if v is None:
            return f"attribute {shorten(k)} has no value; remove it or give a value"
    return None


def _text_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be a list, e.g. [Lulu, Lolo]"
    for item in value:
        if (err := _text(item)) is not None:
            return f"every item {err}"
    return None


def _evidence_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of {source: <source id>, quote: <verbatim text>}"
    return None


#: How the loader checks each kind of field (see graph._records.SCHEMA).
_CHECKS: dict[Kind, Check] = {
    Kind.SLUG: _slug,
    Kind.END: _text,
    Kind.TEXT: _text,
    Kind.NOTE: _opt_text,
    Kind.DATE: _date,
    Kind.MAPPING: _mapping,
    Kind.TEXTS: _text_list,
    Kind.EVIDENCE: _evidence_list,
}


def _fields(
    cls: type[Any], extra: Mapping[str, tuple[str, Check]] | None = None
) -> dict[str, tuple[bool, Check]]:
    """``data file key -> (required, check)`` of a record class, in the data files'
    order, from its schema; ``extra`` adds fields only the data files have, each
    after the field it names."""
    out: dict[str, tuple[bool, Check]] = {}
    for spec in SCHEMA[cls]:
        if spec.key is None:
            continue
        check = _enum(spec.choices) if spec.kind is Kind.CHOICE else _CHECKS[spec.kind]
        out[spec.key] = (spec.required, check)
        if extra and spec.key in extra:
            name, check = extra[spec.key]
            out[name] = (False, check)
    return out


#: The fields of the records a load makes (graph._records.SCHEMA).
_ENTITY, _RELATION, _SOURCE = SCHEMA[Entity], SCHEMA[Relation], SCHEMA[Source]

ENTITY_FIELDS = _fields(Entity)
RELATION_FIELDS = _fields(Relation)
EVIDENCE_FIELDS = _fields(Evidence)
#: A source's data file also records the raw file's SHA-256 and where it came from.
SOURCE_FIELDS = _fields(Source, {"raw": ("raw_sha256", _sha256), "date": ("origin", _opt_text)})


#: Singular of each kind of record, for messages.
_SINGULAR = {"sources": "source", "entities": "entity", "relations": "relation"}

#: At most this many unknown relation endpoints get a "did you mean" suggestion,
#: each from at most _CANDIDATES ids; the rest are reported without one.
_SUGGESTIONS = 200
_CANDIDATES = 30


def _close_matches(word: str, candidates: list[str], cutoff: float) -> list[str]:
    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)


class _Suggester:
    """Close ids for unknown references, cheaply: an index of id parts, a cache, a budget."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.index: dict[str, list[str]] = {}
        for eid in ids:
            for part in {*eid.split("-"), eid[:3]}:
                bucket = self.index.setdefault(part, [])
                if len(bucket) < _CANDIDATES:
                    bucket.append(eid)
        self.cache: dict[str, str | None] = {}

    def __call__(self, word: str) -> str | None:
        if word in self.cache:
            return self.cache[word]
        if len(self.cache) >= _SUGGESTIONS:
            return None
        candidates: dict[str, None] = {}
        for part in (*word[:100].split("-"), word[:3]):
            for eid in self.index.get(part, ()):
                candidates.setdefault(eid)
            if len(candidates) >= _CANDIDATES:
                break
        pool = list(candidates)[:_CANDIDATES]
        close = _close_matches(word[:100], pool, 0.4) if pool else []
        self.cache[word] = close[0] if close else None
        return self.cache[word]


class _Checker:
    def __init__(self, root: Path, limits: Limits) -> None:
        self.root = root
        self.limits = limits
        self.problems: list[Problem] = []
        self.broken_sources: set[str] = set()  # declared, but with problems of their own
        self.unreadable: list[Path] = []  # data files that could not be read or parsed
        self.unchecked: dict[Path, int] = {}  # references not checked because of those, by file
        self.quotes = QuoteIndex()  # every source scanned once for all its quotes

    def unreadable_in(self, folder: str) -> list[Path]:
        """The unreadable files of ``entities/``, ``relations/`` or ``sources/``."""
        return [f for f in self.unreadable if f.parent.name == folder]

    def skip(self, file: Path) -> None:
        """Leave a reference unchecked: the record it names may be in an unreadable file."""
        self.unchecked[file] = self.unchecked.get(file, 0) + 1

    def report_unchecked(self) -> None:
        """One problem per file for the references :meth:`skip` left unchecked."""
        names = [str(f) for f in self.unreadable]
        broken = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        for file, n in self.unchecked.items():
            self.add(
                file,
                (0, 0),
                f"{n} reference{'s' if n != 1 else ''} to ids or sources not loaded, perhaps "
                f"defined in a file that could not be read ({broken})",
                "fix that file first; these are checked again then",
            )

    def each(self, files: Iterable[Path], read: Callable[[Path], None]) -> None:
        """``read`` every file in turn; an error no check foresaw is reported at its file."""
        for file in files:
            try:
                read(file)
            except Exception as exc:  # a check the loader lacks: report it, never a traceback
                self.unexpected(file, exc)

    def unexpected(self, file: Path, exc: Exception) -> None:
        """An error no check foresaw, reported at its file instead of as a traceback."""
        self.unreadable.append(file)
        self.add(
            file,
            (0, 0),
            f"cannot check this file ({type(exc).__name__}: {shorten(str(exc), 120, quote=False)})",
            "please report it with the file attached (see SECURITY.md)",
        )

    def add(self, file: Path, pos: Pos, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, pos[0], pos[1], message, hint))

    def records(self, file: Path, what: str) -> Iterator[YMap]:
        """The records of a data file that must hold a YAML list of mappings, each as
        soon as it is read (``graph._yaml.read_items``): a large file is never held
        whole. Problems of the file's YAML are recorded as they are met; a file that
        cannot be read or parsed is noted as unreadable (its records before a syntax
        error are still checked)."""
        before = len(self.problems)
        try:
            inside = file.resolve().is_relative_to(self.root.resolve())
        except (OSError, RuntimeError):
            inside = False
        doc: Any = None
        try:
            if not inside:
                self.add(file, (0, 0), "a link to a file outside the data folder", "copy it in")
            else:
                doc = yield from self._mappings(
                    file, read_items(file, self.problems, limits=self.limits), what
                )
        finally:
            advance(file)  # the progress bar, when one is open (graph._progress)
        # None after new problems: the file could not be read or parsed (a file read to
        # its end returns its list, even when the checks of its records found problems)
        if doc is None and len(self.problems) > before:
            self.unreadable.append(file)
        elif doc is not None and not isinstance(doc, YList):
            pos = getattr(doc, "pos", (1, 1))
            self.add(
                file, pos, f"the file must be a YAML list of {what}", "start each record with '- '"
            )

    def _mappings(
        self, file: Path, items: Generator[tuple[Any, Pos], None, Any], what: str
    ) -> Generator[YMap, None, Any]:
        """The mappings among ``items``; any other item is reported. Returns the document."""
        while True:
            try:
                item, pos = next(items)
            except StopIteration as stop:
                return stop.value
            if isinstance(item, YMap):
                yield item
            else:
                self.add(
                    file,
                    pos,
                    f"each {_SINGULAR.get(what, what)} must be a mapping, not {shorten(item)}",
                    "write 'field: value' lines",
                )

    def fields(
        self, file: Path, record: YMap, spec: dict[str, tuple[bool, Check]], what: str
    ) -> bool:
        """Check required, unknown and malformed fields; True when the record is usable."""
        ok = True
        if not record.keys() <= spec.keys():
            for key in record:
                if key not in spec:
                    close = difflib.get_close_matches(str(key)[:100], list(spec), n=1)
                    hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(spec)
                    self.add(
                        file, record.key_pos[key], f"unknown field {shorten(key)} in {what}", hint
                    )
                    ok = False
        get = record.get
        for name, (required, check) in spec.items():
            value = get(name, _ABSENT)
            if value is None and not required:
                # an empty optional field is an absent one (`raw:` is no raw file)
                if name == "raw_sha256":
                    self.add(
                        file,
                        record.value_pos[name],
                        "raw_sha256: is empty",
                        "write the raw file's SHA-256 (sha256sum FILE), or remove the line",
                    )
                    ok = False
                del record[name]
                continue
            if value is _ABSENT or value is None:
                if required:
                    self.add(
                        file,
                        record.pos,
                        f"{what} {_label(record)}has no {name!r}",
                        f"add '{name}: …'",
                    )
                    ok = False
                continue
            err = check(value)
            if err is not None:
                self.add(file, record.value_pos[name], f"{name}: {err}")
                ok = False
        return ok


def _label(record: Mapping[str, Any]) -> str:
    for k in ("id", "name"):
        if isinstance(record.get(k), str):
            return f"{record[k]!r} "
    return ""


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


@paused_gc  # graph._cache: no cyclic-GC passes over the objects a load builds
def load(
    path: str | Path | None = None, *, limits: Limits | None = None, cache: bool = True
) -> KnowledgeGraph:
    """Read a data folder (default: this repository's ``data/``) into a :class:`KnowledgeGraph`.

    Raises :class:`graph.DataError` listing every problem, with file, line and
    column, when the data is not clean; no partial graph is ever returned.

    A data folder is untrusted input: the files it names must lie inside its
    ``sources/``, and every read stays within ``limits`` (default:
    :meth:`graph.Limits.from_env`, i.e. the ``KG_MAX_*`` environment variables
    over the defaults; see :class:`graph.Limits`).

    With ``cache`` (the default), an unchanged folder loads from the warm-load
    cache that its last clean load wrote (see ``graph._cache``); ``cache=False``
    checks everything again.

    >>> import graph
    >>> graph.load()
    <KnowledgeGraph: ... entities, ... relations>
    """
    root = Path(path) if path is not None else find_data().path
    if not root.is_dir():
        raise ReadError(
            f"no data folder at {shorten(str(root), 200, quote=False)}; pass the folder that "
            "holds sources/, entities/ and relations/, e.g. graph.load('data')"
        )
    limits = limits if limits is not None else Limits.from_env()
    if cache:
        from ._cache import cached_load

        return cached_load(root, limits, lambda: load(root, limits=limits, cache=False))
    c = _Checker(root, limits)
    sources = _load_sources(c, root)
    entities, entity_pos, names = _load_entities(c, root, sources)
    relations = _load_relations(c, root, sources, entities, entity_pos)
    c.quotes.report(c.add)
    c.report_unchecked()
    if c.problems:
        raise DataError(c.problems)
    try:
        return graph_of(Storage.of_records(entities, relations, sources.values(), names))
    except KGError:
        raise
    except Exception as exc:  # a check the loader lacks: report it, never a traceback
        c.unexpected(root, exc)
        raise DataError(c.problems) from exc


def _load_sources(c: _Checker, root: Path) -> dict[str, Source]:
    file = root / "sources" / "sources.yaml"
    sources: dict[str, Source] = {}
    if not file.exists():
        c.add(file, (0, 0), "missing", "describe each source document there (id, title, text file)")
        return sources
    try:
        _read_sources(c, file, sources)
    except Exception as exc:  # a check the loader lacks: report it, never a traceback
        c.unexpected(file, exc)
    return sources


def _read_sources(c: _Checker, file: Path, sources: dict[str, Source]) -> None:
    for rec in c.records(file, "sources"):
        if isinstance(rec.get("id"), str):
            c.broken_sources.add(rec["id"])  # until it has loaded cleanly
        if not c.fields(file, rec, SOURCE_FIELDS, "source"):
            continue
        sid = rec["id"]
        if sid in sources:
            c.add(file, rec.value_pos["id"], f"duplicate source id {sid!r}", "give each its own id")
            continue
        if "raw_sha256" in rec and "raw" not in rec:  # `raw: null` or no `raw` line
            c.add(
                file,
                rec.value_pos["raw_sha256"],
                "raw_sha256 is set but no raw file is named, so there is nothing to check it on",
                "name the raw file (raw: FILE next to the text), or remove raw_sha256",
            )
            continue
        text = _read_source_file(c, file, rec, "text")
        if text is None:
            continue
        if "raw" in rec:
            raw = _read_source_file(c, file, rec, "raw")
            if raw is None:
                continue
            if normalize(raw.decode("utf-8")) != text.decode("utf-8"):
                c.add(
                    file,
                    rec.value_pos["text"],
                    f"{shorten(rec['text'])} is not the normalised form of {shorten(rec['raw'])}",
                    f"regenerate it: kg normalize {file.parent / rec['raw']} "
                    f"-o {file.parent / rec['text']}",
                )
                continue
        c.broken_sources.discard(sid)
        sources[sid] = Source(**field_values(_SOURCE, rec, by_key=True, text=text.decode("utf-8")))


def _read_source_file(c: _Checker, file: Path, rec: YMap, key: str) -> bytes | None:
    """The bytes of a source's ``text`` or ``raw`` file, checked; None after a problem.

    The file must lie inside the folder's ``sources/`` (no absolute paths, ``..``
    or links out) and be a regular file within ``max_source_bytes``.
    """
    try:
        path = safe_source_path(c.root, rec[key])
        data = read_capped(path, c.limits.max_source_bytes)
        data.decode("utf-8")
    except KGError as exc:
        c.add(file, rec.value_pos[key], f"{key}: {exc}")
        return None
    except UnicodeDecodeError as exc:
        where = bad_utf8(data, exc)[2].removeprefix("not UTF-8 text: ")
        c.add(
            file,
            rec.value_pos[key],
            f"{shorten(rec[key])} is not UTF-8 text: {where}",
            "save it as UTF-8",
        )
        return None
    if (
        key == "raw"
        and "raw_sha256" in rec
        and hashlib.sha256(data).hexdigest() != rec["raw_sha256"]
    ):
        c.add(
            file,
            rec.value_pos["raw_sha256"],
            f"{shorten(rec['raw'])} has changed: its SHA-256 is not the recorded one",
            "restore the original; raw sources are kept byte for byte",
        )
        return None
    return data


def _evidence(
    c: _Checker, file: Path, rec: YMap, sources: Mapping[str, Source]
) -> tuple[Evidence, ...] | None:
    out: list[Evidence] = []
    ok = True
    items: YList = rec["evidence"]
    for item, pos in zip(items, items.item_pos, strict=True):
        if not isinstance(item, YMap):
            c.add(file, pos, "evidence must be a mapping {source: …, quote: …}")
            ok = False
            continue
        if not c.fields(file, item, EVIDENCE_FIELDS, "evidence"):
            ok = False
            continue
        src = sources.get(item["source"])
        if src is None and item["source"] in c.broken_sources:
            ok = False  # already reported at the source itself
            continue
        if src is None and c.unreadable_in("sources"):
            c.skip(file)  # sources.yaml could not be read: one problem there, not one here each
            ok = False
            continue
        if src is None:
            known = ", ".join(sources) or "none loaded"
            c.add(
                file,
                item.value_pos["source"],
                f"unknown source {shorten(item['source'])}",
                f"use one of: {known}",
            )
            ok = False
            continue
        quote = item["quote"]
        c.quotes.add(src, quote, file, item.value_pos["quote"])  # checked at the end, at once
        out.append(Evidence(src.id, quote))
    return tuple(out) if ok else None


def _load_entities(
    c: _Checker, root: Path, sources: Mapping[str, Source]
) -> tuple[dict[str, Entity], dict[str, tuple[Path, Pos]], dict[str, str]]:
    """The entities, where each id was first defined, and the name index (the lookup
    key of every id, name and alias -> entity id; the first to claim a key keeps it)."""
    entities: dict[str, Entity] = {}
    where: dict[str, tuple[Path, Pos]] = {}
    names: dict[str, tuple[str, Path, Pos]] = {}
    folder = root / "entities"
    files = _yaml_files(folder)
    if not files:
        c.add(folder, (0, 0), "no entity files (*.yaml)", "add at least one YAML list of entities")

    def read(file: Path) -> None:
        for rec in c.records(file, "entities"):
            ok = c.fields(file, rec, ENTITY_FIELDS, "entity")
            eid = rec.get("id")
            if isinstance(eid, str):
                if eid in where:
                    f0, p0 = where[eid]
                    c.add(
                        file,
                        rec.value_pos["id"],
                        f"duplicate entity id {shorten(eid)} (first in {f0}:{p0[0]})",
                        "give each entity its own id",
                    )
                    continue
                # known from here on, so relations to it are not reported as dangling
                where[eid] = (file, rec.pos)
            if not ok:
                continue
            eid = str(rec["id"])
            evidence = _evidence(c, file, rec, sources)
            aliases = tuple(rec.get("aliases") or ())
            clash = False
            for label in dict.fromkeys((eid, rec["name"], rec["name_en"], *aliases)):
                label_key = name_key(label)
                other = names.get(label_key)
                if other is not None and other[0] != eid:
                    c.add(
                        file,
                        rec.pos,
                        f"entity {shorten(eid)}: the name {shorten(label)} is also used by "
                        f"{shorten(other[0])} "
                        f"({other[1]}:{other[2][0]})",
                        "names and aliases must identify one entity; drop or change one",
                    )
                    clash = True
                if other is None:
                    names[label_key] = (eid, file, rec.pos)
            if evidence is None or clash:
                continue
            entities[eid] = Entity(
                **field_values(_ENTITY, rec, id=eid, aliases=aliases, evidence=evidence)
            )

    c.each(files, read)
    return entities, where, {k: found[0] for k, found in names.items() if k}


def _load_relations(
    c: _Checker,
    root: Path,
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    entity_pos: Mapping[str, tuple[Path, Pos]],
) -> dict[str, Relation]:
    relations: dict[str, Relation] = {}
    where: dict[str, tuple[Path, Pos]] = {}
    folder = root / "relations"
    files = _yaml_files(folder)
    if not files:
        c.add(
            folder, (0, 0), "no relation files (*.yaml)", "add at least one YAML list of relations"
        )

    suggest = _Suggester(entity_pos)

    def read(file: Path) -> None:
        for rec in c.records(file, "relations"):
            if not c.fields(file, rec, RELATION_FIELDS, "relation"):
                continue
            ok = True
            for end in ("source", "target"):
                eid = rec[end]
                if eid not in entity_pos:
                    ok = False
                    if c.unreadable_in("entities"):  # it may be in a file that could not be read
                        c.skip(file)
                        continue
                    close = suggest(eid)
                    hint = f"did you mean {close!r}?" if close else "add the entity first"
                    c.add(
                        file,
                        rec.value_pos[end],
                        f"{end}: no entity has the id {shorten(eid)}",
                        hint,
                    )
            if ok and rec["source"] == rec["target"]:
                c.add(file, rec.value_pos["target"], "a relation cannot join an entity to itself")
                ok = False
            rtype = _RELATION_TYPES[rec["type"]]
            if (
                ok
                and rtype is RelationType.PARTICIPATES_IN
                and rec["target"] in entities
                and entities[rec["target"]].type not in HUB_TYPES
            ):
                hubs = ", ".join(sorted(HUB_TYPES))
                c.add(
                    file,
                    rec.value_pos["target"],
                    f"participates_in must point to a {hubs}, not a "
                    f"{entities[rec['target']].type} ({rec['target']!r})",
                    "between two organisations use cooperation, signed_agreement or another type",
                )
                ok = False
            basis = _BASES[rec.get("basis") or "stated"]
            if basis is not Basis.STATED and not (rec.get("notes") or rec.get("notes_zh")):
                c.add(
                    file,
                    rec.value_pos["basis"],
                    f"basis {basis.value!r} needs notes that say whose reading it is and why",
                    "add 'notes: …' explaining the reading",
                )
                ok = False
            event = rec.get("event")
            if event is not None:
                if event not in entity_pos and c.unreadable_in("entities"):
                    c.skip(file)
                    ok = False
                elif event not in entity_pos:
                    c.add(
                        file,
                        rec.value_pos["event"],
                        f"event: no entity has the id {shorten(event)}",
                        "name the id of an entity of type event",
                    )
                    ok = False
                elif event in entities and entities[event].type is not EntityType.EVENT:
                    c.add(
                        file,
                        rec.value_pos["event"],
                        f"event: {event!r} is a {entities[event].type}, not an event",
                        "name the id of an entity of type event",
                    )
                    ok = False
            evidence = _evidence(c, file, rec, sources)
            rid = rec.get("id") or f"{rec['source']}--{rec['type']}--{rec['target']}"
            if rid in where:
                f0, p0 = where[rid]
                c.add(
                    file,
                    rec.pos,
                    f"duplicate relation {shorten(rid)} (first in {f0}:{p0[0]})",
                    "merge the two, or give each an 'id' of its own if they are different facts",
                )
                continue
            where[rid] = (file, rec.pos)
            if (
                not ok
                or evidence is None
                or rec["source"] not in entities
                or rec["target"] not in entities
            ):
                continue
            relations[rid] = Relation(
                **field_values(
                    _RELATION, rec, id=rid, type=rtype, basis=basis, event=event, evidence=evidence
                )
            )

    c.each(files, read)
    return relations
