"""Golden files: the Markdown the sample data must produce. `make update-golden` rewrites them."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import pipeline
from generator.link import link
from generator.render import render

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLDEN_MARKDOWN = ROOT / "tests" / "golden" / "markdown"


def sample_pages() -> dict[str, str]:
    """The pages the sample data renders to, keyed by path under content/."""
    return render(link(pipeline.validate(pipeline.load(DATA))))


def update() -> None:
    """Replace the golden Markdown with what the generator renders now."""
    shutil.rmtree(GOLDEN_MARKDOWN, ignore_errors=True)
    for rel, text in sample_pages().items():
        target = GOLDEN_MARKDOWN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"updated {GOLDEN_MARKDOWN.relative_to(ROOT)}")


if __name__ == "__main__":
    update()
