"""The search page: the form's target, where theme/static/js/search.js shows the results.

The index itself is built from the finished site by generator/search_index.py (Pagefind).
"""

from __future__ import annotations

from .. import kinds, paths
from ..link import Graph
from ..markdown_text import page_link
from .common import header, metadata

SEARCH = "search"  # the search page: indexes/search.md, at search/
SEARCH_URL = "search/"


def render_search(graph: Graph) -> str:
    """The search page. Its body is what a reader without JavaScript sees: search needs it, and the indexes
    list everything."""
    ways = [f"- {page_link(k.section, paths.INDEXES, k.folder)}" for k in kinds.paged()]
    body = ["Search needs JavaScript, which is off or not available in this browser.", "",
            "Everything in the report is listed in its indexes:", "", *ways]
    fields = metadata("Search", SEARCH, "search", "index", "Search the report's pages.", SEARCH_URL,
                      SEARCH_URL + "index.html", "data/")
    return header(fields) + "\n".join(body) + "\n"
