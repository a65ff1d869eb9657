"""Find the names of known entities in running text, longest first, as link targets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache


# Combining marks live only in planes 0 and 1 and in plane 14 (variation selectors); scanning just
# those finds the same marks as scanning all of Unicode, in an eighth of the time, on every run.
_MARK_PLANES = (range(0x20000), range(0xE0000, 0xE1000))


@cache
def _word_class() -> str:
    """A regex class of word characters and combining marks, so a name never ends mid-letter.

    Python's \\w leaves out combining marks: "Ali" would match inside a decomposed "Alí",
    and an Arabic name inside the same name with its vowel marks.
    """
    ranges, start = [], None
    for code in (c for plane in _MARK_PLANES for c in plane):
        mark = unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append((start, code - 1))
            start = None
    marks = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return f"[\\w{marks}]"


@dataclass(frozen=True)
class Mention:
    """A name found in a text: where it is and what it names."""

    start: int
    end: int
    folder: str
    id: str


class NameIndex:
    """Every name and alias of the actors and places, matched as whole words."""

    def __init__(self, names: dict[str, tuple[str, str]]):
        self._names = names
        # Longest first, so "US-led coalition" wins over "US" where both could start.
        ordered = sorted(names, key=lambda n: (-len(n), n))
        alternatives = "|".join(re.escape(n) for n in ordered)
        word = _word_class()
        self._pattern = re.compile(rf"(?<!{word})(?:{alternatives})(?!{word})") if ordered else None

    @classmethod
    def of(cls, entities) -> NameIndex:
        """An index of entities, given as (folder, entity) pairs, each entity with .id and .names."""
        return cls({name: (folder, e.id) for folder, e in entities for name in e.names})

    def find(self, text: str, exclude: tuple[str, str] | None = None) -> list[Mention]:
        """Non-overlapping mentions in text, left to right, skipping the entity exclude."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            folder, entity_id = self._names[match.group(0)]
            if (folder, entity_id) != exclude:
                found.append(Mention(match.start(), match.end(), folder, entity_id))
        return found
