"""The whole pipeline: load -> validate -> link -> render -> write."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import left_out, placeholders, records, schema_check, timing, validate as meaning
from .link import Graph, link
from .load import Document, load_file
from .model import Dataset
from .problems import DataError, Problem
from .render import render
from .write import WriteReport, write_pages


@dataclass
class DataFiles:
    """The documents of a report: the report itself, actors, places, and one file per article.

    A file that could not be read is None (or absent from articles); its problems are kept here, so
    that every other file is still checked in the same run."""

    report: Document | None
    actors: Document | None
    places: Document | None
    articles: list[Document]
    problems: list[Problem] = field(default_factory=list)
    unread: dict[str, str] = field(default_factory=dict)  # each file left out: its path and its file kind


def shown(path: Path) -> str:
    """A path as the editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)


def load(data: Path) -> DataFiles:
    """Stage 1: read every data file under data/; the problems of a file that cannot be read are kept."""
    files = DataFiles(None, None, None, [])
    for name in ("report", "actors", "places"):
        setattr(files, name, _load_one(data / f"{name}.yaml", data, files, name, required=True))
    files.articles = [doc for path in article_paths(data)
                      if (doc := _load_one(path, data, files, "article", required=False)) is not None]
    if not files.articles and not files.problems:
        files.problems.append(Problem(shown(data / "articles"), 1, "(folder)", "at least one article file",
                                      "none", "start one with: python -m generator new <article-id>"))
    return files


def article_paths(data: Path) -> list[Path]:
    """The article files under data/articles/, in order; hidden files are editors' litter, not data
    (an Emacs lock is a dangling link named .#file, macOS copies leave binary ._file files)."""
    return sorted(path for path in (data / "articles").glob("*.y*ml") if not path.name.startswith("."))


def _load_one(path: Path, data: Path, files: DataFiles, kind: str, required: bool) -> Document | None:
    """The document at path, or None with its problems added to files (and the file marked unread)."""
    problems: list[Problem] = []
    doc = _read_one(path, data, problems, required)
    if problems:
        files.problems += problems
        files.unread[shown(path)] = kind
    return doc


def _read_one(path: Path, data: Path, problems: list[Problem], required: bool) -> Document | None:
    if not os.path.lexists(path):
        if required:
            problems.append(Problem(shown(path), 1, "(file)", "this data file", "no such file",
                                    f"create {path.name}, starting with a top-level '{path.stem}:'"))
        return None
    escape = _outside(path, data)
    if escape is not None:
        problems.append(escape)
        return None
    try:
        return load_file(path, shown(path))
    except DataError as err:
        problems.extend(err.problems)
        return None


def _outside(path: Path, data: Path) -> Problem | None:
    """A problem when path leads out of data/: a pull request can add a link to any file on the machine."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
        return Problem(shown(path), 1, "(file)", f"a file inside {shown(data)}", "a loop of symbolic links",
                       "replace the link by the file itself")
    if target.is_relative_to(data.resolve()):
        return None
    return Problem(shown(path), 1, "(file)", f"a file inside {shown(data)}",
                   f"a symbolic link to {target}, outside {shown(data)}",
                   "copy the file into data/: links out of it are not followed")


def validate(files: DataFiles) -> Dataset:
    """Stage 2: check shapes, then meaning; return the dataset or raise with every problem of every file."""
    problems, unread = list(files.problems), dict(files.unread)
    for doc, kind in _documents(files):
        shape = schema_check.check(doc, kind)
        if shape:
            # Meaning is checked only on well-formed files, so one typo does not cascade into many.
            problems += shape
            unread[doc.path] = kind
    dataset, meaning_problems = _records(files, unread)
    meaning_problems = placeholders.outshine(meaning_problems + meaning.check(dataset))
    kept, notes = left_out.waiting(meaning_problems, dataset, unread)
    problems += kept
    if problems:
        raise left_out.Unchecked(problems, notes)
    return dataset


def _documents(files: DataFiles) -> list[tuple[Document, str]]:
    """Each document that was read, with the kind of schema it follows."""
    named = [(files.report, "report"), (files.actors, "actors"), (files.places, "places")]
    return [(doc, kind) for doc, kind in named if doc is not None] + [(doc, "article") for doc in files.articles]


def _records(files: DataFiles, unread: dict[str, str]) -> tuple[Dataset, list[Problem]]:
    """The records of every file that was read and has the right shape (an empty stand-in for the others)."""
    report, actors, places = (left_out.stand_in(getattr(files, name), f"{name}.yaml", name, unread)
                              for name in ("report", "actors", "places"))
    articles = [doc for doc in files.articles if doc.path not in unread]
    return records.build(report, actors, places, articles)


def graph(data: Path) -> Graph:
    """Load, validate and link: everything a command needs before rendering."""
    with without_collection_pauses():
        with timing.stage("load"):
            files = load(data)
        with timing.stage("validate"):
            dataset = validate(files)
        with timing.stage("link"):
            return link(dataset)


@contextlib.contextmanager
def without_collection_pauses() -> Iterator[None]:
    """Python's cycle collector paused while a stage runs: the stages build millions of objects that
    live to the end and hardly any cyclic garbage, and the collector scanning them all again as they
    grew was a fifth of the generator's time at ten thousand pages. It runs again afterwards."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def build(data: Path, content: Path) -> tuple[Graph, WriteReport]:
    """The whole pipeline, from data/ to Markdown pages in content/."""
    linked = graph(data)
    with without_collection_pauses():
        return linked, write_pages(render(linked), content)


def check(data: Path) -> Graph:
    """What `validate` runs: load, validate and link, which prove the data sound; nothing is rendered or
    written (rendering valid data cannot fail, and at ten thousand pages it is most of the time)."""
    return graph(data)
