"""A small dataset factory: a report of one short article, with only the facts a test asks for.

The records are Python dicts written as real YAML data files under a folder, so they go through load,
validate and link like an editor's. Each test states the few facts it needs:

    data = write(tmp_path, events=[event("attack", "the Red Army attacked Northtown",
                                         participants=[("red-army", "attacker")], places=["northtown"])])
    linked = graph(data)
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML

from generator import pipeline
from generator.link import Graph

ARTICLE_ID = "daily-2017-10-26-northtown"
PUBLISHED = "2017-10-26"
PARAGRAPHS = [
    # The attack is the article's own statement, in a sentence of its own: a span's whole sentence is read for
    # hedges (validate._hedges), so "Alice Smith said that ..." would make it her account.
    "Alice Smith said on Thursday that she saw it. That day the Red Army attacked Northtown. The attack lasted two days.",
    "The Red Army claimed that 300 fighters took part. Alice Smith said: “We will rebuild Northtown.”",
    "Officials in Southland said nothing about the attack.",
]
REPORT = {"title": "A small report", "summary": "What one short article says about Northtown.", "language": "en"}
ACTORS = [
    {"id": "daily", "name": "The Daily", "kind": "media-outlet", "description": "The outlet of the article."},
    {"id": "alice-smith", "name": "Alice Smith", "kind": "person", "description": "A witness in Northtown."},
    {"id": "red-army", "name": "Red Army", "kind": "armed-force", "description": "The force that attacked."},
]
PLACES = [
    {"id": "southland", "name": "Southland", "kind": "country", "description": "The country of Northtown."},
    {"id": "northtown", "name": "Northtown", "kind": "town", "parent": "southland",
     "description": "The town that was attacked."},
]


def write(base: Path, *, paragraphs: list[str] | None = None, actors: list[dict] | None = None,
          places: list[dict] | None = None, events: list[dict] = (), quotes: list[dict] = (),
          figures: list[dict] = (), relationships: list[dict] = (), article_id: str = ARTICLE_ID,
          source: dict | None = None) -> Path:
    """Write base/data/ (report, actors, places, one article) and return the data folder; source holds
    fields that replace the article's own (its published date, say)."""
    data = base / "data"
    (data / "articles").mkdir(parents=True, exist_ok=True)
    _dump(data / "report.yaml", {"report": REPORT})
    _dump(data / "actors.yaml", {"actors": ACTORS if actors is None else actors})
    _dump(data / "places.yaml", {"places": PLACES if places is None else places})
    defaults = {"id": article_id, "title": "The attack on Northtown", "outlet": "daily", "published": PUBLISHED,
              "language": "en", "paragraphs": PARAGRAPHS if paragraphs is None else paragraphs}
    article = {"source": {**defaults, **(source or {})}}
    for name, records in (("events", events), ("quotes", quotes), ("figures", figures),
                          ("relationships", relationships)):
        if records:
            article[name] = list(records)
    _dump(data / "articles" / f"{article_id}.yaml", article)
    return data


def graph(data: Path) -> Graph:
    """The linked graph of a data folder, through the pipeline's own load, validate and link."""
    return pipeline.graph(data)


def event(event_id: str, *evidence: str, participants: list[tuple[str, str]] = (), places: list[str] = (),
          related: list[tuple[str, str]] = (), kind: str = "clash", **fields) -> dict:
    """An event record: participants as (actor, role), related events as (event, relation)."""
    record = {"id": event_id, "title": f"The event {event_id}", "kind": kind,
              "description": f"What the article says of {event_id}.", "evidence": list(evidence)}
    if participants:
        record["participants"] = [{"actor": actor, "role": role} for actor, role in participants]
    if places:
        record["places"] = list(places)
    if related:
        record["related"] = [{"event": other, "relation": relation} for other, relation in related]
    return {**record, **fields}


def quote(quote_id: str, speaker: str, text: str, *evidence: str, **fields) -> dict:
    """A quote record; its evidence defaults to its own words."""
    return {"id": quote_id, "speaker": speaker, "text": text, "evidence": list(evidence) or [text], **fields}


def figure(figure_id: str, claim: str, *evidence: str, **fields) -> dict:
    """A figure record (value, attribution, actors, places, events as fields)."""
    return {"id": figure_id, "claim": claim, "evidence": list(evidence), **fields}


def relationship(subject: str, kind: str, obj: str, *evidence: str, **fields) -> dict:
    """A relationship record between two actors."""
    return {"subject": subject, "kind": kind, "object": obj, "evidence": list(evidence), **fields}


def _dump(path: Path, document: dict) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False  # fields in the order an editor writes them
    yaml.width = 4096  # one paragraph per line, as editors paste them
    yaml.representer.ignore_aliases = lambda data: True  # a value used twice is written out twice, as editors do
    text = io.StringIO()
    yaml.dump(document, text)
    path.write_text(text.getvalue(), "utf-8")
