"""Stage 3, link: compute every connection both ways, once, from the registry's reference fields."""

from __future__ import annotations

import functools
import graphlib
from collections import defaultdict
from dataclasses import dataclass, field

from . import kinds
from .kinds import Kind
from .model import Dataset, Evidence
from .names import NameIndex
from .vocabulary import ACTOR_RELATIONS, EVENT_RELATIONS


@dataclass(frozen=True)
class Passage:
    """A paragraph of a source that mentions an entity, and where in it the first mention is (start, end):
    a passage is its paragraph; the offsets say which words to show and mark."""

    source: str
    paragraph: int
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Backlink:
    """A record that names another: its kind, the record, the field that names, and the item holding the id."""

    kind: Kind
    record: object
    field: str
    item: object = None


@dataclass
class Graph:
    """The dataset plus every backlink, each list in the order of its kind (kinds.ordered)."""

    dataset: Dataset
    names: NameIndex
    backlinks: dict = field(default_factory=lambda: defaultdict(list))  # (folder, id) -> [Backlink]
    spans_of_source: dict = field(default_factory=lambda: defaultdict(list))  # source id -> [Evidence]
    mentions: dict = field(default_factory=lambda: defaultdict(list))  # (folder, id) -> [Passage]
    files_of: dict = field(default_factory=lambda: defaultdict(set))  # (folder, id) -> data files behind the page
    names_of_source: dict = field(default_factory=dict)  # source id -> its NameIndex, when it chooses names
    reports_in: dict = field(default_factory=dict)  # (id(record), source id) -> that article's report of the fact
    above: dict = field(default_factory=dict)  # place id -> every place containing it, outermost first
    within: dict = field(default_factory=lambda: defaultdict(list))  # place id -> every place inside it, by name

    @functools.cached_property
    def source_of_file(self) -> dict:
        """The article each article data file holds, by the file's path: made once, when first asked."""
        return {source.origin.doc.path: source for source in self.dataset.sources.values()}

    def report_in(self, record, source_id: str):
        """The report of a fact that one article makes (the record itself if that article is the first): a
        lookup, so that an article's page costs the same however many articles report the fact."""
        return self.reports_in.get((id(record), source_id), record)

    def names_in(self, source_id: str) -> NameIndex:
        """The names as one article's text reads them: the report's, with the article's own choices."""
        return self.names_of_source.get(source_id, self.names)

    def naming(self, folder: str, record_id: str, by: str, fields: tuple[str, ...] = ()) -> list[Backlink]:
        """The records of kind `by` that name this one, through any of `fields` (all fields when empty)."""
        return [b for b in self.backlinks.get((folder, record_id), [])
                if b.kind.folder == by and (not fields or b.field in fields)]

    def events_of_actor(self, actor_id: str) -> list[tuple[object, str]]:
        """(event, role) for each event the actor took part in, by date."""
        return [(b.record, b.item.role) for b in self.naming("actors", actor_id, "events", ("participants",))]

    def events_credited_to(self, actor_id: str) -> list:
        """The events an article reports on the actor's account (its attribution names the actor), by date."""
        return [b.record for b in self.naming("actors", actor_id, "events", ("attribution",))]

    def quotes_of_actor(self, actor_id: str) -> list[tuple[object, str]]:
        """(quote, 'said' or 'heard') for each quote the actor spoke or was addressed, by date."""
        return [(b.record, "said" if b.field == "speaker" else "heard")
                for b in self.naming("actors", actor_id, "quotes", ("speaker", "to"))]

    def quotes_of_event(self, event_id: str) -> list:
        """The quotes said during an event, by date."""
        return [b.record for b in self.naming("events", event_id, "quotes", ("event",))]

    def figures_of(self, folder: str, record_id: str) -> list[tuple[object, str]]:
        """(figure, 'asserts' or 'about') for each figure an actor asserts or a record is the subject of."""
        return [(b.record, "asserts" if b.field == "attribution" else "about")
                for b in self.naming(folder, record_id, "figures")]

    def relations_of_actor(self, actor_id: str) -> list[tuple[str, str, object]]:
        """(how it reads from this actor, the other actor, relationship) for each relationship, in data order."""
        found = []
        for b in self.naming("actors", actor_id, "relationships", ("subject", "object")):
            forward, backward = ACTOR_RELATIONS[b.record.kind]
            subject = b.field == "subject"
            found.append((forward if subject else backward, b.record.object if subject else b.record.subject,
                          b.record))
        return found

    def events_at_place(self, place_id: str) -> list:
        """The events at a place, by date."""
        return [b.record for b in self.naming("places", place_id, "events", ("places",))]

    def children_of_place(self, place_id: str) -> list[str]:
        """The ids of the places directly within this one, by name."""
        return [b.record.id for b in self.naming("places", place_id, "places", ("parent",))]

    def related_events(self, event_id: str) -> list[tuple[str, object]]:
        """(how it reads, the other event): the relations this event states, then those stated of it."""
        events = self.dataset.events
        stated = [(EVENT_RELATIONS[r.relation][0], events[r.event]) for r in events[event_id].related]
        stated_of = [(EVENT_RELATIONS[b.item.relation][1], b.record)
                     for b in self.naming("events", event_id, "events", ("related",))]
        return stated + stated_of

    def articles_of_outlet(self, actor_id: str) -> list:
        """The articles an outlet published, by date of publication."""
        return [b.record for b in self.naming("actors", actor_id, "sources", ("outlet",))]

    def facts_of_source(self, source_id: str, by: str) -> list:
        """The records of kind `by` that an article reports, in their kind's order."""
        return [b.record for b in self.naming("sources", source_id, by, ("source",))]

    def actors_at_place(self, place_id: str) -> list[str]:
        """Actors that took part in an event at the place, in name order."""
        found = {p.actor for event in self.events_at_place(place_id) for p in event.participants}
        return sorted(found, key=lambda a: self.dataset.actors[a].name.casefold())

    def places_of_actor(self, actor_id: str) -> list[str]:
        """Places where the actor took part in an event, in name order."""
        found = {place for event, _ in self.events_of_actor(actor_id) for place in event.places}
        return sorted(found, key=lambda p: self.dataset.places[p].name.casefold())

    def ancestors(self, place_id: str) -> list[str]:
        """Every place that contains this one, outermost first (each once, however many paths lead to it)."""
        return list(self.above.get(place_id, ()))

    def places_within(self, place_id: str) -> list[str]:
        """Every place inside this one, at any depth (town in province in country), by name."""
        return self.within.get(place_id, [])

    def events_within(self, place_id: str) -> list[tuple[object, list[str]]]:
        """(event, the places inside this one where it was) for each event in a place inside this one and
        not at this one itself, each once, by date."""
        own = {event.id for event in self.events_at_place(place_id)}
        found: dict[str, tuple[object, list[str]]] = {}
        for inner in self.places_within(place_id):
            for event in self.events_at_place(inner):
                if event.id not in own:
                    found.setdefault(event.id, (event, []))[1].append(inner)
        return sorted(found.values(), key=lambda pair: chronological(pair[0]))

    def figures_within(self, place_id: str) -> list[tuple[object, list[str]]]:
        """(figure, the places inside this one it is about) for each figure about a place inside this one
        and not about this one itself, each once, in the order of those places."""
        own = {id(figure) for figure, _ in self.figures_of("places", place_id)}
        found: dict[int, tuple[object, list[str]]] = {}
        for inner in self.places_within(place_id):
            for figure, _ in self.figures_of("places", inner):
                if id(figure) not in own:
                    found.setdefault(id(figure), (figure, []))[1].append(inner)
        return list(found.values())

    def trail(self, place_id: str) -> list[str]:
        """The chain of first parents from the outermost place down: the breadcrumbs of a place."""
        chain, current = [], self.dataset.places[place_id].parents
        while current:
            chain.insert(0, current[0])
            current = self.dataset.places[current[0]].parents
        return chain


def chronological(event) -> tuple:
    """Order events by date, undated last, then by id."""
    return kinds.by_date(event)


def link(dataset: Dataset) -> Graph:
    """Build the graph of a validated dataset."""
    graph = Graph(dataset, NameIndex.of([(k.folder, r) for k in kinds.KINDS if k.named
                                         for r in kinds.records(dataset, k)]))
    seen: set = set()
    for kind in kinds.KINDS:
        for record in kinds.ordered(kind, kinds.records(dataset, kind)):
            for version in (record, *getattr(record, "other_reports", ())):
                _link_record(graph, kind, record, version, seen)
    _link_mentions(graph)
    _link_places(graph)
    return graph


def _link_places(graph: Graph) -> None:
    """Each place's containing places and the places inside it, at any depth, in one pass from the top
    places down: the work is the sum of those lists, not a walk of every place for every page."""
    places = graph.dataset.places
    parents = {p.id: [q for q in p.parents if q in places] for p in places.values()}
    height: dict[str, int] = {}
    above: dict[str, dict[str, None]] = {}
    for place_id in graphlib.TopologicalSorter(parents).static_order():  # parents first; validation refused cycles
        found: dict[str, None] = {}
        for parent in parents[place_id]:
            found.update(above[parent])
            found[parent] = None
        above[place_id] = found
        height[place_id] = max((height[q] + 1 for q in parents[place_id]), default=0)
    name = {p.id: p.name.casefold() for p in places.values()}
    for place_id in sorted(places, key=lambda p: (name[p], p)):
        graph.above[place_id] = tuple(sorted(above[place_id], key=lambda p: (height[p], name[p])))
        for outer in above[place_id]:
            graph.within[outer].append(place_id)


def _link_record(graph: Graph, kind: Kind, record, version, seen: set) -> None:
    """Link one article's report (version) of a record; backlinks name the record, once per field and target."""
    path = version.origin.doc.path
    source = getattr(version, "source", None)
    if source is not None and (id(record), source) not in graph.reports_in:  # the first report of an article
        graph.reports_in[(id(record), source)] = version
    if kind.page:
        graph.files_of[(kind.folder, record.id)].add(path)
    for ref in kind.references:
        for _sub, value, item in kinds.values(version, ref):
            once = (ref.target, value, id(record), ref.field)
            if once not in seen:  # two articles naming the same participant make one backlink
                seen.add(once)
                graph.backlinks[(ref.target, value)].append(Backlink(kind, record, ref.field, item))
            if ref.checked:
                graph.files_of[(ref.target, value)].add(path)
    if kind.evidence:
        for span in version.evidence:
            graph.spans_of_source[span.source].append(span)


def _link_mentions(graph: Graph) -> None:
    for source in sorted(graph.dataset.sources.values(), key=lambda s: s.id):
        if source.names:
            graph.names_of_source[source.id] = graph.names.choosing(source.names)
        names = graph.names_in(source.id)
        for number, paragraph in enumerate(source.paragraphs):
            first: dict = {}
            for mention in names.find(paragraph):
                first.setdefault((mention.folder, mention.id), mention)
            for key, mention in first.items():
                graph.mentions[key].append(Passage(source.id, number, mention.start, mention.end))
                graph.files_of[key].add(source.origin.doc.path)


def unlocated(graph: Graph) -> list[Evidence]:
    """Evidence spans that were never located in their article: rendering refuses them."""
    return [span for spans in graph.spans_of_source.values() for span in spans if not span.located]
