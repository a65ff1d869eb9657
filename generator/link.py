"""Stage 3, link: compute every connection both ways, once, from the facts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import dates
from .model import Dataset, Event, Figure, Quote, Relationship
from .names import NameIndex

# How an event relation reads from each end: (from the event that states it, from the other one).
EVENT_RELATIONS = {
    "part-of": ("Part of", "Includes"),
    "response-to": ("In response to", "Prompted"),
    "caused-by": ("Caused by", "Led to"),
    "follows": ("Follows", "Followed by"),
    "about": ("About", "Subject of"),
}
# How a relationship reads from its subject and from its object.
ACTOR_RELATIONS = {
    "opposes": ("Opposes", "Opposed by"),
    "clashes-with": ("Clashes with", "Clashes with"),
    "allied-with": ("Allied with", "Allied with"),
    "part-of": ("Part of", "Includes"),
    "member-of": ("Member of", "Has as a member"),
    "leads": ("Leads", "Led by"),
    "speaks-for": ("Speaks for", "Spokesperson"),
    "backed-by": ("Backed by", "Backs"),
}


@dataclass(frozen=True)
class Passage:
    """A paragraph of a source that mentions an entity."""

    source: str
    paragraph: int


@dataclass
class Graph:
    """The dataset plus every backlink, each list in a stable order."""

    dataset: Dataset
    names: NameIndex
    events_of_actor: dict = field(default_factory=lambda: defaultdict(list))  # id -> [(event, role)]
    quotes_of_actor: dict = field(default_factory=lambda: defaultdict(list))  # id -> [(quote, "said"|"heard")]
    figures_of: dict = field(default_factory=lambda: defaultdict(list))  # (folder, id) -> [(figure, how)]
    relations_of_actor: dict = field(default_factory=lambda: defaultdict(list))  # id -> [(label, other, rel)]
    events_at_place: dict = field(default_factory=lambda: defaultdict(list))  # id -> [event]
    children_of_place: dict = field(default_factory=lambda: defaultdict(list))  # id -> [place id]
    related_events: dict = field(default_factory=lambda: defaultdict(list))  # id -> [(label, event)]
    quotes_of_event: dict = field(default_factory=lambda: defaultdict(list))  # id -> [quote]
    mentions: dict = field(default_factory=lambda: defaultdict(list))  # (folder, id) -> [Passage]
    files_of: dict = field(default_factory=lambda: defaultdict(set))  # (folder, id) -> data files behind the page

    def actors_at_place(self, place_id: str) -> list[str]:
        """Actors that took part in an event at the place, in name order."""
        found = {p.actor for event in self.events_at_place[place_id] for p in event.participants}
        return sorted(found, key=lambda a: self.dataset.actors[a].name.casefold())

    def places_of_actor(self, actor_id: str) -> list[str]:
        """Places where the actor took part in an event, in name order."""
        found = {place for event, _ in self.events_of_actor[actor_id] for place in event.places}
        return sorted(found, key=lambda p: self.dataset.places[p].name.casefold())

    def ancestors(self, place_id: str) -> list[str]:
        """The places that contain this one, outermost first."""
        chain, current = [], self.dataset.places[place_id].parent
        while current is not None:
            chain.insert(0, current)
            current = self.dataset.places[current].parent
        return chain


def chronological(event: Event) -> tuple[str, str]:
    """Order events by date, undated last, then by id."""
    return dates.sort_key(event.date), event.id


def link(dataset: Dataset) -> Graph:
    """Build the graph of a validated dataset."""
    graph = Graph(dataset, NameIndex.of([*dataset.actors.values(), *dataset.places.values()]))
    for event in sorted(dataset.events.values(), key=chronological):
        _link_event(graph, event)
    for quote in sorted(dataset.quotes.values(), key=lambda q: (dates.sort_key(q.date), q.id)):
        _link_quote(graph, quote)
    for figure in sorted(dataset.figures.values(), key=lambda f: f.id):
        _link_figure(graph, figure)
    for relationship in dataset.relationships:
        _link_relationship(graph, relationship)
    for place in sorted(dataset.places.values(), key=lambda p: p.name.casefold()):
        if place.parent is not None:
            graph.children_of_place[place.parent].append(place.id)
    _link_mentions(graph)
    _link_files(graph)
    return graph


def _link_event(graph: Graph, event: Event) -> None:
    for participant in event.participants:
        graph.events_of_actor[participant.actor].append((event, participant.role))
    for place in event.places:
        graph.events_at_place[place].append(event)
    for related in event.related:
        forward, backward = EVENT_RELATIONS[related.relation]
        graph.related_events[event.id].append((forward, graph.dataset.events[related.event]))
        graph.related_events[related.event].append((backward, event))


def _link_quote(graph: Graph, quote: Quote) -> None:
    graph.quotes_of_actor[quote.speaker].append((quote, "said"))
    if quote.to is not None:
        graph.quotes_of_actor[quote.to].append((quote, "heard"))
    if quote.event is not None:
        graph.quotes_of_event[quote.event].append(quote)


def _link_figure(graph: Graph, figure: Figure) -> None:
    if figure.asserted_by is not None:
        graph.figures_of[("actors", figure.asserted_by)].append((figure, "asserts"))
    for folder in ("actors", "places", "events"):
        for target in getattr(figure, folder):
            graph.figures_of[(folder, target)].append((figure, "about"))


def _link_relationship(graph: Graph, relationship: Relationship) -> None:
    forward, backward = ACTOR_RELATIONS[relationship.kind]
    graph.relations_of_actor[relationship.subject].append((forward, relationship.object, relationship))
    graph.relations_of_actor[relationship.object].append((backward, relationship.subject, relationship))


def _link_mentions(graph: Graph) -> None:
    for source in sorted(graph.dataset.sources.values(), key=lambda s: s.id):
        for number, paragraph in enumerate(source.paragraphs):
            for key in dict.fromkeys((m.folder, m.id) for m in graph.names.find(paragraph)):
                graph.mentions[key].append(Passage(source.id, number))
                graph.files_of[key].add(source.origin.doc.path)


def _link_files(graph: Graph) -> None:
    """Which data files each page is generated from, so the page can say so."""
    data = graph.dataset
    for folder in ("actors", "places"):
        for entity in getattr(data, folder).values():
            graph.files_of[(folder, entity.id)].add(entity.origin.doc.path)
    for source in data.sources.values():
        graph.files_of[("sources", source.id)].add(source.origin.doc.path)
    for event in data.events.values():
        path = event.origin.doc.path
        graph.files_of[("events", event.id)].add(path)
        for actor in [p.actor for p in event.participants] + event.according_to:
            graph.files_of[("actors", actor)].add(path)
        for place in event.places:
            graph.files_of[("places", place)].add(path)
    for fact in [*data.quotes.values(), *data.figures.values(), *data.relationships]:
        for folder, target in _targets(fact):
            graph.files_of[(folder, target)].add(fact.origin.doc.path)


def _targets(fact) -> list[tuple[str, str]]:
    if isinstance(fact, Quote):
        return [("actors", a) for a in (fact.speaker, fact.to) if a] + ([("events", fact.event)] if fact.event else [])
    if isinstance(fact, Figure):
        owners = [("actors", fact.asserted_by)] if fact.asserted_by else []
        return owners + [(folder, t) for folder in ("actors", "places", "events") for t in getattr(fact, folder)]
    return [("actors", fact.subject), ("actors", fact.object)]
