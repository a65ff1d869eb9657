"""Evidence spans: find a verbatim passage in an article, ignoring whitespace and quote style."""

from __future__ import annotations

import hashlib
from functools import lru_cache

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})


@lru_cache(maxsize=4096)  # each paragraph is searched once per evidence span: normalize it once
def normalize(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with quotes unified and whitespace collapsed, and the original index of each character."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text.translate(_QUOTES)):
        if char.isspace():
            if not chars or chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), tuple(origin)


def locate(paragraphs: list[str], span: str) -> list[tuple[int, int, int]]:
    """Every occurrence of span as (paragraph index, start, end) in the original text."""
    needle, _ = normalize(span)
    if not needle:
        return []
    found = []
    for number, paragraph in enumerate(paragraphs):
        haystack, origin = normalize(paragraph)
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle) - 1
            found.append((number, origin[start], origin[end] + 1))
            start = haystack.find(needle, start + 1)
    return found


def contains(outer: str, inner: str) -> bool:
    """True when inner occurs in outer, ignoring whitespace and quote style."""
    return normalize(inner)[0] in normalize(outer)[0]


def anchor(span: str) -> str:
    """A stable fragment id for a span: the same words give the same id on every build."""
    digest = hashlib.sha1(normalize(span)[0].encode("utf-8")).hexdigest()
    return f"ev-{digest[:10]}"


def closest(paragraphs: list[str], span: str) -> str:
    """The passage of the article that looks most like span, to show the editor what differs."""
    import difflib

    needle = normalize(span)[0]
    best, best_score = "", 0.0
    for paragraph in paragraphs:
        haystack = normalize(paragraph)[0]
        matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
        block = matcher.find_longest_match(0, len(haystack), 0, len(needle))
        start = max(0, block.a - block.b)
        candidate = haystack[start:start + len(needle)]
        score = difflib.SequenceMatcher(None, candidate, needle, autojunk=False).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best
