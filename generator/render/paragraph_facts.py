"""The facts an article reports, in the order it tells them, and the margin list of each paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from .. import kinds
from ..link import Graph
from ..markdown_text import inline, isolated_text, one_line, page_link
from ..model import Evidence
from ..vocabulary import ACTOR_RELATIONS
from ..wording import count_of
from .common import all_evidence

# The kinds whose records an article's page lists (those with evidence), in the registry's order, which
# is the order its sections come.
FACT_FOLDERS = tuple(kind.folder for kind in kinds.KINDS if kind.evidence)
# A paragraph's margin list shows this many facts, then how many more: a paragraph cited by 300 facts
# stays a few lines long (the sections below the text list every fact). The sample's busiest paragraph
# has 7, all shown.
MARGIN_CAP = 8


@dataclass(frozen=True)
class Fact:
    """One fact as one article tells it: its kind, the record, its spans in that article, a page-local key."""

    folder: str
    record: object
    spans: tuple[Evidence, ...]  # in reading order
    key: str  # 'f3': names the fact in the data-facts of its marks, so a script can find all its pieces


def facts_of_article(graph: Graph, source_id: str) -> list[Fact]:
    """Every fact the article reports, in the order it tells them: by the place of its first span
    (paragraph, offset), then its kind and its place in that kind's order, so that ties are stable."""
    found = []
    for rank, folder in enumerate(FACT_FOLDERS):
        for index, record in enumerate(graph.facts_of_source(source_id, folder)):
            spans = sorted((s for s in all_evidence(record) if s.source == source_id and s.located),
                           key=_position)
            first = _position(spans[0]) if spans else (float("inf"), 0, 0)
            found.append((first, rank, index, folder, record, tuple(spans)))
    found.sort(key=lambda f: f[:3])
    return [Fact(folder, record, spans, f"f{n}") for n, (*_, folder, record, spans) in enumerate(found)]


def _position(span: Evidence) -> tuple[int, int, int]:
    # A longer span first where two start together: it encloses the other, as the marks nest.
    return span.paragraph, span.start, -span.end


def by_paragraph(facts: list[Fact]) -> dict[int, list[Fact]]:
    """The facts citing each paragraph, each once, in the order of their first span in that paragraph
    (facts: in reading order, as facts_of_article gives them)."""
    cited: dict[int, dict[str, tuple]] = {}
    for order, fact in enumerate(facts):  # facts in reading order: a tie goes to the fact the article tells first
        for span in fact.spans:
            here = cited.setdefault(span.paragraph, {})
            if fact.key not in here:  # the spans are in reading order: the first in the paragraph comes first
                here[fact.key] = (_position(span), order, fact)
    return {number: [fact for *_, fact in sorted(here.values(), key=lambda v: v[:2])]
            for number, here in cited.items()}


def keys_of_anchor(facts: list[Fact]) -> dict[str, list[str]]:
    """For each evidence anchor, the keys of the facts it supports (two facts may cite the same words)."""
    keys: dict[str, list[str]] = {}
    for fact in facts:
        for span in fact.spans:
            if fact.key not in keys.setdefault(span.anchor, []):
                keys[span.anchor].append(fact.key)
    return keys


def margin_markdown(graph: Graph, number: int, facts: list[Fact]) -> list[str]:
    """The list, beside a paragraph, of the facts citing it: each linked to its page, or to its words here
    when its kind has no pages; collapsible (<details>) where the screen is narrow. Nothing for none."""
    if not facts:
        return []
    items = [f"- {_entry(graph, fact, number)}" for fact in facts[:MARGIN_CAP]]
    if len(facts) > MARGIN_CAP:
        items.append(f"- and {count_of(len(facts) - MARGIN_CAP, 'more fact')}, in the lists below")
    # Words, not only layout, say what the list is, so that it reads without the stylesheet.
    summary = f"Facts citing ¶{number + 1} ({len(facts):,})"
    return ['<details class="paragraph-facts" markdown="1">', f"<summary>{summary}</summary>", "", *items, "",
            "</details>", ""]


def _entry(graph: Graph, fact: Fact, number: int) -> str:
    kind = kinds.kind(fact.folder)
    label = _label(graph, fact)
    if kind.page and kind.keyed:
        link = page_link(label, fact.folder, fact.record.id)
    else:  # its words in this paragraph, highlighted when followed
        anchor = next(s.anchor for s in fact.spans if s.paragraph == number)
        link = f"[{inline(label)}](#{anchor})"
    return f"{kind.noun.capitalize()}: {link}"


def _label(graph: Graph, fact: Fact) -> str:
    """The words naming the fact, whole (a reader quotes them), as plain text: escaped where it is written,
    each name from the data isolated, so that a right-to-left one cannot reorder the words around it."""
    record, actors = fact.record, graph.dataset.actors
    if fact.folder == "quotes":
        return f"“{isolated_text(record.text)}” ({isolated_text(actors[record.speaker].name)})"
    if fact.folder == "relationships":
        verb = ACTOR_RELATIONS[record.kind][0].lower()
        return f"{isolated_text(actors[record.subject].name)} {verb} {isolated_text(actors[record.object].name)}"
    return one_line(record.name)

