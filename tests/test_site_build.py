"""A real Pelican build of the generated pages: every {filename} link resolves, with zero warnings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DATA
from tests.site import build_site, pelican


def test_the_test_build_stops_at_a_warning(tmp_path):
    """build_site, which every site test builds with, refuses a build that warned (here: a broken link)."""
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "about.md").write_text("Title: About\n\n[gone]({filename}/actors/nobody.md)\n")
    with pytest.raises(AssertionError, match=r"Pelican failed or warned:\npelican: warning: Unable to find"):
        build_site(SAMPLE_DATA, tmp_path)


def test_pelican_builds_every_page(site):
    """Each generated page becomes index.html at its stable URL."""
    for page in (site.content).rglob("*.md"):
        folder, page_id = page.parent.name, page.stem
        if folder == "indexes":
            special = {"overview": "index.html", "not-found": "404.html"}
            target = site.output / special.get(page_id, f"{page_id}/index.html")
        else:
            target = site.output / folder / page_id / "index.html"
        assert target.is_file(), target


def test_every_intrasite_link_was_resolved(site):
    """No {filename} placeholder survives, and every internal href names a built page."""
    for html in site.pages():
        text = html.read_text(encoding="utf-8")
        assert "{filename}" not in text, html
        for target in re.findall(r'href="(/(?:actors|places|events|sources)/[^"#]*)', text):
            assert (site.output / target.strip("/") / "index.html").is_file(), (html, target)


def test_every_fragment_link_has_its_anchor(site):
    """Each #p3 or #ev-… link on any page points at an id on the source page."""
    for html in site.pages():
        for path, fragment in re.findall(r'href="(/sources/[^"#]+/)#([^"]+)"', html.read_text(encoding="utf-8")):
            target = (site.output / path.strip("/") / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in target, (html, path, fragment)


def test_a_broken_link_fails_the_build(site, tmp_path):
    """Pelican really checks the links: one to a missing page stops a --fatal warnings build."""
    content = Path(shutil.copytree(site.content, tmp_path / "content"))
    page = content / "actors" / "cnn.md"
    page.write_text(page.read_text() + "\n[gone]({filename}/actors/no-such-actor.md)\n")
    result = pelican(content, tmp_path / "output")
    assert result.returncode != 0
    assert "Unable to find" in result.stdout + result.stderr
