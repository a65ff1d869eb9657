"""What holds for every site-wide view (generator/render/views.VIEWS: search, and each view added there), on the
sample report and on the other-region report, each built for a GitHub Pages project path (/repo/) and served
under it: the navigation of every page lists the view, its page reads without JavaScript, its links and
assets all answer from this host under the path, and in chromium it has no console error, no axe violation
in light or dark, and no sideways scroll on a phone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from generator import pipeline
from generator.render.views import VIEWS, View
from tests import factory
from tests.browser import axe_problems, serve
from tests.conftest import REGION_DATA, SAMPLE_DATA
from tests.site import Site, build_site

pytestmark = [pytest.mark.browser, pytest.mark.site]

REPORTS = {"cnn": SAMPLE_DATA, "puna": REGION_DATA}
PREFIX = "/repo"
PHONE = 390


@dataclass
class Built:
    """A report built for siteurl (http://127.0.0.1:PORT/repo) and served there."""

    name: str
    siteurl: str
    site: Site

    def url(self, view: View) -> str:
        """The address of a view's page."""
        return f"{self.siteurl}/{view.folder}/"


@pytest.fixture(scope="module", params=list(REPORTS))
def built(request, tmp_path_factory):
    """Each report, built with its links under /repo/ and served from a folder that holds it as repo/."""
    base = tmp_path_factory.mktemp(f"views-{request.param}")
    (base / "root").mkdir()
    with serve(base / "root", prefix="") as root:
        siteurl = root + PREFIX
        site = build_site(REPORTS[request.param], base / "build", siteurl)
        (base / "root" / PREFIX.strip("/")).symlink_to(site.output)
        yield Built(request.param, siteurl, site)


def each_view(test):
    """Run test once per view of the registry, named by the view's folder."""
    return pytest.mark.parametrize("view", VIEWS, ids=[view.folder for view in VIEWS])(test)


def _names(data: Path) -> set[str]:
    """The report's title and every name and alias of its actors and places (those of four letters or more)."""
    dataset = pipeline.validate(pipeline.load(data))
    names = {dataset.report.title}
    for entity in [*dataset.actors.values(), *dataset.places.values()]:
        names |= {entity.name, *entity.aliases}
    return {name for name in names if len(name) >= 4}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _nav_links(path: Path) -> list[str]:
    return [a["href"] for a in _soup(path).select("nav.site-nav a[href]")]


def test_every_view_has_its_page_in_each_report(built):
    """Each view in the registry is built at <folder>/ (the registry is not empty: search is in it)."""
    assert VIEWS
    for view in VIEWS:
        assert (built.site.output / view.folder / "index.html").is_file(), view.folder


@each_view
def test_the_navigation_of_every_page_lists_the_view_after_the_kinds(built, view):
    """Every page, of every kind (the 404 page too), lists the views in_nav last in its navigation, in the
    registry's order, and the view's own page marks its link as the current page; a view kept out of the
    navigation (search, which has a box on every page) is not listed, and the overview still leads to it."""
    listed = [built.url(other) for other in VIEWS if other.in_nav]
    pages = built.site.pages()
    assert len(pages) > 30
    for page in pages:
        links = _nav_links(page)
        assert len(links) > len(listed), page
        assert links[len(links) - len(listed):] == listed, page
        assert (built.url(view) in links) == view.in_nav, page
    own = _soup(built.site.output / view.folder / "index.html").select_one(f'nav.site-nav a[href="{built.url(view)}"]')
    if view.in_nav:
        assert own is not None and own.get("aria-current") == "page"
    else:
        overview = _soup(built.site.output / "index.html")
        targets = [a["href"] for a in overview.find_all("a", href=True)] + [
            f["action"] for f in overview.find_all("form", action=True)]
        assert built.url(view) in targets


@each_view
def test_the_view_reads_without_javascript(chromium, built, view):
    """With JavaScript off the page's main content has its heading, words and visible links, none of them
    only inside a <noscript>."""
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(built.url(view))
    headings = page.locator("main h1:visible").count()
    words = page.locator("main").inner_text().split()
    links = page.locator("main a[href]:visible").count()
    context.close()
    assert headings == 1 and len(words) >= 8, words
    assert links >= 1
    main = _soup(built.site.output / view.folder / "index.html").find("main")
    for fallback in main.find_all("noscript"):
        fallback.decompose()
    assert len(main.get_text(" ").split()) >= 8 and main.find("a", href=True), "content only in <noscript>"


@each_view
def test_the_view_shows_its_own_report_and_nothing_of_the_other(built, view):
    """Nothing of the example is built in: the page of one report names no actor or place of the other (a
    frame, a label or a default left from the sample would), and its words are its own report's."""
    html = (built.site.output / view.folder / "index.html").read_text("utf-8")
    (other,) = (data for name, data in REPORTS.items() if name != built.name)
    leaked = sorted(name for name in _names(other) - _names(REPORTS[built.name])
                    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", html))
    assert leaked == []


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, ""


def _targets(url: str, html: str) -> list[tuple[str, str]]:
    """Every (kind, absolute URL) a page links to ('a'), loads ('asset') or sends a form to ('a')."""
    document = BeautifulSoup(html, "html.parser")
    found = [("a", a["href"]) for a in document.find_all("a", href=True)]
    found += [("a", form["action"]) for form in document.find_all("form", action=True)]
    found += [("asset", tag["href"]) for tag in document.find_all("link", href=True)]
    found += [("asset", tag["src"]) for tag in document.find_all(["script", "img", "image", "source"], src=True)]
    return [(kind, urljoin(url, target)) for kind, target in found]


@each_view
def test_every_link_and_asset_of_the_view_works_under_the_project_path(built, view):
    """Each link and asset of the page on this host stays under /repo/ and answers 200, each fragment names an
    id there; the page loads nothing from another host."""
    status, html = _fetch(built.url(view))
    assert status == 200
    host, bodies = urlparse(built.siteurl).netloc, {built.url(view): html}
    targets = _targets(built.url(view), html)
    assert len(targets) > 10
    for kind, target in targets:
        address, fragment = urldefrag(target)
        if urlparse(address).netloc != host:
            assert kind == "a" and urlparse(address).scheme == "https", f"{target} is loaded from another host"
            continue
        assert urlparse(address).path.startswith(PREFIX + "/"), f"{target} escapes the project path"
        if address not in bodies:
            status, bodies[address] = _fetch(address)
            assert status == 200, f"{target} answered {status}"
        if fragment:
            assert f'id="{fragment}"' in bodies[address], f"{target} has no such anchor"


def _open(chromium, url: str, **options):
    """A page of a new context opened at url, once the network is idle, with what went wrong recorded."""
    context = chromium.new_context(**options)
    page = context.new_page()
    page.errors = []
    # Chromium asks the server's root for /favicon.ico on its own (the site has none, outside /repo/): not the page's.
    page.on("console", lambda message: message.type == "error" and not message.location.get("url", "").endswith(
        "/favicon.ico") and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("requestfailed", lambda request: page.errors.append(f"failed: {request.url}"))
    page.on("response", lambda response: response.status >= 400 and page.errors.append(
        f"{response.status}: {response.url}"))
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page


@each_view
def test_the_view_has_no_console_error_and_loads_only_from_this_host(chromium, built, view):
    """Under the site's Content-Security-Policy (not bypassed), nothing errs, fails, or comes from elsewhere."""
    context, page = _open(chromium, built.url(view), viewport={"width": 1280, "height": 900})
    errors, requests = page.errors, page.requests
    context.close()
    assert errors == []
    host = urlparse(built.siteurl).netloc
    assert requests and all(urlparse(url).netloc == host for url in requests), requests


@each_view
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_view(chromium, built, view, scheme):
    """axe-core's WCAG 2.1 A and AA rules and best practices, colour contrast included, in light and dark."""
    context, page = _open(chromium, built.url(view), color_scheme=scheme, viewport={"width": 1280, "height": 900},
                          bypass_csp=True)
    problems = axe_problems(page)
    context.close()
    assert problems == []


@each_view
def test_the_view_fits_a_phone(chromium, built, view):
    """No sideways scroll at 390 px, and nothing in the main content wider than the screen."""
    context, page = _open(chromium, built.url(view), viewport={"width": PHONE, "height": 844}, is_mobile=True,
                          has_touch=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(f"""[...document.querySelectorAll('main svg, main img')]
        .filter(e => e.getBoundingClientRect().right > {PHONE} + 1).map(e => e.outerHTML.slice(0, 80))""")
    context.close()
    assert overflow <= 0, f"{overflow}px too wide"
    assert wide == []


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """A report with nothing for a view to draw: one article, no facts, no dates, no coordinates."""
    data = factory.write(tmp_path_factory.mktemp("bare"))
    return build_site(data, tmp_path_factory.mktemp("bare-site"))


@each_view
def test_the_view_builds_and_says_something_for_a_report_with_nothing_to_draw(bare, view):
    """No event, date, coordinate or relationship: the page still builds (zero warnings), with its heading and
    words for the reader, and every SVG it draws has an accessible name."""
    main = _soup(bare.output / view.folder / "index.html").find("main")
    assert main.find("h1") and len(main.get_text(" ").split()) >= 8
    for svg in main.find_all("svg"):
        named = svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title")
        assert named or svg.get("aria-hidden") == "true", str(svg)[:200]
