"""Quote and figure pages and their indexes (issue #13): a quote's passage in each article with its words
marked; a figure's values side by side with who asserts each, never merged, and their chart, whose geometry
comes from the numbers; hostile text stays text, in the SVG too; long lists stay bounded."""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
from pathlib import Path

import jinja2
import pytest

from generator.render.views import NAV  # the views follow the kinds in the navigation
from generator import pipeline
from generator.model import Quantity
from generator.render import render
from generator.render import chart as charts
from generator.render.figure import CHART_LANES, figure_chart
from generator.render.lists import ENTRY_CAP, INDEX_ENTRIES_PER_PAGE, INLINE_CAP
from generator.site import JINJA_FILTERS
from tests import factory, two_articles
from tests.conftest import SAMPLE_DATA
from tests.site import build_site

ROOT = Path(__file__).resolve().parent.parent
SECOND = two_articles.SECOND
FIRST = factory.ARTICLE_ID


def field(page: str, name: str):
    """A JSON metadata field of a page."""
    return json.loads(re.search(rf"^{name}: (.*)$", page, re.MULTILINE).group(1))


def body(page: str) -> str:
    return page.split("\n\n", 1)[1]


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The two-article fixture: its graph and its rendered pages."""
    graph = factory.graph(two_articles.write(tmp_path_factory.mktemp("two")))
    return graph, render(graph)


@pytest.fixture(scope="module")
def sample():
    graph = pipeline.graph(SAMPLE_DATA)
    return graph, render(graph)


# ---- quotes ---------------------------------------------------------------------------------------

def test_a_quote_in_two_articles_is_one_page_with_each_articles_passage_marked(two):
    _, pages = two
    assert [p for p in pages if p.startswith("quotes/")] == ["quotes/rebuild.md"]
    page = pages["quotes/rebuild.md"]
    assert "Title: Alice Smith: “We will rebuild Northtown.”" in page
    assert "— [Alice Smith]({filename}/actors/alice-smith.md)" in page
    passages = [line for line in body(page).splitlines() if line.startswith("- ")]
    assert len(passages) == 2
    for passage, article in zip(passages, (FIRST, SECOND)):
        # The sentence around the span, the span marked, and a link to the span in its own article.
        assert passage.startswith('- Alice Smith said: “<mark class="quoted">We will rebuild Northtown.</mark>”')
        assert re.search(rf"\({{filename}}/sources/{article}\.md#ev-[0-9a-f]+\)\)$", passage), passage


def test_a_quote_page_shows_the_whole_sentence_around_its_evidence(sample):
    _, pages = sample
    page = pages["quotes/dillon-aware-of-tensions.md"]
    assert ("- A spokesman for the US-led coalition, US Army Col. Ryan Dillon, <mark class=\"quoted\">told CNN "
            "Thursday that the coalition was") in page
    infobox = {row["label"]: [i["text"] for i in row["items"]] for row in field(page, "Infobox")}
    assert infobox["Speaker"] == ["Ryan Dillon"] and infobox["To"] == ["CNN"]
    assert infobox["Date"] == ["26 October 2017"] and infobox["Reported in"] == ["CNN, 26 October 2017"]


def test_the_quotes_index_groups_by_speaker_and_links_each_quote(sample):
    _, pages = sample
    groups = field(pages["indexes/quotes.md"], "Groups")
    assert [g["title"] for g in groups] == ["Kurdistan Regional Government", "Pat Work", "Ryan Dillon",
                                            "US-led coalition"]
    dillon = next(g for g in groups if g["title"] == "Ryan Dillon")
    assert len(dillon["items"]) == 2
    assert all(i["url"].startswith("quotes/") and i["note"].endswith("CNN, 26 October 2017") for i in dillon["items"])


def test_a_quote_listed_on_another_page_links_to_its_page(two):
    _, pages = two
    assert "- [“We will rebuild Northtown.”]({filename}/quotes/rebuild.md)" in pages["actors/alice-smith.md"]


# ---- figures --------------------------------------------------------------------------------------

def test_two_articles_values_are_side_by_side_each_with_its_source_and_attribution_never_merged(two):
    _, pages = two
    page = pages["figures/fighters.md"]
    values = [line for line in body(page).splitlines() if line.startswith("- ")]
    assert values[0].startswith("- **300 fighters**: according to [Red Army]({filename}/actors/red-army.md); "
                                f"in [The Daily, 26 October 2017]({{filename}}/sources/{FIRST}.md)")
    assert values[1].startswith("- **500 fighters**: according to [Red Army]({filename}/actors/red-army.md); "
                                f"in [The Courier, 27 October 2017]({{filename}}/sources/{SECOND}.md)")
    assert "300 to 500" not in page and "400" not in body(page)
    entry = field(pages["indexes/figures.md"], "Groups")[0]["items"][0]
    assert entry["note"] == "300 fighters (according to Red Army) · 500 fighters (according to Red Army)"
    assert entry["url"] == "figures/fighters/" and len(entry["chart"]["marks"]) == 2


def test_a_figure_keeps_who_asserts_it(sample):
    _, pages = sample
    page = pages["figures/defenders-of-al-qaim-and-rawa.md"]
    assert "- **about 1,500 to 2,500 ISIS defenders**: [US-led coalition]({filename}/actors/us-led-coalition.md) " \
           "believes;" in page
    assert "(US-led coalition believes)" in field(page, "Chart")["title"]
    unnamed = pages["figures/abu-kamal-reserve.md"]
    assert "an unnamed source (“there are concerns”)" in unnamed
    assert field(unnamed, "Chart") is None  # a claim without a number has no chart, and says so in text


def test_the_two_articles_chart_places_each_value_on_one_shared_axis(two):
    _, pages = two
    chart = field(pages["figures/fighters.md"], "Chart")
    assert [t["label"] for t in chart["ticks"]] == ["0", "200", "400", "600"]
    left, right = chart["left"], chart["right"]
    x = [m["x"] for m in chart["marks"]]
    assert x == [round(left + 300 / 600 * (right - left), 1), round(left + 500 / 600 * (right - left), 1)]
    assert [m["label"] for m in chart["marks"]] == ["The Daily, 26 October 2017: 300",
                                                    "The Courier, 27 October 2017: 500"]
    assert chart["marks"][0]["y"] < chart["marks"][1]["y"] < chart["axis_y"]  # a lane each, above the axis


def _shapes(values: list[Quantity]) -> dict:
    return charts.chart("c", "t", [(str(i), v) for i, v in enumerate(values)])


def test_each_kind_of_value_has_its_shape_from_its_numbers():
    found = _shapes([Quantity("u", exact=100), Quantity("u", exact=50, approximate=True),
                     Quantity("u", minimum=20, maximum=80), Quantity("u", minimum=60), Quantity("u", maximum=30)])

    def x(value: float) -> float:
        return round(charts.SIDE + value / 150 * (charts.WIDTH - 2 * charts.SIDE), 1)

    dot, about, bar, at_least, at_most = found["marks"]
    assert [t["label"] for t in found["ticks"]][-1] == "150"  # past 100 by a step: an open end has room
    assert (dot["shape"], dot["x"], dot["about"]) == ("dot", x(100), False)
    assert (about["shape"], about["x"], about["about"]) == ("dot", x(50), True)
    assert (bar["shape"], bar["x1"], bar["x2"]) == ("range", x(20), x(80))
    assert (at_least["shape"], at_least["x"], at_least["x2"]) == ("at-least", x(60), found["right"])
    assert (at_most["shape"], at_most["x"], at_most["x1"]) == ("at-most", x(30), found["left"])


def test_the_axis_runs_from_zero_past_the_highest_value_in_round_steps():
    assert charts.axis([1500, 2500], False) == (0.0, 3000.0, 1000.0)
    assert charts.axis([300, 500], False) == (0.0, 600.0, 200.0)
    assert charts.axis([0], False) == (0.0, 1.0, 0.5)  # nothing but zero: still an axis
    assert charts.axis([0.3], False) == (0.0, 0.3, 0.1)  # no float noise: 0.3, not 0.30000000000000004
    assert charts.axis([10 ** 15], True)[1] > 10 ** 15


# ---- hostile text ---------------------------------------------------------------------------------

SAYS = {"by": "red-army", "verb": "says"}
HOSTILE = 'Fighters </title><script>alert(1)</script> & <b>"x"</b> *y* [z](http://e.vil)'
HOSTILE_OUTLET = "The <svg onload=alert(2)> Courier"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The two-article fixture with markup in the figure's claim and unit, the quote's words and an outlet's name."""
    base = tmp_path_factory.mktemp("hostile")
    words = "We <b>will</b> rebuild *Northtown* </mark>."
    paragraphs = [factory.PARAGRAPHS[0], f"The Red Army claimed that 300 {HOSTILE} took part. Alice Smith said: "
                  f"“{words}”"]
    data = factory.write(base, paragraphs=paragraphs,
                         actors=[*factory.ACTORS, {**two_articles.COURIER, "name": HOSTILE_OUTLET}],
                         figures=[factory.figure("fighters", HOSTILE, f"300 {HOSTILE} took part",
                                                 value={"exact": 300, "unit": HOSTILE}, attribution=SAYS)],
                         quotes=[factory.quote("rebuild", "alice-smith", words)])
    other = factory.figure("fighters", HOSTILE, "500 fighters took part", value={"exact": 500, "unit": "fighters"},
                           attribution=SAYS)
    two_articles.second_article(data, figures=[other], quotes=[], events=[], relationships=[])
    graph = factory.graph(data)
    return graph, render(graph)


class _Tree(html.parser.HTMLParser):
    """The elements and the text of an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def chart_html(chart: dict) -> str:
    """The chart as the theme draws it: the real macro, in Jinja with autoescape as Pelican runs it."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    environment.filters.update(JINJA_FILTERS)
    return environment.from_string('{% import "macros/chart.html" as c %}{{ c.chart(chart) }}').render(chart=chart)


def test_hostile_text_in_a_chart_is_text_in_its_title_and_labels(hostile):
    graph, _ = hostile
    drawn = chart_html(figure_chart(graph, graph.dataset.figures["fighters"], CHART_LANES))
    tree = _Tree()
    tree.feed(drawn)
    tags = [tag for tag, _ in tree.tags]
    assert "script" not in tags and "b" not in tags and tags.count("svg") == 1 and tags.count("title") == 1
    assert not any(name.startswith("on") for _, attrs in tree.tags for name in attrs)
    text = "".join(tree.text)
    assert HOSTILE in text and "The <svg onload=alert(2)> Courier, 27 October 2017: 500" in text


def test_hostile_text_on_quote_and_figure_pages_is_escaped_markdown(hostile):
    _, pages = hostile
    quote, figure = pages["quotes/rebuild.md"], pages["figures/fighters.md"]
    for page in (quote, figure):
        assert "<b>" not in body(page) and "<script>" not in body(page) and "](http://e.vil)" not in body(page)
    # The quote's words, marked: only our <mark> is markup; the data's own </mark> is text.
    assert body(quote).count("<mark") == 1 and body(quote).count("</mark>") == 1
    assert "&lt;script&gt;" in body(figure) and "&lt;b&gt;will&lt;/b&gt;" in body(quote)


# ---- bounded --------------------------------------------------------------------------------------

MANY = ENTRY_CAP + 10  # articles giving one figure, more than a page's list shows


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """One figure reported by MANY articles (values 1 to MANY), and one speaker with more quotes than an index
    page holds."""
    base = tmp_path_factory.mktemp("many")
    count = INDEX_ENTRIES_PER_PAGE + 20
    paragraphs = [*factory.PARAGRAPHS, *(f"Alice Smith said: “Number {n:04d} is done.”" for n in range(count))]
    quotes = [factory.quote(f"q-{n:04d}", "alice-smith", f"Number {n:04d} is done.") for n in range(count)]
    figure = factory.figure("fighters", "Fighters who took part", "300 fighters took part",
                            value={"exact": 300, "unit": "fighters"}, attribution=SAYS)
    data = factory.write(base, paragraphs=paragraphs, quotes=quotes, figures=[figure],
                         actors=[*factory.ACTORS, two_articles.COURIER])
    for n in range(1, MANY):
        article = f"courier-2017-11-{n:04d}"
        factory._dump(data / "articles" / f"{article}.yaml", {
            "source": {"id": article, "title": f"Report {n}", "outlet": "courier", "published": "2017-10-27",
                       "language": "en", "paragraphs": [f"The Red Army said {n} fighters took part."]},
            "figures": [factory.figure("fighters", "Fighters who took part", f"{n} fighters took part",
                                       value={"exact": n, "unit": "fighters"}, attribution=SAYS)]})
    graph = factory.graph(data)
    return graph, render(graph)


def test_a_figure_many_articles_report_is_bounded_on_its_page_its_chart_and_the_index(many):
    _, pages = many
    page = pages["figures/fighters.md"]
    assert len([line for line in body(page).splitlines() if line.startswith("- ")]) == ENTRY_CAP
    assert "All 60 reports of Fighters who took part" in page
    full = [p for p in pages if p.startswith("figures/fighters/values")]
    assert full and sum(p.count("\n- ") for p in (pages[f] for f in full)) == MANY
    chart = field(page, "Chart")
    assert len(chart["marks"]) == CHART_LANES and chart["more"] == MANY - CHART_LANES
    entry = field(pages["indexes/figures.md"], "Groups")[0]["items"][0]
    assert len(entry["chart"]["marks"]) == INLINE_CAP
    assert entry["note"].endswith(f"and {MANY - INLINE_CAP} more reports")


def test_a_speaker_with_more_quotes_than_an_index_page_holds_is_paginated(many):
    _, pages = many
    first, second = field(pages["indexes/quotes.md"], "Groups"), field(pages["indexes/quotes-page-2.md"], "Groups")
    assert sum(len(g["items"]) for g in first) == INDEX_ENTRIES_PER_PAGE
    assert second[0]["title"] == "Alice Smith" and second[0]["continued"] is True
    assert sum(len(g["items"]) for g in first + second) == INDEX_ENTRIES_PER_PAGE + 20


# ---- the built site -------------------------------------------------------------------------------

def _nav(page: str) -> list[str]:
    nav = page.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">([^<>]+)</a>", nav)


def test_the_sample_site_has_quote_and_figure_pages_and_both_indexes_in_the_navigation(site):
    for path in ("quotes/index.html", "figures/index.html", "quotes/dillon-aware-of-tensions/index.html",
                 "figures/defenders-of-al-qaim-and-rawa/index.html"):
        page = (site.output / path).read_text(encoding="utf-8")
        assert _nav(page)[-2 - len(NAV):len(_nav(page)) - len(NAV)] == ["Quotes", "Figures"], path
    figure = (site.output / "figures/defenders-of-al-qaim-and-rawa/index.html").read_text(encoding="utf-8")
    assert '<svg class="chart__svg" role="img" aria-labelledby="chart-defenders-of-al-qaim-and-rawa-title"' in figure
    assert '<line class="chart__bar" x1="' in figure
    index = (site.output / "figures/index.html").read_text(encoding="utf-8")
    assert index.count("<svg") == 2  # the two figures with a number; the claims without one have no chart


@pytest.mark.site
def test_the_two_article_site_builds_without_a_warning_with_both_values_drawn(tmp_path):
    built = build_site(two_articles.write(tmp_path), tmp_path / "b")  # fails on any Pelican warning
    figure = (built.output / "figures/fighters/index.html").read_text(encoding="utf-8")
    assert figure.count('<circle class="chart__dot"') == 2
    assert "300 fighters" in figure and "500 fighters" in figure
    quote = (built.output / "quotes/rebuild/index.html").read_text(encoding="utf-8")
    assert quote.count('<mark class="quoted">We will rebuild Northtown.</mark>') == 2
    assert _nav(quote)[-2 - len(NAV):len(_nav(quote)) - len(NAV)] == ["Quotes", "Figures"]


def test_the_ci_screenshot_folder_is_ignored_by_git():
    result = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", "-q", "test-artifacts/x.png"])
    assert result.returncode == 0, "add test-artifacts/ to .gitignore"
