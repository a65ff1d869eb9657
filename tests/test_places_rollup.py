"""A place's page rolls up the events, actors and figures of the places inside it, at any depth, each
labelled with where it is ('in al Qaim (Anbar): ...'), after the place's own; bounded, each fact once."""

from __future__ import annotations

import pytest

from generator.render import render
from generator.render.lists import ENTRY_CAP
from tests import factory, two_articles
from tests.conftest import edit
from tests.site import build_site
from tests.test_bounded import items_of

ANBAR = """  - id: anbar
    name: Anbar
    kind: province
    parent: iraq
    description: A province of Iraq, in the west.

  - id: al-qaim
"""


@pytest.fixture
def sample_three_deep(data):
    """The sample with a province between Iraq and its towns al Qaim and Rawa: country ⊃ province ⊃ town."""
    places = data / "places.yaml"
    edit(places, "  - id: al-qaim\n", ANBAR)
    text = places.read_text("utf-8")
    for town in ("al-qaim", "rawa"):
        start = text.index(f"  - id: {town}\n")
        at = text.index("    parent: iraq\n", start)
        text = text[:at] + "    parent: anbar\n" + text[at + len("    parent: iraq\n"):]
    places.write_text(text, "utf-8")
    return factory.graph(data)


def test_the_views_down_and_up_are_computed_once_for_every_place(sample_three_deep):
    graph = sample_three_deep
    assert graph.ancestors("al-qaim") == ["iraq", "anbar"]
    assert graph.places_within("anbar") == ["al-qaim", "rawa"]
    assert {"anbar", "al-qaim", "rawa", "mosul"} <= set(graph.places_within("iraq"))
    assert graph.places_within("al-qaim") == []


def test_a_country_shows_the_events_of_its_towns_with_the_province_between(sample_three_deep):
    pages = render(sample_three_deep)
    iraq, anbar = pages["places/iraq.md"], pages["places/anbar.md"]
    operation = next(i for i in items_of(iraq, "Events") if "al-qaim-rawa-operation" in i)
    assert operation.startswith("- in [al Qaim]({filename}/places/al-qaim.md) (Anbar), "
                                "[Rawa]({filename}/places/rawa.md) (Anbar): 26 October 2017")
    on_anbar = next(i for i in items_of(anbar, "Events") if "al-qaim-rawa-operation" in i)
    assert on_anbar.startswith("- in [al Qaim]({filename}/places/al-qaim.md), [Rawa]({filename}/places/rawa.md): ")
    # The province's own page had nothing placed at it: all it shows comes from its towns.
    assert items_of(anbar, "Figures and claims") and all(i.startswith("- in [") for i in items_of(anbar, "Figures and claims"))


def test_the_place_s_own_events_come_first_then_those_within(sample_three_deep):
    items = items_of(render(sample_three_deep)["places/iraq.md"], "Events")
    labelled = [i.startswith("- in [") for i in items]
    assert labelled == sorted(labelled) and labelled[0] is False and labelled[-1] is True


def test_an_event_at_a_town_and_its_country_appears_once_unlabelled(data):
    """The operation at al Qaim and Rawa, placed in Iraq too: Iraq's page lists it once, as its own."""
    article = next((data / "articles").glob("*.yaml"))
    text = article.read_text("utf-8")
    start = text.index("  - id: al-qaim-rawa-operation\n")
    at = text.index("places: [al-qaim, rawa]", start)
    article.write_text(text[:at] + "places: [al-qaim, rawa, iraq]" + text[at + len("places: [al-qaim, rawa]"):], "utf-8")
    items = items_of(render(factory.graph(data))["places/iraq.md"], "Events")
    found = [i for i in items if "al-qaim-rawa-operation" in i]
    assert len(found) == 1 and not found[0].startswith("- in ")


def test_actors_and_figures_of_the_places_within_are_labelled_once(sample_three_deep):
    iraq = render(sample_three_deep)["places/iraq.md"]
    actors = items_of(iraq, "Actors active here")
    named = [i.split("): ", 1)[-1].split(",")[0] for i in actors]
    assert len(named) == len(set(named))  # an actor active here and within is listed once
    figures = items_of(iraq, "Figures and claims")
    assert any(i.startswith("- in [al Qaim]({filename}/places/al-qaim.md) (Anbar)") for i in figures)
    assert len(figures) == len(set(figures))


def test_two_articles_southland_rolls_up_northtown(tmp_path):
    """The two-article fixture: Southland ⊃ Northtown; both articles report one attack, shown once."""
    pages = render(factory.graph(two_articles.write(tmp_path)))
    southland = pages["places/southland.md"]
    events = items_of(southland, "Events")
    assert len(events) == 1 and events[0].startswith("- in [Northtown]({filename}/places/northtown.md): ")
    assert "[the Red Army attacked Northtown]" in events[0] or "events/attack.md" in events[0]
    actors = items_of(southland, "Actors active here")
    assert any("actors/red-army.md" in a for a in actors) and all(a.startswith("- in [Northtown]") for a in actors)


# 300 events, none at the country itself: six times a page's cap, over three list pages (5,000 were
# measured by hand; a test of them spends minutes locating evidence, nothing of the roll-up).
PROVINCES, TOWNS, EVENTS_PER_TOWN = 3, 4, 25


@pytest.fixture(scope="module")
def busy_country(tmp_path_factory):
    """A country of provinces of towns, with many events in each town and none at the country."""
    places = [{"id": "southland", "name": "Southland", "kind": "country", "description": "The country."}]
    events, paragraphs = [], []
    for p in range(PROVINCES):
        places.append({"id": f"province-{p}", "name": f"Province {p}", "kind": "province", "parent": "southland",
                       "description": "A province."})
        for t in range(TOWNS):
            town = f"town-{p}-{t:02d}"
            places.append({"id": town, "name": f"Town {p}-{t:02d}", "kind": "town", "parent": f"province-{p}",
                           "description": "A town."})
            for e in range(EVENTS_PER_TOWN):
                text = f"Raid {p}-{t:02d}-{e:02d} by the Red Army hit a depot"
                paragraphs.append(text + ".")
                events.append(factory.event(f"raid-{p}-{t:02d}-{e:02d}", text, places=[town],
                                            participants=[("red-army", "attacker")]))
    data = factory.write(tmp_path_factory.mktemp("busy"), places=places, paragraphs=paragraphs, events=events)
    return factory.graph(data)


def test_a_country_with_many_events_in_its_towns_shows_the_cap_and_all_of_them_on_list_pages(busy_country):
    pages = render(busy_country)
    country = pages["places/southland.md"]
    events = items_of(country, "Events")
    assert len(events) == ENTRY_CAP
    assert events[0].startswith("- in [Town 0-00]({filename}/places/town-0-00.md) (Province 0): ")
    assert f"All {PROVINCES * TOWNS * EVENTS_PER_TOWN:,} events in Southland and the places within it" in country
    listed = [line for name, page in pages.items() if name.startswith("places/southland/events")
              for line in page.splitlines() if line.startswith("- in [")]
    assert len(listed) == PROVINCES * TOWNS * EVENTS_PER_TOWN == len(set(listed))
    assert len(busy_country.places_within("southland")) == PROVINCES * (TOWNS + 1)


def test_the_roll_up_is_linear_in_the_places(busy_country):
    """Each place's list of places within holds each place inside it once: the sum is places × depth."""
    total = sum(len(busy_country.places_within(p)) for p in busy_country.dataset.places)
    assert total == PROVINCES * (TOWNS + 1) + PROVINCES * TOWNS


@pytest.mark.site
def test_the_built_two_article_site_shows_the_roll_up_without_javascript(tmp_path):
    """Pelican's build: Southland's page links Northtown and the attack, in plain HTML."""
    site = build_site(two_articles.write(tmp_path), tmp_path / "b")
    html = (site.output / "places" / "southland" / "index.html").read_text("utf-8")
    events = html.split('id="events"', 1)[1].split("</ul>", 1)[0]
    assert 'in <a href="/places/northtown/">Northtown</a>: ' in events
    assert "/events/attack/" in events
