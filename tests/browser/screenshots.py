"""Screenshots of each page kind at phone and desktop widths: `python -m tests.browser.screenshots DIR`.

tests/test_browser_pages.py saves them as a test artifact into $REPORT_ARTIFACTS (CI uploads that folder):
a new page kind is one line in PAGES.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.browser import browser, serve

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "overview": "/",
    "actor": "/actors/ryan-dillon/",
    "place": "/places/al-qaim/",
    "event": "/events/al-qaim-rawa-operation/",
    "source": "/sources/cnn-2017-10-26-iraq-kurdish-clashes/#ev-135d4105bf",
    "actors-index": "/actors/",
    "events-index": "/events/",
    "quote": "/quotes/dillon-aware-of-tensions/",
    "figure": "/figures/defenders-of-al-qaim-and-rawa/",
    "quotes-index": "/quotes/",
    "figures-index": "/figures/",
    "country": "/places/iraq/",
    "search": "/search/?q=Peshmerga",
    "timeline": "/timeline/",
    "data": "/data/",
    "network": "/network/",
    "map": "/map/",
}
SCHEMES = ("light", "dark")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def take(output: Path, target: Path, full_page: bool = True, scheme: str = "light") -> list[Path]:
    """Screenshot every page kind at every width into target; returns the files."""
    with serve(output) as base, browser() as chromium:
        return take_with(chromium, base, target, full_page, scheme)


def take_with(chromium, base: str, target: Path, full_page: bool = True, scheme: str = "light",
              pages: dict[str, str] = PAGES) -> list[Path]:
    """Screenshot pages (name: path under base) at every width into target, in a browser already running."""
    target.mkdir(parents=True, exist_ok=True)
    shots = []
    for width_name, (width, height) in WIDTHS.items():
        context = chromium.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(base + path)
            shot = target / f"{name}-{width_name}-{scheme}.png"
            page.screenshot(path=str(shot), full_page=full_page)
            shots.append(shot)
        context.close()
    return shots


def readme(target: Path = ROOT / "docs" / "screenshot.png") -> Path:
    """The README's picture: an event's evidence opened in the article, span highlighted, at desktop width."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with serve(ROOT / "output") as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 860})
        page.goto(base + "/events/al-qaim-rawa-operation/")
        page.locator("#evidence + ul a").last.click()
        page.wait_for_url("**#ev-*")
        page.wait_for_timeout(300)
        page.screenshot(path=str(target))
    return target


if __name__ == "__main__":
    if sys.argv[1:] == ["readme"]:
        print(readme())
        sys.exit()
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots")
    scheme = sys.argv[2] if len(sys.argv) > 2 else "light"
    for shot in take(ROOT / "output", folder, scheme=scheme):
        print(shot)
