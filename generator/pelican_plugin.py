"""A Pelican plugin: the files a published report needs beside its pages, and what the build adds to Pelican.

The incremental writer (generator/pelican_cache.py), whose records are saved once the site is
complete; HAND_WRITTEN_PAGES in the templates' context, the hand-written pages the footer links,
found once per build (a footer filtering every page on every page made the build quadratic).
.nojekyll (GitHub Pages must not run Jekyll), CNAME (when CUSTOM_DOMAIN is set), and, when
SITEURL is absolute (a publish build), sitemap.xml, feed.atom and robots.txt with absolute URLs.
The sitemap is written here rather than by pelican-sitemap, which stamps undated pages with the
build time and so would make two builds of the same data differ. The feed has the articles and the
events, newest first. The hover previews' fragments beside each record's page (generator/previews.py).
The open data beside the data page, data/ (generator/open_data.py), from the report being built
(REPORT_DATA, as the settings read it), loaded once more here: Pelican has the pages, not the records.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed
from pelican import signals

from . import dates, paths, pipeline
from .link import Graph
from .markdown_text import xml_text
from .open_data import write_open_data
from .pelican_cache import ReportWriter, save_records
from .paths import site_url
from .previews import write_previews

FEED = "feed.atom"
SITEMAP = "sitemap.xml"
HAND_WRITTEN_TEMPLATE = "page"  # Pelican's template for a page that names none: content/pages/
_pages: list = []  # the pages of the current build, kept between two signals
_graph: list = []  # the report's graph, loaded once per build for the open data and the feed


def register() -> None:
    """Pelican's entry point for plugins."""
    signals.get_writer.connect(_writer)
    signals.page_generator_finalized.connect(_list_hand_written)
    signals.all_generators_finalized.connect(_remember_pages)
    signals.finalized.connect(_write_extras)
    signals.finalized.connect(_write_open_data)
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


def report_graph() -> Graph:
    """The linked records of the report this build is for (the data the settings read), loaded once."""
    if not _graph:
        _graph.append(pipeline.graph(Path(os.environ.get("REPORT_DATA", "data"))))
    return _graph[0]


def _write_open_data(pelican) -> None:
    siteurl = pelican.settings.get("SITEURL", "")
    write_open_data(report_graph(), Path(pelican.output_path), siteurl)
    _graph.clear()  # a devserver process builds again: the next build reads the data again


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
        (output / FEED).write_text(feed(settings, [p for p in pages if p.template == "source"],
                                        event_entries(report_graph())), encoding="utf-8")
        (output / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url(siteurl, SITEMAP)}\n",
                                           encoding="utf-8")


def sitemap(siteurl: str, urls: list[str]) -> str:
    """A sitemap listing each page's absolute URL."""
    entries = "".join(f"  <url><loc>{escape(site_url(siteurl, url))}</loc></url>\n" for url in urls)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")


def event_entries(graph: Graph) -> list[tuple[str, str, str, datetime.datetime]]:
    """(title, page URL, description, date) of each event: dated by the last day its date allows, an
    undated one by the day its article was published."""
    entries = []
    for event in graph.dataset.events.values():
        day = dates.bounds(event.date)[1] if event.date else datetime.date.fromisoformat(
            graph.dataset.sources[event.source].published)
        when = datetime.datetime.combine(day, datetime.time(), datetime.timezone.utc)
        entries.append((event.title, paths.url("events", event.id), event.description, when))
    return entries


def _utc(when: datetime.datetime) -> datetime.datetime:
    return when if when.tzinfo else when.replace(tzinfo=datetime.timezone.utc)


def feed(settings: dict, sources: list, events: list[tuple[str, str, str, datetime.datetime]] = ()) -> str:
    """An Atom feed of the report's source articles and events, newest first, with absolute URLs."""
    siteurl = settings["SITEURL"]
    name = xml_text(settings["SITENAME"])
    atom = Atom1Feed(title=name, link=site_url(siteurl, ""), feed_url=site_url(siteurl, FEED), description=name,
                     language=settings.get("DEFAULT_LANG", "en"))
    entries = [(page.title, page.url, page.summary, _utc(page.date)) for page in sources] + list(events)
    for title, url, summary, when in sorted(entries, key=lambda entry: (entry[3], entry[1]), reverse=True):
        # Titles and summaries are data: feedgenerator escapes them; xml_text drops what XML cannot hold.
        atom.add_item(title=xml_text(title), link=site_url(siteurl, url), unique_id=site_url(siteurl, url),
                      description=xml_text(summary), pubdate=when, updateddate=when)
    return atom.writeString("utf-8")
