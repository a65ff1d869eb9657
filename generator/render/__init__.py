"""Stage 4, render: one Markdown page per record of each kind that has pages, the indexes, as text in memory."""

from __future__ import annotations

from .. import kinds, paths
from ..link import Graph, unlocated
from . import pages
from .indexes import index_pages


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
            found[paths.content_path(kind.folder, record_id)] = render_page(graph, table[record_id])
    found.update(index_pages(graph))
    return found
