"""Stage 2c, validate the meaning: references, dates, places, names and quotes (evidence is located in records).

It only reports: nothing here changes a record."""

from __future__ import annotations

import difflib
import functools
import graphlib
import re
from collections.abc import Iterator

from . import cache, dates, evidence, ids, kinds, placeholders, sentences, text_rules
from .load import Document
from .model import Dataset
from .names import NameIndex
from .problems import Problem
from .vocabulary import APPROXIMATE_WORDS, HEDGES, PAST_WORDS



def check(dataset: Dataset) -> list[Problem]:
    """Every problem of meaning in a dataset whose files are each well formed."""
    problems: list[Problem] = []
    for rule in (_placeholders, _text, _reserved_ids, _references, _outlets, _quotes_in_evidence, _dates,
                 _published, _place_cycles, _names, _name_choices, _self_links, _quantities, _attributions,
                 _hedges, _relative_dates):
        problems.extend(rule(dataset))
    return problems


def _reports(dataset: Dataset, keyed_only: bool = False) -> Iterator[object]:
    """Every report of every record (kinds.reports), or of the kinds with ids only."""
    for kind in kinds.KINDS:
        if kind.keyed or not keyed_only:
            yield from kinds.reports(dataset, kind)


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
        yield from cache.unless_passed(f"text of {kind}", doc.digest,
                                       functools.partial(text_rules.document_problems, doc, kind))


def _placeholders(dataset: Dataset) -> Iterator[Problem]:
    """No value is still a placeholder of the template (`TODO: ...`), left for the editor to replace."""
    for doc, _kind in _documents(dataset):
        yield from cache.unless_passed("placeholders", doc.digest, functools.partial(placeholders.problems, doc))


def _reserved_ids(dataset: Dataset) -> Iterator[Problem]:
    for record in _reports(dataset, keyed_only=True):
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
    """An article's outlet, and the site it was read in, are media outlets."""
    for source in dataset.sources.values():
        read_in = source.read_in.outlet if source.read_in else None
        for field, outlet_id in ((("outlet",), source.outlet), (("read_in", "outlet"), read_in)):
            outlet = dataset.actors.get(outlet_id) if outlet_id else None
            if outlet is not None and outlet.kind != "media-outlet":
                yield source.origin.problem(field, "the id of an actor of kind media-outlet",
                                            f"{outlet_id!r}, of kind {outlet.kind}",
                                            f"set kind: media-outlet on actor '{outlet.id}', or name the outlet")


def _quotes_in_evidence(dataset: Dataset) -> Iterator[Problem]:
    for quote in kinds.reports(dataset, kinds.kind("quotes")):
        if not any(evidence.contains(span.text, quote.text) for span in quote.evidence):
            yield quote.origin.problem(("text",), "words that occur in the quote's evidence", repr(quote.text),
                                       "copy the quoted words from the evidence passage")


def _dates(dataset: Dataset) -> Iterator[Problem]:
    for record in _reports(dataset):
        for key in ("date", "reported"):
            spec = getattr(record, key, None)
            if spec is None:
                continue
            for field, expected, found, hint in dates.problems(spec):
                yield record.origin.problem((key, field), expected, found, hint)


def _relative_dates(dataset: Dataset) -> Iterator[Problem]:
    """A phrase that dates by the article ('earlier this month', 'in recent days') keeps its meaning: it
    ends by the day the article was published, and 'recent' is approximate."""
    for record in _reports(dataset):
        source = dataset.sources.get(getattr(record, "source", ""))
        for key in ("date", "reported"):
            spec = getattr(record, key, None)
            if source is None or spec is None or not spec.phrase or dates.problems(spec):
                continue
            yield from _relative_problems(record, key, spec, source.published)


def _relative_problems(record, key: str, spec, published: str) -> Iterator[Problem]:
    words = set(re.findall(r"[a-z]+", spec.phrase.lower()))
    past = words & PAST_WORDS
    if past and dates.bounds(spec)[1].isoformat() > published:
        yield record.origin.problem((key, "end" if spec.precision == "range" else "value"),
                                    f"a date no later than the article's publication, {published}",
                                    f"{dates.label(spec)}, which the phrase {spec.phrase!r} puts before it",
                                    f"'{sorted(past)[0]}' dates by the article: end the range at {published}")
    if words & APPROXIMATE_WORDS and not spec.approximate:
        yield record.origin.problem((key, "approximate"), "approximate: true",
                                    f"an exact date for the phrase {spec.phrase!r}",
                                    "'recent' gives no exact day: add approximate: true")


def _published(dataset: Dataset) -> Iterator[Problem]:
    for source in dataset.sources.values():
        for field, expected, found, hint in dates.point_problems("published", source.published, 3):
            yield source.origin.problem((field,), expected, found, hint)


def _place_cycles(dataset: Dataset) -> Iterator[Problem]:
    """Parents lead up to top-level places: a place that contains itself is reported, one cycle at a time."""
    parents = {p.id: [q for q in p.parents if q in dataset.places] for p in dataset.places.values()}
    while True:
        try:
            graphlib.TopologicalSorter(parents).prepare()
            return
        except graphlib.CycleError as cycle:
            loop = cycle.args[1][::-1]  # graphlib gives it child-last; read it down from the place
            place = dataset.places[loop[0]]
            yield place.origin.problem(("parent",), "a chain of parents that ends at a top-level place",
                                       f"a cycle: {' → '.join(loop)}", "remove the parent of one place in the cycle")
            parents[loop[0]] = [q for q in parents[loop[0]] if q != loop[1]]


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


def _name_choices(dataset: Dataset) -> Iterator[Problem]:
    """A name an article chooses the meaning of is a name its text uses, chosen once."""
    for source in dataset.sources.values():
        text = "\n".join(source.paragraphs)
        seen: set[str] = set()
        for index, choice in enumerate(source.names):
            if choice.name in seen:
                yield source.origin.problem(("names", index, "name"), "a name chosen once in the article",
                                            repr(choice.name), "remove the second entry")
            elif not NameIndex({choice.name: ("x", "x")}).find(text):
                yield source.origin.problem(("names", index, "name"), "words the article's text uses, as a whole word",
                                            f"{choice.name!r}, which it does not", "copy the name from the text")
            seen.add(choice.name)


def _self_links(dataset: Dataset) -> Iterator[Problem]:
    for relationship in kinds.reports(dataset, kinds.kind("relationships")):
        if relationship.subject == relationship.object:
            yield relationship.origin.problem(("object",), "an actor other than the subject",
                                              repr(relationship.object), "a relationship links two different actors")
    for event in kinds.reports(dataset, kinds.kind("events")):
        for index, related in enumerate(event.related):
            if related.event == event.id:
                yield event.origin.problem(("related", index, "event"), "another event", repr(related.event),
                                           "an event cannot be related to itself")


def _quantities(dataset: Dataset) -> Iterator[Problem]:
    for figure in kinds.reports(dataset, kinds.kind("figures")):
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


def _attributions(dataset: Dataset) -> Iterator[Problem]:
    """An attribution names who asserts a fact (an actor or an unnamed source), or says the article does."""
    for kind in (k for k in kinds.KINDS if k.evidence):
        for fact in kinds.reports(dataset, kind):
            said = getattr(fact, "attribution", None)  # a kind added without one has none to check
            if said is None:
                continue
            if said.by is not None and said.source is not None:
                yield fact.origin.problem(("attribution", "source"), "either 'by' (an actor) or 'source' "
                                          "(an unnamed source)", "both", "keep 'by' when the article names who")
            elif said.own and (said.by is not None or said.source is not None):
                yield fact.origin.problem(("attribution", "own"), "own: true only when no one else asserts it",
                                          "own: true with 'by' or 'source'",
                                          "remove own: true, or remove who asserts it")
            elif not said.own and said.by is None and said.source is None:
                yield fact.origin.problem(("attribution",), "'by', 'source' or own: true",
                                          "neither", "say who asserts it, or own: true for the article's own statement")


# One pattern for every hedge word, longest first so 'according to' wins over shorter words.
_HEDGE = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(HEDGES, key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)


def _hedges(dataset: Dataset) -> Iterator[Problem]:
    """A passage that attributes or hedges (vocabulary.HEDGES) supports a fact only if the fact says who
    asserts it, or the editor marks it as the article's own statement. The passage is the cited span and
    the whole sentence(s) it lies in: a span that leaves out "He said that" still reports his words."""
    for kind in (k for k in kinds.KINDS if k.evidence):
        for fact in kinds.reports(dataset, kind):
            # A quote's speaker asserts it; a kind added without attribution has none to give.
            if getattr(fact, "attribution", None) is not None or getattr(fact, "speaker", None):
                continue
            for index, span in enumerate(fact.evidence):
                found = _hedge_of(dataset, span) if span.located else None  # an unlocated one is reported
                if found:
                    word, where = found
                    yield fact.origin.problem(
                        ("evidence", index), f"an attribution on this {kind.noun}, as its passage hedges",
                        f"{word!r} in {where} ({HEDGES[word.lower()]})",
                        "add attribution: {by: <actor id>, verb: ...} or {source: <the article's words>}; "
                        "or attribution: {own: true} if the article states it itself")
                    break


def _hedge_of(dataset: Dataset, span) -> tuple[str, str] | None:
    """The first hedge word of a located span, else of the sentence(s) around it, with where it was found."""
    hedge = _HEDGE.search(span.text)
    if hedge:
        return hedge.group(1), repr(span.text)
    source = dataset.sources[span.source]
    paragraph = source.paragraphs[span.paragraph]
    around = [(start, end) for start, end in _sentences(paragraph, source.language)
              if start < span.end and span.start < end]
    if not around:
        return None
    sentence = paragraph[around[0][0]:around[-1][1]]
    hedge = _HEDGE.search(sentence)
    return (hedge.group(1), f"the sentence around the span, {sentence!r}") if hedge else None


def _sentences(paragraph: str, language: str) -> tuple[tuple[int, int], ...]:
    """The sentences of a paragraph (split once, however many spans it holds: sentences.spans caches)."""
    return sentences.spans(paragraph, language)
