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


def _trie(names: set[str]) -> str:
    """One regex matching any of the names, as a trie: at each character only the names that go on
    with it are tried, so matching costs the length of a name, not the number of names (an
    alternation of every name made each text's scan grow with the report). Longer names are tried
    first ("US-led coalition" wins over "US"), and a shorter one where the longer is not followed by
    the end of a word, as an alternation sorted longest first would."""
    tree: dict = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    ways = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 and "" not in node else "(?:" + "|".join(ways) + ")"
    return body + "?" if "" in node else body


@dataclass(frozen=True)
class Mention:
    """A name found in a text: where it is and what it names."""

    start: int
    end: int
    folder: str
    id: str


# What may stand between the end of a sentence and the next one's first word: spaces, and an opening
# quotation mark or bracket ("He left. “Coalition forces ...").
_OPENERS = " \t\n\"'“‘«([—–-"
_SENTENCE_ENDS = ".!?…"


def at_sentence_start(text: str, position: int) -> bool:
    """True when position starts a sentence of text: its beginning, or after '.', '!', '?' or '…'."""
    before = text[:position].rstrip(_OPENERS)
    return before == "" or before[-1] in _SENTENCE_ENDS


def _capitalized(name: str) -> str:
    return name[:1].upper() + name[1:]


class NameIndex:
    """Every name and alias of the actors and places, matched as whole words.

    A name written in lower case ("coalition") also matches capitalized where a sentence starts
    ("Coalition forces ..."), and only there: mid-sentence, "Coalition" is another name.
    """

    def __init__(self, names: dict[str, tuple[str, str]]):
        self._names = names
        self._at_start = {_capitalized(n): target for n, target in names.items()
                          if _capitalized(n) != n and _capitalized(n) not in names}
        every = {*names, *self._at_start}
        word = _word_class()
        self._pattern = re.compile(rf"(?<!{word}){_trie(every)}(?!{word})") if every else None

    @classmethod
    def of(cls, entities) -> NameIndex:
        """An index of entities, given as (folder, entity) pairs, each entity with .id and .names."""
        return cls({name: (folder, e.id) for folder, e in entities for name in e.names})

    def choosing(self, choices) -> NameIndex:
        """The index as one article reads its names: each choice (a NameChoice) links its name to the
        entity it gives, or to nothing when it gives none."""
        names = dict(self._names)
        for choice in choices:
            names.pop(choice.name, None)
            if choice.target is not None:
                names[choice.name] = choice.target
        unlinked = {c.name for c in choices if c.target is None}
        index = NameIndex(names)
        index._at_start = {k: v for k, v in index._at_start.items() if k not in unlinked}
        return index

    def find(self, text: str, exclude: tuple[str, str] | None = None) -> list[Mention]:
        """Non-overlapping mentions in text, left to right, skipping the entity exclude."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            name = match.group(0)
            target = self._names.get(name)
            if target is None:
                target = self._at_start.get(name) if at_sentence_start(text, match.start()) else None
            if target is not None and target != exclude:
                found.append(Mention(match.start(), match.end(), *target))
        return found
