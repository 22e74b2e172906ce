"""Immutable records: entities, relations, evidence, sources, and their enumerations.

Records are frozen dataclasses. Their ``attributes`` are read-only mappings whose
lists are tuples, so a record handed to a caller can never change the graph.
Use :meth:`Entity.to_dict` / :meth:`Relation.to_dict` for plain, JSON-ready copies.

:data:`SCHEMA` says what each field of each record class is (:class:`FieldSpec`: its
:class:`Kind`, whether the data files must give it, its name there and on the page).
The loader's checks, the dict views, ``kg.nx``, the page's records, the exports'
columns, FalkorDB's properties and the review graph all derive their fields from it,
so a new field is one line in its class and one in :data:`SCHEMA` (and a value in
``tests/test_fields.py``, whose contract test checks that every output carries it).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from ._sentences import sentence_window

__all__ = [
    "COLLECTIVE_TYPES",
    "HUB_TYPES",
    "PARTNERSHIP_TYPES",
    "SCHEMA",
    "STAGE_ORDER",
    "Basis",
    "Entity",
    "EntityType",
    "Evidence",
    "FieldSpec",
    "Kind",
    "NameKind",
    "Partner",
    "Relation",
    "RelationType",
    "Source",
    "Status",
    "field_values",
    "freeze",
    "from_plain",
    "plain",
    "thaw",
]

R = TypeVar("R")


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


def _rebuild(cls: type[Any], values: tuple[Any, ...]) -> Any:
    """Unpickle a record that :func:`_reduce` took apart, freezing its mappings again."""
    return cls(*(freeze(v) for v in values))


def _reduce(record: Any) -> tuple[Any, ...]:
    """Pickle support: read-only mappings (which pickle refuses) travel as plain dicts."""
    values = (getattr(record, f.name) for f in dataclasses.fields(record))
    return (
        _rebuild,
        (type(record), tuple(thaw(v) if isinstance(v, Mapping) else v for v in values)),
    )


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a source document that states a fact.

    >>> Evidence("report", "承德石油高等专科学校与天津大学合作")
    Evidence(source='report', quote='承德石油高等专科学校与天津大学合作')
    """

    source: str
    quote: str

    def to_dict(self) -> dict[str, str]:
        return _to_dict(self)


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

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and deepcopy, which refuse a mapping proxy
        return _reduce(self)

    def label(self, lang: str = "zh") -> str:
        """The display name: Chinese for ``lang="zh"``, English for ``"en"``."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def note(self, lang: str = "en") -> str:
        """The notes in ``lang`` where the data has them, else the other language's."""
        return (self.notes_zh or self.notes) if lang == "zh" else (self.notes or self.notes_zh)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in the shape of the YAML data files (see :data:`SCHEMA`)."""
        return _to_dict(self)


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

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and deepcopy, which refuse a mapping proxy
        return _reduce(self)

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
        return _to_dict(self)


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


# -- the schema: what each field of a record is ----------------------------------------------


class Kind(enum.Enum):
    """What a record field holds; it fixes how the loader checks it and how every
    output (dict views, page, exports, FalkorDB, the cache) writes it."""

    SLUG = "slug"  # an id: lower-case ASCII words joined by single hyphens
    END = "end"  # an end of a relation: an entity id (checked against the entities)
    TEXT = "text"  # non-empty text
    NOTE = "note"  # text that may be empty ("")
    CHOICE = "choice"  # a member of an enumeration (the field's type)
    DATE = "date"  # ISO 8601, as precise as the source allows, or None
    MAPPING = "mapping"  # a read-only mapping of names to values (``attributes``)
    TEXTS = "texts"  # a tuple of texts (``aliases``, ``processing``)
    EVIDENCE = "evidence"  # a tuple of :class:`Evidence`


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a record class, as :data:`SCHEMA` declares it.

    ``name`` is the record's attribute; ``key`` the field's name in the data files
    (None: not written there, as a source's text, read from its file); ``required``
    whether a data file must give it. ``sparse`` leaves it out of the record's
    ``to_dict`` when empty. ``page`` is the key the HTML explorer's records use,
    with ``lang`` when several fields share one key as ``{lang: value}`` (the
    notes); ``packed`` the field's place in a packed page row (``graph._html``,
    whose own values ``degree``, ``size``, ``x`` and ``y`` take places 4 to 7 of
    an entity's row). ``choices`` (the enumeration of a ``CHOICE`` field) and
    ``default`` come from the dataclass.
    """

    name: str
    kind: Kind
    required: bool = False
    key: str | None = ""
    sparse: bool = False
    page: str = ""
    lang: str | None = None
    packed: int | None = None
    choices: Any = None
    default: Any = None

    @property
    def members(self) -> dict[str, Any]:
        """``value -> member`` of a ``CHOICE`` field (a dict is faster than ``Enum()``)."""
        return _members(self.choices)


@functools.cache
def _members(choices: Any) -> dict[str, Any]:
    return {m.value: m for m in choices} if choices is not None else {}


def _schema(cls: type[Any], specs: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    """``specs`` completed from the dataclass ``cls`` (choices, defaults, keys), in
    the order the data files write them. Every field must be declared exactly once."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    names = [s.name for s in specs]
    if sorted(names) != sorted(fields):
        raise TypeError(  # an internal invariant, met at import: not a user error
            f"the schema of {cls.__name__} declares {sorted(names)}, "
            f"its dataclass has {sorted(fields)}"
        )
    hints = typing.get_type_hints(cls)
    out = []
    for s in specs:
        f = fields[s.name]
        hint = hints[s.name]
        choices = next(
            (
                a
                for a in (hint, *typing.get_args(hint))
                if isinstance(a, type) and issubclass(a, enum.Enum)
            ),
            None,
        )
        default = (
            f.default_factory()
            if f.default_factory is not dataclasses.MISSING
            else None
            if f.default is dataclasses.MISSING
            else f.default
        )
        out.append(
            dataclasses.replace(
                s,
                key=s.name if s.key == "" else s.key,
                page=s.page or s.name,
                choices=choices,
                default=default,
            )
        )
    return tuple(out)


#: Every record class's fields, in the order of the data files (and of every output
#: that lists them). Adding a field to a record is one line in its class and one
#: here; every list of fields (the loader's checks, the dict views, the page, the
#: exports, FalkorDB, the review graph, the cache) derives from this, and
#: ``tests/test_fields.py`` checks that every output carries every field.
SCHEMA: Mapping[type[Any], tuple[FieldSpec, ...]] = MappingProxyType(
    {
        Evidence: _schema(
            Evidence,
            (
                FieldSpec("source", Kind.TEXT, required=True),
                FieldSpec("quote", Kind.TEXT, required=True),
            ),
        ),
        Entity: _schema(
            Entity,
            (
                FieldSpec("id", Kind.SLUG, required=True, packed=0),
                FieldSpec("type", Kind.CHOICE, required=True, packed=3),
                FieldSpec("name", Kind.TEXT, required=True, packed=1),
                FieldSpec("name_en", Kind.TEXT, required=True, packed=2),
                FieldSpec("name_en_kind", Kind.CHOICE),
                FieldSpec("aliases", Kind.TEXTS),
                FieldSpec("status", Kind.CHOICE, sparse=True),
                FieldSpec("attributes", Kind.MAPPING),
                FieldSpec("notes", Kind.NOTE, lang="en"),
                FieldSpec("notes_zh", Kind.NOTE, sparse=True, page="notes", lang="zh"),
                FieldSpec("evidence", Kind.EVIDENCE, required=True, packed=8),
            ),
        ),
        Relation: _schema(
            Relation,
            (
                FieldSpec("id", Kind.SLUG, packed=0),
                FieldSpec("source", Kind.END, required=True, page="from", packed=1),
                FieldSpec("target", Kind.END, required=True, page="to", packed=2),
                FieldSpec("type", Kind.CHOICE, required=True, packed=3),
                FieldSpec("status", Kind.CHOICE, required=True, packed=4),
                FieldSpec("date", Kind.DATE),
                FieldSpec("basis", Kind.CHOICE),
                FieldSpec("event", Kind.SLUG),
                FieldSpec("attributes", Kind.MAPPING),
                FieldSpec("notes", Kind.NOTE, lang="en"),
                FieldSpec("notes_zh", Kind.NOTE, page="notes", lang="zh"),
                FieldSpec("evidence", Kind.EVIDENCE, required=True, packed=5),
            ),
        ),
        Source: _schema(
            Source,
            (
                FieldSpec("id", Kind.SLUG, required=True),
                FieldSpec("title", Kind.TEXT, required=True),
                FieldSpec("title_en", Kind.TEXT, required=True),
                FieldSpec("language", Kind.TEXT, required=True),
                FieldSpec("text_path", Kind.TEXT, required=True, key="text"),
                FieldSpec("raw_path", Kind.TEXT, key="raw"),
                FieldSpec("date", Kind.DATE),
                FieldSpec("processing", Kind.TEXTS),
                FieldSpec("notes", Kind.NOTE),
                FieldSpec("text", Kind.TEXT, key=None),  # the text file's content
            ),
        ),
    }
)


def plain(spec: FieldSpec, value: Any) -> Any:
    """A field's value as plain, JSON-ready data: an enumeration's value, a list, a dict.

    >>> plain(SCHEMA[Entity][5], ("Lulu", "Lolo"))
    ['Lulu', 'Lolo']
    """
    kind = spec.kind
    if kind is Kind.CHOICE:
        return None if value is None else value.value
    if kind is Kind.TEXTS:
        return list(value)
    if kind is Kind.MAPPING:
        return thaw(value)
    if kind is Kind.EVIDENCE:
        return [e.to_dict() for e in value]
    return value


def _converter(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """How :func:`from_plain` turns a plain value into the field's (None: as it is)."""
    kind = spec.kind
    if kind is Kind.CHOICE:
        members, choices = spec.members, spec.choices

        def choice(value: Any) -> Any:
            member = members.get(value)
            return member if member is not None else choices(value)  # ValueError when unknown

        return choice
    if kind is Kind.TEXTS:
        return tuple
    if kind is Kind.MAPPING:
        return lambda value: freeze(value) if value else _EMPTY
    if kind is Kind.EVIDENCE:
        return lambda value: tuple(
            e if isinstance(e, Evidence) else Evidence(e["source"], e["quote"]) for e in value
        )
    if kind is Kind.NOTE:
        return lambda value: value or ""
    return None


_CONVERTERS: dict[tuple[int, bool], tuple[Any, tuple[tuple[str, str, Any], ...]]] = {}


def _converters(specs: tuple[FieldSpec, ...], by_key: bool) -> tuple[tuple[str, str, Any], ...]:
    """``(field, key in data, converter)`` of every field of ``specs``, made once."""
    found = _CONVERTERS.get((id(specs), by_key))
    if found is None or found[0] is not specs:
        converters = tuple(
            (s.name, s.key if by_key and s.key is not None else s.name, _converter(s))
            for s in specs
            if not by_key or s.key is not None
        )
        found = _CONVERTERS[id(specs), by_key] = (specs, converters)  # specs kept: id stays
    return found[1]


def field_values(
    specs: tuple[FieldSpec, ...], data: Mapping[str, Any], *, by_key: bool = False, **given: Any
) -> dict[str, Any]:
    """The keyword arguments of a record with the fields ``specs`` (its :data:`SCHEMA`)
    from plain data: see :func:`from_plain`."""
    get = data.get
    for name, key, convert in _converters(specs, by_key):
        if name not in given:  # ``given`` is this call's own dict
            value = get(key)
            if value is not None:
                given[name] = value if convert is None else convert(value)
    return given


def from_plain(cls: type[R], data: Mapping[str, Any], *, by_key: bool = False, **given: Any) -> R:
    """A record of ``cls`` from plain data (the inverse of its ``to_dict``).

    Fields absent from ``data`` or ``None`` take their default; ``given`` values are
    taken as they are. With ``by_key``, ``data`` is named as the data files name
    the fields (a source's ``text`` and ``raw``). Other keys of ``data`` are ignored.

    >>> from_plain(Evidence, {"source": "report", "quote": "合作", "page": 3})
    Evidence(source='report', quote='合作')
    """
    return cls(**field_values(SCHEMA[cls], data, by_key=by_key, **given))


def _to_dict(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in SCHEMA[type(record)]:
        value = getattr(record, spec.name)
        if spec.sparse and (value is None or value == ""):
            continue
        out[spec.name] = plain(spec, value)
    return out
