"""A Pelican plugin: the files a published report needs beside its pages, and what the build adds to Pelican.

The incremental writer (generator/pelican_cache.py), whose records are saved once the site is
complete; HAND_WRITTEN_PAGES in the templates' context, the hand-written pages the footer links,
found once per build (a footer filtering every page on every page made the build quadratic).
.nojekyll (GitHub Pages must not run Jekyll), CNAME (when CUSTOM_DOMAIN is set), and, when
SITEURL is absolute (a publish build), sitemap.xml, feed.atom and robots.txt with absolute URLs.
The sitemap is written here rather than by pelican-sitemap, which stamps undated pages with the
build time and so would make two builds of the same data differ. The hover previews' fragments beside
each record's page (generator/previews.py).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed
from pelican import signals

from .markdown_text import xml_text
from .pelican_cache import ReportWriter, save_records
from .paths import site_url
from .previews import write_previews

FEED = "feed.atom"
SITEMAP = "sitemap.xml"
HAND_WRITTEN_TEMPLATE = "page"  # Pelican's template for a page that names none: content/pages/
_pages: list = []  # the pages of the current build, kept between two signals


def register() -> None:
    """Pelican's entry point for plugins."""
    signals.get_writer.connect(_writer)
    signals.page_generator_finalized.connect(_list_hand_written)
    signals.all_generators_finalized.connect(_remember_pages)
    signals.finalized.connect(_write_extras)
    signals.finalized.connect(_write_previews)
    signals.finalized.connect(_save_layouts)


def _writer(pelican) -> type:
    return ReportWriter


def _list_hand_written(generator) -> None:
    generator.context["HAND_WRITTEN_PAGES"] = [page for page in generator.pages
                                               if page.template == HAND_WRITTEN_TEMPLATE]


def _remember_pages(generators) -> None:
    _pages.clear()
    for generator in generators:
        _pages.extend(getattr(generator, "pages", []))


def _save_layouts(pelican) -> None:
    save_records()


def _write_previews(pelican) -> None:
    # Every build, copied pages included: a fragment follows the page's current metadata.
    write_previews(Path(pelican.output_path), _pages)


def _write_extras(pelican) -> None:
    settings, output = pelican.settings, Path(pelican.output_path)
    (output / ".nojekyll").write_text("", encoding="utf-8")
    domain = settings.get("CUSTOM_DOMAIN")
    if domain:
        (output / "CNAME").write_text(domain.strip() + "\n", encoding="utf-8")
    siteurl = settings.get("SITEURL", "")
    if siteurl.startswith(("https://", "http://")):
        pages = sorted((p for p in _pages if p.url != "404.html"), key=lambda p: p.url)
        (output / SITEMAP).write_text(sitemap(siteurl, [p.url for p in pages]), encoding="utf-8")
        (output / FEED).write_text(feed(settings, [p for p in pages if p.template == "source"]), encoding="utf-8")
        (output / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url(siteurl, SITEMAP)}\n",
                                           encoding="utf-8")


def sitemap(siteurl: str, urls: list[str]) -> str:
    """A sitemap listing each page's absolute URL."""
    entries = "".join(f"  <url><loc>{escape(site_url(siteurl, url))}</loc></url>\n" for url in urls)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")


def feed(settings: dict, sources: list) -> str:
    """An Atom feed of the report's source articles, newest first, with absolute URLs."""
    siteurl = settings["SITEURL"]
    name = xml_text(settings["SITENAME"])
    atom = Atom1Feed(title=name, link=site_url(siteurl, ""), feed_url=site_url(siteurl, FEED), description=name,
                     language=settings.get("DEFAULT_LANG", "en"))
    for page in sorted(sources, key=lambda p: (p.date, p.url), reverse=True):
        # Titles and summaries are data: feedgenerator escapes them; xml_text drops what XML cannot hold.
        atom.add_item(title=xml_text(page.title), link=site_url(siteurl, page.url),
                      unique_id=site_url(siteurl, page.url),
                      description=xml_text(page.summary), pubdate=page.date, updateddate=page.date)
    return atom.writeString("utf-8")
