"""The network in a real browser (Debian's chromium, driven by Playwright): the network page and an actor's
one-hop network have no console error, no axe violation in light or dark, no sideways scroll on a phone,
show their drawing with JavaScript off, and their boxes are links a keyboard reaches by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import axe_problems
from tests.browser.screenshots import WIDTHS, take_with

pytestmark = [pytest.mark.browser, pytest.mark.site]

PAGES = {"network": "/network/", "actor-network": "/actors/iraqi-security-forces/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation_and_the_console_no_error(chromium, base, name, scheme):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors = []
    # The browser asks every site for /favicon.ico, which this one has none of: not the page's doing.
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            and not message.location.get("url", "").endswith("/favicon.ico") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + PAGES[name])
    assert page.locator("svg.network__svg").count() == 1
    problems = axe_problems(page)
    context.close()
    assert problems == [] and errors == []


@pytest.mark.parametrize("name", list(PAGES))
def test_no_sideways_scroll_on_a_phone_and_the_drawing_fits(chromium, base, name):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + PAGES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    box = page.locator("svg.network__svg").bounding_box()
    context.close()
    assert overflow <= 0, f"{name} is {overflow}px too wide"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] > 20


def test_the_drawing_shows_without_javascript_and_its_boxes_link_to_the_actors(chromium, base):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/network/")
    assert page.locator("svg.network__svg").is_visible()
    peshmerga = page.get_by_role("link", name="Peshmerga (armed force)")
    assert peshmerga.count() == 1
    peshmerga.click()
    page.wait_for_url("**/actors/peshmerga/")
    assert page.locator("h1").inner_text() == "Peshmerga"
    context.close()


def test_screenshots_of_the_network_pages_are_saved_as_an_artifact(chromium, base, tmp_path_factory):
    target = Path(os.environ.get("REPORT_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    shots = take_with(chromium, base, target, pages=PAGES)
    assert len(shots) == len(PAGES) * len(WIDTHS)
    assert all(shot.stat().st_size > 5000 for shot in shots)
