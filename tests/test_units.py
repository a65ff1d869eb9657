"""Table-driven tests of the pure functions behind each stage."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from generator import dates, evidence, ids
from generator.dates import DateSpec
from generator.names import NameIndex


@pytest.mark.parametrize("spec, expected", [
    (DateSpec("day", "2017-10-26"), "26 October 2017"),
    (DateSpec("month", "2017-09"), "September 2017"),
    (DateSpec("year", "2017"), "2017"),
    (DateSpec("range", start="2017-10-01", end="2017-10-26"), "1 October 2017 – 26 October 2017"),
    (DateSpec("range", end="2017-10-26"), "by 26 October 2017"),
    (DateSpec("range", start="2017-10", end="2017-10-26", approximate=True), "about October 2017 – 26 October 2017"),
])
def test_date_labels(spec, expected):
    assert dates.label(spec) == expected


@pytest.mark.parametrize("spec, field, fragment", [
    (DateSpec("day", "2017-02-30"), "value", "a real calendar date"),
    (DateSpec("day", "2017-10"), "value", "a date written YYYY-MM-DD"),
    (DateSpec("month", "2017-10-26"), "value", "a date written YYYY-MM"),
    (DateSpec("year", "17"), "value", "a real calendar date written YYYY"),
    (DateSpec("day"), "value", "a day for precision 'day'"),
    (DateSpec("range", start="2017-10-27", end="2017-10-26"), "start", "a date before the end"),
    (DateSpec("range", start="2017-10"), "end", "the last possible date"),
    (DateSpec("range", "2017-10", end="2017-11"), "value", "'start' and 'end'"),
    (DateSpec("day", "2017-10-26", end="2017-10-27"), "end", "no range bound"),
    (DateSpec("day", "2017-10-25", phrase="Thursday"), "value", "a Thursday, as the phrase 'Thursday' says"),
])
def test_date_problems(spec, field, fragment):
    found = dates.problems(spec)
    assert [p[0] for p in found] == [field] and fragment in found[0][1]


@pytest.mark.parametrize("spec", [DateSpec("day", "2016-02-29"), DateSpec("range", start="2017", end="2017-10"),
                                  DateSpec("day", "2017-10-26", phrase="told CNN Thursday"),
                                  DateSpec("day", "2017-10-26", phrase="Thursday or Friday"),
                                  DateSpec("range", end="2017-10-26", approximate=True)])
def test_sound_dates_have_no_problems(spec):
    assert dates.problems(spec) == []


def test_dates_sort_chronologically_undated_last():
    specs = [None, DateSpec("day", "2017-10-26"), DateSpec("month", "2017-09"), DateSpec("range", end="2017-10-20"),
             DateSpec("year", "2016")]
    ordered = sorted(specs, key=dates.sort_key)
    assert ordered == [specs[4], specs[2], specs[3], specs[1], None]


@pytest.mark.parametrize("paragraphs, span, expected", [
    (["He said “freeze” it."], 'said "freeze"', [(0, 3, 16)]),
    (["Iraq’s  Prime\nMinister"], "Iraq's Prime Minister", [(0, 0, 22)]),
    (["a b", "x a b"], "a b", [(0, 0, 3), (1, 2, 5)]),
    (["abc"], "abd", []),
    (["aaa"], "aa", [(0, 0, 2), (0, 1, 3)]),
])
def test_locate_spans(paragraphs, span, expected):
    assert evidence.locate(paragraphs, span) == expected


def test_anchor_is_stable_and_insensitive_to_quote_style():
    assert evidence.anchor("the “final stronghold”") == evidence.anchor('the  "final stronghold"')
    assert re.fullmatch(r"ev-[0-9a-f]{10}", evidence.anchor("x"))


@pytest.mark.parametrize("value, valid", [
    ("haider-al-abadi", True), ("q1", True), ("index", False), ("Peshmerga", False), ("a/b", False),
    ("../etc", False), ("/etc/passwd", False), ("", False), ("a--b", False), ("-a", False), ("pèshmerga", False),
    ("a" * 81, False), ("con", False),
])
def test_id_rules(value, valid):
    assert ids.is_valid(value) is valid


@pytest.mark.parametrize("text, expected", [
    ("Haider al-Abadi", "haider-al-abadi"), ("Pèshmerga", "peshmerga"), ("Index", "index-1"), ("", ""),
    ("US-led coalition!", "us-led-coalition"),
])
def test_id_suggestions(text, expected):
    assert ids.suggest(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("US-led coalition and the coalition", [("US-led coalition", "c"), ("coalition", "c")]),
    ("US Army Col. Ryan Dillon", [("US Army", "army"), ("Col. Ryan Dillon", "rd")]),
    ("the USA and US", [("US", "us")]),
    ("Dillons", []),
])
def test_names_match_whole_words_longest_first(text, expected):
    index = NameIndex({"US-led coalition": ("a", "c"), "coalition": ("a", "c"), "US": ("a", "us"),
                       "US Army": ("a", "army"), "Col. Ryan Dillon": ("a", "rd"), "Dillon": ("a", "rd")})
    assert [(text[m.start:m.end], m.id) for m in index.find(text)] == expected


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ok = [], True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def test_crossing_evidence_spans_render_as_properly_nested_marks():
    """Two spans that cross still give well-nested HTML, and both anchors exist."""
    from generator.link import Graph
    from generator.model import Dataset
    from generator.render.source import paragraph_markdown

    graph = Graph(Dataset(), NameIndex({"Mosul": ("places", "mosul")}))
    text = "the fall of Mosul and Raqqa in days"
    marks = [(0, 17, "ev-a"), (12, 27, "ev-b"), (4, 8, "ev-c")]
    html = markdown.markdown(paragraph_markdown(graph, text, marks))
    checker = _Tags()
    checker.feed(html)
    assert checker.ok and not checker.stack
    assert 'id="ev-a"' in html and 'id="ev-b"' in html and 'id="ev-c"' in html
    assert re.sub(r"<[^>]+>", "", html) == text
    assert 'href="{filename}/places/mosul.md"' in html


def test_rendering_refuses_an_evidence_span_that_was_never_located():
    """Records locate every span; a span that skipped that stage must stop render, not link nowhere."""
    from dataclasses import replace

    from generator import pipeline
    from generator.link import link
    from generator.render import render
    from tests.conftest import SAMPLE_DATA

    dataset = pipeline.validate(pipeline.load(SAMPLE_DATA))
    event = next(iter(dataset.events.values()))
    event.evidence = [replace(event.evidence[0], paragraph=-1, start=-1, end=-1, anchor="")]
    with pytest.raises(ValueError, match="not located"):
        render(link(dataset))


def test_evidence_is_located_once_by_the_records_stage_and_cannot_be_changed_after():
    from dataclasses import FrozenInstanceError

    from generator import pipeline
    from tests.conftest import SAMPLE_DATA

    dataset = pipeline.validate(pipeline.load(SAMPLE_DATA))
    spans = dataset.evidence()
    assert spans and all(span.located and span.anchor.startswith("ev-") for span in spans)
    with pytest.raises(FrozenInstanceError):
        spans[0].paragraph = 3
