"""The figures of a synthetic article: each number written in the text as its value records it.

A figure an earlier article gave (fighters of an armed actor in a town) is now and then given again under
the same id with another count and another source, so the report shows where its articles differ.
"""

from __future__ import annotations

from . import ids
from .synth_text import new_date


def figure(writer, draft) -> None:
    """Add one figure to the draft article (writer: synth_article.Writer), with the sentence that gives it."""
    if writer.figures and writer.rng.random() < 0.15:
        _fighters_again(writer, draft)
        return
    make = writer.rng.choices((_fighters, _killed, _fled, _aid), (3, 2, 2, 2))[0]
    make(writer, draft)


def _add(writer, draft, claim: str, sentence: str, value: dict, attribution: dict, about: dict,
         figure_id: str | None = None) -> str | None:
    """The figure's record in the draft, or None when its sentence would repeat one already there."""
    if figure_id in draft.ids or not draft.say(sentence):
        return None
    figure_id = figure_id or writer._fresh(ids.suggest(claim)[:60].rstrip("-"))
    record = {"id": figure_id, "claim": claim, "value": value, "attribution": attribution, **about,
              "evidence": [sentence]}
    draft.facts["figures"].append(record)
    draft.ids.add(figure_id)
    return figure_id


def _fighters(writer, draft) -> None:
    rng = writer.rng
    force, town = writer.pick(draft, "forces"), writer.pick(draft, "cities")
    count = rng.randint(2, 100) * 50
    speaker = writer._speaker(draft, [force])
    sentence = f"{draft.call(force, rng)} has about {count:,} fighters in {town.name}, {draft.call(speaker, rng)} said."
    claim = f"Fighters of {force.name} in {town.name}"
    made = _add(writer, draft, claim, sentence, {"exact": count, "approximate": True, "unit": "fighters"},
                {"by": speaker.id, "verb": "says"}, {"actors": [force.id], "places": [town.id]})
    if made:
        writer.figures.append((made, force, town))


def _fighters_again(writer, draft) -> None:
    figure_id, force, town = writer.rng.choice(writer.figures)
    count = writer.rng.randint(2, 100) * 50
    speaker = writer._speaker(draft, [force])
    sentence = f"{draft.call(speaker, writer.rng)} said {draft.call(force, writer.rng)} has {count:,} fighters in {town.name}."
    _add(writer, draft, f"Fighters of {force.name} in {town.name}", sentence, {"exact": count, "unit": "fighters"},
         {"by": speaker.id, "verb": "says"}, {"actors": [force.id], "places": [town.id]}, figure_id)


def _killed(writer, draft) -> None:
    fought = [r for r in writer.events[-40:] if r.id in draft.ids and "p" in r.fills
              and r.template.kind in ("clash", "battle", "capture", "defeat", "offensive")]
    if not fought:
        _fled(writer, draft)
        return
    event = writer.rng.choice(fought)
    town, count = event.fills["p"], writer.rng.randint(3, 250)
    sentence = f"At least {count} people were killed in the fighting in {town.name}."
    # One id per event: a later article that gives the toll of the same fighting gives the same figure.
    _add(writer, draft, f"People killed in the fighting in {town.name}", sentence,
         {"min": count, "unit": "people killed"}, {"own": True}, {"places": [town.id], "events": [event.id]},
         f"killed-{event.id}")


def _fled(writer, draft) -> None:
    rng = writer.rng
    group, town = writer.pick(draft, "civil"), writer.pick(draft, "cities")
    low = rng.randint(2, 60) * 100
    high = low + rng.randint(1, 40) * 100
    sentence = f"Between {low:,} and {high:,} residents have fled {town.name}, according to {group.name}."
    _add(writer, draft, f"Residents who have fled {town.name}", sentence,
         {"min": low, "max": high, "unit": "residents who fled"}, {"by": group.id, "verb": "says"},
         {"actors": [group.id], "places": [town.id]})


def _aid(writer, draft) -> None:
    rng = writer.rng
    group, town = writer.pick(draft, "civil"), writer.pick(draft, "cities")
    tonnes = rng.randint(5, 400) * 5
    phrase, date = new_date(rng, draft.published)
    sentence = f"{group.name} delivered {tonnes:,} tonnes of food to {town.name}{phrase}."
    about = {"actors": [group.id], "places": [town.id], **({"date": date} if date else {})}
    _add(writer, draft, f"Food delivered by {group.name} to {town.name}", sentence,
         {"exact": tonnes, "unit": "tonnes of food"}, {"own": True}, about)
