"""Pelican settings for the report site. `make html` builds with these; publishconf.py extends them."""

import os
import sys
from pathlib import Path

# Pelican loads this file by path, so the project's own package is not importable by default.
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from jinja2 import StrictUndefined  # noqa: E402

from generator.pelican_cache import PREVIOUS_SITE, ReportMarkdownReader  # noqa: E402
from generator.problems import DataError  # noqa: E402  (settings; need the path)
from generator.site import JINJA_FILTERS, PAGE_FOLDERS, SECTIONS, VIEWS, report_settings  # noqa: E402, F401

# SITENAME and DEFAULT_LANG come from the report file of the data being built (the build sets
# REPORT_DATA). A bad report file is reported like any data problem and stops Pelican (SystemExit
# passes Pelican's own handler, which would print a traceback), whoever runs these settings.
try:
    globals().update(report_settings(Path(os.environ.get("REPORT_DATA", HERE / "data"))))
except DataError as _err:
    print(_err.report(), file=sys.stderr)
    raise SystemExit(2) from None
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
TIMEZONE = "UTC"
DEFAULT_DATE_FORMAT = "%d %B %Y"
REPORT_SECTIONS = SECTIONS
REPORT_VIEWS = VIEWS  # the site-wide views (timeline, map, ...), after the sections (generator/render/views.py)

PATH = "content"
# Never True: the build (generator/build.py) gives Pelican a fresh, empty folder and replaces
# output/ with it only when the whole build succeeded; deleting first would lose the site.
DELETE_OUTPUT_DIRECTORY = False
THEME = "theme"
# Every generated page is a Pelican page; each says its own URL and save_as in its metadata. The
# folders come from the registry of kinds (generator/kinds.py), plus the editors' own pages/.
PAGE_PATHS = [*PAGE_FOLDERS, "pages"]
ARTICLE_PATHS = ["articles"]
STATIC_PATHS = []
IGNORE_FILES = [".*"]

# The overview and the index pages are generated pages too, so no direct templates are needed.
DIRECT_TEMPLATES = []
for _kind in ("TAG", "CATEGORY", "AUTHOR", "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE"):
    globals()[f"{_kind}_SAVE_AS"] = ""
TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = INDEX_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DISPLAY_PAGES_ON_MENU = False

# .nojekyll, CNAME, and for publish builds sitemap.xml, feed.atom and robots.txt.
PLUGINS = ["generator.pelican_plugin"]
CUSTOM_DOMAIN = ""  # set in publishconf.py

# Each page's Markdown is converted once per text, and the build cache keeps the HTML
# (generator/pelican_cache.py); the build names the last site, whose unchanged pages are copied.
READERS = {"md": ReportMarkdownReader}
globals()[PREVIOUS_SITE] = ""

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# The one Content-Security-Policy of every page (base.html): our own files only, so no inline script,
# style or handler runs. A feature that needs more adds exactly that source here, and says why.
# Search (theme/static/js/search.js) runs Pagefind's WebAssembly, which script-src must allow to compile:
# 'wasm-unsafe-eval' permits WebAssembly only, never eval() of JavaScript.
CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; base-uri 'self'; form-action 'self'"

# Templates escape everything by default; page bodies pass through the sanitizer filter. A name a
# template reads that the page does not have (a typo such as page.infobx) stops the build instead of
# rendering as nothing: optional fields are tested with `is defined` where their absence is legitimate.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "undefined": StrictUndefined}
