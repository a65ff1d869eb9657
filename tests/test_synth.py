"""python -m generator synth: the synthetic corpus the benchmarks build is deterministic, valid in every
rule, shaped like a real report (shared actors, events reported by several articles), and builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from generator import cli, pipeline, quality, synth_yaml

ARTICLES = 12


def synthesize(out: Path, articles: int = ARTICLES, seed: int = 7) -> Path:
    """Run the command as an editor would, in process; the corpus folder."""
    assert cli.main(["synth", "--articles", str(articles), "--seed", str(seed), "--out", str(out)]) == 0
    return out


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthesize(tmp_path_factory.mktemp("synth") / "data")


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_files(corpus, tmp_path):
    again = files_of(synthesize(tmp_path / "again"))
    assert again == files_of(corpus)
    assert len([name for name in again if name.startswith("articles/")]) == ARTICLES
    other = files_of(synthesize(tmp_path / "other", seed=8))
    assert other.keys() != again.keys() and other["actors.yaml"] != again["actors.yaml"]


def test_the_corpus_validates_with_no_problem_and_every_sentence_cited(corpus):
    graph = pipeline.graph(corpus)  # raises DataError on any problem
    assert len(graph.dataset.sources) == ARTICLES
    uncited = [f for f in quality.findings(graph) if "cited by some fact" in f.expected]
    assert uncited == []


def test_events_are_reported_again_by_later_articles_and_actors_are_shared(corpus):
    graph = pipeline.graph(corpus)
    dataset = graph.dataset
    again = [e for e in dataset.events.values() if e.other_reports]
    assert len(again) >= 5
    assert all({r.source for r in e.other_reports} - {e.source} for e in again)  # another article each time
    articles_of = {key: {getattr(b.record, "source", None) for b in links} - {None}
                   for key, links in graph.backlinks.items() if key[0] == "actors"}
    shared = [key for key, sources in articles_of.items() if len(sources) >= 3]
    assert len(shared) >= 10
    assert 1 < sum(1 for a in dataset.actors.values() if a.kind == "media-outlet") <= ARTICLES


def test_a_folder_with_other_files_is_refused_and_left_as_it_was(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("an editor's notes", "utf-8")
    assert cli.main(["synth", "--articles", "3", "--out", str(tmp_path)]) == cli.EXIT_DATA
    assert "expected a new or empty folder, or an earlier synthetic corpus" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_smaller_corpus_replaces_an_earlier_one_whole(corpus, tmp_path):
    folder = synthesize(tmp_path / "data")
    synthesize(folder, articles=3)
    assert files_of(folder) == files_of(synthesize(tmp_path / "fresh", articles=3))


@pytest.mark.parametrize("text", ["plain words", "“Quoted,” she said.", "a: b", "x #y", "ends:", "- item", "true",
                                  "null", "2017-10-26", "12", "1e3", "~", " padded", "'single'", '"double"',
                                  "line\nbreak", "tab\there", "@at", "%pct", "{flow}", "café ☕ 𝄞", ""])
def test_every_text_the_writer_writes_reads_back_as_itself(text):
    document = {"key": text, "list": [text, {"inner": text, "n": 3, "f": 1.5, "b": True}]}
    assert YAML(typ="safe", pure=True).load(synth_yaml.dump(document)) == document


@pytest.mark.site
def test_the_corpus_builds_with_no_warning_and_no_broken_link(corpus, tmp_path):
    from tests.site import build_site

    site = build_site(corpus, tmp_path / "site")  # fails on any Pelican warning
    pages = site.pages()
    assert len(pages) > 5 * ARTICLES
    assert _broken_links(site.output, pages) == []
    # The check can fail: a link to a missing page and one to a missing fragment are both found.
    source = next(site.output.glob("sources/*/index.html")).parent.relative_to(site.output).as_posix()
    page = next(site.output.glob("actors/*/index.html"))
    page.write_text(page.read_text("utf-8").replace(
        "</main>", f'<a href="/events/missing/">x</a><a href="/{source}/#ev-missing">y</a></main>', 1), "utf-8")
    assert [link.partition(" -> ")[2] for link in _broken_links(site.output, [page])] == [
        "events/missing/index.html", f"{source}/index.html#ev-missing"]


def _broken_links(output: Path, pages: list[Path]) -> list[str]:
    """'page -> target' for each link of pages to a file or fragment the site does not have."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        for target, fragment in _internal_links(output, page):
            shown = f"{page.relative_to(output)} -> {target.relative_to(output)}"
            if not target.is_file():
                broken.append(shown)
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = _ids(target)
                if fragment not in ids[target]:
                    broken.append(f"{shown}#{fragment}")
    return broken


def _internal_links(output: Path, page: Path):
    """(file, fragment) of every href and src of page that stays inside the site."""
    base = "/" + page.relative_to(output).as_posix()
    document = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    for tag in document.find_all(True):
        for attribute in ("href", "src"):
            value = tag.get(attribute)
            if not value or urlparse(value).scheme:
                continue
            address, fragment = urldefrag(urljoin(base, value))
            path = unquote(urlparse(address).path)
            target = output / path.lstrip("/")
            yield (target / "index.html" if path.endswith("/") else target), fragment


def _ids(page: Path) -> set[str]:
    document = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return {tag["id"] for tag in document.find_all(id=True)}
