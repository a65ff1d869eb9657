"""When a fact happened, when it was reported, and what relative date phrases mean."""

from __future__ import annotations

from generator.render import render
from tests import factory
from tests.conftest import problems

SAID = {"by": "alice-smith", "verb": "says"}


def test_a_date_that_dates_the_report_is_shown_as_such(tmp_path):
    attack = factory.event("attack", "the Red Army attacked Northtown",
                           reported={"precision": "day", "value": "2017-10-26", "phrase": "on Thursday"})
    page = render(factory.graph(factory.write(tmp_path, events=[attack])))["events/attack.md"]
    infobox = next(line for line in page.splitlines() if line.startswith("Infobox:"))
    assert '{"label":"Date","items":[{"text":"not given in the article"}]}' in infobox
    assert '{"label":"Reported","items":[{"text":"26 October 2017","note":"when it was said, not when it ' \
           'happened; the article says “on Thursday”"}]}' in infobox


def test_earlier_this_month_ends_by_the_day_of_publication(tmp_path):
    attack = factory.event("attack", "the Red Army attacked Northtown", date={
        "precision": "range", "start": "2017-10-01", "end": "2017-10-31", "phrase": "earlier this month"})
    found = [p for p in problems(factory.write(tmp_path, events=[attack])) if "publication" in p]
    assert len(found) == 1 and "events[0].date.end: expected a date no later than the article's publication, " \
        "2017-10-26, found 1 October 2017 – 31 October 2017, which the phrase 'earlier this month' puts before it" \
        in found[0], found


def test_in_recent_days_is_approximate(tmp_path):
    attack = factory.event("attack", "the Red Army attacked Northtown", date={
        "precision": "range", "start": "2017-10-20", "end": "2017-10-26", "phrase": "in recent days"})
    found = problems(factory.write(tmp_path, events=[attack]))
    assert any("events[0].date.approximate: expected approximate: true, found an exact date for the phrase "
               "'in recent days'" in p for p in found), found
    fixed = {**attack, "date": {**attack["date"], "approximate": True}}
    factory.graph(factory.write(tmp_path / "fixed", events=[fixed]))  # validates


def test_a_relationship_that_held_then_says_when(tmp_path):
    led = factory.relationship("alice-smith", "leads", "red-army", "Alice Smith said on Thursday", attribution=SAID,
                               date={"precision": "range", "start": "2017-10", "end": "2017-10-26",
                                     "phrase": "earlier this month"})
    page = render(factory.graph(factory.write(tmp_path, relationships=[led])))["actors/alice-smith.md"]
    line = next(x for x in page.splitlines() if x.startswith("- Leads"))
    assert "(at the time: October 2017 – 26 October 2017 (“earlier this month”))" in line
