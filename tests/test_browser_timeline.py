"""The timeline in a real browser (issue #14): its filters narrow the drawing and the list and say how many;
without JavaScript the list is all there is; no console error, no accessibility violation in light and dark,
no sideways scroll on a phone; screenshots saved with the other pages' (tests/browser/screenshots.py)."""

from __future__ import annotations

import pytest

from tests.browser import axe_problems
from tests.browser.screenshots import PAGES, SCHEMES, take_with
from tests.test_browser_pages import artifacts  # noqa: F401  (the screenshots' folder fixture)

pytestmark = pytest.mark.browser

TIMELINE_PAGES = {"timeline": PAGES["timeline"], "actor-timeline": "/actors/isis/"}


def opened(chromium, url: str, **options):
    """A page at url, with its console errors and failed requests (a favicon aside) collected."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("response", lambda r: page.errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("favicon.ico") else None)
    page.goto(url)
    return context, page


def visible(page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length > 0).length")


def test_filters_narrow_the_drawing_and_the_list_and_announce_the_count(chromium, base):
    context, page = opened(chromium, base + "/timeline/")
    items, lanes = page.locator(".tl__item").count(), page.locator(".tl__lane").count()
    assert visible(page, ".tl__item") == items and page.locator(".tl__filters").is_visible()
    height = page.locator(".tl__svg").get_attribute("height")
    page.select_option("select[data-filter=actors]", "isis")
    shown = visible(page, ".tl__item")
    assert 0 < shown < items and 0 < visible(page, ".tl__lane") < lanes
    assert all("isis" in a.split() for a in page.locator(".tl__item:visible").evaluate_all(
        "els => els.map(e => e.dataset.actors)"))
    assert page.locator("#timeline-status").inner_text() == f"Showing {shown} of {items} events on this page."
    assert page.locator("#timeline-status").get_attribute("aria-live") == "polite"
    assert int(page.locator(".tl__svg").get_attribute("height")) < int(height)  # the drawing closes up
    page.select_option("select[data-filter=kind]", "capture")
    assert 0 < visible(page, ".tl__item") < shown
    page.select_option("select[data-filter=places]", "iraq")
    page.select_option("select[data-filter=actors]", "")
    page.select_option("select[data-filter=kind]", "")
    assert 0 < visible(page, ".tl__item") < items  # a country holds the events in its towns too
    assert page.errors == []
    context.close()


def test_without_javascript_the_list_and_the_drawing_show_every_event(chromium, base):
    context, page = opened(chromium, base + "/timeline/", java_script_enabled=False)
    assert not page.locator(".tl__filters").is_visible()
    items = page.locator(".tl__item")
    assert items.count() > 20 and visible(page, ".tl__item") == items.count()
    assert page.locator(".tl__item time[datetime]").count() > 20
    assert visible(page, ".tl__lane") == page.locator(".tl__lane").count() > 0
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", TIMELINE_PAGES)
def test_axe_finds_no_violation_and_the_console_no_error(chromium, base, name, scheme):
    context, page = opened(chromium, base + TIMELINE_PAGES[name], color_scheme=scheme, bypass_csp=True)
    problems = axe_problems(page)
    errors = page.errors
    context.close()
    assert problems == [] and errors == []


@pytest.mark.parametrize("name", TIMELINE_PAGES)
def test_no_sideways_scroll_on_a_phone(chromium, base, name):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + TIMELINE_PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".tl__svg").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


def test_screenshots_of_the_timeline_pages(chromium, base, artifacts):  # noqa: F811
    shots = [shot for scheme in SCHEMES for shot in take_with(chromium, base, artifacts, scheme=scheme,
                                                             pages=TIMELINE_PAGES)]
    assert len(shots) == 2 * 2 * len(TIMELINE_PAGES) and all(shot.stat().st_size > 5000 for shot in shots)
