"""Stage 2b, build records: turn schema-valid documents into model objects, refusing duplicate ids,
and locate every evidence span in its article, once."""

from __future__ import annotations

from dataclasses import replace

from . import evidence, kinds
from .ids import fold
from .kinds import KINDS, Kind
from .load import Document
from .model import Dataset, Evidence, Origin, Report, Source
from .problems import Problem


def build(report: Document, actors: Document, places: Document,
          articles: list[Document]) -> tuple[Dataset, list[Problem]]:
    """The dataset the documents describe, with located evidence, and any duplicate id or unlocatable span."""
    dataset, problems, folded = Dataset(), [], {}
    about = report.data["report"]
    dataset.report = Report(about["title"], about["summary"], about["language"], Origin(report, ("report",)))
    files = {"actors": actors, "places": places}
    for kind in KINDS:
        if kind.file in files:
            for index, data in enumerate(files[kind.file].data[kind.key]):
                record = kind.model.from_data(data, Origin(files[kind.file], (kind.key, index)))
                _add(dataset, kind, record, folded, problems)
    # The first article to report a fact, by date of publication, gives it its page; later ones add to it.
    for doc in sorted(articles, key=lambda d: (d.data["source"]["published"], d.data["source"]["id"], d.path)):
        _article(doc, dataset, folded, problems)
    return dataset, problems


def _article(doc: Document, dataset: Dataset, folded: dict, problems: list[Problem]) -> None:
    source = Source.from_data(doc.data[_SOURCES.key], Origin(doc, (_SOURCES.key,)))
    _add(dataset, _SOURCES, source, folded, problems)
    dataset.files[source.id] = [doc.path]
    for kind in KINDS:
        if kind.file != "article" or kind is _SOURCES:
            continue
        for index, data in enumerate(doc.data.get(kind.key, [])):
            record = kind.model.from_data(data, Origin(doc, (kind.key, index)), source.id)
            if kind.evidence:
                record.evidence = _located(record.evidence, source, problems)
            _add(dataset, kind, record, folded, problems)


_SOURCES = kinds.kind("sources")


def _add(dataset: Dataset, kind: Kind, record, folded: dict, problems: list[Problem]) -> None:
    table = getattr(dataset, kind.folder)
    same = _same_fact(kind, record, folded)
    if same is not None:
        same.other_reports.append(record)  # one fact, one page: each article's report of it is kept whole
        return
    if not kind.keyed:
        table.append(record)
        return
    # Ids are compared folded, so that ids differing only by case or accents are caught too.
    twin = folded.setdefault(kind.folder, {}).get(fold(record.id))
    if twin is not None and _another_report(twin, record):
        twin.other_reports.append(record)
        return
    if twin is None:
        table[record.id] = record
        folded[kind.folder][fold(record.id)] = record
        return
    where = f"line {twin.origin.line}" + ("" if twin.origin.doc is record.origin.doc else f" of {twin.origin.doc.path}")
    problems.append(record.origin.problem(("id",), f"an id no other {kind.noun} uses",
                                          f"{record.id!r}, already used on {where}",
                                          f"rename one of the two {kind.noun}s"))


def _same_fact(kind: Kind, record, folded: dict):
    """The fact another article already reported that this record is the same as (kinds.Kind.same_fact)."""
    if kind.same_fact is None:
        return None
    seen = folded.setdefault(("same", kind.folder), {})
    first = seen.setdefault(kind.same_fact(record), record)
    if first is record or (kind.keyed and first.origin.doc is record.origin.doc):
        return None  # the first of its kind, or a second in the same article (its id is checked as ever)
    return first


def _another_report(twin, record) -> bool:
    """A fact of one article with the id of a fact of another: the same fact, reported again."""
    return (hasattr(twin, "other_reports") and twin.id == record.id
            and twin.origin.doc is not record.origin.doc and getattr(twin, "source", None) != record.source)


def _located(spans: list[Evidence], source: Source, problems: list[Problem]) -> list[Evidence]:
    """Each span found once in its article, with its place; a problem for each that is not."""
    located = []
    for span in spans:
        found = evidence.locate(source.paragraphs, span.text)
        if len(found) == 1:
            paragraph, start, end = found[0]
            span = replace(span, paragraph=paragraph, start=start, end=end, anchor=evidence.anchor(span.text))
        else:
            problems.append(_evidence_problem(span, source, found))
        located.append(span)
    return located


def _evidence_problem(span: Evidence, source: Source, found: list) -> Problem:
    shown = repr(span.text if len(span.text) <= 60 else span.text[:59] + "…")
    if not found:
        nearest = evidence.closest(source.paragraphs, span.text)
        hint = f"closest passage: {nearest!r}; copy the words exactly" if nearest else "copy the words exactly"
        return span.origin.problem((), f"a passage of source '{source.id}'", f"{shown}, which it does not contain",
                                   hint)
    where = ", ".join(f"¶{p + 1}" for p, _, _ in found)
    return span.origin.problem((), "a passage that occurs once in the source",
                               f"{shown}, which occurs {len(found)} times ({where})",
                               "quote more of the sentence so that the passage is unique")
