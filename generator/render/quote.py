"""The Markdown page of a quote: the words, who said them, when, and each article's sentence with the words marked."""

from __future__ import annotations

import functools
from collections import defaultdict

from .. import page_meta as M, paths, quality
from ..dates import label, sort_key
from ..link import Graph
from ..markdown_text import escape, isolate, isolated_text, one_line, page_link
from ..model import Evidence, Quote
from ..wording import outlet_and_day
from . import meta
from .common import (all_evidence, attribution_phrase, entity_link, escape_inner, header,
                     page_fields, quote_details, reports, section, source_label)
from .lists import INLINE_CAP, Lists

def render_page(graph: Graph, quote: Quote, lists: Lists | None = None) -> str:
    """The page of one quote: the words, who said them to whom and when, and the passage of each article."""
    lists = lists or Lists("quotes", quote.id, quote.name)
    lines = [_said_line(graph, quote), ""]  # the words are the page's title
    lines += section("In the articles", [passage_item(graph, span) for span in all_evidence(quote)], lists,
                     "passages quoting {name}")
    speaker = isolated_text(graph.dataset.actors[quote.speaker].name)
    layout = [(M.INFOBOX, _infobox(graph, quote)), (M.CRUMBS, meta.crumbs(graph, "quotes"))]
    day = quote.date.value if quote.date and quote.date.precision == "day" else ""
    fields = page_fields(graph, "quotes", quote.id, title(graph, quote), "quote", "quote",
                         f"{speaker} said: “{isolated_text(quote.text)}”", day, layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def title(graph: Graph, quote: Quote) -> str:
    """'Ryan Dillon: “aware of tensions …”': the speaker and the words, whole (a page shows a text as it is)."""
    return f"{isolated_text(graph.dataset.actors[quote.speaker].name)}: “{isolated_text(quote.text)}”"


def _said_line(graph: Graph, quote: Quote) -> str:
    """'— Ryan Dillon, to CNN, 26 October 2017 (“Thursday”), during …'."""
    parts = [entity_link(graph, "actors", quote.speaker), *quote_details(graph, quote)]
    if quote.attribution is not None and not quote.attribution.own:
        parts.append(attribution_phrase(graph, quote.attribution))
    return "— " + ", ".join(parts)


def _infobox(graph: Graph, quote: Quote) -> str:
    return meta.infobox([
        meta.row("Speaker", [meta.entity_item(graph, "actors", quote.speaker)]),
        meta.row("To", [] if quote.to is None else [meta.entity_item(graph, "actors", quote.to)]),
        meta.row("Date", [] if quote.date is None else [meta.item(label(quote.date))]),
        meta.row("During", [] if quote.event is None else [meta.entity_item(graph, "events", quote.event)]),
        meta.row("Reported in", _articles(graph, quote)),
    ])


def _articles(graph: Graph, record) -> list[dict]:
    """The articles that report a fact, the first few, then how many more."""
    versions = reports(record)
    shown = [meta.item(article_text(graph, v.source), paths.url("sources", v.source)) for v in versions[:INLINE_CAP]]
    if len(versions) > len(shown):
        shown.append(meta.item(f"and {len(versions) - len(shown):,} more"))
    return shown


def passage_item(graph: Graph, span: Evidence) -> str:
    """The sentence(s) of the article the span is in, the span marked, and a link to the span in its article."""
    source = graph.dataset.sources[span.source]
    paragraph = source.paragraphs[span.paragraph]
    start, end = around(paragraph, source.language, span.start, span.end)
    words = escape(paragraph[span.start:span.end])
    marked = (escape_inner(paragraph[start:span.start]) + f'<mark class="quoted">{words}</mark>'
              + escape_inner(paragraph[span.end:end]))
    place = page_link(source_label(graph, source.id, span.paragraph), "sources", source.id, span.anchor)
    # Isolated when right-to-left, so the link after it stays where it belongs.
    return f"- {isolate(marked.strip(), paragraph[start:end])} ({place})"


def around(paragraph: str, language: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentences of a paragraph that hold the span from start to end."""
    held = [(s, e) for s, e in _sentences(paragraph, language) if s < end and start < e]
    if not held:  # the span lies in what the splitter left between sentences: the span alone
        return start, end
    return min(held[0][0], start), max(held[-1][1], end)


@functools.lru_cache(maxsize=1024)
def _sentences(paragraph: str, language: str) -> tuple[tuple[int, int], ...]:
    # One split per paragraph, however many spans it holds (pysbd is slow).
    return tuple(quality.sentences(paragraph, language))


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The quotes index: by speaker, speakers by name, each speaker's quotes by date."""
    grouped = defaultdict(list)
    for quote in sorted(graph.dataset.quotes.values(), key=_by_date):
        grouped[quote.speaker].append(quote_entry(graph, quote))
    actors = graph.dataset.actors
    speakers = sorted(grouped, key=lambda a: (actors[a].name.casefold(), a))
    return [{"title": one_line(actors[a].name), "items": grouped[a]} for a in speakers]


def article_text(graph: Graph, source_id: str) -> str:
    """'CNN, 26 October 2017' as plain text, for metadata the theme escapes (the outlet isolated if need be)."""
    source = graph.dataset.sources[source_id]
    return outlet_and_day(isolated_text(graph.dataset.actors[source.outlet].name), source.published)


def _by_date(quote: Quote) -> tuple:
    return sort_key(quote.date), quote.id


def quote_entry(graph: Graph, quote: Quote) -> dict:
    """An index entry: the words, linked, with the date and the article (or how many)."""
    versions = reports(quote)
    where = article_text(graph, quote.source) if len(versions) == 1 else f"in {len(versions):,} articles"
    when = label(quote.date) if quote.date is not None else "date not given"
    return meta.item(f"“{isolated_text(quote.text)}”", paths.url("quotes", quote.id), f"{when}; {where}")
