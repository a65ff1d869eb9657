"""The Markdown page of a place."""

from __future__ import annotations

from collections import defaultdict

from .. import page_meta as M
from ..link import Graph
from ..markdown_text import inline, isolated_text, one_line
from ..model import Coordinates, Place
from ..wording import first_sentence
from . import meta, timeline
from .lists import INLINE_CAP, Lists, more_text
from .map import locator
from .record import cited_sections
from .actor import identifier_rows
from .common import (context_section, date_text, entity_link, figure_item, header, humanize, linked_text,
                     mentions_section, page_fields, section)


def coordinates_text(coordinates: Coordinates) -> str:
    """'34.37° N, 41.09° E'."""
    lat = f"{abs(coordinates.lat):.2f}° {'N' if coordinates.lat >= 0 else 'S'}"
    lon = f"{abs(coordinates.lon):.2f}° {'E' if coordinates.lon >= 0 else 'W'}"
    return f"{lat}, {lon}"


def _infobox(graph: Graph, place: Place) -> str:
    coordinates = place.coordinates
    located = [] if coordinates is None else [
        meta.item(coordinates_text(coordinates), note=f"precision: {coordinates.precision}; editor's context"),
        meta.web_item(f"Source: {isolated_text(coordinates.source_title)}", coordinates.source_url)]
    return meta.infobox([
        meta.row("Kind", [meta.item(humanize(place.kind))]),
        meta.row("Within", [meta.entity_item(graph, "places", p) for p in reversed(graph.ancestors(place.id))]),
        meta.row("Also called", [meta.item(a) for a in place.aliases]),
        meta.row("Coordinates", located),
        *identifier_rows(place.identifiers),
    ])


def render_page(graph: Graph, place: Place, lists: Lists | None = None) -> str:
    """The page of one place: key facts, description and every connection (long lists cut, kept in lists)."""
    key = ("places", place.id)
    lists = lists or Lists("places", place.id, place.name)
    lines = [linked_text(graph, place.description, key), ""]
    children = graph.children_of_place(place.id)
    lines += section("Places within", [f"- {entity_link(graph, 'places', p)}" for p in children], lists,
                     "places within {name}")
    events, inside = graph.events_at_place(place.id), graph.events_within(place.id)
    where = _Where(graph, place.id)
    items = [f"- {date_text(e.date)}: {entity_link(graph, 'events', e.id)}" for e in events]
    items += [f"- {where.label(at)}: {date_text(e.date)}: {entity_link(graph, 'events', e.id)}" for e, at in inside]
    lines += section("Events", items, lists, "events in {name} and the places within it" if inside else
                     "events at {name}")
    actors = graph.actors_at_place(place.id)
    items = _actor_items(graph, events, actors) + _actors_within(graph, where, inside, set(actors))
    lines += section("Actors active here", items, lists, "actors active at {name}")
    figures = [figure_item(graph, f) for f, _ in graph.figures_of(*key)]
    figures += [f"- {where.label(about)}: {figure_item(graph, f).removeprefix('- ')}"
                for f, about in graph.figures_within(place.id)]
    lines += section("Figures and claims", figures, lists, "figures and claims")
    lines += mentions_section(graph, key, lists)
    lines += cited_sections(graph, key, lists)
    lines += context_section(place.context)
    trail = [("places", p) for p in graph.trail(place.id)]
    layout = [(M.INFOBOX, _infobox(graph, place)), (M.CRUMBS, meta.crumbs(graph, "places", trail))]
    layout.append((M.TIMELINE, timeline.of_place(graph, place, [*events, *(e for e, _ in inside)])))
    layout.append((M.MAP, locator(graph, place)))
    fields = page_fields(graph, "places", place.id, place.name, "place", place.kind, place.description, layout=layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _actor_items(graph: Graph, events: list, actors: list[str]) -> list[str]:
    """Each actor active at the place, with the first few events it took part in there (one pass over them)."""
    through = defaultdict(list)
    for event in events:
        for actor in dict.fromkeys(p.actor for p in event.participants):
            through[actor].append(event)
    items = []
    for actor in actors:
        links = [entity_link(graph, "events", e.id) for e in through[actor][:INLINE_CAP]]
        items.append(f"- {entity_link(graph, 'actors', actor)}, in "
                     f"{', '.join(more_text(links, len(through[actor]), 'event'))}")
    return items


class _Where:
    """Where inside a place something is: 'in al Qaim (Anbar)' on Iraq's page, the places between named."""

    def __init__(self, graph: Graph, place_id: str):
        self.graph = graph
        self.inside = set(graph.places_within(place_id))  # once a page, for every label on it

    def label(self, places: list[str]) -> str:
        """'in [al Qaim] (Anbar), [Rawa] (Anbar)': each place linked, the places between it and this one after it."""
        named = [self._one(p) for p in places[:INLINE_CAP]]
        return "in " + ", ".join(more_text(named, len(places), "place"))

    def _one(self, place_id: str) -> str:
        between = [p for p in reversed(self.graph.ancestors(place_id)) if p in self.inside]
        names = [inline(self.graph.dataset.places[p].name) for p in between[:INLINE_CAP]]
        if len(between) > INLINE_CAP:
            names.append("…")
        return entity_link(self.graph, "places", place_id) + (f" ({', '.join(names)})" if names else "")


def _actors_within(graph: Graph, where: _Where, inside: list, listed: set[str]) -> list[str]:
    """The actors active only in places inside this one, each with where and the first few events there."""
    through, places = defaultdict(list), defaultdict(dict)
    for event, at in inside:
        for actor in dict.fromkeys(p.actor for p in event.participants):
            if actor not in listed:
                through[actor].append(event)
                places[actor].update(dict.fromkeys(at))
    items = []
    for actor in sorted(through, key=lambda a: (graph.dataset.actors[a].name.casefold(), a)):
        links = [entity_link(graph, "events", e.id) for e in through[actor][:INLINE_CAP]]
        items.append(f"- {where.label(list(places[actor]))}: {entity_link(graph, 'actors', actor)}, in "
                     f"{', '.join(more_text(links, len(through[actor]), 'event'))}")
    return items


def _country_of(graph: Graph, place_id: str) -> str | None:
    for candidate in [*graph.ancestors(place_id), place_id]:
        if graph.dataset.places[candidate].kind == "country":
            return candidate
    return None


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The places index: by country (countries first in each), then the places across borders."""
    places = graph.dataset.places
    grouped = defaultdict(list)
    for place in sorted(places.values(), key=lambda p: (p.kind != "country", p.name.casefold())):
        note = f"{humanize(place.kind)}; {isolated_text(first_sentence(place.description))}"
        grouped[_country_of(graph, place.id)].append(meta.entity_item(graph, "places", place.id, note))
    countries = sorted((c for c in grouped if c), key=lambda c: places[c].name.casefold())
    groups = [{"title": one_line(places[c].name), "items": grouped[c]} for c in countries]
    if grouped[None]:
        groups.append({"title": "Across borders", "items": grouped[None]})
    return groups
