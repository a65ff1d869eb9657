"""The Markdown page of an event."""

from __future__ import annotations

from ..link import Graph
from ..markdown_text import escape, link, page_link, quoted
from ..model import Event
from .common import (context_section, date_text, entity_link, facts, figure_item, header, humanize, linked_text,
                     page_fields, quote_item, section, source_label)


def render_event(graph: Graph, event: Event) -> str:
    """The page of one event: key facts, description, participants, places, related events and evidence."""
    key = ("events", event.id)
    lines = [linked_text(graph, event.description), ""]
    lines += facts([("Kind", humanize(event.kind)), ("Date", date_text(event.date)),
                    ("Status", event.status or ""),
                    ("Where", ", ".join(entity_link(graph, "places", p) for p in event.places)),
                    ("According to", ", ".join(entity_link(graph, "actors", a) for a in event.according_to))])
    lines += section("Participants", [f"- {entity_link(graph, 'actors', p.actor)} ({escape(p.role)})"
                                      for p in event.participants])
    lines += section("Places", [_place_item(graph, p) for p in event.places])
    lines += section("Related events", [f"- {label} {entity_link(graph, 'events', other.id)} ({date_text(other.date)})"
                                        for label, other in graph.related_events[event.id]])
    lines += section("Quotes", [quote_item(graph, q, key) for q in graph.quotes_of_event[event.id]])
    lines += section("Figures and claims", [figure_item(graph, f) for f, _ in graph.figures_of[key]])
    lines += section("Evidence", [_evidence_item(graph, span) for span in event.evidence])
    lines += context_section(event.context)
    day = event.date.value if event.date and event.date.precision == "day" else ""
    fields = page_fields(graph, "events", event.id, event.title, "event", event.kind, event.description, day)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _place_item(graph: Graph, place_id: str) -> str:
    chain = graph.ancestors(place_id)
    within = f" (in {', '.join(entity_link(graph, 'places', p) for p in reversed(chain))})" if chain else ""
    return f"- {entity_link(graph, 'places', place_id)}{within}"


def _evidence_item(graph: Graph, span) -> str:
    source = graph.dataset.sources[span.source]
    words = source.paragraphs[span.paragraph][span.start:span.end]
    target = page_link("sources", source.id, span.anchor)
    return f"- {quoted(words)} ({link(f'{source_label(graph, source.id)}, ¶{span.paragraph + 1}', target)})"
