"""Files left out of the meaning checks (unreadable, or refused by the schema), and the checks that wait for them.

A file with problems of syntax or shape is not turned into records, so one typo does not cascade into
many; every other file is still checked. What the left-out file would have defined is missing, so a
reference into it is not reported as "no such id": the editor is told instead that those checks wait.
"""

from __future__ import annotations

from . import kinds
from .load import Document
from .model import Dataset
from .problems import DataError, Problem, printable

# What records.build reads from a file it does not get: nothing, and a report with no words.
_EMPTY = {"report": {"report": {"title": "", "summary": "", "language": "en"}},
          "actors": {"actors": []}, "places": {"places": []}}


def stand_in(doc: Document | None, path: str, kind: str, unread: dict[str, str]) -> Document:
    """doc when it was read and its shape is right; otherwise an empty document in its place."""
    if doc is not None and doc.path not in unread:
        return doc
    return Document(path, _EMPTY[kind])


class Unchecked(DataError):
    """The problems found, and notes naming the checks that wait for a file left out."""

    def __init__(self, problems: list[Problem], notes: list[str]):
        super().__init__(problems)
        self.notes = notes

    def report(self) -> str:
        """Every problem on its own line, then the notes, then a count."""
        problems, _, count = super().report().rpartition("\n")
        return "\n".join([problems, *(printable(note) for note in self.notes), count])


def waiting(found: list[Problem], dataset: Dataset, unread: dict[str, str]) -> tuple[list[Problem], list[str]]:
    """found without the "no such id" problems of references into a file left out; a note for each such file."""
    files = set(unread.values())
    skipped, waits = set(), set()
    for _kind, record, ref, sub, value, _item in kinds.references(dataset, checked_only=True):
        target = kinds.kind(ref.target)
        if target.file in files and value not in getattr(dataset, ref.target):
            where = record.origin.problem(sub, f"the id of {target.article}", "")
            skipped.add((where.path, where.line, where.field, where.expected))
            waits.add((target.file, target.folder))
    kept = [p for p in found if (p.path, p.line, p.field, p.expected) not in skipped]
    return kept, _notes(waits, unread)


def _notes(waits: set[tuple[str, str]], unread: dict[str, str]) -> list[str]:
    """For each file left out that other files may refer into, which checks wait until it is fixed."""
    notes = []
    for path, file in sorted(unread.items()):
        named = sorted(folder for kind, folder in waits if kind == file)
        if named:
            notes.append(f"{path}: note: references to {' and '.join(named)} are not checked until the problems "
                         "of this file are fixed")
    return notes
