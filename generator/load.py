"""Stage 1, load: read YAML data files safely, keeping the line of every field."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .files import NotRegular, TooLarge, read_regular
from .problems import DataError, Problem

MAX_BYTES = 2 * 1024 * 1024  # an article's data is a few tens of KiB; more is a mistake or an attack
MAX_DEPTH = 32  # the data model nests five levels deep; this leaves room without risking recursion
_NOT_REGULAR_HINT = "data files are ordinary files: remove it, or move it out of data/"

Pointer = tuple  # a path into a document: keys and list indexes


class _TextDates(RoundTripConstructor):
    """Keeps 2017-10-26 as text: the validator checks dates with their precision, and
    an impossible date such as 2017-09-31 must be reported, not crash the parser."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDates
    return yaml


@dataclass
class Document:
    """One data file: its plain data and the line of every field in it."""

    path: str
    data: object
    lines: dict = field(default_factory=dict)

    def line_of(self, pointer: Pointer) -> int:
        """The line of the field at pointer, or of its nearest ancestor that has one."""
        pointer = tuple(pointer)
        while pointer and pointer not in self.lines:
            pointer = pointer[:-1]
        return self.lines.get(pointer, 1)

    def problem(self, pointer: Pointer, expected: str, found: str, hint: str = "") -> Problem:
        """A problem located at the field that pointer names."""
        return Problem(self.path, self.line_of(pointer), field_name(pointer), expected, found, hint)


def field_name(pointer: Pointer) -> str:
    """Render a pointer as the editor writes it: events[2].participants[0].actor."""
    text = ""
    for part in pointer:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def load_file(path: Path, shown_as: str) -> Document:
    """Read one YAML file into a Document, or raise DataError naming what is wrong."""
    raw = _read(path, shown_as)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError([Problem(shown_as, line, "(file)", "UTF-8 text", f"the byte {raw[err.start]:#04x}",
                                 "save the file as UTF-8")]) from None
    return load_text(text, shown_as)


def _read(path: Path, shown_as: str) -> bytes:
    """The file's bytes: only a regular file, only up to MAX_BYTES, never blocking on a pipe or device."""
    def refuse(expected: str, found: str, hint: str) -> DataError:
        return DataError([Problem(shown_as, 1, "(file)", expected, found, hint)])

    try:
        return read_regular(path, MAX_BYTES)
    except NotRegular as err:
        raise refuse("a regular file", str(err), _NOT_REGULAR_HINT) from None
    except TooLarge as err:
        raise refuse(f"a data file under {MAX_BYTES:,} bytes", str(err),
                     "split the data into several article files") from None
    except OSError as err:
        raise refuse("a file it can read", *_unreadable(path, err)) from None


def _unreadable(path: Path, err: OSError) -> tuple[str, str]:
    """What the editor sees of an error from the system: (found, hint)."""
    if isinstance(err, FileNotFoundError) and path.is_symlink():
        return f"a symbolic link to a missing file, {path.readlink()}", "restore the file, or remove the link"
    return (err.strerror or "an error").lower(), "check that the file exists and that you may read it"


def load_text(text: str, shown_as: str) -> Document:
    """Parse YAML text into a Document, rejecting anything an editor's file never needs."""
    problems = _scan(text, shown_as)
    if problems:
        raise DataError(problems)
    try:
        tree = _reader().load(text)
    except MarkedYAMLError as err:
        raise DataError([_parse_problem(err, shown_as)]) from None
    doc = Document(shown_as, None, {(): 1})
    problems = []
    doc.data = _plain(tree, (), doc, problems)
    if problems:
        raise DataError(problems)
    return doc


def _parse_problem(err: MarkedYAMLError, shown_as: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    problem = " ".join((err.problem or "").split())
    context = " ".join((err.context or "").split())
    found = problem or "invalid YAML"
    return Problem(shown_as, line, "(yaml)", "valid YAML", f"{found}" + (f" {context}" if context else ""),
                   "check indentation, colons and quotes on this line and the one before")


def _scan(text: str, shown_as: str) -> list[Problem]:
    """Reject tags, anchors, aliases, deep nesting and extra documents before building anything.

    Scanning the event stream first means an alias bomb or a Python tag is refused
    before a single object is constructed from it.
    """
    scanner = _Scanner(shown_as)
    try:
        for event in _reader().parse(text):
            if not scanner.see(event):
                break
    except MarkedYAMLError as err:
        scanner.problems.append(_parse_problem(err, shown_as))
    except YAMLError as err:
        scanner.problems.append(Problem(shown_as, 1, "(yaml)", "valid YAML", str(err).splitlines()[0]))
    return scanner.problems


class _Scanner:
    """Follows the YAML event stream, knowing which field each event belongs to."""

    def __init__(self, shown_as: str):
        self.shown_as = shown_as
        self.problems: list[Problem] = []
        self.frames: list[list] = []  # each: [kind, key or index, expecting_key, {key: line}]
        self.documents = 0

    def see(self, event) -> bool:
        """Check one event; False once scanning must stop."""
        line = event.start_mark.line + 1
        where = "(file)" if isinstance(event, DocumentStartEvent) else self._field()
        for check in (self._documents, self._alias, self._anchor, self._tag):
            found = check(event)
            if found:
                self.problems.append(Problem(self.shown_as, line, where, *found))
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)) and len(self.frames) >= MAX_DEPTH:
            self.problems.append(Problem(self.shown_as, line, where, f"at most {MAX_DEPTH} levels of nesting",
                                         "deeper nesting", "flatten the data"))
            return False
        self._follow(event)
        return True

    def _documents(self, event):
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                return "one YAML document", "a second document after '---'", "put each article in its own file"
        return None

    def _alias(self, event):
        if isinstance(event, AliasEvent):
            return "a plain value", f"the alias *{event.anchor}", "write the value out; aliases are not allowed"
        return None

    def _anchor(self, event):
        if isinstance(event, NodeEvent) and not isinstance(event, AliasEvent) and event.anchor:
            return ("a plain value", f"the anchor &{event.anchor}",
                    "remove the anchor; anchors and aliases are not allowed")
        return None

    def _tag(self, event):
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)) and event.tag:
            return "a plain value without a tag", f"the tag {_short_tag(event.tag)}", \
                "remove the tag; only plain YAML is allowed"
        return None

    def _follow(self, event) -> None:
        frames = self.frames
        if isinstance(event, ScalarEvent) and frames and frames[-1][0] == "map" and frames[-1][2]:
            self._key(event)
        elif isinstance(event, (ScalarEvent, AliasEvent)):
            self._consume()
        elif isinstance(event, MappingStartEvent):
            frames.append(["map", None, True, {}])
        elif isinstance(event, SequenceStartEvent):
            frames.append(["seq", 0, False, None])
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            frames.pop()
            self._consume()

    def _key(self, event) -> None:
        """A mapping key: remember its line, and report it if the mapping already has it."""
        frame, line = self.frames[-1], event.start_mark.line + 1
        frame[1], frame[2] = event.value, False
        first = frame[3].setdefault(event.value, line)
        if first != line:
            self.problems.append(Problem(self.shown_as, line, self._field(), "each key once in a mapping",
                                         f"{event.value!r} a second time (first on line {first})",
                                         "remove or rename one of them"))

    def _consume(self) -> None:
        """A value was read: a mapping now expects a key, a sequence moves to its next item."""
        if not self.frames:
            return
        if self.frames[-1][0] == "map":
            self.frames[-1][2] = True
        else:
            self.frames[-1][1] += 1

    def _field(self) -> str:
        return field_name(tuple(f[1] for f in self.frames if f[1] is not None))


def _plain(node: object, pointer: Pointer, doc: Document, problems: list[Problem]) -> object:
    """Turn ruamel's round-trip objects into plain Python, recording each field's line."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            line = node.lc.key(key)[0] + 1
            if not isinstance(key, str):
                problems.append(Problem(doc.path, line, field_name(pointer) + "[?]", "a text key",
                                        f"the key {key!r}", "field names are words such as 'id' or 'name'"))
                continue
            doc.lines[pointer + (key,)] = line
            result[key] = _plain(value, pointer + (key,), doc, problems)
        return result
    if isinstance(node, list):
        items = []
        for index, value in enumerate(node):
            doc.lines[pointer + (index,)] = node.lc.item(index)[0] + 1
            items.append(_plain(value, pointer + (index,), doc, problems))
        return items
    value = _plain_scalar(node)
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(doc.problem(pointer, "a finite number", str(node), "write the number out; .nan and .inf "
                                    "are not allowed"))
    return value


def _plain_scalar(node: object) -> object:
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or type(node).__name__ == "ScalarBoolean":
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _short_tag(tag: object) -> str:
    return str(tag).replace("tag:yaml.org,2002:", "!!")
