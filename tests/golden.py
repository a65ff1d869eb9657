"""Golden files: the Markdown and HTML the sample data must produce. `make update-golden` rewrites them.

Markdown: every generated page. HTML: per template, not per page, so that a change to the frame is a
one-file diff. For each template, the <main> element of one representative page; and once, the
shared chrome (head, header, navigation, breadcrumbs, footer) of one page with its <main> left out.
"""

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
# A page an editor writes by hand in content/pages/, so that page.html has a golden too.
ABOUT = "Title: About\n\nThis report was made by the editors from **one** CNN article.\n"
# template -> the page of output/ that stands for it.
REPRESENTATIVE = {
    "actor": "actors/ryan-dillon/index.html",
    "place": "places/al-qaim/index.html",
    "event": "events/al-qaim-rawa-operation/index.html",
    "source": "sources/cnn-2017-10-26-iraq-kurdish-clashes/index.html",
    "kind-index": "actors/index.html",
    "quote": "quotes/dillon-aware-of-tensions/index.html",
    "figure": "figures/defenders-of-al-qaim-and-rawa/index.html",
    "overview": "index.html",
    "not-found": "404.html",
    "search": "search/index.html",
    "timeline": "timeline/index.html",
    "data": "data/index.html",
    "network": "network/index.html",
    "map": "map/index.html",
    "page": "pages/about.html",
}
CHROME = "chrome.html"
CHROME_OF = REPRESENTATIVE["actor"]  # an entity page: it has breadcrumbs, a page title and a description
MAIN_OPEN, MAIN_CLOSE = "<main", "</main>"
LEFT_OUT = "<!-- <main> left out: see the golden of its template -->"


def sample_pages() -> dict[str, str]:
    """The pages the sample data renders to, keyed by path under content/."""
    return render(link(pipeline.validate(pipeline.load(DATA))))


def build_golden_site(base: Path):
    """The sample report with one hand-written page, built under base as `make html` builds it."""
    from tests.site import build_site

    (base / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (base / "content" / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    return build_site(DATA, base)


def _main_span(html: str) -> tuple[int, int]:
    start, end = html.find(MAIN_OPEN), html.find(MAIN_CLOSE)
    if start == -1 or end == -1 or html.count(MAIN_OPEN) != 1:
        raise ValueError("the page has not exactly one <main> element")
    return start, end + len(MAIN_CLOSE)


def main_of(html: str) -> str:
    """The page's <main> element, byte for byte as Pelican wrote it, and a final newline."""
    start, end = _main_span(html)
    return html[start:end] + "\n"


def chrome_of(html: str) -> str:
    """The page without its <main> element: what every template shares."""
    start, end = _main_span(html)
    return html[:start] + LEFT_OUT + html[end:]


def html_goldens(output: Path) -> dict[str, str]:
    """The HTML golden files of a built site: '<template>.html' for each template, and the chrome."""
    def page(rel: str) -> str:
        return (output / rel).read_text(encoding="utf-8")

    files = {f"{template}.html": main_of(page(rel)) for template, rel in REPRESENTATIVE.items()}
    return {**files, CHROME: chrome_of(page(CHROME_OF))}


def _replace(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"updated {folder.relative_to(ROOT)} ({len(files)} files)")


def update() -> None:
    """Replace the golden Markdown and HTML with what the generator and Pelican produce now."""
    _replace(GOLDEN_MARKDOWN, sample_pages())
    with tempfile.TemporaryDirectory() as tmp:
        _replace(GOLDEN_HTML, html_goldens(build_golden_site(Path(tmp)).output))


if __name__ == "__main__":
    update()
