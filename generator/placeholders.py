"""Placeholders: the template's stand-ins for what the editor must write, refused until replaced.

A placeholder is text that starts with `TODO:` (an id, which cannot hold a colon, starts with `todo-`),
or is only an ellipsis, as in the README's `--title "..."`. `python -m generator new` writes them where
the article's own words must go, so a file left as it was made never validates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .load import Document
from .problems import Problem, show

HINT = "replace the placeholder"
_PLACEHOLDER = re.compile(r"\s*(TODO:|todo-|(\.\.\.|…)+\s*$)")


def is_placeholder(value: object) -> bool:
    """True for a text the template put in for the editor to replace."""
    return isinstance(value, str) and _PLACEHOLDER.match(value) is not None


def problems(doc: Document) -> Iterator[Problem]:
    """A problem for each placeholder left in a document, at its field."""
    for pointer, value in _texts(doc.data, ()):
        if is_placeholder(value):
            yield doc.problem(pointer, "a value of your own", f"the placeholder {show(value)}", HINT)


def _texts(data: object, pointer: tuple) -> Iterator[tuple[tuple, object]]:
    """Every value in data with its pointer, depth first in the document's order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, pointer + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, pointer + (index,))
    else:
        yield pointer, data


def outshine(found: list[Problem]) -> list[Problem]:
    """found without the other problems of a field that holds a placeholder: it says all there is to say."""
    held = {(p.path, p.line, p.field) for p in found if p.hint == HINT}
    return [p for p in found if p.hint == HINT or (p.path, p.line, p.field) not in held]
