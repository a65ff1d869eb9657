"""Search: the Pagefind index the build writes into the site, what it holds, and the pages that lead to it."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import stat
from pathlib import Path

import cbor2
import pytest
from bs4 import BeautifulSoup

from generator import cli, kinds, pipeline, search_canonical, search_index
from generator.build import SitePaths, build_site
from generator.build_error import BuildError
from generator.render import search_fields
from generator.render.search_fields import search_field
from tests import two_articles
from tests.conftest import SAMPLE_DATA
from tests.project import copy_project, snapshot

FOOTER_WORDS = "Facts from outside the articles are marked as editor's context"
NAV_WORDS = "Skip to content"
INDEXES = [f"{kind.folder}/" for kind in kinds.paged()]  # every index, as the registry lists them


def fragments(site: Path) -> dict[str, dict]:
    """Every page Pagefind indexed, by URL: its text, its meta and its filters (each fragment, unpacked)."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        fragment = json.loads(raw[len(b"pagefind_dcd"):])
        found[fragment["url"]] = fragment
    return found


def index_files(site: Path) -> dict[str, str]:
    """Every file of the search bundle, with the hash of its bytes."""
    bundle = site / "pagefind"
    return {path.relative_to(bundle).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(bundle.rglob("*")) if path.is_file()}


def record_pages(site: Path) -> set[str]:
    """The URLs of the pages that mark their content for search."""
    return {"/" + html.relative_to(site).parent.as_posix() + "/" for html in site.rglob("index.html")
            if "data-pagefind-body" in html.read_text(encoding="utf-8")}


# ---- the index in the sample site ----------------------------------------------------------------

def test_the_site_has_the_search_bundle_and_a_fragment_per_record_page(site):
    assert (site.output / "pagefind" / "pagefind.js").is_file()
    assert list((site.output / "pagefind" / "index").glob("*.pf_index"))
    assert not list((site.output / "pagefind").glob("*-ui.*")), "Pagefind's own interfaces are not published"
    indexed = fragments(site.output)
    assert set(indexed) == record_pages(site.output)
    assert {"/actors/isis/", "/actors/peshmerga/", "/places/al-qaim/", "/events/al-qaim-rawa-operation/",
            "/sources/cnn-2017-10-26-iraq-kurdish-clashes/"} <= set(indexed)


def test_navigation_pages_are_not_indexed(site):
    """The overview, the indexes, the 404 page and the search page are ways to pages, not content."""
    indexed = fragments(site.output)
    assert len(indexed) > 50, "the record pages are indexed"
    assert not {"/", "/actors/", "/places/", "/events/", "/sources/", "/search/", "/404.html"} & set(indexed)


def test_the_index_holds_page_text_and_not_the_chrome_around_it(site):
    indexed = fragments(site.output)
    assert "terror group that the coalition and Iraqi forces are fighting" in indexed["/actors/isis/"]["content"]
    for url, fragment in indexed.items():
        assert FOOTER_WORDS not in fragment["content"], url
        assert NAV_WORDS not in fragment["content"], url
        assert not fragment["content"].startswith("Overview"), f"{url}: the breadcrumbs were indexed"


def test_each_page_has_its_title_kind_and_article(site):
    isis = fragments(site.output)["/actors/isis/"]
    assert isis["meta"]["title"] == "ISIS"
    assert isis["filters"]["kind"] == ["actor"]
    assert isis["filters"]["article"] == [
        "Iraqi-Kurdish clashes undermine the fight against ISIS as Iraq moves on al Qaim and Rawa"]
    found = {fragment["filters"]["kind"][0] for fragment in fragments(site.output).values()}
    assert found == {kind.entry_noun for kind in kinds.paged()}  # every kind with pages: the sample has each


def test_an_alias_is_indexed_with_the_weight_of_the_title(site):
    """'Islamic State' is only an alias of ISIS in the fixture: the page is found by it, weighted as its title."""
    html = BeautifulSoup((site.output / "actors" / "isis" / "index.html").read_text(), "html.parser")
    weighted = [tag.get_text(" ", strip=True) for tag in html.select("[data-pagefind-weight]")]
    assert "Islamic State" in weighted and "ISIS" in weighted
    assert "Islamic State" in fragments(site.output)["/actors/isis/"]["content"]


# ---- the search page and the search box ---------------------------------------------------------

def test_every_page_has_a_search_box_that_goes_to_the_search_page(site):
    for html in site.pages():
        if html.relative_to(site.output).as_posix() == "search/index.html":
            continue
        page = BeautifulSoup(html.read_text(), "html.parser")
        form = page.select_one("header form[role=search]")
        assert form and form["action"] == "/search/" and form.get("method", "get") == "get", html
        field = form.select_one("input[type=search][name=q]")
        assert field and form.select_one(f"label[for={field['id']}]"), html


def test_the_search_page_says_search_needs_javascript_and_links_every_index(site):
    page = BeautifulSoup((site.output / "search" / "index.html").read_text(), "html.parser")
    fallback = page.select_one("#search-without-script")
    assert "Search needs JavaScript" in fallback.get_text(" ")
    assert [a["href"] for a in fallback.select("a")] == ["/" + index for index in INDEXES]
    assert len(page.select("[role=search]")) == 1, "one search landmark: the page's own box"
    assert page.select_one("#search")["data-bundle"] == "/pagefind/"
    assert sorted(s["src"] for s in page.select("script[src]")) == ["/theme/js/previews.js", "/theme/js/search.js"]
    assert all(script.has_attr("defer") for script in page.select("script[src]"))


# ---- the article filter, bounded -----------------------------------------------------------------

def test_the_article_filter_names_each_article_a_page_appears_in(tmp_path):
    graph = pipeline.graph(two_articles.write(tmp_path))
    field = json.loads(search_field(graph, "actors", "red-army"))
    assert field["articles"] == [graph.dataset.sources[s].title for s in sorted(graph.dataset.sources,
                                 key=lambda s: graph.dataset.sources[s].published)]
    assert len(field["articles"]) == 2


def test_the_article_filter_is_capped_at_the_first_published(tmp_path, monkeypatch):
    """A page in more articles than the cap lists the first ones published, never all of them."""
    graph = pipeline.graph(two_articles.write(tmp_path))
    monkeypatch.setattr(search_fields, "ARTICLE_FILTERS", 1)
    first = min(graph.dataset.sources.values(), key=lambda s: s.published)
    assert json.loads(search_field(graph, "actors", "red-army"))["articles"] == [first.title]


def test_other_names_leave_out_the_name_itself():
    """An alias that is the name in other letter case (the fixture's 'pro-regime forces') is not repeated."""
    graph = pipeline.graph(SAMPLE_DATA)
    assert json.loads(search_field(graph, "actors", "pro-regime-forces"))["names"] == []
    assert json.loads(search_field(graph, "actors", "isis"))["names"] == ["Islamic State"]


# ---- the build: indexed before the swap, never stale, the same bytes each time --------------------

def _paths(project: Path) -> SitePaths:
    return SitePaths(project, Path("data"), Path("content"), Path("output"), Path("pelican.conf.py"))


def _build(project: Path) -> None:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        build_site(_paths(project), say=lambda _: None)
    finally:
        os.chdir(cwd)


@pytest.fixture
def project(tmp_path):
    """A copy of the project, built once."""
    built = copy_project(tmp_path / "project")
    _build(built)
    return built


@pytest.mark.site
def test_the_build_indexes_the_site_it_swaps_in_and_never_serves_a_stale_index(project):
    assert "terror group that the coalition" in fragments(project / "output")["/actors/isis/"]["content"]
    actors = project / "data" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("The terror group that the coalition", "The zanzibarite group that the coalition"),
                      encoding="utf-8")
    _build(project)  # most pages are copied from the last site: the index is made anew from all of them
    content = fragments(project / "output")["/actors/isis/"]["content"]
    assert "zanzibarite group" in content and "terror group that the coalition" not in content


# Pagefind 1.5.2 writes each filter's values, and the list of filters in its meta file, in the order of a
# Rust HashMap, seeded at random in each run; generator/search_canonical.py puts them in order, so the whole
# bundle (those files, the meta's name and pagefind-entry.json which names it, too) is the same each time.
@pytest.mark.site
def test_two_builds_of_the_same_data_write_byte_identical_indexes(project, tmp_path):
    other = copy_project(tmp_path / "other")
    _build(other)
    for _rebuild in range(2):  # a first build, then one over its own last site
        ours = index_files(project / "output")
        assert len(ours) > 50 and any(name.startswith("filter/") for name in ours)
        assert ours == index_files(other / "output")
        _build(other)


def _decoded(path: Path) -> list:
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd"), path
    return cbor2.loads(raw[len(b"pagefind_dcd"):])


def test_the_filters_and_their_values_are_in_name_order_and_named_by_their_bytes(site):
    bundle = site.output / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_path = bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    meta = _decoded(meta_path)
    assert meta_path.read_bytes()[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", "Pagefind's header, no time"
    meta_body = gzip.decompress(meta_path.read_bytes())[len(b"pagefind_dcd"):]
    assert meta_path.name == f"pagefind.en_{search_canonical.pagefind_hash(meta_body)[:10]}.pf_meta"
    names = [name for name, _hash in meta[3]]
    assert names == sorted(names) == ["article", "kind"]
    assert sorted(path.stem for path in bundle.glob("filter/*.pf_filter")) == sorted(h for _name, h in meta[3])
    for name, filter_hash in meta[3]:
        path = bundle / "filter" / f"{filter_hash}.pf_filter"
        body = gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):]
        assert filter_hash == "en_" + search_canonical.pagefind_hash(body)[:7]
        index = _decoded(path)
        values = [value for value, _pages in index[1]]
        assert index[0] == name and values == sorted(values) and values, name
    kind_filter = _decoded(bundle / "filter" / f"{dict(meta[3])['kind']}.pf_filter")
    in_fragments = {kind for fragment in fragments(site.output).values() for kind in fragment["filters"]["kind"]}
    assert [value for value, _pages in kind_filter[1]] == sorted(in_fragments) and len(in_fragments) > 3


def test_a_filter_file_that_is_not_pagefinds_is_a_problem_named_not_a_traceback(site, tmp_path):
    bundle = shutil.copytree(site.output / "pagefind", tmp_path / "pagefind")
    next(bundle.glob("filter/*.pf_filter")).write_bytes(gzip.compress(b"pagefind_dcd" + b"\xff\xff"))
    assert "the index could not be put in order" in search_canonical.canonicalise(bundle)


@pytest.mark.site
def test_a_search_index_that_fails_leaves_the_last_site_as_it_was(project, tmp_path, monkeypatch):
    before = snapshot(project)
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: out of memory' >&2\nexit 3\n")
    broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    (project / "data" / "actors.yaml").write_text(
        (project / "data" / "actors.yaml").read_text().replace("The terror group", "The zanzibarite group"))
    with pytest.raises(BuildError, match="the search index was not built: Pagefind said pagefind: out of memory"):
        _build(project)
    assert snapshot(project) == before


@pytest.mark.site
def test_the_command_line_says_what_failed_without_a_traceback(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    monkeypatch.chdir(project)
    status = cli.main(["site", "--settings", "pelican.conf.py"])
    said = capsys.readouterr()
    assert status != 0
    assert "the search index was not built: Pagefind could not run" in said.err + said.out
    assert "Traceback" not in said.err + said.out


def test_a_broken_index_is_found_before_the_site_is_swapped_in(site, tmp_path):
    """The check the build makes of what Pagefind wrote: a whole bundle passes; an empty or cut file does not."""
    bundle = Path(shutil.copytree(site.output / "pagefind", tmp_path / "pagefind"))
    assert search_index.bundle_problem(bundle) is None
    (bundle / "pagefind-entry.json").write_text("")
    assert search_index.bundle_problem(bundle) == "pagefind-entry.json: JSONDecodeError"
    shutil.copy(site.output / "pagefind" / "pagefind-entry.json", bundle / "pagefind-entry.json")
    fragment = next(bundle.glob("fragment/*.pf_fragment"))
    fragment.write_bytes(fragment.read_bytes()[:20])
    assert search_index.bundle_problem(bundle) == f"fragment/{fragment.name}: EOFError"
