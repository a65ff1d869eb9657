"""The timeline: every event in date order, drawn as inline SVG (macros/timeline.html) and listed with <time>.

The view at timeline/ shows the report's events, PER_PAGE a page (the SVG drawn per page,
framed from that page's dates); a compact timeline (the first COMPACT_EVENTS) is on the overview and on
every actor and place page. Both are one layout field (page_meta.TIMELINE): the SVG's geometry, the list's
entries and, on the view, the filters theme/static/js/timeline.js builds on. Text is plain (the template
escapes it); values from the data are isolated where they meet our words.
"""

from __future__ import annotations

from .. import page_meta as M, paths
from ..dates import DateSpec, Interval, interval, label, point_label, precision_words
from ..link import Graph
from ..markdown_text import escape, isolated_text, one_line
from ..wording import count_of, outlet_and_day
from . import meta
from .common import header, humanize, metadata, reports
from .lists import ENTRIES_PER_PAGE, INLINE_CAP, chunks, pagination
from .timeline_svg import Axis, frame, lanes_geometry, mark, short

TIMELINE = "timeline"  # the view: indexes/timeline.md, at timeline/
TIMELINE_URL = "timeline/"
COMPACT_EVENTS = 12  # a compact timeline draws the first this many events, then links to the full one
# Events a page of the full timeline: an event weighs about 1 KB of HTML (its lane and its list entry), as an
# entry of a full list does, so a page stays near 100 KB.
PER_PAGE = ENTRIES_PER_PAGE


def when(graph: Graph, version) -> tuple[Interval, bool, DateSpec] | None:
    """One article's date of an event as an interval, whether it is only the day it was reported, and the
    date itself; None when the article dates neither."""
    spec, reported = (version.date, False) if version.date is not None else (version.reported, True)
    if spec is None:
        return None
    return interval(spec, graph.dataset.sources[version.source].published), reported, spec


def first_when(graph: Graph, event) -> tuple[Interval, bool, DateSpec] | None:
    """The date an event is placed by: the first article's that dates it."""
    return next((found for version in reports(event) if (found := when(graph, version))), None)


def order(graph: Graph, events) -> tuple[list, list]:
    """(dated events by earliest day, then latest, then id; undated events by id)."""
    dated, undated = [], []
    for event in events:
        found = first_when(graph, event)
        (dated if found else undated).append((found, event))
    dated.sort(key=lambda pair: (pair[0][0].first, pair[0][0].latest, pair[1].id))
    return [e for _, e in dated], sorted((e for _, e in undated), key=lambda e: e.id)


def _source_name(graph: Graph, source_id: str) -> str:
    source = graph.dataset.sources[source_id]
    return outlet_and_day(isolated_text(graph.dataset.actors[source.outlet].name), source.published)


def _date_words(found: tuple[Interval, bool, DateSpec] | None) -> str:
    if found is None:
        return "date not given"
    _, reported, spec = found
    return f"reported {label(spec)}; when it happened is not given" if reported else label(spec)


def _differs(graph: Graph, event) -> bool:
    """Whether the articles reporting an event date it differently."""
    return len({(f[0].edtf, f[1]) if f else None for f in (when(graph, v) for v in reports(event))}) > 1


def _filters(graph: Graph, event) -> dict:
    """The actors, places (and the places containing them) and kind an event is filtered by, as ids."""
    actors = dict.fromkeys(p.actor for v in reports(event) for p in v.participants)
    places = {}
    for version in reports(event):
        for place in version.places:
            places.update(dict.fromkeys([place, *graph.ancestors(place)]))
    return {"actors": " ".join(actors), "places": " ".join(places), "kind": event.kind}


def _lane(graph: Graph, axis: Axis, event) -> dict:
    """An event's lane: one row (a link to its page) per article's date where the articles differ, else one."""
    title = one_line(event.title)
    versions = reports(event) if _differs(graph, event) else [event]
    rows = []
    for number, version in enumerate(versions[:INLINE_CAP]):
        found = when(graph, version)
        if found is None:
            continue
        by = f" (as {_source_name(graph, version.source)} reports it)" if len(versions) > 1 else ""
        text = title if number == 0 else f"{_source_name(graph, version.source)}: {_date_words(found)}"
        cut, shortened = short(text)
        name = f"{title}: {_date_words(found)}{by}" if number == 0 else f"{title}, {text}"
        rows.append({"label": cut, "cut": shortened, "name": name, "marks": [mark(axis, found[0], found[1])]})
    return {"url": paths.url("events", event.id), "rows": rows, **_filters(graph, event)}


def _time_parts(spec: DateSpec, reported: bool) -> list[dict]:
    """The date as text pieces, each day a <time datetime> element: 'by ' + 26 October 2017."""
    lead = ("reported " if reported else "") + ("possibly " if spec.uncertain else "")
    if spec.precision == "range" and spec.start is None:
        return [{"text": lead + "by "}, {"text": point_label(spec.end), "datetime": spec.end}]
    about = "about " if spec.approximate else ""
    if spec.precision == "range":
        return [{"text": lead + about}, {"text": point_label(spec.start), "datetime": spec.start}, {"text": " – "},
                {"text": point_label(spec.end), "datetime": spec.end}]
    return [{"text": lead + about}, {"text": point_label(spec.value), "datetime": spec.value}]


def _date_entry(graph: Graph, version, who: bool) -> dict:
    """One article's date of an event for the list: its pieces, phrase, precision in words and EDTF."""
    found = when(graph, version)
    entry = {"who": _source_name(graph, version.source)} if who else {}
    if found is None:
        return {**entry, "parts": [{"text": "date not given"}]}
    span, reported, spec = found
    words = precision_words(spec) + ("; when it happened is not given" if reported else "")
    entry.update({"parts": [p for p in _time_parts(spec, reported) if p["text"]], "words": words, "edtf": span.edtf})
    if spec.phrase:
        entry["phrase"] = one_line(spec.phrase)
    return entry


def _item(graph: Graph, event) -> dict:
    """An event's entry in the list: its title and kind, each article's date where they differ, its filters."""
    several = _differs(graph, event)
    versions = reports(event) if several else [event]
    dates = [_date_entry(graph, v, several) for v in versions[:INLINE_CAP]]
    entry = {"url": paths.url("events", event.id), "title": one_line(event.title), "kind_name": humanize(event.kind),
             "dates": dates, **_filters(graph, event)}
    if len(versions) > INLINE_CAP:
        entry["more"] = count_of(len(versions) - INLINE_CAP, "more report")
    return entry


def _svg(graph: Graph, events: list, title: str) -> dict | None:
    """The drawing of the dated events: axis, lanes and the text that sums it up; None with nothing dated."""
    found = [first_when(graph, e) for e in events]
    spans = [f[0] for f in found if f]
    for event in events:  # every article's date is on the axis, not only the first's
        spans += [w[0] for v in reports(event)[1:INLINE_CAP] if (w := when(graph, v))]
    if not spans:
        return None
    axis = Axis(spans)
    lanes, height = lanes_geometry([_lane(graph, axis, e) for e in events if first_when(graph, e)])
    first, last = min(s.first for s in spans), max(s.latest for s in spans)
    frame_text = f"from {point_label(first.isoformat())} to {point_label(last.isoformat())}"
    return {**frame(axis, height), "lanes": lanes, "title": f"{title}, {frame_text}", "span": frame_text}


def layout(graph: Graph, events, title: str, cap: int | None, full_url: str = "") -> dict | None:
    """The field a timeline template draws: the first `cap` events (all when None) in date order, drawn and
    listed, the undated ones listed after; None when there are no events."""
    dated, undated = order(graph, events)
    if not dated and not undated:
        return None
    shown = dated if cap is None else dated[:cap]
    listed = shown + (undated if cap is None else [])
    found = {"id": "timeline", "title": one_line(title), "compact": cap is not None,
             "svg": _svg(graph, shown, one_line(title)), "items": [_item(graph, e) for e in listed],
             "total": len(dated) + len(undated), "drawn": len(shown), "undated": len(undated)}
    if full_url:
        found["full_url"] = full_url
    return found


def compact(graph: Graph, events, title: str) -> str:
    """The compact timeline of a page (overview, actor, place) as its layout field; null without events."""
    return meta.as_json(layout(graph, list(events), title, COMPACT_EVENTS, TIMELINE_URL))


def of_actor(graph: Graph, actor) -> str:
    """The compact timeline of an actor's page: the events it took part in."""
    events = [event for event, _ in graph.events_of_actor(actor.id)]  # each once: one backlink an event
    return compact(graph, events, f"Events of {isolated_text(actor.name)}")


def of_place(graph: Graph, place, events: list) -> str:
    """The compact timeline of a place's page: the events there and in the places within it."""
    return compact(graph, events, f"Events in {isolated_text(place.name)}")


def of_report(graph: Graph) -> str:
    """The compact timeline of the overview: the report's first events."""
    return compact(graph, graph.dataset.events.values(), "Timeline of the report's events")


def _options(graph: Graph, folder: str, ids) -> list[dict]:
    records = getattr(graph.dataset, folder)
    chosen = sorted(set(ids), key=lambda i: (records[i].name.casefold(), i))
    return [{"id": i, "name": one_line(records[i].name)} for i in chosen]


def filters(graph: Graph, events: list) -> dict:
    """The choices of the page's filters: the actors, places and kinds of its events, by name."""
    marks = [_filters(graph, e) for e in events]
    kinds = sorted({e.kind for e in events})
    return {"actors": _options(graph, "actors", [a for m in marks for a in m["actors"].split()]),
            "places": _options(graph, "places", [p for m in marks for p in m["places"].split()]),
            "kinds": [{"id": k, "name": humanize(k)} for k in kinds]}


def render_timeline(graph: Graph) -> dict[str, str]:
    """The pages of the timeline, keyed by path under content/: PER_PAGE events a page in date order."""
    dated, undated = order(graph, graph.dataset.events.values())
    parts = chunks(dated + undated, PER_PAGE)
    found = {}
    for number, events in enumerate(parts, start=1):
        found[paths.index_page_content_path(TIMELINE, number)] = _page(graph, events, number, len(parts),
                                                                       len(dated), len(undated))
    return found


def _page(graph: Graph, events: list, number: int, count: int, dated: int, undated: int) -> str:
    where = f", page {number} of {count}" if count > 1 else ""
    title = f"Timeline{where}"
    last = f", {count_of(undated, 'undated event')} last" if undated else ""
    summary = f"{count_of(dated + undated, 'event')} of the report in date order{last}{where}."
    drawn = layout(graph, events, "Timeline of the report's events", None)
    if drawn is not None:
        drawn["filters"] = filters(graph, events)
        drawn["total"] = dated + undated
    url = paths.numbered(TIMELINE_URL, number)
    fields = metadata(title, TIMELINE if number == 1 else f"{TIMELINE}-{number}", TIMELINE, "index", summary, url,
                      url + "index.html", "data/", layout=[
                          (M.CRUMBS, meta.as_json([meta.item("Overview", "")])),
                          (M.PAGINATION, meta.as_json(pagination(TIMELINE_URL, number, count))),
                          (M.TIMELINE, meta.as_json(drawn))])
    return header(fields) + escape(summary) + "\n"
