"""The overview page and one index page per kind: grouped lists the theme lays out."""

from __future__ import annotations

from collections import defaultdict

from ..dates import DateSpec, label, parse_point
from ..link import Graph, chronological
from ..model import Event
from . import meta
from ..markdown_text import isolated_text, one_line, page_link
from .common import header, linked_text, metadata, quantity_text

# Actor kinds in the order an index shows them, each with its group title.
ACTOR_GROUPS = {"person": "People", "government": "Governments", "state": "States", "armed-force": "Armed forces",
                "armed-group": "Armed groups", "coalition": "Coalitions", "group": "Groups",
                "organization": "Organizations", "political-entity": "Political entities",
                "media-outlet": "Media outlets"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
TIMELINE_LENGTH = 10
MAIN_ENTITIES = 8


def _page(slug: str, title: str, template: str, url: str, summary: str, layout: list[tuple[str, str]],
          body: list[str], save_as: str = "") -> str:
    fields = metadata(title, slug, template, "index", summary, url, save_as or f"{url}index.html", "data/",
                      layout=layout)
    return header(fields) + "\n".join(body).rstrip() + "\n"


def first_sentence(text: str) -> str:
    """The first sentence of a description, for a list entry."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _actor_groups(graph: Graph) -> list[dict]:
    grouped = defaultdict(list)
    for actor in sorted(graph.dataset.actors.values(), key=lambda a: a.name.casefold()):
        grouped[actor.kind].append(meta.entity_item(graph, "actors", actor.id, first_sentence(actor.description)))
    return [{"title": title, "items": grouped[kind]} for kind, title in ACTOR_GROUPS.items() if grouped[kind]]


def _country_of(graph: Graph, place_id: str) -> str | None:
    for candidate in [*graph.ancestors(place_id), place_id]:
        if graph.dataset.places[candidate].kind == "country":
            return candidate
    return None


def _place_groups(graph: Graph) -> list[dict]:
    places = graph.dataset.places
    grouped = defaultdict(list)
    for place in sorted(places.values(), key=lambda p: (p.kind != "country", p.name.casefold())):
        note = f"{place.kind.replace('-', ' ')}; {isolated_text(first_sentence(place.description))}"
        grouped[_country_of(graph, place.id)].append(meta.entity_item(graph, "places", place.id, note))
    countries = sorted((c for c in grouped if c), key=lambda c: places[c].name.casefold())
    groups = [{"title": one_line(places[c].name), "items": grouped[c]} for c in countries]
    if grouped[None]:
        groups.append({"title": "Across borders", "items": grouped[None]})
    return groups


def _month_of(event: Event) -> tuple[str, str]:
    """(sort key, title) of the month an event is listed under."""
    if event.date is None:
        return "9999", "Date not given"
    if event.date.precision == "range" and event.date.start is None:
        # Only the latest date is known: listing it under that month would suggest it happened then.
        return f"9998-{event.date.end}", f"By {label_day_or_month(event.date.end)}"
    point = event.date.value if event.date.precision != "range" else event.date.start
    parts = parse_point(point)
    if len(parts) == 1:
        return f"{parts[0]:04d}", str(parts[0])
    return f"{parts[0]:04d}-{parts[1]:02d}", f"{MONTHS[parts[1] - 1]} {parts[0]}"


def _event_item(graph: Graph, event: Event) -> dict:
    when = label(event.date) if event.date else "date not given"
    return meta.entity_item(graph, "events", event.id, f"{when}; {event.kind.replace('-', ' ')}")


def _event_groups(graph: Graph) -> list[dict]:
    grouped = defaultdict(list)
    for event in sorted(graph.dataset.events.values(), key=chronological):
        grouped[_month_of(event)].append(_event_item(graph, event))
    return [{"title": title, "items": grouped[(key, title)]} for key, title in sorted(grouped)]


def _source_groups(graph: Graph) -> list[dict]:
    sources = sorted(graph.dataset.sources.values(), key=lambda s: (s.published, s.id))
    items = [meta.entity_item(graph, "sources", s.id, f"{isolated_text(graph.dataset.actors[s.outlet].name)}, "
                              f"{label_day(s.published)}") for s in sources]
    return [{"title": "Articles", "items": items}]


def label_day_or_month(iso: str) -> str:
    """'2017-10-26' reads '26 October 2017', '2017-10' reads 'October 2017'."""
    return label(DateSpec("day" if len(iso) == 10 else "month" if len(iso) == 7 else "year", iso))


def label_day(iso: str) -> str:
    """'2017-10-26' reads '26 October 2017'."""
    year, month, day = parse_point(iso)
    return f"{day} {MONTHS[month - 1]} {year}"


# Each kind's index: its title, what one entry is called, and how its entries are grouped.
INDEXES = {
    "actors": (meta.SECTIONS["actors"], "actor", _actor_groups, "by kind"),
    "places": (meta.SECTIONS["places"], "place", _place_groups, "by country"),
    "events": (meta.SECTIONS["events"], "event", _event_groups, "by date"),
    "sources": (meta.SECTIONS["sources"], "article", _source_groups, "by date of publication"),
}


def render_index(graph: Graph, folder: str) -> str:
    """The index page of one kind: every entry, grouped."""
    title, noun, grouping, how = INDEXES[folder]
    count = len(getattr(graph.dataset, folder))
    summary = f"{count_of(count, noun)} of the report, {how}."
    layout = [("Groups", meta.as_json(grouping(graph))),
              ("Crumbs", meta.as_json([meta.item("Overview", "")]))]
    return _page(f"{folder}-index", title, "kind-index", f"{folder}/", summary, layout, [summary])


def _weight(graph: Graph, folder: str, entity_id: str) -> int:
    """How connected an entity is: its events, quotes, figures and relationships."""
    key = (folder, entity_id)
    if folder == "actors":
        return (len(graph.events_of_actor[entity_id]) + len(graph.quotes_of_actor[entity_id])
                + len(graph.figures_of[key]) + len(graph.relations_of_actor[entity_id]))
    return len(graph.events_at_place[entity_id]) + len(graph.figures_of[key]) + len(graph.children_of_place[entity_id])


def _main(graph: Graph, folder: str) -> list[dict]:
    records = getattr(graph.dataset, folder).values()
    ranked = sorted(records, key=lambda r: (-_weight(graph, folder, r.id), r.name.casefold()))
    return [meta.entity_item(graph, folder, r.id, first_sentence(r.description)) for r in ranked[:MAIN_ENTITIES]]


def _timeline(graph: Graph) -> list[dict]:
    """The events the articles date closely enough to place on a line: not just 'by' a date."""
    dated = [e for e in graph.dataset.events.values() if e.date and (e.date.precision != "range" or e.date.start)]
    return [_event_item(graph, e) for e in sorted(dated, key=chronological)[:TIMELINE_LENGTH]]


def _key_figures(graph: Graph) -> list[dict]:
    figures = sorted((f for f in graph.dataset.figures.values() if f.value), key=lambda f: f.id)
    return [meta.item(quantity_text(f.value), f"sources/{f.source}/#{f.evidence[0].anchor}",
                      f"{isolated_text(f.claim)}; according to "
                      f"{isolated_text(graph.dataset.actors[f.asserted_by].name) if f.asserted_by else 'the article'}")
            for f in figures]


def _everything(graph: Graph) -> list[dict]:
    data = graph.dataset
    return [meta.item(count_of(len(getattr(data, folder)), noun), f"{folder}/", how)
            for folder, (_, noun, _, how) in INDEXES.items()]


def count_of(count: int, noun: str) -> str:
    """'1 article', '19 actors'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_overview(graph: Graph) -> str:
    """The home page: what the report is about, key figures, a short timeline, the main actors and places."""
    report = graph.dataset.report
    blocks = [
        {"id": "key-figures", "title": "Key figures", "items": _key_figures(graph)},
        {"id": "timeline", "title": "Timeline", "items": _timeline(graph)},
        {"id": "main-actors", "title": "Main actors", "items": _main(graph, "actors")},
        {"id": "main-places", "title": "Main places", "items": _main(graph, "places")},
        {"id": "everything", "title": "Everything in the report", "items": _everything(graph)},
    ]
    layout = [("Blocks", meta.as_json([b for b in blocks if b["items"]]))]
    return _page("overview", report.title, "overview", "", report.summary, layout,
                 [linked_text(graph, report.summary)])


def render_not_found(graph: Graph) -> str:
    """The 404 page. Its links are absolute (SITEURL), so they work from any depth it is served at."""
    ways = [f"- {page_link('The overview', 'indexes', 'overview')}"]
    ways += [f"- {page_link(title, 'indexes', folder)}" for folder, (title, *_rest) in INDEXES.items()]
    body = ["There is no page at this address, or there no longer is.", "", "Try one of these:", "", *ways]
    return _page("not-found", "Page not found", "not-found", "404.html", "There is no page at this address.", [],
                 body, save_as="404.html")


def index_pages(graph: Graph) -> dict[str, str]:
    """The overview, the index of each kind and the 404 page, keyed by path under content/."""
    pages = {f"indexes/{folder}.md": render_index(graph, folder) for folder in INDEXES}
    pages["indexes/overview.md"] = render_overview(graph)
    pages["indexes/not-found.md"] = render_not_found(graph)
    return pages
