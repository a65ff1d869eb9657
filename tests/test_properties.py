"""Property-based tests: ids, escaping, URLs, name linking and evidence matching hold for any text.

`make test` runs them with a fixed seed (derandomize); `make fuzz` runs them with a fresh seed and
many more examples (REPORT_HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

import copy
import functools
import ipaddress
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from hypothesis import assume, example, given, strategies as st
from pelican.settings import DEFAULT_CONFIG

from generator import evidence, ids, markdown_text, pipeline, urls
from generator.link import link
from generator.names import NameIndex
from generator.render import render
from generator.wording import first_sentence
from tests.conftest import SAMPLE_DATA, examples
from tests.golden import GOLDEN_HTML, REPRESENTATIVE, main_of
from tests.memory_site import MemorySite
from tests.model_fields import TEXT_FIELDS, URL_FIELDS

FAST = examples(200)

# Scripts and characters that editors' names and articles really contain, and markup that must stay text.
LATIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 éèàüö"
KURMANJI = "êîûçşÊÎÛÇŞ"
ARABIC_SORANI = "ابتثجحخدذرزسشصعغفقكلمنهوي" + "ێۆڕڵڤگچپژکە" + "\u064e\u0650\u0652"  # letters, then harakat
HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
EMOJI = "😀👍🏽🇮🇶❤️‍🔥"
MARKS = "\u0301\u0308\u0327\u200c\u200d\u200f\u202e"  # combining marks, ZWNJ/ZWJ, RTL mark and override
MARKUP = "<>&\"'`*_[](){}#-+.!|\\:=~^%$@/;,?\n\t\r "
ALPHABET = LATIN + KURMANJI + ARABIC_SORANI + HEBREW + EMOJI + MARKS + MARKUP
MIXED = st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(exclude_categories=("Cs",)), max_size=40)
TEXT = st.one_of(st.text(), MIXED, st.sampled_from([
    "<script>alert(1)</script>", '" onmouseover="alert(1)', "`code`", "[x](javascript:alert(1))", "# heading",
    "- item", "1. item", "2017. A year", "+ plus", "> quote", "    indented", "*[HTML]: abbr", "[^1]: note",
    "{: #id .class}", "~~~", "***", "a | b", "Title: not metadata", "&amp; &lt;", "![img](x.png)", "<!-- c -->",
]))
ID_LIKE = st.one_of(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
                    st.from_regex(r"^[a-z0-9]+(-[a-z0-9]+)*$"), st.sampled_from(sorted(ids.RESERVED)), TEXT)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


# --- ids --------------------------------------------------------------------------------------------------

@FAST
@given(TEXT)
def test_suggest_gives_a_valid_id_or_nothing(text):
    suggested = ids.suggest(text)
    assert suggested == "" or ids.is_valid(suggested)


@FAST
@given(ID_LIKE)
def test_valid_ids_are_safe_file_names(value):
    if ids.is_valid(value):
        assert "/" not in value and "\\" not in value and ".." not in value
        assert value not in ids.RESERVED
        folder = Path("content/actors").resolve()
        assert (Path("content/actors") / f"{value}.md").resolve().parent == folder


@FAST
@given(ID_LIKE)
@example("us-army\n")
def test_valid_ids_match_the_slug_pattern_exactly(value):
    if ids.is_valid(value):
        assert SLUG.fullmatch(value)


@FAST
@given(ID_LIKE)
def test_explain_says_something_for_every_invalid_id(value):
    if not ids.is_valid(value):
        reason = ids.explain(value)
        assert isinstance(reason, str) and reason


# --- Markdown escaping, rendered as Pelican renders it ----------------------------------------------------

def _pelican_markdown() -> markdown.Markdown:
    """Python-Markdown with Pelican's default extensions, extension configs and output format."""
    config = copy.deepcopy(DEFAULT_CONFIG["MARKDOWN"])
    return markdown.Markdown(extensions=list(config["extension_configs"]),
                             extension_configs=config["extension_configs"], output_format=config["output_format"])


MD = _pelican_markdown()


class _Html(HTMLParser):
    """The tags, the text (entities unescaped) and the link texts of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []
        self._in_link = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append("")
            self._in_link = True

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self._in_link = self._in_link and tag != "a"

    def handle_data(self, data):
        self.text.append(data)
        if self._in_link:
            self.links[-1] += data

    def handle_comment(self, data):
        self.tags.append("!--")


def _parse(html: str) -> _Html:
    parsed = _Html()
    parsed.feed(html)
    parsed.close()
    return parsed


def render_body(line: str) -> _Html:
    """Render line as the body of a generated page: after the metadata header, as Pelican reads it."""
    MD.reset()
    return _parse(MD.convert("Title: page\n\n" + line))


def render_summary(line: str) -> _Html:
    """Render line as Pelican renders a formatted metadata field (Summary): meta extension off."""
    md = _pelican_markdown()
    md.preprocessors.deregister("meta")
    return _parse(md.convert(line))


@pytest.mark.parametrize("render", [render_body, render_summary], ids=["body", "summary"])
@FAST
@given(text=TEXT)
@example(text="a\x02b\x03c")  # Python-Markdown's own placeholder markers
def test_escaped_text_renders_as_exactly_that_text(render, text):
    page = render(markdown_text.escape(text))
    assert "".join(page.text) == markdown_text.one_line(text)
    assert set(page.tags) <= {"p"}


@FAST
@given(TEXT.filter(lambda name: markdown_text.one_line(name) != ""))
def test_link_renders_one_anchor_with_the_name_as_text(name):
    page = render_body(markdown_text.page_link(name, "actors", "x"))
    isolated = markdown_text.needs_isolation(name)
    assert page.tags.count("a") == 1 and page.tags.count("bdi") == isolated and set(page.tags) <= {"p", "a", "bdi"}
    assert page.links[0] == markdown_text.one_line(name)


def test_link_whose_name_holds_bracket_colon_renders():
    page = render_body(markdown_text.page_link("Kurdish forces]: Peshmerga", "actors", "x"))
    assert page.links == ["Kurdish forces]: Peshmerga"]


# --- name linking -----------------------------------------------------------------------------------------

NAME = st.text(alphabet=st.sampled_from(LATIN + KURMANJI + ARABIC_SORANI + HEBREW + "-'. "), min_size=1, max_size=12)\
    .map(str.strip).filter(bool)


@FAST
@given(st.lists(NAME, min_size=1, max_size=6, unique=True), st.data())
def test_names_are_found_in_order_without_overlap_longest_first(names, data):
    index = NameIndex({name: ("actors", f"a{i}") for i, name in enumerate(names)})
    pieces = data.draw(st.lists(st.sampled_from(names) | st.sampled_from([" ", ", ", "-", "x", " and "]),
                                max_size=12))
    text = "".join(pieces)
    mentions = index.find(text)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    for mention in mentions:
        found = text[mention.start:mention.end]
        assert found in names and ("actors", mention.id) == ("actors", f"a{names.index(found)}")
        longer = [n for n in names if len(n) > len(found) and text.startswith(n, mention.start)
                  and not re.match(r"\w", text[mention.start + len(n):mention.start + len(n) + 1])]
        assert not longer, f"{found!r} chosen over {longer!r}"


def test_a_name_followed_by_a_combining_mark_is_not_a_mention():
    assert NameIndex({"Ali": ("actors", "ali")}).find("Ali\u0301 said") == []


# --- evidence ---------------------------------------------------------------------------------------------

PARAGRAPH = st.text(alphabet=st.sampled_from(LATIN + ARABIC_SORANI + "'\"“”‘’«» \n\t.,"), min_size=1, max_size=60)


def _curly(text: str) -> str:
    return text.replace('"', "“").replace("'", "’")


def _spaced(text: str) -> str:
    return text.replace(" ", "  \n ")


@FAST
@given(st.lists(PARAGRAPH, min_size=1, max_size=4), st.data())
def test_a_passage_found_once_is_located_where_it_is(paragraphs, data):
    number = data.draw(st.integers(0, len(paragraphs) - 1))
    paragraph = paragraphs[number]
    start = data.draw(st.integers(0, len(paragraph) - 1))
    end = data.draw(st.integers(start + 1, len(paragraph)))
    span = paragraph[start:end].strip()
    needle = evidence.normalize(span)[0]
    occurrences = sum(_count(evidence.normalize(p)[0], needle) for p in paragraphs) if needle else 0
    found = evidence.locate(paragraphs, span)
    if occurrences == 1:
        assert len(found) == 1
        where, first, last = found[0]
        assert evidence.normalize(paragraphs[where][first:last])[0] == needle
    assert evidence.locate(paragraphs, _curly(span)) == found
    assert evidence.locate(paragraphs, _spaced(span)) == found


def _count(haystack: str, needle: str) -> int:
    """Occurrences of needle in haystack, overlapping ones included."""
    return sum(1 for i in range(len(haystack)) if haystack.startswith(needle, i))


# --- URLs -------------------------------------------------------------------------------------------------

# Addresses that pass validation: any scheme case, hosts in several forms, then any visible characters.
_VISIBLE = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zs", "Zl", "Zp"))
HOSTS = st.sampled_from(["example.org", "EXAMPLE.org", "bücher.de", "xn--bcher-kva.de", "例え.jp", "1.2.3.4",
                         "[::1]", "example.org:8080", "example.org."])
URL_TAIL = st.text(alphabet=st.sampled_from(MARKUP.strip() + LATIN.replace(" ", "") + ARABIC_SORANI) | _VISIBLE,
                   max_size=40)
WEB_URL = st.builds(lambda scheme, host, tail: f"{scheme}://{host}/{tail}", st.sampled_from(["http", "https", "HTTPS"]),
                    HOSTS, URL_TAIL).filter(lambda url: urls.fault(url) is None)
# What a written address may hold: letters, digits, the kept delimiters and "%" escapes.
WRITTEN = re.compile(r"[A-Za-z0-9\-._~!$&*+,;=:@/?#%\[\]]*")


@FAST
@given(WEB_URL)
@example("https://example.org/)[.]({attach}/../.git/config")
@example("https://example.org/a)b")
@example("https://example.org/%zz%41%")
def test_a_written_address_has_no_character_that_could_end_its_link(url):
    written = urls.href(url)
    assert WRITTEN.fullmatch(written), written
    assert not set(written) & set("\"'<>(){}|` \\^"), written
    # "[" and "]" only around an IPv6 host; "#" only once, before the fragment.
    after_host = written.split("/", 3)[3] if written.count("/") >= 3 else ""
    assert written.count("#") <= 1 and not set(after_host) & set("[]"), written


@FAST
@given(WEB_URL)
def test_a_written_address_points_where_the_editor_wrote(url):
    written, typed = urlsplit(urls.href(url)), urlsplit(url)
    assert (written.scheme, written.port) == (typed.scheme.lower(), typed.port)
    assert written.hostname == typed.hostname.encode("idna").decode("ascii").lower() or \
        ipaddress.ip_address(written.hostname) == ipaddress.ip_address(typed.hostname)
    for part in ("path", "query", "fragment"):
        assert unquote(getattr(written, part)) == unquote(getattr(typed, part)), part
    assert urls.href(urls.href(url)) == urls.href(url), "writing is idempotent"


@FAST
@given(st.one_of(TEXT, WEB_URL.map(lambda url: url.replace("/", " ", 3)), st.sampled_from([
    "javascript:alert(1)", "data:text/html,<script>x</script>", "//example.org/", "https:///x", "ftp://x.org/",
    "https://user:pw@example.org/", "https://exa mple.org/", "https://example.org/\u202e", "vbscript:x",
    " https://example.org/", "https://example.org/\n", "https://[::1/", "https://x:99999/", "https://a..b/"])))
def test_an_address_is_written_only_once_it_passes_validation(text):
    fault = urls.fault(text)
    if fault is None:
        assert urlsplit(text).scheme.lower() in ("http", "https") and urlsplit(text).hostname
        assert not any(c.isspace() for c in text)
        urls.href(text)
    else:
        assert fault.found and fault.hint
        with pytest.raises(ValueError):
            urls.href(text)


# --- a whole page: any text in any field shows as exactly that text, and adds nothing -----------------------

# A value is planted in one field of the validated sample (tests/model_fields.py), and the pages it
# changes are rendered as Pelican renders them (tests/memory_site.py: its reader, its Page and link
# replacement, the theme and its sanitizer), without a whole build. Each is compared with the same
# page where the field holds a plain sentinel word: it must be that page with the sentinel replaced
# by the value as text, element for element and attribute for attribute, and pull in no file.

# Descriptions are shown whole on their page, and by their first sentence in lists.
FIRST_SENTENCE_ON_INDEXES = {"actor.description", "place.description"}
# Lists are in name order: a name planted after this prefix sorts where the sentinel does, so the
# pages differ in that one text only. (The red-team suite plants payloads at the start of names.)
IN_NAME_ORDER, ORDER_PREFIX = {"actor.name", "place.name"}, "Qzx "
SENTINEL, SENTINEL_URL = "Qzxsentinelqzx", "https://sentinel.example/qzx"
ISOLATES = str.maketrans("", "", markdown_text.FIRST_STRONG_ISOLATE + markdown_text.POP_DIRECTIONAL_ISOLATE)


@functools.cache
def _sample():
    """The validated sample dataset, its names, and every text of it (to keep generated values name-free)."""
    dataset = pipeline.validate(pipeline.load(SAMPLE_DATA))
    graph = link(dataset)
    names = [name for kind in ("actors", "places") for e in getattr(dataset, kind).values() for name in e.names]
    texts = [p for s in dataset.sources.values() for p in s.paragraphs]
    texts += [e.description for kind in ("actors", "places", "events") for e in getattr(dataset, kind).values()]
    texts += [f.claim for f in dataset.figures.values()] + [dataset.report.summary]
    return dataset, graph, names, " ".join(markdown_text.one_line(t) for t in texts)


@pytest.fixture(scope="module")
def memory(tmp_path_factory):
    return MemorySite(tmp_path_factory.mktemp("memory") / "content")


def _pages_with(field_name: str, value: str) -> tuple[dict[str, str], str]:
    """Every page, with value planted in the field; and the report's title (the site's name)."""
    plant = {**TEXT_FIELDS, **URL_FIELDS}[field_name]
    dataset = copy.deepcopy(_sample()[0])
    plant(dataset, value)
    return render(link(dataset)), dataset.report.title


_sentinel_pages = functools.cache(_pages_with)


@functools.cache
def _sentinel_outline(memory, field_name: str, sentinel: str, path: str) -> tuple[list, str]:
    pages, title = _sentinel_pages(field_name, sentinel)
    return _outline(memory.render(pages, [path], title)[path].html)


class _Outline(HTMLParser):
    """Every element with its attributes, in document order, and all the text; <bdi> left out. Inside an inline
    SVG only its links and titles count: a drawing cuts a long label to fit its box (the full text is in the link's
    name and the title), and its hostile text is checked by each drawing's own tests. A JSON-LD block's text is
    data, JSON-escaped: its values are parsed back by tests/test_open_data.py."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list]] = []
        self.text: list[str] = []
        self.isolates = 0
        self._svg = 0  # how deep inside <svg> elements
        self._title = False
        self._json = False

    def handle_starttag(self, tag, attrs):
        self._svg += tag == "svg"
        self._title = self._svg > 0 and tag == "title"
        self._json = tag == "script" and ("type", "application/ld+json") in attrs
        if tag == "bdi":
            self.isolates += 1
        elif not self._svg or tag in ("svg", "a", "title"):
            self.elements.append((tag, sorted((name, _geometry(value or "")) for name, value in attrs)))

    def handle_endtag(self, tag):
        self._svg -= tag == "svg" and self._svg > 0
        self._title = self._title and tag != "title"
        self._json = self._json and tag != "script"

    def handle_data(self, data):
        if (not self._svg or self._title) and not self._json:
            self.text.append(data)

    def handle_comment(self, data):
        self.elements.append(("!--", [("", data)]))


_GEOMETRY = re.compile(r"[-+\d., MLHVCSQTAZmlhvcsqtaz]*\d[-+\d., MLHVCSQTAZmlhvcsqtaz]*")


def _geometry(value: str) -> str:
    """An attribute's value, with a drawing's numbers (SVG sizes, points, paths) as one mark: a drawing at build
    time sizes its boxes and places its labels by the length of the text they hold, by design."""
    return "#" if _GEOMETRY.fullmatch(value) else value


def _outline(html: str) -> tuple[list, str]:
    return _parsed(html)[:2]


def _parsed(html: str) -> tuple[list, str, int]:
    """The elements, the text and the number of isolates of a page: <bdi>, and first-strong isolate characters
    where an element cannot hold one (an SVG text, an option, an attribute)."""
    outline = _Outline()
    outline.feed(html)
    outline.close()
    text = "".join(outline.text)
    return outline.elements, text, outline.isolates + (text + str(outline.elements)).count("\u2068")


def _replaced(elements: list, old: str, new: str, exact: bool) -> list:
    return [(name, [(k, (new if v == old else v) if exact else v.replace(old, new)) for k, v in attrs])
            for name, attrs in elements]


def _check_field(memory, field_name: str, value: str, sentinel: str, shown, attribute_old: str,
                 attribute_new, exact: bool) -> None:
    """The pages with value planted are the sentinel's pages with the sentinel replaced by what is shown."""
    plain, plain_title = _sentinel_pages(field_name, sentinel)
    hostile, hostile_title = _pages_with(field_name, value)
    assert set(hostile) == set(plain), "no page is added or lost"
    changed = [path for path in sorted(plain) if plain[path] != hostile[path]]
    after = memory.render(hostile, changed, hostile_title)
    for path in changed:
        assert after[path].static_links == set() and after[path].warnings == [], path
        elements, text = _sentinel_outline(memory, field_name, sentinel, path)
        hostile_elements, hostile_text, isolates = _parsed(after[path].html)
        assert hostile_text.translate(ISOLATES) == text.replace(sentinel, shown(path)).translate(ISOLATES), path
        if field_name in TEXT_FIELDS and sentinel in text:  # right-to-left text is isolated, other text is not
            assert bool(isolates) == markdown_text.needs_isolation(shown(path)), (path, isolates)
        expected = _replaced(elements, attribute_old, attribute_new(path), exact)
        assert [(n, [(k, v.translate(ISOLATES)) for k, v in a]) for n, a in hostile_elements] == \
            [(n, [(k, v.translate(ISOLATES)) for k, v in a]) for n, a in expected], path


def _shown(field_name: str, value: str):
    """What a page shows of a text value: all of it on one line, or its first sentence in index lists."""
    def shown(path: str) -> str:
        if field_name in FIRST_SENTENCE_ON_INDEXES and path.startswith("indexes/"):
            return markdown_text.one_line(first_sentence(value))
        return markdown_text.one_line(value)
    return shown


def _name_free(field_name: str, value: str) -> bool:
    """Values that hold a name of the report (or, for a name, that some text holds) add the links
    the linker is there to add; those are left to the name-linking tests above."""
    _, _, names, texts = _sample()
    line = markdown_text.one_line(value)
    if field_name.endswith((".name", ".aliases")):
        return line not in texts and line not in names and SENTINEL not in line
    return not any(name in line for name in names) and SENTINEL not in line


TEXT_VALUE = TEXT.filter(lambda text: markdown_text.one_line(text) != "")


# Two examples per field in `make test` (each renders several pages), fifty in `make fuzz`; the
# red-team suite plants every payload family in every field of a whole build.
@pytest.mark.parametrize("field_name", sorted(TEXT_FIELDS))
@examples(2)
@given(value=TEXT_VALUE)
@example(value="كركوك (in Kirkuk) שלום")
def test_any_text_in_any_field_shows_as_exactly_that_text_and_adds_nothing(memory, field_name, value):
    value = ORDER_PREFIX + value if field_name in IN_NAME_ORDER else value
    assume(_name_free(field_name, value))
    _check_field(memory, field_name, value, SENTINEL, _shown(field_name, value), SENTINEL,
                 _shown(field_name, value), exact=False)


@pytest.mark.parametrize("field_name", sorted(URL_FIELDS))
@examples(2)
@given(url=WEB_URL)
@example(url="https://example.org/)[.]({attach}/../.git/config")
def test_any_address_in_any_url_field_is_the_href_and_adds_nothing(memory, field_name, url):
    _check_field(memory, field_name, url, SENTINEL_URL, lambda path: markdown_text.one_line(url),
                 urls.href(SENTINEL_URL), lambda path: urls.href(url), exact=True)


def test_the_memory_renderer_writes_the_pages_pelican_writes(memory):
    """Guards the two tests above: rendered in memory, the sample's pages equal the golden HTML of a build
    (which holds, per template, the <main> of one page, and the chrome of one page)."""
    dataset, graph, _, _ = _sample()
    pages = render(graph)
    rendered = memory.render(pages, sorted(pages), dataset.report.title)
    golden = {"indexes/overview.md": "index.html", "indexes/not-found.md": "404.html"}
    templates = {page: template for template, page in REPRESENTATIVE.items()}
    checked = set()
    for path, page in rendered.items():
        folder, name = path[:-3].split("/")
        expected = golden.get(path) or (f"{name}/index.html" if folder == "indexes" else f"{folder}/{name}/index.html")
        if expected in templates:
            checked.add(templates[expected])
            assert main_of(page.html) == (GOLDEN_HTML / f"{templates[expected]}.html").read_text("utf-8"), path
    assert checked == set(REPRESENTATIVE) - {"page"}, "every template but the hand-written page's"


@pytest.mark.parametrize(("field_name", "value"), [("source.paragraphs", "0\r"), ("event.date.phrase", "0 ")])
def test_whitespace_at_the_ends_of_a_value_is_not_shown(memory, field_name, value):
    """Found by `make fuzz`: a paragraph kept a final space, a phrase a space inside its quotation marks."""
    _check_field(memory, field_name, value, SENTINEL, _shown(field_name, value), SENTINEL, _shown(field_name, value),
                 exact=False)
