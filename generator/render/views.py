"""The report's site-wide views: one page each at '<folder>/', beside the indexes of the kinds.

A view is a page about the whole report rather than one record (search; the timeline, map,
network and open data). Each is one `View` here: its folder (the page's content path under
indexes/ and its URL), the title the navigation shows, and the function that renders its
Markdown page from the graph. The navigation lists the views marked `in_nav`, after the kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import kinds, paths
from ..link import Graph
from .data_page import DATA, render_data
from .network import NETWORK, render_network
from .map import MAP, render_map
from .search import SEARCH, render_search
from .timeline import TIMELINE, render_timeline


@dataclass(frozen=True)
class View:
    """A page about the whole report, at '<folder>/'."""

    folder: str
    title: str
    render: Callable[[Graph], str | dict[str, str]]  # its page, or its pages keyed by path (a paged view)
    in_nav: bool = True  # search has its own box on every page


VIEWS: tuple[View, ...] = (
    View(SEARCH, "Search", render_search, in_nav=False),
    View(TIMELINE, "Timeline", render_timeline),
    View(MAP, "Map", render_map),
    View(NETWORK, "Network", render_network),
    View(DATA, "Data", render_data),
)

# A view's folder is a URL's first segment: it must not take a kind's folder or a reserved name.
_TAKEN = {kind.folder for kind in kinds.KINDS} | {paths.INDEXES, paths.OVERVIEW, paths.NOT_FOUND, "theme", "pagefind"}
assert not _TAKEN & {view.folder for view in VIEWS}, "a view's folder takes a reserved name"
assert len({view.folder for view in VIEWS}) == len(VIEWS), "two views share a folder"

NAV = tuple((view.folder, view.title) for view in VIEWS if view.in_nav)  # (folder, title) for the navigation


def view_pages(graph: Graph) -> dict[str, str]:
    """The page of every view, keyed by its path under content/ (a paged view gives its pages so keyed)."""
    found = {}
    for view in VIEWS:
        pages = view.render(graph)
        found.update(pages if isinstance(pages, dict) else {paths.index_content_path(view.folder): pages})
    return found
