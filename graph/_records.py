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

from ._sentences import sentence_window

__all__ = [
    "COLLECTIVE_TYPES",
    "HUB_TYPES",
    "PARTNERSHIP_TYPES",
    "STAGE_ORDER",
    "Basis",
    "Entity",
    "EntityType",
    "Evidence",
    "NameKind",
    "Partner",
    "Relation",
    "RelationType",
    "Source",
    "Status",
    "freeze",
    "thaw",
]


class _Described(enum.StrEnum):
    """A string enumeration whose members carry a description in English and Chinese."""

    description: str
    description_zh: str

    def __new__(cls, value: str, description: str = "", description_zh: str = "") -> _Described:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        member.description_zh = description_zh or description
        return member

    def describe(self, lang: str = "en") -> str:
        """The description in ``lang`` (``"en"`` or ``"zh"``)."""
        return self.description_zh if lang == "zh" else self.description


class EntityType(_Described):
    """What kind of thing an entity is."""

    DEVELOPMENT_ZONE = "development_zone", "development zone and its administration", "开发区"
    GOVERNMENT_BODY = (
        "government_body",
        "government body, leading group or working group",
        "政府机构、领导小组或工作小组",
    )
    ENTERPRISE = "enterprise", "company or enterprise group", "企业"
    UNIVERSITY = "university", "university", "大学"
    COLLEGE = (
        "college",
        "college below university level (高等专科学校, junior or vocational college)",
        "专科院校",
    )
    RESEARCH_INSTITUTE = "research_institute", "research institute or academy", "科研机构"
    SCHOOL = "school", "primary or secondary school", "中小学校"
    GROUP = (
        "group",
        "organisations the source counts or describes but does not name",
        "未具名的群体",
    )
    COOPERATION = (
        "cooperation",
        "a joint activity stated for a group as a whole",
        "群体表述的合作",
    )
    PROGRAMME = "programme", "education or training programme", "培养项目"
    PLATFORM = "platform", "research or talent platform (workstation, studio)", "科研或人才平台"
    PROJECT = "project", "investment, construction or cooperation project", "项目"
    MEASURE = (
        "measure",
        "a measure, policy or working method the source reports",
        "举措或政策",
    )
    GOAL = "goal", "an aim the source states", "目标"
    EVENT = "event", "conference, launch or other event", "活动"
    PLACE = "place", "city, region, district or park", "地点"
    MEDIA_WORK = "media_work", "film, television series or other media work", "影视作品"


class RelationType(_Described):
    """What a relation states. Direction reads ``source -> target``."""

    ESTABLISHES = "establishes", "sets up (a leading group, a working group)", "成立"
    LEADS = "leads", "heads, through one of its officials", "领导"
    AGENCY_AGREEMENT = "agency_agreement", "signed an agency agreement with", "签订代理协议"
    SIGNED_AGREEMENT = (
        "signed_agreement",
        "signed a cooperation agreement or contract with",
        "签署合作协议",
    )
    LETTER_OF_INTENT = "letter_of_intent", "signed a letter of intent with", "签署意向"
    NEGOTIATION = "negotiation", "is negotiating with", "洽谈"
    COOPERATION = "cooperation", "cooperates with", "合作"
    PARTICIPATES_IN = (
        "participates_in",
        "takes part in (a group cooperation, programme, project)",
        "参与",
    )
    INVESTS_IN = "invests_in", "invests in", "投资"
    BUILDS_OPERATES = "builds_operates", "builds and operates (BOT and similar)", "建设运营"
    VISIT = "visit", "visited for talks", "拜访洽谈"
    WORKS_ON = "works_on", "has this project among its work (status = the stage reported)", "推进"
    ATTENDS = "attends", "takes part in (an event)", "参加"
    AFFILIATED_WITH = "affiliated_with", "is affiliated to", "附属于"
    ORGANISES = "organises", "held or organised (an event)", "举办"
    HELD_AT = "held_at", "took place at", "举办地点"
    LOCATED_IN = "located_in", "is located in", "位于"
    SEEKS = "seeks", "seeks to attract", "争取"
    CONNECTS = "connects", "will strengthen exchange with", "加强交流"
    SUPPORTS = "supports", "supports, provides facilities for", "支持"
    DRAWS_ON = "draws_on", "draws on the influence of", "借助"
    ADOPTS = "adopts", "takes or carries out (a measure or policy)", "实行"
    AIMS_AT = "aims_at", "is meant to serve (a stated aim)", "旨在"
    SUBSIDIARY_OF = "subsidiary_of", "is a subsidiary or unit of (控股, 旗下)", "隶属"


class Status(_Described):
    """The state of a relation (or of a project or programme) as the source reports it."""

    ESTABLISHED = "established", "set up", "已成立"
    CARRIED_OUT = "carried_out", "done, with results reported", "已开展"
    HELD = "held", "took place", "已举办"
    SIGNED = "signed", "agreement signed", "已签约"
    INTENT = "intent", "letter or statement of intent", "意向"
    NEGOTIATING = "negotiating", "under negotiation", "洽谈中"
    PRELIMINARY_WORK = (
        "preliminary_work",
        "preliminary work or formalities under way",
        "前期工作",
    )
    SITE_SURVEY = "site_survey", "site being selected or surveyed", "选址考察中"
    SITE_SELECTED = "site_selected", "site selected", "已完成选址"
    ABOUT_TO_START = "about_to_start", "construction about to start", "即将开工"
    STARTED = "started", "work launched", "已启动"
    UNDER_CONSTRUCTION = "under_construction", "under construction", "在建"
    OPENED = "opened", "opened, started classes", "已开学或开班"
    PLANNED = "planned", "planned, sought or expected", "计划或争取中"
    EXPLORING = "exploring", "being explored or tried out (探索)", "探索中"
    DESIGNATED = "designated", "listed or designated (e.g. as a demonstration project)", "已列为"
    STATED = "stated", "a standing fact (affiliation, location, designation)", "陈述"


#: The stages a project or programme moves through, in order: the pipeline's columns
#: (``graph.pipeline``). Their names in English and Chinese are ``describe("en"/"zh")``.
#: The other statuses (established, held, designated, stated) are not stages.
STAGE_ORDER: tuple[Status, ...] = (
    Status.PLANNED,
    Status.EXPLORING,
    Status.NEGOTIATING,
    Status.INTENT,
    Status.SIGNED,
    Status.SITE_SURVEY,
    Status.SITE_SELECTED,
    Status.PRELIMINARY_WORK,
    Status.ABOUT_TO_START,
    Status.UNDER_CONSTRUCTION,
    Status.STARTED,
    Status.OPENED,
    Status.CARRIED_OUT,
)


class Basis(_Described):
    """How a relation rests on its quote.

    ``stated``: the quote names both ends and states the relation.
    ``unstated_subject``: the sentence names no actor; the relation's ``source`` is
    the reading given in its notes (usually the report's author, whose own work the
    report lists). ``inferred``: a reading beyond the words, explained in the notes.
    """

    STATED = "stated", "stated in the quote", "原文明述"
    UNSTATED_SUBJECT = (
        "unstated_subject",
        "the sentence names no actor; the source end is a reading (see notes)",
        "原文未写主语，主语为推断",
    )
    INFERRED = "inferred", "a reading beyond the words (see notes)", "推断"


class NameKind(_Described):
    """Whether an English name is the organisation's own or our translation."""

    OFFICIAL = "official", "the organisation's own English name", "官方英文名"
    TRANSLATION = "translation", "a translation or transliteration of the Chinese", "译名"


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
    name_en_kind: NameKind = NameKind.TRANSLATION
    notes_zh: str = ""

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.type}, {self.name!r} / {self.name_en!r})"

    def __hash__(self) -> int:  # attributes are a read-only mapping, which does not hash
        return hash(("Entity", self.id))

    def label(self, lang: str = "zh") -> str:
        """The display name: Chinese for ``lang="zh"``, English for ``"en"``."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def note(self, lang: str = "en") -> str:
        """The notes in ``lang`` where the data has them, else the other language's."""
        return (self.notes_zh or self.notes) if lang == "zh" else (self.notes or self.notes_zh)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in the shape of the YAML data files."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": str(self.type),
            "name": self.name,
            "name_en": self.name_en,
            "name_en_kind": str(self.name_en_kind),
            "aliases": list(self.aliases),
        }
        if self.status is not None:
            out["status"] = str(self.status)
        out["attributes"] = thaw(self.attributes)
        out["notes"] = self.notes
        if self.notes_zh:
            out["notes_zh"] = self.notes_zh
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
    basis: Basis = Basis.STATED
    event: str | None = None
    notes_zh: str = ""

    def __repr__(self) -> str:
        return f"Relation({self.source!r} -{self.type}/{self.status}-> {self.target!r})"

    def __hash__(self) -> int:  # attributes are a read-only mapping, which does not hash
        return hash(("Relation", self.id))

    @property
    def inferred(self) -> bool:
        """True when the relation is a reading beyond the quote's words (see ``basis``)."""
        return self.basis is not Basis.STATED

    def note(self, lang: str = "en") -> str:
        """The notes in ``lang`` where the data has them, else the other language's."""
        return (self.notes_zh or self.notes) if lang == "zh" else (self.notes or self.notes_zh)

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
            "basis": str(self.basis),
            "event": self.event,
            "attributes": thaw(self.attributes),
            "notes": self.notes,
            "notes_zh": self.notes_zh,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Source:
    """A source document: its metadata and normalised text.

    ``date`` is when the document speaks (ISO 8601, as precise as known, e.g.
    ``2016-12``), or None; it orders what several sources say about one relation.
    """

    id: str
    title: str
    title_en: str
    language: str
    text: str
    raw_path: str = ""
    text_path: str = ""
    processing: tuple[str, ...] = ()
    notes: str = ""
    date: str | None = None

    def __repr__(self) -> str:
        return f"Source({self.id!r}, {self.title!r}, {len(self.text)} characters)"

    def sentence(self, quote: str) -> tuple[str, int, int]:
        """The sentence that contains ``quote``, and the quote's span within it.

        The sentence is the one the explorer shows (``graph._sentences``): it ends at
        。！？；;!?, a line break, or a full stop followed by a space, and takes at most
        300 characters on each side of the quote. Raises ``ValueError`` when the quote
        is not in the text.
        """
        start = self.text.index(quote)
        end = start + len(quote)
        left, right = sentence_window(self.text, start, end)
        return self.text[left:right], start - left, end - left


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
