"""Stage 1, load: read YAML data files safely, keeping the line of every field."""

from __future__ import annotations

import functools
import math
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.main import CParser
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
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scanner import Scanner

from . import cache
from .files import NotRegular, TooLarge, read_regular
from .problems import DataError, Problem

MAX_BYTES = 2 * 1024 * 1024  # an article's data is a few tens of KiB; more is a mistake or an attack
MAX_DEPTH = 32  # the data model nests five levels deep; this leaves room without risking recursion
# Counts and coordinates need a few digits; Python refuses to convert an int of over 4,300
# digits (a traceback), and a float cannot hold 400 (it overflows), so a longer number is refused.
MAX_DIGITS = 30
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_REGULAR_HINT = "data files are ordinary files: remove it, or move it out of data/"

Pointer = tuple  # a path into a document: keys and list indexes


class _TextDates(RoundTripConstructor):
    """Keeps 2017-10-26 as text: the validator checks dates with their precision, and
    an impossible date such as 2017-09-31 must be reported, not crash the parser."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDates
    yaml.Scanner = Scanner  # comments are never data: the plain scanner skips them instead of keeping them
    return yaml


def _events(text: str):
    """The YAML event stream of text, from libyaml's parser (ruamel.yaml.clib, several times faster than
    the pure-Python one), as the same event classes with the same marks (lines and columns)."""
    if CParser is None:  # ruamel.yaml.clib not installed for this platform: the pure-Python parser, slower
        yield from _reader().parse(text)
        return
    parser = CParser(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, ScalarEvent) and event.style == "":
                event.style = None  # libyaml's plain style is "", ruamel's None: the resolver and constructor test it
            yield event
    finally:
        parser.dispose()


@dataclass
class Document:
    """One data file: its plain data and the line of every field in it."""

    path: str
    data: object
    lines: dict = field(default_factory=dict)
    digest: str = ""  # the hash of the file's text (generator/cache.py): what was computed from it is kept

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
    """Parse YAML text into a Document, rejecting anything an editor's file never needs.

    A text parsed before is not parsed again: the build cache (generator/cache.py) keeps what every
    text gave, keyed by its hash, and decoding that JSON gives each caller data of its own.
    """
    digest = cache.key("yaml", text)
    cached = _cached(digest, shown_as)
    if cached is not None:
        return cached
    parsed = _parse(text, shown_as)  # a text with problems raises, and is never kept
    parsed.digest = digest
    cache.put("yaml", digest, {"data": parsed.data, "lines": [[list(p), n] for p, n in parsed.lines.items()]})
    return parsed


def _cached(digest: str, shown_as: str) -> Document | None:
    """The document a text gave the last time it was read, from the build cache; None if it is not there."""
    entry = cache.get("yaml", digest)
    try:
        lines = {tuple(pointer): line for pointer, line in entry["lines"]}
        return Document(shown_as, entry["data"], lines, digest)
    except (TypeError, KeyError, ValueError):  # no entry, or not one this code wrote
        return None




def _parse(text: str, shown_as: str) -> Document:
    """Scan and build in one pass over the events: the Document, or DataError with every problem found."""
    doc, problems = _scan(text, shown_as)
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


def _scan(text: str, shown_as: str) -> tuple[Document, list[Problem]]:
    """Reject every YAML feature the format does not use while building the plain data: the document
    and the problems found.

    Tags, anchors, aliases, merge keys, complex keys, directives, extra documents, deep
    nesting and numbers too long to convert: each event is checked before anything is built from
    it, so an alias bomb or a Python tag is refused before a single object is constructed from it.
    """
    try:
        return _scan_events(_events(text), text, shown_as)
    except YAMLError:
        # A file libyaml cannot parse is parsed again by ruamel's own parser, whose messages (and
        # the problems found before the error) are the ones editors are shown; speed no longer matters.
        pass
    try:
        return _scan_events(_reader().parse(text), text, shown_as)
    except MarkedYAMLError as err:
        return Document(shown_as, None), [*getattr(err, "problems_before", []), _parse_problem(err, shown_as)]
    except YAMLError as err:
        return Document(shown_as, None), [*getattr(err, "problems_before", []),
                                          Problem(shown_as, 1, "(yaml)", "valid YAML", str(err).splitlines()[0])]


def _scan_events(stream, text: str, shown_as: str) -> tuple[Document, list[Problem]]:
    """Check each event of a stream as it comes, and build the data from it while it has no problem."""
    scanner = _Scanner(shown_as, text)
    builder = _Builder(Document(shown_as, None, {(): 1}), scanner.problems)
    try:
        for event in stream:
            if not scanner.see(event):
                break
            if not scanner.problems:  # once a file has a problem it is not built: only its problems count
                builder.add(event)
    except YAMLError as err:
        err.problems_before = scanner.problems
        raise
    return builder.doc, scanner.problems


# Without directives every file is YAML 1.2, so plain scalars resolve as this resolver says.
_RESOLVER = VersionedResolver()
_CONSTRUCTOR = _reader().constructor


def _resolved(event: ScalarEvent) -> str | None:
    """The tag a plain scalar resolves to (int, float, merge, ...); None for a quoted one."""
    if event.style is not None or not event.implicit[0]:
        return None
    return _plain_tag(event.value)


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    # Resolving is a pure function of the text, and the same words recur in every file (ids, kinds).
    return str(_RESOLVER.resolve(ScalarNode, value, (True, False)))


def _digits(number: str) -> int:
    """How many digits a number is written with, its sign and base prefix left out."""
    return sum(char in string.hexdigits for char in re.sub(r"^[-+]?0[xXoObB]", "", number))


class _Scanner:
    """Follows the YAML event stream, knowing which field each event belongs to."""

    def __init__(self, shown_as: str, text: str):
        self.shown_as = shown_as
        self.text = text
        self.problems: list[Problem] = []
        # Each frame: [kind, key or index, expecting, {key: line}]; a mapping expects a key (True),
        # a value (False), or the end of a complex key (_IN_KEY).
        self.frames: list[list] = []
        self.documents = 0

    def see(self, event) -> bool:
        """Check one event; False once scanning must stop."""
        line = event.start_mark.line + 1
        for check in (self._documents, self._alias, self._anchor, self._tag, self._merge, self._number):
            found = check(event)
            if found:
                self.problems.append(Problem(self.shown_as, line, self._where(event), *found))
        for found in self._directives(event):
            self.problems.append(Problem(self.shown_as, self._directive_line(), "(file)", *found))
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)) and len(self.frames) >= MAX_DEPTH:
            self.problems.append(Problem(self.shown_as, line, self._where(event), f"at most {MAX_DEPTH} levels of nesting",
                                         "deeper nesting", "flatten the data"))
            return False
        self._complex_key(event, line)
        self._follow(event)
        return True

    def _where(self, event) -> str:
        """The field an event belongs to; a key is named with the mapping it opens a field of."""
        if isinstance(event, DocumentStartEvent):
            return "(file)"
        if isinstance(event, ScalarEvent) and self._expecting_key():
            return field_name(self._mapping_path() + (event.value,))
        return self._field()

    def _mapping_path(self) -> tuple:
        """The pointer to the innermost collection, without the key it is reading."""
        return tuple(f[1] for f in self.frames[:-1] if f[1] is not None)

    def _documents(self, event):
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                return "one YAML document", "a second document after '---'", "put each article in its own file"
        return None

    def _directives(self, event) -> list[tuple[str, str, str]]:
        """%YAML and %TAG lines: %YAML 1.1 would read 'yes' as true and 0777 as octal."""
        if not isinstance(event, DocumentStartEvent):
            return []
        found = [f"%YAML {event.version[0]}.{event.version[1]}"] if event.version else []
        found += [f"%TAG {handle} {prefix}" for handle, prefix in sorted((event.tags or {}).items())]
        return [("plain YAML without directives", f"the directive {directive}",
                 "remove the lines that start with %") for directive in found]

    def _directive_line(self) -> int:
        lines = self.text.splitlines()
        return next((number for number, text in enumerate(lines, 1) if text.startswith("%")), 1)

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

    def _merge(self, event):
        """'<<' merges another mapping in; as a value it would be a TaggedScalar, not text."""
        if not isinstance(event, ScalarEvent) or _resolved(event) != _MERGE_TAG:
            return None
        if self._expecting_key():
            return "a field name", "the merge key '<<'", "write the fields out in full: merge keys are not allowed"
        return ("a plain value", "the merge key '<<'",
                "put it in quotes, '<<', if it is text: merge keys are not allowed")

    def _number(self, event):
        if not isinstance(event, ScalarEvent) or _resolved(event) not in _NUMBER_TAGS:
            return None
        digits = _digits(event.value)
        if digits <= MAX_DIGITS:
            return None
        return (f"a number of at most {MAX_DIGITS} digits", f"a number of {digits:,} digits",
                "no count or coordinate needs so many: check the number")

    def _complex_key(self, event, line: int) -> None:
        """A list or mapping used as a key: the format's keys are field names, and ruamel cannot hash a list."""
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)) or not self._expecting_key():
            return
        frame = self.frames[-1]
        found = "a list" if isinstance(event, SequenceStartEvent) else "a mapping"
        where = field_name(self._mapping_path())
        self.problems.append(Problem(self.shown_as, line, where, "a field name", f"{found} used as a key",
                                     "write 'field: value': complex keys are not allowed"))
        frame[1], frame[2] = "?", _IN_KEY

    def _expecting_key(self) -> bool:
        return bool(self.frames) and self.frames[-1][0] == "map" and self.frames[-1][2] is True

    def _follow(self, event) -> None:
        frames = self.frames
        if isinstance(event, ScalarEvent) and self._expecting_key():
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
        first = frame[3].get(event.value)
        if first is None:
            frame[3][event.value] = line
        else:  # on its own line or the same one ({a: 1, a: 2})
            self.problems.append(Problem(self.shown_as, line, self._field(), "each key once in a mapping",
                                         f"{event.value!r} a second time (first on line {first})",
                                         "remove or rename one of them"))

    def _consume(self) -> None:
        """A value was read: a mapping now expects a key (or, after a complex key, its value);
        a sequence moves to its next item."""
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame[0] == "map":
            frame[2] = frame[2] is not _IN_KEY
        else:
            frame[1] += 1

    def _field(self) -> str:
        return field_name(tuple(f[1] for f in self.frames if f[1] is not None))


_IN_KEY = "in a complex key"  # a frame's expecting state while a list or mapping key is being read


class _Builder:
    """Builds a file's plain Python data from its events, recording the line of every field."""

    def __init__(self, doc: Document, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        # Each frame: [the dict or list being filled, its pointer, the key waiting for its value or _NO_KEY].
        self.frames: list[list] = []

    def add(self, event) -> None:
        """Take one event (of a stream the scanner has passed)."""
        if isinstance(event, ScalarEvent):
            self._place(_scalar(event), event)
        elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            collection: dict | list = {} if isinstance(event, MappingStartEvent) else []
            pointer = self._place(collection, event)
            self.frames.append([collection, pointer, _NO_KEY])
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            self.frames.pop()

    def _place(self, value: object, event) -> Pointer:
        """Put a value where the stream is (the document, a list, a mapping's key or value); its pointer."""
        line = event.start_mark.line + 1
        if not self.frames:
            self.doc.data = value
            return self._checked((), value, line)
        frame = self.frames[-1]
        container, pointer, key = frame
        if isinstance(container, list):
            pointer = pointer + (len(container),)
            container.append(value)
        elif key is _NO_KEY:
            self._key(frame, value, line)
            return pointer
        else:
            pointer, frame[2] = pointer + (key,), _NO_KEY
            container[key] = value
            return self._checked(pointer, value, self.doc.lines[pointer])
        self.doc.lines[pointer] = line
        return self._checked(pointer, value, line)

    def _key(self, frame: list, key: object, line: int) -> None:
        if not isinstance(key, str) or _SURROGATE.search(key):
            self.problems.append(Problem(self.doc.path, line, field_name(frame[1]) + "[?]", "a text key",
                                         f"the key {key!r}", "field names are words such as 'id' or 'name'"))
            return
        frame[2] = key
        self.doc.lines[frame[1] + (key,)] = line

    def _checked(self, pointer: Pointer, value: object, line: int) -> Pointer:
        """The pointer of a value just placed, after reporting what no data file may hold."""
        where = field_name(pointer)
        if isinstance(value, str) and _SURROGATE.search(value):
            half = _SURROGATE.search(value).group()
            self.problems.append(Problem(self.doc.path, line, where, "characters that UTF-8 can store",
                                         f"the lone surrogate U+{ord(half):04X}",
                                         "write the character itself, or escape it whole, as \\U0001F600"))
        if isinstance(value, float) and not math.isfinite(value):
            self.problems.append(Problem(self.doc.path, line, where, "a finite number", str(value),
                                         "write the number out; .nan and .inf are not allowed"))
        return pointer


_NO_KEY = object()  # a mapping frame waiting for its next key
_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value")


def _scalar(event: ScalarEvent) -> object:
    """A scalar's plain value: quoted text as it is; a plain scalar as YAML 1.2 resolves it, dates as text
    (the validator checks them with their precision, and 2017-09-31 must be reported, not crash)."""
    tag = _resolved(event)
    if tag is None or tag in _TEXT_TAGS:
        return event.value
    return _typed(tag, event.value)


@functools.lru_cache(maxsize=4096)
def _typed(tag: str, value: str) -> object:
    # Numbers, booleans and null as ruamel reads them (1_000, 0o17, .inf, ~), as plain Python values.
    constructed = _CONSTRUCTOR.construct_non_recursive_object(ScalarNode(tag, value))
    if constructed is None or type(constructed).__name__ == "ScalarBoolean" or isinstance(constructed, bool):
        return None if constructed is None else bool(constructed)
    return float(constructed) if isinstance(constructed, float) else int(constructed)


def _short_tag(tag: object) -> str:
    return str(tag).replace("tag:yaml.org,2002:", "!!")
