"""The names of the metadata lines a generated page carries: the contract between render and the theme.

Render writes each name as a Markdown metadata key; Pelican lowercases it, and the templates read it
as `page.<name in lowercase>`. Tests check both sides against this list, so a typo on either side
fails (`tests/test_theme_contract.py`).
"""

from __future__ import annotations

TITLE = "Title"
SLUG = "Slug"
TEMPLATE = "Template"
KIND = "Kind"
DATE = "Date"
SUMMARY = "Summary"
URL = "URL"
SAVE_AS = "Save_as"
GENERATED = "Generated"
DATA = "Data"
# Structured fields, each one line of JSON the theme reads with the `fromjson` filter.
INFOBOX = "Infobox"
CRUMBS = "Crumbs"
GROUPS = "Groups"
BLOCKS = "Blocks"
PAGINATION = "Pagination"  # the page links of a list over several pages: numbered, previous and next
NETWORK = "Network"  # a network of actors as drawing geometry (render/network.py), or null: nothing to draw
CHART = "Chart"  # a figure's values as chart geometry (render/chart.py), or null for a claim without a number
TIMELINE = "Timeline"  # events drawn on a date axis and listed (render/timeline.py), or null without events

MAP = "Map"  # a map as geometry (render/map.py): the map page's, or a place page's locator (null: no coordinates)

SEARCH = "Search"  # a record page's kind, other names and articles, for search (render/search.py)
JSONLD = "Jsonld"  # the page's schema.org description (render/jsonld.py), written in <head> by base.html

# Every page has these, in this order; layout fields come between SAVE_AS and GENERATED.
COMMON = (TITLE, SLUG, TEMPLATE, KIND, DATE, SUMMARY, URL, SAVE_AS)
LAYOUT = (INFOBOX, CRUMBS, GROUPS, BLOCKS, PAGINATION, CHART, TIMELINE, MAP, NETWORK, SEARCH, JSONLD)
JSON_FIELDS = frozenset(LAYOUT)


def attribute(name: str) -> str:
    """The attribute a template reads for a metadata name: 'Infobox' -> 'infobox'."""
    return name.lower()
