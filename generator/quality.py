"""The report's own quality: what valid data still leaves out (python -m generator check-data).

Validation proves the data is sound; these checks say whether the report covers its articles: every
sentence cited by some fact's evidence, every actor and place connected to some fact (so that its page
lists it and links back). Each finding is a Problem naming the file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import kinds, sentences as splitter
from .link import Graph
from .model import Source
from .problems import Problem

CITED = 0.75  # the share of a sentence's characters that evidence spans must cover


def findings(graph: Graph) -> list[Problem]:
    """Every gap in the report's coverage of its articles, in file and line order."""
    found = [*_uncited_sentences(graph), *_unconnected_entities(graph)]
    return sorted(found, key=lambda p: (p.path, p.line, p.field))


# ---- every sentence cited ----------------------------------------------------------------------

def sentences(text: str, language: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of text, by pysbd's rules for the language (English if unknown)."""
    return list(splitter.spans(text, language))


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
    for span in graph.spans_of_source[source.id]:
        covered[span.paragraph][span.start:span.end] = [True] * (span.end - span.start)
    return covered


# ---- every actor and place connected to a fact ---------------------------------------------------

def _unconnected_entities(graph: Graph) -> Iterator[Problem]:
    """Actors and places (the kinds whose names the text links) that no record names."""
    for kind in (k for k in kinds.KINDS if k.named):
        for entity in kinds.records(graph.dataset, kind):
            if not graph.backlinks.get((kind.folder, entity.id)):
                yield entity.origin.problem(
                    ("id",), f"{kind.article} connected to some fact of an article",
                    f"{entity.id!r}, connected to no event, quote, figure or relationship",
                    "add the facts the article reports about it, or remove it")
