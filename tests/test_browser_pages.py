"""Quote and figure pages and their indexes in a real browser (issue #13): no accessibility violation in light
and dark, no sideways scroll on a phone, readable without JavaScript; and their screenshots, saved as a test
artifact into $REPORT_ARTIFACTS (CI uploads it; by default a folder under pytest's basetemp)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import two_articles
from tests.browser import axe_problems, serve
from tests.browser.screenshots import PAGES, SCHEMES, WIDTHS, take_with
from tests.site import build_site

# The new page kinds, on the sample report and on the two-article report (its figure: two values, one axis).
SAMPLE_PAGES = {name: PAGES[name] for name in ("quote", "figure", "quotes-index", "figures-index")}
TWO_PAGES = {"two-quote": "/quotes/rebuild/", "two-figure": "/figures/fighters/", "two-figures-index": "/figures/"}


@pytest.fixture(scope="module")
def bases(site, tmp_path_factory):
    """The sample site and the two-article site, served; each page of ours by its base URL."""
    two = build_site(two_articles.write(tmp_path_factory.mktemp("two")), tmp_path_factory.mktemp("two-site"))
    with serve(site.output) as sample, serve(two.output) as other:
        yield {**{name: sample + path for name, path in SAMPLE_PAGES.items()},
               **{name: other + path for name, path in TWO_PAGES.items()}}


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where screenshots go: $REPORT_ARTIFACTS (.ci/run sets it inside the clone), else under the basetemp."""
    folder = os.environ.get("REPORT_ARTIFACTS")
    if folder:
        return Path(folder)
    base = tmp_path_factory.getbasetemp()
    # Under pytest-xdist each worker has a basetemp of its own inside the run's: the run's, so one place to look.
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "artifacts"


ALL = [*SAMPLE_PAGES, *TWO_PAGES]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ALL)
def test_axe_finds_no_accessibility_violation(chromium, bases, name, scheme):
    """axe-core's WCAG 2.1 A and AA rules, colour contrast and the SVG's name included, in light and dark."""
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(bases[name])
    problems = axe_problems(page)
    context.close()
    assert problems == []


@pytest.mark.parametrize("name", ALL)
def test_no_sideways_scroll_on_a_phone_and_the_chart_fits(chromium, bases, name):
    context = chromium.new_context(viewport={"width": 320, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(bases[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    charts = page.evaluate("[...document.querySelectorAll('svg.chart__svg')].map(s => s.getBoundingClientRect())"
                           ".map(r => [r.left, r.right, r.height])")
    context.close()
    assert overflow <= 0, f"{name} is {overflow}px too wide"
    assert all(left >= 0 and right <= 320 and height > 20 for left, right, height in charts), charts
    assert charts or "quote" in name


@pytest.mark.parametrize("name", ALL)
def test_the_pages_read_without_javascript(chromium, bases, name):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(bases[name])
    assert page.locator("h1").is_visible()
    if "figure" in name:
        assert page.locator("svg.chart__svg").first.is_visible()
    if name.endswith("quote"):
        assert page.locator("mark.quoted").first.is_visible()
    context.close()


def test_the_quoted_words_are_marked_visibly_in_their_sentence(chromium, bases):
    for scheme in SCHEMES:
        context = chromium.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(bases["two-quote"])
        marks = page.locator("mark.quoted")
        assert marks.count() == 2
        assert marks.first.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)",
                                                                                        "transparent")
        context.close()


def test_screenshots_of_each_new_page_kind_are_saved_as_an_artifact(chromium, site, artifacts):
    """Every page kind of tests/browser/screenshots.py PAGES (the new ones among them), phone and desktop,
    light and dark."""
    with serve(site.output) as base:
        shots = [shot for scheme in SCHEMES for shot in take_with(chromium, base, artifacts, scheme=scheme)]
    print(f"\nscreenshots: {artifacts}")
    assert len(shots) == len(PAGES) * len(WIDTHS) * len(SCHEMES)
    for name in SAMPLE_PAGES:
        for width in WIDTHS:
            for scheme in SCHEMES:
                shot = artifacts / f"{name}-{width}-{scheme}.png"
                assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot
