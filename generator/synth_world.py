"""The invented world of a synthetic corpus (python -m generator synth): names, places with parents and
coordinates, actors of every kind, and how often each is mentioned.

Popularity follows Simon's model: a draw makes a new entity at a rate that slows as mentions accumulate,
else repeats an earlier mention picked uniformly (so an entity is picked in proportion to how often it
was), which gives the Zipf-like spread of real reporting: a few actors in a large share of the articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids
from .vocabulary import APPROXIMATE_WORDS, HEDGES, PAST_WORDS

_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "th", "br", "dr")
_VOWELS = ("a", "e", "i", "o", "u", "a", "o", "ai", "ou")
_CODAS = ("", "", "", "n", "r", "s", "l", "sh", "m")
# Words a generated name must not be: a hedge or a date word would turn a name into a claim or a date.
_REFUSED = {*HEDGES, *PAST_WORDS, *APPROXIMATE_WORDS, "may", "todo", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday"}

UNITS = ("Army", "Border Guard", "Air Force", "Republican Guard", "National Police", "Navy", "National Guard",
         "Special Forces")
GROUPS = ("Front", "Brigades", "Movement", "Liberation Army", "Militia", "Battalions", "Resistance")
COALITIONS = ("Alliance", "Coalition", "Defense Pact")
CIVIL = ("Relief Committee", "Aid Agency", "Human Rights League", "Medical Corps", "Refugee Council")
GROUP_KINDS = ("Tribal Council", "Elders Council", "Residents Council")
OUTLETS = ("The {} Herald", "{} News", "{} Today", "Radio {}", "The {} Times", "{} Press Agency", "The {} Post")


@dataclass
class Place:
    """A place of the world: its parent is the place that contains it (a city's region, a region's country)."""

    id: str
    name: str
    kind: str
    parent: Place | None
    lat: float
    lon: float
    located: bool  # whether its record gives coordinates (with a cited gazetteer)

    def country(self) -> Place:
        """The top-level place that contains it."""
        return self if self.parent is None else self.parent.country()


@dataclass
class Actor:
    """An actor of the world; a person has an affiliation and a title ('spokesperson' of an organization)."""

    id: str
    name: str
    kind: str
    description: str
    aliases: list[str] = field(default_factory=list)
    affiliation: Actor | None = None
    title: str = ""
    introduced: bool = False  # whether an article has said who the person is yet


class Pool:
    """Entities of one sort, drawn with Zipf-like popularity: new ones at a rate of rate * n ** -slowing."""

    def __init__(self, rng: random.Random, make, rate: float, slowing: float, cap: int | None = None):
        self.rng, self.make, self.rate, self.slowing, self.cap = rng, make, rate, slowing, cap
        self.items: list = []
        self.mentions: list = []

    def draw(self, avoid=()):
        """One mention: a new entity, or an earlier one in proportion to its mentions, never one of avoid."""
        item = None
        room = self.cap is None or len(self.items) < self.cap
        if room and (not self.items or self.rng.random() < self.rate * (len(self.mentions) + 1) ** -self.slowing):
            item = self._new()
        for _ in range(12 if item is None else 0):
            candidate = self.rng.choice(self.mentions)
            if candidate not in avoid:
                item = candidate
                break
        if item is None:
            left = [x for x in self.items if x not in avoid]
            item = self.rng.choice(left) if left or not room else self._new()
        self.mentions.append(item)
        return item

    def known(self):
        """An entity already mentioned, in proportion to its mentions (a new one only when there is none)."""
        if not self.items:
            return self.draw()
        item = self.rng.choice(self.mentions)
        self.mentions.append(item)
        return item

    def _new(self):
        item = self.make()
        self.items.append(item)
        return item



def fresh_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3, ...: the first valid id not taken, which is then taken."""
    candidate, number = base, 2
    while candidate in taken or not ids.is_valid(candidate):
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate

class World:
    """Every name, place and actor made so far, and the pools articles draw them from."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names: set[str] = set()  # every name and alias, casefolded: each may stand for one entity
        self.ids: set[str] = set()
        self.places: list[Place] = []
        self.actors: list[Actor] = []
        self.countries = Pool(rng, self._country, 1.0, 0.6)
        self.regions = Pool(rng, self._region, 1.0, 0.45)
        self.cities = Pool(rng, self._city, 2.0, 0.35)
        self.forces = Pool(rng, self._force, 3.0, 0.4)
        self.authorities = Pool(rng, self._authority, 2.0, 0.45)
        self.civil = Pool(rng, self._civil, 1.0, 0.4)
        self.people = Pool(rng, self._person, 1.2, 0.3)
        self.outlets = Pool(rng, self._outlet, 1.0, 0.3, cap=36)

    # ---- names ------------------------------------------------------------------------------------

    def word(self) -> str:
        """An invented word of two or three syllables, capitalized, that is no hedge or date word."""
        while True:
            syllables = self.rng.choice((2, 2, 3))
            text = "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(syllables))
            text += self.rng.choice(_CODAS)
            if text not in _REFUSED and len(text) <= 12:
                return text.capitalize()

    def claim(self, name: str) -> bool:
        """Take a name for one entity; False when another already has it."""
        if name.casefold() in self.names:
            return False
        self.names.add(name.casefold())
        return True

    def _fresh_id(self, name: str) -> str:
        return fresh_id(ids.suggest(name) or "entity", self.ids)

    def _named(self, shape: str) -> str:
        while True:
            name = shape.format(self.word())
            if self.claim(name):
                return name

    # ---- places -----------------------------------------------------------------------------------

    def _place(self, name: str, kind: str, parent: Place | None, spread: float, located: float) -> Place:
        lat = parent.lat + self.rng.uniform(-spread, spread) if parent else self.rng.uniform(15, 45)
        lon = parent.lon + self.rng.uniform(-spread, spread) if parent else self.rng.uniform(25, 65)
        place = Place(self._fresh_id(name), name, kind, parent, round(lat, 2), round(lon, 2),
                      self.rng.random() < located)
        self.places.append(place)
        return place

    def _country(self) -> Place:
        return self._place(self._named("{}"), "country", None, 0, 1.0)

    def _region(self) -> Place:
        kind = self.rng.choice(("region", "region", "province"))
        name = self._named("{} Province" if kind == "province" else "{}")
        return self._place(name, kind, self.countries.draw(), 2.5, 0.5)

    def _city(self) -> Place:
        roll = self.rng.random()
        if roll < 0.04:
            return self._place(self._named("{} River"), "river", self.countries.draw(), 2.0, 0.3)
        if roll < 0.07:
            return self._place(self._named("{} Valley"), "river-valley", self.countries.draw(), 2.0, 0.3)
        kind = "city" if roll < 0.45 else "town"
        return self._place(self._named("{}"), kind, self.regions.draw(), 0.8, 0.6)

    # ---- actors -----------------------------------------------------------------------------------

    def _actor(self, name: str, kind: str, description: str, aliases=()) -> Actor:
        actor = Actor(self._fresh_id(name), name, kind, description, [a for a in aliases if self.claim(a)])
        self.actors.append(actor)
        return actor

    def demonym(self, country: Place) -> str:
        """The adjective of a country's name: Velmora gives Velmoran, Tarkesh gives Tarkeshi."""
        name = country.name
        return name + ("n" if name[-1] in "aeiou" else "i")

    def _force(self) -> Actor:
        roll = self.rng.random()
        if roll < 0.45:
            country = self.countries.known()
            for unit in self.rng.sample(UNITS, len(UNITS)):
                name = f"{self.demonym(country)} {unit}"
                if self.claim(name):
                    return self._actor(name, "armed-force", f"An armed force of {country.name}.")
        if roll < 0.85:
            name = self._named("{} " + self.rng.choice(GROUPS))
            acronym = "".join(w[0] for w in name.split()).upper()
            aliases = [acronym] if len(acronym) >= 3 and self.rng.random() < 0.5 else []
            return self._actor(name, "armed-group", "An armed group fighting in the region.", aliases)
        name = self._named("{} " + self.rng.choice(COALITIONS))
        return self._actor(name, "coalition", "A military coalition of several states.")

    def _authority(self) -> Actor:
        roll = self.rng.random()
        if roll < 0.6:
            country = self.countries.known()
            name = f"Government of {country.name}"
            if self.claim(name):
                return self._actor(name, "government", f"The government of {country.name}.")
            name = f"Republic of {country.name}"
            if self.claim(name):
                return self._actor(name, "state", f"The state of {country.name}.")
        region = self.regions.known()
        for shape in ("{} Regional Council", "{} Regional Government", "Assembly of {}"):
            if self.claim(shape.format(region.name)):
                return self._actor(shape.format(region.name), "political-entity",
                                   f"The elected authority of {region.name}.")
        name = self._named("{} Party")
        return self._actor(name, "political-entity", "A political party.")

    def _civil(self) -> Actor:
        if self.rng.random() < 0.7:
            name = self._named("{} " + self.rng.choice(CIVIL))
            return self._actor(name, "organization", "An organization that works with civilians.")
        name = self._named("{} " + self.rng.choice(GROUP_KINDS))
        return self._actor(name, "group", "A local group that speaks for its community.")

    def _person(self) -> Actor:
        while True:
            first, last = self.word(), self.word()
            name = f"{first} {last}"
            if self.claim(name):
                break
        pool = self.rng.choice((self.forces, self.forces, self.authorities, self.civil))
        affiliation = pool.draw()
        title = self.rng.choice(_TITLES[affiliation.kind])
        person = self._actor(name, "person", f"The {title} of {affiliation.name}." if title in _ONE_OF
                             else f"A {title} of {affiliation.name}.", [last])
        person.affiliation, person.title = affiliation, title
        return person

    def _outlet(self) -> Actor:
        name = self._named(self.rng.choice(OUTLETS))
        return self._actor(name, "media-outlet", "A news outlet whose articles the report draws on.")


# A person's title, by the kind of the organization they belong to; and the titles only one person holds.
_TITLES = {
    "armed-force": ("spokesperson", "commander", "officer"), "armed-group": ("spokesperson", "leader", "commander"),
    "coalition": ("spokesperson", "commander"), "government": ("spokesperson", "minister", "prime minister"),
    "state": ("spokesperson", "president"), "political-entity": ("spokesperson", "leader", "member"),
    "organization": ("spokesperson", "director", "field coordinator"), "group": ("spokesperson", "leader"),
}
_ONE_OF = {"prime minister", "president"}
