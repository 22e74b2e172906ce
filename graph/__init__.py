"""A knowledge graph of regional cooperation, curated from source documents.

>>> import graph
>>> kg = graph.load()
>>> kg.entity("Tianjin University").name
'天津大学'

The public API is what ``__all__`` lists; modules whose names start with ``_``
are private. Errors form one tree under :class:`KGError` (see ``graph._errors``).
"""

from contextlib import suppress as _suppress

from ._errors import (
    ArgumentError,
    DataError,
    ExportError,
    KGError,
    LimitError,
    MissingExtraError,
    NoPathError,
    NotFoundError,
    Problem,
    ReadError,
    ServerError,
    UnknownEntityError,
    UnsafePathError,
)
from ._export import EXPORT_FORMATS
from ._falkordb import load_from, push
from ._history import as_of, history
from ._ingest import AcceptResult, IngestResult, accept, draft_graph, ingest, init, review
from ._ingest._corpus import ingest_corpus
from ._kg import KnowledgeGraph
from ._limits import Limits
from ._load import DEFAULT_DATA, load
from ._normalize import NORMALIZATION_STEPS, normalize
from ._notebook import to_dataframe
from ._pipeline import Pipeline, pipeline, pipeline_changes
from ._records import (
    STAGE_ORDER,
    Basis,
    Entity,
    EntityType,
    Evidence,
    NameKind,
    Partner,
    Relation,
    RelationType,
    Source,
    Status,
)
from ._regions import RegionTies, region_ties

__all__ = [
    "DEFAULT_DATA",
    "EXPORT_FORMATS",
    "NORMALIZATION_STEPS",
    "STAGE_ORDER",
    "AcceptResult",
    "ArgumentError",
    "Basis",
    "DataError",
    "Entity",
    "EntityType",
    "Evidence",
    "ExportError",
    "IngestResult",
    "KGError",
    "KnowledgeGraph",
    "LimitError",
    "Limits",
    "MissingExtraError",
    "NameKind",
    "NoPathError",
    "NotFoundError",
    "Partner",
    "Pipeline",
    "Problem",
    "ReadError",
    "RegionTies",
    "Relation",
    "RelationType",
    "ServerError",
    "Source",
    "Status",
    "UnknownEntityError",
    "UnsafePathError",
    "accept",
    "as_of",
    "draft_graph",
    "history",
    "ingest",
    "ingest_corpus",
    "init",
    "load",
    "load_from",
    "normalize",
    "pipeline",
    "pipeline_changes",
    "push",
    "region_ties",
    "review",
    "to_dataframe",
]

# Public names report the package they are documented in, not the private module.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) or callable(_obj):
        with _suppress(AttributeError, TypeError):  # builtins keep theirs
            _obj.__module__ = __name__
del _name, _obj, _suppress
