"""Where the sentences of a text begin and end: the generator's one sentence splitter (pysbd's rules).

pysbd knows abbreviations ("Col. Ryan Dillon", "Lt. Gen.", "the U.S. military", "Dr."), which a cut at
". " does not; it costs milliseconds a text, so each text is split once (cached), and a description's
first sentence is looked for in its first FIRST_SENTENCE_WINDOW characters only.
"""

from __future__ import annotations

import functools

import pysbd

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


def around(text: str, start: int, end: int, language: str = FALLBACK_LANGUAGE) -> tuple[int, int, bool, bool]:
    """The sentence of text holding text[start:end], at most AROUND_SHOWN characters either side of it: its
    (start, end), and whether it was cut before and after. A paragraph is split once for every name in it;
    one longer than WHOLE_PARAGRAPH only within AROUND_SPLIT characters of the name, so it costs no more."""
    low, high = (0, len(text)) if len(text) <= WHOLE_PARAGRAPH else (
        max(0, start - AROUND_SPLIT), min(len(text), end + AROUND_SPLIT))
    found = [(low + a, low + b) for a, b in spans(text[low:high], language) if low + a < end and start < low + b]
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
