"""Ids: safe, stable slugs that become folder names and URLs."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # used with fullmatch: "$" would allow a final newline
MAX_LENGTH = 80
# Names that mean something to a web server or to Windows, where editors may clone the repo.
RESERVED = frozenset({"index", "con", "prn", "aux", "nul", "feed", "feeds", "theme", "static"}
                     | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)})


def is_valid(value: object) -> bool:
    """True when value is a safe id: a lowercase ASCII slug that is not reserved."""
    return (isinstance(value, str) and len(value) <= MAX_LENGTH
            and bool(ID_PATTERN.fullmatch(value)) and value not in RESERVED)


def suggest(text: str) -> str:
    """A valid id made from any text (a name in any script), or '' when none can be made."""
    candidate = slugify(text, max_length=MAX_LENGTH, word_boundary=True, lowercase=True)
    if candidate in RESERVED:
        candidate = f"{candidate}-1"
    return candidate if is_valid(candidate) else ""


def explain(value: str) -> str:
    """Say what is wrong with an invalid id, and how to fix it."""
    if value == "" or value.strip() == "":
        return "an id cannot be empty"
    if "/" in value or "\\" in value or ".." in value:
        reason = "an id cannot contain '/', '\\' or '..': it becomes a folder name"
    elif value in RESERVED:
        return f"'{value}' is reserved; choose another id such as '{value}-1'"
    elif len(value) > MAX_LENGTH:
        reason = f"an id has at most {MAX_LENGTH} characters"
    elif value != value.lower():
        reason = "ids are lowercase"
    else:
        reason = "ids use only a-z, 0-9 and single hyphens"
    fixed = suggest(value)
    return f"{reason}; try '{fixed}'" if fixed else reason


def fold(value: str) -> str:
    """The form two ids share when they differ only by case or accents."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
