"""The pages of a full list cut on a record's page: 'actors/isis/events/', then 'actors/isis/events/page/2/'."""

from __future__ import annotations

from .. import page_meta as M, paths
from ..link import Graph
from ..markdown_text import isolated_text
from . import meta
from .common import header, metadata
from .lists import ENTRIES_PER_PAGE, FullList, Lists, chunks, pagination


def list_pages(graph: Graph, lists: Lists) -> dict[str, str]:
    """Every page of every full list of one record's page, keyed by path under content/."""
    found = {}
    for full in lists.full:
        parts = chunks(list(full.items), ENTRIES_PER_PAGE)
        for number, items in enumerate(parts, start=1):
            path = paths.list_content_path(lists.folder, lists.record_id, full.anchor, number)
            found[path] = _page(graph, lists, full, items, number, len(parts))
    return found


def _page(graph: Graph, lists: Lists, full: FullList, items: list[str], number: int, count: int) -> str:
    folder, record_id = lists.folder, lists.record_id
    first = paths.list_url(folder, record_id, full.anchor)
    url = paths.numbered(first, number)
    where = f", page {number} of {count}" if count > 1 else ""
    title = f"{full.title}: {isolated_text(lists.name)}{where}"
    summary = f"All {len(full.items):,} entries of “{full.title}” on the page of {isolated_text(lists.name)}{where}."
    layout = [(M.CRUMBS, meta.crumbs(graph, folder, [(folder, record_id)])),
              (M.PAGINATION, meta.as_json(pagination(first, number, count)))]
    files = ", ".join(sorted(graph.files_of[(folder, record_id)]))
    fields = metadata(title, f"{folder}-{record_id}-{full.anchor}-{number}", "list", "list", summary, url,
                      url + "index.html", files, layout=layout)
    return header(fields) + "\n".join(items) + "\n"
