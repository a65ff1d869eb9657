"""The other-region fixture (tests/fixtures/puna-report): a report on the Bolivia–Argentina–Chile border in
March 2004, south and west of the equator and Greenwich, from two outlets. It validates, is clean for
check-data, covers what the views must adapt to, and builds with zero warnings into a page per record,
showing both articles' dates and values where they differ."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator import cli, kinds, pipeline
from tests.conftest import REGION_DATA
from tests.site import build_site

def _yaml(path: Path) -> dict:
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


def _articles() -> list[dict]:
    return [_yaml(path) for path in sorted((REGION_DATA / "articles").glob("*.yaml"))]


def _text(page: Path) -> str:
    """A built page's words, tags removed and spaces collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text("utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture(scope="module")
def region_site(tmp_path_factory):
    """The other-region report, generated and built once for this module."""
    return build_site(REGION_DATA, tmp_path_factory.mktemp("region-site"))


def test_it_validates_and_check_data_is_clean(capsys):
    """Every sentence of both articles is cited, every actor and place connected (check-data exits 0)."""
    assert cli.main(["--data", str(REGION_DATA), "check-data"]) == 0
    assert capsys.readouterr().out.startswith("ok: every sentence is cited")


def test_it_lies_south_and_west_in_another_era():
    """Every coordinate is in the southern and western hemispheres; the articles are from 2004, not 2017."""
    places = _yaml(REGION_DATA / "places.yaml")["places"]
    located = [place["coordinates"] for place in places if "coordinates" in place]
    assert len(located) >= 8 and all(c["lat"] < 0 and c["lon"] < 0 for c in located)
    assert all(c["source"]["url"].startswith("https://") for c in located), "each coordinate cites its source"
    assert {str(article["source"]["published"])[:4] for article in _articles()} == {"2004"}


def test_it_covers_what_the_views_must_adapt_to():
    """Two outlets; dates at every precision, an approximate one and weekdays; relationships and places of
    several kinds with a parent chain; a place without coordinates."""
    articles = _articles()
    assert len({article["source"]["outlet"] for article in articles}) == 2
    dates = [fact["date"] for article in articles for section in ("events", "quotes", "figures")
             for fact in article.get(section, []) if "date" in fact]
    assert {date["precision"] for date in dates} == {"day", "month", "year", "range"}
    assert any(date.get("approximate") for date in dates)
    assert {"Wednesday", "Thursday"} <= {date.get("phrase") for date in dates}
    kinds_of = {rel["kind"] for article in articles for rel in article.get("relationships", [])}
    assert {"opposes", "allied-with", "part-of", "leads", "speaks-for", "backed-by", "clashes-with"} <= kinds_of
    places = {place["id"]: place for place in _yaml(REGION_DATA / "places.yaml")["places"]}
    assert {"country", "province", "region", "city", "town", "river", "river-valley", "border-area"} <= {
        place["kind"] for place in places.values()}
    assert [places["villazon"]["parent"], places["potosi-department"]["parent"]] == ["potosi-department", "bolivia"]
    assert any("coordinates" not in place for place in places.values())
    assert any(article.get("quotes") for article in articles)


def test_the_two_articles_report_one_clash_on_different_days_with_different_counts():
    """The same event and figure ids in both articles, with a different date and a different value."""
    first, second = _articles()
    clash = [next(e for e in article["events"] if e["id"] == "villazon-clash") for article in (first, second)]
    assert [str(event["date"]["value"]) for event in clash] == ["2004-03-10", "2004-03-11"]
    wounded = [article["figures"][0] for article in (first, second)]
    assert [figure["id"] for figure in wounded] == ["officers-wounded-at-villazon"] * 2
    assert [figure["value"]["exact"] for figure in wounded] == [4, 6]


@pytest.mark.site
def test_it_builds_with_zero_warnings_into_a_page_per_record(region_site):
    """build_site fails on any Pelican warning; every record of every kind with pages has its page."""
    assert "WARNING" not in region_site.log and "pelican:" not in region_site.log
    dataset = pipeline.validate(pipeline.load(REGION_DATA))
    for kind in (k for k in kinds.KINDS if k.page and k.keyed):
        records = getattr(dataset, kind.folder)
        assert records, kind.folder
        for record_id in records:
            assert (region_site.output / kind.folder / record_id / "index.html").is_file(), (kind.folder, record_id)


@pytest.mark.site
def test_the_event_page_shows_both_dates(region_site):
    """The clash's page gives each article's day, with its weekday, where the articles differ."""
    text = _text(region_site.output / "events" / "villazon-clash" / "index.html")
    differ = text[text.index("Where the articles differ"):]
    assert "10 March 2004 (“Wednesday”) ( Andean Wire, 12 March 2004 )" in differ
    assert "11 March 2004 (“Thursday”) ( Southern Cone Herald, 13 March 2004 )" in differ


@pytest.mark.site
def test_the_figure_page_shows_both_values(region_site):
    """The wounded officers' figure shows four and six side by side, each with who asserts it."""
    text = _text(region_site.output / "figures" / "officers-wounded-at-villazon" / "index.html")
    assert "4 officers wounded" in text and "6 officers wounded" in text
    assert "Bolivian border police" in text and "officials in Jujuy" in text


@pytest.mark.site
def test_the_overview_frames_the_report_in_2004(region_site):
    """The overview's own dates come from this report's articles, not the sample's."""
    text = _text(region_site.output / "index.html")
    assert "2004" in text and "2017" not in text
    assert "Clashes on the Bolivia–Argentina border, March 2004" in text
