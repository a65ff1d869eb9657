"""Stage 2b, build records: turn schema-valid documents into model objects, refusing duplicate ids."""

from __future__ import annotations

from .dates import DateSpec
from .ids import fold
from .load import Document
from .model import (Actor, Context, Coordinates, Dataset, Event, Evidence, Figure, Origin, Participant, Place,
                    Quantity, Quote, Related, Relationship, Report, Source)
from .problems import Problem


def build(report: Document, actors: Document, places: Document,
          articles: list[Document]) -> tuple[Dataset, list[Problem]]:
    """The dataset the documents describe, and any duplicate ids among them."""
    dataset, problems = Dataset(), []
    about = report.data["report"]
    dataset.report = Report(about["title"], about["summary"], about["language"], Origin(report, ("report",)))
    for index, data in enumerate(actors.data["actors"]):
        _add(dataset.actors, _actor(data, Origin(actors, ("actors", index))), "actor", problems)
    for index, data in enumerate(places.data["places"]):
        _add(dataset.places, _place(data, Origin(places, ("places", index))), "place", problems)
    for doc in articles:
        _article(doc, dataset, problems)
    return dataset, problems


def _add(table: dict, record, noun: str, problems: list[Problem]) -> None:
    # Ids are compared folded, so that ids differing only by case or accents are caught too.
    twin = next((other for key, other in table.items() if fold(key) == fold(record.id)), None)
    if twin is None:
        table[record.id] = record
        return
    where = f"line {twin.origin.line}" + ("" if twin.origin.doc is record.origin.doc else f" of {twin.origin.doc.path}")
    problems.append(record.origin.problem(("id",), f"an id no other {noun} uses",
                                          f"{record.id!r}, already used on {where}", f"rename one of the two {noun}s"))


def _context(data: dict) -> list[Context]:
    return [Context(c["note"], c["citation"]["title"], c["citation"]["url"]) for c in data.get("context", [])]


def _date(data: dict) -> DateSpec | None:
    return DateSpec.from_data(data["date"]) if "date" in data else None


def _entity_fields(data: dict, origin: Origin) -> dict:
    return dict(id=data["id"], name=data["name"], kind=data["kind"], description=data["description"], origin=origin,
                aliases=list(data.get("aliases", [])), identifiers=dict(data.get("identifiers", {})),
                context=_context(data))


def _actor(data: dict, origin: Origin) -> Actor:
    return Actor(**_entity_fields(data, origin))


def _place(data: dict, origin: Origin) -> Place:
    coords = data.get("coordinates")
    coordinates = None if coords is None else Coordinates(
        float(coords["lat"]), float(coords["lon"]), coords["precision"],
        coords["source"]["title"], coords["source"]["url"])
    return Place(**_entity_fields(data, origin), parent=data.get("parent"), coordinates=coordinates)


def _evidence(data: dict, source: str, origin: Origin) -> list[Evidence]:
    return [Evidence(source, text, Origin(origin.doc, origin.pointer + ("evidence", i)))
            for i, text in enumerate(data["evidence"])]


def _article(doc: Document, dataset: Dataset, problems: list[Problem]) -> None:
    data = doc.data
    src = data["source"]
    source = Source(src["id"], src["title"], bool(src.get("title_by_editor", False)), src["outlet"], src["published"],
                    src["language"], list(src["paragraphs"]), Origin(doc, ("source",)), src.get("url"),
                    list(src.get("authors", [])), _context(src))
    _add(dataset.sources, source, "source", problems)
    dataset.files[source.id] = [doc.path]
    for kind, maker, table in (("events", _event, dataset.events), ("quotes", _quote, dataset.quotes),
                               ("figures", _figure, dataset.figures)):
        for index, item in enumerate(data.get(kind, [])):
            _add(table, maker(item, source.id, Origin(doc, (kind, index))), kind[:-1], problems)
    for index, item in enumerate(data.get("relationships", [])):
        dataset.relationships.append(_relationship(item, source.id, Origin(doc, ("relationships", index))))


def _event(data: dict, source: str, origin: Origin) -> Event:
    return Event(
        id=data["id"], title=data["title"], kind=data["kind"], description=data["description"], source=source,
        evidence=_evidence(data, source, origin), origin=origin, date=_date(data), status=data.get("status"),
        places=list(data.get("places", [])),
        participants=[Participant(p["actor"], p["role"]) for p in data.get("participants", [])],
        according_to=list(data.get("according_to", [])),
        related=[Related(r["event"], r["relation"]) for r in data.get("related", [])], context=_context(data))


def _quote(data: dict, source: str, origin: Origin) -> Quote:
    return Quote(id=data["id"], speaker=data["speaker"], text=data["text"], source=source,
                 evidence=_evidence(data, source, origin), origin=origin, to=data.get("to"),
                 setting=data.get("setting"), event=data.get("event"), date=_date(data))


def _figure(data: dict, source: str, origin: Origin) -> Figure:
    value = data.get("value")
    quantity = None if value is None else Quantity(value["unit"], value.get("exact"), value.get("min"),
                                                   value.get("max"), bool(value.get("approximate", False)))
    return Figure(id=data["id"], claim=data["claim"], source=source, evidence=_evidence(data, source, origin),
                  origin=origin, value=quantity, asserted_by=data.get("asserted_by"),
                  actors=list(data.get("actors", [])), places=list(data.get("places", [])),
                  events=list(data.get("events", [])), date=_date(data))


def _relationship(data: dict, source: str, origin: Origin) -> Relationship:
    return Relationship(data["subject"], data["kind"], data["object"], source, _evidence(data, source, origin),
                        origin, data.get("role"))
