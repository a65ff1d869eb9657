"""Red team: every payload family in every text and URL field, one test per case, each with its exact outcome.

In the spirit of html-proofer's and Bleach's own suites. The cases run on two whole Pelican builds
from YAML, through validation (tests/redteam.py): the hostile site, with family i's payload at the
start of every field of its own actor, place and article, and its plain twin. Each case asserts
that wherever the twin shows the field's plain value, the hostile site shows exactly the payload,
as text; each page, that it has exactly its twin's elements, attributes, links and fragment ids;
the build, that output/ holds exactly the expected files. Addresses that fail validation are cases
of their own, each with its exact message. Bidi overrides, which validation rejects, are planted
in the validated model and rendered in memory, to prove rendering isolates them anyway.
"""

from __future__ import annotations

import copy
import functools
import re
import shutil
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup, NavigableString

from generator import evidence, pipeline
from generator.link import link
from generator.markdown_text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from generator.render import render
from generator.wording import first_sentence
from tests import model_fields, redteam
from tests.conftest import ARTICLE, SAMPLE_DATA, edit, line_of, problems
from tests.memory_site import MemorySite
from tests.redteam import FAMILIES, NOT_SHOWN, TEXT_FIELDS, URL_FIELDS, URL_PAYLOADS, Values

ISOLATES = str.maketrans("", "", FIRST_STRONG_ISOLATE + POP_DIRECTIONAL_ISOLATE)
HOSTILE, PLAIN = Values(hostile=True), Values(hostile=False)
FAMILY_INDEX = {name: i for i, name in enumerate(FAMILIES)}


# --- the two sites, side by side --------------------------------------------------------------------------

def _piece(values: Values, family: int, field_name: str) -> str:
    """The one family's part of a value (the report's fields hold every family's part)."""
    return values.piece(family, field_name)


# The pages that list actors and places with the first sentence of their description.
LISTINGS = {"index.html", "actors/index.html", "places/index.html"}
DESCRIPTIONS = {"actor.description", "place.description"}


@functools.cache
def _text_map(listing: bool = False) -> dict[str, str]:
    """Each plain value of a text field -> the hostile value, for every family and field; on a
    listing, a description's first sentence ("2017. A year" is listed as "2017.")."""
    pairs = {_piece(PLAIN, i, f): _piece(HOSTILE, i, f) for i in range(len(FAMILIES)) for f in TEXT_FIELDS}
    if listing:
        pairs |= {_piece(PLAIN, i, f): first_sentence(_piece(HOSTILE, i, f))
                  for i in range(len(FAMILIES)) for f in DESCRIPTIONS}
    pairs |= {PLAIN.url(i, f): HOSTILE.url(i, f) for i in range(len(FAMILIES)) for f in URL_FIELDS}
    return pairs


@functools.cache
def _attribute_map() -> dict[str, str]:
    """Plain hrefs -> the href the hostile site must write, from the literal table; and evidence anchors."""
    pairs = {PLAIN.url(i, f): URL_PAYLOADS[HOSTILE.url(i, f)] for i in range(len(FAMILIES)) for f in URL_FIELDS}
    for i in range(len(FAMILIES)):  # the quote's evidence quotes the payload, so its anchor differs
        said = "They said: {}"
        pairs[evidence.anchor(said.format(_piece(PLAIN, i, "quote.text")))] = \
            evidence.anchor(said.format(_piece(HOSTILE, i, "quote.text")))
    return pairs


# What the plain twin's values look like, and its evidence anchors: each is looked up in a map.
PLAIN_VALUE = re.compile(r"Plain words t\d\dx\d\d|https://example\.org/plain/t\d\dx\d\d")
ANCHOR = re.compile(r"ev-[0-9a-f]{10}")


def _replace(text: str, pairs: dict[str, str], pattern: re.Pattern = PLAIN_VALUE) -> str:
    return pattern.sub(lambda m: pairs.get(m.group(), m.group()), text)


@dataclass(frozen=True)
class Element:
    """An element of a page: its tag, its attributes, its own text and all its text."""

    tag: str
    attrs: tuple
    own: str
    text: str


def _outline(html: str, key) -> list[Element]:
    """The elements of a page in order, <bdi> unwrapped, list items sorted by key (names sort lists)."""
    document = BeautifulSoup(html, "html.parser")
    # A drawing (the map, a timeline, a network) sizes its boxes and places or cuts its labels by the length of
    # the names (the map lists the labels that found no room), so twins differ there by design; hostile names in
    # each drawing are checked by its own tests (test_map, test_timeline, test_network), and every fact drawn is
    # also in the page's text, checked here.
    for drawn in document.select("svg.map__svg, svg.tl__svg, svg.network__svg, .map__unlabelled"):
        drawn.decompose()
    # A JSON-LD block holds the text JSON-escaped, its lists in the order of the names: its values are checked
    # by tests/test_open_data.py (parsed back, hostile values included) and tests/test_security.py (no "<").
    for block in document.select('script[type="application/ld+json"]'):
        block.decompose()
    for bdi in document.find_all("bdi"):
        bdi.unwrap()
    for listing in document.find_all(["ul", "ol", "select"]):  # a timeline's filters list names as options
        items = [item.extract() for item in listing.find_all(["li", "option"], recursive=False)]
        for item in sorted(items, key=lambda item: key(item.get_text())):
            listing.append(item)
    elements: list[Element] = []
    _walk(document, elements)
    return elements


def _walk(tag, elements: list[Element]) -> str:
    """Append tag's descendants as Elements in document order; return tag's whole text (once per node)."""
    texts, own = [], []
    for child in tag.children:
        if isinstance(child, NavigableString):
            texts.append(str(child))
            own.append(str(child))
            continue
        attrs = tuple(sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in child.attrs.items()))
        slot = len(elements)
        elements.append(None)
        text, child_own = _walk(child, elements), None
        child_own = "".join(str(c) for c in child.children if isinstance(c, NavigableString))
        elements[slot] = Element(child.name, attrs, child_own, text)
        texts.append(text)
    return "".join(texts)


@functools.cache
def outlines() -> dict[str, tuple[list[Element], list[Element]]]:
    """Every page: (the plain twin's elements, the hostile site's), list items in the same order."""
    hostile, plain = redteam.sites()
    assert sorted(hostile.pages) == sorted(plain.pages)
    outlined = {}
    for path in plain.pages:
        expected = functools.partial(_expected_text, path)
        outlined[path] = (_outline(plain.pages[path], lambda text, expected=expected: expected(text).translate(ISOLATES)),
                          _outline(hostile.pages[path], lambda text: text.translate(ISOLATES)))
    return outlined


def _expected_text(path: str, text: str) -> str:
    """What the hostile page shows where its twin shows text."""
    return _replace(text, _text_map(path in LISTINGS))


def _expected_attrs(attrs: tuple, path: str = "") -> tuple:
    out = []
    for name, value in attrs:
        if value in _attribute_map():
            out.append((name, _attribute_map()[value]))
        else:
            out.append((name, _replace(_expected_text(path, value), _attribute_map(), ANCHOR)))
    return tuple(out)


def _strip(attrs: tuple) -> tuple:
    return tuple((k, v.translate(ISOLATES)) for k, v in attrs)


# --- every family in every text field ---------------------------------------------------------------------

CASES = [(family, field_name) for family in FAMILIES for field_name in TEXT_FIELDS]


@functools.cache
def _occurrences() -> dict[str, list[tuple[str, int, str]]]:
    """Where the twin shows each plain value: (page, element index, "text" or the attribute's name)."""
    found: dict[str, list] = {}
    for path, (plain, _) in outlines().items():
        for index, element in enumerate(plain):
            for value in set(PLAIN_VALUE.findall(element.own)):
                found.setdefault(value, []).append((path, index, "text"))
            for name, attribute in element.attrs:
                for value in set(PLAIN_VALUE.findall(attribute)):
                    found.setdefault(value, []).append((path, index, name))
    return found


@pytest.mark.parametrize(("family", "field_name"), CASES, ids=[f"{f}-{n}" for f, n in CASES])
def test_the_payload_shows_as_exactly_itself_wherever_the_field_shows(family, field_name):
    where = _occurrences().get(_piece(PLAIN, FAMILY_INDEX[family], field_name), [])
    for path, index, how in where:
        plain, hostile = outlines()[path]
        assert len(plain) == len(hostile), f"{path} has other elements than its twin"
        before, after = plain[index], hostile[index]
        if how == "text":
            assert (after.tag, after.own.translate(ISOLATES)) == (before.tag, _expected_text(path, before.own)), path
            assert after.text.translate(ISOLATES) == _expected_text(path, before.text), path
        else:  # the page's description, in <meta content>
            assert _strip(after.attrs) == _expected_attrs(before.attrs, path), (path, how)
    if field_name in NOT_SHOWN:
        assert where == [], f"{field_name} is not shown on any page"
    else:
        assert where, f"{field_name} is shown nowhere"


@functools.cache
def _page_paths() -> list[str]:
    return sorted(redteam.sites()[1].pages)


@pytest.mark.parametrize("path", [pytest.param(i, id=str(i)) for i in range(212)])
def test_each_page_has_exactly_its_twins_elements_attributes_links_and_ids(path):
    """The sample's pages, and 6 per family (the count is checked below)."""
    page = _page_paths()[path]
    plain, hostile = outlines()[page]
    assert [(e.tag, _strip(e.attrs)) for e in hostile] == [(e.tag, _expected_attrs(e.attrs, page)) for e in plain], page


def test_the_page_count_is_the_one_parametrized_above():
    sample = render(pipeline.graph(SAMPLE_DATA))
    assert len(_page_paths()) == len(sample) + 6 * len(FAMILIES)  # actor, place, article, event, quote, figure


def test_output_holds_exactly_the_pages_the_theme_and_the_plugin_files():
    """{attach}, {static}, {filename} and |filename| in every field, decoys beside content/: no file more."""
    hostile, plain = redteam.sites()
    expected = redteam.expected_files(hostile.site)
    assert redteam.output_files(hostile.site) == expected
    assert redteam.output_files(plain.site) == redteam.expected_files(plain.site)
    # The search index's files are named by hashes of their contents, which differ with the text; no other file does.
    unhashed = lambda files: {name for name in files if not redteam.SEARCH_BUNDLE.fullmatch(name)}  # noqa: E731
    assert unhashed(redteam.output_files(plain.site)) == unhashed(expected)


# --- every address in every URL field ---------------------------------------------------------------------

URL_CASES = [(payload, field_name) for payload in URL_PAYLOADS for field_name in URL_FIELDS]


@pytest.mark.parametrize(("payload", "field_name"), URL_CASES, ids=[f"{i}-{n}" for i in range(len(URL_PAYLOADS))
                                                                   for n in URL_FIELDS])
def test_an_address_is_written_as_exactly_its_percent_encoded_href(payload, field_name):
    families = [i for i in range(len(FAMILIES)) if HOSTILE.url(i, field_name) == payload]
    linked = 0
    for i in families:
        for path, index, how in _occurrences().get(PLAIN.url(i, field_name), []):
            before, after = outlines()[path][0][index], outlines()[path][1][index]
            if how == "href":
                linked += 1
                assert (after.tag, dict(after.attrs)["href"]) == ("a", URL_PAYLOADS[payload]), path
            else:  # an article's original address is shown as text too
                assert (how, after.own) == ("text", before.own.replace(PLAIN.url(i, field_name), payload)), path
    assert linked > 0


# Addresses that validation refuses, each with what the problem says it found, and its hint.
BAD_URLS = {
    "javascript:alert(1)": ("with the scheme 'javascript:'", "only http:// and https:// addresses become links"),
    "data:text/html,<script>alert(1)</script>": ("with the scheme 'data:'",
                                                 "only http:// and https:// addresses become links"),
    "vbscript:msgbox(1)": ("with the scheme 'vbscript:'", "only http:// and https:// addresses become links"),
    "ftp://example.org/": ("with the scheme 'ftp:'", "only http:// and https:// addresses become links"),
    "//example.org/": ("with no scheme", "start it with https://"),
    "{attach}/../.git/config": ("with no scheme", "start it with https://"),
    "https:///etc/passwd": ("with no host name", "write it as https://example.org/page"),
    "https://user:password@example.org/": ("with a user name or password before the host",
                                           "remove everything up to '@'"),
    "https://exa mple.org/": ("with a space at character 12", "write a space as %20"),
    "https://example.org/\u202e": ("with the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at character 21",
                                   "delete it: it may have come with a copy and paste"),
    "https://example.org/\u200b": ("with the invisible character U+200B (ZERO WIDTH SPACE) at character 21",
                                   "delete it: it may have come with a copy and paste"),
    "https://example.org/\t": ("with the invisible character U+0009 (a control character) at character 21",
                               "delete it: it may have come with a copy and paste"),
    "https://[::1/": ("with an address the URL parser rejects (Invalid IPv6 URL)", "check the part after '://'"),
    "https://example.org:99999/": ("with a port that is not a number from 0 to 65535 in 'example.org:99999'",
                                   "remove the port"),
    "https://exa{mple}.org/": ("with the host name 'exa{mple}.org'",
                               "a host is a domain name such as example.org, or an IP address"),
}
# A URL field of the sample for each place one lives, as (file, the line's old text, field).
SAMPLE_URLS = {
    "actor.context.citation.url": (
        "data/actors.yaml",
        "url: https://en.wikipedia.org/wiki/Combined_Joint_Task_Force_%E2%80%93_Operation_Inherent_Resolve",
        "actors[1].context[0].citation.url"),
    "place.coordinates.source.url": ("data/places.yaml", 'url: "https://en.wikipedia.org/wiki/Iraq"',
                                     "places[0].coordinates.source.url"),
    "event.context.citation.url": (ARTICLE, "url: https://en.wikipedia.org/wiki/2017_Kurdistan_Region_independence_referendum",
                                   "events[3].context[0].citation.url"),
}
EXPECTED_URL = "a web address: https:// or http://, a host name, then no spaces or invisible characters"


@pytest.fixture(scope="module")
def bad_url_problems(tmp_path_factory):
    """For a payload: a copy of the data with it in each sample URL field, and every problem it yields."""
    found = {}

    def check(payload: str):
        if payload not in found:
            base = tmp_path_factory.mktemp("bad-url")
            shutil.copytree(redteam.SAMPLE_DATA, base / "data")
            for path, old, _ in SAMPLE_URLS.values():
                edit(base / path, old, f"url: {redteam.json_line(payload)}")
            found[payload] = base, problems(base / "data")
        return found[payload]
    return check


BAD_CASES = [(payload, field_name) for payload in BAD_URLS for field_name in SAMPLE_URLS]


@pytest.mark.parametrize(("payload", "field_name"), BAD_CASES,
                         ids=[f"{i}-{n}" for i in range(len(BAD_URLS)) for n in SAMPLE_URLS])
def test_an_address_that_is_not_http_with_a_host_is_a_problem_with_file_line_and_field(
        payload, field_name, bad_url_problems):
    found, hint = BAD_URLS[payload]
    path, _, pointer = SAMPLE_URLS[field_name]
    base, reported = bad_url_problems(payload)
    line = line_of(base / path, f"url: {redteam.json_line(payload)}")
    expected = f"{base / path}:{line}: {pointer}: expected {EXPECTED_URL}, found {payload!r}, {found} ({hint})"
    assert expected in reported, reported


# --- the issue's cases --------------------------------------------------------------------------------------

@functools.cache
def _hostile_documents() -> dict[str, BeautifulSoup]:
    return {path: BeautifulSoup(html, "html.parser") for path, html in redteam.sites()[0].pages.items()}


def _hostile_page(path: str) -> BeautifulSoup:
    return _hostile_documents()[path]


def test_issue_a_citation_url_cannot_publish_a_readable_file():
    """The report's exploit, in a citation: a link to example.org, and .git/config is not published."""
    hostile = redteam.sites()[0]
    family = next(i for i in range(len(FAMILIES)) if HOSTILE.url(i, "actor.context.citation.url").endswith(".git/config"))
    page = _hostile_page(f"actors/rt{family:02d}-actor/index.html")
    hrefs = [a["href"] for a in page.select("#editors-context ~ ul a")]
    assert hrefs == ["https://example.org/%29%5B.%5D%28%7Battach%7D/../.git/config"]
    published = redteam.output_files(hostile.site)
    assert not [f for f in published if f.endswith(("config", "secret.txt"))]
    assert not [f for f in hostile.site.output.rglob("*") if f.is_file() and f.read_bytes() in
                {t.encode() for t in redteam.DECOYS.values()}]


def test_issue_tilde_fences_in_paragraphs_keep_every_paragraph_and_its_anchor():
    page = _hostile_page(f"sources/rt{FAMILY_INDEX['tilde-fence']:02d}-article/index.html")
    paragraphs = [(p["id"], p.get_text()) for p in page.select("p.paragraph")]
    assert paragraphs[2:5] == [("p3", "~~~"), ("p4", "Between two fences."), ("p5", "~~~")]
    assert [p for p, _ in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
    assert page.find_all(["pre", "code"]) == []


def test_issue_an_unbalanced_parenthesis_does_not_cut_an_address_short():
    family = next(i for i in range(len(FAMILIES)) if HOSTILE.url(i, "source.url") == "https://example.org/a)b")
    page = _hostile_page(f"sources/rt{family:02d}-article/index.html")
    original = [dd for dd in page.select(".infobox dd") if dd.find_previous("dt").get_text() == "Original"]
    assert [(dd.a["href"], dd.a.get_text()) for dd in original] == [("https://example.org/a%29b", "https://example.org/a)b")]


RTL_FIELDS = [f for f in TEXT_FIELDS if f not in NOT_SHOWN]


@pytest.mark.parametrize("field_name", RTL_FIELDS)
def test_issue_right_to_left_text_is_isolated_wherever_it_is_shown(field_name):
    """Each right-to-left value sits in a <bdi>, or between Unicode isolates where no markup can go (<title>, notes)."""
    family = FAMILY_INDEX["right-to-left"]
    # The report's title and summary hold every family's payload: the whole value is isolated.
    value = HOSTILE.text(family, field_name) if field_name.startswith("report.") else _piece(HOSTILE, family, field_name)
    seen = 0
    for path, document in _hostile_documents().items():
        for string in document.find_all(string=lambda s: value in s):
            seen += 1
            assert _isolated(string, value), (path, string.parent.name, str(string.parent)[:200])
    assert seen > 0


def _isolated(string: NavigableString, value: str) -> bool:
    if string.find_parent("bdi") is not None:
        return True
    if string.parent.name == "script" and string.parent.get("type") == "application/ld+json":
        return True  # data, never shown: JSON-LD keeps each value as it is
    if string.parent.name == "title" and string == value:  # the whole title: no neighbour to reorder
        return True
    return string.count(value) == string.count(f"{FIRST_STRONG_ISOLATE}{value}") == \
        string.count(f"{value}{POP_DIRECTIONAL_ISOLATE}")


# --- bidi overrides: rejected by validation, isolated by rendering anyway -----------------------------------

OVERRIDE = "\u202egnp.exe\u202c ok"


@pytest.fixture(scope="module")
def memory(tmp_path_factory):
    return MemorySite(tmp_path_factory.mktemp("memory") / "content")


@functools.cache
def _sample_dataset():
    return pipeline.validate(pipeline.load(redteam.SAMPLE_DATA))


@pytest.mark.parametrize("field_name", sorted(model_fields.TEXT_FIELDS))
def test_a_bidi_override_in_any_field_is_isolated_on_every_page(memory, field_name):
    dataset = copy.deepcopy(_sample_dataset())
    model_fields.TEXT_FIELDS[field_name](dataset, OVERRIDE)
    pages = render(link(dataset))
    shown = [path for path, text in pages.items() if "\u202e" in text]
    seen = 0
    for path, page in memory.render(pages, shown, dataset.report.title).items():
        for string in BeautifulSoup(page.html, "html.parser").find_all(string=lambda s: "\u202e" in s):
            seen += 1
            assert _isolated(string, OVERRIDE), (path, str(string.parent)[:200])
    if field_name == "figure.date.phrase":
        assert seen == 0
    else:
        assert seen > 0
