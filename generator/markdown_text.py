"""Writing untrusted text into Markdown so that it renders as exactly that text, and nothing more.

Every value from the data reaches a page through these functions: `escape` for text, `inline` for a
value shown among other words (isolated when it is right-to-left), `web_link` for an address from the
data, and `page_link` for the site's own links between its pages, which take validated ids only;
`mention` marks a name not linked again with the entity it names (its ids, never data text).
The theme escapes with Jinja's autoescape and isolates with the `isolate` filter (generator/site.py);
the feed takes its text through `xml_text`, and JSON-LD in <head> goes through `script_json`.
Functions that return Markdown return `Markdown`, so that a value escaped once is not escaped again.
"""

from __future__ import annotations

import functools
import html
import json
import re
import sys
import unicodedata

from . import kinds, paths, urls

# Characters Python-Markdown gives meaning to anywhere in a line ({} for attribute lists).
_INLINE = re.compile(r"([\\`*_{}])")
# Written as entities, not backslash escapes, which Python-Markdown does not honour for them:
# "[x\]: y" starting a line is still a reference definition; "~~~" alone on a line opens a fenced
# code block (swallowing the paragraphs after it, and their anchors); "|" makes table rows.
_ENTITIES = str.maketrans({"[": "&#91;", "]": "&#93;", "~": "&#126;", "|": "&#124;"})
# What makes a line a heading or a list item when it starts the line: "#", "-", "+", "2017.".
_BLOCK_START = re.compile(r"^(?:[#+\-]|\d+\.)")
_SPACE = re.compile(r"\s+")
# Control characters other than whitespace: invisible, and Python-Markdown deletes STX and ETX,
# its own placeholder markers, so they are dropped here to keep what is shown equal to the data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Bidi classes that make a value reorder the words around it: right-to-left letters, and the
# explicit embeddings, overrides and isolates. Such a value is shown isolated, so it cannot.
_BIDI = {"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
# The pages a generated link may point to: folders of the content/ tree.
PAGE_FOLDERS = (*(kind.folder for kind in kinds.paged()), paths.INDEXES)
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
# What XML 1.0 cannot hold at all, even escaped: C0 controls but tab and newline, surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Markdown(str):
    """Markdown the generator wrote: any text from the data in it is already escaped."""


def one_line(text: str) -> str:
    """Collapse every run of whitespace, newlines included, to one space; drop control characters."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def escape(text: str) -> Markdown:
    """Markdown that renders as text, whatever characters it holds."""
    if isinstance(text, Markdown):
        return text
    text = str(text)
    return _escaped(text) if len(text) <= _REMEMBERED_LENGTH else _escaped.__wrapped__(text)


# The same short texts are escaped on page after page (names, titles, labels): each once, while it
# recurs; a paragraph's pieces rarely recur, and would fill the memory. Markdown values never reach
# the cache, which could not tell them from equal plain text.
_REMEMBERED_LENGTH = 200
@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Markdown:
    # HTML first: the backslashes added next must not be turned into entities.
    escaped = html.escape(one_line(text), quote=False)
    escaped = _INLINE.sub(r"\\\1", escaped).translate(_ENTITIES)
    start = _BLOCK_START.match(escaped)
    if start is None:
        return Markdown(escaped)
    cut = start.end() - 1  # escape the one character that would open the block
    return Markdown(escaped[:cut] + "\\" + escaped[cut:])


def needs_isolation(text: str) -> bool:
    """True when text holds right-to-left letters or bidi controls, which could reorder its neighbours."""
    # No ASCII character is right-to-left or a bidi control; most text is ASCII, and the rest recurs
    # (names on every page that mentions them), so it is looked at once.
    return not text.isascii() and _has_bidi(text)


def _has_bidi(text: str) -> bool:
    return _bidi_characters().search(text) is not None


@functools.cache
def _bidi_characters() -> re.Pattern:
    """A regex of every character whose bidi class is in _BIDI, made once (a tenth of a second): one
    search instead of a class lookup per character of every text."""
    ranges, start = [], None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and unicodedata.bidirectional(chr(code)) in _BIDI
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return re.compile("[" + "".join(ranges) + "]")


def isolate(markdown: str, text: str) -> Markdown:
    """The Markdown of text inside <bdi> when text needs isolation, as it is."""
    return Markdown(f"<bdi>{markdown}</bdi>" if needs_isolation(text) else markdown)


def isolated_text(text: str) -> str:
    """Plain text for a plain-text context (a title, a note): on one line, in Unicode isolates when it needs them."""
    text = one_line(text)
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if needs_isolation(text) else text


def inline(text: str) -> Markdown:
    """A value shown among other words: escaped, and isolated when it is right-to-left."""
    if isinstance(text, Markdown):
        return text
    text = str(text)
    return _inlined(text) if len(text) <= _REMEMBERED_LENGTH else _inlined.__wrapped__(text)


@functools.lru_cache(maxsize=1 << 16)
def _inlined(text: str) -> Markdown:
    return isolate(escape(text), text)


def quoted(text: str) -> Markdown:
    """Text in typographic quotation marks."""
    return Markdown(f"“{inline(text)}”")


def xml_text(text: str) -> str:
    """Text for an XML document (the feed): one line, without the characters XML cannot carry; the writer escapes it."""
    return _NOT_XML.sub("", one_line(text))


def page_target(folder: str, page_id: str, fragment: str = "") -> str:
    """The {filename} target Pelican resolves to another generated page, and checks; ids only, never data text."""
    if folder not in PAGE_FOLDERS:
        raise ValueError(f"not a page of the site: {folder!r}, {page_id!r}, {fragment!r}")
    return paths.filename_link(folder, page_id, fragment)


def page_link(text: str, folder: str, page_id: str, fragment: str = "") -> Markdown:
    """A Markdown link to a generated page; text is shown as it is (escaped and isolated unless already Markdown)."""
    return Markdown(f"[{inline(text)}]({page_target(folder, page_id, fragment)})")


def list_link(text: str, folder: str, page_id: str, section: str) -> Markdown:
    """A Markdown link to the full list of one section of a generated page (its first page); ids only."""
    if folder not in PAGE_FOLDERS:
        raise ValueError(f"not a page of the site: {folder!r}, {page_id!r}, {section!r}")
    return Markdown(f"[{inline(text)}]({{filename}}/{paths.list_content_path(folder, page_id, section)})")


def web_link(text: str, url: str) -> Markdown:
    """An HTML anchor to an address from the data: percent-encoded by urls.href, then attribute-escaped."""
    return Markdown(f'<a href="{html.escape(urls.href(url), quote=True)}">{inline(text)}</a>')



def mention_start(folder: str, page_id: str) -> str:
    """The start tag of a mention (see mention): the entity only in an attribute, from validated ids."""
    if folder not in PAGE_FOLDERS:
        raise ValueError(f"not a page of the site: {folder!r}, {page_id!r}")
    return f'<span class="mention" data-entity="{html.escape(f"{folder}/{page_id}", quote=True)}">'


def mention(markdown: str, folder: str, page_id: str) -> Markdown:
    """A later mention of a named entity: not linked again, but marked with what it names, for previews
    and search; markdown is the name as written, already escaped."""
    return Markdown(f"{mention_start(folder, page_id)}{markdown}</span>")


# What must not appear raw in JSON inside <script>: `<` could start `</script>` or `<!--`, `>` and `&` are
# escaped as well (the HTML spec's and OWASP's advice for script data blocks), and U+2028/U+2029, which
# JavaScript once read as line ends. A \u escape is the same JSON value, so json.loads gives the data back.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_PATTERN = re.compile("[<>&\u2028\u2029]")


def script_json(value: object) -> str:
    """JSON for a <script type="application/ld+json"> data block: compact, keys sorted, and never able to
    close the element or open a comment, whatever strings value holds."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _SCRIPT_UNSAFE_PATTERN.sub(lambda found: _SCRIPT_UNSAFE[found.group(0)], text)
