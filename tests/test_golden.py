"""The Markdown and the HTML built from the sample data match the committed golden files byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

from tests.golden import GOLDEN_HTML, GOLDEN_MARKDOWN, html_files, sample_pages

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


def test_html_matches_the_golden_files(site):
    """Every page Pelican builds, and no other, is identical to its golden file."""
    diff = differences(golden(GOLDEN_HTML, "*.html"), html_files(site.output))
    assert not diff, HINT + "\n" + "\n".join(diff[:80])
