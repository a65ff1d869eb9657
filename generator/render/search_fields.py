"""Each record page's Search field: its kind, its other names and the articles it appears in.

The theme writes it as Pagefind's filters (kind, article) and as names weighted like the title; the
index is built from the finished site by generator/search_index.py.
"""

from __future__ import annotations

from .. import kinds
from ..link import Graph
from ..markdown_text import one_line
from . import meta

# A page is given the article filter of at most this many of the articles it appears in (the first
# published): an outlet or a country named in 5,000 articles would otherwise carry 5,000 filter values,
# and Pagefind's filter index grows with the sum of them. Filtering by a later article still finds every
# page that article names but the few in more than this many articles.
ARTICLE_FILTERS = 20


def search_field(graph: Graph, folder: str, page_id: str) -> str:
    """A record page's Search line: its kind for the kind filter, its other names (weighted like the
    title, so an alias finds the page first), and the titles of the articles it appears in (capped)."""
    kind = kinds.kind(folder)
    record = getattr(graph.dataset, folder)[page_id]
    name = getattr(record, "name", "").casefold()
    # The name itself is the title already; one_line as every infobox entry is written.
    aliases = [one_line(alias) for alias in getattr(record, "aliases", ()) if alias.casefold() != name]
    return meta.as_json({"kind": kind.entry_noun, "names": aliases, "articles": _articles(graph, folder, page_id)})


def _articles(graph: Graph, folder: str, page_id: str) -> list[str]:
    """The titles of the first ARTICLE_FILTERS articles (by publication) whose data is behind the page."""
    if folder == "sources":
        return [one_line(graph.dataset.sources[page_id].title)]
    by_file = graph.source_of_file
    found = [by_file[path] for path in graph.files_of.get((folder, page_id), ()) if path in by_file]
    return [one_line(source.title) for source in kinds.ordered(kinds.kind("sources"), found)[:ARTICLE_FILTERS]]

