"""The Markdown page of a place."""

from __future__ import annotations

from ..link import Graph
from ..markdown_text import escape, link
from ..model import Coordinates, Place
from .actor import identifier_rows
from .common import (context_section, date_text, entity_link, facts, figure_item, header, humanize, linked_text,
                     mentions_section, page_fields, section)


def coordinates_text(coordinates: Coordinates) -> str:
    """'34.37° N, 41.14° E (settlement; editor's context from Wikipedia: Al-Qa'im)'."""
    lat = f"{abs(coordinates.lat):.2f}° {'N' if coordinates.lat >= 0 else 'S'}"
    lon = f"{abs(coordinates.lon):.2f}° {'E' if coordinates.lon >= 0 else 'W'}"
    source = link(coordinates.source_title, coordinates.source_url)
    return f"{lat}, {lon} (precision: {coordinates.precision}; editor's context, from {source})"


def render_place(graph: Graph, place: Place) -> str:
    """The page of one place: key facts, description and every connection."""
    key = ("places", place.id)
    within = " › ".join(entity_link(graph, "places", p) for p in graph.ancestors(place.id))
    lines = [linked_text(graph, place.description, key), ""]
    lines += facts([("Kind", humanize(place.kind)), ("Within", within),
                    ("Also called", ", ".join(escape(a) for a in place.aliases)),
                    ("Coordinates", coordinates_text(place.coordinates) if place.coordinates else ""),
                    *identifier_rows(place.identifiers)])
    children = graph.children_of_place[place.id]
    lines += section("Places within", [f"- {entity_link(graph, 'places', p)}" for p in children])
    lines += section("Events", [f"- {date_text(e.date)}: {entity_link(graph, 'events', e.id)}"
                                for e in graph.events_at_place[place.id]])
    lines += section("Actors active here", [_actor_item(graph, place.id, a) for a in graph.actors_at_place(place.id)])
    lines += section("Figures and claims", [figure_item(graph, f) for f, _ in graph.figures_of[key]])
    lines += mentions_section(graph, key)
    lines += context_section(place.context)
    fields = page_fields(graph, "places", place.id, place.name, "place", place.kind, place.description)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _actor_item(graph: Graph, place_id: str, actor_id: str) -> str:
    events = [e for e in graph.events_at_place[place_id] if any(p.actor == actor_id for p in e.participants)]
    through = ", ".join(entity_link(graph, "events", e.id) for e in events)
    return f"- {entity_link(graph, 'actors', actor_id)}, in {through}"
