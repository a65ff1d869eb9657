"""The data page and the JSON-LD of every page kind in a real browser: no console error and no CSP violation
(a data block is never run, so the policy needs nothing for it), axe finds no violation in light and dark,
no sideways scroll on a phone, the downloads open, and screenshots are kept as an artifact."""

from __future__ import annotations

import json

import pytest

from tests.browser import axe_problems
from tests.browser.screenshots import PAGES, SCHEMES, WIDTHS, take_with
from tests.browser import serve
from tests.test_browser_pages import artifacts  # noqa: F401  (the screenshots' folder fixture)

# Every page kind, each with its JSON-LD block; the data page among them.
KINDS = ["overview", "actor", "place", "event", "source", "quote", "figure", "events-index", "data"]
_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
          "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def _keep_error(errors: list[str], message) -> None:
    # The browser asks every site for /favicon.ico, which this one has none of: not the page's doing.
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        errors.append(f"{message.text} ({message.location.get('url')})")


def _open(chromium, url: str, **options):
    context = chromium.new_context(**options)
    context.add_init_script(_WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: _keep_error(errors, message))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, errors


@pytest.mark.parametrize("name", KINDS)
def test_no_console_error_and_no_csp_violation_and_the_block_parses(chromium, base, name):
    """The page's one JSON-LD block parses in the browser too, and nothing complains."""
    context, page, errors = _open(chromium, base + PAGES[name])
    blocks = page.evaluate("[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                           ".map(s => s.textContent)")
    violations = page.evaluate("window.__csp")
    context.close()
    assert errors == [] and violations == []
    assert len(blocks) == 1 and json.loads(blocks[0])["@context"] == "https://schema.org"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_the_data_page(chromium, base, scheme):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base + PAGES["data"])
    problems = axe_problems(page)
    context.close()
    assert problems == []


def test_the_data_page_fits_a_phone_and_its_downloads_open(chromium, base):
    """No sideways scroll at 390px, without JavaScript; each download link answers with its file."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + PAGES["data"])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    links = page.evaluate("[...document.querySelectorAll('.group a')].map(a => a.href)")
    statuses = [page.request.get(link).status for link in links]
    context.close()
    assert overflow <= 0
    assert len(links) >= 10 and statuses == [200] * len(links)


def test_screenshots_of_the_data_page_are_saved_as_an_artifact(chromium, site, artifacts):  # noqa: F811
    with serve(site.output) as served:
        shots = [shot for scheme in SCHEMES
                 for shot in take_with(chromium, served, artifacts, scheme=scheme, pages={"data": PAGES["data"]})]
    assert len(shots) == len(WIDTHS) * len(SCHEMES)
    assert all(shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for shot in shots)
