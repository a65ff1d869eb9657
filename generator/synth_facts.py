"""The facts of a synthetic article besides its events: figures, quotes and relationships, each with the
sentence that gives it (writer: a synth_article.Writer, draft: its synth_article.Draft).

Each number is written in the text as its value records it. A figure an earlier article gave (fighters of
an armed actor in a town) is now and then given again under the same id with another count and another
source, and earlier words are quoted again, so the report shows one fact with several reports.
"""

from __future__ import annotations

from . import ids
from .synth_text import QUOTE_FORMS, QUOTES, credit, new_date


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
    figure_id = figure_id or writer.fresh(ids.suggest(claim)[:60].rstrip("-"))
    record = {"id": figure_id, "claim": claim, "value": value, "attribution": attribution, **about,
              "evidence": [sentence]}
    draft.facts["figures"].append(record)
    draft.ids.add(figure_id)
    return figure_id


def _fighters(writer, draft) -> None:
    rng = writer.rng
    force, town = writer.pick(draft, "forces"), writer.pick(draft, "cities")
    count = rng.randint(2, 100) * 50
    speaker = writer.speaker(draft, [force])
    sentence = f"{draft.call(force, rng)} has about {count:,} fighters in {town.name}, {draft.call(speaker, rng)} said."
    claim = f"Fighters of {force.name} in {town.name}"
    made = _add(writer, draft, claim, sentence, {"exact": count, "approximate": True, "unit": "fighters"},
                {"by": speaker.id, "verb": "says"}, {"actors": [force.id], "places": [town.id]})
    if made:
        writer.figures.append((made, force, town))


def _fighters_again(writer, draft) -> None:
    figure_id, force, town = writer.rng.choice(writer.figures)
    count = writer.rng.randint(2, 100) * 50
    speaker = writer.speaker(draft, [force])
    said, named = draft.call(speaker, writer.rng), draft.call(force, writer.rng)
    sentence = f"{said} said {named} has {count:,} fighters in {town.name}."
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


def quote(writer, draft) -> None:
    """Words of a person: new ones, or now and then words an earlier article quoted."""
    if writer.quotes and writer.rng.random() < 0.2:
        earlier = writer.rng.choice(writer.quotes)
        quote_id, speaker, text = earlier["id"], earlier["speaker"], earlier["text"]
    else:
        speaker = writer.pick(draft, "people")
        # Names the quote mentions are ones other facts connect: a quote links no place or actor itself.
        text = writer.rng.choice(QUOTES).format(**{letter: writer.pick(draft, pool, new=False).name for letter, pool
                                                 in (("p", "cities"), ("r", "regions"), ("x", "authorities"),
                                                     ("a", "forces"))})
        quote_id = None
    if (quote_id or "") in draft.ids:
        return
    form, to = writer.rng.choice(QUOTE_FORMS)
    sentence = form.format(t=text, s=draft.call(speaker, writer.rng), outlet=draft.outlet.name)
    if not speaker.introduced:
        writer.introduce(speaker, draft)
    if not draft.say(sentence):
        return
    quote_id = quote_id or writer.fresh(ids.suggest(f"{speaker.name} {text}")[:60].rstrip("-"))
    record = {"id": quote_id, "speaker": speaker.id, "text": text}
    if to:
        record["to"] = draft.outlet.id
    spoke = [e["id"] for e in draft.facts["events"] if e["kind"] == "statement"
             and any(p["actor"] == speaker.id for p in e.get("participants", []))]
    if spoke:
        record["event"] = spoke[0]
    record["evidence"] = [sentence]
    draft.facts["quotes"].append(record)
    draft.ids.add(quote_id)
    writer.quotes.append({"id": quote_id, "speaker": speaker, "text": text})


def relationship(writer, draft) -> None:
    """How two actors stand: backed by, allied with, opposed to, part of a coalition."""
    world, rng = writer.world, writer.rng
    a = writer.pick(draft, "forces")
    roll = rng.random()
    year = draft.published.year - rng.randint(1, 9)
    if roll < 0.3:
        x = writer.pick(draft, "authorities", [a])
        kind, obj, sentence = "backed-by", x, f"{a.name} is backed by {x.name}."
    elif roll < 0.55:
        b = writer.pick(draft, "forces", [a])
        kind, obj, sentence = "allied-with", b, f"{a.name} and {b.name} have fought side by side since {year}."
    elif roll < 0.8:
        b = writer.pick(draft, "forces", [a])
        kind, obj, sentence = "opposes", b, f"{a.name} has opposed {b.name} since {year}."
    else:
        coalitions = [c for c in world.forces.items if c.kind == "coalition" and c is not a]
        if not coalitions or a.kind == "coalition":
            return
        c = rng.choice(coalitions)
        kind, obj, sentence = "part-of", c, f"{a.name} is part of {c.name}."
    if (a.id, kind, obj.id) in draft.links:
        return
    attribution = {"own": True}
    if rng.random() < 0.2:
        speaker = writer.speaker(draft, [a, obj])
        sentence, verb = credit(rng, sentence.rstrip("."), True, draft.call(speaker, rng), draft.outlet.name)
        attribution = {"by": speaker.id, "verb": verb}
    if draft.say(sentence):
        writer.link(draft, a.id, kind, obj.id, sentence, attribution)
