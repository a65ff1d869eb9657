"""The overview page, one index page per kind of the registry, and the 404 page."""

from __future__ import annotations

from .. import kinds, page_meta as M, paths
from ..link import Graph
from ..dates import point_label
from ..markdown_text import escape, isolated_text, page_link
from ..wording import count_of, first_sentence, outlet_and_day
from . import meta, pages, timeline
from .common import attribution_text, header, linked_text, metadata, quantity_text
from .lists import INDEX_ENTRIES_PER_PAGE, paged_groups, pagination
from .views import view_pages

MAIN_ENTITIES = 8
# The overview summarises: the newest articles and the first key figures, then a link to all of them.
LATEST_ARTICLES = 20
KEY_FIGURES = 12


def _page(slug: str, title: str, template: str, where: tuple[str, str], summary: str,
          layout: list[tuple[str, str]], body: list[str]) -> str:
    url, save_as = where
    fields = metadata(title, slug, template, "index", summary, url, save_as, "data/", layout=layout)
    return header(fields) + "\n".join(body).rstrip() + "\n"


def render_index(graph: Graph, kind: kinds.Kind) -> dict[str, str]:
    """The index pages of one kind, keyed by path under content/: every entry, grouped as its page module
    groups them, lists.INDEX_ENTRIES_PER_PAGE entries a page (page 1 at the index's own address)."""
    count = len(getattr(graph.dataset, kind.folder))
    summary = f"{count_of(count, kind.entry_noun)} of the report, {kind.grouping}."
    parts = paged_groups(pages.module(kind).index_groups(graph, kind), INDEX_ENTRIES_PER_PAGE)
    first = paths.index_url(kind.folder)
    found = {}
    for number, groups in enumerate(parts, start=1):
        layout = [(M.GROUPS, meta.as_json(groups)), (M.CRUMBS, meta.as_json([meta.item("Overview", "")])),
                  (M.PAGINATION, meta.as_json(pagination(first, number, len(parts))))]
        title, slug, lede = kind.section, f"{kind.folder}-index", summary
        if len(parts) > 1:
            title, lede = f"{kind.section}, page {number} of {len(parts)}", f"{summary} Page {number} of {len(parts)}."
            slug += "" if number == 1 else f"-{number}"
        url = paths.numbered(first, number)
        found[paths.index_page_content_path(kind.folder, number)] = _page(slug, title, "kind-index",
                                                                          (url, url + "index.html"), lede, layout,
                                                                          [lede])
    return found


def _weight(graph: Graph, folder: str, entity_id: str) -> int:
    """How connected a record is: how many records name it (an outlet's articles aside: not what it is in)."""
    return sum(1 for b in graph.backlinks.get((folder, entity_id), []) if b.kind.folder != "sources")


def _main(graph: Graph, folder: str) -> list[dict]:
    records = getattr(graph.dataset, folder).values()
    ranked = sorted(records, key=lambda r: (-_weight(graph, folder, r.id), r.name.casefold()))
    return [meta.entity_item(graph, folder, r.id, first_sentence(r.description)) for r in ranked[:MAIN_ENTITIES]]


def _key_figures(graph: Graph) -> list[dict]:
    figures = sorted((f for f in graph.dataset.figures.values() if f.value), key=lambda f: f.id)
    return [meta.item(quantity_text(f.value), paths.url("figures", f.id),
                      f"{isolated_text(f.claim)}; {attribution_text(graph, f.attribution)}")
            for f in figures[:KEY_FIGURES]]


def _everything(graph: Graph) -> list[dict]:
    data = graph.dataset
    return [meta.item(count_of(len(getattr(data, k.folder)), k.entry_noun), paths.index_url(k.folder), k.grouping)
            for k in kinds.paged()]


def _articles(graph: Graph) -> list[dict]:
    """The newest articles, in order of publication, each with its outlet and day; then a link to all of them."""
    data, kind = graph.dataset, kinds.kind("sources")
    latest = kinds.ordered(kind, data.sources.values())[-LATEST_ARTICLES:]
    items = [meta.item(source.title, paths.url("sources", source.id),
                       outlet_and_day(data.actors[source.outlet].name, source.published)) for source in latest]
    if len(data.sources) > LATEST_ARTICLES:
        items.append(meta.item(f"All {len(data.sources):,} articles", paths.index_url(kind.folder), kind.grouping))
    return items


def _published(sources: list) -> str:
    """'published on 26 October 2017', or 'published from 26 October 2017 to 3 November 2017'."""
    first, last = min(s.published for s in sources), max(s.published for s in sources)
    if first == last:
        return f"published on {point_label(first)}"
    return f"published from {point_label(first)} to {point_label(last)}"


def overview_sentences(graph: Graph) -> str:
    """What the report is built from, counted from the data: articles, outlets, dates, events, actors, places."""
    data = graph.dataset
    sources = list(data.sources.values())
    outlets = {source.outlet for source in sources}
    return (f"This report is built from {count_of(len(sources), 'article')} by {count_of(len(outlets), 'outlet')}, "
            f"{_published(sources)}. It sets out {count_of(len(data.events), 'event')}, "
            f"{count_of(len(data.actors), 'actor')} and {count_of(len(data.places), 'place')}; "
            "every fact links to the sentence that supports it.")


def render_overview(graph: Graph) -> str:
    """The home page: the editor's introduction, what the report is built from (counted, not written by hand),
    its articles, key figures, a short timeline, the main actors and places."""
    report = graph.dataset.report
    blocks = [
        {"id": "articles", "title": "Articles" if len(graph.dataset.sources) <= LATEST_ARTICLES else "Latest articles",
         "items": _articles(graph)},
        {"id": "key-figures", "title": "Key figures", "items": _key_figures(graph)},
        {"id": "main-actors", "title": "Main actors", "items": _main(graph, "actors")},
        {"id": "main-places", "title": "Main places", "items": _main(graph, "places")},
        {"id": "everything", "title": "Everything in the report", "items": _everything(graph)},
    ]
    layout = [(M.BLOCKS, meta.as_json([b for b in blocks if b["items"]])), (M.TIMELINE, timeline.of_report(graph))]
    return _page(paths.OVERVIEW, report.title, "overview", ("", paths.OVERVIEW_PAGE), report.summary, layout,
                 [linked_text(graph, report.summary), "", escape(overview_sentences(graph))])


def render_not_found(graph: Graph) -> str:
    """The 404 page. Its links are absolute (SITEURL), so they work from any depth it is served at."""
    ways = [f"- {page_link('The overview', paths.INDEXES, paths.OVERVIEW)}"]
    ways += [f"- {page_link(k.section, paths.INDEXES, k.folder)}" for k in kinds.paged()]
    body = ["There is no page at this address, or there no longer is.", "", "Try one of these:", "", *ways]
    return _page(paths.NOT_FOUND, "Page not found", "not-found", (paths.NOT_FOUND_PAGE, paths.NOT_FOUND_PAGE),
                 "There is no page at this address.", [], body)


def index_pages(graph: Graph) -> dict[str, str]:
    """The overview, the index of each kind, the 404 page and the views (render/views.py), keyed by path under content/."""
    found = {}
    for kind in kinds.paged():
        found.update(render_index(graph, kind))
    found[paths.index_content_path(paths.OVERVIEW)] = render_overview(graph)
    found[paths.index_content_path(paths.NOT_FOUND)] = render_not_found(graph)
    found.update(view_pages(graph))
    return found
