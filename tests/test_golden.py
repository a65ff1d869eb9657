"""The Markdown generated from the sample data matches the committed golden files byte for byte."""

from __future__ import annotations

import difflib

from tests.golden import GOLDEN_MARKDOWN, sample_pages


def test_every_golden_page_is_generated_and_nothing_more():
    """The set of pages is exactly the golden set: none missing, none extra."""
    golden = {p.relative_to(GOLDEN_MARKDOWN).as_posix() for p in GOLDEN_MARKDOWN.rglob("*.md")}
    assert set(sample_pages()) == golden, "run `make update-golden` after an intended change"


def test_each_page_matches_its_golden_file():
    """Each page's text is identical to its golden file; the diff shows what changed."""
    diffs = []
    for rel, text in sample_pages().items():
        expected = (GOLDEN_MARKDOWN / rel).read_text(encoding="utf-8")
        if text != expected:
            diffs += difflib.unified_diff(expected.splitlines(), text.splitlines(), f"golden/{rel}", f"now/{rel}",
                                          lineterm="", n=1)
    assert not diffs, "\n".join(diffs[:80])
