"""Pelican settings for the report site. `make html` builds with these."""

import os
import sys

# Pelican loads this file by path, so the project's own package is not importable by default.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generator.site import JINJA_FILTERS  # noqa: E402, F401  (a Pelican setting; needs the path above)

SITENAME = "Iraqi–Kurdish clashes and the fight against ISIS"
SITEURL = ""
AUTHOR = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %B %Y"

PATH = "content"
THEME = "theme"
# Every generated page is a Pelican page; each says its own URL and save_as in its metadata.
PAGE_PATHS = ["actors", "places", "events", "sources", "pages"]
ARTICLE_PATHS = ["articles"]
STATIC_PATHS = []
IGNORE_FILES = [".*"]

# One page per thing; these Pelican outputs have no place in a report.
DIRECT_TEMPLATES = ["index"]
for _kind in ("TAG", "CATEGORY", "AUTHOR", "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE"):
    globals()[f"{_kind}_SAVE_AS"] = ""
TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DISPLAY_PAGES_ON_MENU = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# Templates escape everything by default; page bodies pass through the sanitizer filter.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
