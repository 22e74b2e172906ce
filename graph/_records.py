"""Immutable records: entities, relations, evidence, sources, and their enumerations.

Records are frozen dataclasses. Their ``attributes`` are read-only mappings whose
lists are tuples, so a record handed to a caller can never change the graph.
Use :meth:`Entity.to_dict` / :meth:`Relation.to_dict` for plain, JSON-ready copies.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "COLLECTIVE_TYPES",
    "HUB_TYPES",
    "PARTNERSHIP_TYPES",
    "Entity",
    "EntityType",
    "Evidence",
    "Partner",
    "Relation",
    "RelationType",
    "Source",
    "Status",
    "freeze",
    "thaw",
]


class _Described(enum.StrEnum):
    """A string enumeration whose members carry an English description."""

    description: str

    def __new__(cls, value: str, description: str = "") -> _Described:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member


class EntityType(_Described):
    """What kind of thing an entity is."""

    DEVELOPMENT_ZONE = "development_zone", "development zone and its administration"
    GOVERNMENT_BODY = "government_body", "government body, leading group or working group"
    ENTERPRISE = "enterprise", "company or enterprise group"
    UNIVERSITY = "university", "university or college"
    RESEARCH_INSTITUTE = "research_institute", "research institute or academy"
    SCHOOL = "school", "primary or secondary school"
    GROUP = "group", "organisations the source counts or describes but does not name"
    COOPERATION = "cooperation", "a joint activity stated for a group as a whole"
    PROGRAMME = "programme", "education or training programme"
    PLATFORM = "platform", "research or talent platform (workstation, studio)"
    PROJECT = "project", "investment, construction or cooperation project"
    EVENT = "event", "conference, launch or other event"
    PLACE = "place", "city, region, district or park"
    MEDIA_WORK = "media_work", "film, television series or other media work"


class RelationType(_Described):
    """What a relation states. Direction reads ``source -> target``."""

    ESTABLISHES = "establishes", "sets up (a leading group, a working group)"
    LEADS = "leads", "heads, through one of its officials"
    AGENCY_AGREEMENT = "agency_agreement", "signed an agency agreement with"
    SIGNED_AGREEMENT = "signed_agreement", "signed a cooperation agreement or contract with"
    LETTER_OF_INTENT = "letter_of_intent", "signed a letter of intent with"
    NEGOTIATION = "negotiation", "is negotiating with"
    COOPERATION = "cooperation", "cooperates with"
    PARTICIPATES_IN = "participates_in", "takes part in (a group cooperation, programme, project)"
    INVESTS_IN = "invests_in", "invests in"
    BUILDS_OPERATES = "builds_operates", "builds and operates (BOT and similar)"
    VISIT = "visit", "visited for talks"
    WORKS_ON = "works_on", "has this project among its work (status = the stage reported)"
    ATTENDS = "attends", "takes part in (an event)"
    AFFILIATED_WITH = "affiliated_with", "is affiliated to"
    ORGANISES = "organises", "held or organised (an event)"
    HELD_AT = "held_at", "took place at"
    LOCATED_IN = "located_in", "is located in"
    SEEKS = "seeks", "seeks to attract"
    CONNECTS = "connects", "will strengthen exchange with"
    SUPPORTS = "supports", "supports, provides facilities for"
    DRAWS_ON = "draws_on", "draws on the influence of"


class Status(_Described):
    """The state of a relation (or of a project or programme) as the source reports it."""

    ESTABLISHED = "established", "set up"
    CARRIED_OUT = "carried_out", "done, with results reported"
    HELD = "held", "took place"
    SIGNED = "signed", "agreement signed"
    INTENT = "intent", "letter or statement of intent"
    NEGOTIATING = "negotiating", "under negotiation"
    PRELIMINARY_WORK = "preliminary_work", "preliminary work or formalities under way"
    SITE_SURVEY = "site_survey", "site being selected or surveyed"
    SITE_SELECTED = "site_selected", "site selected"
    ABOUT_TO_START = "about_to_start", "construction about to start"
    STARTED = "started", "work launched"
    UNDER_CONSTRUCTION = "under_construction", "under construction"
    OPENED = "opened", "opened, started classes"
    PLANNED = "planned", "planned, sought or expected"
    DESIGNATED = "designated", "listed or designated (e.g. as a demonstration project)"
    STATED = "stated", "a standing fact (affiliation, location, designation)"


#: Relation types that make two entities partners ("works with").
PARTNERSHIP_TYPES = frozenset(
    {
        RelationType.AGENCY_AGREEMENT,
        RelationType.SIGNED_AGREEMENT,
        RelationType.LETTER_OF_INTENT,
        RelationType.NEGOTIATION,
        RelationType.COOPERATION,
        RelationType.PARTICIPATES_IN,
        RelationType.INVESTS_IN,
        RelationType.BUILDS_OPERATES,
        RelationType.VISIT,
    }
)

#: Entity types through which participants become partners of each other.
HUB_TYPES = frozenset({EntityType.COOPERATION, EntityType.PROGRAMME, EntityType.PROJECT})

#: Entity types that stand for a group statement rather than one organisation.
COLLECTIVE_TYPES = frozenset({EntityType.COOPERATION, EntityType.GROUP})


def freeze(value: Any) -> Any:
    """Return a read-only deep copy: dicts become mapping proxies, lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """Inverse of :func:`freeze`: plain dicts and lists, ready for JSON or YAML."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [thaw(v) for v in value]
    return value


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a source document that states a fact.

    >>> Evidence("report", "承德石油高等专科学校与天津大学合作")
    Evidence(source='report', quote='承德石油高等专科学校与天津大学合作')
    """

    source: str
    quote: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, project, place, … named in a source.

    >>> e = Entity("tianjin-university", EntityType.UNIVERSITY, "天津大学", "Tianjin University")
    >>> e
    Entity('tianjin-university', university, '天津大学' / 'Tianjin University')
    """

    id: str
    type: EntityType
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    status: Status | None = None
    attributes: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    notes: str = ""
    evidence: tuple[Evidence, ...] = ()

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.type}, {self.name!r} / {self.name_en!r})"

    def __hash__(self) -> int:  # attributes are a read-only mapping, which does not hash
        return hash(("Entity", self.id))

    def label(self, lang: str = "zh") -> str:
        """The display name: Chinese for ``lang="zh"``, English for ``"en"``."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in the shape of the YAML data files."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": str(self.type),
            "name": self.name,
            "name_en": self.name_en,
            "aliases": list(self.aliases),
        }
        if self.status is not None:
            out["status"] = str(self.status)
        out["attributes"] = thaw(self.attributes)
        out["notes"] = self.notes
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact linking two entities, with the quotes that state it.

    ``date`` is an ISO 8601 string as precise as the source allows:
    ``2015``, ``2015-09``, ``2015-09-19``, or ``--09-19`` when the year is not stated.
    """

    id: str
    source: str
    target: str
    type: RelationType
    status: Status
    date: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    notes: str = ""
    evidence: tuple[Evidence, ...] = ()

    def __repr__(self) -> str:
        return f"Relation({self.source!r} -{self.type}/{self.status}-> {self.target!r})"

    def __hash__(self) -> int:  # attributes are a read-only mapping, which does not hash
        return hash(("Relation", self.id))

    @property
    def collective(self) -> bool:
        """True when the source states this for a group, not for one pair."""
        return bool(self.attributes.get("collective", False))

    def other(self, entity_id: str) -> str:
        """The endpoint that is not ``entity_id``."""
        return self.target if entity_id == self.source else self.source

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in the shape of the YAML data files, plus the relation id."""
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": str(self.type),
            "status": str(self.status),
            "date": self.date,
            "attributes": thaw(self.attributes),
            "notes": self.notes,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Source:
    """A source document: its metadata and normalised text."""

    id: str
    title: str
    title_en: str
    language: str
    text: str
    raw_path: str = ""
    text_path: str = ""
    processing: tuple[str, ...] = ()
    notes: str = ""

    def __repr__(self) -> str:
        return f"Source({self.id!r}, {self.title!r}, {len(self.text)} characters)"

    def sentence(self, quote: str) -> tuple[str, int, int]:
        """The sentence that contains ``quote``, and the quote's span within it.

        Sentences end at 。！？；or a line break. Raises ``ValueError`` when the
        quote is not in the text.
        """
        start = self.text.index(quote)
        end = start + len(quote)
        enders = "。！？；;!?\n"
        left = max(self.text.rfind(ch, 0, start) for ch in enders) + 1
        rights = [i for ch in enders if (i := self.text.find(ch, end)) != -1]
        right = min(rights) + 1 if rights else len(self.text)
        sentence = self.text[left:right]
        stripped = sentence.rstrip("\n")
        return stripped, start - left, end - left


@dataclass(frozen=True, slots=True)
class Partner:
    """One answer of :meth:`KnowledgeGraph.partners`.

    ``relations`` are the relations behind the partnership (for a partnership
    through a group statement or programme, the two relations that join it);
    ``collective`` is True when it rests on a statement about a group.
    """

    entity: Entity
    relations: tuple[Relation, ...]
    collective: bool
    via: Entity | None = None

    def __repr__(self) -> str:
        via = f", via={self.via.id!r}" if self.via else ""
        return f"Partner({self.entity.id!r}, collective={self.collective}{via})"
