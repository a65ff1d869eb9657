"""Characters that hide or reorder what a text says, and the text fields of the data that must not hold them.

Names, titles and other one-line fields ("line" style) refuse more than prose fields
(paragraphs, descriptions, notes, evidence, quotes), which keep what real text needs: line
breaks, bidirectional isolates, and the marks and joiners of Arabic, Persian, Indic and emoji
text. Which style a field has comes from the JSON Schema: prose fields use $defs/prose.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

LINE, PROSE = "line", "prose"


@dataclass(frozen=True)
class CharClass:
    """Code points that a text field may not hold, in the fields of the given styles."""

    what: str  # completes "expected text without ..."
    ranges: tuple[tuple[int, int], ...]
    styles: frozenset[str]
    hint: str


_BOTH, _LINES = frozenset({LINE, PROSE}), frozenset({LINE})

# Checked in this order; the first class a text breaks is reported.
CLASSES = (
    CharClass("control characters", ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F)), _BOTH,
              "delete it: it is invisible, and terminals act on it"),
    CharClass("line breaks or tabs", ((0x09, 0x0A), (0x2028, 0x2029)), _LINES,
              "write it on one line, with single spaces"),
    CharClass("bidirectional embeddings or overrides", ((0x202A, 0x202E),), _BOTH,
              "delete it: it shows the text in another order than it is written; right-to-left text needs no "
              "control characters"),
    CharClass("bidirectional isolates", ((0x2066, 0x2069),), _LINES,
              "delete it: the site isolates each name's direction itself"),
    CharClass("deprecated format characters", ((0x206A, 0x206F), (0xFFF9, 0xFFFB)), _BOTH,
              "delete it: it is invisible and changes how the text displays"),
    # Zero-width spaces, word joiners, soft hyphens and fillers: in a name, one makes a
    # second name that looks like the first but is not (it no longer matches the article).
    CharClass("invisible characters", ((0x00AD, 0x00AD), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180E, 0x180E),
                                       (0x200B, 0x200B), (0x2060, 0x2064), (0x3164, 0x3164), (0xFEFF, 0xFEFF),
                                       (0xFFA0, 0xFFA0)), _LINES,
              "delete it: a name with it looks the same as one without, but is not"),
)

# Characters that show nothing by themselves: allowed where a script needs them (direction
# marks, joiners, variation selectors, tag characters of flag emoji), but not as a whole text.
_SHOW_NOTHING = ((0x034F, 0x034F), (0x061C, 0x061C), (0x180B, 0x180F), (0x200C, 0x200F), (0xFE00, 0xFE0F),
                 (0xE0000, 0xE007F), (0xE0100, 0xE01EF))


def _pattern(ranges) -> re.Pattern:
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


_FINDERS = tuple((rule, _pattern(rule.ranges)) for rule in CLASSES)
_NOT_SHOWN = re.compile(r"(?:\s|" + _pattern(tuple(r for rule in CLASSES for r in rule.ranges)
                                              + _SHOW_NOTHING).pattern + r")*\Z")


def describe(char: str) -> str:
    """A code point as an editor can look it up: 'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if name:
        return f"{code} {name}"
    return f"{code} (a control character)" if unicodedata.category(char) == "Cc" else f"{code} (unnamed)"


def check(text: str, style: str) -> tuple[str, str, str] | None:
    """(expected, found, hint) for the first thing wrong with text in a field of this style, or None."""
    if text and _NOT_SHOWN.match(text):
        shown = ", ".join(describe(c) for c in sorted(set(text), key=ord)[:3] if not c.isspace())
        found = "only invisible characters" + (f": {shown}" if shown else "")
        return "visible text", found, "write the words out: as it is, it shows as nothing"
    for rule, finder in _FINDERS:
        if style not in rule.styles:
            continue
        match = finder.search(text)
        if match:
            return f"text without {rule.what}", f"{describe(match.group())} at character {match.start() + 1}", \
                rule.hint
    return None


def document_problems(doc, kind: str) -> list:
    """A Problem for each text field of a loaded document (report, actors, places, article) that breaks a rule."""
    return [doc.problem(pointer, *found) for pointer, text, style in text_fields(doc.data, kind)
            if (found := check(text, style)) is not None]


# --- the text fields, from the JSON Schemas ------------------------------------------------------------------

@cache
def _schema(name: str) -> dict:
    return json.loads(resources.files("generator.schema").joinpath(name).read_text("utf-8"))


def text_fields(data: object, kind: str) -> Iterator[tuple[tuple, str, str]]:
    """Every text in a document of kind (report, actors, places, article): (pointer, text, style)."""
    yield from _walk(data, f"{kind}.schema.json", _schema(f"{kind}.schema.json"), (), LINE)


def _walk(value: object, file: str, schema: dict, pointer: tuple, style: str) -> Iterator[tuple[tuple, str, str]]:
    while "$ref" in schema:
        file, schema, style = _follow(file, schema["$ref"], style)
    if isinstance(value, str):
        yield pointer, value, style
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            # A field the schema does not describe (it would have been refused) is checked as a line.
            yield from _walk(item, file, properties.get(key, {}), pointer + (key,), LINE)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, file, schema.get("items", {}), pointer + (index,), LINE)


def _follow(file: str, ref: str, style: str) -> tuple[str, dict, str]:
    """Resolve a $ref such as 'common.schema.json#/$defs/prose' from within file."""
    target, _, fragment = ref.partition("#")
    file = target or file
    schema = _schema(file)
    for part in filter(None, fragment.split("/")):
        schema = schema[part]
    return file, schema, PROSE if fragment == "/$defs/prose" else style
