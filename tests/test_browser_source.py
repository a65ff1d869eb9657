"""The article's page in a real browser (Debian's chromium, driven by Playwright): the evidence of a fact
highlighted on arrival, the facts beside each paragraph, and the page read without its stylesheet, on a
phone, and in light and dark with the colours of every state checked."""

from __future__ import annotations

import re

import pytest

from generator import pipeline
from tests import two_articles
from tests.browser import axe_problems, serve
from tests.conftest import SAMPLE_DATA
from tests.site import build_site

SOURCE = "/sources/cnn-2017-10-26-iraq-kurdish-clashes/"
EVENT = "/events/al-qaim-rawa-operation/"
FACT_FOLDERS = ("events", "quotes", "figures", "relationships")
WIDE = {"width": 1280, "height": 900}
HIGHLIGHTED = "() => [...new Set([...document.querySelectorAll('mark.is-target')].map(m => m.dataset.ev))].sort()"


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport=WIDE)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def facts_by_anchor(data, source_id: str) -> dict[str, list[set[str]]]:
    """For each anchor of the article: the set of anchors (in this article) of each fact it supports."""
    dataset = pipeline.graph(data).dataset
    found: dict[str, list[set[str]]] = {}
    for folder in FACT_FOLDERS:
        table = getattr(dataset, folder)
        for record in (table.values() if isinstance(table, dict) else table):
            spans = [s for version in (record, *getattr(record, "other_reports", ()))
                     for s in version.evidence if s.source == source_id]
            for span in spans:
                found.setdefault(span.anchor, []).append({s.anchor for s in spans})
    return found


def expected_highlight(facts: list[set[str]]) -> list[str]:
    """What arriving at a span highlights: the spans every fact it supports shares (one fact: all of its spans)."""
    return sorted(set.intersection(*facts))


def test_arriving_from_an_events_evidence_link_highlights_exactly_its_spans(base, desktop):
    """The event's evidence is two spans (¶1 and ¶8), the first split by a crossing span: all pieces, both spans."""
    event = pipeline.graph(SAMPLE_DATA).dataset.events["al-qaim-rawa-operation"]
    anchors = sorted(s.anchor for s in event.evidence)
    assert len(anchors) == 2
    desktop.goto(base + EVENT)
    desktop.locator("#evidence + ul a").first.click()
    desktop.wait_for_url("**/sources/**#ev-*")
    assert desktop.evaluate(HIGHLIGHTED) == anchors
    pieces = desktop.locator("mark.is-target")
    assert pieces.count() == desktop.locator(", ".join(f'mark[data-ev="{a}"]' for a in anchors)).count()
    target = desktop.locator(":target")
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")


def test_every_span_highlights_the_spans_its_facts_share_and_nothing_else(base, desktop):
    """Each anchor of the article in turn (hashchange): the highlighted spans are those the facts it supports all
    have, every piece of each; a span two facts share is highlighted alone unless they share more."""
    expected = facts_by_anchor(SAMPLE_DATA, SOURCE.strip("/").split("/")[1])
    assert any(len(facts) > 1 for facts in expected.values()), "the sample has words two facts cite"
    assert any(len(expected_highlight(facts)) > 1 for facts in expected.values()), "and facts of several spans"
    desktop.goto(base + SOURCE)
    for anchor, facts in sorted(expected.items()):
        desktop.evaluate(f"() => {{ location.hash = '{anchor}'; }}")
        desktop.wait_for_function(f"() => document.querySelector('mark.is-target[data-ev=\"{anchor}\"]')")
        assert desktop.evaluate(HIGHLIGHTED) == expected_highlight(facts), anchor
        wanted = ", ".join(f'mark[data-ev="{a}"]' for a in expected_highlight(facts))
        assert desktop.locator("mark.is-target").count() == desktop.locator(wanted).count(), anchor


def test_without_javascript_the_first_piece_is_highlighted(chromium, base):
    context = chromium.new_context(java_script_enabled=False, viewport=WIDE)
    page = context.new_page()
    event = pipeline.graph(SAMPLE_DATA).dataset.events["al-qaim-rawa-operation"]
    first, second = (s.anchor for s in event.evidence)
    page.goto(base + SOURCE + "#" + first)
    background = "e => getComputedStyle(e).backgroundColor"
    assert page.locator(f"#{first}").evaluate(background) not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(f"#{second}").evaluate(background) == "rgba(0, 0, 0, 0)"
    context.close()


def test_the_article_reads_without_its_stylesheet(chromium, base):
    """No CSS at all: each paragraph is followed by its facts, introduced by words naming the paragraph."""
    context = chromium.new_context(viewport=WIDE)
    page = context.new_page()
    page.route(re.compile(r".*\.css(\?.*)?$"), lambda route: route.abort())
    page.goto(base + SOURCE)
    assert page.evaluate("() => [...document.styleSheets].every(s => { try { return !s.cssRules.length; } "
                         "catch (e) { return true; } })"), "no stylesheet applies"
    pairs = page.evaluate("""() => [...document.querySelectorAll('details.paragraph-facts')].map(d => [
        d.previousElementSibling.id, d.querySelector('summary').innerText])""")
    assert len(pairs) >= 10
    for paragraph, summary in pairs:
        assert re.fullmatch(rf"Facts citing ¶{paragraph.removeprefix('p')} \(\d+\)", summary.strip()), (paragraph, summary)
    text = page.locator("main").inner_text()
    first = page.locator("#p1").inner_text()
    assert text.index(first) < text.index("Facts citing ¶1") < text.index(page.locator("#p2").inner_text())
    page.locator("#p1 + details summary").click()
    assert page.locator("#p1 + details li").first.is_visible()
    assert page.locator("#p1 + details li").first.inner_text().split(":")[0] in {"Event", "Quote", "Figure",
                                                                              "Relationship"}
    context.close()


def test_on_a_phone_the_facts_fold_under_each_paragraph_and_nothing_scrolls_sideways(base, phone):
    phone.goto(base + SOURCE)
    facts = phone.locator("#p1 + details.paragraph-facts")
    assert facts.evaluate("d => d.open") is False
    assert not facts.locator("li").first.is_visible()
    paragraph, summary = phone.locator("#p1").bounding_box(), facts.locator("summary").bounding_box()
    assert summary["y"] >= paragraph["y"] + paragraph["height"] - 1, "below its paragraph"
    assert summary["height"] >= 24, "a target a finger can hit (WCAG 2.5.8)"
    facts.locator("summary").tap()
    assert facts.locator("li").first.is_visible()
    phone.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_on_a_wide_screen_the_facts_stand_beside_each_paragraph(base, desktop):
    desktop.goto(base + SOURCE)
    for number in (1, 2, 5):
        paragraph = desktop.locator(f"#p{number}").bounding_box()
        facts = desktop.locator(f"#p{number} + details.paragraph-facts")
        box = facts.bounding_box()
        assert box["x"] >= paragraph["x"] + paragraph["width"], "beside, not below"
        assert abs(box["y"] - paragraph["y"]) < 24, "level with its paragraph"
        assert facts.locator("li").first.is_visible(), "shown without a click"
    assert desktop.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_article_with_a_fact_highlighted(chromium, base, scheme, width):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base + EVENT)
    page.locator("#evidence + ul a").first.click()
    page.wait_for_function("() => document.querySelectorAll('mark.is-target').length > 1")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_problems(page) == []
    context.close()


def luminance(rgb: tuple[int, ...]) -> float:
    channels = [c / 255 for c in rgb[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The colour of any CSS value, as the browser computes it (rgb(...)), through a scratch element.
RESOLVE = """value => { const e = document.createElement('i'); document.body.append(e); e.style.color = value;
    const c = getComputedStyle(e).color; e.remove(); return c.match(/[\\d.]+/g).map(Number); }"""
# Every background a link of the article's page can stand on: each link's nearest opaque background, and
# the highlights (a targeted span, a targeted paragraph), which a link inside them stands on when targeted.
BACKGROUNDS = """() => {
    const opaque = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;
        if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') return b; } return getComputedStyle(document.body).backgroundColor; };
    const found = new Set([...document.querySelectorAll('main a')].map(opaque));
    document.querySelectorAll('mark.evidence').forEach(m => m.classList.add('is-target'));
    found.add(getComputedStyle(document.querySelector('mark.evidence')).backgroundColor);
    document.querySelectorAll('mark.evidence').forEach(m => m.classList.remove('is-target'));
    return [...found]; }"""
# The colour of links once visited, from the stylesheet's own :visited rules (getComputedStyle never tells it).
VISITED = """() => [...document.styleSheets].flatMap(s => [...s.cssRules]).flatMap(r => r instanceof CSSMediaRule ? [...r.cssRules] : [r])
    .filter(r => r.selectorText && /(^|[\\s,])a:visited/.test(r.selectorText) && r.style.color)
    .map(r => r.style.color)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_visited_links_and_focus_outlines_keep_their_contrast_on_every_background(chromium, base, scheme):
    """axe does not see :visited: the visited colour of the stylesheet, resolved, against every background
    a link stands on (4.5:1), and the focus outline of a link in a highlighted span (3:1, WCAG 1.4.11)."""
    context = chromium.new_context(color_scheme=scheme, viewport=WIDE)
    page = context.new_page()
    page.goto(base + SOURCE + "#p3")
    backgrounds = [tuple(page.evaluate(RESOLVE, b)) for b in page.evaluate(BACKGROUNDS)]
    visited = [tuple(page.evaluate(RESOLVE, c)) for c in page.evaluate(VISITED)]
    assert visited and len(backgrounds) >= 3
    soft = tuple(page.evaluate(RESOLVE, page.locator("#p3").evaluate("e => getComputedStyle(e).backgroundColor")))
    for colour in visited:
        for background in [*backgrounds, soft]:
            assert contrast(colour, background) >= 4.5, (colour, background)
    page.goto(base + EVENT)
    page.locator("#evidence + ul a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('mark.is-target a')")
    page.keyboard.press("Tab")  # keyboard use: the browser shows focus from now on
    link = page.locator("mark.is-target a").first
    link.focus()
    assert link.evaluate("e => e.matches(':focus-visible')")
    outline = tuple(page.evaluate(RESOLVE, link.evaluate("e => getComputedStyle(e).outlineColor")))
    assert link.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    highlight = tuple(page.evaluate(RESOLVE, page.locator("mark.is-target").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")))
    for background in [*backgrounds, highlight]:
        assert contrast(outline, background) >= 3, (outline, background)
    context.close()


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The two-article report, built and served."""
    base = tmp_path_factory.mktemp("two-articles")
    data = two_articles.write(base)
    site = build_site(data, base / "b")
    with serve(site.output) as url:
        yield data, url


def test_the_two_article_report_lists_and_highlights_each_articles_own_facts(two, desktop):
    data, url = two
    second = two_articles.SECOND
    desktop.goto(f"{url}/sources/{second}/")
    summaries = desktop.locator("details.paragraph-facts summary").all_inner_texts()
    assert summaries == ["Facts citing ¶1 (2)", "Facts citing ¶2 (2)"]  # the event and whom Alice Smith opposes; the count, the quote
    expected = facts_by_anchor(data, second)
    event = desktop.locator('#p1 + details a[href$="/events/attack/"]')
    assert event.count() == 1
    for anchor, facts in sorted(expected.items()):
        desktop.goto(f"{url}/sources/{second}/#{anchor}")
        desktop.wait_for_function(f"() => document.querySelector('mark.is-target[data-ev=\"{anchor}\"]')")
        assert desktop.evaluate(HIGHLIGHTED) == expected_highlight(facts)
