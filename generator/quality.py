"""The report's own quality: what valid data still leaves out (python -m generator check-data).

Validation proves the data is sound; these checks say whether the report covers its articles: every
sentence cited by some fact's evidence, every actor and place connected to some fact (so that its page
lists it and links back). Each finding is a Problem naming the file, line and field.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import pysbd

from .link import Graph
from .model import Entity, Source
from .problems import Problem

CITED = 0.75  # the share of a sentence's characters that evidence spans must cover
_FALLBACK_LANGUAGE = "en"
_KIND = {"actors": "an actor", "places": "a place"}


def findings(graph: Graph) -> list[Problem]:
    """Every gap in the report's coverage of its articles, in file and line order."""
    found = [*_uncited_sentences(graph), *_unconnected_entities(graph)]
    return sorted(found, key=lambda p: (p.path, p.line, p.field))


# ---- every sentence cited ----------------------------------------------------------------------

def sentences(text: str, language: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of text, by pysbd's rules for the language (English if unknown)."""
    spans = _segmenter(language).segment(text)
    return [(span.start, span.start + len(span.sent.rstrip())) for span in spans if span.sent.strip()]


@functools.lru_cache(maxsize=None)
def _segmenter(language: str) -> pysbd.Segmenter:
    code = language.split("-")[0].lower()
    try:
        return pysbd.Segmenter(language=code, clean=False, char_span=True)
    except ValueError:  # a language pysbd has no rules for
        return pysbd.Segmenter(language=_FALLBACK_LANGUAGE, clean=False, char_span=True)


def _uncited_sentences(graph: Graph) -> Iterator[Problem]:
    for source in graph.dataset.sources.values():
        covered = _coverage(graph, source)
        for number, paragraph in enumerate(source.paragraphs):
            for start, end in sentences(paragraph, source.language):
                share = sum(covered[number][start:end]) / max(1, end - start)
                if share < CITED:
                    yield source.origin.problem(
                        ("paragraphs", number), f"every sentence of ¶{number + 1} cited by some fact's evidence "
                        f"(at least {CITED:.0%} of it)", f"{paragraph[start:end]!r}, {share:.0%} cited",
                        "add the fact it reports, with the sentence as its evidence")


def _coverage(graph: Graph, source: Source) -> list[list[bool]]:
    """For each character of each paragraph, whether some evidence span covers it."""
    covered = [[False] * len(paragraph) for paragraph in source.paragraphs]
    for span in graph.dataset.evidence():
        if span.source == source.id:
            covered[span.paragraph][span.start:span.end] = [True] * (span.end - span.start)
    return covered


# ---- every actor and place connected to a fact ---------------------------------------------------

def _entities(graph: Graph) -> Iterator[Entity]:
    yield from graph.dataset.actors.values()
    yield from graph.dataset.places.values()


def _unconnected_entities(graph: Graph) -> Iterator[Problem]:
    connected = {"actors": _actor_connected(graph), "places": _place_connected(graph)}
    for entity in _entities(graph):
        if not connected[entity.folder](entity.id):
            yield entity.origin.problem(
                ("id",), f"{_KIND[entity.folder]} connected to some fact of an article",
                f"{entity.id!r}, connected to no event, quote, figure or relationship",
                "add the facts the article reports about it, or remove it")


def _actor_connected(graph: Graph) -> Callable[[str], bool]:
    outlets = {source.outlet for source in graph.dataset.sources.values()}
    return lambda actor: bool(actor in outlets or graph.events_of_actor[actor] or graph.quotes_of_actor[actor]
                              or graph.relations_of_actor[actor] or graph.figures_of[("actors", actor)])


def _place_connected(graph: Graph) -> Callable[[str], bool]:
    return lambda place: bool(graph.events_at_place[place] or graph.figures_of[("places", place)]
                              or graph.children_of_place[place])
