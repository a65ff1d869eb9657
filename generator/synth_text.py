"""The sentences of a synthetic corpus: event templates of every kind, attributions, dates in the article's words.

Every template is written in the article's own voice without a hedge word (vocabulary.HEDGES), so that an
own-attributed fact is honest; a hedged sentence is always built with `attributed`, whose fact names who
asserts it. Slots: a, b are armed actors; x, y authorities; o a civil organization; s a person; p, q
towns or cities; r a region. {date} is the date phrase, with its leading space, or nothing.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from .dates import MONTHS

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


@dataclass(frozen=True)
class EventTemplate:
    """One kind of event: the slots it fills, the sentences that report it, its title and the roles."""

    kind: str
    slots: str  # letters of the slots, actors first
    sentences: tuple[str, ...]
    title: str
    roles: dict[str, str]
    details: tuple[str, ...] = ()
    status: str = "completed"
    dated: bool = True


TEMPLATES = (
    EventTemplate("clash", "abp", ("{a} and {b} clashed in {p}{date}.",
                                   "Fighting broke out between {a} and {b} near {p}{date}.",
                                   "{a} fought {b} on the outskirts of {p}{date}."),
                  "{a} and {b} clash in {p}", {"a": "party to the clashes", "b": "party to the clashes"},
                  ("The fighting around {p} lasted {n} hours.", "Roads into {p} were closed after the fighting.",
                   "Shops in {p} stayed shut while {a} and {b} exchanged fire."), "ongoing"),
    EventTemplate("offensive", "abrp", ("{a} launched an offensive against {b} in {r}{date}.",
                                        "{a} began a push against {b} across {r}{date}."),
                  "{a} offensive against {b} in {r}", {"a": "attacker", "b": "defender"},
                  ("{a} moved armoured columns toward {p}.", "The offensive aims to drive {b} out of {p}."),
                  "ongoing"),
    EventTemplate("capture", "abpq", ("{a} took control of {p} from {b}{date}.", "{b} lost {p} to {a}{date}."),
                  "{a} captures {p}", {"a": "took control", "b": "lost control"},
                  ("{a} raised its flag over the center of {p}.", "Fighters of {b} withdrew from {p} toward {q}.")),
    EventTemplate("battle", "abp", ("The battle for {p} between {a} and {b} entered its {nth} week{date}.",
                                    "{a} and {b} fought street by street for {p}{date}."),
                  "Battle for {p}", {"a": "attacker", "b": "defender"},
                  ("The battle has destroyed much of the old city of {p}.",
                   "Hospitals in {p} ran short of fuel during the battle."), "ongoing"),
    EventTemplate("defeat", "abp", ("{b} suffered a heavy defeat at {p} at the hands of {a}{date}.",
                                    "{a} routed {b} near {p}{date}."),
                  "Defeat of {b} at {p}", {"a": "victor", "b": "defeated"},
                  ("{b} left {n} vehicles behind near {p}.",)),
    EventTemplate("relocation", "bpq", ("Commanders of {b} moved from {p} to {q}{date}.",
                                        "{b} shifted its headquarters from {p} to {q}{date}."),
                  "{b} moves its command from {p} to {q}", {"b": "relocated"}),
    EventTemplate("tension", "abr", ("Tensions between {a} and {b} grew along the edge of {r}{date}.",
                                     "{a} and {b} massed troops on either side of {r}{date}."),
                  "Tensions between {a} and {b} in {r}", {"a": "party to the tensions", "b": "party to the tensions"},
                  status="ongoing"),
    EventTemplate("campaign", "abr", ("{a} is waging a campaign against {b} across {r}.",
                                      "{a} has pressed its campaign against {b} throughout {r}."),
                  "{a} campaign against {b} in {r}", {"a": "leads the campaign", "b": "target"},
                  status="ongoing", dated=False),
    EventTemplate("referendum", "xr", ("{x} held a referendum on autonomy for {r}{date}.",
                                       "Voters in {r} took part in a referendum on autonomy organized by {x}{date}."),
                  "Referendum on autonomy for {r}", {"x": "held the vote"}),
    EventTemplate("proposal", "xyr", ("{x} proposed talks with {y} on the future of {r}{date}.",
                                      "{x} offered {y} a ceasefire in {r}{date}."),
                  "{x} proposes talks with {y} on {r}", {"x": "proposer", "y": "offered talks"}),
    EventTemplate("demand", "xap", ("{x} demanded that {a} withdraw from {p}{date}.",
                                    "{x} ordered {a} to leave {p}{date}."),
                  "{x} demands that {a} leave {p}", {"x": "made the demand", "a": "told to withdraw"}),
    EventTemplate("rejection", "yx", ("{y} rejected the offer of talks from {x}{date}.",
                                      "{y} turned down the terms set by {x}{date}."),
                  "{y} rejects the terms of {x}", {"y": "rejected the offer", "x": "made the offer"}),
    EventTemplate("statement", "sp", ("{s} spoke to reporters in {p}{date}.",
                                      "{s} gave a news conference in {p}{date}."),
                  "{s} speaks to reporters in {p}", {"s": "speaker"}),
    EventTemplate("disruption", "apq", ("{a} blocked the road between {p} and {q}{date}.",
                                        "Checkpoints set up by {a} cut the road between {p} and {q}{date}."),
                  "{a} cuts the road between {p} and {q}", {"a": "blocked the road"}, status="ongoing"),
    EventTemplate("diversion-of-resources", "opq", ("{o} moved its aid convoys from {p} to {q}{date}.",
                                                    "{o} sent its relief trucks away from {p} to {q}{date}."),
                  "{o} diverts aid from {p} to {q}", {"o": "moved its convoys"}),
    EventTemplate("leadership", "sa", ("{s} took command of {a}{date}.", "{s} became the head of {a}{date}."),
                  "{s} takes command of {a}", {"s": "took command", "a": "under new command"}),
)
# How often each kind is reported, as a weight: fighting more than referendums.
WEIGHTS = {"clash": 9, "offensive": 5, "capture": 5, "battle": 3, "defeat": 3, "relocation": 2, "tension": 3,
           "campaign": 2, "referendum": 1, "proposal": 2, "demand": 2, "rejection": 1, "statement": 4,
           "disruption": 2, "diversion-of-resources": 2, "leadership": 1}
# An assessment is someone's estimate by nature: its sentence always carries its attribution.
ASSESSMENT = EventTemplate("assessment", "xbr", ("{x} assesses that {b} has lost control of most of {r}.",),
                           "{b} has lost most of {r}, {x} assesses", {"b": "lost ground"}, dated=False)

# Sentences that credit a clause to someone: (form, verb of attribution). {c} is the clause, {C} capitalized.
ATTRIBUTIONS = (
    ("{s} said {c}.", "says"), ("{C}, {s} said.", "says"), ("{s} told {outlet} that {c}.", "told"),
    ("{s} confirmed that {c}.", "confirms"), ("According to {s}, {c}.", "says"), ("{s} believes that {c}.", "believes"),
)
VERB_IN_TITLE = {"says": "says", "told": "says", "confirms": "confirms", "believes": "believes"}

QUOTES = (
    "We will not leave {p}", "Our forces are ready to defend {p}", "The people of {p} need food and medicine now",
    "There is no military solution in {r}", "We are ready to talk with {x}", "{a} must withdraw from {p}",
    "Every family in {p} has lost someone", "The road to {p} must stay open", "We will rebuild {p}",
    "Nobody in {r} wants another war", "The children of {p} have not been to school for months",
)
QUOTE_FORMS = (("“{t},” {s} said.", None), ("{s} said: “{t}.”", None), ("“{t},” {s} told {outlet}.", "to"))


def credit(rng: random.Random, clause: str, starts_with_name: bool, speaker: str, outlet: str) -> tuple[str, str]:
    """A clause (a sentence without its period) credited to speaker, and the verb of attribution."""
    form, verb = rng.choice(ATTRIBUTIONS)
    lowered = clause if starts_with_name else clause[0].lower() + clause[1:]
    return form.format(s=speaker, c=lowered, C=clause, outlet=outlet), verb


# ---- dates ------------------------------------------------------------------------------------

def new_date(rng: random.Random, published: datetime.date) -> tuple[str, dict | None]:
    """A date of an event the article reports: the words for the sentence, and the date record."""
    roll = rng.random()
    if roll < 0.4:
        day = published - datetime.timedelta(days=rng.randint(0, 6))
        weekday = WEEKDAYS[day.weekday()]
        return f" on {weekday}", {"precision": "day", "value": day.isoformat(), "phrase": weekday}
    if roll < 0.55:
        day = published - datetime.timedelta(days=rng.randint(7, 60))
        words = f"{day.day} {MONTHS[day.month - 1]}" + ("" if day.year == published.year else f" {day.year}")
        return f" on {words}", {"precision": "day", "value": day.isoformat(), "phrase": words}
    if roll < 0.63 and published.day > 3:
        return " earlier this month", {"precision": "range", "start": published.replace(day=1).isoformat(),
                                       "end": published.isoformat(), "phrase": "earlier this month"}
    if roll < 0.71:
        start = published - datetime.timedelta(days=14)
        return " in recent days", {"precision": "range", "start": start.isoformat(), "end": published.isoformat(),
                                   "approximate": True, "phrase": "in recent days"}
    if roll < 0.78:
        monday = published - datetime.timedelta(days=published.weekday() + 7)
        return " last week", {"precision": "range", "start": monday.isoformat(),
                              "end": (monday + datetime.timedelta(days=6)).isoformat(), "phrase": "last week"}
    if roll < 0.86:
        month = (published.replace(day=1) - datetime.timedelta(days=rng.randint(1, 120))).replace(day=1)
        words = f"{MONTHS[month.month - 1]} {month.year}"
        return f" in {words}", {"precision": "month", "value": month.isoformat()[:7], "phrase": words}
    return "", None


def again_date(rng: random.Random, spec: dict | None) -> tuple[str, dict | None]:
    """The date of an event reported again later: the same date in words that do not depend on the day
    of the later article; now and then a day off, as two outlets may differ."""
    if spec is None:
        return "", None
    if spec["precision"] == "day":
        day = datetime.date.fromisoformat(spec["value"])
        if rng.random() < 0.15:
            day += datetime.timedelta(days=rng.choice((-1, 1)))
        words = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        return f" on {words}", {"precision": "day", "value": day.isoformat(), "phrase": words}
    if spec["precision"] == "month":
        return f" in {spec['phrase']}", dict(spec)
    start, end = (datetime.date.fromisoformat(spec[k]) for k in ("start", "end"))
    words = f"between {_day(start)} and {_day(end)}"
    again = {"precision": "range", "start": spec["start"], "end": spec["end"], "phrase": words}
    if spec.get("approximate"):
        again["approximate"] = True
    return f" {words}", again


def _day(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
