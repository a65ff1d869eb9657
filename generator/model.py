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


@dataclass
class Evidence:
    """A verbatim span of a source article, located once validated."""

    source: str
    text: str
    origin: Origin
    paragraph: int = -1
    start: int = -1
    end: int = -1
    anchor: str = ""


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


@dataclass
class Actor(Entity):
    """A person, force, government, group or outlet."""

    folder = "actors"


@dataclass
class Place(Entity):
    """A country, region, town or valley."""

    folder = "places"
    parent: str | None = None
    coordinates: Coordinates | None = None


@dataclass
class Source:
    """A source article: metadata and paragraphs."""

    folder = "sources"
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

    @property
    def name(self) -> str:
        """Sources are linked by their title."""
        return self.title


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

    folder = "events"
    id: str
    title: str
    kind: str
    description: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    date: DateSpec | None = None
    status: str | None = None
    places: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    according_to: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Events are linked by their title."""
        return self.title


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
    asserted_by: str | None = None
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    date: DateSpec | None = None


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

    def evidence(self) -> list[Evidence]:
        """Every evidence span of every fact."""
        facts = [*self.events.values(), *self.quotes.values(), *self.figures.values(), *self.relationships]
        return [span for fact in facts for span in fact.evidence]
