"""What the Pelican theme needs from Python: filters, and the report's settings from data/report.yaml."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from jinja2 import Undefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import page_meta, paths, schema_check
from .pipeline import shown as _shown
from .load import load_file
from .markdown_text import PAGE_FOLDERS, isolated_text, needs_isolation, one_line, script_json
from .problems import DataError, Problem
from .wording import humanize
from .render.meta import SECTIONS as _SECTIONS
from .render.views import NAV as VIEWS

# The HTML our Markdown can produce, and nothing else: no scripts, styles, handlers or forms.
# details and summary: the list of facts beside each paragraph of an article, collapsible on a phone.
ALLOWED_TAGS = {"a", "p", "ul", "ol", "li", "strong", "em", "blockquote", "h2", "h3", "mark", "code", "br", "hr",
                "dl", "dt", "dd", "span", "sup", "abbr", "bdi", "details", "summary"}
# data-ev and data-facts: which span a piece of an evidence mark belongs to, and the facts it supports, so
# that report.js highlights every piece of a fact; data-entity: what a name not linked again names.
ALLOWED_ATTRIBUTES = {"*": {"id", "class"}, "a": {"href"}, "abbr": {"title"}, "mark": {"data-ev", "data-facts"},
                      "span": {"data-entity"}}
SECTIONS = tuple(_SECTIONS.items())  # (folder, title) pairs, for the navigation
__all__ = ["JINJA_FILTERS", "PAGE_FOLDERS", "SECTIONS", "VIEWS", "report_settings"]


EXTERNAL = "external"  # the class of a link that leaves the site: print shows its address
# nh3 writes every start tag as `<a name="value" ...>`, with `"`, `<` and `>` escaped in values.
_ANCHOR = re.compile(r"<a((?: [^\s=>]+=\"[^\"]*\")*)>")
_ATTRIBUTE = re.compile(r' ([^\s=>]+)="([^"]*)"')


@pass_context
def sanitize(context: Context, text: str) -> Markup:
    """Clean HTML rendered from Markdown, so that data can never inject markup; links off the site are marked."""
    clean = nh3.clean(text or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel=None)
    return Markup(_ANCHOR.sub(lambda anchor: _marked(anchor, context["SITEURL"]), clean))


def _marked(anchor: re.Match, siteurl: str) -> str:
    attributes = dict(_ATTRIBUTE.findall(anchor.group(1)))
    if not leaves(siteurl, html.unescape(attributes.get("href", ""))):
        return anchor.group(0)
    attributes["class"] = " ".join(filter(None, [attributes.get("class", ""), EXTERNAL]))
    return "<a" + "".join(f' {name}="{value}"' for name, value in attributes.items()) + ">"


def leaves(siteurl: str, href: str) -> bool:
    """Whether a link goes off the site: an address with a scheme, not under an absolute SITEURL."""
    if not urlsplit(href).scheme:
        return False
    return not (siteurl and (href == siteurl or href.startswith(siteurl.rstrip("/") + "/")))


@pass_context
def leaves_site(context: Context, href: str) -> bool:
    """The `leaves_site` filter: whether an href (after site_url) goes off the site."""
    return leaves(context["SITEURL"], href)


def isolate(text: str | None) -> Markup:
    """Text for HTML, escaped, and inside <bdi> when it is right-to-left, so it cannot reorder its neighbours."""
    text = text or ""
    return Markup("<bdi>{}</bdi>").format(text) if needs_isolation(text) else escape(text)


def isolate_text(text: str | None) -> str:
    """Text for a plain-text element such as <title>, in Unicode isolates when it is right-to-left."""
    return isolated_text(text or "")


class LayoutError(ValueError):
    """A page lacks a structured metadata line its template reads, or the line is not JSON: one line saying which."""


@pass_context
def fromjson(context: Context, text: str | Undefined) -> object:
    """A structured metadata line (one line of JSON) of the page, or a LayoutError naming the page and the field.

    Render writes every layout field its page's template reads, '[]' when there is nothing to show
    (page_meta.LAYOUT), so a missing line is a mistake in the template or in render, never an empty list.
    """
    if isinstance(text, Undefined):
        name = getattr(text, "_undefined_name", None) or "(unnamed)"
        raise LayoutError(f"{_page_of(context)}: the template reads page.{name}, which the page does not have "
                          f"(its layout fields are {_layout_names()})")
    try:
        return json.loads(text)
    except (TypeError, ValueError) as err:
        raise LayoutError(f"{_page_of(context)}: {_field_holding(context, text)} is not one line of JSON "
                          f"({err})") from None


def _page_of(context: Context) -> str:
    page = context.get("page")
    return getattr(page, "relative_source_path", None) or "a page without a source"


def _field_holding(context: Context, text: object) -> str:
    # The filter gets the value, not its name: find which metadata line holds it.
    metadata = getattr(context.get("page"), "metadata", {})
    names = [f"page.{key}" for key, value in sorted(metadata.items()) if value is text]
    return names[0] if names else "a metadata line"


def _layout_names() -> str:
    return ", ".join(f"page.{page_meta.attribute(name)}" for name in page_meta.LAYOUT)


@pass_context
def site_url(context: Context, target: str) -> str:
    """The href of a page URL relative to the site root ('actors/cnn/', '' for the overview), under SITEURL."""
    return paths.site_url(context["SITEURL"], target)


@pass_context
def ld_json(context: Context, value: object) -> Markup:
    """The `ld_json` filter: a page's JSONLD (read with fromjson) as the body of its <script type=
    "application/ld+json">, the site's own addresses under SITEURL, made safe by markdown_text.script_json."""
    return Markup(script_json(_under_site(value, context["SITEURL"])))  # noqa: S704 - script_json escaped it


_SITE_ADDRESSES = ("@id", "url")  # the keys render/jsonld.py gives addresses, relative to the site root


def _under_site(value: object, siteurl: str) -> object:
    if isinstance(value, dict):
        return {key: paths.site_url(siteurl, item) if key in _SITE_ADDRESSES and isinstance(item, str)
                else _under_site(item, siteurl) for key, item in value.items()}
    if isinstance(value, list):
        return [_under_site(item, siteurl) for item in value]
    return value


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
                 "isolate_text": isolate_text, "site_url": site_url, "leaves_site": leaves_site,
                 "ld_json": ld_json}
