"""Rendered Markdown pages of a tiny factory dataset: what a page lists and marks, without Pelican."""

from __future__ import annotations

import re

import pytest

from generator import pipeline
from generator.render import render
from tests import factory
from tests.conftest import SAMPLE_DATA
from tests.test_link import ATTACK, FIGHTERS, LASTED, OPPOSES, REBUILD

SOURCE = f"{{filename}}/sources/{factory.ARTICLE_ID}.md"


@pytest.fixture
def linked(tmp_path, monkeypatch):
    """The graph of a report holding one of each kind of fact, and its rendered pages."""
    monkeypatch.chdir(tmp_path)
    data = factory.write(tmp_path, events=[ATTACK, LASTED], quotes=[REBUILD], figures=[FIGHTERS],
                         relationships=[OPPOSES])
    graph = factory.graph(data)
    return graph, render(graph)


def section(page: str, heading: str) -> list[str]:
    """The list items under a page's '## heading' (none when the page has no such section)."""
    match = re.search(rf"^## {re.escape(heading)} \{{: #[a-z-]+ \}}\n\n(.*?)(?=\n## |\Z)", page, re.S | re.M)
    return [line for line in match.group(1).splitlines() if line.startswith("- ")] if match else []


def anchor(graph, kind: str, record_id: str | None = None, index: int = 0) -> str:
    """The anchor of a record's first evidence span on the source page."""
    records = getattr(graph.dataset, kind)
    record = records[record_id] if record_id else records[index]
    return record.evidence[0].anchor


def test_an_actor_page_lists_its_event_with_its_role_and_the_places_it_was_at(linked):
    _, pages = linked
    page = pages["actors/red-army.md"]
    assert section(page, "Events") == ["- date not given: [The event attack]({filename}/events/attack.md) (attacker)"]
    assert section(page, "Places") == ["- [Northtown]({filename}/places/northtown.md)"]


def test_an_actor_page_lists_the_quote_it_said_with_its_audience_and_event(linked):
    graph, pages = linked
    assert section(pages["actors/alice-smith.md"], "Quotes") == [
        "- [“We will rebuild Northtown.”]({filename}/quotes/rebuild.md) (to [The Daily]({filename}/actors/daily.md); "
        "during [The event attack]"
        f"({{filename}}/events/attack.md)); evidence: [¶2]({SOURCE}#{anchor(graph, 'quotes', 'rebuild')})"]


def test_an_actor_page_lists_its_relationship_from_its_own_side(linked):
    graph, pages = linked
    evidence = f"evidence: [¶1]({SOURCE}#{anchor(graph, 'relationships')})"
    assert section(pages["actors/alice-smith.md"], "Roles and relationships") == [
        f"- Opposes [Red Army]({{filename}}/actors/red-army.md); {evidence}"]
    assert [item for item in section(pages["actors/red-army.md"], "Roles and relationships")] == [
        f"- Opposed by [Alice Smith]({{filename}}/actors/alice-smith.md); {evidence}"]


def test_an_actor_page_without_quotes_has_no_quotes_section(linked):
    _, pages = linked
    assert "## Quotes" not in pages["actors/red-army.md"]


def test_the_source_page_marks_every_evidence_span_and_anchors_every_paragraph(linked):
    graph, pages = linked
    page = pages[f"sources/{factory.ARTICLE_ID}.md"]
    spans = [span.anchor for span in graph.dataset.evidence()]
    assert sorted(re.findall(r'<mark class="evidence" id="(ev-[0-9a-f]+)" data-ev="\1"[^>]*>', page)) == sorted(spans)
    assert re.findall(r"^\{: #(p\d+) \.paragraph \}$", page, re.M) == ["p1", "p2", "p3"]
    # The span of the quote is marked inside the quotation marks, around exactly its words.
    quote = anchor(graph, "quotes", "rebuild")
    assert re.search(f'“<mark class="evidence" id="{quote}" data-ev="{quote}"[^>]*>We will rebuild '
                     r"\[Northtown\]\({filename}/places/northtown.md\).</mark>”", page)


def test_the_source_page_links_a_name_at_its_first_mention_in_each_paragraph(linked):
    _, pages = linked
    text = pages[f"sources/{factory.ARTICLE_ID}.md"].split("## Text", 1)[1].split("\n## ", 1)[0]
    paragraphs = re.split(r"\n\{: #p\d \.paragraph \}\n", text.strip())
    assert [p.count("({filename}/actors/alice-smith.md)") for p in paragraphs] == [1, 1, 0]
    assert [p.count("({filename}/places/northtown.md)") for p in paragraphs] == [1, 1, 0]
    assert [p.count("({filename}/places/southland.md)") for p in paragraphs] == [0, 0, 1]


def test_the_generic_page_of_a_dated_record_shows_its_date(monkeypatch):
    """render/record.py, the page every new kind gets, on a record with a date: a quote of the sample,
    as if quotes had pages (a section in the navigation)."""
    from generator.render import meta, record as generic

    monkeypatch.setitem(meta.SECTIONS, "quotes", "Quotes")
    graph = pipeline.graph(SAMPLE_DATA)
    quote = graph.dataset.quotes["dillon-aware-of-tensions"]
    page = generic.render_page(graph, quote)
    assert '{"label":"Date","items":[{"text":"26 October 2017"}]}' in page
