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
from .map import MAP, render_map
from .search import SEARCH, render_search


@dataclass(frozen=True)
class View:
    """A page about the whole report, at '<folder>/'."""

    folder: str
    title: str
    render: Callable[[Graph], str]
    in_nav: bool = True  # search has its own box on every page


VIEWS: tuple[View, ...] = (
    View(SEARCH, "Search", render_search, in_nav=False),
    View(MAP, "Map", render_map),
)

# A view's folder is a URL's first segment: it must not take a kind's folder or a reserved name.
_TAKEN = {kind.folder for kind in kinds.KINDS} | {paths.INDEXES, paths.OVERVIEW, paths.NOT_FOUND, "theme", "pagefind"}
assert not _TAKEN & {view.folder for view in VIEWS}, "a view's folder takes a reserved name"
assert len({view.folder for view in VIEWS}) == len(VIEWS), "two views share a folder"

NAV = tuple((view.folder, view.title) for view in VIEWS if view.in_nav)  # (folder, title) for the navigation


def view_pages(graph: Graph) -> dict[str, str]:
    """The page of every view, keyed by its path under content/."""
    return {paths.index_content_path(view.folder): view.render(graph) for view in VIEWS}
