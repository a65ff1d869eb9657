"""The open data's tables: for each, its columns (name, type, meaning), keys, and its rows from the graph.

One row per record, and for a fact several articles report, one row per (fact, article): each
report keeps its own source, date, value and participants, never merged (ACLED's practice of a row
per source). Rows come in a fixed order (ids, then the article first reported), as generators, so a
table is written as it is read and never held whole. Cells are Python values (str, int, float, bool,
a list of texts, or None); generator/open_data.py writes them as CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import dates, kinds, paths
from .link import Graph
from .markdown_text import one_line
from .model import Attribution, DateSpec, Place

LIST_SEPARATOR = ";"  # several ids in one cell: ids never hold it (generator/ids.py); free text goes in
# a JSON array (Table Schema's type "array"), which no text can break


@dataclass(frozen=True)
class Column:
    """One column: its name, its Table Schema type (string, integer, number, boolean, date), its meaning."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    """One CSV file of the data package."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, table, its column)
    rows: Callable[[Graph, str], Iterator[tuple]]  # (graph, the site's address) -> rows in column order

    @property
    def path(self) -> str:
        """The table's file, beside datapackage.json."""
        return f"{self.name}.csv"


def _c(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, description)


def _ids(values) -> str:
    return LIST_SEPARATOR.join(values)


def date_cells(graph: Graph, version) -> tuple:
    """(earliest day, latest day, precision, EDTF, approximate, the article's phrase) of a report's date; its
    EDTF as the timeline writes it (dates.edtf_text), a span ending on the article's day ending exactly."""
    spec: DateSpec | None = version.date
    if spec is None:
        return None, None, None, None, None, None
    first, last = dates.bounds(spec)
    published = graph.dataset.sources[version.source].published
    return (first.isoformat() if first else None, last.isoformat(), spec.precision,
            dates.edtf_text(spec, published), spec.approximate, one_line(spec.phrase) if spec.phrase else None)


DATE_COLUMNS = (
    _c("date", "date", "the earliest day the date allows (empty: not given, or open before date_latest)"),
    _c("date_latest", "date", "the latest day the date allows"),
    _c("precision", "string", "day, month, year or range"),
    _c("edtf", "string", "the date in Extended Date/Time Format, '~' approximate, '?' uncertain, '..' an open start"),
    _c("approximate", "boolean", "whether the article gives the date as approximate"),
    _c("date_phrase", "string", "the article's own words for the date"),
)
ATTRIBUTION_COLUMNS = (
    _c("attributed_to", "string", "the actor the article says asserts it"),
    _c("attribution_source", "string", "an unnamed source, in the article's words"),
    _c("attribution_verb", "string", "how they assert it (says, claims, assesses, ...)"),
    _c("own_statement", "boolean", "true when the article states it itself"),
)


def attribution_cells(said: Attribution | None) -> tuple:
    """(actor, unnamed source, verb, the article's own statement) of an attribution."""
    if said is None:
        return None, None, None, None
    return said.by, one_line(said.source) if said.source else None, said.verb, said.own


def _page(siteurl: str, folder: str, record_id: str, anchor: str = "") -> str:
    return paths.site_url(siteurl, paths.anchored(paths.url(folder, record_id), anchor))


def _reports(graph: Graph, folder: str) -> Iterator:
    """(fact, report) for every report of every fact of a kind, facts by id, reports in the data's order."""
    kind = kinds.kind(folder)
    records = kinds.records(graph.dataset, kind)
    if kind.keyed:
        records = sorted(records, key=lambda record: record.id)
    for record in records:
        for version in kinds.versions(record):
            yield record, version


def _located_place(graph: Graph, place_ids: list[str]) -> tuple:
    """(place, lat, lon, precision) of the first place listed, with its coordinates when it has them."""
    if not place_ids:
        return None, None, None, None
    place: Place = graph.dataset.places[place_ids[0]]
    spot = place.coordinates
    return (place.id, *((spot.lat, spot.lon, spot.precision) if spot else (None, None, None)))


def event_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per article's report of an event, ACLED-like: date, type, actors, place, source, notes."""
    for event, version in _reports(graph, "events"):
        actors = [p.actor for p in version.participants]
        source = graph.dataset.sources[version.source]
        yield (event.id, version.source, *date_cells(graph, version), version.kind, one_line(version.title),
               actors[0] if actors else None, actors[1] if len(actors) > 1 else None, _ids(actors),
               *_located_place(graph, version.places), _ids(version.places), source.url,
               _page(siteurl, "events", event.id), *attribution_cells(version.attribution),
               one_line(version.description))


def actor_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per actor."""
    for actor in sorted(graph.dataset.actors.values(), key=lambda a: a.id):
        yield (actor.id, one_line(actor.name), actor.kind, [one_line(a) for a in actor.aliases],
               actor.identifiers.get("wikidata"), _page(siteurl, "actors", actor.id), one_line(actor.description))


def place_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per place, with its coordinates and where they come from."""
    for place in sorted(graph.dataset.places.values(), key=lambda p: p.id):
        spot = place.coordinates
        where = (spot.lat, spot.lon, spot.precision, one_line(spot.source_title), spot.source_url) if spot \
            else (None,) * 5
        yield (place.id, one_line(place.name), place.kind, [one_line(a) for a in place.aliases],
               place.parents[0] if place.parents else None, _ids(place.parents), *where,
               place.identifiers.get("wikidata"), place.identifiers.get("geonames"),
               _page(siteurl, "places", place.id), one_line(place.description))


def article_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per source article."""
    for source in sorted(graph.dataset.sources.values(), key=lambda s: s.id):
        yield (source.id, one_line(source.title), source.outlet, source.published, source.language, source.url,
               [one_line(a) for a in source.authors], source.text,
               source.read_in.outlet if source.read_in else None, source.read_in.url if source.read_in else None,
               len(source.paragraphs), _page(siteurl, "sources", source.id))


def quote_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per article's report of a quote."""
    for quote, version in _reports(graph, "quotes"):
        yield (quote.id, version.source, version.speaker, one_line(version.text), version.to,
               one_line(version.setting) if version.setting else None, version.event, *date_cells(graph, version),
               *attribution_cells(version.attribution), _page(siteurl, "quotes", quote.id))


def figure_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per article's report of a figure, with its value as that article gives it."""
    for figure, version in _reports(graph, "figures"):
        value = version.value
        amount = (one_line(value.unit), value.exact, value.minimum, value.maximum, value.approximate) if value \
            else (None,) * 5
        yield (figure.id, version.source, one_line(version.claim), *amount, *attribution_cells(version.attribution),
               _ids(version.actors), _ids(version.places), _ids(version.events), *date_cells(graph, version),
               _page(siteurl, "figures", figure.id))


def relationship_id(relationship) -> str:
    """A relationship's id in the tables: 'subject/kind/object' (one relationship per kind between two actors)."""
    return f"{relationship.subject}/{relationship.kind}/{relationship.object}"


def relationship_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per article's report of a relationship."""
    ordered = sorted(graph.dataset.relationships, key=relationship_id)
    for relationship in ordered:
        for version in kinds.versions(relationship):
            yield (relationship_id(relationship), version.source, relationship.subject, relationship.kind,
                   relationship.object, one_line(version.role) if version.role else None, *date_cells(graph, version),
                   *attribution_cells(version.attribution))


def citation_rows(graph: Graph, siteurl: str) -> Iterator[tuple]:
    """One row per passage of evidence: which fact, which article, which paragraph, the words, its address."""
    for kind in kinds.KINDS:
        if not kind.evidence:
            continue
        for fact, version in (_reports(graph, kind.folder) if kind.keyed else _relationship_reports(graph)):
            fact_id = fact.id if kind.keyed else relationship_id(fact)
            for span in version.evidence:
                yield (kind.noun, fact_id, span.source, span.paragraph + 1, one_line(span.text),
                       _page(siteurl, "sources", span.source, span.anchor))


def _relationship_reports(graph: Graph) -> Iterator:
    for relationship in sorted(graph.dataset.relationships, key=relationship_id):
        for version in kinds.versions(relationship):
            yield relationship, version


_PAGE = _c("page", "string", "its page in this report")
TABLES: tuple[Table, ...] = (
    Table("events", "Events, one row per article reporting each (ACLED-like columns)", (
        _c("event_id", "string", "the event's id; its page is events/<event_id>/"),
        _c("source", "string", "the article of this report of the event"),
        *DATE_COLUMNS,
        _c("event_type", "string", "the kind of event"),
        _c("title", "string", "the event in a few words"),
        _c("actor1", "string", "the first participant listed"),
        _c("actor2", "string", "the second participant listed"),
        _c("actors", "string", "every participant, separated by ';'"),
        _c("place", "string", "the first place listed"),
        _c("latitude", "number", "the first place's latitude (WGS 84), when the report knows it"),
        _c("longitude", "number", "the first place's longitude (WGS 84)"),
        _c("geo_precision", "string", "how precise those coordinates are"),
        _c("places", "string", "every place, separated by ';'"),
        _c("source_url", "string", "where the article was published"),
        _PAGE, *ATTRIBUTION_COLUMNS,
        _c("notes", "string", "the event's description"),
    ), ("event_id", "source"), (("source", "articles", "article_id"), ("actor1", "actors", "actor_id"),
                                ("actor2", "actors", "actor_id"), ("place", "places", "place_id")), event_rows),
    Table("actors", "People, forces, governments, groups and outlets", (
        _c("actor_id", "string", "the actor's id; its page is actors/<actor_id>/"),
        _c("name", "string", "the name the report uses"),
        _c("kind", "string", "person, government, armed-force, ..."),
        _c("aliases", "array", "other names, as a JSON array"),
        _c("wikidata", "string", "its Wikidata item"),
        _PAGE, _c("description", "string", "the editor's description"),
    ), ("actor_id",), (), actor_rows),
    Table("places", "Places, with coordinates and where they come from", (
        _c("place_id", "string", "the place's id; its page is places/<place_id>/"),
        _c("name", "string", "the name the report uses"),
        _c("kind", "string", "country, province, town, ..."),
        _c("aliases", "array", "other names, as a JSON array"),
        _c("parent", "string", "the first place that contains it"),
        _c("parents", "string", "every place that directly contains it, separated by ';'"),
        _c("latitude", "number", "latitude (WGS 84)"),
        _c("longitude", "number", "longitude (WGS 84)"),
        _c("geo_precision", "string", "how precise the coordinates are"),
        _c("coordinates_source", "string", "where the coordinates come from"),
        _c("coordinates_source_url", "string", "the address of that source"),
        _c("wikidata", "string", "its Wikidata item"),
        _c("geonames", "string", "its GeoNames id"),
        _PAGE, _c("description", "string", "the editor's description"),
    ), ("place_id",), (("parent", "places", "place_id"),), place_rows),
    Table("articles", "The source articles", (
        _c("article_id", "string", "the article's id; its page is sources/<article_id>/"),
        _c("title", "string", "its headline"),
        _c("outlet", "string", "the outlet that published it (an actor)"),
        _c("published", "date", "the day it was published"),
        _c("language", "string", "its language (BCP 47)"),
        _c("url", "string", "where it was published"),
        _c("authors", "array", "its authors, as a JSON array"),
        _c("text", "string", "verbatim, or editor-summary when the paragraphs are the editor's summary"),
        _c("read_in_outlet", "string", "the outlet whose site the editor read it on (a wire story)"),
        _c("read_in_url", "string", "the address the editor read it at"),
        _c("paragraphs", "integer", "how many paragraphs it has"),
        _PAGE,
    ), ("article_id",), (("outlet", "actors", "actor_id"),), article_rows),
    Table("quotes", "Quotes, one row per article quoting each", (
        _c("quote_id", "string", "the quote's id"), _c("source", "string", "the article quoting it"),
        _c("speaker", "string", "who said it"), _c("text", "string", "the words"),
        _c("to", "string", "to whom"), _c("setting", "string", "where or how it was said"),
        _c("event", "string", "the event it was said during or about"),
        *DATE_COLUMNS, *ATTRIBUTION_COLUMNS, _PAGE,
    ), ("quote_id", "source"), (("source", "articles", "article_id"), ("speaker", "actors", "actor_id"),
                                ("to", "actors", "actor_id"), ("event", "events", "event_id")), quote_rows),
    Table("figures", "Figures and claims, one row per article giving each, with that article's value", (
        _c("figure_id", "string", "the figure's id"), _c("source", "string", "the article giving it"),
        _c("claim", "string", "what is counted or claimed"), _c("unit", "string", "what the number counts"),
        _c("exact", "number", "the number, when exact"), _c("minimum", "number", "the lower bound of a range"),
        _c("maximum", "number", "the upper bound"),
        _c("value_approximate", "boolean", "whether the number is approximate"),
        *ATTRIBUTION_COLUMNS,
        _c("actors", "string", "the actors it is about, separated by ';'"),
        _c("places", "string", "the places it is about, separated by ';'"),
        _c("events", "string", "the events it is about, separated by ';'"),
        *DATE_COLUMNS, _PAGE,
    ), ("figure_id", "source"), (("source", "articles", "article_id"),), figure_rows),
    Table("relationships", "How actors stand to each other, one row per article reporting each", (
        _c("relationship_id", "string", "subject/kind/object"), _c("source", "string", "the article reporting it"),
        _c("subject", "string", "the first actor"), _c("kind", "string", "how it stands to the second"),
        _c("object", "string", "the second actor"), _c("role", "string", "its role, when the article gives one"),
        *DATE_COLUMNS, *ATTRIBUTION_COLUMNS,
    ), ("relationship_id", "source"), (("source", "articles", "article_id"), ("subject", "actors", "actor_id"),
                                       ("object", "actors", "actor_id")), relationship_rows),
    Table("citations", "Every passage of evidence: which fact, which article, which paragraph", (
        _c("fact_kind", "string", "event, quote, figure or relationship"),
        _c("fact_id", "string", "the fact's id (a relationship's is subject/kind/object)"),
        _c("article", "string", "the article the passage is in"),
        _c("paragraph", "integer", "its paragraph, counted from 1"),
        _c("text", "string", "the passage, word for word"),
        _c("url", "string", "the passage highlighted in the article's page"),
    ), (), (("article", "articles", "article_id"),), citation_rows),
)
