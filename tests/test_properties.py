"""Property-based tests: ids, Markdown escaping, name linking and evidence matching hold for any text."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import example, given, settings, strategies as st
from pelican.settings import DEFAULT_CONFIG

from generator import evidence, ids, markdown_text
from generator.names import NameIndex

FAST = settings(max_examples=200, deadline=None, derandomize=True)

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
