"""Stage 2c, validate the meaning: references, dates, places, names and quotes (evidence is located in records).

It only reports: nothing here changes a record."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from . import dates, evidence, ids, kinds, placeholders, text_rules
from .load import Document
from .model import Dataset, Origin
from .problems import Problem



def check(dataset: Dataset) -> list[Problem]:
    """Every problem of meaning in a dataset whose files are each well formed."""
    problems: list[Problem] = []
    for rule in (_placeholders, _text, _reserved_ids, _references, _outlets, _quotes_in_evidence, _dates,
                 _published, _place_cycles, _names, _self_links, _quantities):
        problems.extend(rule(dataset))
    return problems


def _records(dataset: Dataset) -> Iterator[object]:
    for kind in kinds.KINDS:
        if kind.keyed:
            yield from kinds.records(dataset, kind)


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


def _placeholders(dataset: Dataset) -> Iterator[Problem]:
    """No value is still a placeholder of the template (`TODO: ...`), left for the editor to replace."""
    for doc, _kind in _documents(dataset):
        yield from placeholders.problems(doc)


def _reserved_ids(dataset: Dataset) -> Iterator[Problem]:
    for record in _records(dataset):
        if record.id in ids.RESERVED:
            yield record.origin.problem(("id",), "an id that is not reserved", repr(record.id), ids.explain(record.id))


def _references(dataset: Dataset) -> Iterator[Problem]:
    """Every field that names another record names one that exists, of the kind the registry says."""
    for _kind, record, ref, sub, value, _item in kinds.references(dataset, checked_only=True):
        if value not in getattr(dataset, ref.target):
            yield record.origin.problem(sub, f"the id of {kinds.kind(ref.target).article}", repr(value),
                                        _reference_hint(dataset, value, ref.target))


def _reference_hint(dataset: Dataset, value: str, folder: str) -> str:
    wanted = kinds.kind(folder)
    close = difflib.get_close_matches(value, sorted(getattr(dataset, folder)), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    elsewhere = [k for k in kinds.KINDS if k.keyed and k is not wanted and value in getattr(dataset, k.folder)]
    if elsewhere:
        return f"'{value}' is {elsewhere[0].article}, not {wanted.article}"
    return f"define {wanted.article} with id '{value}' first"


def _outlets(dataset: Dataset) -> Iterator[Problem]:
    for source in dataset.sources.values():
        outlet = dataset.actors.get(source.outlet)
        if outlet is not None and outlet.kind != "media-outlet":
            yield source.origin.problem(("outlet",), "the id of an actor of kind media-outlet",
                                        f"{source.outlet!r}, of kind {outlet.kind}",
                                        f"set kind: media-outlet on actor '{outlet.id}', or name the outlet")


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
    for kind in (k for k in kinds.KINDS if k.named):
        for entity in kinds.records(dataset, kind):
            for index, name in enumerate(entity.names):
                owner = owners.setdefault(name, (kind.folder, entity))
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
