"""The registry of record kinds: for each, where its records come from, what they name, and its pages.

Everything that varies by kind is read from here: records (`records.py`), reference checks
(`validate.py`), the connections both ways (`link.py`), evidence location, the renderers and index
pages (`render/`), the navigation and Pelican's PAGE_PATHS. docs/ARCHITECTURE.md has the recipe for
adding a kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import dates, evidence
from .model import Actor, Event, Figure, Place, Quote, Relationship, Source


@dataclass(frozen=True)
class Ref:
    """A field of a record that names another record, by its id."""

    field: str  # the model attribute: an id, a list of ids, or a list of items each holding an id
    target: str  # the folder of the kind it names
    key: str = ""  # for items (a list of them, or one): the item's attribute that holds the id ("actor")
    checked: bool = True  # False for a link the records stage makes itself (a fact's source article)


@dataclass(frozen=True)
class Kind:
    """One kind of record, and everything the stages do differently for it."""

    folder: str  # the Dataset table, the content/ folder and the URL folder
    noun: str  # 'actor': validation messages say 'the id of an actor'
    article: str  # 'an actor'
    model: type
    file: str  # where its records are written: 'actors' (data/actors.yaml) or 'article' (each article file)
    key: str  # the top-level key of that file holding them: a list, or for 'source' the one mapping
    references: tuple[Ref, ...] = ()
    evidence: bool = False  # its records carry evidence spans, located in their source article
    named: bool = False  # its names and aliases are linked wherever the articles' text mentions them
    keyed: bool = True  # its records have ids (relationships do not)
    page: str = ""  # the module in render/ and the template in theme/templates/ of its pages; '' for none
    section: str = ""  # its title in the navigation and on its index page
    entry: str = ""  # what one entry of its index is called ('article'); the noun when empty
    grouping: str = ""  # how its index groups the entries ('by kind')
    order: Callable[[object], tuple] | None = None  # the sort key of every list of its records; None: data order
    same_fact: Callable[[object], tuple] | None = None  # what makes records of two articles one fact, ids aside
    cited_as: str = ""  # the section that lists its records on each page they name; '' when those pages
    # list them in their own way (the kinds above, whose renderers show each connection in its words)

    @property
    def entry_noun(self) -> str:
        """What one entry of the index is called."""
        return self.entry or self.noun


def by_id(record) -> tuple:
    """Sort key: the id."""
    return (record.id,)


def by_name(record) -> tuple:
    """Sort key: the name as readers sort it, then the id."""
    return record.name.casefold(), record.id


def by_date(record) -> tuple:
    """Sort key: the date (undated last), then the id."""
    return dates.sort_key(record.date), record.id


def by_publication(record) -> tuple:
    """Sort key: the day of publication, then the id."""
    return record.published, record.id


def same_words(quote) -> tuple:
    """Two articles quoting the same speaker's same words (spacing and quote style aside) quote one quote."""
    return quote.speaker, evidence.normalize(quote.text)[0]


def same_link(relationship) -> tuple:
    """The same kind of relationship between the same two actors is one relationship."""
    return relationship.subject, relationship.kind, relationship.object


def _source() -> Ref:
    return Ref("source", "sources", checked=False)


def _asserted_by() -> Ref:
    # The actor a fact is attributed to, when its attribution names one.
    return Ref("attribution", "actors", key="by")


KINDS: tuple[Kind, ...] = (
    Kind("actors", "actor", "an actor", Actor, "actors", "actors", named=True, page="actor", section="Actors",
         grouping="by kind", order=by_name),
    Kind("places", "place", "a place", Place, "places", "places", (Ref("parent", "places"),), named=True, page="place",
         section="Places", grouping="by country", order=by_name),
    Kind("events", "event", "an event", Event, "article", "events",
         (_source(), Ref("places", "places"), Ref("participants", "actors", key="actor"),
          _asserted_by(), Ref("related", "events", key="event")),
         evidence=True, page="event", section="Events", grouping="by date", order=by_date),
    Kind("sources", "source", "a source", Source, "article", "source",
         (Ref("outlet", "actors"), Ref("read_in", "actors", key="outlet"),
          Ref("names", "actors", key="actor"), Ref("names", "places", key="place")),
         page="source",
         section="Articles", entry="article", grouping="by date of publication", order=by_publication),
    Kind("quotes", "quote", "a quote", Quote, "article", "quotes",
         (_source(), Ref("speaker", "actors"), Ref("to", "actors"), Ref("event", "events"), _asserted_by()),
         evidence=True, page="quote", section="Quotes", grouping="by speaker", order=by_date, same_fact=same_words),
    Kind("figures", "figure", "a figure", Figure, "article", "figures",
         (_source(), _asserted_by(), Ref("actors", "actors"), Ref("places", "places"),
          Ref("events", "events")), evidence=True, page="figure", section="Figures", grouping="by what they count",
         order=by_id),
    Kind("relationships", "relationship", "a relationship", Relationship, "article", "relationships",
         (_source(), Ref("subject", "actors"), Ref("object", "actors"), _asserted_by()), evidence=True,
         keyed=False, same_fact=same_link),
)
BY_FOLDER = {kind.folder: kind for kind in KINDS}


def kind(folder: str) -> Kind:
    """The kind whose records live in folder."""
    return BY_FOLDER[folder]


def paged() -> list[Kind]:
    """The kinds that have a page per record, an index and a place in the navigation, in navigation order."""
    return [k for k in KINDS if k.page]


def records(dataset, kind: Kind) -> list:
    """Every record of a kind, in the order its table holds them."""
    table = getattr(dataset, kind.folder)
    return list(table.values()) if kind.keyed else list(table)


def versions(record) -> list:
    """Every article's report of a fact: the record as first reported, then the others."""
    return [record, *getattr(record, "other_reports", ())]


def reports(dataset, kind: Kind) -> list:
    """Every record of a kind with every other article's report of it: one entry per (fact, article)."""
    return [version for record in records(dataset, kind) for version in versions(record)]


def named(dataset) -> list:
    """Every record whose names are linked in the articles' text (actors, places)."""
    return [record for k in KINDS if k.named for record in records(dataset, k)]


def ordered(kind: Kind, items) -> list:
    """Records in the order every list of them shows, as the kind's order says."""
    return list(items) if kind.order is None else sorted(items, key=kind.order)


def values(record, ref: Ref) -> Iterator[tuple[tuple, str, object]]:
    """Each id a reference field holds: (field path inside the record, id, the item holding it or None)."""
    value = getattr(record, ref.field)
    if value is None:
        return
    if isinstance(value, str):
        yield (ref.field,), value, None
        return
    if ref.key and not isinstance(value, list):  # one item, such as an attribution naming its actor
        if getattr(value, ref.key) is not None:
            yield (ref.field, ref.key), getattr(value, ref.key), value
        return
    for index, item in enumerate(value):
        if ref.key:
            if getattr(item, ref.key) is not None:  # an optional id in an item, such as a name's actor
                yield (ref.field, index, ref.key), getattr(item, ref.key), item
        else:
            yield (ref.field, index), item, None


def references(dataset, checked_only: bool = False) -> Iterator[tuple[Kind, object, Ref, tuple, str, object]]:
    """Every reference of every report of every record: (its kind, the report, the field, path, id, item)."""
    for k in KINDS:
        for record in reports(dataset, k):
            for ref in k.references:
                if checked_only and not ref.checked:
                    continue
                for sub, value, item in values(record, ref):
                    yield k, record, ref, sub, value, item
