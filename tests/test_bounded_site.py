"""A real Pelican build of a report whose lists outgrow their pages: zero warnings, every link resolves."""

from __future__ import annotations

import re

import pytest

from generator.render.lists import INDEX_ENTRIES_PER_PAGE
from tests import factory
from tests.site import build_site
from tests.test_bounded import RAIDS, raid


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site of one article telling of RAIDS raids by the Red Army, built as `make html` builds it."""
    base = tmp_path_factory.mktemp("bounded-site")
    events = [factory.event(f"raid-{n:04d}", raid(n), participants=[("red-army", "attacker")]) for n in range(RAIDS)]
    data = factory.write(base, paragraphs=[f"{raid(n)}." for n in range(RAIDS)], events=events)
    return build_site(data, base)  # fails on any Pelican warning, a broken {filename} link among them


def test_every_internal_link_of_every_page_resolves(built):
    checked = 0
    for page in built.pages():
        text = page.read_text(encoding="utf-8")
        assert "{filename}" not in text, page
        for target in re.findall(r'href="/([^"#]*)', text):
            if target.startswith("theme/") or target.endswith(".atom"):
                continue
            assert (built.output / target / "index.html").is_file() or (built.output / target).is_file(), (page, target)
            checked += 1
    assert checked > RAIDS


def test_the_list_pages_and_later_index_pages_are_built_with_their_page_links(built):
    first = (built.output / "events" / "index.html").read_text(encoding="utf-8")
    second = (built.output / "events" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="next" href="/events/page/2/">' in first and 'rel="prev"' not in first
    assert '<link rel="prev" href="/events/">' in second and 'rel="next"' not in second
    assert '<a class="pagination__prev" rel="prev" href="/events/">' in second
    assert '(continued)</span> <span class="count">' + str(RAIDS) in second
    assert second.count('<li><a href="/events/raid-') == RAIDS - INDEX_ENTRIES_PER_PAGE
    actor = (built.output / "actors" / "red-army" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="/actors/red-army/events/">All {RAIDS:,} events of Red Army</a>' in actor
    listing = (built.output / "actors" / "red-army" / "events" / "page" / "2" / "index.html").read_text("utf-8")
    assert '<a href="/actors/red-army/">Red Army</a>' in listing  # the breadcrumbs lead back to the actor
    assert '<a class="pagination__next" rel="next" href="/actors/red-army/events/page/3/">' in listing
