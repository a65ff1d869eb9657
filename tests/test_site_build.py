"""A real Pelican build of the generated pages: every {filename} link resolves, with zero warnings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline

ROOT = Path(__file__).resolve().parent.parent


def pelican(content: Path, output: Path) -> subprocess.CompletedProcess:
    """Run Pelican as `make html` does, on the given content folder."""
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelican.conf.py"),
               "--fatal", "warnings"]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample report, generated and built once for this module."""
    base = tmp_path_factory.mktemp("site")
    pipeline.build(ROOT / "data", base / "content")
    result = pelican(base / "content", base / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return base


def test_pelican_builds_every_page(site):
    """Each generated page becomes index.html at its stable URL."""
    for page in (site / "content").rglob("*.md"):
        folder, page_id = page.parent.name, page.stem
        assert (site / "output" / folder / page_id / "index.html").is_file()


def test_every_intrasite_link_was_resolved(site):
    """No {filename} placeholder survives, and every internal href names a built page."""
    for html in (site / "output").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "{filename}" not in text, html
        for target in re.findall(r'href="(/(?:actors|places|events|sources)/[^"#]*)', text):
            assert (site / "output" / target.strip("/") / "index.html").is_file(), (html, target)


def test_every_fragment_link_has_its_anchor(site):
    """Each #p3 or #ev-… link on any page points at an id on the source page."""
    for html in (site / "output").rglob("*.html"):
        for path, fragment in re.findall(r'href="(/sources/[^"#]+/)#([^"]+)"', html.read_text(encoding="utf-8")):
            target = (site / "output" / path.strip("/") / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in target, (html, path, fragment)


def test_a_broken_link_fails_the_build(site, tmp_path):
    """Pelican really checks the links: one to a missing page stops a --fatal warnings build."""
    content = Path(shutil.copytree(site / "content", tmp_path / "content"))
    page = content / "actors" / "cnn.md"
    page.write_text(page.read_text() + "\n[gone]({filename}/actors/no-such-actor.md)\n")
    result = pelican(content, tmp_path / "output")
    assert result.returncode != 0
    assert "Unable to find" in result.stdout + result.stderr
