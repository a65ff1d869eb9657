"""The map page and a place page's locator in a real browser: no console error, no accessibility violation in
light and dark, no sideways scroll on a phone, readable without JavaScript, a marker that opens its place; the
same on a report in another region; and screenshots saved as an artifact ($REPORT_ARTIFACTS)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import factory
from tests.browser import axe_problems, serve
from tests.browser.screenshots import SCHEMES, WIDTHS, take_with
from tests.site import build_site
from tests.test_map import ANDES

pytestmark = [pytest.mark.browser, pytest.mark.site]

SAMPLE = {"map": "/map/", "locator": "/places/al-qaim/", "country-locator": "/places/iraq/"}
ANDES_PAGES = {"andes-map": "/map/", "andes-locator": "/places/santiago/"}


@pytest.fixture(scope="module")
def bases(site, tmp_path_factory):
    """The sample site and a report in the southern Andes, served; each page by its full URL."""
    data = factory.write(tmp_path_factory.mktemp("andes"), places=ANDES,
                         events=[factory.event("attack", "That day the Red Army attacked Northtown.",
                                               places=["northtown"])])
    andes = build_site(data, tmp_path_factory.mktemp("andes-site"))
    with serve(site.output) as sample, serve(andes.output) as other:
        yield {**{name: sample + path for name, path in SAMPLE.items()},
               **{name: other + path for name, path in ANDES_PAGES.items()}}


def opened(chromium, url: str, **options):
    """(context, page) with url loaded, console errors collected in page.errors."""
    context = chromium.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    return context, page


ALL = [*SAMPLE, *ANDES_PAGES]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ALL)
def test_axe_finds_no_violation_and_the_console_no_error(chromium, bases, name, scheme):
    context, page = opened(chromium, bases[name], color_scheme=scheme)
    errors = list(page.errors)
    context.close()
    context, page = opened(chromium, bases[name], color_scheme=scheme, bypass_csp=True)
    problems = axe_problems(page)
    context.close()
    assert errors == [] and problems == []


@pytest.mark.parametrize("name", ALL)
def test_the_map_fits_a_phone_and_reads_without_javascript(chromium, bases, name):
    context, page = opened(chromium, bases[name], viewport={"width": 390, "height": 844}, is_mobile=True,
                           java_script_enabled=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    boxes = page.evaluate("[...document.querySelectorAll('svg.map__svg')].map(s => s.getBoundingClientRect())"
                          ".map(r => [r.left, r.right, r.height])")
    context.close()
    assert overflow <= 0, f"{name} is {overflow}px too wide"
    assert len(boxes) == 1 and all(left >= 0 and right <= 390 and height > 50 for left, right, height in boxes), boxes


def test_a_marker_opens_its_place(chromium, bases):
    context, page = opened(chromium, bases["map"])
    marker = page.locator("a.map__marker[aria-label='al Qaim: 1 event']")
    assert marker.count() == 1
    marker.locator("circle.map__dot").click()
    page.wait_for_url("**/places/al-qaim/")
    assert page.locator("h1").inner_text() == "al Qaim"
    assert page.locator("svg.locator__svg title").text_content() == "Where al Qaim is, in Iraq: a dot marks it"
    context.close()


def test_the_andes_map_shows_its_own_places(chromium, bases):
    context, page = opened(chromium, bases["andes-map"])
    names = page.locator("a.map__marker").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    context.close()
    assert "Northtown: 1 event" in names and "Punta Arenas" in names and len(names) == len(ANDES)


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where screenshots go: $REPORT_ARTIFACTS, else under the basetemp."""
    folder = os.environ.get("REPORT_ARTIFACTS")
    return Path(folder) if folder else tmp_path_factory.getbasetemp() / "artifacts"


def test_screenshots_of_the_map_and_a_locator_are_saved(chromium, site, artifacts):
    with serve(site.output) as base:
        shots = [shot for scheme in SCHEMES for shot in take_with(chromium, base, artifacts, scheme=scheme,
                                                                   pages={"map": "/map/", "place": "/places/al-qaim/"})]
    assert len(shots) == 2 * len(WIDTHS) * len(SCHEMES)
    assert all(shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for shot in shots)


def test_the_buttons_zoom_move_and_reset_the_map(chromium, bases):
    context, page = opened(chromium, bases["map"])
    svg = page.locator("svg.map__svg")
    whole = svg.get_attribute("viewBox")
    page.get_by_role("button", name="Zoom in").click()
    zoomed = svg.get_attribute("viewBox")
    assert float(zoomed.split()[2]) == pytest.approx(float(whole.split()[2]) / 2, abs=0.1)
    page.get_by_role("button", name="Move east").click()
    assert float(svg.get_attribute("viewBox").split()[0]) > float(zoomed.split()[0])
    page.get_by_role("button", name="Reset: the whole map").click()
    assert svg.get_attribute("viewBox") == " ".join(f"{float(n):.1f}" for n in whole.split())
    errors = list(page.errors)
    context.close()
    assert errors == []
