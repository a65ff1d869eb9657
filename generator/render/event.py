"""The Markdown page of an event."""

from __future__ import annotations

from ..link import Graph
from ..dates import label
from ..markdown_text import inline, isolated_text, page_link, quoted
from ..model import Event
from . import meta
from .common import (context_section, date_text, entity_link, figure_item, header, humanize, linked_text,
                     page_fields, quote_item, section, source_label)


def _infobox(graph: Graph, event: Event) -> str:
    when = [] if event.date is None else [meta.item(label(event.date), note=event.date.phrase and
                                                    f"the article says “{isolated_text(event.date.phrase)}”")]
    return meta.infobox([
        meta.row("Kind", [meta.item(humanize(event.kind))]),
        meta.row("Date", when or [meta.item("not given in the article")]),
        meta.row("Status", [meta.item(event.status)] if event.status else []),
        meta.row("Where", [meta.entity_item(graph, "places", p) for p in event.places]),
        meta.row("Who", [meta.entity_item(graph, "actors", p.actor, note=p.role) for p in event.participants]),
        meta.row("According to", [meta.entity_item(graph, "actors", a) for a in event.according_to]),
    ])


def render_event(graph: Graph, event: Event) -> str:
    """The page of one event: key facts, description, participants, places, related events and evidence."""
    key = ("events", event.id)
    lines = [linked_text(graph, event.description), ""]
    lines += section("Participants", [f"- {entity_link(graph, 'actors', p.actor)} ({inline(p.role)})"
                                      for p in event.participants])
    lines += section("Places", [_place_item(graph, p) for p in event.places])
    lines += section("Related events", [f"- {label} {entity_link(graph, 'events', other.id)} ({date_text(other.date)})"
                                        for label, other in graph.related_events[event.id]])
    lines += section("Quotes", [quote_item(graph, q, key) for q in graph.quotes_of_event[event.id]])
    lines += section("Figures and claims", [figure_item(graph, f) for f, _ in graph.figures_of[key]])
    lines += section("Evidence", [_evidence_item(graph, span) for span in event.evidence])
    lines += context_section(event.context)
    day = event.date.value if event.date and event.date.precision == "day" else ""
    layout = [("Infobox", _infobox(graph, event)), ("Crumbs", meta.crumbs(graph, "events"))]
    fields = page_fields(graph, "events", event.id, event.title, "event", event.kind, event.description, day, layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _place_item(graph: Graph, place_id: str) -> str:
    chain = graph.ancestors(place_id)
    within = f" (in {', '.join(entity_link(graph, 'places', p) for p in reversed(chain))})" if chain else ""
    return f"- {entity_link(graph, 'places', place_id)}{within}"


def _evidence_item(graph: Graph, span) -> str:
    source = graph.dataset.sources[span.source]
    words = source.paragraphs[span.paragraph][span.start:span.end]
    place = page_link(source_label(graph, source.id, span.paragraph), "sources", source.id, span.anchor)
    return f"- {quoted(words)} ({place})"
