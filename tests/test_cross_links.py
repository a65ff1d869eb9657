"""Every page links to every page its data connects it to, in both directions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import evidence, pipeline, quality
from generator.markdown_text import escape
from generator.render import render
from generator.link import link
from tests.conftest import SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\{filename\}/(actors|places|events|sources)/([a-z0-9-]+)\.md")


@pytest.fixture(scope="module")
def sample():
    """The validated sample dataset and its rendered pages."""
    dataset = pipeline.validate(pipeline.load(SAMPLE_DATA))
    return dataset, render(link(dataset))


INFOBOX_LINK = re.compile(r'"url":"(actors|places|events|sources)/([a-z0-9-]+)/"')


def links_of(pages: dict[str, str], folder: str, page_id: str) -> set[tuple[str, str]]:
    """The pages a generated page links to, from its body or its infobox."""
    page = pages[f"{folder}/{page_id}.md"]
    return set(LINK.findall(page)) | set(INFOBOX_LINK.findall(page))


def connections(dataset) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Every pair of pages the data connects, worked out from the records alone."""
    edges = set()
    for event in dataset.events.values():
        me = ("events", event.id)
        edges |= {(me, ("actors", p.actor)) for p in event.participants}
        edges |= {(me, ("places", p)) for p in event.places}
        edges |= {(me, ("events", r.event)) for r in event.related}
        edges |= {(("actors", p.actor), ("places", place)) for p in event.participants for place in event.places}
    for place in dataset.places.values():
        if place.parent:
            edges.add((("places", place.id), ("places", place.parent)))
    for rel in dataset.relationships:
        edges.add((("actors", rel.subject), ("actors", rel.object)))
    for quote in dataset.quotes.values():
        if quote.event:
            edges.add((("actors", quote.speaker), ("events", quote.event)))
    for source in dataset.sources.values():
        edges.add((("sources", source.id), ("actors", source.outlet)))
    return edges


def test_the_oracle_is_not_empty(sample):
    """Guards the test below against passing on no data."""
    assert len(connections(sample[0])) > 60


def test_connected_pages_link_to_each_other_both_ways(sample):
    """For each connection, each page links to the other."""
    dataset, pages = sample
    missing = [f"{a[0]}/{a[1]} -> {b[0]}/{b[1]}" for x, y in connections(dataset) for a, b in ((x, y), (y, x))
               if b not in links_of(pages, *a)]
    assert not missing, "\n".join(sorted(missing))


def test_actor_events_are_listed_in_date_order_with_roles(sample):
    """An actor's Events section lists its events chronologically, each with its role."""
    dataset, pages = sample
    text = pages["actors/isis.md"].split("## Events", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"\{filename\}/events/([a-z0-9-]+)\.md\) \(([^)]+)\)", text)
    mine = [e for e in dataset.events.values() if any(p.actor == "isis" for p in e.participants)]
    assert {event for event, _ in listed} == {e.id for e in mine}
    roles = {e.id: next(p.role for p in e.participants if p.actor == "isis") for e in mine}
    assert all(roles[event] == role for event, role in listed)
    from generator.dates import sort_key
    keys = [sort_key(dataset.events[event].date) for event, _ in listed]
    assert keys == sorted(keys)


def test_every_evidence_span_is_linked_from_its_fact_and_anchored_in_the_source(sample):
    """Each span has an anchor on the source page and a link from the page of its fact."""
    dataset, pages = sample
    for event in dataset.events.values():
        for span in event.evidence:
            assert f"#{span.anchor})" in pages[f"events/{event.id}.md"]
            assert f'id="{span.anchor}"' in pages[f"sources/{span.source}.md"]


def named_in(text: str, entities: list) -> set[tuple[str, str]]:
    """(folder, id) of the entities, given as (folder, entity) pairs, with a name in text that is not part of a longer name found there."""
    hits = [(m.start(), m.end(), (folder, e.id)) for folder, e in entities for n in e.names
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    return {key for start, end, key in hits
            if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in hits)}


def test_names_in_article_text_link_to_their_pages(sample):
    """Each actor and place named in the article is linked from the source page's paragraphs."""
    dataset, pages = sample
    entities = [*(("actors", a) for a in dataset.actors.values()), *(("places", p) for p in dataset.places.values())]
    for source in dataset.sources.values():
        text = pages[f"sources/{source.id}.md"].split("## Text", 1)[1].split("\n## ", 1)[0]
        text = re.sub(r"<details.*?</details>", "", text, flags=re.S)  # the facts beside each paragraph
        expected = set().union(*(named_in(p, entities) for p in source.paragraphs))
        assert len(expected) > 20
        assert set(LINK.findall(text)) - {("sources", source.id)} == expected


def test_the_sample_report_cites_every_sentence_and_connects_everyone(sample):
    """The report's own quality (make check-data) holds for the frozen sample."""
    dataset, _ = sample
    assert quality.findings(link(dataset)) == []


def test_quotes_are_verbatim_in_the_article(sample):
    """Each quote's words occur in the article text (whitespace and quote style aside)."""
    dataset, pages = sample
    for quote in dataset.quotes.values():
        article = " ".join(dataset.sources[quote.source].paragraphs)
        assert evidence.contains(article, quote.text)
        assert escape(quote.text)[:20] in pages[f"actors/{quote.speaker}.md"]
