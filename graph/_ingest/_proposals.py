"""What the extractor proposes: entities and relations, and the names it is given.

:class:`KnownName` (a name of an entity the graph holds), :class:`EntityProposal`,
:class:`RelationProposal`, :class:`Proposals` (what :func:`graph._ingest._extract.extract`
returns) and ``_Mention``, one name found at a place in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._records import Basis, EntityType, RelationType, Status


@dataclass(frozen=True, slots=True)
class KnownName:
    """One name or alias of an entity the graph already holds."""

    name: str
    id: str
    type: EntityType


@dataclass(slots=True)
class EntityProposal:
    """A proposed entity: a new one (``match`` is None) or a mention of a known one."""

    name: str
    type: EntityType
    match: str | None
    confidence: float
    quotes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """How relations name it: the known id, or the proposed name."""
        return self.match or self.name


@dataclass(slots=True)
class RelationProposal:
    """A proposed relation between two entities (known ids or proposed names)."""

    source: str
    target: str
    type: RelationType
    status: Status
    quote: str
    confidence: float
    date: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    basis: Basis = Basis.STATED
    notes: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, str(self.type), self.target)


@dataclass(slots=True)
class Proposals:
    """What :func:`extract` returns: proposed entities and relations."""

    entities: list[EntityProposal]
    relations: list[RelationProposal]
    #: whose work sentences without a subject are read as (``None``: no author found)
    author: str | None = None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    type: EntityType
    confidence: float
    match: str | None = None
    origin: str = "head"
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return self.match or self.name
