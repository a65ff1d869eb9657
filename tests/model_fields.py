"""Every field of the data a page shows, and how to plant a value in it in the validated dataset.

The values that validation would reject never reach a page, but these plant them anyway:
rendering does not rely on validation for its soundness. The red-team suite plants values in
the YAML instead (tests/redteam.py), through validation.
"""

from __future__ import annotations

import dataclasses

from generator.dates import DateSpec
from generator.model import Attribution, Context, ReadIn

SOURCE = "cnn-2017-10-26-iraq-kurdish-clashes"
ACTOR, PLACE, EVENT = "pat-work", "rawa", "iraqi-kurdish-clashes"
QUOTE, FIGURE = "work-massive-resources", "defenders-of-al-qaim-and-rawa"


def _context(record, part: str):
    """Plant a value in one part of a new note of editor's context, the other parts plain."""
    def plant(dataset, value):
        parts = {"note": "A plain note.", "title": "A plain citation", "url": "https://example.org/cited"}
        parts[part] = value
        record(dataset).context.append(Context(parts["note"], parts["title"], parts["url"]))
    return plant


def _attribute(record, name: str):
    return lambda dataset, value: setattr(record(dataset), name, value)


def _phrase(record):
    def plant(dataset, value):
        spec = record(dataset).date or DateSpec("day", "2017-10-26")
        record(dataset).date = dataclasses.replace(spec, phrase=value)
    return plant


def _appended(record, name: str):
    return lambda dataset, value: getattr(record(dataset), name).append(value)


def _coordinates(name: str):
    return lambda dataset, value: setattr(dataset.places[PLACE].coordinates, name, value)


_actor = lambda d: d.actors[ACTOR]  # noqa: E731 - a table of one-line accessors reads best as lambdas
_place = lambda d: d.places[PLACE]  # noqa: E731
_source = lambda d: d.sources[SOURCE]  # noqa: E731
_event = lambda d: d.events[EVENT]  # noqa: E731
_quote = lambda d: d.quotes[QUOTE]  # noqa: E731
_figure = lambda d: d.figures[FIGURE]  # noqa: E731

TEXT_FIELDS = {
    "report.title": _attribute(lambda d: d.report, "title"),
    "report.summary": _attribute(lambda d: d.report, "summary"),
    "actor.name": _attribute(_actor, "name"),
    "actor.aliases": _appended(_actor, "aliases"),
    "actor.description": _attribute(_actor, "description"),
    "actor.context.note": _context(_actor, "note"),
    "actor.context.citation.title": _context(_actor, "title"),
    "place.name": _attribute(_place, "name"),
    "place.aliases": _appended(_place, "aliases"),
    "place.description": _attribute(_place, "description"),
    "place.coordinates.source.title": _coordinates("source_title"),
    "place.context.note": _context(_place, "note"),
    "place.context.citation.title": _context(_place, "title"),
    "source.title": _attribute(_source, "title"),
    "source.authors": _appended(_source, "authors"),
    "source.paragraphs": _appended(_source, "paragraphs"),
    "source.context.note": _context(_source, "note"),
    "source.context.citation.title": _context(_source, "title"),
    "event.title": _attribute(_event, "title"),
    "event.description": _attribute(_event, "description"),
    "event.participants.role": lambda d, value: setattr(_event(d).participants[0], "role", value),
    "event.date.phrase": _phrase(_event),
    "event.context.note": _context(_event, "note"),
    "event.context.citation.title": _context(_event, "title"),
    "quote.text": _attribute(_quote, "text"),
    "quote.setting": _attribute(_quote, "setting"),
    "quote.date.phrase": _phrase(_quote),
    "figure.claim": _attribute(_figure, "claim"),
    "figure.value.unit": lambda d, value: setattr(_figure(d).value, "unit", value),
    "figure.date.phrase": _phrase(_figure),
    "relationship.role": lambda d, value: setattr(d.relationships[0], "role", value),
    # An unnamed source, in the article's words ("there are concerns"), wherever a fact is attributed to one.
    "figure.attribution.source": lambda d, value: setattr(_figure(d), "attribution", Attribution(source=value)),
}
URL_FIELDS = {
    "actor.context.citation.url": _context(_actor, "url"),
    "place.context.citation.url": _context(_place, "url"),
    "place.coordinates.source.url": _coordinates("source_url"),
    "source.url": _attribute(_source, "url"),
    "source.context.citation.url": _context(_source, "url"),
    "event.context.citation.url": _context(_event, "url"),
    "source.read_in.url": lambda d, value: setattr(_source(d), "read_in", ReadIn("cnn", value)),
}
