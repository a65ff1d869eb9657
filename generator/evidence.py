"""Evidence spans: find a verbatim passage in an article, ignoring whitespace and quote style."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from functools import lru_cache

# Whitespace that normalize changes: other than a space, two in a row, or at either end.
_IRREGULAR_SPACE = re.compile(r"[^\S ]|  |^ | $")
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})


@lru_cache(maxsize=4096)  # each paragraph is searched once per evidence span: normalize it once
def normalize(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with quotes unified and whitespace collapsed, and the original index of each character."""
    translated = text.translate(_QUOTES)
    if not _IRREGULAR_SPACE.search(translated):  # most text: words already one space apart, nothing to collapse
        return translated, tuple(range(len(translated)))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(translated):
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


# The closest-passage hint does bounded work whatever the size of the article: a few pieces of
# the span are looked up (str.find, linear), and only a few candidate places are compared
# character by character. Comparing the span with a whole 200 KB paragraph took seconds.
_COMPARED = 300  # characters of a span compared; enough to show the editor where the words differ
_PIECES = 16  # pieces of the span looked up in each paragraph
_PIECE = 8  # characters in a piece: long enough to be rare in prose, short enough to miss a typo
_HITS = 64  # occurrences of one piece counted, in each paragraph
_CANDIDATES = 4  # places compared with the span, character by character


def closest(paragraphs: list[str], span: str) -> str:
    """The passage of the article that looks most like span, to show the editor what differs."""
    needle = normalize(span)[0][:_COMPARED]
    if not needle:
        return ""
    votes: Counter[tuple[int, int]] = Counter()
    for number, paragraph in enumerate(paragraphs):
        haystack = normalize(paragraph)[0]
        for offset, piece in _pieces(needle):
            for found in _occurrences(haystack, piece, _HITS):
                votes[number, max(0, found - offset)] += 1  # where the span would start, were it there
    best, best_score = "", 0.0
    for number, start in _places(votes, _slack(needle)):
        candidate, score = _aligned(normalize(paragraphs[number])[0], start, needle)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _slack(needle: str) -> int:
    """How far the votes may misplace the span: letters added or left out shift where it starts."""
    return max(8, len(needle) // 4)


def _places(votes: Counter[tuple[int, int]], slack: int) -> list[tuple[int, int]]:
    """The _CANDIDATES places with the most votes, each at least slack from the others."""
    chosen: list[tuple[int, int]] = []
    for number, start in sorted(votes, key=lambda place: (-votes[place], place)):
        if all(number != other or abs(start - begin) > slack for other, begin in chosen):
            chosen.append((number, start))
            if len(chosen) == _CANDIDATES:
                break
    return chosen


def _aligned(haystack: str, start: int, needle: str) -> tuple[str, float]:
    """The passage near start that lines up with needle, from its first to its last matching words,
    and how alike the two are (difflib's ratio, from 0 to 1).

    The votes place the span only roughly, so the passage is widened by the slack, then cut
    where the matching blocks begin and end.
    """
    low = max(0, start - _slack(needle))
    window = haystack[low:start + len(needle) + _slack(needle)]
    matched = difflib.SequenceMatcher(None, window, needle, autojunk=False).get_matching_blocks()
    blocks = [b for b in matched if b.size >= 3] or [difflib.Match(start - low, 0, 0)]
    first, last = blocks[0], blocks[-1]
    begin = max(0, first.a - first.b)
    passage = window[begin:last.a + last.size + (len(needle) - last.b - last.size)]
    return passage, 2 * sum(b.size for b in blocks) / (len(passage) + len(needle))


def _pieces(needle: str) -> list[tuple[int, str]]:
    """Up to _PIECES short pieces of needle, spread evenly over it, each with its offset."""
    size = min(_PIECE, max(1, len(needle) // 2))
    last = len(needle) - size
    count = min(_PIECES, last + 1)
    offsets = sorted({round(index * last / max(1, count - 1)) for index in range(count)})
    return [(offset, needle[offset:offset + size]) for offset in offsets]


def _occurrences(haystack: str, piece: str, limit: int) -> list[int]:
    """Where piece occurs in haystack, the first limit times."""
    found, start = [], haystack.find(piece)
    while start != -1 and len(found) < limit:
        found.append(start)
        start = haystack.find(piece, start + 1)
    return found
