"""Lists that grow with the corpus, kept to a bound on every page: the caps, the full lists and the page links.

A record's page shows at most ENTRY_CAP entries of each list, in the list's own order, then a link to
the whole list on pages of its own (ENTRIES_PER_PAGE entries each); an index shows INDEX_ENTRIES_PER_PAGE
entries a page, its groups kept, a group split over two pages repeating its heading, marked continued.
Changing a bound is changing its number here (docs/ARCHITECTURE.md, "Bounded pages").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import paths
from ..markdown_text import Markdown, escape, inline, list_link
from ..wording import count_of

# A record's page: 50 entries of a list (the sample's longest list, an article's 22 events, fits whole,
# and so do the red-team twins' lists). An entry weighs about 0.5 KB of HTML (at most INLINE_CAP links),
# so the busiest pages measured stay under 100 KB.
ENTRY_CAP = 50
# A page of a full list: entries such as a quote with its evidence weigh 1-2 KB of HTML each.
ENTRIES_PER_PAGE = 100
# A page of an index: an entry (a link and a short note) weighs about 300 bytes of HTML.
INDEX_ENTRIES_PER_PAGE = 250
# Links of one kind inside one entry (the evidence of a fact many articles report): the first few, then a count.
INLINE_CAP = 5


@dataclass(frozen=True)
class FullList:
    """One list of a record's page, whole: its anchor (the last part of its address), title and entries."""

    anchor: str
    title: str
    items: tuple[str, ...]


@dataclass
class Lists:
    """The lists of one record's page that were cut to ENTRY_CAP, kept whole for their own pages."""

    folder: str
    record_id: str
    name: str
    full: list[FullList] = field(default_factory=list)

    def capped(self, anchor: str, title: str, items: list[str], nouns: str) -> list[str]:
        """The first ENTRY_CAP entries, then a link to all of them ('All 812 events of ISIS': nouns is
        'events', or a phrase placing the name, 'quotes addressed to {name}'); the whole list is kept."""
        if len(items) <= ENTRY_CAP:
            return items
        self.full.append(FullList(anchor, title, tuple(items)))
        phrase = f"All {len(items):,} {nouns if '{name}' in nouns else nouns + ' of {name}'}"
        before, after = (part.strip() for part in phrase.split("{name}"))  # our words around the data's name
        text = Markdown(" ".join(filter(None, [escape(before), inline(self.name), escape(after)])))
        link = list_link(text, self.folder, self.record_id, anchor)
        return [*items[:ENTRY_CAP], "", link, "{: .all-entries }"]


def chunks(items: list, size: int) -> list[list]:
    """items in pages of at most size entries; one empty page when there are none."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [[]]


def paged_groups(groups: list[dict], size: int) -> list[list[dict]]:
    """Grouped entries in pages of at most size entries, in order; a group cut by a page break is repeated
    on the next page, marked continued, each part knowing the group's whole count."""
    pages, current, filled = [], [], 0
    for group in groups:
        items, start = group["items"], 0
        while start < len(items):
            if filled == size:
                pages.append(current)
                current, filled = [], 0
            part = {**group, "items": items[start:start + size - filled]}
            if start:
                part["continued"] = True
            if len(part["items"]) < len(items):
                part["total"] = len(items)
            current.append(part)
            filled += len(part["items"])
            start += len(part["items"])
    return [*pages, current] if current or not pages else pages


def pagination(first_url: str, number: int, count: int) -> dict:
    """The page links of page `number` of `count`: every page by number, and the previous and next."""
    found = {"number": number, "count": count,
             "pages": [{"number": n, "url": paths.numbered(first_url, n)} for n in range(1, count + 1)]}
    if number > 1:
        found["prev"] = paths.numbered(first_url, number - 1)
    if number < count:
        found["next"] = paths.numbered(first_url, number + 1)
    return found


def more_text(shown: list[str], count: int, noun: str) -> list[str]:
    """The first INLINE_CAP of a run of links, then 'and 12 more articles' for the rest."""
    if count <= INLINE_CAP:
        return shown
    rest = count - INLINE_CAP
    return [*shown[:INLINE_CAP], f"and {count_of(rest, 'more ' + noun)}"]
