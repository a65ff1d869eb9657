"""A small block-style YAML writer for the synthetic corpus, in the layout ruamel's safe dumper gives
(tests/factory.py), about ten times faster: a 10,000-page corpus is 40 MB of YAML.

It writes only what the corpus holds (mappings, lists, text, numbers, booleans). A text is written plain
when the loader's own YAML 1.2 resolver reads it back as that text, and otherwise double-quoted with
JSON's escapes, which YAML reads the same; tests/test_synth.py reads every file back to check.
"""

from __future__ import annotations

import functools
import json
import re

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

_STR = "tag:yaml.org,2002:str"
_RESOLVER = VersionedResolver()
# A plain scalar may not start with an indicator, nor hold ': ' or ' #', nor end in ':' or a space.
_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|\s$|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def dump(document: dict) -> str:
    """The document as block-style YAML text."""
    lines: list[str] = []
    _mapping(document, 0, lines)
    return "\n".join(lines) + "\n"


def _mapping(mapping: dict, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in mapping.items():
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{key}:")
            _mapping(value, indent + 2, lines)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{key}:")
            _sequence(value, indent, lines)
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            first = len(lines)
            _mapping(item, indent + 2, lines)
            lines[first] = f"{pad}- {lines[first][indent + 2:]}"
        elif isinstance(item, (dict, list)) and item:
            raise TypeError("a list directly in a list is not part of the data format")
        else:
            lines.append(f"{pad}- {scalar(item)}")


def scalar(value: object) -> str:
    """One value as YAML: true/false, a number, a text plain where it reads back as itself, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value if _plain(value) else json.dumps(value, ensure_ascii=False)
    if value == {} or value == []:
        return "{}" if value == {} else "[]"
    raise TypeError(f"cannot write {type(value).__name__} as a value of the data format")


@functools.lru_cache(maxsize=65536)
def _plain(text: str) -> bool:
    return bool(text) and not _UNSAFE.search(text) and _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR
