"""A corpus ingest: several documents or a folder, one draft each, matched across them.

:func:`ingest_corpus` calls :func:`graph.ingest` on each document in turn (a folder
gives its .txt, .html, .docx and .pdf files, sorted by name), with a progress bar
over the documents. An entity that an earlier draft of the same run proposed under
the same name (or alias) gets ``match:`` to that proposal's id in the later drafts
(names that mean something only in their report, 高新区 or 签约仪式, match nothing),
so accepting the drafts in order gives one node per organisation, however many
reports name it. Entities already in the data folder are matched by the per-document
ingest itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._atomic import write_text
from .._errors import ReadError
from .._progress import track
from .._records import EntityType
from ._draft import dump_draft, load_draft
from ._identity import identifies
from ._store import IngestResult, ingest

__all__ = ["CorpusResult", "ingest_corpus"]

#: The files a folder contributes, by suffix.
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """What :func:`ingest_corpus` did: one result per document, and the shared entities."""

    results: tuple[IngestResult, ...]
    #: proposal id -> the source ids of the drafts that name it (two or more)
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [str(r) for r in self.results]
        lines.append(
            f"{len(self.results)} document(s); {len(self.shared)} entit"
            f"{'y' if len(self.shared) == 1 else 'ies'} named by several of them, matched "
            "across their drafts (accept the drafts in the order given)"
        )
        lines += [f"  {eid}: {', '.join(srcs)}" for eid, srcs in sorted(self.shared.items())]
        return "\n".join(lines)


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _identifying(rec: dict[str, Any]) -> list[str]:
    """A proposal's names that identify it outside its report (not 高新区, 签约仪式)."""
    try:
        etype = EntityType(str(rec.get("type")))
    except ValueError:
        return []  # a type the draft's reviewer mistyped: the accept step will say so
    names = [rec.get("name"), *(rec.get("aliases") or [])]
    return [str(n) for n in names if isinstance(n, str) and n and identifies(n, etype)]


def documents(paths: Iterable[str | Path]) -> list[Path]:
    """The documents ``paths`` name: files as given, folders by their readable files.

    Raises :class:`~graph.KGError` for a path that does not exist or a folder with no
    document in it.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise ReadError(
                    f"{p}: no document in this folder (looked for {', '.join(SUFFIXES)})"
                )
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise ReadError(f"{p}: no such file or folder")
    return out


def ingest_corpus(
    paths: Sequence[str | Path],
    *,
    data: str | Path | None = None,
    author: str | None = None,
    force: bool = False,
) -> CorpusResult:
    """Ingest several documents (files or folders) into ``data``, one draft each.

    Names shared with an earlier draft of the run are matched to it (``match:`` the
    earlier proposal's id). Each document's title is its first line, its id its file
    name; a failure stops the run with the documents before it ingested.

    >>> import graph, tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> root = graph.init(tmp / "data")
    >>> (tmp / "in").mkdir()
    >>> _ = (tmp / "in" / "a.txt").write_text("甲\\n华远集团与天津大学签署合作协议。")
    >>> _ = (tmp / "in" / "b.txt").write_text("乙\\n天津大学与南开大学签署合作协议。")
    >>> result = ingest_corpus([tmp / "in"], data=root)
    >>> [r.source for r in result.results], list(result.shared.values())
    (['a', 'b'], [('a', 'b')])
    """
    files = documents(paths)
    seen: dict[str, str] = {}  # name key -> proposal id
    named_by: dict[str, list[str]] = {}
    results: list[IngestResult] = []
    for path in track(files, "ingest"):
        result = ingest(path, data=data, author=author, force=force)
        results.append(result)
        draft = load_draft(result.draft)
        changed = False
        for rec in draft.entities:
            if rec.get("match"):
                continue
            keys = [_key(str(n)) for n in _identifying(rec)]
            earlier = next((seen[k] for k in keys if k in seen), None)
            if earlier is not None:
                rec["match"] = earlier
                rec["notes"] = (
                    f"{rec.get('notes') or ''} Named by an earlier draft of the same "
                    f"ingest as {earlier}; accept that draft first."
                ).strip()
                named_by[earlier].append(result.source)
                changed = True
                continue
            eid = str(rec.get("id") or "")
            if eid:
                named_by.setdefault(eid, [result.source])
                for k in keys:
                    seen.setdefault(k, eid)
        if changed:
            for rec in [*draft.entities, *draft.relations]:
                for k in [k for k in rec if k.startswith("_")]:  # where load_draft read it
                    del rec[k]
            write_text(result.draft, dump_draft(draft))
    shared = {eid: tuple(dict.fromkeys(s)) for eid, s in named_by.items() if len(set(s)) > 1}
    return CorpusResult(tuple(results), shared)
