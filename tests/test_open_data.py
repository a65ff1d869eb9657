"""Open data: JSON-LD on every page, Open Graph, the data package (validated by frictionless), the GeoJSON
and the whole dataset read back against the records, hostile values kept as data, the same bytes from the
same data, and the Atom feed of articles and events."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from frictionless import validate as frictionless_validate
from hypothesis import given, strategies as st
from pyld import jsonld as pyld

from generator import dates, kinds, open_data, pipeline
from generator.markdown_text import one_line, script_json
from generator.open_data_tables import TABLES, relationship_id
from tests import factory, two_articles
from tests.conftest import REGION_DATA, SAMPLE_DATA, examples
from tests.site import build_site, publish_site

SCHEMA = "https://schema.org/"
# The type each folder's record pages have (an actor's depends on its kind).
PAGE_TYPES = {"places": {"Place"}, "events": {"Event"}, "sources": {"NewsArticle"}, "quotes": {"Quotation"},
              "figures": {"Claim"},
              "actors": {"Person", "Organization", "GovernmentOrganization", "NewsMediaOrganization"}}
# Markup that would close the data block, a comment opener, a formula, quotes, a line separator, Hebrew.
HOSTILE = "</script><script>alert(1)</script> <!-- =cmd|' /C calc'!A0 \"quoted\" & a\u2028b עברית"


class _Blocks(HTMLParser):
    """The text of each <script type="application/ld+json"> of a page, and its Open Graph properties."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.og: dict[str, str] = {}
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._inside = True
            self.blocks.append("")
        if tag == "meta" and (attributes.get("property") or "").startswith("og:"):
            self.og[attributes["property"]] = attributes.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def blocks_of(html: str) -> _Blocks:
    """The page's JSON-LD blocks and Open Graph tags, as a browser's HTML parser splits them."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser


def _offline_loader(url: str, options: dict) -> dict:
    # schema.org's context, never fetched: its vocabulary is all the expansion needs to name the types.
    if url.rstrip("/") != SCHEMA.rstrip("/"):
        raise AssertionError(f"the JSON-LD asked for another context: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expanded_types(block: str) -> set[str]:
    """The schema.org types of the top node of a JSON-LD block, as a JSON-LD processor expands them."""
    expanded = pyld.expand(json.loads(block), {"documentLoader": _offline_loader})
    assert len(expanded) == 1, expanded
    return {t.removeprefix(SCHEMA) for t in expanded[0]["@type"]}


# --- escaping --------------------------------------------------------------------------------------

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                     max_leaves=12)


@examples(300)
@given(_JSON)
def test_any_value_survives_a_script_data_block_and_never_closes_it(value):
    """Whatever strings a value holds, its block parses back to it, and the element ends where we end it."""
    text = script_json(value)
    page = f'<head><script type="application/ld+json">{text}</script><meta property="og:title" content="x"></head>'
    found = blocks_of(page)
    assert found.blocks == [text]  # the parser saw the whole block, and nothing more, as its content
    assert found.og == {"og:title": "x"}  # and the element closed where we closed it
    assert json.loads(found.blocks[0]) == value
    assert not re.search(r"[<>&\u2028\u2029]", text)


# --- the sample site -------------------------------------------------------------------------------


def _folder(site, page: Path) -> str:
    return page.relative_to(site.output).parts[0]


def test_every_page_has_json_ld_of_its_kind_and_open_graph(site):
    """Each record page is described as its schema.org type; indexes, lists and views as CollectionPages."""
    seen = set()
    for page in site.pages():
        rel = page.relative_to(site.output).as_posix()
        if rel == "404.html":
            continue
        found = blocks_of(page.read_text(encoding="utf-8"))
        assert len(found.blocks) == 1, rel
        types = expanded_types(found.blocks[0])
        parts = rel.split("/")
        record_page = len(parts) == 3 and parts[0] in PAGE_TYPES and parts[1] != "page"
        expected = PAGE_TYPES[parts[0]] if record_page else {"CollectionPage"}
        assert types and types <= expected, (rel, types)
        seen |= types
        assert found.og["og:title"] and found.og["og:site_name"] and found.og["og:description"], rel
        assert "og:url" not in found.og, rel  # only a publish build knows its absolute address
    assert {"Place", "Event", "NewsArticle", "Quotation", "Claim", "Person", "CollectionPage"} <= seen


def test_json_ld_says_what_the_records_say(site):
    """An event's dates are its date's bounds, its places and participants those of the data; a place has
    its coordinates; an article its headline, day, outlet and language; a figure its appearance in the article."""
    graph = pipeline.graph(SAMPLE_DATA)
    for event in graph.dataset.events.values():
        node = _ld(site, "events", event.id)
        if event.date is not None:
            first, last = dates.bounds(event.date)
            assert node.get("startDate") == (first.isoformat() if first else None), event.id  # open: none
            assert node.get("endDate", node.get("startDate")) == last.isoformat(), event.id
        assert [p["@id"] for p in node.get("location", [])] == [f"/places/{p}/" for p in event.places]
        assert {a["@id"] for a in node.get("actor", [])} == {f"/actors/{p.actor}/" for p in event.participants}
    for place in graph.dataset.places.values():
        node = _ld(site, "places", place.id)
        if place.coordinates:
            assert (node["geo"]["latitude"], node["geo"]["longitude"]) == (place.coordinates.lat,
                                                                           place.coordinates.lon)
    for source in graph.dataset.sources.values():
        node = _ld(site, "sources", source.id)
        assert (node["headline"], node["datePublished"], node["inLanguage"], node["publisher"]["@id"]) == (
            source.title, source.published, source.language, f"/actors/{source.outlet}/")
    for figure in graph.dataset.figures.values():
        appearance = _ld(site, "figures", figure.id)["appearance"][0]
        assert appearance["url"] == f"/sources/{figure.source}/#{figure.evidence[0].anchor}"


def _ld(site, folder: str, record_id: str) -> dict:
    page = site.output / folder / record_id / "index.html"
    return json.loads(blocks_of(page.read_text(encoding="utf-8")).blocks[0])


def test_the_data_package_validates_and_the_data_page_links_every_file(site):
    """frictionless checks every table against its schema, keys and references included."""
    folder = site.output / open_data.FOLDER
    report = frictionless_validate(str(folder / open_data.PACKAGE))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "message"])[:20]
    html = (folder / "index.html").read_text(encoding="utf-8")
    for name in [open_data.PACKAGE, *(t.path for t in TABLES), open_data.GEOJSON, open_data.DATASET]:
        assert (folder / name).is_file() and f'href="/{open_data.FOLDER}/{name}"' in html, name
    assert "feed.atom" not in html  # a build without an absolute address has no feed to link


def read_table(folder: Path, name: str) -> list[dict]:
    """A table's rows as dicts, each text cell read back as the data page says (one apostrophe dropped)."""
    table = next(t for t in TABLES if t.name == name)
    types = {c.name: c.type for c in table.columns}
    with (folder / table.path).open(encoding="utf-8", newline="") as stream:
        return [{key: open_data.read_text(value) if types[key] == "string" else value for key, value in row.items()}
                for row in csv.DictReader(stream)]


def test_the_tables_and_geojson_read_back_to_the_records(site):
    """Each report of each event is a row with its article, dates, participants and place; each actor and
    place a row; each place with coordinates a GeoJSON point at [longitude, latitude]."""
    graph = pipeline.graph(SAMPLE_DATA)
    folder = site.output / open_data.FOLDER
    rows = {(r["event_id"], r["source"]): r for r in read_table(folder, "events")}
    versions = [(e, v) for e in graph.dataset.events.values() for v in (e, *e.other_reports)]
    assert set(rows) == {(e.id, v.source) for e, v in versions}
    for event, version in versions:
        row = rows[(event.id, version.source)]
        assert row["actors"].split(";") == [p.actor for p in version.participants] or not version.participants
        assert row["places"] == ";".join(version.places) and row["notes"] == one_line(version.description)
        published = graph.dataset.sources[version.source].published
        assert row["edtf"] == (dates.edtf_text(version.date, published) if version.date else "") \
            and row["event_type"] == version.kind
        if version.date is not None:
            assert row["date_latest"] == dates.bounds(version.date)[1].isoformat()
    actors = {r["actor_id"]: r for r in read_table(folder, "actors")}
    assert {k: (r["name"], json.loads(r["aliases"])) for k, r in actors.items()} == {
        a.id: (a.name, a.aliases) for a in graph.dataset.actors.values()}
    geo = json.loads((folder / open_data.GEOJSON).read_text(encoding="utf-8"))
    points = {f["id"]: f["geometry"]["coordinates"] for f in geo["features"]}
    assert points == {p.id: [p.coordinates.lon, p.coordinates.lat] for p in graph.dataset.places.values()
                      if p.coordinates}
    cited = read_table(folder, "citations")
    assert len(cited) == len(graph.dataset.evidence())


def test_the_whole_dataset_json_holds_every_record(site):
    """report.json: every kind's records, by id, with their fields (evidence as passages)."""
    graph = pipeline.graph(SAMPLE_DATA)
    dataset = json.loads((site.output / open_data.FOLDER / open_data.DATASET).read_text(encoding="utf-8"))
    for kind in kinds.KINDS:
        records = kinds.records(graph.dataset, kind)
        key = (lambda r: r.id) if kind.keyed else relationship_id
        assert [r.get("id") or f"{r['subject']}/{r['kind']}/{r['object']}" for r in dataset[kind.folder]] == \
            sorted(key(r) for r in records), kind.folder
    first = sorted(graph.dataset.events.values(), key=lambda e: e.id)[0]
    assert dataset["events"][0]["evidence"][0]["text"] == first.evidence[0].text
    assert dataset["report"]["title"] == graph.dataset.report.title


# --- other data ------------------------------------------------------------------------------------


def test_each_articles_report_of_a_fact_is_its_own_row(tmp_path):
    """The two-article report: the event, figure, quote and relationship each have a row per article, each
    with that article's date, value and participants; the citations hold both articles' passages."""
    graph = pipeline.graph(two_articles.write(tmp_path))
    open_data.write_open_data(graph, tmp_path / "out")
    folder = tmp_path / "out" / open_data.FOLDER
    events = {r["source"]: r for r in read_table(folder, "events") if r["event_id"] == "attack"}
    assert set(events) == {factory.ARTICLE_ID, two_articles.SECOND}
    assert events[factory.ARTICLE_ID]["date"] == "2017-10-26" and events[two_articles.SECOND]["date"] == "2017-10-25"
    assert events[two_articles.SECOND]["actors"] == "red-army;alice-smith"
    figures = {r["source"]: r["exact"] for r in read_table(folder, "figures")}
    assert figures == {factory.ARTICLE_ID: "300", two_articles.SECOND: "500"}
    assert len(read_table(folder, "quotes")) == 2 and len(read_table(folder, "relationships")) == 2
    assert {r["article"] for r in read_table(folder, "citations")} == {factory.ARTICLE_ID, two_articles.SECOND}
    assert frictionless_validate(str(folder / open_data.PACKAGE)).valid


def test_the_same_data_gives_the_same_bytes(tmp_path):
    """Two writes of the same report: every file byte for byte the same."""
    graph = pipeline.graph(two_articles.write(tmp_path))
    names = open_data.write_open_data(graph, tmp_path / "one")
    open_data.write_open_data(pipeline.graph(tmp_path / "data"), tmp_path / "two")
    for name in names:
        assert (tmp_path / "one" / "data" / name).read_bytes() == (tmp_path / "two" / "data" / name).read_bytes()


@pytest.mark.parametrize("text, cell", [("=1+2", "'=1+2"), ("+1", "'+1"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("'quoted", "''quoted"), ("plain", "plain"), ("a=b", "a=b")])
def test_a_text_cell_never_starts_a_formula_and_reads_back(text, cell):
    """OWASP's guard: an apostrophe before a formula's first character (and before an apostrophe)."""
    assert open_data.cell(text, "string") == cell and open_data.read_text(cell) == text
    assert open_data.cell(-41.5, "number") == "-41.5"  # numbers are never guarded


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A published site whose actor, place and event text is hostile: markup, formulas, quotes, RTL."""
    base = tmp_path_factory.mktemp("hostile")
    actors = [dict(factory.ACTORS[0]), dict(factory.ACTORS[1]),
              {**factory.ACTORS[2], "description": HOSTILE, "aliases": ["=HYPERLINK(\"x\")", "עברית"]}]
    places = [factory.PLACES[0], {**factory.PLACES[1], "description": "-" + HOSTILE,
                                  "coordinates": {"lat": -33.5, "lon": -70.25, "precision": "settlement",
                                                  "source": {"title": "@Atlas", "url": "https://example.org/a"}}}]
    event = factory.event("attack", "the Red Army attacked Northtown", participants=[("red-army", "attacker")],
                          places=["northtown"], date={"precision": "day", "value": "2017-10-26"})
    event["description"] = "+" + HOSTILE
    data = factory.write(base, actors=actors, places=places, events=[event])
    return publish_site(data, base / "site", "https://example.org/report"), pipeline.graph(data)


def test_hostile_values_stay_data_in_json_ld_csv_and_feed(hostile):
    """The hostile text is the JSON-LD's value, never markup; each CSV cell reads back to it; the feed
    parses and carries it as text."""
    site, graph = hostile
    node = _ld(site, "actors", "red-army")
    assert node["description"] == one_line(HOSTILE) and node["@id"] == "https://example.org/report/actors/red-army/"
    html = (site.output / "actors" / "red-army" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert head.count("<script") == 2  # the previews' script and the data block: the data opened none
    assert "<script>alert" not in html and "<!--" not in html
    assert blocks_of(html).og["og:description"] == one_line(HOSTILE)
    folder = site.output / open_data.FOLDER
    actors = {r["actor_id"]: r for r in read_table(folder, "actors")}
    assert actors["red-army"]["description"] == one_line(HOSTILE)
    assert json.loads(actors["red-army"]["aliases"]) == ["=HYPERLINK(\"x\")", "עברית"]
    raw = (folder / "events.csv").read_text(encoding="utf-8")
    assert ',"\'+</script>' in raw  # guarded as written (and quoted: the text holds quotes)
    event = read_table(folder, "events")[0]
    assert event["notes"] == "+" + one_line(HOSTILE) and event["latitude"] == "-33.5"
    assert event["longitude"] == "-70.25" and event["page"] == "https://example.org/report/events/attack/"
    places = {r["place_id"]: r for r in read_table(folder, "places")}
    assert places["northtown"]["coordinates_source"] == "@Atlas"
    assert frictionless_validate(str(folder / open_data.PACKAGE)).valid


def test_the_feed_has_the_articles_and_the_events_and_the_data_page_links_it(hostile):
    """A publish build's Atom feed: one entry per article and per event, each linking its page."""
    site, graph = hostile
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site.output / "feed.atom").getroot()
    links = {entry.find(f"{atom}link").get("href") for entry in feed.iter(f"{atom}entry")}
    expected = {f"https://example.org/report/sources/{s}/" for s in graph.dataset.sources}
    expected |= {f"https://example.org/report/events/{e}/" for e in graph.dataset.events}
    assert links == expected
    page = (site.output / open_data.FOLDER / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/report/feed.atom"' in page
    assert blocks_of(page).og["og:url"] == "https://example.org/report/data/"


def test_another_region_and_era_gets_its_own_open_data_and_descriptions(tmp_path):
    """The other-region report (the Puna, 2004): its package validates, its points are its own places in the
    southern and western hemispheres at [longitude, latitude], its events' dates its own years, and each
    record page's JSON-LD (as render writes it) expands to that page's type."""
    graph = pipeline.graph(REGION_DATA)
    open_data.write_open_data(graph, tmp_path)
    folder = tmp_path / open_data.FOLDER
    assert frictionless_validate(str(folder / open_data.PACKAGE)).valid
    geo = json.loads((folder / open_data.GEOJSON).read_text(encoding="utf-8"))
    assert geo["features"] and all(lon < 0 and lat < 0 for lon, lat in (f["geometry"]["coordinates"]
                                                                        for f in geo["features"]))
    years = {row["date_latest"][:4] for row in read_table(folder, "events") if row["date_latest"]}
    assert years and years <= {"2003", "2004"}, years
    from generator.render import render
    for path, text in render(graph).items():
        folder_name = path.split("/")[0]
        line = next(line for line in text.splitlines() if line.startswith("Jsonld: "))
        types = expanded_types(line.removeprefix("Jsonld: "))
        record_page = folder_name in PAGE_TYPES and path.count("/") == 1
        assert types <= (PAGE_TYPES[folder_name] if record_page else {"CollectionPage"}), (path, types)
