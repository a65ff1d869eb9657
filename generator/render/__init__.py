"""Stage 4, render: one Markdown page per record of each kind that has pages, the indexes, as text in memory."""

from __future__ import annotations

import multiprocessing
import os

from .. import kinds, paths
from ..geo.basemap import basemap
from ..link import Graph, unlocated
from . import pages
from .indexes import index_pages
from .list_pages import list_pages
from .lists import Lists
from .network import prepare as prepare_networks


def render(graph: Graph, workers: int = 0) -> dict[str, str]:
    """Every page, keyed by its path under content/, in a stable order; on every core for a large report."""
    missing = unlocated(graph)
    if missing:  # validation reports these; rendering them would link to passages that are not there
        raise ValueError(f"{len(missing)} evidence span(s) not located, first: {missing[0].text!r}")
    records = [(kind, record_id) for kind in kinds.paged() for record_id in sorted(getattr(graph.dataset, kind.folder))]
    prepare_networks(graph)  # every network laid out in one Graphviz run, before the workers fork
    found: dict[str, str] = {}
    for part in _in_parts(graph, records, workers or len(os.sched_getaffinity(0))):
        found.update(part)  # the parts in order: the same pages in the same order, however many cores
    found.update(index_pages(graph))
    return found


# Rendering on a second core: below this many pages, forking costs more than it saves.
PARALLEL_MIN_PAGES = 2000
_shared: list[Graph] = []  # the graph a forked worker inherits, never pickled


def _in_parts(graph: Graph, records: list, workers: int) -> list[dict[str, str]]:
    """The record pages in parts, one per core: this process renders the first, forked workers the rest."""
    if workers < 2 or len(records) < PARALLEL_MIN_PAGES:
        return [_record_pages(graph, records)]
    size = -(-len(records) // workers)
    parts = [records[start:start + size] for start in range(0, len(records), size)]
    _shared[:] = [graph]
    basemap()  # the maps' Natural Earth file, read once here and inherited by the workers, not once in each
    try:
        with multiprocessing.get_context("fork").Pool(len(parts) - 1) as pool:
            rest = pool.map_async(_shared_record_pages, [[(k.folder, r) for k, r in part] for part in parts[1:]])
            first = _record_pages(graph, parts[0])
            return [first, *rest.get()]
    finally:
        _shared.clear()  # a watcher's next build has a graph of its own


def _shared_record_pages(part: list[tuple[str, str]]) -> dict[str, str]:
    return _record_pages(_shared[0], [(kinds.kind(folder), record_id) for folder, record_id in part])


def _record_pages(graph: Graph, records: list) -> dict[str, str]:
    """The page of each record, and the pages of the long lists it cuts."""
    found = {}
    for kind, record_id in records:
        record = getattr(graph.dataset, kind.folder)[record_id]
        lists = Lists(kind.folder, record_id, record.name)  # the long lists the page cuts, for their own pages
        found[paths.content_path(kind.folder, record_id)] = pages.module(kind).render_page(graph, record, lists)
        found.update(list_pages(graph, lists))
    return found
