"""The whole pipeline: load -> validate -> link -> render -> write."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import records, schema_check, validate as meaning
from .link import Graph, link
from .load import Document, load_file
from .model import Dataset
from .problems import DataError, Problem
from .render import render
from .write import WriteReport, write_pages


@dataclass
class DataFiles:
    """The documents of a report: the report itself, actors, places, and one file per article."""

    report: Document
    actors: Document
    places: Document
    articles: list[Document]


def shown(path: Path) -> str:
    """A path as the editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)


def load(data: Path) -> DataFiles:
    """Stage 1: read every data file under data/, or raise with every file that cannot be read."""
    problems: list[Problem] = []
    docs: dict[str, Document | None] = {}
    for name in ("report", "actors", "places"):
        docs[name] = _load_one(data / f"{name}.yaml", data, problems, required=True)
    articles = [doc for path in article_paths(data)
                if (doc := _load_one(path, data, problems, required=False)) is not None]
    if not articles and not problems:
        problems.append(Problem(shown(data / "articles"), 1, "(folder)", "at least one article file", "none",
                                "start one with: python -m generator new <article-id>"))
    if problems:
        raise DataError(problems)
    return DataFiles(docs["report"], docs["actors"], docs["places"], articles)


def article_paths(data: Path) -> list[Path]:
    """The article files under data/articles/, in order; hidden files are editors' litter, not data
    (an Emacs lock is a dangling link named .#file, macOS copies leave binary ._file files)."""
    return sorted(path for path in (data / "articles").glob("*.y*ml") if not path.name.startswith("."))


def _load_one(path: Path, data: Path, problems: list[Problem], required: bool) -> Document | None:
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
    """Stage 2: check shapes, then meaning; return the dataset or raise with every problem."""
    problems = schema_check.check(files.report, "report") + schema_check.check(files.actors, "actors")
    problems += schema_check.check(files.places, "places")
    for doc in files.articles:
        problems += schema_check.check(doc, "article")
    if problems:
        # Meaning is checked only on well-formed files, so one typo does not cascade into many.
        raise DataError(problems)
    dataset, problems = records.build(files.report, files.actors, files.places, files.articles)
    problems += meaning.check(dataset)
    if problems:
        raise DataError(problems)
    return dataset


def graph(data: Path) -> Graph:
    """Load, validate and link: everything a command needs before rendering."""
    return link(validate(load(data)))


def build(data: Path, content: Path) -> tuple[Graph, WriteReport]:
    """The whole pipeline, from data/ to Markdown pages in content/."""
    linked = graph(data)
    return linked, write_pages(render(linked), content)


def check(data: Path) -> Graph:
    """Every stage but the last: proves the data is sound and renders, writes nothing."""
    linked = graph(data)
    render(linked)
    return linked
