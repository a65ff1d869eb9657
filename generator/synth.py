"""python -m generator synth: a synthetic corpus in the project's own data format, for benchmarks.

`synth --articles N --seed S --out DIR` writes DIR/report.yaml, actors.yaml, places.yaml and articles/*.yaml:
a valid dataset of an invented world (synth_world), its articles written by synth_article. The same N and S
give byte-identical files: one random.Random(S) makes every choice, no date comes from the clock, and
nothing is ordered by hash().
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from . import synth_yaml
from .synth_article import Writer
from .synth_world import Place, World

FIRST_DAY = datetime.date(2016, 1, 4)
DAYS = 730  # the articles are spread over two years
MARK = "# A synthetic corpus written by python -m generator synth"  # the first line of its report.yaml
_PRECISION = {"country": "country", "region": "area", "province": "area", "river": "area", "river-valley": "area",
              "city": "settlement", "town": "settlement"}


class SynthError(Exception):
    """The corpus cannot be written where asked; the message says why."""


def corpus(articles: int, seed: int) -> dict[str, dict]:
    """Every file of the corpus, by its path under the output folder, as the document to write."""
    rng = random.Random(seed)
    world = World(rng)
    writer = Writer(rng, world)
    days = sorted(rng.randrange(DAYS) for _ in range(articles))
    files: dict[str, dict] = {}
    for day in days:
        article = writer.article(FIRST_DAY + datetime.timedelta(days=day))
        files[f"articles/{article['source']['id']}.yaml"] = article
    outlets = sum(1 for actor in world.actors if actor.kind == "media-outlet")
    summary = (f"An invented conflict reported by {outlets} invented outlets in {articles} articles: a synthetic "
               f"corpus (seed {seed}) for measuring how the report scales. No place, actor or event in it is real.")
    head = {"report.yaml": {"report": {"title": "A synthetic report", "summary": summary, "language": "en"}},
            "actors.yaml": {"actors": [_actor(actor) for actor in world.actors]},
            "places.yaml": {"places": [_place(place) for place in world.places]}}
    return {**head, **files}


def _actor(actor) -> dict:
    record = {"id": actor.id, "name": actor.name, "kind": actor.kind}
    if actor.aliases:
        record["aliases"] = list(actor.aliases)
    record["description"] = actor.description
    return record


def _place(place: Place) -> dict:
    record = {"id": place.id, "name": place.name, "kind": place.kind}
    if place.parent is not None:
        record["parent"] = place.parent.id
    record["description"] = _described(place)
    if place.located:
        record["coordinates"] = {"lat": place.lat, "lon": place.lon, "precision": _PRECISION[place.kind],
                                 "source": {"title": f"Gazetteer of {place.country().name}: {place.name}",
                                            "url": f"https://gazetteer.example.org/places/{place.id}"}}
    return record


def _described(place: Place) -> str:
    if place.parent is None:
        return "A country of the invented region the articles cover."
    if place.kind in ("city", "town"):
        return f"A {place.kind} in {place.parent.name}, {place.country().name}."
    return f"A {place.kind.replace('-', ' ')} of {place.parent.name}."


def write(out: Path, articles: int, seed: int) -> int:
    """Write the corpus into out (a new or empty folder, or an earlier corpus, which it replaces); the
    number of files written."""
    if articles < 1:
        raise SynthError(f"--articles: expected at least 1 article, found {articles}")
    _check_target(out)
    files = corpus(articles, seed)
    header = (f"{MARK} --articles {articles} --seed {seed}\n"
              "# An invented world, for benchmarks: nothing in it is real.\n")
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for old in sorted((out / "articles").glob("*.yaml")):
        old.unlink()  # an earlier corpus's articles: a smaller one must not keep them
    for name, document in files.items():
        (out / name).write_text(header + synth_yaml.dump(document), "utf-8")
    return len(files)


def _check_target(out: Path) -> None:
    """Refuse a folder that holds anything but an earlier synthetic corpus: nothing of an editor's is lost."""
    if out.exists() and not out.is_dir():
        raise SynthError(f"--out {out}: expected a folder, found a file")
    if not out.exists() or not any(out.iterdir()):
        return
    report = out / "report.yaml"
    first = report.read_text("utf-8", errors="replace").partition("\n")[0] if report.is_file() else ""
    if not first.startswith(MARK):
        raise SynthError(f"--out {out}: expected a new or empty folder, or an earlier synthetic corpus, found a "
                         f"folder with other files (choose another folder: synth replaces what it writes)")
