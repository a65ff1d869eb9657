"""A rebuild lays out only what changed (issue #12): Pelican's pages are copied from the last site when
their text, the theme, the code, the settings and the set of pages are all the same, and the result is
byte for byte the site a build from nothing gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import edit
from tests.project import copy_project, make, snapshot

pytestmark = [pytest.mark.site, pytest.mark.process]
ARTICLE = "data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml"
# A sentence added at the end of the article's text: only the article's own page changes.
LAST = "where fighting lasted for months.\"\n"
_COUNTS = re.compile(r"pages: (\d+) laid out, (\d+) copied from the last build")
_WRITTEN = re.compile(r"content: (\d+) written")


def build(project: Path, cache: Path, written: int | None = None) -> tuple[int, int]:
    """make html in the project with its own cache: (pages laid out, pages copied); with written, the
    number of Markdown pages the generator must have rewritten."""
    result = make(project, "html", "REPORT_CACHE=" + str(cache))
    assert result.returncode == 0, result.stdout + result.stderr
    [counts] = _COUNTS.findall(result.stdout)
    if written is not None:
        assert _WRITTEN.findall(result.stdout) == [str(written)]
    return int(counts[0]), int(counts[1])


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def cold_site(tmp_path: Path, project: Path) -> dict[str, str]:
    """The site a fresh copy of the project, with an empty cache, builds from the same inputs."""
    fresh = copy_project(tmp_path / "fresh")
    for folder in ("data", "theme"):
        for path in (project / folder).rglob("*"):
            if path.is_file():
                (fresh / path.relative_to(project)).write_bytes(path.read_bytes())
    build(fresh, tmp_path / "fresh-cache")
    return snapshot(fresh, "output")


def test_an_edit_to_one_article_lays_out_its_page_only_and_the_site_is_as_a_fresh_build(project, tmp_path):
    cache = tmp_path / "cache"
    laid_out, copied = build(project, cache)
    assert copied == 0 and laid_out > 50
    assert build(project, cache) == (0, laid_out)  # nothing changed: nothing laid out again
    edit(project / ARTICLE, LAST, LAST.replace(".\"", ". The editors added this sentence.\""))
    # The article's page alone: the pages that quote its last paragraph quote the sentences naming them,
    # which the new sentence is not (a mention shows its sentence, not the paragraph's first characters).
    assert build(project, cache, written=1) == (1, laid_out - 1)
    assert "The editors added this sentence." in (project / "output/sources/cnn-2017-10-26-iraq-kurdish-clashes/index.html").read_text()
    assert snapshot(project, "output") == cold_site(tmp_path, project)


def test_a_theme_change_lays_out_every_page_again(project, tmp_path):
    cache = tmp_path / "cache"
    laid_out, _ = build(project, cache)
    edit(project / "theme/templates/partial/footer.html", "Every fact in this report", "Each fact in this report")
    assert build(project, cache) == (laid_out, 0)
    assert all("Each fact in this report" in page.read_text() for page in (project / "output").rglob("index.html"))


def test_a_page_changed_by_hand_in_the_last_site_is_laid_out_again_not_copied(project, tmp_path):
    cache = tmp_path / "cache"
    laid_out, _ = build(project, cache)
    page = project / "output/actors/cnn/index.html"
    page.write_text(page.read_text().replace("</main>", "<script>alert(1)</script></main>"))
    assert build(project, cache) == (1, laid_out - 1)
    assert "alert(1)" not in page.read_text()


def test_a_corrupt_cache_is_computed_again(project, tmp_path):
    cache = tmp_path / "cache"
    laid_out, _ = build(project, cache)
    before = snapshot(project, "output")
    entries = [path for path in cache.rglob("*.json")]
    assert entries
    for path in entries:
        path.write_text(json.dumps({"content": 1}) if "pages" in path.parts else "{not json")
    assert build(project, cache) == (laid_out, 0)
    assert snapshot(project, "output") == before
