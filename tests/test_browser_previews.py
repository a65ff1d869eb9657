"""Hover previews in a real browser (Debian's chromium, driven by Playwright): on keyboard focus and on
hover, hoverable, dismissible with Escape, absent on touch screens and without JavaScript, text only,
accessible in light and dark, and under a project path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests import two_articles
from tests.browser import axe_result, serve, violations
from tests.site import build_site

pytestmark = [pytest.mark.browser, pytest.mark.site]

TIP = "#report-preview"
ACTOR = "/actors/ryan-dillon/"
# A link in the page's text to another record's page (not a list, an index or a passage of an article).
ENTITY_LINK = re.compile(r"/(actors|places|events|sources)/[a-z0-9-]+/$")
HOSTILE = "<img src=x onerror=window.__xss=1>"


class Watched:
    """A desktop page, with every console error, uncaught exception and CSP violation it reports."""

    def __init__(self, context) -> None:
        self.context = context
        self.errors: list[str] = []
        context.add_init_script("document.addEventListener('securitypolicyviolation', "
                                "e => console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))")
        self.page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message) -> None:
        # The browser asks every site for /favicon.ico, which this one has none of: not the page's doing.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(f"{message.text} ({message.location.get('url')})")


@pytest.fixture
def watched(chromium):
    """A desktop page that must end its test without a console error, an exception or a CSP violation."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context)
    yield watched
    context.close()
    assert watched.errors == []


def fragment(output: Path, href: str) -> dict:
    """The preview the build wrote for the page an href (under the site root) opens."""
    return json.loads((output / href.strip("/") / "preview.json").read_text("utf-8"))


def heading(output: Path, href: str) -> str:
    """The h1 of the page an href opens, as the page shows it."""
    document = BeautifulSoup((output / href.strip("/") / "index.html").read_text("utf-8"), "html.parser")
    return document.h1.get_text()


def entity_links(page, scope: str = "main") -> list[str]:
    """The paths of the links in scope that open another record's page."""
    hrefs = page.eval_on_selector_all(f"{scope} a[href]", "links => links.map(a => {"
                                      "const url = new URL(a.getAttribute('href'), document.baseURI);"
                                      "return url.pathname + url.hash; })")  # an SVG link has no a.pathname
    return [href for href in hrefs if ENTITY_LINK.search(href)]


def hover(page, path: str) -> None:
    """Move the pointer onto the first link in <main> to path, and wait for its preview."""
    text_link(page, path).hover()
    page.locator(TIP).wait_for(state="visible")
    # Its fade-in (where motion is welcome) over, so that its colours are measured as they end.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")


def text_link(page, path: str):
    """The first visible text link in <main> to path (a folded list's are hidden; drawings have a test of their own)."""
    return page.locator(f'main a[href$="{path}"]:not(svg a) >> visible=true').first


def tab_to_entity_link(page) -> str:
    """Press Tab until keyboard focus is on a link to a record's page; its path."""
    for _ in range(80):
        page.keyboard.press("Tab")
        path = page.evaluate("document.activeElement.pathname + document.activeElement.hash || ''")
        if path and ENTITY_LINK.search(path) and page.evaluate("!!document.activeElement.closest('main')"):
            return path
    raise AssertionError("no link to a record's page within 80 presses of Tab")


def test_keyboard_focus_shows_the_linked_pages_preview_and_escape_closes_it(site, base, watched):
    page = watched.page
    page.goto(base + ACTOR)
    path = tab_to_entity_link(page)
    tip = page.locator(TIP)
    tip.wait_for(state="visible")
    expected = fragment(site.output, path)
    assert expected["title"] == heading(site.output, path)
    assert expected["title"] in tip.inner_text() and expected["summary"] in tip.inner_text()
    assert tip.get_attribute("role") == "tooltip"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "report-preview"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.pathname") == path, "Escape leaves focus where it was"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") is None


def test_a_preview_shown_on_hover_stays_while_the_pointer_is_on_it(site, base, watched):
    page = watched.page
    page.goto(base + ACTOR)
    path = entity_links(page, ".entity__body")[0]
    hover(page, path)
    tip = page.locator(TIP)
    assert fragment(site.output, path)["summary"] in tip.inner_text()
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(1000)  # longer than the delay before a preview the pointer left closes
    assert tip.is_visible(), "the pointer can move onto the preview"
    viewport = page.viewport_size
    assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    page.mouse.move(viewport["width"] - 2, viewport["height"] - 2, steps=4)
    tip.wait_for(state="hidden")


def test_a_link_inside_a_drawing_shows_its_preview_too(site, base, watched):
    """An SVG link (a box of the actor's network) has no string href: its preview comes from its attribute."""
    page = watched.page
    page.goto(base + ACTOR)
    node = page.locator("svg.network__svg a[href]").nth(1)  # the first box is this actor's own
    path = node.get_attribute("href")
    node.hover()
    tip = page.locator(TIP)
    tip.wait_for(state="visible")
    assert fragment(site.output, path)["title"] in tip.inner_text(), path


def test_escape_dismisses_a_hovered_preview_while_the_pointer_stays(base, watched):
    page = watched.page
    page.goto(base + ACTOR)
    path = entity_links(page, ".entity__body")[0]
    hover(page, path)
    page.keyboard.press("Escape")
    page.locator(TIP).wait_for(state="hidden")
    page.wait_for_timeout(800)
    assert not page.locator(TIP).is_visible(), "it stays dismissed while the pointer rests on the link"


def test_no_preview_on_a_touch_screen(chromium, base):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + ACTOR)
    assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    link = text_link(page, entity_links(page, ".entity__body")[0])
    link.hover()
    page.wait_for_timeout(1000)
    link.dispatch_event("pointerover", {"pointerType": "touch", "bubbles": True})
    page.wait_for_timeout(1000)
    assert page.locator(TIP).count() == 0 or not page.locator(TIP).is_visible()
    context.close()


def test_without_javascript_links_are_plain_links(chromium, base):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + ACTOR)
    path = entity_links(page, ".entity__body")[0]
    link = text_link(page, path)
    link.hover()
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert page.locator(TIP).count() == 0 and page.locator("[role=tooltip]").count() == 0
    assert link.get_attribute("aria-describedby") is None
    link.click()
    page.wait_for_url("**" + path)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_a_preview_open(chromium, base, scheme):
    """axe-core's WCAG 2.1 A and AA rules, contrast included, and its best practices, on the open preview."""
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base + ACTOR)
    hover(page, entity_links(page, ".entity__body")[0])
    result = axe_result(page)
    assert page.locator(TIP).is_visible(), "the preview was open while axe ran"
    context.close()
    assert violations(result) == []
    checked = [rule for rule in result["passes"] if rule["id"] == "color-contrast"]
    assert any(TIP.lstrip("#") in str(node["target"]) or "preview" in node["html"]
               for rule in checked for node in rule["nodes"]), "axe checked the preview's contrast"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The two-article report, its Red Army described and also called with markup, built under /report."""
    base = tmp_path_factory.mktemp("hostile")
    data = two_articles.write_marked_up(base, HOSTILE)
    served = base / "served"
    site = build_site(data, served, siteurl="/report")
    (served / "report").symlink_to(site.output, target_is_directory=True)
    with serve(served, prefix="/report") as url:
        yield site, url


def test_a_hostile_summary_and_infobox_show_as_text(hostile, watched):
    site, url = hostile
    page = watched.page
    page.goto(url + "/events/attack/")
    hover(page, "/report/actors/red-army/")
    tip = page.locator(TIP)
    assert f"The force that attacked. {HOSTILE} & <b>bold</b>" in tip.inner_text()
    assert HOSTILE in tip.locator("dd").all_inner_texts()
    assert tip.locator("img, b, script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_under_a_project_path_the_preview_loads_from_beside_the_linked_page(hostile, watched):
    site, url = hostile
    page = watched.page
    fetched = []
    page.on("request", lambda request: request.url.endswith(".json") and fetched.append(request.url))
    page.goto(url + "/actors/red-army/")
    path = entity_links(page, ".entity__body")[0]
    assert path.startswith("/report/")
    hover(page, path)
    assert fragment(site.output, path.removeprefix("/report"))["title"] in page.locator(TIP).inner_text()
    assert fetched == [url.removesuffix("/report") + path + "preview.json"]
