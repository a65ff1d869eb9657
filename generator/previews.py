"""Hover previews: for each entity page of the built site, a small JSON fragment beside it.

theme/static/js/previews.js fetches `actors/isis/preview.json` when a reader hovers over or tabs to a
link to `actors/isis/`, and shows its title, kind, summary and key facts in a tooltip: one small file
per link, never the linked page itself. The fragments are made from each page's metadata (the same
Title, Kind, Summary and Infobox the page shows), as plain text and bounded, at the end of every
build, so pages the incremental writer copied from the last build get fragments from the current
metadata. An entity page is one at `<folder>/<id>/` for a kind with pages (`kinds.paged()`): the
script matches links by the same rule (base.html gives it the folders).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from pelican.utils import sanitised_join

from . import kinds, page_meta
from .markdown_text import one_line
from .wording import humanize

FRAGMENT = "preview.json"
MAX_FACTS = 5  # the infobox's first rows: a preview is a glance, the page has the rest
MAX_ITEMS = 3  # entries shown of one row ('Who': three participants, then 'and 4 more')
TITLE_LENGTH = 160
SUMMARY_LENGTH = 320
LABEL_LENGTH = 40
FACT_LENGTH = 160
_ELLIPSIS = "…"


def folders() -> tuple[str, ...]:
    """The URL folders whose record pages have previews, as the registry lists the kinds with pages."""
    return tuple(kind.folder for kind in kinds.paged())


def is_entity_url(url: str, paged: tuple[str, ...]) -> bool:
    """Whether a page URL ('actors/isis/') is a record's own page, the only pages that have previews."""
    parts = url.split("/")
    return len(parts) == 3 and parts[0] in paged and parts[1] != "" and parts[2] == ""


def write_previews(output: Path, pages: list) -> int:
    """Write the fragment of every entity page among pages into output/; how many were written."""
    paged = folders()
    written = 0
    for page in pages:
        url = getattr(page, "url", "")
        if not is_entity_url(url, paged) or getattr(page, "save_as", "") != url + "index.html":
            continue  # the fragment sits beside the page the link opens, where the script looks
        path = Path(sanitised_join(str(output), url + FRAGMENT))  # a URL cannot leave output/
        noun = kinds.kind(url.split("/")[0]).entry_noun
        path.write_bytes(fragment_bytes(preview(page.metadata, noun)))
        written += 1
    return written


def preview(metadata: dict, noun: str) -> dict:
    """A record page's preview from its metadata: title, kind ('actor · armed group', for noun 'actor'),
    summary and facts, each plain, bounded text."""
    kind = humanize(_text(metadata.get(page_meta.attribute(page_meta.KIND))))
    facts = [fact for fact in _facts(metadata.get(page_meta.attribute(page_meta.INFOBOX)))
             if fact["text"].casefold() != kind.casefold()]  # the kind's row says what the kicker says
    shown = noun if kind in ("", noun) else f"{noun} · {_cut(kind, LABEL_LENGTH)}"
    return {"title": _cut(_text(metadata.get(page_meta.attribute(page_meta.TITLE))), TITLE_LENGTH),
            "kind": shown,
            "summary": _cut(plain_text(_text(metadata.get(page_meta.attribute(page_meta.SUMMARY)))), SUMMARY_LENGTH),
            "facts": facts[:MAX_FACTS]}


def fragment_bytes(value: dict) -> bytes:
    """The fragment file's bytes: compact JSON, keys sorted, the same for the same preview."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def plain_text(markup: str) -> str:
    """The text of HTML (a summary Pelican rendered from Markdown), entities decoded, on one line."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return one_line("".join(parser.pieces))


class _TextOf(HTMLParser):
    """Collects the character data of HTML, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def _facts(infobox: object) -> list[dict]:
    # The Infobox line as render writes it: [{"label", "items": [{"text", "url"?, "note"?}]}]. Anything
    # else (a hand-written page, a field some future page lacks) gives no facts rather than a failed build.
    try:
        rows = json.loads(infobox) if isinstance(infobox, str) else []
    except ValueError:
        return []
    facts = []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict) or not isinstance(row.get("items"), list):
            continue
        texts = [_text(item.get("text")) for item in row["items"] if isinstance(item, dict)]
        texts = [text for text in texts if text]
        label = _text(row.get("label"))
        if label and texts:
            facts.append({"label": _cut(label, LABEL_LENGTH), "text": _cut(_listed(texts), FACT_LENGTH)})
    return facts


def _listed(texts: list[str]) -> str:
    shown = ", ".join(texts[:MAX_ITEMS])
    return shown if len(texts) <= MAX_ITEMS else f"{shown} and {len(texts) - MAX_ITEMS} more"


def _text(value: object) -> str:
    return one_line(value) if isinstance(value, str) else ""


_LAST_WORD = re.compile(r"\s+\S*$")


def _cut(text: str, length: int) -> str:
    """text, or its first words within length, ending in an ellipsis."""
    if len(text) <= length:
        return text
    head = text[:length - 1]
    shorter = _LAST_WORD.sub("", head)
    return (shorter if len(shorter) > length // 2 else head).rstrip(" ,;:") + _ELLIPSIS
