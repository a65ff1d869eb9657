"""The allowed values of the data's closed fields, each with the words the pages use for it.

One source: every table that interprets a value (how an actor kind is grouped, how a relationship
reads from either end, where an identifier links) lives here, beside the place in the JSON Schema
that lists the same values for editors. `check_schemas` refuses to run on a schema that disagrees
(a value added to the schema and not here would otherwise vanish from a page, or crash a stage),
and `tests/test_registry.py` runs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem
from .wording import humanize


@dataclass(frozen=True)
class Vocabulary:
    """A closed field: the schema file and JSON pointer that list its values, and each value's words."""

    name: str
    schema: str  # file in generator/schema/
    pointer: str  # JSON pointer to the node holding "enum" (or "properties", for a set of keys)
    words: dict  # value -> what pages say for it, in the order pages list them
    keys: bool = False  # True: the values are the node's property names, not its enum

    def __getitem__(self, value: str):
        return self.words[value]

    def __iter__(self):
        return iter(self.words)


ACTOR_KINDS = Vocabulary("actor kinds", "actors.schema.json", "/$defs/actor/properties/kind", {
    # kind -> the group title of the actors index, in the order the index shows the groups
    "person": "People", "government": "Governments", "state": "States", "armed-force": "Armed forces",
    "armed-group": "Armed groups", "coalition": "Coalitions", "group": "Groups", "organization": "Organizations",
    "political-entity": "Political entities", "media-outlet": "Media outlets",
})
def _as_read(*values: str) -> dict[str, str]:
    """Values that read as they are written, their hyphens as spaces ('river-valley': 'river valley')."""
    return {value: humanize(value) for value in values}


PLACE_KINDS = Vocabulary("place kinds", "places.schema.json", "/$defs/place/properties/kind", _as_read(
    "country", "region", "province", "city", "town", "river-valley", "river", "border-area"))
EVENT_KINDS = Vocabulary("event kinds", "article.schema.json", "/$defs/event/properties/kind", _as_read(
    "clash", "tension", "offensive", "battle", "campaign", "capture", "defeat", "referendum", "statement",
    "proposal", "demand", "rejection", "opposition", "assessment", "relocation", "diversion-of-resources",
    "disruption", "leadership"))
# How an event relation reads from each end: (from the event that states it, from the other one).
EVENT_RELATIONS = Vocabulary("event relations", "article.schema.json", "/$defs/related/properties/relation", {
    "part-of": ("Part of", "Includes"),
    "response-to": ("In response to", "Prompted"),
    "caused-by": ("Caused by", "Led to"),
    "follows": ("Follows", "Followed by"),
    "about": ("About", "Subject of"),
    "undermines": ("Undermines", "Undermined by"),
})
# How a relationship reads from its subject and from its object.
ACTOR_RELATIONS = Vocabulary("relationship kinds", "article.schema.json", "/$defs/relationship/properties/kind", {
    "opposes": ("Opposes", "Opposed by"),
    "clashes-with": ("Clashes with", "Clashes with"),
    "allied-with": ("Allied with", "Allied with"),
    "part-of": ("Part of", "Includes"),
    "member-of": ("Member of", "Has as a member"),
    "leads": ("Leads", "Led by"),
    "speaks-for": ("Speaks for", "Spokesperson"),
    "backed-by": ("Backed by", "Backs"),
})
# How a verb of attribution reads on a page ({who}: the actor's link, or the unnamed source): it leads a
# description ("The US military assesses: ...") and follows a claim in a list ("(the US military assesses)").
ATTRIBUTION_VERBS = Vocabulary("attribution verbs", "article.schema.json", "/$defs/attribution/properties/verb", {
    "says": "according to {who}",
    "told": "according to {who}",
    "believes": "{who} believes",
    "assesses": "{who} assesses",
    "confirms": "{who} confirms",
    "denies": "{who} denies",
    "fears": "{who} fears",
    "calls": "in the words of {who}",
})
# Words that, in an evidence passage, show the fact is someone's claim or a hedged one, not the article's
# own statement (validate._hedges): each passage holding one needs an attribution. Each word, and why.
HEDGES = {
    "according to": "credits the account to someone",
    "said": "reports someone's words", "says": "reports someone's words", "say": "reports someone's words",
    "told": "reports what someone told someone", "tells": "reports what someone tells someone",
    "believes": "a belief, not an established fact", "believe": "a belief, not an established fact",
    "believed": "a belief, not an established fact",
    "assesses": "an assessment, an estimate", "assessed": "an assessment, an estimate",
    "assessment": "an assessment, an estimate",
    "confirmed": "someone vouches for it", "confirms": "someone vouches for it",
    "denied": "someone disputes it", "denies": "someone disputes it",
    "concerns": "a worry, not an event", "concerned": "a worry, not an event",
    "fears": "a worry, not an event", "feared": "a worry, not an event",
    "could": "a possibility, not a fact", "might": "a possibility, not a fact",
    "likely": "a probability, not a fact", "possibly": "a possibility, not a fact",
    "reportedly": "a report the article does not vouch for", "alleged": "a claim not proven",
    "allegedly": "a claim not proven", "claims": "a claim, disputed or unproven", "claimed": "a claim, disputed or unproven",
    "suspected": "a suspicion, not a fact", "apparently": "an impression, not a fact",
    "called": "someone's words for it, not the article's",
}
# 'may' is left out: it is also the month.

# Where an identifier in an external database links: its name as the infobox shows it, and the address.
IDENTIFIERS = Vocabulary("identifiers", "common.schema.json", "/$defs/identifiers/properties", {
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "geonames": ("Geonames", "https://www.geonames.org/{}"),
}, keys=True)

# What a source's paragraphs are, as its page says it.
SOURCE_TEXT = Vocabulary("source texts", "article.schema.json", "/$defs/source/properties/text", {
    "verbatim": "the article's own words",
    "editor-summary": "the editor's summary of the article, not its words",
})

VOCABULARIES = (
    SOURCE_TEXT, ACTOR_KINDS, PLACE_KINDS, EVENT_KINDS, EVENT_RELATIONS, ACTOR_RELATIONS, ATTRIBUTION_VERBS,
    IDENTIFIERS,
)


def schema_values(schemas: dict[str, dict], vocabulary: Vocabulary) -> list[str]:
    """The values the schema allows for a vocabulary's field, in the schema's order."""
    node = schemas[vocabulary.schema]
    for part in vocabulary.pointer.strip("/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return list(node) if vocabulary.keys else list(node["enum"])


def disagreements(schemas: dict[str, dict], texts: dict[str, str]) -> list[Problem]:
    """A problem for each value the schema and its vocabulary do not share; none when all agree."""
    found = []
    for vocabulary in VOCABULARIES:
        allowed = schema_values(schemas, vocabulary)
        text = texts[vocabulary.schema]
        for value in (v for v in allowed if v not in vocabulary.words):
            found.append(_problem(vocabulary, text, value, "is allowed by the schema",
                                  f"add {value!r} to {vocabulary.name} in generator/vocabulary.py, with its words"))
        for value in (v for v in vocabulary.words if v not in allowed):
            found.append(_problem(vocabulary, text, value, "is not allowed by the schema",
                                  f"add {value!r} to the schema at {vocabulary.pointer}, or remove it from "
                                  f"{vocabulary.name} in generator/vocabulary.py"))
    return found


def _problem(vocabulary: Vocabulary, text: str, value: str, found: str, hint: str) -> Problem:
    quoted = f'"{value}"'
    line = text.count("\n", 0, text.index(quoted)) + 1 if quoted in text else 1
    return Problem(f"generator/schema/{vocabulary.schema}", line, vocabulary.pointer,
                   f"the values of {vocabulary.name} in generator/vocabulary.py", f"{value!r}, which {found}", hint)


# Words of a date phrase that date by the article itself: the time they name ends by its publication.
PAST_WORDS = frozenset({"earlier", "ago", "yesterday", "last", "previous", "previously", "recent", "recently",
                        "past"})
# Words of a date phrase that give no exact day.
APPROXIMATE_WORDS = frozenset({"recent", "recently", "about", "around", "some", "several"})
