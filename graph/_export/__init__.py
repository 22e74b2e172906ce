"""Exporters: one registry of formats, one :func:`export` that looks them up.

=========  =============================  ==============================================
format     ``path`` is                    for
=========  =============================  ==============================================
graphml    a file, ``*.graphml``          Gephi, yEd, Cytoscape, ``networkx.read_graphml``
gexf       a file, ``*.gexf``             Gephi, ``networkx.read_gexf``
json       a file, ``*.json``             NetworkX node-link JSON for JavaScript and web
                                          tools, ``networkx.node_link_graph``
csv        a folder (created if needed)   ``entities.csv`` and ``relations.csv`` for
                                          spreadsheets and pandas
neo4j      a folder (created if needed)   ``neo4j-admin database import`` CSV files, a
                                          Cypher script and a README with the commands
=========  =============================  ==============================================

Every write is atomic. A single file is written beside ``path`` and renamed over
it. A folder format writes all its files into a temporary folder beside
``path`` first; a new folder is then renamed into place as a whole, and in an
existing folder each file is replaced by its complete new version (other
files in the folder are left alone). Either way, a failed export leaves
nothing half-written.

Adding a format is one module with a ``write_<name>(kg, path) -> Path``
function and one :func:`register` line at the end of this file; the contract
test in ``tests/test_export.py`` then checks it like every other format.

>>> import graph, tempfile, pathlib
>>> kg = graph.KnowledgeGraph([graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")], [])
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> export(kg, out / "kg.graphml").name
'kg.graphml'
>>> export(kg, out / "tables", "csv").name
'tables'
>>> sorted(p.name for p in (out / "tables").iterdir())
['entities.csv', 'relations.csv']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from .._errors import ExportError
from .._progress import stages

if TYPE_CHECKING:
    from .._kg import KnowledgeGraph

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export", "register"]

Writer = Callable[["KnowledgeGraph", Path], Path]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, its writer and what ``path`` means for it.

    ``suffix`` is the file suffix that selects the format when none is given
    (``""`` for folder formats, which must be named). ``folder`` is True when
    ``path`` is a folder that receives several files.
    """

    name: str
    write: Writer
    suffix: str
    folder: bool
    description: str

    def __repr__(self) -> str:
        return f"ExportFormat({self.name!r}, folder={self.folder})"

    @property
    def default_path(self) -> Path:
        """Where the CLI writes when no ``-o`` is given, under the current folder:
        ``output/graph.<suffix>``, or ``output/<name>/`` for a folder format (as for
        ``kg html``, whose default is ``output/graph.html``)."""
        from .._paths import DEFAULT_OUTPUT

        return DEFAULT_OUTPUT / (self.name if self.folder else f"graph{self.suffix}")


_REGISTRY: dict[str, ExportFormat] = {}

#: The registered formats by name, read-only: ``graphml``, ``gexf``, ``json``, ``csv``, ``neo4j``.
EXPORT_FORMATS: Mapping[str, ExportFormat] = MappingProxyType(_REGISTRY)


def register(fmt: ExportFormat) -> ExportFormat:
    """Add ``fmt`` to the registry; return it. Raises ``ValueError`` on a duplicate name."""
    if fmt.name in _REGISTRY:
        raise ValueError(f"an export format called {fmt.name!r} is already registered")
    _REGISTRY[fmt.name] = fmt
    return fmt


def _names() -> str:
    return ", ".join(sorted(_REGISTRY))


def _resolve(path: Path, format: str | None) -> ExportFormat:
    if format is not None:
        try:
            return _REGISTRY[format.strip().lower()]
        except KeyError:
            raise ExportError(f"unknown export format {format!r}; use one of: {_names()}") from None
    suffix = path.suffix.lower()
    for fmt in _REGISTRY.values():
        if not fmt.folder and suffix == fmt.suffix:
            return fmt
    if suffix[1:] in _REGISTRY:  # e.g. "out.csv" for a folder format
        name = suffix[1:]
        raise ExportError(
            f"the {name} export writes several files into a folder, so {str(path)!r} cannot "
            f"name it by its suffix; pass the folder and the format, e.g. "
            f"kg.export('output/{name}', format='{name}')"
        )
    raise ExportError(
        f"cannot tell the export format from {str(path)!r}; end the file name with "
        + ", ".join(f.suffix for f in _REGISTRY.values() if not f.folder)
        + f" or pass format= one of: {_names()}"
    )


def export(kg: KnowledgeGraph, path: str | Path, format: str | None = None) -> Path:
    """Write ``kg`` to ``path`` in ``format`` (default: from the suffix); return the path.

    ``path`` is a file for ``graphml``, ``gexf`` and ``json``, and a folder
    (created if needed) for ``csv`` and ``neo4j``. Raises
    :class:`graph.ExportError` for an unknown format, a file where a folder is
    needed (or the reverse), or a path that cannot be written.

    >>> import graph, tempfile, pathlib, json
    >>> e = graph.Entity("a", graph.EntityType.PLACE, "承德", "Chengde")
    >>> kg = graph.KnowledgeGraph([e], [])
    >>> p = export(kg, pathlib.Path(tempfile.mkdtemp()) / "kg.json")
    >>> json.loads(p.read_text(encoding="utf-8"))["nodes"][0]["name"]
    '承德'
    """
    target = Path(path)
    fmt = _resolve(target, format)
    if fmt.folder and target.is_file():
        raise ExportError(
            f"{target} is a file, but the {fmt.name} export writes a folder; "
            "pass a folder path (it is created if needed)"
        )
    if not fmt.folder and target.is_dir():
        raise ExportError(
            f"{target} is a folder, but the {fmt.name} export writes one file; "
            f"pass a file path such as {target / ('graph' + fmt.suffix)}"
        )
    with stages(f"export {fmt.name} to {target}", "attributes", "write") as done:
        kg.nx  # noqa: B018 -- every writer starts from it; built here, its own stage
        done()
        written = fmt.write(kg, target)
        done()
    return written


# -- the formats: one line each ---------------------------------------------------------------

from . import _csv, _gexf, _graphml, _json, _neo4j  # noqa: E402

register(ExportFormat("graphml", _graphml.write_graphml, ".graphml", False, _graphml.DESCRIPTION))
register(ExportFormat("gexf", _gexf.write_gexf, ".gexf", False, _gexf.DESCRIPTION))
register(ExportFormat("json", _json.write_json, ".json", False, _json.DESCRIPTION))
register(ExportFormat("csv", _csv.write_csv, "", True, _csv.DESCRIPTION))
register(ExportFormat("neo4j", _neo4j.write_neo4j, "", True, _neo4j.DESCRIPTION))
