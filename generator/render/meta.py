"""Structured metadata the theme lays out: infobox rows, breadcrumbs and lists, as one-line JSON.

URLs here are relative to the site root ("actors/cnn/"); the theme prefixes SITEURL. An address
from the data goes through web_item, which writes it percent-encoded. Text is plain: the templates
escape it, and isolate a right-to-left value; where a note mixes a value from the data with our
words, the value is wrapped in Unicode isolates (markdown_text.isolated_text).
"""

from __future__ import annotations

import json

from .. import kinds, paths, urls
from ..link import Graph
from ..markdown_text import one_line

# The report's sections, in the order the navigation shows them: folder -> title (from the registry).
SECTIONS = {kind.folder: kind.section for kind in kinds.paged()}


def as_json(value: object) -> str:
    """Compact, deterministic JSON for a metadata line."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def item(text: str, url: str | None = None, note: str | None = None) -> dict:
    """One entry of a list or an infobox row: a text, maybe a link, maybe a note."""
    entry = {"text": one_line(text)}
    if url is not None:
        entry["url"] = url
    if note:
        entry["note"] = one_line(note)
    return entry


def web_item(text: str, url: str, note: str | None = None) -> dict:
    """An entry linking to an address from the data (validated), written percent-encoded."""
    return item(text, urls.href(url), note)


def entity_item(graph: Graph, folder: str, entity_id: str, note: str | None = None) -> dict:
    """A link to the page of a record."""
    record = getattr(graph.dataset, folder)[entity_id]
    return item(record.name, paths.url(folder, entity_id), note)


def row(label: str, items: list[dict]) -> dict | None:
    """An infobox row, or None when there is nothing to show."""
    return {"label": label, "items": items} if items else None


def infobox(rows: list[dict | None]) -> str:
    """The infobox of a page, leaving out empty rows."""
    return as_json([r for r in rows if r])


def crumbs(graph: Graph, folder: str, trail: list[tuple[str, str]] = ()) -> str:
    """Breadcrumbs: Overview › section › each (folder, id) of trail."""
    path = [item("Overview", ""), item(SECTIONS[folder], paths.index_url(folder))]
    path += [entity_item(graph, kind, entity_id) for kind, entity_id in trail]
    return as_json(path)
