"""Where every generated page lives: its URL, its file in output/, its file in content/, and links to it.

The one place that builds the site's own addresses. Each function takes a folder (a kind's folder,
or INDEXES for the overview and the index pages) and a validated id, and refuses anything else, so
no value from the data can make a path leave its folder. URLs are relative to the site root
("actors/cnn/"); the theme prefixes SITEURL with the `site_url` filter (`site.py`).
"""

from __future__ import annotations

import functools

from . import ids

INDEXES = "indexes"  # the content/ folder of the overview, the index of each kind and the 404 page
OVERVIEW = "overview"
NOT_FOUND = "not-found"
NOT_FOUND_PAGE = "404.html"
OVERVIEW_PAGE = "index.html"


@functools.lru_cache(maxsize=1 << 16)  # every page links the same few hundred pages again and again
def _checked(folder: str, page_id: str) -> None:
    if not ids.ID_PATTERN.fullmatch(folder) or not ids.ID_PATTERN.fullmatch(page_id):
        raise ValueError(f"not a page of the site: {folder!r}, {page_id!r}")


def url(folder: str, page_id: str) -> str:
    """The address of a record's page, relative to the site root: 'actors/cnn/'."""
    _checked(folder, page_id)
    return f"{folder}/{page_id}/"


def save_as(folder: str, page_id: str) -> str:
    """The file of a record's page in output/: 'actors/cnn/index.html'."""
    return url(folder, page_id) + "index.html"


def content_path(folder: str, page_id: str) -> str:
    """The Markdown file of a page in content/: 'actors/cnn.md'."""
    _checked(folder, page_id)
    return f"{folder}/{page_id}.md"


def filename_link(folder: str, page_id: str, anchor: str = "") -> str:
    """The {filename} target Pelican resolves to a generated page (and checks): '{filename}/actors/cnn.md#x'."""
    return "{filename}/" + content_path(folder, page_id) + fragment(anchor)


def fragment(anchor: str) -> str:
    """'#anchor' for an id-shaped anchor, '' for none."""
    if not anchor:
        return ""
    if not ids.ID_PATTERN.fullmatch(anchor):
        raise ValueError(f"not an anchor of the site: {anchor!r}")
    return f"#{anchor}"


def anchored(page_url: str, anchor: str) -> str:
    """A page's URL with a fragment: 'sources/x/#ev-1a2b'."""
    return page_url + fragment(anchor)


def index_url(folder: str) -> str:
    """The address of a kind's index page: 'actors/'."""
    _checked(folder, "index-of")
    return f"{folder}/"


def index_save_as(folder: str) -> str:
    """The file of a kind's index page in output/: 'actors/index.html'."""
    return index_url(folder) + "index.html"


def index_content_path(name: str) -> str:
    """The Markdown file of the overview, an index or the 404 page in content/: 'indexes/actors.md'."""
    return content_path(INDEXES, name)


# Page 1 of a list keeps the address readers and links already use; later pages live beneath it, at
# 'page/2/', so no later page can take the address of a record (ids name one folder level only, and a
# record with the id 'page' has its page at 'events/page/', beside 'events/page/2/', not on it).
PAGE_SEGMENT = "page"


def numbered(first_url: str, number: int) -> str:
    """The address of page `number` of a list whose first page is first_url: 'events/', 'events/page/2/'."""
    if number < 1:
        raise ValueError(f"not a page number: {number!r}")
    return first_url if number == 1 else f"{first_url}{PAGE_SEGMENT}/{number}/"


def numbered_content(first_path: str, number: int) -> str:
    """The Markdown file of page `number`: 'indexes/events.md', 'indexes/events-page-2.md'."""
    return first_path if number == 1 else first_path.removesuffix(".md") + f"-{PAGE_SEGMENT}-{number}.md"


def list_url(folder: str, page_id: str, section: str, number: int = 1) -> str:
    """The address of the full list of one section of a record's page: 'actors/isis/events/' (page 2:
    'actors/isis/events/page/2/')."""
    _checked(folder, page_id)
    _checked(section, page_id)
    return numbered(f"{folder}/{page_id}/{section}/", number)


def list_content_path(folder: str, page_id: str, section: str, number: int = 1) -> str:
    """The Markdown file of such a list in content/: 'actors/isis/events.md', 'actors/isis/events-page-2.md'."""
    _checked(folder, page_id)
    _checked(section, page_id)
    return numbered_content(f"{folder}/{page_id}/{section}.md", number)


def index_page_content_path(name: str, number: int = 1) -> str:
    """The Markdown file of page `number` of an index in content/: 'indexes/events-page-2.md'."""
    return numbered_content(index_content_path(name), number)


def site_url(siteurl: str, target: str) -> str:
    """The href of an entry's target: SITEURL plus a page URL, or a '#fragment', or an address from the
    data as render wrote it (already percent-encoded by urls.href)."""
    if target.startswith(("https://", "http://", "#")):
        return target
    if target.startswith("/") or "//" in target or ".." in target.split("/"):
        raise ValueError(f"not a URL relative to the site root: {target!r}")
    return f"{siteurl.rstrip('/')}/{target}"
