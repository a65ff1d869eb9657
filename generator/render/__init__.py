"""Stage 4, render: one Markdown page per actor, place, event and source, as text in memory."""

from __future__ import annotations

from ..link import Graph
from .actor import render_actor
from .event import render_event
from .indexes import index_pages
from .place import render_place
from .source import render_source

# Each kind of page: the dataset table it comes from and the function that writes it.
RENDERERS = {
    "actors": render_actor,
    "places": render_place,
    "events": render_event,
    "sources": render_source,
}


def render(graph: Graph) -> dict[str, str]:
    """Every page, keyed by its path under content/, in a stable order."""
    pages = {}
    for folder, renderer in RENDERERS.items():
        for record_id in sorted(getattr(graph.dataset, folder)):
            pages[f"{folder}/{record_id}.md"] = renderer(graph, getattr(graph.dataset, folder)[record_id])
    pages.update(index_pages(graph))
    return pages
