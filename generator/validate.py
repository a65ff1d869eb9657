"""Stage 2c, validate the meaning: references, evidence, dates, places and names."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from . import dates, evidence, ids, text_rules
from .load import Document
from .model import Dataset, Origin
from .problems import Problem

NOUNS = {"actors": "an actor", "places": "a place", "events": "an event", "sources": "a source", "quotes": "a quote",
         "figures": "a figure"}


def check(dataset: Dataset) -> list[Problem]:
    """Every problem of meaning in a dataset whose files are each well formed."""
    problems: list[Problem] = []
    for rule in (_text, _reserved_ids, _references, _outlets, _evidence, _quotes_in_evidence, _dates, _published,
                 _place_cycles, _names, _self_links, _quantities):
        problems.extend(rule(dataset))
    return problems


def _records(dataset: Dataset) -> Iterator[object]:
    for kind in NOUNS:
        yield from getattr(dataset, kind).values()


def _documents(dataset: Dataset) -> Iterator[tuple[Document, str]]:
    """Each data file the dataset was built from, with the kind of schema it follows."""
    yield dataset.report.origin.doc, "report"
    for kind in ("actors", "places"):
        first = next(iter(getattr(dataset, kind).values()), None)
        if first is not None:
            yield first.origin.doc, kind
    for source in dataset.sources.values():
        yield source.origin.doc, "article"


def _text(dataset: Dataset) -> Iterator[Problem]:
    """No text field, as the schemas list them, holds characters that hide or reorder what it says."""
    for doc, kind in _documents(dataset):
        yield from text_rules.document_problems(doc, kind)


def _reserved_ids(dataset: Dataset) -> Iterator[Problem]:
    for record in _records(dataset):
        if record.id in ids.RESERVED:
            yield record.origin.problem(("id",), "an id that is not reserved", repr(record.id), ids.explain(record.id))


def _references(dataset: Dataset) -> Iterator[Problem]:
    for origin, sub, value, kind in _reference_fields(dataset):
        table = getattr(dataset, kind)
        if value in table:
            continue
        yield origin.problem(sub, f"the id of {NOUNS[kind]}", repr(value), _reference_hint(dataset, value, kind))


def _reference_hint(dataset: Dataset, value: str, kind: str) -> str:
    close = difflib.get_close_matches(value, sorted(getattr(dataset, kind)), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    elsewhere = [other for other in NOUNS if other != kind and value in getattr(dataset, other)]
    if elsewhere:
        return f"'{value}' is {NOUNS[elsewhere[0]]}, not {NOUNS[kind]}"
    return f"define {NOUNS[kind]} with id '{value}' first"


def _listed(origin: Origin, field: str, values: list[str], kind: str) -> Iterator[tuple]:
    for index, value in enumerate(values):
        yield origin, (field, index), value, kind


def _single(origin: Origin, fields: tuple[tuple[str, str], ...], record) -> Iterator[tuple]:
    for field, kind in fields:
        if getattr(record, field) is not None:
            yield origin, (field,), getattr(record, field), kind


def _source_refs(source) -> Iterator[tuple]:
    yield from _single(source.origin, (("outlet", "actors"),), source)


def _place_refs(place) -> Iterator[tuple]:
    yield from _single(place.origin, (("parent", "places"),), place)


def _event_refs(event) -> Iterator[tuple]:
    yield from _listed(event.origin, "places", event.places, "places")
    yield from _listed(event.origin, "according_to", event.according_to, "actors")
    for index, participant in enumerate(event.participants):
        yield event.origin, ("participants", index, "actor"), participant.actor, "actors"
    for index, related in enumerate(event.related):
        yield event.origin, ("related", index, "event"), related.event, "events"


def _quote_refs(quote) -> Iterator[tuple]:
    yield from _single(quote.origin, (("speaker", "actors"), ("to", "actors"), ("event", "events")), quote)


def _figure_refs(figure) -> Iterator[tuple]:
    yield from _single(figure.origin, (("asserted_by", "actors"),), figure)
    for field in ("actors", "places", "events"):
        yield from _listed(figure.origin, field, getattr(figure, field), field)


# Each kind of record and the fields in it that name other records.
_REFERENCES = {"sources": _source_refs, "places": _place_refs, "events": _event_refs, "quotes": _quote_refs,
               "figures": _figure_refs}


def _reference_fields(dataset: Dataset) -> Iterator[tuple[Origin, tuple, str, str]]:
    """Every field that names another record: (origin, field, id, kind of record it must name)."""
    for kind, fields_of in _REFERENCES.items():
        for record in getattr(dataset, kind).values():
            yield from fields_of(record)
    for relationship in dataset.relationships:
        yield from _single(relationship.origin, (("subject", "actors"), ("object", "actors")), relationship)


def _outlets(dataset: Dataset) -> Iterator[Problem]:
    for source in dataset.sources.values():
        outlet = dataset.actors.get(source.outlet)
        if outlet is not None and outlet.kind != "media-outlet":
            yield source.origin.problem(("outlet",), "the id of an actor of kind media-outlet",
                                        f"{source.outlet!r}, of kind {outlet.kind}",
                                        f"set kind: media-outlet on actor '{outlet.id}', or name the outlet")


def _evidence(dataset: Dataset) -> Iterator[Problem]:
    """Each span must occur once in its article; where it does, its place is recorded for the pages."""
    for span in dataset.evidence():
        source = dataset.sources[span.source]
        found = evidence.locate(source.paragraphs, span.text)
        if len(found) == 1:
            span.paragraph, span.start, span.end = found[0]
            span.anchor = evidence.anchor(span.text)
            continue
        yield _evidence_problem(span, source, found)


def _evidence_problem(span, source, found) -> Problem:
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


def _quotes_in_evidence(dataset: Dataset) -> Iterator[Problem]:
    for quote in dataset.quotes.values():
        if not any(evidence.contains(span.text, quote.text) for span in quote.evidence):
            yield quote.origin.problem(("text",), "words that occur in the quote's evidence", repr(quote.text),
                                       "copy the quoted words from the evidence passage")


def _dates(dataset: Dataset) -> Iterator[Problem]:
    for record in _records(dataset):
        spec = getattr(record, "date", None)
        if spec is None:
            continue
        for field, expected, found, hint in dates.problems(spec):
            yield record.origin.problem(("date", field), expected, found, hint)


def _published(dataset: Dataset) -> Iterator[Problem]:
    for source in dataset.sources.values():
        for field, expected, found, hint in dates.point_problems("published", source.published, 3):
            yield source.origin.problem((field,), expected, found, hint)


def _place_cycles(dataset: Dataset) -> Iterator[Problem]:
    reported: set[str] = set()
    for place in dataset.places.values():
        chain = [place.id]
        current = place.parent
        while current in dataset.places and current not in chain:
            chain.append(current)
            current = dataset.places[current].parent
        if current == place.id and place.id not in reported:
            reported.update(chain)
            loop = " → ".join(chain + [place.id])
            yield place.origin.problem(("parent",), "a chain of parents that ends at a top-level place",
                                       f"a cycle: {loop}", "remove the parent of one place in the cycle")


def _names(dataset: Dataset) -> Iterator[Problem]:
    """A name or alias may stand for one entity only, or the linker could not choose."""
    owners: dict[str, tuple[str, object]] = {}
    for kind in ("actors", "places"):
        for entity in getattr(dataset, kind).values():
            for index, name in enumerate(entity.names):
                owner = owners.setdefault(name, (kind, entity))
                if owner[1] is entity:
                    continue
                field = ("name",) if index == 0 else ("aliases", entity.aliases.index(name))
                yield entity.origin.problem(field, "a name no other actor or place uses",
                                            f"{name!r}, also a name of {owner[0]}/{owner[1].id}",
                                            "remove the alias from one of them, or make it more specific")


def _self_links(dataset: Dataset) -> Iterator[Problem]:
    for relationship in dataset.relationships:
        if relationship.subject == relationship.object:
            yield relationship.origin.problem(("object",), "an actor other than the subject",
                                              repr(relationship.object), "a relationship links two different actors")
    for event in dataset.events.values():
        for index, related in enumerate(event.related):
            if related.event == event.id:
                yield event.origin.problem(("related", index, "event"), "another event", repr(related.event),
                                           "an event cannot be related to itself")


def _quantities(dataset: Dataset) -> Iterator[Problem]:
    for figure in dataset.figures.values():
        value = figure.value
        if value is None:
            continue
        if value.exact is not None and (value.minimum is not None or value.maximum is not None):
            yield figure.origin.problem(("value", "exact"), "either 'exact' or 'min'/'max'", "both",
                                        "keep 'exact' for one number, 'min' and 'max' for a range")
        elif value.exact is None and value.minimum is None and value.maximum is None:
            yield figure.origin.problem(("value",), "'exact', or 'min' and/or 'max'", "no number",
                                        "remove 'value' for a claim without a number")
        elif value.minimum is not None and value.maximum is not None and value.minimum > value.maximum:
            yield figure.origin.problem(("value", "min"), f"a number no greater than max ({value.maximum:g})",
                                        f"{value.minimum:g}", "swap min and max")
