"""Search in a real browser (Debian's chromium, driven by Playwright): the search page with Pagefind's index,
at the site root and under a GitHub Pages project path, with JavaScript off, and with hostile data."""

from __future__ import annotations

import json

import pytest

from generator import pipeline
from generator.render.meta import SECTIONS
from tests import factory, two_articles
from tests.browser import axe_problems, serve
from tests.conftest import SAMPLE_DATA
from tests.site import build_site

PREFIX = "/iraq-report"
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""
HEADLINE = "Iraqi-Kurdish clashes undermine the fight against ISIS as Iraq moves on al Qaim and Rawa"

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture(scope="module")
def project_base(tmp_path_factory):
    """The sample built for a project path (SITEURL http://127.0.0.1:<port>/iraq-report), served under it."""
    base = tmp_path_factory.mktemp("project-path")
    (base / "output").mkdir()
    with serve(base, prefix="") as root:
        siteurl = root + PREFIX
        built = build_site(SAMPLE_DATA, base / "build", siteurl)
        (base / PREFIX.strip("/")).symlink_to(built.output)
        yield siteurl


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    # Pagefind loads its WebAssembly and index on the first search: on a machine busy with other builds
    # that once took longer than Playwright's default 30 s.
    context.set_default_timeout(90_000)
    opened = context.new_page()
    opened.console_messages = []
    opened.on("console", lambda message: opened.console_messages.append(message.text))
    yield opened
    context.close()


def search(page, url: str, words: str) -> list[str]:
    """Open the search page for words (as the header's form sends them); the result links, in order."""
    page.goto(f"{url}/search/?q={words.replace(' ', '+')}")
    page.wait_for_selector("#search-status:has-text('result')")
    return page.locator(".search__result h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def policy_errors(page) -> list[str]:
    events = page.evaluate("() => new Promise((done) => setTimeout(() => done(window.__csp), 0))")
    return events + [text for text in page.console_messages if "Content Security Policy" in text]


@pytest.mark.parametrize(("words", "expected"), [("Peshmerga", "/actors/peshmerga/"),
                                                 ("Islamic State", "/actors/isis/")])
def test_search_finds_the_page_and_a_result_opens_it(page, base, words, expected):
    links = search(page, base, words)
    assert links[0] == expected, links
    assert page.locator("#search-status").inner_text().endswith(f"for \u201c{words}\u201d.")
    assert page.locator("#search-without-script").is_hidden()
    excerpt = page.locator(".search__excerpt").first
    assert excerpt.locator("mark").count() > 0, "the words are marked in the excerpt"
    page.locator(".search__result h2 a").first.click()
    page.wait_for_url(base + expected)
    assert page.locator("h1").inner_text() == {"/actors/peshmerga/": "Peshmerga", "/actors/isis/": "ISIS"}[expected]
    assert policy_errors(page) == []


def test_the_header_box_searches_from_any_page(page, base):
    page.goto(base + "/places/al-qaim/")
    page.fill("header input[type=search]", "Peshmerga")
    page.press("header input[type=search]", "Enter")
    page.wait_for_selector("#search-status:has-text('result')")
    assert page.url == base + "/search/?q=Peshmerga"
    assert "/actors/peshmerga/" in page.locator(".search__result h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")


def test_results_update_as_the_reader_types(page, base):
    search(page, base, "Peshmerga")
    page.fill("#search-q", "Islamic State")
    page.wait_for_selector("#search-status:has-text('Islamic State')")
    assert page.locator(".search__result h2 a").first.get_attribute("href") == "/actors/isis/"
    assert page.url.endswith("/search/?q=Islamic+State"), "the address keeps the words, to share or reload"


def test_a_kind_filter_narrows_the_results_and_says_how_many(page, base):
    everything = search(page, base, "Peshmerga")
    kinds = page.locator("input[name=kind]")
    assert kinds.count() >= 3
    label = page.locator("label:has(input[name=kind][value=actor])").inner_text()
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    page.check("input[name=kind][value=actor]")
    page.wait_for_selector(f"#search-status:has-text('{count} result')")
    narrowed = page.locator(".search__result h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(narrowed) == count < len(everything)
    assert all(link.startswith("/actors/") for link in narrowed), narrowed
    assert set(page.locator(".search__kind").all_text_contents()) == {"actor"}
    assert page.locator("#search-status").get_attribute("aria-live") == "polite"


def test_search_works_under_a_project_path(page, project_base):
    links = search(page, project_base, "Islamic State")
    assert links[0] == f"{project_base}/actors/isis/", links  # absolute, as every link of a SITEURL build
    page.locator(".search__result h2 a").first.click()
    page.wait_for_url(project_base + "/actors/isis/")
    assert page.locator("h1").inner_text() == "ISIS"
    assert policy_errors(page) == []


def test_the_two_article_site_searches_with_a_filter_by_article(page, tmp_path):
    data = two_articles.write(tmp_path)
    titles = sorted(source.title for source in pipeline.graph(data).dataset.sources.values())
    site = build_site(data, tmp_path / "b")
    with serve(site.output) as url:
        everything = search(page, url, "Northtown")
        assert "/places/northtown/" in everything
        offered = page.locator("input[name=article]").evaluate_all("boxes => boxes.map(b => b.value)")
        assert sorted(offered) == titles
        second = next(s for s in pipeline.graph(data).dataset.sources.values() if s.id == two_articles.SECOND)
        page.check(f"input[name=article][value={json.dumps(second.title)}]")
        page.wait_for_function("n => document.querySelectorAll('.search__result').length < n", arg=len(everything))
        narrowed = page.locator(".search__result h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert f"/sources/{two_articles.SECOND}/" in narrowed and f"/sources/{factory.ARTICLE_ID}/" not in narrowed
        assert policy_errors(page) == []


def test_an_excerpt_shows_markup_from_the_data_as_text(page, tmp_path):
    """A description holding HTML is shown as its characters in the result's excerpt, never as markup."""
    hostile = "Zorblax <img src=x onerror=window.__alerted=1> <b>bold</b> &amp; more"
    actors = [{**actor, "description": hostile} if actor["id"] == "red-army" else actor for actor in factory.ACTORS]
    data = factory.write(tmp_path, actors=actors)
    site = build_site(data, tmp_path / "b")
    with serve(site.output) as url:
        assert search(page, url, "Zorblax")[0] == "/actors/red-army/"
        excerpt = page.locator(".search__excerpt").first
        assert excerpt.locator("img, b, script").count() == 0
        assert excerpt.locator("mark").first.inner_text() == "Zorblax"
        assert "<b>bold</b>" in excerpt.inner_text()
        assert page.evaluate("() => window.__alerted === undefined")


def test_without_javascript_the_search_page_says_so_and_links_the_indexes(chromium, base):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/search/?q=Peshmerga")
    fallback = page.locator("#search-without-script")
    assert fallback.is_visible()
    assert "Search needs JavaScript" in fallback.inner_text()
    assert fallback.locator("a").all_inner_texts() == list(SECTIONS.values())  # every index, from the registry
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_search_page_with_results(chromium, base, scheme):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    search(page, base, "Peshmerga")
    problems = axe_problems(page)
    context.close()
    assert problems == []
