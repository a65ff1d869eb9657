"""A report of two articles (fictional outlets) that report the same event, figure, quote and relationship:
one page per fact, every article's citation on it, and where they differ, both values side by side."""

from __future__ import annotations

import pytest

from generator.render import render
from tests import factory, two_articles
from tests.conftest import problems
from tests.two_articles import ATTACK, COURIER, FIGHTERS, OPPOSES, REBUILD, SECOND, second_article


@pytest.fixture
def pages(tmp_path):
    linked = factory.graph(two_articles.write(tmp_path))
    return linked, render(linked)


def test_one_page_per_fact_whatever_the_number_of_articles(pages):
    linked, rendered = pages
    assert sorted(p for p in rendered if p.startswith("events/")) == ["events/attack.md"]
    assert len(linked.dataset.relationships) == 1 and len(linked.dataset.relationships[0].other_reports) == 1


def test_the_event_page_shows_both_reports_and_where_they_differ(pages):
    _, rendered = pages
    page = rendered["events/attack.md"]
    reported = page.split("## Reported by", 1)[1].split("\n## ", 1)[0]
    assert "sources/daily-2017-10-26-northtown.md#ev-" in reported and f"sources/{SECOND}.md#ev-" in reported
    differ = page.split("## Where the articles differ", 1)[1].split("\n## ", 1)[0]
    date_line = next(line for line in differ.splitlines() if line.startswith("- Date:"))
    assert "26 October 2017" in date_line and "25 October 2017" in date_line
    assert "The Daily" in date_line and "The Courier" in date_line
    who = next(line for line in differ.splitlines() if line.startswith("- Who:"))
    assert "alice-smith" in who
    evidence = page.split("## Evidence", 1)[1].split("\n## ", 1)[0]
    assert evidence.count("- “") == 2  # a passage from each article


def test_an_actor_lists_a_shared_event_once_and_a_participant_one_article_adds(pages):
    _, rendered = pages
    red_army = rendered["actors/red-army.md"].split("## Events", 1)[1].split("\n## ", 1)[0]
    assert red_army.count("events/attack.md") == 1
    assert "events/attack.md" in rendered["actors/alice-smith.md"]  # only the Courier names her a witness


def test_a_figure_given_differently_shows_both_values_with_their_sources(pages):
    _, rendered = pages
    line = next(line for line in rendered["actors/red-army.md"].splitlines() if "Fighters who took part" in line)
    assert "**300 fighters**" in line and "**500 fighters**" in line
    assert line.index("300") < line.index("daily-2017-10-26") < line.index("500") < line.index(SECOND)


def test_a_quote_and_a_relationship_reported_twice_are_one_line_with_both_citations(pages):
    _, rendered = pages
    alice = rendered["actors/alice-smith.md"]
    quote = [line for line in alice.splitlines() if line.startswith("- [“We will rebuild Northtown")]
    assert len(quote) == 1 and "daily-2017-10-26-northtown.md#ev-" in quote[0] and f"{SECOND}.md#ev-" in quote[0]
    opposes = [line for line in alice.splitlines() if line.startswith("- Opposes")]
    assert len(opposes) == 1 and "daily-2017-10-26-northtown.md#ev-" in opposes[0] and f"{SECOND}.md#ev-" in opposes[0]


def test_each_source_page_lists_and_highlights_the_facts_it_reports(pages):
    _, rendered = pages
    second = rendered[f"sources/{SECOND}.md"]
    assert "events/attack.md" in second.split("## Events reported", 1)[1]
    assert second.count('<mark class="evidence"') >= 4


def test_the_second_article_s_references_and_evidence_are_checked(tmp_path):
    data = factory.write(tmp_path, actors=[*factory.ACTORS, COURIER], events=[ATTACK])
    second_article(data, events=[factory.event("attack", "not in the text", participants=[("red-armi", "attacker")])])
    found = problems(data)
    assert any(f"{SECOND}.yaml" in p and "events[0].participants[0].actor: expected the id of an actor, found "
               "'red-armi'" in p for p in found), found
    assert any(f"{SECOND}.yaml" in p and "events[0].evidence[0]: expected a passage of source" in p for p in found)


def test_the_same_id_twice_in_one_article_is_still_a_problem(tmp_path):
    data = factory.write(tmp_path, events=[ATTACK, {**ATTACK, "evidence": ["The attack lasted two days."]}])
    assert any("events[1].id: expected an id no other event uses, found 'attack'" in p for p in problems(data))


AGENCY = {"id": "wire", "name": "Wire Agency", "kind": "media-outlet", "description": "A news agency."}
PORTAL = {"id": "portal", "name": "News Portal", "kind": "media-outlet", "description": "A site that republishes."}


def test_a_wire_story_names_the_agency_as_outlet_and_the_site_it_was_read_in(tmp_path):
    data = factory.write(tmp_path, actors=[*factory.ACTORS, AGENCY, PORTAL],
                         source={"outlet": "wire", "read_in": {"outlet": "portal", "url": "https://portal.example/x"}})
    linked = factory.graph(data)
    page = render(linked)["sources/daily-2017-10-26-northtown.md"]
    infobox = next(line for line in page.splitlines() if line.startswith("Infobox:"))
    assert '"label":"Outlet","items":[{"text":"Wire Agency","url":"actors/wire/"}]' in infobox
    assert '{"label":"Read in","items":[{"text":"News Portal","url":"actors/portal/","note":"which republished it"},' \
           '{"text":"https://portal.example/x","url":"https://portal.example/x"}]}' in infobox
    assert [s.id for s in linked.articles_of_outlet("wire")] == ["daily-2017-10-26-northtown"]


def test_the_site_a_story_was_read_in_is_a_media_outlet(tmp_path):
    data = factory.write(tmp_path, source={"read_in": {"outlet": "alice-smith", "url": "https://portal.example/x"}})
    assert any("source.read_in.outlet: expected the id of an actor of kind media-outlet, found 'alice-smith', of "
               "kind person" in p for p in problems(data))


def test_paragraphs_that_are_the_editor_s_summary_say_so_before_the_text(tmp_path):
    data = factory.write(tmp_path, source={"text": "editor-summary"})
    page = render(factory.graph(data))["sources/daily-2017-10-26-northtown.md"]
    text = page.split("## Text {: #text }", 1)[1].lstrip()
    assert text.startswith("*The editor's summary of the article, not its words.*")
    assert '{"label":"Text","items":[{"text":"the editor\'s summary of the article, not its words"}]}' in page


def test_the_same_words_of_the_same_speaker_in_two_articles_are_one_quote_whatever_their_ids(tmp_path):
    data = factory.write(tmp_path, actors=[*factory.ACTORS, COURIER], quotes=[REBUILD])
    second_article(data, events=[], figures=[], relationships=[],
                   quotes=[factory.quote("rebuild-northtown", "alice-smith", "We will rebuild Northtown.")])
    linked = factory.graph(data)
    assert list(linked.dataset.quotes) == ["rebuild"]
    assert [q.source for q in linked.dataset.quotes["rebuild"].other_reports] == [SECOND]
    line = [x for x in render(linked)["actors/alice-smith.md"].splitlines() if x.startswith("- [“We will rebuild")]
    assert len(line) == 1 and f"{SECOND}.md#ev-" in line[0] and "daily-2017-10-26-northtown.md#ev-" in line[0]


@pytest.mark.site
def test_the_built_site_shows_one_event_page_with_both_articles(tmp_path):
    """The same report through a real Pelican build: the event's page names both articles and both dates."""
    from tests.site import build_site

    data = factory.write(tmp_path, actors=[*factory.ACTORS, COURIER], events=[ATTACK], figures=[FIGHTERS],
                         quotes=[REBUILD], relationships=[OPPOSES])
    second_article(data)
    site = build_site(data, tmp_path / "site")
    page = (site.output / "events" / "attack" / "index.html").read_text("utf-8")
    assert 'id="reported-by"' in page and 'id="where-the-articles-differ"' in page
    for source in ("daily-2017-10-26-northtown", SECOND):
        assert f'href="/sources/{source}/"' in page and f'href="/sources/{source}/#ev-' in page
    assert "25 October 2017" in page and "26 October 2017" in page
    assert sorted(p.name for p in (site.output / "events").iterdir() if p.is_dir()) == ["attack"]
