"""The Markdown page of a place."""

from __future__ import annotations

from collections import defaultdict

from .. import page_meta as M
from ..link import Graph
from ..markdown_text import isolated_text, one_line
from ..model import Coordinates, Place
from ..wording import first_sentence
from . import meta
from .lists import INLINE_CAP, Lists, more_text
from .record import cited_sections
from .actor import identifier_rows
from .common import (context_section, date_text, entity_link, figure_items, header, humanize, linked_text,
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
    events = graph.events_at_place(place.id)
    lines += section("Events", [f"- {date_text(e.date)}: {entity_link(graph, 'events', e.id)}" for e in events],
                     lists, "events at {name}")
    lines += section("Actors active here", _actor_items(graph, events, graph.actors_at_place(place.id)), lists,
                     "actors active at {name}")
    lines += section("Figures and claims", figure_items(graph, [f for f, _ in graph.figures_of(*key)]), lists,
                     "figures and claims")
    lines += mentions_section(graph, key, lists)
    lines += cited_sections(graph, key, lists)
    lines += context_section(place.context)
    trail = [("places", p) for p in graph.trail(place.id)]
    layout = [(M.INFOBOX, _infobox(graph, place)), (M.CRUMBS, meta.crumbs(graph, "places", trail))]
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
