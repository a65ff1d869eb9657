"""The data model: the entities and facts of a report, built from validated documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import DateSpec
from .load import Document, Pointer


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file and its place in that file."""

    doc: Document
    pointer: Pointer

    def problem(self, sub: Pointer, expected: str, found: str, hint: str = ""):
        """A problem located at a field inside this record."""
        return self.doc.problem(self.pointer + tuple(sub), expected, found, hint)

    @property
    def line(self) -> int:
        """The line where the record starts."""
        return self.doc.line_of(self.pointer)


@dataclass(frozen=True)
class Evidence:
    """A verbatim span of a source article; the records stage locates it (paragraph, start, end, anchor)."""

    source: str
    text: str
    origin: Origin
    paragraph: int = -1
    start: int = -1
    end: int = -1
    anchor: str = ""

    @property
    def located(self) -> bool:
        """True once the span has been found in its article."""
        return self.paragraph >= 0


def evidence_of(data: dict, source: str, origin: Origin) -> list[Evidence]:
    """The evidence spans a fact's data lists, not yet located."""
    return [Evidence(source, text, Origin(origin.doc, origin.pointer + ("evidence", i)))
            for i, text in enumerate(data["evidence"])]


def context_of(data: dict) -> list[Context]:
    """The editor's context notes of a record, with their citations."""
    return [Context(c["note"], c["citation"]["title"], c["citation"]["url"]) for c in data.get("context", [])]


def date_of(data: dict, key: str = "date") -> DateSpec | None:
    """A date of a record (when it happened, or when it was reported), when the data gives one."""
    return DateSpec.from_data(data[key]) if key in data else None


def attribution_of(data: dict) -> Attribution | None:
    """Who the data says asserts a fact, when it says so."""
    return Attribution.from_data(data["attribution"]) if "attribution" in data else None


@dataclass(frozen=True)
class Attribution:
    """Who asserts a fact (an actor, or an unnamed source in the article's words), with which verb; or that
    the article states it itself."""

    by: str | None = None
    source: str | None = None
    verb: str | None = None
    own: bool = False

    @classmethod
    def from_data(cls, data: dict) -> Attribution:
        """An attribution from a fact's 'attribution' mapping."""
        return cls(data.get("by"), data.get("source"), data.get("verb"), bool(data.get("own", False)))


@dataclass
class Context:
    """Editor's context: a fact not in the articles, with its citation."""

    note: str
    title: str
    url: str


@dataclass
class Coordinates:
    """Where a place is, how precisely, and where that comes from."""

    lat: float
    lon: float
    precision: str
    source_title: str
    source_url: str


@dataclass
class Entity:
    """What actors and places share: an id, names and a description."""

    id: str
    name: str
    kind: str
    description: str
    origin: Origin
    aliases: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    context: list[Context] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """The name, then each alias that differs from it."""
        return [self.name] + [a for a in self.aliases if a != self.name]

    @staticmethod
    def fields_of(data: dict, origin: Origin) -> dict:
        """The fields every entity reads from its data."""
        return dict(id=data["id"], name=data["name"], kind=data["kind"], description=data["description"],
                    origin=origin, aliases=list(data.get("aliases", [])),
                    identifiers=dict(data.get("identifiers", {})), context=context_of(data))


@dataclass
class Actor(Entity):
    """A person, force, government, group or outlet."""

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Actor:
        """An actor from its entry in actors.yaml."""
        return cls(**cls.fields_of(data, origin))


@dataclass
class Place(Entity):
    """A country, region, town or valley."""

    parent: str | list[str] | None = None  # as written: one id, or a list when several places contain it
    coordinates: Coordinates | None = None

    @property
    def parents(self) -> list[str]:
        """The places that directly contain this one (a town may be in a province and a disputed region)."""
        if self.parent is None:
            return []
        return [self.parent] if isinstance(self.parent, str) else list(self.parent)

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Place:
        """A place from its entry in places.yaml."""
        coords = data.get("coordinates")
        coordinates = None if coords is None else Coordinates(
            float(coords["lat"]), float(coords["lon"]), coords["precision"],
            coords["source"]["title"], coords["source"]["url"])
        parent = data.get("parent")
        return cls(**cls.fields_of(data, origin), parent=parent if parent is None or isinstance(parent, str)
                   else list(parent), coordinates=coordinates)


@dataclass(frozen=True)
class NameChoice:
    """What a name means in one article: an actor, a place, or (neither given) nothing."""

    name: str
    actor: str | None = None
    place: str | None = None

    @property
    def target(self) -> tuple[str, str] | None:
        """(folder, id) the name links to in the article, or None."""
        if self.actor:
            return "actors", self.actor
        return ("places", self.place) if self.place else None


@dataclass(frozen=True)
class ReadIn:
    """The outlet that republished a story, and the address the editor read it at."""

    outlet: str
    url: str


@dataclass
class Source:
    """A source article: metadata and paragraphs."""

    id: str
    title: str
    title_by_editor: bool
    outlet: str
    published: str
    language: str
    paragraphs: list[str]
    origin: Origin
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)
    names: list[NameChoice] = field(default_factory=list)
    text: str = "verbatim"  # or "editor-summary": the paragraphs are the editor's summary of the article
    read_in: ReadIn | None = None  # where the editor read a story the outlet above wrote (a wire story)

    @property
    def name(self) -> str:
        """Sources are linked by their title."""
        return self.title

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Source:
        """A source from the 'source' part of its article file."""
        return cls(data["id"], data["title"], bool(data.get("title_by_editor", False)), data["outlet"],
                   data["published"], data["language"], list(data["paragraphs"]), origin, data.get("url"),
                   list(data.get("authors", [])), context_of(data),
                   [NameChoice(n["name"], n.get("actor"), n.get("place")) for n in data.get("names", [])],
                   data.get("text", "verbatim"),
                   ReadIn(data["read_in"]["outlet"], data["read_in"]["url"]) if "read_in" in data else None)


@dataclass
class Participant:
    """An actor's part in an event."""

    actor: str
    role: str


@dataclass
class Related:
    """A link from one event to another: part-of, response-to, caused-by, follows, about."""

    event: str
    relation: str


@dataclass
class Event:
    """Something that happened, with its date, places, participants and evidence."""

    id: str
    title: str
    kind: str
    description: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    date: DateSpec | None = None
    reported: DateSpec | None = None  # when it was said or reported, where that is what the article dates
    status: str | None = None
    places: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    attribution: Attribution | None = None
    related: list[Related] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)
    other_reports: list[Event] = field(default_factory=list)  # the same event as later articles report it

    @property
    def name(self) -> str:
        """Events are linked by their title."""
        return self.title

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Event:
        """An event of an article."""
        return cls(
            id=data["id"], title=data["title"], kind=data["kind"], description=data["description"], source=source,
            evidence=evidence_of(data, source, origin), origin=origin, date=date_of(data),
            reported=date_of(data, "reported"),
            status=data.get("status"), places=list(data.get("places", [])),
            participants=[Participant(p["actor"], p["role"]) for p in data.get("participants", [])],
            attribution=attribution_of(data),
            related=[Related(r["event"], r["relation"]) for r in data.get("related", [])], context=context_of(data))


@dataclass
class Quote:
    """Words an actor said, verbatim, with where and to whom."""

    id: str
    speaker: str
    text: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    to: str | None = None
    setting: str | None = None
    event: str | None = None
    date: DateSpec | None = None
    attribution: Attribution | None = None
    other_reports: list[Quote] = field(default_factory=list)  # the same words as later articles quote them

    @property
    def name(self) -> str:
        """Quotes are named by their words."""
        return self.text

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Quote:
        """A quote of an article."""
        return cls(id=data["id"], speaker=data["speaker"], text=data["text"], source=source,
                   evidence=evidence_of(data, source, origin), origin=origin, to=data.get("to"),
                   setting=data.get("setting"), event=data.get("event"), date=date_of(data),
                   attribution=attribution_of(data))


@dataclass
class Quantity:
    """A number or range: exact, or min to max, maybe approximate."""

    unit: str
    exact: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    approximate: bool = False


@dataclass
class Figure:
    """A counted or claimed thing, who asserts it, and what it is about."""

    id: str
    claim: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    value: Quantity | None = None
    attribution: Attribution | None = None
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    date: DateSpec | None = None
    other_reports: list[Figure] = field(default_factory=list)  # the same figure as later articles give it

    @property
    def name(self) -> str:
        """Figures are named by their claim."""
        return self.claim

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Figure:
        """A figure or claim of an article."""
        value = data.get("value")
        quantity = None if value is None else Quantity(value["unit"], value.get("exact"), value.get("min"),
                                                       value.get("max"), bool(value.get("approximate", False)))
        return cls(id=data["id"], claim=data["claim"], source=source, evidence=evidence_of(data, source, origin),
                   origin=origin, value=quantity, attribution=attribution_of(data),
                   actors=list(data.get("actors", [])), places=list(data.get("places", [])),
                   events=list(data.get("events", [])), date=date_of(data))


@dataclass
class Relationship:
    """How one actor stands to another, with evidence."""

    subject: str
    kind: str
    object: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    role: str | None = None
    date: DateSpec | None = None  # when it held, where the article says only then ("led": earlier)
    attribution: Attribution | None = None
    other_reports: list[Relationship] = field(default_factory=list)  # the same link, attested again

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Relationship:
        """A relationship of an article."""
        return cls(data["subject"], data["kind"], data["object"], source, evidence_of(data, source, origin),
                   origin, data.get("role"), date_of(data), attribution_of(data))


@dataclass
class Report:
    """The report as a whole: title, summary and language."""

    title: str
    summary: str
    language: str
    origin: Origin | None = None


@dataclass
class Dataset:
    """Everything the data files say, keyed by id."""

    report: Report = field(default_factory=lambda: Report("Report", "", "en"))
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    relationships: list[Relationship] = field(default_factory=list)
    files: dict[str, list[str]] = field(default_factory=dict)  # source id -> data files behind it

    def __post_init__(self) -> None:
        # A kind added to the registry gets its table without a field here (docs/ARCHITECTURE.md).
        from .kinds import KINDS  # the registry imports the model
        for kind in KINDS:
            if not hasattr(self, kind.folder):
                setattr(self, kind.folder, {} if kind.keyed else [])

    def evidence(self) -> list[Evidence]:
        """Every evidence span of every report of every fact."""
        from .kinds import KINDS, reports  # the registry imports the model
        return [span for k in KINDS if k.evidence for fact in reports(self, k) for span in fact.evidence]
