"""Pages stay bounded whatever the corpus: long lists are cut on a record's page, with all their entries on
list pages one click away; indexes paginate, keeping their groups (render/lists.py)."""

from __future__ import annotations

import json
import multiprocessing
import re

import pytest

from generator.render import render
from generator.render.lists import ENTRIES_PER_PAGE, ENTRY_CAP, INDEX_ENTRIES_PER_PAGE
from tests import factory

# More events than fit on an index page, all naming one actor: its page, its list pages, the index.
RAIDS = INDEX_ENTRIES_PER_PAGE + 30


def raid(number: int) -> str:
    """The paragraph, and the evidence, of one raid."""
    return f"Raid number {number:04d} by the Red Army hit a depot"


@pytest.fixture(scope="module")
def raids(tmp_path_factory):
    """The linked graph of a report of one article telling of RAIDS raids by the Red Army."""
    paragraphs = [f"{raid(n)}." for n in range(RAIDS)]
    events = [factory.event(f"raid-{n:04d}", raid(n), participants=[("red-army", "attacker")]) for n in range(RAIDS)]
    return factory.graph(factory.write(tmp_path_factory.mktemp("bounded"), paragraphs=paragraphs, events=events))


@pytest.fixture(scope="module")
def pages(raids) -> dict[str, str]:
    """The rendered pages of that report."""
    return render(raids)


def items_of(page: str, heading: str) -> list[str]:
    """The entries listed under a page's heading."""
    lines = page.split(f"## {heading} ", 1)[1].split("\n")[1:]
    found = []
    for line in lines[1:]:
        if not line.startswith("- "):
            break
        found.append(line)
    return found


def body_items(page: str) -> list[str]:
    """The entries of a list page."""
    return [line for line in page.split("\n\n", 1)[1].splitlines() if line.startswith("- ")]


def field(page: str, name: str):
    """A JSON metadata field of a page."""
    return json.loads(re.search(rf"^{name}: (.*)$", page, re.MULTILINE).group(1))


def list_pages(pages: dict[str, str], first: str) -> list[str]:
    """The pages of one full list, in order: 'actors/red-army/events.md', then '...-page-2.md', ..."""
    found, number = [pages[first]], 2
    while (later := first.removesuffix(".md") + f"-page-{number}.md") in pages:
        found.append(pages[later])
        number += 1
    return found


def test_a_long_list_shows_the_cap_then_a_link_to_all_its_entries(pages):
    page = pages["actors/red-army.md"]
    shown = items_of(page, "Events")
    assert len(shown) == ENTRY_CAP
    assert shown == [f"- date not given: [The event raid-{n:04d}]({{filename}}/events/raid-{n:04d}.md) (attacker)"
                     for n in range(ENTRY_CAP)]
    assert f"[All {RAIDS:,} events of Red Army]({{filename}}/actors/red-army/events.md)\n{{: .all-entries }}" in page


def test_the_list_pages_hold_every_entry_once_in_order(pages):
    parts = list_pages(pages, "actors/red-army/events.md")
    assert len(parts) == -(-RAIDS // ENTRIES_PER_PAGE)
    entries = [item for part in parts for item in body_items(part)]
    assert entries == [f"- date not given: [The event raid-{n:04d}]({{filename}}/events/raid-{n:04d}.md) (attacker)"
                       for n in range(RAIDS)]
    assert all(len(body_items(part)) <= ENTRIES_PER_PAGE for part in parts)


def test_a_list_page_has_its_address_breadcrumbs_back_to_the_record_and_page_links(pages):
    second = pages["actors/red-army/events-page-2.md"]
    assert "\nURL: actors/red-army/events/page/2/\n" in second
    assert "\nSave_as: actors/red-army/events/page/2/index.html\n" in second
    assert "\nTemplate: list\n" in second
    assert field(second, "Crumbs")[-1] == {"text": "Red Army", "url": "actors/red-army/"}
    nav = field(second, "Pagination")
    assert (nav["number"], nav["prev"], nav["next"]) == (2, "actors/red-army/events/", "actors/red-army/events/page/3/")
    assert [p["url"] for p in nav["pages"]][:2] == ["actors/red-army/events/", "actors/red-army/events/page/2/"]


def test_every_growing_list_of_the_page_is_cut_by_the_same_mechanism(pages):
    """The mentions of the actor (one in each paragraph) are cut too, with their own list pages."""
    page = pages["actors/red-army.md"]
    assert len(items_of(page, "Mentions in the articles")) == ENTRY_CAP
    assert f"[All {RAIDS:,} mentions of Red Army]({{filename}}/actors/red-army/mentions.md)" in page
    entries = [item for part in list_pages(pages, "actors/red-army/mentions.md") for item in body_items(part)]
    assert [re.search(r"#p(\d+)\)", e).group(1) for e in entries] == [str(n + 1) for n in range(RAIDS)]


def test_an_index_with_more_entries_than_a_page_paginates_keeping_its_group(pages):
    first, second = pages["indexes/events.md"], pages["indexes/events-page-2.md"]
    assert "indexes/events-page-3.md" not in pages
    one, two = field(first, "Groups"), field(second, "Groups")
    assert [g["title"] for g in one] == ["Date not given"] and len(one[0]["items"]) == INDEX_ENTRIES_PER_PAGE
    assert two[0]["title"] == "Date not given" and two[0]["continued"] is True and two[0]["total"] == RAIDS
    assert [i["url"] for i in one[0]["items"] + two[0]["items"]] == [f"events/raid-{n:04d}/" for n in range(RAIDS)]
    nav_one, nav_two = field(first, "Pagination"), field(second, "Pagination")
    assert "prev" not in nav_one and nav_one["next"] == "events/page/2/"
    assert nav_two["prev"] == "events/" and "next" not in nav_two
    assert "\nURL: events/page/2/\n" in second and "\nURL: events/\n" in first


def test_no_page_holds_more_than_the_cap_of_any_list(pages):
    for path, page in pages.items():
        if "Template: list" in page or path.startswith("indexes/"):
            continue
        for heading in re.findall(r"^## (.+?) \{: #", page, re.MULTILINE):
            assert len(items_of(page, heading)) <= ENTRY_CAP, (path, heading)


def test_a_report_rendered_on_two_cores_is_the_one_rendered_on_one(raids, monkeypatch):
    """The same pages, byte for byte and in the same order, whether a second core renders half of them."""
    from generator import render as render_stage

    monkeypatch.setattr(render_stage, "PARALLEL_MIN_PAGES", 10)
    one = render_stage.render(raids, workers=1)
    forks, real = [], multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: forks.append(method) or real(method))
    two = render_stage.render(raids, workers=2)
    assert forks == ["fork"] and len(one) > 10  # a worker rendered half the pages
    assert list(one.items()) == list(two.items())
