"""How the pages put things in words: kinds, counts, first sentences and article labels, as plain text."""

from __future__ import annotations

import functools

from . import sentences
from .dates import point_label


def humanize(kind: str | None) -> str:
    """'diversion-of-resources' reads 'diversion of resources'."""
    return (kind or "").replace("-", " ")


def count_of(count: int, noun: str) -> str:
    """'1 article', '19 actors'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def first_sentence(text: str) -> str:
    """The first sentence of a description, for a list entry ("Col. Ryan Dillon ..." is one sentence)."""
    return sentences.first(text)


@functools.lru_cache(maxsize=1 << 14)  # an article is named so in every list and evidence link citing it
def outlet_and_day(outlet: str, published: str) -> str:
    """'CNN, 26 October 2017': how an article is named in lists and evidence links."""
    return f"{outlet}, {point_label(published)}"
