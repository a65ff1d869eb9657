"""The two-article fixture: a report of two articles of fictional outlets reporting the same event, figure,
quote and relationship, each with its own evidence, and differing in a date, a count and a participant.

    data = two_articles.write(tmp_path)   # tmp_path/data, ready to validate, render or build
"""

from __future__ import annotations

from pathlib import Path

from tests import factory
from tests.conftest import edit

COURIER = {"id": "courier", "name": "The Courier", "kind": "media-outlet", "description": "A second outlet."}
SECOND = "courier-2017-10-27-northtown"
SECOND_TEXT = [
    "The Red Army attacked Northtown on Wednesday, the Courier learned. Alice Smith said the attack was brutal.",
    "The Red Army said 500 fighters took part. Alice Smith said: “We will rebuild Northtown.”",
]
ATTACK = factory.event("attack", "the Red Army attacked Northtown", participants=[("red-army", "attacker")],
                       places=["northtown"], date={"precision": "day", "value": "2017-10-26"})
FIGHTERS = factory.figure("fighters", "Fighters who took part", "300 fighters took part",
                          value={"exact": 300, "unit": "fighters"}, attribution={"by": "red-army", "verb": "says"})
REBUILD = factory.quote("rebuild", "alice-smith", "We will rebuild Northtown.")
OPPOSES = factory.relationship("alice-smith", "opposes", "red-army", "Alice Smith said on Thursday",
                               attribution={"by": "alice-smith", "verb": "says"})


def second_article(data: Path, **changes) -> None:
    """The Courier's article: the same four facts, its own evidence, another date, count and participant."""
    article = {
        "source": {"id": SECOND, "title": "Northtown attacked", "outlet": "courier", "published": "2017-10-27",
                   "language": "en", "paragraphs": SECOND_TEXT},
        "events": [factory.event("attack", "The Red Army attacked Northtown on Wednesday",
                                 participants=[("red-army", "attacker"), ("alice-smith", "witness")],
                                 places=["northtown"], date={"precision": "day", "value": "2017-10-25"})],
        "figures": [factory.figure("fighters", "Fighters who took part", "The Red Army said 500 fighters took part",
                                   value={"exact": 500, "unit": "fighters"}, attribution={"by": "red-army", "verb": "says"})],
        "quotes": [factory.quote("rebuild", "alice-smith", "We will rebuild Northtown.")],
        "relationships": [factory.relationship("alice-smith", "opposes", "red-army",
                                               "Alice Smith said the attack was brutal",
                                               attribution={"by": "alice-smith", "verb": "says"})],
        **changes,
    }
    factory._dump(data / "articles" / f"{SECOND}.yaml", article)


def write(base: Path) -> Path:
    """Write the two-article report under base/data/ and return that folder."""
    data = factory.write(base, actors=[*factory.ACTORS, COURIER], events=[ATTACK], figures=[FIGHTERS],
                         quotes=[REBUILD], relationships=[OPPOSES])
    second_article(data)
    return data


def write_marked_up(base: Path, markup: str) -> Path:
    """The two-article report with the Red Army's description holding markup, and the markup an alias too."""
    data = write(base)
    edit(data / "actors.yaml", "  description: The force that attacked.",
         f"  description: 'The force that attacked. {markup} & <b>bold</b>'\n  aliases: ['{markup}']")
    return data
