"""The data folder side of ingestion: ``init`` a folder, ``ingest`` a document into it.

``ingest`` keeps the document's bytes as they came (``sources/ID.raw.<suffix>``),
the normalised text beside them (``sources/ID.txt``), a record in
``sources/sources.yaml`` and the extractor's draft in ``drafts/ID.yaml``. It
writes the new files first and the ``sources.yaml`` record last, then loads the
folder with the real loader; if that fails, every file is put back as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .._atomic import write_bytes, write_text
from .._errors import ArgumentError, DataError, ExportError, Problem, ReadError
from .._folder import check_folder, read_file
from .._kg import KnowledgeGraph
from .._limits import Limits, safe_source_path
from .._load import load
from .._lock import folder_lock
from .._normalize import normalize
from .._paths import BUNDLED_DATA, find_data
from .._progress import stages
from .._yaml import YList, YMap, read_yaml
from ._draft import draft_path, dump_draft, from_proposals
from ._extract import KnownName, extract
from ._identity import identifying
from ._read import Text, read

__all__ = ["IngestResult", "ingest", "init", "known_names"]

_README = {
    "sources/sources.yaml": """\
# Source documents, one record each (`kg ingest FILE` adds them). Every evidence quote
# in entities/ and relations/ must be a verbatim substring of its source's `text` file.
#
# - id: my-report                  # lower-case letters, digits, hyphens
#   title: 某某高新区工作进展情况
#   title_en: Progress report of ...
#   language: zh-Hans
#   text: my-report.txt            # the normalised text, in this folder
#   raw: my-report.raw.txt         # optional: the bytes as received (UTF-8 text)
#   raw_sha256: ...                # optional: sha256sum of the raw file
#   origin: where the document comes from, and why reusing it is allowed
#   processing: [steps from the raw bytes to the text]
""",
    "entities/entities.yaml": """\
# Entities: a YAML list of records. `kg accept` adds reviewed ones in files named after
# their source. Each record:
#
# - id: tianjin-university
#   type: university               # see `kg validate --help` or README for the types
#   name: 天津大学
#   name_en: Tianjin University
#   aliases: [天大, TJU]
#   evidence:
#     - source: my-report
#       quote: 与天津大学合作           # verbatim from the source's text
""",
    "relations/relations.yaml": """\
# Relations: a YAML list of records. `kg accept` adds reviewed ones in files named after
# their source. Each record:
#
# - source: chengde-petroleum-college
#   target: tianjin-university
#   type: cooperation
#   status: opened
#   evidence:
#     - source: my-report
#       quote: 承德石油高等专科学校与天津大学合作的仪器仪表工程硕士班已经开班
""",
    "drafts/README.md": """\
Drafts written by `kg ingest`, one per source: review them, then run `kg accept ID`.
The loader ignores this folder.
""",
}


def init(path: str | Path) -> Path:
    """Create an empty data folder at ``path`` that :func:`graph.load` accepts.

    The folder gets ``sources/sources.yaml``, ``entities/entities.yaml``,
    ``relations/relations.yaml`` (each only comments that explain the format) and
    ``drafts/``. A folder that already holds data is refused.

    >>> import graph, tempfile, pathlib
    >>> root = graph.init(pathlib.Path(tempfile.mkdtemp()) / "mydata")
    >>> graph.load(root)
    <KnowledgeGraph: 0 entities, 0 relations>
    """
    root = Path(path)
    if root.exists() and not root.is_dir():
        raise ArgumentError(f"{root} is a file; pass a new folder name")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {root} ({exc.strerror}); pick another folder") from None
    # Two `kg init` (or an init and an ingest) at once: the second waits, then sees the
    # first one's files and refuses. Subfolders that are links out of it are refused.
    with folder_lock(root):
        check_folder(root)
        for rel in _README:
            if os.path.lexists(root / rel) and not rel.endswith("README.md"):
                raise ArgumentError(
                    f"{root} already holds a data folder ({rel} exists); pick a new folder, "
                    f"or use it as it is with `kg --data {root} …`"
                )
        for rel, text in _README.items():
            write_text(root / rel, text)
    return root


@dataclass
class IngestResult:
    """What :func:`graph.ingest` did: the source id, the files, what it proposed."""

    source: str
    draft: Path
    format: str
    encoding: str | None
    characters: int
    new_entities: int = 0
    matched_entities: int = 0
    relations: int = 0
    unchanged: bool = False
    files: list[Path] = field(default_factory=list)
    #: whose work sentences without a subject were read as; ``None`` when none was found
    author: str | None = None

    def __str__(self) -> str:
        if self.unchanged:
            return (
                f"{self.source}: these bytes are already ingested; nothing changed "
                f"(draft: {self.draft})"
            )
        enc = f", encoding {self.encoding}" if self.encoding else ""
        kg = f"kg --data {self.draft.parent.parent}"
        if self.author:
            author = (
                f"sentences without a subject are read as the work of {self.author} "
                "(marked basis: unstated_subject; --author NAME names someone else)"
            )
        else:
            author = (
                "no author: neither the title nor the first lines name a zone or government "
                "body, so sentences "
                "without a subject (举办了…, …已开工建设) give no relation; ingest again "
                "with --force --author NAME (e.g. --author 某某高新区) to read them as its work"
            )
        return (
            f"ingested {self.source} ({self.format}{enc}, {self.characters:,} characters): "
            f"{_n(self.new_entities, 'new entity', 'new entities')}, "
            f"{_n(self.matched_entities, 'known one', 'known ones')}, "
            f"{_n(self.relations, 'relation', 'relations')} proposed in {self.draft}\n"
            f"{author}\n"
            f"next: review it with `{kg} review {self.source}`, edit the draft, then "
            f"`{kg} accept {self.source}`"
        )


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def data_root(data: str | Path | None) -> Path:
    """The data folder to write: ``data``, else the one :func:`graph.load` would use.

    The sample installed inside the package is never written to.
    """
    if data is not None:
        return Path(data)
    found = find_data()
    if found.origin == "bundled" and BUNDLED_DATA.name == "_sample":
        raise ArgumentError(
            "no data folder to write to: the bundled sample is part of the installed "
            "package; create one with `kg init mydata` and pass --data mydata"
        )
    return found.path


def known_names(root: Path) -> list[KnownName]:
    """Every name and alias of the entities in the data folder ``root``."""
    return _names_of(load(root))


def _names_of(kg: KnowledgeGraph) -> list[KnownName]:
    """The names a new document is matched against: not those that mean something only in
    their own report (高新区, 管委会, 签约仪式: see :mod:`graph._ingest._identity`)."""
    names = [KnownName(n, e.id, e.type) for e in kg for n in dict.fromkeys((e.name, *e.aliases))]
    keep = identifying([(k.name, k.type) for k in names])
    return [k for k, kept in zip(names, keep, strict=True) if kept]


_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _records(root: Path, limits: Limits) -> tuple[str, list[YMap]]:
    file = root / "sources" / "sources.yaml"
    data = read_file(file, limits.max_data_bytes)
    if data is None:
        raise ReadError(
            f"{root} is not a data folder (no sources/sources.yaml); create one with "
            f"`kg init {root}` or pass the right folder with --data"
        )
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
        problems.append(Problem(file, 0, 0, "not UTF-8"))
    doc = read_yaml(file, problems, text, limits=limits) if not problems else None
    if problems:
        raise DataError(problems)
    return text, list(doc) if isinstance(doc, YList) else []


def _stored_sha(root: Path, rec: YMap, limits: Limits) -> str | None:
    """The SHA-256 of a source's raw bytes: recorded, else of its raw file.

    The raw file is the record's ``raw:`` or, for formats the loader cannot re-read,
    the file ``ID.raw.SUFFIX`` that ingest wrote; it is found by listing the folder
    (never a pattern built from the id) and read only when it is a regular file.
    """
    if isinstance(rec.get("raw_sha256"), str):
        return str(rec["raw_sha256"])
    sid = rec.get("id")
    if not isinstance(sid, str) or not _ID.fullmatch(sid):
        return None
    sources = root / "sources"
    if isinstance(rec.get("raw"), str):
        names = [safe_source_path(root, rec["raw"]).name]
    else:
        with os.scandir(sources) as entries:
            names = sorted(
                e.name
                for e in entries
                if e.name.startswith(f"{sid}.raw.") and e.is_file(follow_symlinks=False)
            )
    for name in names:
        data = read_file(sources / name, limits.max_source_bytes)
        if data is not None:
            return hashlib.sha256(data).hexdigest()
    return None


#: Characters YAML does not keep in a double-quoted scalar as they are (it folds
#: U+0085 and the line and paragraph separators, refuses other non-printables).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_quoted(value: str) -> str:
    r"""``value`` as a YAML double-quoted scalar that reads back exactly as ``value``.

    >>> print(yaml_quoted("天津\x85大学"))
    "天津\u0085大学"
    """
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_yaml_str = yaml_quoted
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _record_text(
    sid: str,
    doc: Text,
    raw_name: str,
    title: str,
    title_en: str,
    origin: str,
    raw_field: bool,
    date: str | None,
) -> str:
    lines = [
        f"- id: {sid}",
        f"  title: {_yaml_str(title)}",
        f"  title_en: {_yaml_str(title_en)}",
        "  language: zh-Hans",
        f"  text: {sid}.txt",
    ]
    if raw_field:
        lines += [f"  raw: {raw_name}", f"  raw_sha256: {doc.sha256}"]
    if date:
        lines.append(f"  date: {_yaml_str(date)}")
    lines.append(f"  origin: {_yaml_str(origin)}")
    lines.append("  processing:")
    lines += [f"    - {_yaml_str(step)}" for step in doc.steps]
    return "\n".join(lines) + "\n"


def _check_not_taken(
    root: Path, records: list[YMap], existing: YMap | None, names: tuple[str, ...]
) -> None:
    """Refuse to write a file that another source names as its ``text`` or ``raw``."""
    for rec in records:
        if not isinstance(rec, YMap) or rec is existing:
            continue
        for key in ("text", "raw"):
            value = rec.get(key)
            if isinstance(value, str) and value in names:
                raise ArgumentError(
                    f"source {rec.get('id')!r} names sources/{value} as its {key}; ingesting "
                    f"would overwrite it: pass --id with another id"
                )


def _without_record(text: str, rec: YMap, following: YMap | None) -> str:
    lines = text.splitlines(keepends=True)
    start = rec.pos[0] - 1
    end = following.pos[0] - 1 if following is not None else len(lines)
    return "".join(lines[:start] + lines[end:])


def ingest(
    path: str | Path,
    *,
    data: str | Path | None = None,
    id: str | None = None,
    title: str | None = None,
    title_en: str | None = None,
    date: str | None = None,
    origin: str | None = None,
    encoding: str | None = None,
    format: str | None = None,
    author: str | None = None,
    force: bool = False,
) -> IngestResult:
    """Read a document into the data folder and write a draft of proposals to review.

    ``path`` is a .txt (UTF-8, GB18030/GBK or Big5, detected unless ``encoding`` is
    given), .html, .docx or .pdf file. ``id`` defaults to the file name; ``title`` to
    the text's first line; ``author`` (whose work the report lists) to the zone or
    government body the title names. Ingesting the same bytes again changes nothing;
    different bytes under an existing id are refused unless ``force``.

    >>> import graph, tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> root = graph.init(tmp / "data")
    >>> doc = tmp / "report.txt"
    >>> text = "某某高新区工作情况\\n某某高新区与天津大学签订了合作协议。"
    >>> _ = doc.write_text(text, encoding="gb18030")
    >>> result = graph.ingest(doc, data=root)
    >>> result.source, result.encoding, result.new_entities
    ('report', 'gb18030', 2)
    >>> graph.ingest(doc, data=root).unchanged
    True
    """
    with stages(f"ingest {Path(path).name}", "read", "names", "extract", "write") as done:
        return _ingest(
            path, data, id, title, title_en, date, origin, encoding, format, author, force, done
        )


def _ingest(
    path: str | Path,
    data: str | Path | None,
    id: str | None,
    title: str | None,
    title_en: str | None,
    date: str | None,
    origin: str | None,
    encoding: str | None,
    format: str | None,
    author: str | None,
    force: bool,
    done: Callable[[], None],
) -> IngestResult:
    root = data_root(data)
    src = Path(path)
    doc = read(src, format=format, encoding=encoding)
    done()
    sid = id or _slug(src.stem.removesuffix(".raw")) or f"source-{doc.sha256[:8]}"
    if not _ID.fullmatch(sid):
        raise ArgumentError(
            f"{sid!r} is not a valid source id; use lower-case letters, digits, hyphens"
        )
    check_folder(root)
    with folder_lock(root):  # read -> validate -> write, one command at a time
        return _ingest_locked(
            root, src, doc, sid, title, title_en, date, origin, author, force, done
        )


def _ingest_locked(
    root: Path,
    src: Path,
    doc: Text,
    sid: str,
    title: str | None,
    title_en: str | None,
    date: str | None,
    origin: str | None,
    author: str | None,
    force: bool,
    done: Callable[[], None],
) -> IngestResult:
    limits = Limits.from_env()
    check_folder(root)
    old_text, records = _records(root, limits)
    kg = load(root)  # the folder is validated before ingest touches it
    existing = next((r for r in records if isinstance(r, YMap) and r.get("id") == sid), None)
    for rec in records:
        if not isinstance(rec, YMap) or rec is existing:
            continue
        if _stored_sha(root, rec, limits) == doc.sha256:
            raise ArgumentError(
                f"these bytes are already ingested as source {rec.get('id')!r}; "
                f"review that one with `kg --data {root} review {rec.get('id')}`"
            )
    draft_file = draft_path(root, sid)
    if existing is not None:
        if _stored_sha(root, existing, limits) == doc.sha256 and not force:
            return IngestResult(
                sid, draft_file, doc.format, doc.encoding, len(doc.text), unchanged=True
            )
        if not force:
            raise ArgumentError(
                f"source {sid!r} already exists with different bytes; pass --id NEW-ID to add "
                f"this as a new source, or --force to replace {sid!r} (quotes accepted from the "
                "old version must still be found in the new text)"
            )
    if title is None:
        first = next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), src.stem)
        title = first if len(first) <= 80 else src.stem
    title_en = title_en or f"{title} (title not yet translated)"
    suffix = src.suffix.lower() if re.fullmatch(r"\.[a-z0-9]{1,6}", src.suffix.lower()) else ""
    raw_name = f"{sid}.raw{suffix or '.' + doc.format}"
    try:  # the loader re-derives the text from a UTF-8 raw file: record it when it can
        raw_field = doc.format == "txt" and normalize(doc.raw.decode("utf-8")) == doc.text
    except UnicodeDecodeError:
        raw_field = False
    if date is not None and not _DATE.fullmatch(date):
        raise ArgumentError(f"--date {date!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    how = f"read as {doc.format}" + (f" in {doc.encoding}" if doc.encoding else "")
    origin_text = (
        f"{origin + '; ' if origin else ''}ingested from {src.name}, kept byte for byte as "
        f"{raw_name} (SHA-256 {doc.sha256}), {how}"
    )

    known = _names_of(kg)
    done()
    # whose report it is: the title, else a heading among the first lines (a web page's
    # <h1> may be generic, 工作进展, with the zone's name on the line after)
    lines = [ln.strip() for ln in doc.text.splitlines()[:10] if ln.strip()][:3]
    headings = [ln for ln in lines if len(ln) <= 60 and not re.search("[。；;！？]", ln)]
    proposals = extract(doc.text, known, author=author, title="\n".join([title, *headings]))
    draft = from_proposals(sid, proposals)
    done()

    if existing is not None:
        idx = records.index(existing)
        following = records[idx + 1] if idx + 1 < len(records) else None
        base = _without_record(old_text, existing, following)
    else:
        base = old_text
    if base and not base.endswith("\n"):
        base += "\n"
    new_sources = base + _record_text(
        sid, doc, raw_name, title, title_en, origin_text, raw_field, date
    )

    sources = root / "sources"
    targets = {
        sources / raw_name: doc.raw,
        sources / f"{sid}.txt": doc.text.encode("utf-8"),
        draft_file: dump_draft(draft).encode("utf-8"),
        sources / "sources.yaml": new_sources.encode("utf-8"),
    }
    _check_not_taken(root, records, existing, (raw_name, f"{sid}.txt"))
    (root / "drafts").mkdir(exist_ok=True)
    check_folder(root)
    cap = max(limits.max_source_bytes, limits.max_data_bytes)
    # backups never follow links: a link or special file where a target goes is refused
    backup = {p: read_file(p, cap) for p in targets}
    try:
        for p, content in targets.items():  # sources.yaml last: the record commits it
            write_bytes(p, content)
        load(root)
    except BaseException:
        for p, old in backup.items():
            if old is None:
                if p.is_file() and not p.is_symlink():  # never a link, FIFO or device
                    p.unlink()
            else:
                write_bytes(p, old)
        raise
    done()
    new = sum(1 for e in draft.entities if not e["match"])
    return IngestResult(
        sid,
        draft_file,
        doc.format,
        doc.encoding,
        len(doc.text),
        new_entities=new,
        matched_entities=len(draft.entities) - new,
        relations=len(draft.relations),
        files=list(targets),
        author=proposals.author,
    )
