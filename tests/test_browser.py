"""The site in a real browser (Debian's chromium, driven by Playwright), as readers use it."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from tests import tools
from tests.browser import axe_problems
from tests.conftest import SAMPLE_DATA
from tests.site import publish_site

ROOT = Path(__file__).resolve().parent.parent
PAGE_KINDS = {
    "overview": "/",
    "actor": "/actors/ryan-dillon/",
    "place": "/places/al-qaim/",
    "event": "/events/al-qaim-rawa-operation/",
    "source": "/sources/cnn-2017-10-26-iraq-kurdish-clashes/",
    "index": "/events/",
}

# Without chromium these fail (never skip), saying how to install it: `make test` does.
# A published site's address: the browser is answered from output/ for it, never from the network.
PUBLISHED = "https://example.org/report"
# What the printed pages must show: the article's headline, an event's title and the address of its
# context's citation (a link that leaves the site).
HEADLINE = "Iraqi-Kurdish clashes undermine the fight against ISIS as Iraq moves on al Qaim and Rawa"
EVENT_TITLE = "Iraqi operation to capture al Qaim and Rawa"
EXTERNAL = "https://en.wikipedia.org/wiki/2017_Western_Iraq_campaign"


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_reads_without_javascript(chromium, base, kind):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + PAGE_KINDS[kind])
    assert page.locator("h1").is_visible()
    assert len(page.locator("main").inner_text()) > 200
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(site, base, phone):
    """Every page of the site fits a 360-pixel-wide screen."""
    for html in site.pages():
        phone.goto(base + "/" + html.relative_to(site.output).as_posix())
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{html} is {overflow}px too wide"


def test_an_evidence_link_opens_the_article_with_the_span_highlighted(base, desktop):
    desktop.goto(base + PAGE_KINDS["event"])
    desktop.locator("#evidence + ul a").first.click()
    desktop.wait_for_url("**/sources/**#ev-*")
    target = desktop.locator(":target")
    assert target.evaluate("e => e.tagName") == "MARK"
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert target.is_visible() and target.evaluate("e => e.getBoundingClientRect().top >= 0")
    assert "Iraqi troops launch an operation to capture" in target.inner_text()


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(base, desktop):
    desktop.goto(base + PAGE_KINDS["actor"])
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert desktop.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"


def test_focus_is_visible(base, desktop):
    desktop.goto(base + PAGE_KINDS["actor"])
    for _ in range(3):
        desktop.keyboard.press("Tab")
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def _luminance(rgb: str) -> float:
    red, green, blue = (int(part) / 255 for part in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("scheme, dark", [("light", False), ("dark", True)])
def test_colours_follow_the_system_setting(chromium, base, scheme, dark):
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base + "/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (_luminance(background) < 0.3) is dark
    context.close()


def test_print_hides_navigation_and_keeps_the_text(base, desktop):
    desktop.emulate_media(media="print")
    desktop.goto(base + PAGE_KINDS["source"])
    assert not desktop.locator(".site-nav").is_visible()
    assert desktop.locator(".article-text").is_visible()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample built for publishing at PUBLISHED: every link of the site is absolute."""
    return publish_site(SAMPLE_DATA, tmp_path_factory.mktemp("published"), PUBLISHED)


def _open_at(context, siteurl: str, output: Path) -> None:
    """Answer every request under siteurl from output/, as the host would: the browser reads the
    published site at its own address, links and all, and nothing goes to the network."""
    prefix = urlsplit(siteurl).path.rstrip("/") + "/"

    def fulfil(route):
        rel = urlsplit(route.request.url).path.removeprefix(prefix)
        file = output / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        route.fulfill(path=str(file)) if file.is_file() else route.fulfill(status=404, body="not found")
    context.route(siteurl + "/**", fulfil)


def _printed(page, url: str) -> tuple[str, list[str]]:
    """The text of the page printed to PDF (whitespace removed, as the PDF breaks lines anywhere),
    and the addresses of the links in its <main>, resolved."""
    page.goto(url)
    links = page.eval_on_selector_all("main a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return squeezed("".join(sheet.extract_text() for sheet in pdf.pages)), links


@pytest.mark.parametrize("build", ["relative", "published"])
def test_print_writes_out_only_the_addresses_of_links_that_leave_the_site(request, chromium, build):
    """Printed to PDF by chromium, on a local and on a published build: the text is there, an external
    address follows its link, and no link to the site's own pages has its address written out."""
    context = chromium.new_context()
    if build == "published":
        root = PUBLISHED
        _open_at(context, root, request.getfixturevalue("published").output)
    else:
        root = request.getfixturevalue("base")
    page = context.new_page()
    page.emulate_media(media="print")
    article, _ = _printed(page, root + PAGE_KINDS["source"])
    event, links = _printed(page, root + PAGE_KINDS["event"])
    context.close()
    assert squeezed(HEADLINE) in article
    assert squeezed(EVENT_TITLE) in event and f"<{EXTERNAL}>" in event
    internal = [href for href in links if href.startswith(root + "/")]
    assert len(internal) > 10 and EXTERNAL in links
    shown = [href for href in internal if href in event or href.removeprefix(root) in event]
    assert shown == [], "a link to the site's own page has its address written out"
    assert urlsplit(root).netloc not in event + article


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_accessibility_violation(chromium, base, kind, scheme):
    """axe-core's WCAG 2.1 A and AA rules, colour contrast included, in light and dark mode."""
    # axe-core goes in as an inline script, which the site's Content-Security-Policy rightly refuses.
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base + PAGE_KINDS[kind])
    problems = axe_problems(page)
    context.close()
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_links_in_a_highlighted_passage_keep_aa_contrast(chromium, base, scheme):
    """Every passage of the article highlighted at once, as arriving from its evidence link highlights one:
    its words and the names linked in it stay readable (WCAG AA, 4.5:1), in light and dark mode."""
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base + PAGE_KINDS["source"])
    page.evaluate("() => document.querySelectorAll('mark.evidence').forEach(m => m.classList.add('is-target'))")
    assert page.locator("mark.evidence.is-target a").count() > 5, "names are linked inside highlighted passages"
    page.add_script_tag(path=str(tools.npm_tool("axe-core/axe.min.js")))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})")
    context.close()
    failing = [node["html"][:80] for violation in result["violations"] for node in violation["nodes"]]
    assert failing == []


def test_a_split_span_is_highlighted_whole_where_javascript_runs(base, desktop):
    """Where two spans cross, one is split; opening it highlights every piece, not just the first."""
    desktop.goto(base + PAGE_KINDS["source"])
    split = desktop.evaluate("""() => {
        const counts = {};
        document.querySelectorAll('mark[data-ev]').forEach(m => counts[m.dataset.ev] = (counts[m.dataset.ev] || 0) + 1);
        return Object.keys(counts).find(ev => counts[ev] > 1);
    }""")
    assert split, "the sample article has crossing spans"
    desktop.goto(base + PAGE_KINDS["source"] + "#" + split)
    pieces = desktop.locator(f'mark[data-ev="{split}"]')
    assert pieces.count() > 1
    for index in range(pieces.count()):
        colour = pieces.nth(index).evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), index


def test_nothing_is_loaded_from_another_site(site, base, chromium):
    """Every request any page makes goes to the site itself: no CDN, no web fonts, no trackers."""
    context = chromium.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for html in site.pages():
        page.goto(base + "/" + html.relative_to(site.output).as_posix())
    context.close()
    assert requested and all(url.startswith(base) for url in requested), [u for u in requested if not u.startswith(base)]
