"""Stage 4, render: one Markdown page per record of each kind that has pages, the indexes, as text in memory."""

from __future__ import annotations

from .. import kinds, paths
from ..link import Graph, unlocated
from . import pages
from .indexes import index_pages
from .list_pages import list_pages
from .lists import Lists


def render(graph: Graph) -> dict[str, str]:
    """Every page, keyed by its path under content/, in a stable order."""
    missing = unlocated(graph)
    if missing:  # validation reports these; rendering them would link to passages that are not there
        raise ValueError(f"{len(missing)} evidence span(s) not located, first: {missing[0].text!r}")
    found = {}
    for kind in kinds.paged():
        render_page = pages.module(kind).render_page
        table = getattr(graph.dataset, kind.folder)
        for record_id in sorted(table):
            record = table[record_id]
            lists = Lists(kind.folder, record_id, record.name)  # the long lists the page cuts, for their own pages
            found[paths.content_path(kind.folder, record_id)] = render_page(graph, record, lists)
            found.update(list_pages(graph, lists))
    found.update(index_pages(graph))
    return found
