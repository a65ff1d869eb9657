"""Each page's schema.org description, for search engines and other readers of linked data (JSON-LD).

Built here as a dict and written as the page's JSONLD metadata line (one line of JSON); base.html
writes it in <head> through the `ld_json` filter, which prefixes the site's own addresses with SITEURL
and serialises through markdown_text.script_json, so no value can close the <script> element.
Addresses of the site's pages are relative to its root here ("actors/isis/"), under the keys "@id"
and "url"; addresses from the data are percent-encoded (urls.href). Text is plain, on one line.
Bounded: a list names at most MAX_ITEMS records; the page lists them all.
"""

from __future__ import annotations

import json

from .. import dates, kinds, paths, urls
from ..link import Graph
from ..markdown_text import one_line
from ..model import Actor, Attribution, Event, Evidence, Figure, Place, Quote, Relationship, Source
from ..vocabulary import IDENTIFIERS
from .meta import as_json

CONTEXT = "https://schema.org"
MAX_ITEMS = 50  # participants, places, list entries: a description, not a copy of the page
# schema.org's type for each actor kind; any other kind (a new one in the vocabulary) is an Organization.
ACTOR_TYPES = {"person": "Person", "government": "GovernmentOrganization", "state": "GovernmentOrganization",
               "media-outlet": "NewsMediaOrganization", "political-entity": "Organization"}


def field(value: object) -> str:
    """The JSONLD metadata line of a description."""
    return as_json(value)


def page_ref(folder: str, record_id: str) -> dict:
    """A reference to a record's page by its address, the node's @id."""
    return {"@id": paths.url(folder, record_id)}


def _node(kind: str, folder: str, record_id: str, name: str, **values) -> dict:
    node = {"@context": CONTEXT, "@type": kind, "@id": paths.url(folder, record_id),
            "url": paths.url(folder, record_id), "name": one_line(name)}
    node.update({key: value for key, value in values.items() if value not in (None, "", [], {})})
    return node


def _named(graph: Graph, folder: str, record_id: str, kind: str = "") -> dict:
    """A short node for a record named inside another's description: its type, page and name."""
    record = getattr(graph.dataset, folder)[record_id]
    node = {"@type": kind or _type_of(record), "@id": paths.url(folder, record_id), "name": one_line(record.name)}
    return node


def _type_of(record) -> str:
    if isinstance(record, Actor):
        return ACTOR_TYPES.get(record.kind, "Organization")
    return {Place: "Place", Event: "Event", Source: "NewsArticle", Quote: "Quotation"}.get(type(record), "Thing")


def _same_as(identifiers: dict[str, str]) -> list[str]:
    return [urls.href(IDENTIFIERS[name][1].format(value)) for name, value in sorted(identifiers.items())]


def _interval(spec: dates.DateSpec | None) -> dict:
    """startDate and endDate: the first and last day the date allows (an open start gives only the end)."""
    if spec is None:
        return {}
    first, last = dates.bounds(spec)
    if first == last:
        return {"startDate": first.isoformat()}
    return {"startDate": first.isoformat() if first else None, "endDate": last.isoformat()}


def actor(graph: Graph, record: Actor) -> dict:
    """An actor: Person, or an Organization of the fitting kind."""
    return _node(ACTOR_TYPES.get(record.kind, "Organization"), "actors", record.id, record.name,
                 alternateName=[one_line(a) for a in record.aliases if a != record.name],
                 description=one_line(record.description), sameAs=_same_as(record.identifiers))


def place(graph: Graph, record: Place) -> dict:
    """A place, with its coordinates and the places that contain it."""
    geo = None
    if record.coordinates is not None:
        geo = {"@type": "GeoCoordinates", "latitude": record.coordinates.lat, "longitude": record.coordinates.lon}
    return _node("Place", "places", record.id, record.name,
                 alternateName=[one_line(a) for a in record.aliases if a != record.name],
                 description=one_line(record.description), geo=geo, sameAs=_same_as(record.identifiers),
                 containedInPlace=[_named(graph, "places", p) for p in record.parents[:MAX_ITEMS]])


def event(graph: Graph, record: Event) -> dict:
    """An event: its dates' bounds, places, participants, and the articles that report it."""
    actors = list(dict.fromkeys(p.actor for version in kinds.versions(record) for p in version.participants))
    return _node("Event", "events", record.id, record.title, description=one_line(record.description),
                 **{k: v for k, v in _interval(record.date).items() if v},
                 location=[_named(graph, "places", p) for p in record.places[:MAX_ITEMS]],
                 actor=[_named(graph, "actors", a) for a in actors[:MAX_ITEMS]],
                 subjectOf=_articles(graph, record))


def source(graph: Graph, record: Source) -> dict:
    """An article: headline, publication day, authors, outlet, language and where it was published."""
    node = _node("NewsArticle", "sources", record.id, record.title, headline=one_line(record.title),
                 datePublished=record.published, inLanguage=record.language,
                 author=[{"@type": "Person", "name": one_line(a)} for a in record.authors[:MAX_ITEMS]],
                 publisher=_named(graph, "actors", record.outlet))
    if record.url:
        node["sameAs"] = urls.href(record.url)  # the article where it was published; "url" is its page here
    return node


def quote(graph: Graph, record: Quote) -> dict:
    """Words said: who said them, and the articles that quote them."""
    return _node("Quotation", "quotes", record.id, record.text, text=one_line(record.text),
                 spokenByCharacter=_named(graph, "actors", record.speaker),
                 isPartOf=_articles(graph, record), citation=_appearances(graph, record))


def figure(graph: Graph, record: Figure) -> dict:
    """A figure or claim: a Claim, each article's report of it an appearance, with who asserts it."""
    return _node("Claim", "figures", record.id, record.claim, text=one_line(record.claim),
                 appearance=_appearances(graph, record), **_asserted(graph, record.attribution))


def relationship(graph: Graph, record: Relationship) -> dict:
    """How one actor stands to another, as a Claim inside the description of an actor's page."""
    kind = record.kind.replace("-", " ")
    return {"@type": "Claim", "name": one_line(f"{graph.dataset.actors[record.subject].name} {kind} "
                                               f"{graph.dataset.actors[record.object].name}"),
            "about": [_named(graph, "actors", record.subject), _named(graph, "actors", record.object)],
            "appearance": _appearances(graph, record), **_asserted(graph, record.attribution)}


def _asserted(graph: Graph, attribution: Attribution | None) -> dict:
    if attribution is None or attribution.own:
        return {}
    if attribution.by is not None:
        return {"claimInterpreter": _named(graph, "actors", attribution.by)}
    return {"author": {"@type": "Organization", "name": one_line(attribution.source or "")}}


def _articles(graph: Graph, record) -> list[dict]:
    ids = list(dict.fromkeys(version.source for version in kinds.versions(record)))
    return [_named(graph, "sources", s, "NewsArticle") for s in ids[:MAX_ITEMS]]


def _appearances(graph: Graph, record) -> list[dict]:
    """Each article's report: the NewsArticle, with the address of the first passage it gives as evidence."""
    found = []
    for version in kinds.versions(record)[:MAX_ITEMS]:
        node = _named(graph, "sources", version.source, "NewsArticle")
        spans: list[Evidence] = [span for span in version.evidence if span.located]
        if spans:
            node["url"] = paths.anchored(paths.url("sources", version.source), spans[0].anchor)
        found.append(node)
    return found


def fact(graph: Graph, folder: str, record) -> dict:
    """Any other fact kind of the registry (kinds.py): a Claim, each article's report an appearance."""
    return _node("Claim", folder, record.id, record.name, appearance=_appearances(graph, record),
                 **_asserted(graph, getattr(record, "attribution", None)))


def record_ld(graph: Graph, folder: str, record) -> dict:
    """The description of a record's page; actors name the relationships they are the subject of."""
    describe = _BY_FOLDER.get(folder)
    described = describe(graph, record) if describe else fact(graph, folder, record)
    if folder == "actors":
        # The graph's index of who names whom: the actor's own relationships, never a scan of all of them.
        own = {id(r): r for _, _, r in graph.relations_of_actor(record.id) if r.subject == record.id}
        claims = [relationship(graph, r) for r in own.values()]
        if claims:
            described["subjectOf"] = claims[:MAX_ITEMS]
    return described


_BY_FOLDER = {"actors": actor, "places": place, "events": event, "sources": source, "quotes": quote,
              "figures": figure}


def collection(title: str, url: str, summary: str, items: list[tuple[str, str]] = (), total: int = 0) -> dict:
    """An index, list or view page: a CollectionPage, with an ItemList of (url, name) entries, at most MAX_ITEMS."""
    node = {"@context": CONTEXT, "@type": "CollectionPage", "@id": url, "url": url, "name": one_line(title),
            "description": one_line(summary)}
    if items:
        node["mainEntity"] = {"@type": "ItemList", "numberOfItems": total or len(items),
                              "itemListElement": [{"@type": "ListItem", "position": n, "url": item_url,
                                                   "name": one_line(name)}
                                                  for n, (item_url, name) in enumerate(items[:MAX_ITEMS], 1)]}
    return node


def listed(groups: str) -> tuple[list[tuple[str, str]], int]:
    """The (url, name) of each linked entry of a page's Groups line (an index, a list), at most MAX_ITEMS,
    and how many there are."""
    entries = [(item["url"], item["text"]) for group in json.loads(groups) for item in group.get("items", [])
               if isinstance(item, dict) and "url" in item]
    return entries[:MAX_ITEMS], len(entries)

