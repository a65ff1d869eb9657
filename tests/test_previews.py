"""Hover previews' fragments (generator/previews.py): one beside every record's page and only there, made
from that page's metadata as plain, bounded text, the same bytes every build, and following the data
after an incremental rebuild."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import kinds, previews
from generator.build import SitePaths, build_site as staged_build
from tests import two_articles
from tests.conftest import edit
from tests.site import ROOT, build_site

HOSTILE = "<img src=x onerror=window.__xss=1>"
_COPIED = re.compile(r"pages: (\d+) laid out, (\d+) copied from the last build")


def record_pages(output: Path) -> list[Path]:
    """Every record's page of a built site: <folder>/<id>/index.html for each kind with pages."""
    return sorted(page for kind in kinds.paged() for page in (output / kind.folder).glob("*/index.html"))


def fragments(output: Path) -> dict[str, bytes]:
    """Every fragment of a built site, by its path in the site."""
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("preview.json"))}


def shown(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_every_record_page_and_no_other_has_a_fragment_with_what_the_page_shows(site):
    pages = record_pages(site.output)
    assert {kind.folder for kind in kinds.paged()} == {page.parent.parent.name for page in pages}
    assert sorted(fragments(site.output)) == sorted(
        page.parent.relative_to(site.output).as_posix() + "/preview.json" for page in pages)
    for page in pages:
        document = shown(page)
        preview = json.loads((page.parent / "preview.json").read_text("utf-8"))
        title = document.h1.get_text()  # cut at a word when long (a quote's page is titled by its words)
        assert preview["title"] == title or (preview["title"].endswith("…") and len(title) > previews.TITLE_LENGTH
                                             and title.startswith(preview["title"].removesuffix("…"))), page
        assert preview["summary"] == document.find("meta", attrs={"name": "description"})["content"], page
        assert preview["kind"].startswith(kinds.kind(page.parent.parent.name).entry_noun), page
        # Each fact is a row of the page's infobox, in its order, as the page words it.
        rows = {dt.get_text(): [dd.get_text(" ", strip=True) for dd in dt.find_next_siblings("dd")]
                for dt in document.select(".infobox dt")}
        labels = [dt.get_text() for dt in document.select(".infobox dt")]
        assert [fact["label"] for fact in preview["facts"]] == [label for label in labels if label in
                                                                {fact["label"] for fact in preview["facts"]}]
        for fact in preview["facts"]:
            assert fact["text"].split(", ")[0] in rows[fact["label"]][0], (page, fact)


def test_a_fragment_is_plain_text_and_bounded():
    summary = f"<p>It said &lt;b&gt;no&lt;/b&gt; &amp; <a href=\"/x/\">{'word ' * 200}</a></p>"
    infobox = json.dumps([{"label": "Kind", "items": [{"text": "armed group"}]},
                          {"label": "Also called", "items": [{"text": HOSTILE}]},
                          {"label": "Who", "items": [{"text": f"actor {n}", "url": "actors/x/"} for n in range(9)]},
                          *({"label": f"row {n}", "items": [{"text": "x" * 500}]} for n in range(9))])
    preview = previews.preview({"title": "T" * 400, "kind": "armed-group", "summary": summary, "infobox": infobox},
                               "actor")
    assert preview["kind"] == "actor · armed group"
    assert preview["summary"].startswith("It said <b>no</b> & word word")  # entities decoded, tags gone
    assert len(preview["summary"]) <= previews.SUMMARY_LENGTH and preview["summary"].endswith("…")
    assert len(preview["title"]) <= previews.TITLE_LENGTH
    assert preview["facts"][0] == {"label": "Also called", "text": HOSTILE}  # the kind's own row is left out
    assert preview["facts"][1]["text"] == "actor 0, actor 1, actor 2 and 6 more"
    assert len(preview["facts"]) == previews.MAX_FACTS
    assert all(len(fact["text"]) <= previews.FACT_LENGTH for fact in preview["facts"])


def test_a_page_without_an_infobox_or_with_a_broken_one_has_a_fragment_without_facts():
    for infobox in (None, "not json", '{"label": "x"}', '[{"label": "x", "items": "y"}]', "[1, null]"):
        metadata = {"title": "A", "kind": "town", "summary": "<p>S</p>"}
        if infobox is not None:
            metadata["infobox"] = infobox
        assert previews.preview(metadata, "place") == {"title": "A", "kind": "place · town", "summary": "S",
                                                       "facts": []}


def test_only_a_record_pages_url_has_a_fragment():
    paged = previews.folders()
    assert [previews.is_entity_url(url, paged) for url in (
        "actors/isis/", "sources/cnn-x/", "actors/", "actors/isis/events/", "actors/isis/events/page/2/", "",
        "404.html", "pages/about/", "actors//", "actors/isis")] == [True, True] + [False] * 8


@pytest.fixture(scope="module")
def hostile_two_articles(tmp_path_factory):
    """The two-article report, its Red Army described and also called with markup."""
    base = tmp_path_factory.mktemp("two")
    data = two_articles.write_marked_up(base, HOSTILE)
    return data, base


@pytest.mark.site
def test_the_two_article_report_has_its_fragments_the_same_bytes_every_build(hostile_two_articles):
    data, base = hostile_two_articles
    first, second = build_site(data, base / "first"), build_site(data, base / "second")
    assert fragments(first.output) == fragments(second.output)
    assert len(fragments(first.output)) == len(record_pages(first.output)) >= 9
    red_army = json.loads((first.output / "actors/red-army/preview.json").read_text("utf-8"))
    assert red_army["summary"] == f"The force that attacked. {HOSTILE} & <b>bold</b>"
    assert {"label": "Also called", "text": HOSTILE} in red_army["facts"]
    attack = json.loads((first.output / "events/attack/preview.json").read_text("utf-8"))
    assert attack["title"] == "The event attack" and attack["summary"] == "What the article says of attack."


@pytest.mark.site
def test_an_incremental_rebuild_gives_the_fragments_of_the_new_data(tmp_path, capfd):
    data = two_articles.write(tmp_path)
    paths = SitePaths(tmp_path, data, Path("content"), Path("output"), ROOT / "pelican.conf.py")
    staged_build(paths)
    before = fragments(tmp_path / "output")
    edit(data / "places.yaml", "description: The town that was attacked.", "description: A town on a river.")
    capfd.readouterr()
    staged_build(paths)
    [(laid_out, copied)] = _COPIED.findall(capfd.readouterr().out)
    assert int(copied) > 0, "the rebuild copied the pages it could"
    after = fragments(tmp_path / "output")
    assert after.keys() == before.keys()
    assert json.loads(after["places/northtown/preview.json"])["summary"] == "A town on a river."
    assert json.loads(before["places/northtown/preview.json"])["summary"] == "The town that was attacked."
    assert {name for name in after if after[name] != before[name]} == {"places/northtown/preview.json"}
