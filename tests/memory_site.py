"""Pages rendered as Pelican renders them, without a whole build: fast enough for property tests.

The generator's Markdown is read by Pelican's own reader (Python-Markdown with the project's
settings), becomes Pelican's own Page (so its intrasite link replacement runs on the body and the
summary, and `get_static_links` reports any file a page would pull into the site), and is laid
out by the theme's templates in a Jinja environment built by Pelican's own Generator, with the
project's filters (the sanitizer among them). What this skips, and the whole builds of
tests/test_redteam_render.py do not: Pelican's writers and its static-file generator.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from pelican.contents import Page
from pelican.generators import Generator
from pelican.settings import read_settings

from generator.markdown_text import one_line

ROOT = Path(__file__).resolve().parent.parent
_URL = re.compile(r"^URL: ?(.*)$", re.M)


@dataclass
class Rendered:
    """One page as Pelican would write it, and what Pelican noticed while rendering it."""

    html: str
    static_links: set[str]
    warnings: list[str] = field(default_factory=list)


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class MemorySite:
    """Renders chosen pages of a generated site, keyed by their path under content/."""

    def __init__(self, content: Path):
        self.content = content
        content.mkdir(parents=True, exist_ok=True)
        self.settings = read_settings(str(ROOT / "pelican.conf.py"), override={"PATH": str(content)})
        self.generator = Generator(dict(self.settings), self.settings, str(content), self.settings["THEME"],
                                   str(content.parent / "output"))

    def render(self, pages: dict[str, str], paths: list[str], sitename: str) -> dict[str, Rendered]:
        """The HTML of each page in paths; pages holds every page, so that {filename} links resolve."""
        linked = {path: SimpleNamespace(url=_URL.search(text).group(1)) for path, text in pages.items()}
        context = {**self.settings, "SITENAME": one_line(sitename), "generated_content": linked,
                   "static_content": {}, "static_links": set(), "localsiteurl": self.settings["SITEURL"],
                   # The hand-written pages the footer links (generator/pelican_plugin.py): none here.
                   "HAND_WRITTEN_PAGES": []}
        return {path: self._one(path, pages[path], context) for path in paths}

    def _one(self, path: str, text: str, context: dict) -> Rendered:
        target = self.content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        warnings = _Warnings()
        logger = logging.getLogger("pelican")
        logger.addHandler(warnings)
        try:
            page = self.generator.readers.read_file(str(self.content), path, content_class=Page, context=context)
            template = self.generator.get_template(page.template)
            html = template.render({**context, "page": page})
            static = page.get_static_links()
        finally:
            logger.removeHandler(warnings)
        return Rendered(html, static, warnings.messages)
