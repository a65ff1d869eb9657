"""The timeline (issue #14): EDTF-honest intervals, the view at timeline/ and the compact timelines, read from
the pages render writes (their Timeline field) and, for escaping, from a real Pelican build."""

from __future__ import annotations

import datetime
import json
import re

import edtf
import pytest

from generator import page_meta as M, pipeline
from generator.dates import DateSpec, interval, label
from generator.render import render as render_all
from generator.render.timeline import COMPACT_EVENTS, PER_PAGE, render_timeline
from generator.render.timeline_svg import Axis
from tests import factory, two_articles
from tests.conftest import REGION_DATA, SAMPLE_DATA, problems
from tests.site import build_site

SAMPLE = "2017-10-26"
TEXT = "That day the Red Army attacked Northtown."


def field(markdown: str, name: str = M.TIMELINE):
    """A layout field of a generated page, parsed."""
    found = re.search(rf"^{name}: (.*)$", markdown, re.M)
    assert found, f"no {name} line"
    return json.loads(found.group(1))


def view(graph, number: int = 1) -> dict:
    """The Timeline field of page `number` of the timeline view."""
    pages = render_timeline(graph)
    key = "indexes/timeline.md" if number == 1 else f"indexes/timeline-page-{number}.md"
    return field(pages[key])


def lane(drawn: dict, event_id: str) -> dict:
    """The lane of an event in a drawn timeline."""
    return next(entry for entry in drawn["svg"]["lanes"] if entry["url"] == f"events/{event_id}/")


def item(drawn: dict, event_id: str) -> dict:
    """The list entry of an event."""
    return next(entry for entry in drawn["items"] if entry["url"] == f"events/{event_id}/")


def events_report(tmp_path, dates: list[dict], **source):
    """A one-article report whose events have these dates (event-0, event-1, ...), linked."""
    events = [factory.event(f"event-{n}", TEXT, participants=[("red-army", "attacker")], places=["northtown"],
                            date=date) for n, date in enumerate(dates)]
    return factory.graph(factory.write(tmp_path, events=events, source=source or None))


@pytest.fixture(scope="module")
def sample():
    return pipeline.graph(SAMPLE_DATA)


# -- intervals ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("spec, edtf, earliest, latest", [
    (DateSpec("day", "2017-10-26"), "2017-10-26", "2017-10-26", "2017-10-26"),
    (DateSpec("month", "2017-10", approximate=True), "2017-10~", "2017-10-01", "2017-10-31"),
    (DateSpec("year", "1914", uncertain=True), "1914?", "1914-01-01", "1914-12-31"),
    (DateSpec("range", start="2017-10-19", end="2017-10-26"), "2017-10-19/2017-10-26", "2017-10-19", "2017-10-26"),
    (DateSpec("range", end="2017-10-26"), "../2017-10-26", None, "2017-10-26"),
    # "in recent days": approximate, ending on the article's day, which is known
    (DateSpec("range", start="2017-10", end="2017-10-26", approximate=True), "2017-10~/2017-10-26",
     "2017-10-01", "2017-10-26"),
])
def test_every_date_has_an_edtf_interval(spec, edtf, earliest, latest):
    found = interval(spec, SAMPLE)
    assert found.edtf == edtf
    assert found.earliest == (earliest and datetime.date.fromisoformat(earliest))
    assert found.latest == datetime.date.fromisoformat(latest)
    assert found.open_start == (earliest is None)


@pytest.mark.parametrize("spec", [
    DateSpec("day", "0033-04-03"), DateSpec("month", "2016-02", uncertain=True), DateSpec("year", "2999"),
    DateSpec("range", start="1939-09", end="1945", approximate=True), DateSpec("range", end="1914-08-04"),
    DateSpec("range", start="2017-10", end="2017-10-26", approximate=True, uncertain=True)])
def test_the_edtf_string_means_to_an_edtf_parser_the_days_we_draw(spec):
    """The `edtf` package (Library of Congress EDTF) reads our string with the same strict bounds."""
    found = interval(spec, SAMPLE)
    parsed = edtf.parse_edtf(found.edtf)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    assert (None if isinstance(low, float) else datetime.date(*low[:3])) == found.earliest
    assert datetime.date(*high[:3]) == found.latest


def test_an_approximate_range_not_ending_on_the_articles_day_is_approximate_at_both_ends():
    assert interval(DateSpec("range", start="1990-03", end="1990-05", approximate=True), SAMPLE).edtf == \
        "1990-03~/1990-05~"


def test_an_uncertain_date_is_data_the_schema_takes_and_the_page_says(tmp_path):
    data = factory.write(tmp_path, events=[factory.event("attack", TEXT, date={
        "precision": "day", "value": "2017-10-25", "uncertain": True})])
    event = factory.graph(data).dataset.events["attack"]
    assert event.date.uncertain and label(event.date) == "possibly 25 October 2017"
    assert interval(event.date).edtf == "2017-10-25?"


def test_an_uncertain_flag_that_is_not_a_boolean_is_refused_naming_the_field(tmp_path):
    data = factory.write(tmp_path, events=[factory.event("attack", TEXT, date={
        "precision": "day", "value": "2017-10-25", "uncertain": "maybe"})])
    found = problems(data)
    assert any("uncertain" in p and "daily-2017-10-26-northtown.yaml" in p for p in found), found


# -- the sample report ---------------------------------------------------------------------------------------

def test_the_referendum_comes_before_the_clashes_and_is_a_month_long_bar(sample):
    drawn = view(sample)
    urls = [entry["url"] for entry in drawn["items"]]
    assert urls.index("events/kurdistan-independence-referendum/") < urls.index("events/iraqi-kurdish-clashes/")
    referendum = lane(drawn, "kurdistan-independence-referendum")["rows"][0]["marks"][0]
    axis = Axis([interval(DateSpec("month", "2017-09")), interval(DateSpec("day", "2017-10-26"))])
    assert referendum["shape"] == "bar" and not referendum["about"]
    clashes = lane(drawn, "iraqi-kurdish-clashes")["rows"][0]["marks"][0]
    assert referendum["x1"] < referendum["x2"] <= clashes["x1"]
    assert axis.unit == "day" or axis.unit == "month"


def test_in_recent_days_is_an_approximate_span_ending_on_the_articles_day(sample):
    drawn = view(sample)
    clashes = lane(drawn, "iraqi-kurdish-clashes")["rows"][0]["marks"][0]
    thursday = lane(drawn, "al-qaim-rawa-operation")["rows"][0]["marks"][0]  # a day: Thursday, the 26th
    assert clashes["shape"] == "bar" and clashes["about"]
    assert clashes["x1"] < thursday["x"] < clashes["x2"]  # the span ends with the article's day
    dates = item(drawn, "iraqi-kurdish-clashes")["dates"][0]
    assert dates["edtf"] == "2017-10~/2017-10-26" and dates["phrase"] == "in recent days"
    assert [p["datetime"] for p in dates["parts"] if "datetime" in p] == ["2017-10", "2017-10-26"]


def test_a_by_date_is_an_open_line_from_the_axis_start_to_its_day(sample):
    drawn = view(sample)
    mark = lane(drawn, "tensions-in-kurdish-region")["rows"][0]["marks"][0]
    assert mark["shape"] == "open" and mark["x1"] == drawn["svg"]["left"]
    dates = item(drawn, "tensions-in-kurdish-region")["dates"][0]
    assert dates["edtf"] == "../2017-10-26" and "start not given" in dates["words"]
    assert dates["parts"][0]["text"] == "by "


def test_undated_events_are_listed_last_counted_and_not_drawn(sample):
    drawn = view(sample)
    undated = [e for e in sample.dataset.events.values() if e.date is None and e.reported is None]
    assert undated and drawn["undated"] == len(undated)
    assert [i["url"] for i in drawn["items"][-len(undated):]] == sorted(f"events/{e.id}/" for e in undated)
    assert len(drawn["svg"]["lanes"]) == len(sample.dataset.events) - len(undated)


def test_a_reported_only_event_has_its_own_mark(tmp_path):
    events = [factory.event("said", TEXT, reported={"precision": "day", "value": "2017-10-26", "phrase": "Thursday"})]
    graph = factory.graph(factory.write(tmp_path, events=events))
    drawn = view(graph)
    assert lane(drawn, "said")["rows"][0]["marks"][0]["shape"] == "reported"
    assert "when it happened is not given" in item(drawn, "said")["dates"][0]["words"]


def test_two_articles_dates_of_one_event_are_both_drawn_and_listed(tmp_path):
    graph = factory.graph(two_articles.write(tmp_path))
    drawn = view(graph)
    rows = lane(drawn, "attack")["rows"]
    assert len(rows) == 2 and rows[0]["marks"][0]["x"] > rows[1]["marks"][0]["x"]  # the 26th, then the 25th
    assert "The Courier, 27 October 2017" in rows[1]["label"] and "The Courier" in rows[1]["name"]
    dates = item(drawn, "attack")["dates"]
    assert [d["who"] for d in dates] == ["The Daily, 26 October 2017", "The Courier, 27 October 2017"]
    assert [d["edtf"] for d in dates] == ["2017-10-26", "2017-10-25"]


# -- the axis adapts to the report ---------------------------------------------------------------------------

def test_a_span_of_days_in_the_1990s_has_day_ticks(tmp_path):
    graph = events_report(tmp_path, [{"precision": "day", "value": "1994-04-07"},
                                     {"precision": "day", "value": "1994-04-09"}], published="1994-04-10")
    ticks = view(graph)["svg"]["ticks"]
    assert [t["label"] for t in ticks][:3] == ["7 Apr", "8 Apr", "9 Apr"]
    assert "from 7 April 1994 to 9 April 1994" in view(graph)["svg"]["title"]


def test_a_report_spanning_decades_has_year_ticks(tmp_path):
    graph = events_report(tmp_path, [{"precision": "year", "value": "1914"},
                                     {"precision": "range", "start": "1939-09-01", "end": "1945-05-08"}],
                          published="1946-01-01")
    labels = [t["label"] for t in view(graph)["svg"]["ticks"]]
    assert labels[0] == "1910" and labels[-1] >= "1945" and all(re.fullmatch(r"\d{4}", t) for t in labels)
    assert len(labels) <= 8


@pytest.mark.parametrize("low, high, unit", [("2017-10-26", "2017-10-26", "day"), ("2017-01-15", "2018-06-01", "month"),
                                             ("0033-04-01", "0033-04-03", "day"), ("1800", "2999", "year")])
def test_the_axis_frames_any_span_in_any_era(low, high, unit):
    spans = [interval(DateSpec("day" if len(d) == 10 else "year", d)) for d in (low, high)]
    axis = Axis(spans)
    assert axis.unit == unit and 2 <= len(axis.marks) <= 8
    assert axis.x(axis.low) == 16 and all(16 <= axis.x(s.first.toordinal()) <= 344 for s in spans)


def test_the_other_region_fixture_is_framed_from_its_own_dates():
    """The Puna report (2003 to March 2004): month ticks of those years, its two articles' dates both drawn."""
    drawn = view(pipeline.graph(REGION_DATA))
    labels = [t["label"] for t in drawn["svg"]["ticks"]]
    assert all(re.fullmatch(r"[A-Z][a-z]{2} 200[2-4]", t) for t in labels) and "2004" in labels[-1]
    assert drawn["svg"]["span"] == "from 1 January 2003 to 13 March 2004"
    differing = [entry for entry in drawn["svg"]["lanes"] if len(entry["rows"]) > 1]
    assert differing and all("Southern Cone Herald" in entry["rows"][1]["label"] for entry in differing)


# -- compact timelines, bounds, determinism ------------------------------------------------------------------

def test_compact_timelines_on_the_overview_actor_and_place_pages(sample):
    pages = render_all(sample)
    overview = field(pages["indexes/overview.md"])
    assert overview["compact"] and overview["drawn"] == COMPACT_EVENTS and overview["full_url"] == "timeline/"
    isis = field(pages["actors/isis.md"])
    assert {i["url"] for i in isis["items"]} <= {f"events/{e.id}/" for e, _ in sample.events_of_actor("isis")}
    iraq = field(pages["places/iraq.md"])  # rolled up: the events in the places within Iraq
    assert "events/al-qaim-rawa-operation/" in {i["url"] for i in iraq["items"]}
    quiet = [a for a in sample.dataset.actors if not sample.events_of_actor(a)]
    assert quiet and field(pages[f"actors/{quiet[0]}.md"]) is None  # no events: nothing drawn


def test_many_events_are_paged_and_each_page_draws_its_own(tmp_path):
    dates = [{"precision": "day", "value": (datetime.date(2017, 1, 1) + datetime.timedelta(n)).isoformat()}
             for n in range(PER_PAGE * 2 + 7)]
    graph = events_report(tmp_path, dates)
    pages = render_timeline(graph)
    assert sorted(pages) == ["indexes/timeline-page-2.md", "indexes/timeline-page-3.md", "indexes/timeline.md"]
    for key, text in pages.items():
        drawn = field(text)
        assert len(drawn["items"]) <= PER_PAGE and len(drawn["svg"]["lanes"]) <= PER_PAGE
        assert drawn["total"] == len(dates)
    nav = field(pages["indexes/timeline-page-2.md"], M.PAGINATION)
    assert nav["prev"] == "timeline/" and nav["next"] == "timeline/page/3/"
    assert len(field(pages["indexes/timeline-page-3.md"])["items"]) == 7
    compact = field(render_all(graph)["actors/red-army.md"])
    assert len(compact["items"]) == COMPACT_EVENTS and compact["total"] == len(dates)


def test_the_timeline_is_the_same_every_time(sample):
    assert render_timeline(sample) == render_timeline(pipeline.graph(SAMPLE_DATA))


# -- a real build: hostile text, the list, the navigation -----------------------------------------------------

HOSTILE = '<script>alert(1)</script> & "quoted" <svg onload=alert(2)>'


@pytest.mark.site
def test_hostile_text_is_escaped_in_the_svg_and_the_list(tmp_path):
    actors = [*factory.ACTORS[:2], {**factory.ACTORS[2], "name": f"Red {HOSTILE} Army"}]
    event = factory.event("attack", TEXT, title=f"Attack {HOSTILE}", participants=[("red-army", "attacker")],
                          places=["northtown"], date={"precision": "day", "value": "2017-10-25",
                                                      "phrase": f"Wednesday {HOSTILE}"})
    built = build_site(factory.write(tmp_path, actors=actors, events=[event],
                                     paragraphs=[*factory.PARAGRAPHS[:2], "Officials said nothing."]),
                       tmp_path / "site")
    html = (built.output / "timeline" / "index.html").read_text("utf-8")
    assert "<script>alert" not in html and "<svg onload" not in html
    assert "Attack &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34;" in html
    svg = html[html.index('<svg class="tl__svg"'):html.index("</svg>")]
    assert "<text" in svg and "&lt;script&gt;" in svg
    assert '<time datetime="2017-10-25">25 October 2017</time>' in html
    assert 'href="/timeline/"' in (built.output / "index.html").read_text("utf-8")  # in the navigation
    actor = (built.output / "actors" / "red-army" / "index.html").read_text("utf-8")
    assert 'class="tl tl--compact"' in actor and "<script>alert" not in actor
