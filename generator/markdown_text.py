"""Writing untrusted text into Markdown so that it renders as exactly that text."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown gives meaning to anywhere in a line ({} for attribute lists).
_INLINE = re.compile(r"([\\`*_{}])")
# Brackets become entities, not "\]": Python-Markdown reads a line starting "[x\]: y" as a
# reference definition and drops it, whatever the backslash.
_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
# What makes a line a heading or a list item when it starts the line: "#", "-", "+", "2017.".
_BLOCK_START = re.compile(r"^(?:[#+\-]|\d+\.)")
_SPACE = re.compile(r"\s+")
# Control characters other than whitespace: invisible, and Python-Markdown deletes STX and ETX,
# its own placeholder markers, so they are dropped here to keep what is shown equal to the data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")


def one_line(text: str) -> str:
    """Collapse every run of whitespace, newlines included, to one space; drop control characters."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def escape(text: str) -> str:
    """Markdown that renders as text, whatever characters it holds."""
    # HTML first: the backslashes added next must not be turned into entities.
    escaped = html.escape(one_line(text), quote=False)
    escaped = _INLINE.sub(r"\\\1", escaped).translate(_BRACKETS)
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    cut = start.end() - 1  # escape the one character that would open the block
    return escaped[:cut] + "\\" + escaped[cut:]


def link(text: str, target: str) -> str:
    """A Markdown link whose visible text is text; target is built by us, never from data."""
    return f"[{escape(text)}]({target})"


def page_link(folder: str, page_id: str, fragment: str = "") -> str:
    """The {filename} target Pelican resolves to another generated page, and checks."""
    return f"{{filename}}/{folder}/{page_id}.md" + (f"#{fragment}" if fragment else "")


def quoted(text: str) -> str:
    """Text in typographic quotation marks."""
    return f"“{escape(text)}”"
