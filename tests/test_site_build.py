"""A real Pelican build of the generated pages: every {filename} link resolves, with zero warnings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.site import pelican


def test_the_build_logs_no_warning(site):
    """Pelican ran with --fatal warnings and said nothing worse than INFO."""
    assert "WARNING" not in site.log and "ERROR" not in site.log


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
