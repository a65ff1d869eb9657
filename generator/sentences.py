"""Where the sentences of a text begin and end: the generator's one sentence splitter (pysbd's rules).

pysbd knows abbreviations ("Col. Ryan Dillon", "Lt. Gen.", "the U.S. military", "Dr."), which a cut at
". " does not; it costs milliseconds a text, so each text is split once (cached), and a description's
first sentence is looked for in its first FIRST_SENTENCE_WINDOW characters only.
"""

from __future__ import annotations

import functools
from importlib.metadata import version

import pysbd

from . import cache

FALLBACK_LANGUAGE = "en"  # the rules for a language pysbd has none for
# A first sentence is looked for in this many characters: a list entry shows no more, and the work of
# splitting a description stays bounded however long it is.
FIRST_SENTENCE_WINDOW = 400
# The sentence around a mention: the paragraph is split whole up to WHOLE_PARAGRAPH characters (once, for
# every name in it), a longer one only within AROUND_SPLIT characters of the name; at most AROUND_SHOWN
# characters either side of the name are shown (a news sentence is rarely 300 characters long).
WHOLE_PARAGRAPH = 3000
AROUND_SPLIT = 600
AROUND_SHOWN = 300
# pysbd turns line breaks into its own markers; a space of the same length keeps every offset true.
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ", "\x0b": " ", "\x0c": " "})


def spans(text: str, language: str = FALLBACK_LANGUAGE) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each sentence of text, its trailing spaces left out, by the language's rules
    (English where pysbd has none); text with no sentence end is one sentence."""
    return _spans(text, _rules(language))


@functools.lru_cache(maxsize=1 << 13)  # a paragraph is split once, however many names and spans it holds
def _spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    found, position, flat = [], 0, text.translate(_LINE_BREAKS)
    for piece in _pieces(flat, language):
        core = piece.strip()
        start = flat.find(core, position) if core else -1
        if start < 0:  # a piece pysbd rewrote: its words stay with the sentence before or after
            continue
        found.append((start, start + len(core)))
        position = start + len(core)
    return tuple(found) if found or not text.strip() else ((0, len(text.rstrip())),)


def _pieces(text: str, language: str) -> list[str]:
    """pysbd's sentences of text, as strings (its own offsets search the whole text once a sentence)."""
    segmenter = _segmenter(language)
    return segmenter.processor(text).process() or [] if text.strip() else []


@functools.cache
def _rules(language: str) -> str:
    """The pysbd language code for an article's language ('en-GB' reads 'en'), English if pysbd has no rules."""
    code = str(language or "").split("-")[0].lower()
    try:
        pysbd.Segmenter(language=code, clean=False)
    except ValueError:  # a language pysbd has no rules for
        return FALLBACK_LANGUAGE
    return code


@functools.cache
def _segmenter(code: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=code, clean=False)


@functools.lru_cache(maxsize=1 << 14)  # an actor's or place's description, on every index listing it
def first(text: str, language: str = FALLBACK_LANGUAGE) -> str:
    """The first sentence of text; one longer than FIRST_SENTENCE_WINDOW is cut at a word, marked '…'."""
    window = text[:FIRST_SENTENCE_WINDOW]
    found = spans(window, language)
    if not found:
        return text.strip()
    start, end = found[0]
    if len(found) == 1 and _runs_on(text, window, end):
        return _cut(text[start:end])
    return text[start:end]


def _runs_on(text: str, window: str, end: int) -> bool:
    """True when the one sentence found in the window may go on past it."""
    if len(text) <= len(window) or end < len(window.rstrip()):
        return False
    return not (text[end - 1] in ".!?…" and text[end:end + 1].isspace())


@functools.lru_cache(maxsize=1 << 14)  # each article once a build, whatever order its mentions come in
def of_paragraphs(paragraphs: tuple[str, ...], language: str) -> tuple:
    """The sentences of each paragraph of an article (None for one longer than WHOLE_PARAGRAPH), from the
    build cache when this text was split before: pysbd's milliseconds a paragraph are paid once an article."""
    entry = cache.key("sentences", cache.code_digest(), version("pysbd"), _rules(language), *paragraphs)
    stored = cache.get("sentences", entry)
    if _well_formed(stored, paragraphs):
        return tuple(None if p is None else tuple((a, b) for a, b in p) for p in stored)
    found = tuple(spans(p, language) if len(p) <= WHOLE_PARAGRAPH else None for p in paragraphs)
    cache.put("sentences", entry, found)
    return found


def _well_formed(stored, paragraphs: tuple[str, ...]) -> bool:
    """True when a cache entry holds, for each paragraph, None or (start, end) pairs inside it."""
    if not isinstance(stored, list) or len(stored) != len(paragraphs):
        return False
    return all(found is None or isinstance(found, list) and all(
        isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)
        and 0 <= span[0] <= span[1] <= len(text) for span in found) for found, text in zip(stored, paragraphs))


def around(text: str, start: int, end: int, language: str = FALLBACK_LANGUAGE,
           split: tuple[tuple[int, int], ...] | None = None) -> tuple[int, int, bool, bool]:
    """The sentence of text holding text[start:end], at most AROUND_SHOWN characters either side of it: its
    (start, end), and whether it was cut before and after. split is the text's sentences, if known (see
    of_paragraphs); else a text up to WHOLE_PARAGRAPH long is split whole, once for every name in it, and a
    longer one only within AROUND_SPLIT characters of the name, so that it costs no more."""
    if split is not None:
        low, high, found = 0, len(text), split
    else:
        low, high = (0, len(text)) if len(text) <= WHOLE_PARAGRAPH else (
            max(0, start - AROUND_SPLIT), min(len(text), end + AROUND_SPLIT))
        found = spans(text[low:high], language)
    found = [(low + a, low + b) for a, b in found if low + a < end and start < low + b]
    first_char, last_char = (found[0][0], found[-1][1]) if found else (start, end)
    cut_before = low > 0 and not text[low:first_char].strip()  # no boundary between the window's edge and it
    cut_after = high < len(text) and last_char >= len(text[:high].rstrip())
    if first_char < start - AROUND_SHOWN:
        first_char, cut_before = start - AROUND_SHOWN, True
    if last_char > end + AROUND_SHOWN:
        last_char, cut_after = end + AROUND_SHOWN, True
    if cut_before:  # a word the cut went through is left out
        space = text.find(" ", first_char, start)
        first_char = space + 1 if space >= 0 else first_char
    if cut_after:
        space = text.rfind(" ", end, last_char)
        last_char = space if space >= 0 else last_char
    return first_char, max(last_char, end), cut_before, cut_after


def _cut(text: str) -> str:
    """text without its last, perhaps partial, word, marked as cut."""
    head = text.rsplit(" ", 1)[0] if " " in text else text
    return head.rstrip() + " …"
