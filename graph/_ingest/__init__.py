"""Ingestion: a document in, a draft of proposals to review, accepted records merged.

=====================  ==========================================================
:func:`init`           an empty data folder that :func:`graph.load` accepts
:func:`ingest`         keep a document's bytes and normalised text, write a draft
:func:`review`         the draft as a bilingual table
:func:`draft_graph`    the curated graph with the draft's proposals marked
:func:`accept`         merge the accepted records into the data, all or nothing
=====================  ==========================================================

Modules: ``_read`` (the registry of readers) with ``_txt``, ``_html``, ``_docx`` and
``_pdf``; ``_extract`` (the pure extractor) with its steps ``_clauses``, ``_tagging``,
``_known``, ``_mentions`` (with ``_names``, ``_model_names``, ``_places``),
``_context``, ``_relations`` (with ``_clause_steps``, one step per cue family,
``_cues`` and ``_parties``), ``_units``, ``_goals``, ``_coreference``, ``_aliases``,
``_figures`` and ``_proposals``; ``_draft`` (drafts as data); ``_store`` (init,
ingest); ``_corpus`` (several documents, matched across); ``_merge`` (accept);
``_review`` (table, graph).
"""

from ._extract import KnownName, Proposals, extract
from ._merge import AcceptResult, accept
from ._read import READERS, Text, read
from ._review import draft_graph, review
from ._store import IngestResult, ingest, init

__all__ = [
    "READERS",
    "AcceptResult",
    "IngestResult",
    "KnownName",
    "Proposals",
    "Text",
    "accept",
    "draft_graph",
    "extract",
    "ingest",
    "init",
    "read",
    "review",
]
