"""The Markdown and the HTML built from the sample data match the committed golden files byte for byte.

HTML goldens are one <main> per template and one shared chrome (tests/golden.py says which pages).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.golden import (CHROME, GOLDEN_HTML, GOLDEN_MARKDOWN, LEFT_OUT, REPRESENTATIVE, build_golden_site,
                          chrome_of, html_goldens, main_of, sample_pages)

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = {"base", "entity", "paged"}  # templates that only others extend; every other one lays out a kind of page
# Templates of kinds the sample report does not have: tests/test_kinds_recipe.py builds and checks their pages.
NOT_IN_THE_SAMPLE = {"record", "list"}  # list: the sample has no list longer than render/lists.ENTRY_CAP

HINT = "run `make update-golden` after an intended change, and review `git diff tests/golden`"


def golden(folder: Path, pattern: str) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob(pattern))}


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """A unified diff of every file that differs; files missing on either side are named."""
    lines = [f"only in golden: {rel}" for rel in sorted(set(expected) - set(actual))]
    lines += [f"not in golden: {rel}" for rel in sorted(set(actual) - set(expected))]
    for rel in sorted(set(expected) & set(actual)):
        if expected[rel] != actual[rel]:
            lines += difflib.unified_diff(expected[rel].splitlines(), actual[rel].splitlines(), f"golden/{rel}",
                                          f"now/{rel}", lineterm="", n=1)
    return lines


def test_markdown_matches_the_golden_files():
    """Every generated page, and no other, is identical to its golden file."""
    diff = differences(golden(GOLDEN_MARKDOWN, "*.md"), sample_pages())
    assert not diff, HINT + "\n" + "\n".join(diff[:80])


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory):
    """The sample report and one hand-written page, built as the goldens were."""
    return build_golden_site(tmp_path_factory.mktemp("golden"))


@pytest.mark.site
def test_html_matches_the_golden_files(golden_site):
    """Each template's <main> on its representative page, and the shared chrome, are identical to their goldens."""
    diff = differences(golden(GOLDEN_HTML, "*.html"), html_goldens(golden_site.output))
    assert not diff, HINT + "\n" + "\n".join(diff[:80])


def test_every_page_template_has_an_html_golden():
    """A new template gets a representative page in tests/golden.py, and so a golden."""
    templates = {path.stem for path in (ROOT / "theme" / "templates").glob("*.html")} - LAYOUTS - NOT_IN_THE_SAMPLE
    assert set(REPRESENTATIVE) == templates
    assert set(golden(GOLDEN_HTML, "*.html")) == {f"{name}.html" for name in templates} | {CHROME}


def test_the_html_goldens_split_a_page_into_its_main_and_its_chrome():
    """Together the two parts are the whole page, so nothing of a page escapes both kinds of golden."""
    page = "<html><body><header>h</header>\n  <main id=\"main\">\n<p>x</p>\n  </main>\n<footer>f</footer></body></html>"
    main, chrome = main_of(page), chrome_of(page)
    assert main == "<main id=\"main\">\n<p>x</p>\n  </main>\n"
    assert chrome.replace(LEFT_OUT, main.removesuffix("\n")) == page
    with pytest.raises(ValueError):
        main_of("<html><main></main><main></main></html>")
