"""Golden files: the Markdown and HTML the sample data must produce. `make update-golden` rewrites them."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator import pipeline
from generator.link import link
from generator.render import render

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "cnn-report"  # the frozen sample, never the live data/
GOLDEN_MARKDOWN = ROOT / "tests" / "golden" / "markdown"
GOLDEN_HTML = ROOT / "tests" / "golden" / "html"


def sample_pages() -> dict[str, str]:
    """The pages the sample data renders to, keyed by path under content/."""
    return render(link(pipeline.validate(pipeline.load(DATA))))


def html_files(output: Path) -> dict[str, str]:
    """Every HTML file of a built site, keyed by path under output/."""
    return {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8") for p in sorted(output.rglob("*.html"))}


def _replace(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"updated {folder.relative_to(ROOT)} ({len(files)} files)")


def update() -> None:
    """Replace the golden Markdown and HTML with what the generator and Pelican produce now."""
    from tests.site import build_site

    _replace(GOLDEN_MARKDOWN, sample_pages())
    with tempfile.TemporaryDirectory() as tmp:
        _replace(GOLDEN_HTML, html_files(build_site(DATA, Path(tmp)).output))


if __name__ == "__main__":
    update()
