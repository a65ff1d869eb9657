"""The editor's loop: every file's problems in one run, a new article that fails until it is filled in,
a template without traps, and an overview that writes its own counts and list of articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.problems import DataError
from tests import factory
from tests.conftest import ACTORS, ARTICLE, PLACES, at, edit, record

NO_ACTOR_CHECKS = f"{ACTORS}: note: references to actors are not checked until the problems of this file are fixed"


def _report(data: Path) -> tuple[list[str], list[str]]:
    """The problems of a failed check as message lines, and the whole report the command line prints."""
    with pytest.raises(DataError) as caught:
        pipeline.check(data)
    return [str(p) for p in caught.value.problems], caught.value.report().splitlines()


# Every file's problems in one run, whatever fails first.

def test_a_schema_problem_in_actors_hides_no_other_files_problems(data):
    """The article is still checked; its references to actors wait, and the report says so."""
    cnn = record(ACTORS, "actors", id="cnn")
    clashes = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data / "actors.yaml", "    name: CNN", "    name: 42")
    edit(data.parent / ARTICLE, "    places: [northern-iraq]\n    participants:\n      - {actor: iraqi-security-forces, "
         "role: party to the clashes}", "    places: [northern-irak]\n    participants:\n      - {actor: "
         "iraqi-security-forces, role: party to the clashes}")
    found, report = _report(data)
    assert found == [
        f"{at(ACTORS, 'name: 42')}: {cnn}.name: expected text, found 42 (put text in quotes)",
        f"{at(ARTICLE, 'northern-irak')}: {clashes}.places[0]: expected the id of a place, found 'northern-irak' "
        "(did you mean 'northern-iraq'?)",
    ]
    assert report == [*found, NO_ACTOR_CHECKS, "2 problems; nothing was written."]


def test_a_file_that_does_not_parse_hides_no_other_files_problems(data):
    """places.yaml cannot be read, the article has a schema problem: both, and actors.yaml's own, in one run."""
    us = record(ACTORS, "actors", id="us-led-coalition")
    edit(data / "places.yaml", "places:\n", "places:\n  - id: [unclosed\n")
    edit(data / "actors.yaml", "aliases: [US-led military coalition, coalition]",
         "aliases: [US-led military coalition, coalition, CNN]")
    edit(data.parent / ARTICLE, "kind: clash\n", "kind: clashs\n")
    found, _ = _report(data)
    assert [line.split(": ")[0] for line in found] == [
        at(ACTORS, "coalition, CNN]"), at(ARTICLE, "kind: clashs"), f"{PLACES}:{_line(found, PLACES)}"]
    assert f"{us}.aliases[2]: expected a name no other actor or place uses, found 'CNN'" in found[0]
    assert "kind: expected one of" in found[1] and "found 'clashs'" in found[1]


def _line(found: list[str], path: str) -> str:
    return next(line.split(":")[1] for line in found if line.startswith(path + ":"))


def test_a_reference_into_a_left_out_article_is_not_a_false_no_such_id(tmp_path, monkeypatch):
    """The second article names an event of the first, which the schema refused: that reference waits;
    the second article's own mistake is still reported."""
    monkeypatch.chdir(tmp_path)
    attack = factory.event("attack", "the Red Army attacked Northtown", kind="clashs")
    data = factory.write(tmp_path, events=[attack], article_id="daily-2017-10-26-first")
    reply = factory.event("reply", "Officials in Southland said nothing", participants=[("red-armyy", "silent")],
                          related=[("attack", "response-to")])
    factory.write(tmp_path, events=[reply], article_id="daily-2017-10-27-second")
    first, second = "data/articles/daily-2017-10-26-first.yaml", "data/articles/daily-2017-10-27-second.yaml"
    found, report = _report(data)
    assert [line.split(": ")[:2] for line in found] == [
        [at(first, "clashs"), "events[0].kind"], [at(second, "red-armyy"), "events[0].participants[0].actor"]]
    assert f"{first}: note: references to events are not checked until the problems of this file are fixed" \
        in report
