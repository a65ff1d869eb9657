"""The article's page, as Markdown: each paragraph's facts beside it, the facts in the order the article tells
them, and a name linked at its first mention in each paragraph (or section), marked at the others."""

from __future__ import annotations

import re

import markdown
import nh3
import pytest

from generator import kinds, pipeline
from generator.render import render
from generator.render.paragraph_facts import MARGIN_CAP
from generator.site import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from tests import factory
from tests.conftest import SAMPLE_DATA

FACT_FOLDERS = ("events", "quotes", "figures", "relationships")
MARGIN = re.compile(r'<details class="paragraph-facts" markdown="1">\n<summary>Facts citing ¶(\d+) \((\d+)\)</summary>'
                    r"\n\n(.*?)\n\n</details>", re.S)
LINK = re.compile(r"\]\(([^)]*)\)$")


@pytest.fixture(scope="module")
def sample():
    graph = pipeline.graph(SAMPLE_DATA)
    source = next(iter(graph.dataset.sources.values()))
    return graph, source, render(graph)[f"sources/{source.id}.md"]


def text_of(page: str) -> str:
    """The Text section of an article's page: its paragraphs and their margin lists."""
    return page.split("## Text", 1)[1].split("\n## ", 1)[0]


def margins(page: str) -> dict[int, tuple[int, list[str]]]:
    """Paragraph number (from 1) -> (the count its summary gives, the entries of its margin list)."""
    return {int(number): (int(count), [line.removeprefix("- ") for line in body.splitlines()])
            for number, count, body in MARGIN.findall(text_of(page))}


def spans_here(record, source_id: str) -> list:
    every = [record, *getattr(record, "other_reports", ())]
    return [s for version in every for s in version.evidence if s.source == source_id]


def target_of(folder: str, record, paragraph: int, source_id: str) -> str:
    """Where a margin entry must lead: the fact's page when its kind has pages, else its words here."""
    if kinds.kind(folder).page and kinds.kind(folder).keyed:
        return f"{{filename}}/{folder}/{record.id}.md"
    return "#" + next(s.anchor for s in sorted(spans_here(record, source_id), key=lambda s: (s.paragraph, s.start))
                      if s.paragraph == paragraph)


def expected_margins(graph, source) -> dict[int, list[tuple]]:
    """Paragraph number (from 1) -> the facts with a span in it, by where their first span there starts."""
    told = []  # every fact, by its first span in the article (ties: its kind, then its kind's own order)
    for rank, folder in enumerate(FACT_FOLDERS):
        for index, record in enumerate(graph.facts_of_source(source.id, folder)):
            spans = spans_here(record, source.id)
            told.append((min((s.paragraph, s.start, -s.end) for s in spans), rank, index, folder, record))
    cited: dict[int, list[tuple]] = {}
    for order, (*_, folder, record) in enumerate(sorted(told, key=lambda f: f[:3])):
        spans = spans_here(record, source.id)
        for paragraph in sorted({s.paragraph for s in spans}):
            start = min((s.start, -s.end) for s in spans if s.paragraph == paragraph)
            cited.setdefault(paragraph + 1, []).append((start, order, folder, record))
    return {number: sorted(facts, key=lambda f: f[:2]) for number, facts in cited.items()}


def test_each_paragraph_lists_the_facts_that_cite_it_in_reading_order(sample):
    graph, source, page = sample
    expected = expected_margins(graph, source)
    shown = margins(page)
    assert sorted(shown) == sorted(expected) and len(shown) >= 10
    for number, facts in expected.items():
        count, entries = shown[number]
        assert count == len(facts)
        assert [LINK.search(e).group(1) for e in entries[:MARGIN_CAP]] == [
            target_of(folder, record, number - 1, source.id) for *_, folder, record in facts[:MARGIN_CAP]]
        assert [e.split(":", 1)[0] for e in entries[:MARGIN_CAP]] == [
            kinds.kind(folder).noun.capitalize() for *_, folder, _ in facts[:MARGIN_CAP]]


def test_a_margin_list_is_introduced_by_words_and_follows_its_paragraph(sample):
    """Without a stylesheet the list still says which paragraph it belongs to, right after it."""
    _, _, page = sample
    blocks = re.findall(r"\{: #p(\d+) \.paragraph \}\n\n(<details[^\n]*\n<summary>Facts citing ¶(\d+))?", text_of(page))
    assert all(cited == "" or cited == number for number, _, cited in blocks)
    assert sum(1 for _, block, _ in blocks if block) == len(margins(page)) >= 10


def test_a_paragraph_cited_by_many_facts_shows_the_first_and_how_many_more(tmp_path):
    sentences = [f"Count {n} was reported." for n in range(1, 31)]
    figures = [factory.figure(f"count-{n}", f"Count {n}", f"Count {n} was reported") for n in range(1, 31)]
    data = factory.write(tmp_path, paragraphs=[" ".join(sentences)], figures=figures)
    page = render(factory.graph(data))[f"sources/{factory.ARTICLE_ID}.md"]
    count, entries = margins(page)[1]
    assert count == 30
    assert len(entries) == MARGIN_CAP + 1
    assert entries[-1] == f"and {30 - MARGIN_CAP} more facts, in the lists below"
    assert [e.split("](")[0].split("[")[1] for e in entries[:3]] == ["Count 1", "Count 2", "Count 3"]


def section_ids(page: str, title: str, folder: str) -> list[str]:
    body = page.split(f"## {title} ", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"^- \[[^\]]*\]\({{filename}}/{folder}/([^).]+)\.md\)", body, re.M)


def test_the_events_reported_are_listed_in_the_order_the_article_tells_them(sample):
    graph, source, page = sample
    events = graph.facts_of_source(source.id, "events")
    first = {e.id: min((s.paragraph, s.start, -s.end) for s in spans_here(e, source.id)) for e in events}
    in_order = sorted(first, key=lambda i: (first[i], i))
    assert in_order != sorted(first), "the sample tells its events in another order than their ids"
    assert section_ids(page, "Events reported", "events") == in_order


def test_quotes_figures_and_relationships_follow_the_article_too(tmp_path):
    """Facts whose ids (or data order) run against the text: the page lists them as the text tells them."""
    figures = [factory.figure("a-later", "Later", "The attack lasted two days"),
               factory.figure("b-earlier", "Earlier", "That day the Red Army attacked Northtown")]
    quotes = [factory.quote("a-rebuild", "alice-smith", "We will rebuild Northtown."),
              factory.quote("b-saw", "alice-smith", "she saw it", "she saw it")]
    says = lambda who: {"attribution": {"by": who, "verb": "says"}}  # noqa: E731
    relationships = [factory.relationship("alice-smith", "opposes", "red-army", "The Red Army claimed", **says("red-army")),
                     factory.relationship("red-army", "opposes", "alice-smith", "Alice Smith said on Thursday",
                                          **says("alice-smith"))]
    data = factory.write(tmp_path, figures=figures, quotes=quotes, relationships=relationships)
    page = render(factory.graph(data))[f"sources/{factory.ARTICLE_ID}.md"]
    body = lambda title: page.split(f"## {title} ", 1)[1].split("\n## ", 1)[0]  # noqa: E731
    assert body("Figures and claims").index("Earlier") < body("Figures and claims").index("Later")
    assert body("Quotes").index("she saw it") < body("Quotes").index("We will rebuild")
    relations = body("Relationships")
    assert relations.index("Red Army]") < relations.index("Alice Smith]({filename}/actors/alice-smith.md) opposes")


ALICE = "({filename}/actors/alice-smith.md)"
MENTION = '<span class="mention" data-entity="actors/alice-smith">Alice Smith</span>'


def test_a_name_is_linked_at_its_first_mention_in_each_paragraph_and_marked_at_the_others(tmp_path):
    paragraphs = ["Alice Smith spoke. Later Alice Smith left, and Alice Smith came back.", "Alice Smith stayed."]
    data = factory.write(tmp_path, paragraphs=paragraphs)
    text = text_of(render(factory.graph(data))[f"sources/{factory.ARTICLE_ID}.md"])
    first, second = re.split(r"\n\{: #p\d \.paragraph \}\n", text.strip())[:2]
    assert (first.count(ALICE), first.count(MENTION)) == (1, 2)
    assert first.index(ALICE) < first.index(MENTION)
    assert (second.count(ALICE), second.count(MENTION)) == (1, 0)


def test_a_description_links_a_name_once_and_a_figure_s_claim_links_its_own_page(tmp_path):
    actors = [*factory.ACTORS[:2], {**factory.ACTORS[2], "description": "The Red Army of Alice Smith; Alice Smith "
                                                                          "leads it, and Alice Smith alone."}]
    figures = [factory.figure("a", "Alice Smith counted", "The attack lasted two days", actors=["red-army"]),
               factory.figure("b", "Alice Smith counted again", "That day the Red Army attacked Northtown",
                              actors=["red-army"])]
    data = factory.write(tmp_path, actors=actors, figures=figures)
    page = render(factory.graph(data))["actors/red-army.md"]
    description = page.split("\n\n", 1)[1].split("\n\n", 1)[0]
    assert (description.count(ALICE), description.count(MENTION)) == (1, 2)
    section = page.split("## Figures and claims", 1)[1].split("\n## ", 1)[0]
    # A claim is the link to its figure's page; a link cannot hold another, so its names stay plain.
    assert "[Alice Smith counted]({filename}/figures/a.md)" in section and ALICE not in section


HOSTILE = "Evil <script>alert(1)</script> *x* ](javascript:alert(1)) \"'><b>"


def test_hostile_names_stay_text_in_mentions_and_margin_lists(tmp_path):
    actors = [*factory.ACTORS, {"id": "evil", "name": HOSTILE, "kind": "person", "description": "A hostile name."}]
    paragraphs = [f"{HOSTILE} spoke, and {HOSTILE} said: “{HOSTILE} was here.”"]
    quotes = [factory.quote("evil-words", "evil", f"{HOSTILE} was here.")]
    data = factory.write(tmp_path, actors=actors, paragraphs=paragraphs, quotes=quotes)
    page = render(factory.graph(data))[f"sources/{factory.ARTICLE_ID}.md"]
    html = nh3.clean(markdown.markdown(page.split("\n\n", 1)[1], extensions=["markdown.extensions.extra"]),
                     tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES)
    raw = markdown.markdown(page.split("\n\n", 1)[1], extensions=["markdown.extensions.extra"])
    assert "<script" not in raw and "<b>" not in raw and "javascript:" not in re.findall(r'href="([^"]*)"', raw)
    mentions = re.findall(r'<span class="mention" data-entity="([^"]*)">(.*?)</span>', html)
    assert [entity for entity, _ in mentions] == ["actors/evil", "actors/evil"]
    assert all(nh3.clean(text, tags=set()) == nh3.clean(mentions[0][1], tags=set()) for _, text in mentions)
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; *x* ](javascript:alert(1))" in mentions[0][1]
    assert 'Quote: <a href="{filename}/quotes/evil-words.md"' in html and "Evil &lt;script&gt;" in html.split("Quote: ", 1)[1]


def test_every_piece_of_a_mark_names_the_facts_it_supports(sample):
    """A script can find every span of a fact: each piece carries its anchor and the keys of its facts."""
    graph, source, page = sample
    pieces = re.findall(r'<mark class="evidence"(?: id="[^"]+")? data-ev="([^"]+)" data-facts="([^"]+)">', page)
    assert len(pieces) == page.count("<mark ")
    keys: dict[str, set[str]] = {}
    for anchor, facts in pieces:
        keys.setdefault(anchor, set(facts.split()))
        assert set(facts.split()) == keys[anchor], "every piece of a span names the same facts"
    # A fact of two spans: the keys its first span names are also on its second.
    event = graph.dataset.events["al-qaim-rawa-operation"]
    first, second = (s.anchor for s in event.evidence)
    assert keys[first] & keys[second]
