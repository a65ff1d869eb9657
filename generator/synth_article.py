"""The article writer of a synthetic corpus: one article's text and the facts it reports, each fact citing
whole sentences of the text (so every sentence is cited, and each span is found exactly once).

Later articles report earlier events again under the same id, quote earlier words again and give
earlier figures again, as the outlets of a real report do.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from functools import partial

from . import ids
from . import synth_facts as facts
from .synth_text import ASSESSMENT, ORDINALS, TEMPLATES, VERB_IN_TITLE, WEIGHTS, EventTemplate
from .synth_text import again_date, credit, new_date
from .synth_world import Actor, World, fresh_id

_LEADS = {"commander", "leader", "director", "president", "prime minister"}
_POOLS = {"a": "forces", "b": "forces", "x": "authorities", "y": "authorities", "o": "civil", "s": "people",
          "p": "cities", "q": "cities", "r": "regions"}  # the world's pool each slot of a template draws from
CAST_SHARE = 0.75  # how often a sentence names an actor or place the article already named
PARAGRAPH_SIZES = (1, 2, 3, 4, 5, 6)
PARAGRAPH_WEIGHTS = (3, 4, 4, 3, 2, 2)  # short paragraphs are the most common, as in news


@dataclass
class Reported:
    """An event as first reported, kept so that a later article can report it again under its id."""

    id: str
    template: EventTemplate
    fills: dict
    record: dict


class Draft:
    """One article being written: its sentences, in order, and the facts that cite them."""

    def __init__(self, published: datetime.date, outlet: Actor):
        self.published, self.outlet = published, outlet
        self.sentences: list[str] = []
        self.facts = {"events": [], "quotes": [], "figures": [], "relationships": []}
        self.links: set[tuple] = set()
        self.named: set[str] = set()  # ids of the entities named in full so far
        self.cast: dict[str, list] = {}  # by pool: the few actors and places the article is about
        self.ids: set[str] = set()  # ids of the facts already in the article

    def call(self, entity, rng: random.Random) -> str:
        """The words a sentence names an entity by: its name at the first mention in the article, now and
        then an alias after (a surname, an acronym), as writers do and as mention linking must follow."""
        if entity.id in self.named and getattr(entity, "aliases", None) and rng.random() < 0.4:
            return rng.choice(entity.aliases)
        self.named.add(entity.id)
        return entity.name

    def say(self, sentence: str) -> bool:
        """Add a sentence unless it is, holds or lies within one already said: each span must be found once."""
        if any(sentence in said or said in sentence for said in self.sentences):
            return False
        self.sentences.append(sentence)
        return True


class Writer:
    """Writes the articles of one corpus in order of publication, over one shared world."""

    def __init__(self, rng: random.Random, world: World):
        self.rng, self.world = rng, world
        self.events: list[Reported] = []
        self.event_reports: list[Reported] = []  # one entry per report: a popular event is picked more often
        self.quotes: list[dict] = []
        self.figures: list[tuple[dict, Actor, object]] = []
        self.taken: set[str] = set()  # ids of events, quotes, figures and articles

    def article(self, published: datetime.date) -> dict:
        """One article document: its source (with the paragraphs) and the facts it reports."""
        outlet = self.world.outlets.draw()
        draft = Draft(published, outlet)
        sizes = [self.rng.choices(PARAGRAPH_SIZES, PARAGRAPH_WEIGHTS)[0] for _ in range(self.rng.randint(5, 25))]
        for _ in range(self.rng.choices((1, 2, 3, 4, 5, 6, 7), (1, 3, 4, 4, 3, 2, 1))[0]):
            self.new_event(draft)
        for _ in range(50):  # the lead event gives the article its title: one whose sentence was said
            if draft.facts["events"]:
                break
            self.new_event(draft)
        fillers = (self.again, *(partial(fact, self) for fact in (facts.quote, facts.figure, facts.relationship)))
        for _ in range(sum(sizes) * 3):
            if len(draft.sentences) >= sum(sizes):
                break
            self.rng.choices(fillers, (4 if self.events else 0, 3, 2, 2))[0](draft)
        lead = draft.facts["events"][0]["title"]
        source = self._source(draft, lead, _paragraphs(draft.sentences, sizes))
        return {"source": source, **{key: facts for key, facts in draft.facts.items() if facts}}

    def _source(self, draft: Draft, title: str, paragraphs: list[str]) -> dict:
        prefix = f"{draft.outlet.id}-{draft.published.isoformat()}-"
        slug = ids.suggest(title)[:ids.MAX_LENGTH - len(prefix) - 3].rstrip("-")
        article_id = self.fresh(prefix + slug)
        authors = [f"{self.world.word()} {self.world.word()}" for _ in range(self.rng.choice((1, 1, 2)))]
        return {"id": article_id, "title": title, "outlet": draft.outlet.id, "published": draft.published.isoformat(),
                "url": f"https://www.{draft.outlet.id}.example/{draft.published:%Y/%m/%d}/{slug}",
                "authors": authors, "language": "en", "paragraphs": paragraphs}

    def fresh(self, base: str) -> str:
        """An id for a new article or fact, unlike every other."""
        return fresh_id(base, self.taken)

    # ---- events ------------------------------------------------------------------------------

    def new_event(self, draft: Draft) -> None:
        """An event no article reported before: its sentence, details, participants, places and date."""
        kinds = [*TEMPLATES, ASSESSMENT]
        template = self.rng.choices(kinds, [WEIGHTS.get(t.kind, 1) for t in kinds])[0]
        fills = self._fill(template, draft)
        names, spoken = self._names(template, fills), self._names(template, fills, draft)
        phrase, date = new_date(self.rng, draft.published) if template.dated else ("", None)
        variant = self.rng.choice(template.sentences)
        sentence = variant.format(**spoken, date=phrase)
        title = template.title.format(**names)
        attribution = {"own": True}
        if template is ASSESSMENT:
            attribution = {"by": fills["x"].id, "verb": "assesses"}
        elif self.rng.random() < 0.28:
            speaker = self.speaker(draft, list(fills.values()))
            sentence, verb = credit(self.rng, sentence.rstrip("."), variant.startswith("{"),
                                    draft.call(speaker, self.rng), draft.outlet.name)
            attribution = {"by": speaker.id, "verb": verb}
            title = f"{title}, {speaker.name} {VERB_IN_TITLE[verb]}"
        if not draft.say(sentence):
            return
        evidence = [sentence] + [d for d in self._details(template, spoken) if draft.say(d)]
        event_id = self.fresh(ids.suggest(title)[:60].rstrip("-") or "event")
        record = {"id": event_id, "title": title, "kind": template.kind}
        if date:
            record["date"] = date
        record["status"] = template.status
        record.update(self._where_and_who(template, fills))
        record["attribution"] = attribution
        record["description"] = template.sentences[0].format(**names, date="")
        related = self._related(template, draft)
        if related:
            record["related"] = [related]
        record["evidence"] = evidence
        draft.facts["events"].append(record)
        draft.ids.add(event_id)
        reported = Reported(event_id, template, fills, record)
        self.events.append(reported)
        self.event_reports.append(reported)

    def again(self, draft: Draft) -> None:
        """An earlier article's event reported again, under the same id, in this article's words."""
        recent = self.events[-150:]
        pick = self.rng.choice(self.event_reports) if self.rng.random() < 0.3 else self.rng.choice(recent)
        if pick.id in draft.ids:
            return
        names = self._names(pick.template, pick.fills, draft)
        phrase, date = again_date(self.rng, pick.record.get("date"))
        variant = self.rng.choice(pick.template.sentences)
        sentence = variant.format(**names, date=phrase)
        attribution = {"own": True}
        if self.rng.random() < 0.35:
            speaker = self.speaker(draft, list(pick.fills.values()))
            sentence, verb = credit(self.rng, sentence.rstrip("."), variant.startswith("{"),
                                    draft.call(speaker, self.rng), draft.outlet.name)
            attribution = {"by": speaker.id, "verb": verb}
        if not draft.say(sentence):
            return
        first = pick.record
        record = {"id": pick.id, "title": first["title"], "kind": first["kind"]}
        if date:
            record["date"] = date
        ongoing = first["status"] == "ongoing" and self.rng.random() < 0.7
        record["status"] = "ongoing" if ongoing else "completed"
        record.update({k: first[k] for k in ("places", "participants") if k in first})
        record.update({"attribution": attribution, "description": first["description"], "evidence": [sentence]})
        draft.facts["events"].append(record)
        draft.ids.add(pick.id)
        self.event_reports.append(pick)
        self._join(draft, pick.fills)

    def _fill(self, template: EventTemplate, draft: Draft) -> dict:
        fills: dict = {}
        for letter in template.slots:
            if template.kind == "leadership" and letter == "a":
                fills[letter] = fills["s"].affiliation
            else:
                fills[letter] = self.pick(draft, _POOLS[letter], list(fills.values()))
        return fills

    def pick(self, draft: Draft, pool: str, avoid=(), new: bool = True):
        """An actor or place for a sentence: mostly one the article already is about (its cast), else one
        drawn from the world (new ones only if new), which joins the cast."""
        cast = draft.cast.setdefault(pool, [])
        choices = [c for c in cast if c not in avoid]
        if choices and self.rng.random() < CAST_SHARE:
            return self.rng.choice(choices)
        world_pool = getattr(self.world, pool)
        chosen = world_pool.draw(avoid) if new or not world_pool.items else world_pool.known()
        if chosen in avoid:  # known() may repeat one: fall back on a draw that avoids
            chosen = world_pool.draw(avoid)
        if chosen not in cast:
            cast.append(chosen)
        return chosen

    def _join(self, draft: Draft, fills: dict) -> None:
        """An event reported again brings its actors and places into the article's cast."""
        for letter, entity in fills.items():
            cast = draft.cast.setdefault(_POOLS[letter], [])
            if entity not in cast:
                cast.append(entity)

    def _names(self, template: EventTemplate, fills: dict, draft: Draft | None = None) -> dict:
        """The words for each slot: the full names (for titles), or as a sentence of draft names them."""
        names = {letter: draft.call(entity, self.rng) if draft else entity.name for letter, entity in fills.items()}
        names["n"] = self.rng.randint(2, 48)
        names["nth"] = self.rng.choice(ORDINALS)
        return names

    def _details(self, template: EventTemplate, names: dict) -> list[str]:
        count = self.rng.choice((0, 1, 1, 2))
        return [d.format(**names) for d in self.rng.sample(template.details, min(count, len(template.details)))]

    @staticmethod
    def _where_and_who(template: EventTemplate, fills: dict) -> dict:
        found = {}
        places = [fills[letter].id for letter in template.slots if letter in "pqr"]
        if places:
            found["places"] = places
        found["participants"] = [{"actor": fills[letter].id, "role": role} for letter, role in template.roles.items()]
        return found

    def _related(self, template: EventTemplate, draft: Draft) -> dict | None:
        """How the event stands to an earlier one, now and then: a statement is about one, a rejection
        answers a proposal, a clash is part of a campaign."""
        earlier = [r for r in self.events[-80:] if r.id not in draft.ids or template.kind == "statement"]
        if template.kind == "statement" and earlier:
            return {"event": self.rng.choice(earlier).id, "relation": "about"}
        if template.kind == "rejection":
            proposals = [r for r in earlier if r.template.kind == "proposal"]
            return {"event": self.rng.choice(proposals).id, "relation": "response-to"} if proposals else None
        if earlier and self.rng.random() < 0.25:
            other = self.rng.choice(earlier)
            relation = "part-of" if other.template.kind == "campaign" else "follows"
            return {"event": other.id, "relation": relation}
        return None

    # ---- who speaks ----------------------------------------------------------------------------

    def speaker(self, draft: Draft, avoid=()) -> Actor:
        """Someone to credit a sentence to, other than those it is about: a person (introduced once) or an
        authority."""
        if self.rng.random() < 0.3:
            return self.pick(draft, "authorities", avoid)
        person = self.pick(draft, "people", avoid)
        if not person.introduced:
            self.introduce(person, draft)
        return person

    def introduce(self, person: Actor, draft: Draft) -> None:
        """Say who a person is: the relationship to the organization they speak for, lead or serve in."""
        org, title = person.affiliation, person.title
        if title == "spokesperson":
            kind, sentence = "speaks-for", f"{person.name} is a spokesperson for {org.name}."
        elif title in _LEADS:
            kind, sentence = "leads", f"{person.name} is the {title} of {org.name}."
        else:
            kind, sentence = "member-of", f"{person.name} serves as a {title} in {org.name}."
        if (person.id, kind, org.id) in draft.links or not draft.say(sentence):
            return
        person.introduced = True
        draft.named.update((person.id, org.id))
        self.link(draft, person.id, kind, org.id, sentence, {"own": True}, title)

    def link(self, draft: Draft, subject: str, kind: str, obj: str, sentence: str, attribution: dict,
              role: str = "") -> None:
        record = {"subject": subject, "kind": kind, "object": obj}
        if role:
            record["role"] = role
        record.update({"attribution": attribution, "evidence": [sentence]})
        draft.facts["relationships"].append(record)
        draft.links.add((subject, kind, obj))

def _paragraphs(sentences: list[str], sizes: list[int]) -> list[str]:
    """The sentences cut into paragraphs of the given sizes; any left over go in paragraphs of up to six."""
    paragraphs, at = [], 0
    for size in sizes:
        if at >= len(sentences):
            break
        paragraphs.append(" ".join(sentences[at:at + size]))
        at += size
    while at < len(sentences):
        paragraphs.append(" ".join(sentences[at:at + 6]))
        at += 6
    return paragraphs
