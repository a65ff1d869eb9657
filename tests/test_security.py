"""Untrusted data: markup in any field of the YAML renders as inert text on every page it reaches.

The site is the red team's (tests/redteam.py); tests/test_redteam_render.py asserts each case's
exact outcome on it, these the properties that must hold on every page whatever the case.
"""

from __future__ import annotations

import contextlib
import json
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator import page_meta
from generator.render.views import VIEWS
from generator.markdown_text import one_line
from tests import redteam
from tests import tools
from tests.browser import CHROMIUM_ARGS, serve

@pytest.fixture(scope="module")
def hostile_site():
    """The red team's hostile site (tests/redteam.py): every payload family in every text and URL field."""
    return redteam.sites()[0].site


def test_the_payload_reaches_many_pages(hostile_site):
    """Guards the checks below: the hostile text is shown, as text, all over the site."""
    shown = [p for p in hostile_site.pages() if "<script>window.__xss=1</script>" in
             BeautifulSoup(p.read_text(), "html.parser").get_text()]
    assert len(shown) == len(hostile_site.pages()), "the report title is on every page"


def test_no_page_has_a_script_an_image_or_an_event_handler(hostile_site):
    for page in hostile_site.pages():
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # The only scripts are the theme's own files (previews on every page, report.js on article
        # pages, search.js on the search page, timeline.js beside a timeline, map.js on the map page); data
        # never adds one.
        # JSON-LD data blocks are never run (render/jsonld.py); their text can never hold a "<" to close them.
        blocks = document.find_all("script", type="application/ld+json")
        assert all("<" not in block.string and ">" not in block.string for block in blocks), page
        scripts = [s.get("src", "inline") for s in document.find_all("script") if s not in blocks]
        assert all(src.endswith(("/theme/js/report.js", "/theme/js/previews.js", "/theme/js/search.js",
                                 "/theme/js/timeline.js", "/theme/js/map.js")) for src in scripts), (page, scripts)
        assert document.find_all(["img", "iframe", "object", "embed", "style"]) == [], page
        for element in document.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (page, element.name, handlers)
            assert not str(element.get("href", "")).lower().startswith("javascript:"), page


def test_structured_metadata_stays_valid_json(hostile_site):
    """The JSON the generator writes for the theme survives hostile text intact."""
    for page in hostile_site.content.rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith(tuple(f"{name}: " for name in page_meta.LAYOUT)):
                json.loads(line.split(": ", 1)[1])


@contextlib.contextmanager
def _site_at_its_address(site):
    """Chromium, with the site's own address (SITEURL's host) resolved to a local server of output/."""
    from playwright.sync_api import sync_playwright

    address = urlsplit(redteam.SITEURL)
    served = site.output.parent / "served"
    served.mkdir(exist_ok=True)
    if not (served / address.path.strip("/")).exists():
        (served / address.path.strip("/")).symlink_to(site.output, target_is_directory=True)
    with serve(served) as base, sync_playwright() as playwright:
        rules = f"--host-resolver-rules=MAP {address.hostname} {urlsplit(base).netloc}"
        chromium = playwright.chromium.launch(executable_path=tools.chromium(), headless=True,
                                              args=[*CHROMIUM_ARGS, rules])
        try:
            yield chromium
        finally:
            chromium.close()


def _browsed(site) -> list:
    """The pages that hold the families' fields, the indexes, and one sample page of each other kind
    (the sample's pages hold only the report's title and summary, the same on each)."""
    pages = [p for p in site.pages() if "/rt" in p.as_posix() or p.parent == site.output
             or p.parent.parent == site.output]
    for kind in ("actors", "places", "events", "sources", "quotes", "figures"):
        pages.append(next(p for p in site.pages() if p.parent.parent.name == kind and "/rt" not in p.as_posix()))
    return sorted(set(pages))


def test_nothing_runs_in_a_real_browser(hostile_site):
    """The pages opened in chromium, every element sent the events handlers wait for: nothing ran.

    Chromium parses the pages itself, so this also catches markup that the HTML parser of the other
    tests would read differently."""
    fired, elsewhere = [], []
    with _site_at_its_address(hostile_site) as chromium:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: request.url.startswith(redteam.SITEURL) or elsewhere.append(request.url))
        browsed = _browsed(hostile_site)
        # Each family's 6 pages, the overview, the 404 page, each view's page and the 6 indexes, and a
        # sample page of each kind.
        assert len(browsed) == 6 * len(redteam.FAMILIES) + 2 + len(VIEWS) + 6 + 6, [p.name for p in browsed]
        for html in browsed:
            page.goto(f"{redteam.SITEURL}/{html.relative_to(hostile_site.output).as_posix()}")
            # Fire the events an inline handler would wait for, on every element of the page.
            page.evaluate("""() => document.querySelectorAll('*').forEach(element => {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load']) {
                    element.dispatchEvent(new Event(type, {bubbles: false, cancelable: true}));
                }
            })""")
            assert page.evaluate("window.__xss") is None, html
    assert fired == [] and elsewhere == []


def test_the_feed_and_the_sitemap_are_well_formed_xml_that_shows_the_titles_as_text(hostile_site):
    """Hostile titles and summaries reach the Atom feed (a publish build) escaped, as the text they are."""
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(hostile_site.output / "feed.atom").getroot()
    titles = {entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")}
    expected = {one_line(redteam.Values(hostile=True).text(i, "source.title")) for i in range(len(redteam.FAMILIES))}
    assert expected <= titles
    assert feed.find(f"{atom}title").text == one_line(redteam.Values(hostile=True).text(0, "report.title"))
    ElementTree.parse(hostile_site.output / "sitemap.xml")
