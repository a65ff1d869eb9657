"""The Markdown page of an event."""

from __future__ import annotations

from collections import defaultdict

from .. import page_meta as M
from ..dates import label, parse_point, point_label, MONTHS
from ..link import Graph, chronological
from ..markdown_text import inline, isolated_text, page_link, quoted
from ..model import Event
from . import meta
from .lists import INLINE_CAP, Lists, more_text
from .record import cited_sections
from .common import (all_evidence, attributed_text, attribution_phrase, attribution_text, context_section,
                     date_text, entity_link, evidence_links, figure_items, header, humanize,
                     page_fields, quote_item, reports, section, source_label)


def _infobox(graph: Graph, event: Event) -> str:
    when = [] if event.date is None else [meta.item(label(event.date), note=event.date.phrase and
                                                    f"the article says “{isolated_text(event.date.phrase)}”")]
    return meta.infobox([
        meta.row("Kind", [meta.item(humanize(event.kind))]),
        meta.row("Date", when or [meta.item("not given in the article")]),
        meta.row("Reported", [] if event.reported is None else [
            meta.item(label(event.reported), note=event.reported.phrase and
                      "when it was said, not when it happened; the article says "
                      f"“{isolated_text(event.reported.phrase)}”")]),
        meta.row("Status", [meta.item(event.status)] if event.status else []),
        meta.row("Where", [meta.entity_item(graph, "places", p) for p in event.places]),
        meta.row("Who", [meta.entity_item(graph, "actors", p.actor, note=p.role) for p in event.participants]),
        meta.row("According to", _according_to(graph, event)),
    ])


def _according_to(graph: Graph, event: Event) -> list[dict]:
    """Who asserts the event, as the infobox lists it: the actor, the unnamed source, or the article."""
    said = event.attribution
    if said is None:
        return []
    verb = said.verb
    if said.by is not None:
        return [meta.entity_item(graph, "actors", said.by, note=verb)]
    if said.source is not None:
        return [meta.item(f"an unnamed source: “{said.source}”", note=verb)]
    return [meta.item("the article itself")]


def render_page(graph: Graph, event: Event, lists: Lists | None = None) -> str:
    """The page of one event: key facts, description, participants, places, related events and evidence."""
    key = ("events", event.id)
    lists = lists or Lists("events", event.id, event.title)
    lines = [attributed_text(graph, event.attribution, event.description), ""]
    lines += section("Participants", [f"- {entity_link(graph, 'actors', p.actor)} ({inline(p.role)})"
                                      for p in event.participants], lists, "participants")
    lines += section("Places", [_place_item(graph, p) for p in event.places], lists, "places")
    lines += section("Related events", [f"- {label} {entity_link(graph, 'events', other.id)} ({date_text(other.date)})"
                                        for label, other in graph.related_events(event.id)], lists, "related events")
    lines += section("Quotes", [quote_item(graph, q, key) for q in graph.quotes_of_event(event.id)], lists, "quotes")
    lines += section("Figures and claims", figure_items(graph, [f for f, _ in graph.figures_of(*key)]), lists,
                     "figures and claims")
    lines += section("Evidence", [_evidence_item(graph, span) for span in all_evidence(event)], lists,
                     "passages of evidence")
    lines += section("Reported by", [_report_item(graph, version) for version in reports(event)]
                     if event.other_reports else [], lists, "articles reporting {name}")
    lines += section("Where the articles differ", _differences(graph, event))
    lines += cited_sections(graph, key, lists)
    lines += context_section(event.context)
    day = event.date.value if event.date and event.date.precision == "day" else ""
    layout = [(M.INFOBOX, _infobox(graph, event)), (M.CRUMBS, meta.crumbs(graph, "events"))]
    fields = page_fields(graph, "events", event.id, event.title, "event", event.kind, _summary(graph, event), day,
                         layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _summary(graph: Graph, event: Event) -> str:
    """The description as plain text, led by who asserts it, so no summary states a claim as fact."""
    said = event.attribution
    if said is None or said.own:
        return event.description
    lead = attribution_text(graph, said)
    return f"{lead[:1].upper()}{lead[1:]}: {event.description}"


def _place_item(graph: Graph, place_id: str) -> str:
    chain = graph.ancestors(place_id)
    within = f" (in {', '.join(entity_link(graph, 'places', p) for p in reversed(chain))})" if chain else ""
    return f"- {entity_link(graph, 'places', place_id)}{within}"


def _evidence_item(graph: Graph, span) -> str:
    source = graph.dataset.sources[span.source]
    words = source.paragraphs[span.paragraph][span.start:span.end]
    place = page_link(source_label(graph, source.id, span.paragraph), "sources", source.id, span.anchor)
    return f"- {quoted(words)} ({place})"


def event_item(graph: Graph, event: Event) -> dict:
    """An entry for an event in a list: its title, date and kind."""
    when = label(event.date) if event.date else "date not given"
    return meta.entity_item(graph, "events", event.id, f"{when}; {humanize(event.kind)}")


def _month_of(event: Event) -> tuple[str, str]:
    """(sort key, title) of the month an event is listed under."""
    if event.date is None:
        return "9999", "Date not given"
    if event.date.precision == "range" and event.date.start is None:
        # Only the latest date is known: listing it under that month would suggest it happened then.
        return f"9998-{event.date.end}", f"By {point_label(event.date.end)}"
    point = event.date.value if event.date.precision != "range" else event.date.start
    parts = parse_point(point)
    if len(parts) == 1:
        return f"{parts[0]:04d}", str(parts[0])
    return f"{parts[0]:04d}-{parts[1]:02d}", f"{MONTHS[parts[1] - 1]} {parts[0]}"


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The events index: by month, in date order."""
    grouped = defaultdict(list)
    for event in sorted(graph.dataset.events.values(), key=chronological):
        grouped[_month_of(event)].append(event_item(graph, event))
    return [{"title": title, "items": grouped[(key, title)]} for key, title in sorted(grouped)]


def _report_item(graph: Graph, version: Event) -> str:
    """One article's report of the event: the article, its date for the event, who it credits, and links
    to its passages, highlighted in the article."""
    source = graph.dataset.sources[version.source]
    name = page_link(source_label(graph, source.id), "sources", source.id)
    said = f"; {attribution_phrase(graph, version.attribution)}" if version.attribution is not None else ""
    return (f"- {name}: {quoted(source.title)}; {date_text(version.date)}{said}; "
            f"{evidence_links(graph, version.evidence)}")


# What two articles may say differently of one event, and how each value reads.
_COMPARED = {
    "Date": lambda graph, e: date_text(e.date),
    "Kind": lambda graph, e: humanize(e.kind),
    "Status": lambda graph, e: e.status or "not given",
    "Where": lambda graph, e: ", ".join(entity_link(graph, "places", p) for p in e.places) or "not given",
    "Who": lambda graph, e: ", ".join(f"{entity_link(graph, 'actors', p.actor)} ({inline(p.role)})"
                                      for p in e.participants) or "not given",
}


def _differences(graph: Graph, event: Event) -> list[str]:
    """Each field the articles give differently, with every article's value and which article says it."""
    lines = []
    for label_, shown in _COMPARED.items():
        values = [(shown(graph, v), v.source) for v in reports(event)]
        if len({text for text, _ in values}) > 1:
            each = "; ".join(more_text([f"{text} ({page_link(source_label(graph, src), 'sources', src)})"
                                        for text, src in values[:INLINE_CAP]], len(values), "article"))
            lines.append(f"- {label_}: {each}")
    return lines
