"""What the Pelican theme needs from Python: filters, and the report's settings from data/report.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import nh3
from markupsafe import Markup, escape

from . import schema_check
from .pipeline import shown as _shown
from .load import load_file
from .markdown_text import PAGE_FOLDERS, isolated_text, needs_isolation, one_line
from .problems import DataError, Problem
from .wording import humanize
from .render.meta import SECTIONS as _SECTIONS

# The HTML our Markdown can produce, and nothing else: no scripts, styles, handlers or forms.
ALLOWED_TAGS = {"a", "p", "ul", "ol", "li", "strong", "em", "blockquote", "h2", "h3", "mark", "code", "br", "hr",
                "dl", "dt", "dd", "span", "sup", "abbr", "bdi"}
ALLOWED_ATTRIBUTES = {"*": {"id", "class"}, "a": {"href"}, "abbr": {"title"}, "mark": {"data-ev"}}
SECTIONS = tuple(_SECTIONS.items())  # (folder, title) pairs, for the navigation
__all__ = ["JINJA_FILTERS", "PAGE_FOLDERS", "SECTIONS", "report_settings"]


def sanitize(html: str) -> Markup:
    """Clean HTML rendered from Markdown, so that data can never inject markup."""
    clean = nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel=None)
    return Markup(clean)


def isolate(text: str | None) -> Markup:
    """Text for HTML, escaped, and inside <bdi> when it is right-to-left, so it cannot reorder its neighbours."""
    text = text or ""
    return Markup("<bdi>{}</bdi>").format(text) if needs_isolation(text) else escape(text)


def isolate_text(text: str | None) -> str:
    """Text for a plain-text element such as <title>, in Unicode isolates when it is right-to-left."""
    return isolated_text(text or "")


def fromjson(text: str | None) -> object:
    """Structured metadata the generator wrote as one line of JSON; nothing when absent."""
    return json.loads(text) if text else []


def report_settings(data: Path) -> dict[str, str]:
    """SITENAME and DEFAULT_LANG from data/report.yaml, or a DataError naming what is wrong in it."""
    path = data / "report.yaml"
    shown = _shown(path)
    if not path.is_file():
        raise DataError([Problem(shown, 1, "(file)", "the report's file", "no such file",
                                 "create it, starting with a top-level 'report:'")])
    document = load_file(path, shown)
    problems = schema_check.check(document, "report")
    if problems:
        raise DataError(problems)
    report = document.data["report"]
    # One line, as every page's Title is: the site name also goes into <title> and the feed.
    return {"SITENAME": one_line(report["title"]), "DEFAULT_LANG": report["language"]}


JINJA_FILTERS = {"sanitize": sanitize, "fromjson": fromjson, "humanize": humanize, "isolate": isolate,
                 "isolate_text": isolate_text}
