"""Pages converted ahead on every core (issue #12) are exactly what Pelican's reader converts itself."""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings

from generator import cache, pelican_cache, pipeline
from tests.conftest import ROOT, SAMPLE_DATA


def test_pages_converted_ahead_on_two_cores_are_what_the_reader_converts(tmp_path, monkeypatch):
    content = tmp_path / "content"
    pipeline.build(SAMPLE_DATA, content)
    pages = sorted(str(path) for path in content.rglob("*.md"))
    settings = read_settings(str(ROOT / "pelican.conf.py"), override={"PATH": str(content)})
    monkeypatch.setenv(cache.ENV, str(tmp_path / "ahead"))
    assert pelican_cache.convert_ahead(content, settings, workers=2, min_pages=1) == len(pages)
    assert len(list((tmp_path / "ahead" / "pages").rglob("*.json"))) == len(pages)  # the workers wrote them
    markdown = pelican_cache._markdown_settings(settings)
    ahead = [cache.get("pages", cache.key("markdown", markdown, Path(page).read_text("utf-8"))) for page in pages]
    monkeypatch.setenv(cache.ENV, str(tmp_path / "in-process"))
    reader = pelican_cache.ReportMarkdownReader(settings)
    assert ahead == [reader.converted(page)[1] for page in pages]
    assert all(entry["content"].startswith("<p>") or entry["content"].startswith("<h2") for entry in ahead)


def test_a_small_site_is_not_worth_the_workers(tmp_path):
    settings = read_settings(str(ROOT / "pelican.conf.py"), override={"PATH": str(tmp_path)})
    (tmp_path / "a.md").write_text("Title: A\n\nText.\n")
    assert pelican_cache.convert_ahead(Path(tmp_path), settings, workers=2) == 0
