"""The map: the report's places on a Natural Earth basemap (the page map/), and a small locator map on each
place page. The geometry is computed here (generator/geo) as numbers and SVG path data the theme draws
(macros/map.html); every text is plain (the template escapes it), and every fact drawn is also listed."""

from __future__ import annotations

from functools import lru_cache

from .. import page_meta as M
from ..geo.basemap import Canvas, basemap, canvas, shape_path, shape_points
from ..geo.frame import Frame, frame_of
from ..geo.labels import place_labels
from ..geo.locate import DOT, Location, frame_points, locate
from ..link import Graph
from ..markdown_text import escape, isolated_text, page_link
from ..model import Place
from ..wording import count_of
from . import meta
from .common import date_text, entity_link, header, metadata
from .lists import INLINE_CAP, more_text

MAP = "map"  # the map page: indexes/map.md, at map/
MAP_URL = "map/"
WIDTH = 640  # the map's viewBox width; it scales to its column, so a phone never scrolls sideways
LOCATOR_WIDTH = 240
GRID = 2.0  # degrees: a locator without a country outline is centred on this grid
MARKER_CAP = 150  # markers drawn, most events first: beyond that a map is a blot; every place is listed


def _events(graph: Graph, place_id: str) -> int:
    return len(graph.events_at_place(place_id))


def _ranked(graph: Graph) -> tuple[list[tuple[Place, Location]], list[Place]]:
    """(place, location) of the places with coordinates, most events first then by name; and those without."""
    located, unplaced = [], []
    for place in graph.dataset.places.values():
        where = locate(place)
        (located.append((place, where)) if where else unplaced.append(place))
    located.sort(key=lambda pair: (-_events(graph, pair[0].id), pair[0].id))  # by id on a tie: names never reorder
    unplaced.sort(key=lambda p: (p.name.casefold(), p.id))
    return located, unplaced


def _marker(graph: Graph, c: Canvas, place: Place, where: Location) -> dict:
    """One place as drawn: its link, accessible name, shape and position."""
    x, y = c.point(where.lon, where.lat)
    events = _events(graph, place.id)
    name = isolated_text(place.name)  # right-to-left names isolated: SVG text and names take no <bdi>
    marker = {"href": f"places/{place.id}/", "label": name, "x": x, "y": y, "shape": where.shape,
              "name": f"{name}: {count_of(events, 'event')}" if events else name, "r": 3.0}
    if where.shape == "dot":
        marker["r"] = DOT[place.coordinates.precision]
    elif where.shape == "outline":
        marker["d"] = shape_path(c, [where.outline])
    else:
        marker["r"] = max(4.0, round(c.metres(where.radius_km * 1000), 1))
    return marker


def map_layout(graph: Graph, drawn: list[tuple[Place, Location]], map_id: str, title: str) -> dict:
    """The map of the places drawn: basemap layers clipped to their frame, markers and labels placed."""
    frame = frame_of([p for _, where in drawn for p in frame_points(where)])
    c = canvas(frame, WIDTH)
    layout = {"id": map_id, "title": title, "width": c.width, "height": c.height, **_layers(frame)}
    markers = [_marker(graph, c, place, where) for place, where in drawn]
    for marker, label in zip(markers, place_labels(markers, c.width, c.height)):
        marker["text"] = label
    layout["markers"] = markers
    return layout


@lru_cache(maxsize=64)
def _layers(frame: Frame) -> dict:
    """The basemap of the big map, once per frame."""
    c, layers = canvas(frame, WIDTH), basemap()
    return {"land": shape_path(c, layers.countries), "admin1": shape_path(c, layers.admin1, step=1.2),
            "lakes": shape_path(c, layers.lakes), "rivers": shape_path(c, layers.rivers, closed=False, step=1.2)}


def _place_item(graph: Graph, place: Place, where: Location | None) -> str:
    """'- [al Qaim] (a point): [event], [event] and 3 more': the place and its events, linked."""
    events = graph.events_at_place(place.id)
    links = [f"{entity_link(graph, 'events', e.id)} ({date_text(e.date)})" for e in events[:INLINE_CAP]]
    drawn = "" if where is None else {"dot": "a point", "outline": "its outline",
                                      "area": "a circle for its area"}[where.shape]
    item = f"- {entity_link(graph, 'places', place.id)}" + (f" ({escape(drawn)})" if drawn else "")
    return item + (": " + ", ".join(more_text(links, len(events), "event")) if events else ": no events")


def render_map(graph: Graph) -> str:
    """The map page: the places with coordinates drawn (the MARKER_CAP with most events), each listed with its
    events; the places not drawn and those without coordinates listed after."""
    located, unplaced = _ranked(graph)
    drawn, left = located[:MARKER_CAP], located[MARKER_CAP:]
    title = f"Map of {count_of(len(drawn), 'place')} of the report"
    layout = map_layout(graph, drawn, "map", title) if drawn else None
    lines = [_summary(len(drawn), len(left), len(unplaced)), ""]
    if layout:
        unlabelled = [m for m in layout["markers"] if m["text"] is None]
        if unlabelled:
            named = ", ".join(page_link(m["label"], "places", m["href"].split("/")[1]) for m in unlabelled[:50])
            more = " …" if len(unlabelled) > 50 else ""
            lines += [(f"Labels left off for lack of room ({len(unlabelled):,}); each marker still links to its "
                       f"place: {named}{more}"), "{: .map__unlabelled }", ""]
    lines += ["## On the map", "", *(_place_item(graph, p, w) for p, w in drawn), ""] if drawn else []
    if left:
        lines += ["## Not drawn", "", (f"{count_of(len(left), 'more place')} with coordinates, fewer events; every "
                                       f"place is in the {page_link('places index', 'indexes', 'places')}."), ""]
    if unplaced:
        lines += ["## Not on the map", "", "No coordinates given:", "",
                  *(_place_item(graph, p, None) for p in unplaced[:MARKER_CAP])]
        if len(unplaced) > MARKER_CAP:
            lines += ["", f"and {len(unplaced) - MARKER_CAP:,} more, in the {page_link('places index', 'indexes', 'places')}."]
    fields = metadata("Map", MAP, "map", "index", "Where the report's events took place.", MAP_URL,
                      MAP_URL + "index.html", "data/", layout=[(M.MAP, meta.as_json(layout))])
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _summary(drawn: int, left: int, unplaced: int) -> str:
    text = f"{count_of(drawn, 'place')} on the map, by how precisely each is located: a dot for a town or a point, " \
           "an outline for a country or region the map knows by name, else a circle for its area."
    if left:
        text += f" Showing the {drawn:,} with the most events of {drawn + left:,} places with coordinates."
    if unplaced:
        text += f" {count_of(unplaced, 'place')} without coordinates, listed below."
    return escape(text)


# The locator map of a place page.

def _country(graph: Graph, place: Place) -> Place | None:
    """The country the place is in (or is), if the data says."""
    for place_id in [place.id, *reversed(graph.ancestors(place.id))]:
        candidate = graph.dataset.places[place_id]
        if candidate.kind == "country":
            return candidate
    return None


def _locator_frame(graph: Graph, place: Place, where: Location) -> tuple[Frame, str, object]:
    """The frame of the place's country (its outline near the place, when the map knows it by name), and the
    country's name, or the place's own surroundings."""
    country = _country(graph, place)
    shape = None
    if country is not None:
        found = locate(country)
        shape = found.outline if found is not None else None
    if shape is None:  # the place's surroundings, centred on a 2° grid: nearby places share a frame (and its clip)
        points = [(round(where.lon / GRID) * GRID, round(where.lat / GRID) * GRID)]
    else:
        points = [(where.lon, where.lat), *frame_points(where)]
        points += shape_points(shape, near=(where.lon, where.lat))
    return frame_of(points, min_span=8.0), (isolated_text(country.name) if country is not None else ""), shape


@lru_cache(maxsize=256)
def _locator_layers(frame: Frame) -> dict:
    """The light basemap of a locator: land and lakes only, coarse (once per frame)."""
    c = canvas(frame, LOCATOR_WIDTH, 0.6, 1.0)
    coarse = {"step": 3.0, "digits": 0}
    return {"land": shape_path(c, basemap().countries, **coarse), "lakes": shape_path(c, basemap().lakes, **coarse)}


def locator(graph: Graph, place: Place) -> str:
    """The place page's MAP field: its locator map as JSON, or null when it has no coordinates."""
    where = locate(place)
    if where is None:
        return "null"
    frame, country, outline = _locator_frame(graph, place, where)
    c = canvas(frame, LOCATOR_WIDTH, 0.6, 1.0)
    x, y = c.point(where.lon, where.lat)
    name = isolated_text(place.name)
    title = f"Where {name} is" + (f", in {country}" if country and country != name else "") + ": " + \
            {"dot": "a dot marks it", "outline": "its outline is marked", "area": "a circle marks its area"}[where.shape]
    layout = {"id": "locator", "title": title, "width": c.width, "height": c.height, **_locator_layers(frame),
              "x": x, "y": y, "shape": where.shape, "r": 4.0}
    if outline is not None and outline != where.outline:  # the country, shaded, around the place
        layout["focus"] = shape_path(c, [outline], step=2.0, digits=0)
    if where.shape == "outline":
        layout["d"] = shape_path(c, [where.outline], step=2.0, digits=0)
    elif where.shape == "area":
        layout["r"] = max(4.0, round(c.metres(where.radius_km * 1000), 1))
    return meta.as_json(layout)
