"""The editor's loop: every file's problems in one run, a new article that fails until it is filled in,
a template without traps, and an overview that writes its own counts and list of articles."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
from pathlib import Path

import pytest

from generator import cli, new_article, page_meta as M, pipeline, schema_check
from generator.load import load_text
from generator.problems import DataError
from generator.render.indexes import render_overview
from tests import factory
from tests.conftest import ACTORS, ARTICLE, PLACES, ROOT, SAMPLE_DATA, at, edit, record

FIRST_EVENT_PLACES = "    places: [{}]\n    participants:\n      - {{actor: iraqi-security-forces, role: party to the clashes}}"
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
    edit(data.parent / ARTICLE, FIRST_EVENT_PLACES.format("northern-iraq"), FIRST_EVENT_PLACES.format("northern-irak"))
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
                          related=[("attack", "response-to")], attribution={"source": "Officials in Southland"})
    factory.write(tmp_path, events=[reply], article_id="daily-2017-10-27-second")
    first, second = "data/articles/daily-2017-10-26-first.yaml", "data/articles/daily-2017-10-27-second.yaml"
    found, report = _report(data)
    assert [line.split(": ")[:2] for line in found] == [
        [at(first, "clashs"), "events[0].kind"], [at(second, "red-armyy"), "events[0].participants[0].actor"]]
    assert f"{first}: note: references to events are not checked until the problems of this file are fixed" \
        in report


# A new article fails validation until its placeholders are replaced, and says which.

def _readme_step(number: int) -> str:
    """The text of step number of the README's "Add an article"."""
    section = (ROOT / "README.md").read_text("utf-8").split("## Add an article\n", 1)[1].split("\n## ", 1)[0]
    return re.search(rf"^{number}\. (.*?)(?=^\d\. |\Z)", section, re.S | re.M).group(1)


def _new(*argv: str) -> tuple[int, str]:
    """python -m generator with argv, in this process: its status and what it printed on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, err.getvalue()


def test_the_readmes_first_step_gives_exactly_the_placeholder_problems(data_copy):
    command = shlex.split(re.search(r"`\.venv/bin/python -m generator (new [^`]+)`", _readme_step(1)).group(1))
    assert _new(*command) == (0, "")
    path = f"data/articles/{command[1]}.yaml"
    first, second = "- >-\n      TODO: the first", "- >-\n      TODO: the second"  # each item starts on its "- >-"
    status, err = _new("validate")
    assert status == 2
    assert err.splitlines() == [
        f"{at(path, first)}: source.paragraphs[0]: expected a value of your own, "
        "found the placeholder 'TODO: the first paragraph, in place of this line' (replace the placeholder)",
        f"{at(path, second)}: source.paragraphs[1]: expected a value of your own, "
        "found the placeholder 'TODO: the second; one \"- >-\" item per paragraph' (replace the placeholder)",
        "2 problems; nothing was written."]
    assert "found the placeholder 'TODO: the first paragraph, in place of this line'" in _readme_step(1)


def test_a_new_article_without_title_or_outlet_names_those_placeholders_too(data_copy):
    assert _new("new", "draft")[0] == 0
    status, err = _new("validate")
    fields = [line.split(": ")[1] for line in err.splitlines()[:-1]]
    assert (status, fields) == (2, ["source.title", "source.outlet", "source.paragraphs[0]", "source.paragraphs[1]"])
    # The outlet's placeholder is the one problem of its field: no "no such actor" beside it.
    assert ("source.outlet: expected a value of your own, found the placeholder 'todo-outlet-id' "
            "(replace the placeholder)") in err


@pytest.mark.parametrize("old, new, field", [
    ("    name: CNN\n", '    name: "TODO: the outlet\'s name"\n', "actors[0].name"),
    ("  title: Iraqi–Kurdish", "  title: ... #", "report.title"),
    (FIRST_EVENT_PLACES.format("northern-iraq"), FIRST_EVENT_PLACES.format("todo-place"), "events[0].places[0]"),
])
def test_a_placeholder_left_in_any_file_is_refused(data, old, new, field):
    path = next(p for p in (ACTORS, "data/report.yaml", ARTICLE) if old in (data.parent / p).read_text("utf-8"))
    edit(data.parent / path, old, new)
    found, _ = _report(data)
    assert len(found) == 1 and found[0].startswith(f"{path}:") and f": {field}: expected a value of your own" in found[0]
    assert found[0].endswith("(replace the placeholder)")


# The template has no traps: comments show the forms, and no empty list hides a mistake.

def _template() -> str:
    return new_article.render({"id": "probe", "title": '"Probe"', "outlet": "cnn", "published": "2017-11-03"})


def test_the_template_writes_no_empty_list():
    assert not [line for line in _template().splitlines() if re.search(r":\s*\[\]\s*(#.*)?$", line)]


def test_every_section_of_the_template_uncommented_has_the_right_shape():
    """Removing the "# " of every line of the sections (as the README's step 4 says) gives a file the
    schema accepts: the forms the comments show are the forms validation wants."""
    head, sections = _template().split("# What the article reports.", 1)
    sections = re.sub(r"(?m)^# ?(?=[a-z ])", "", sections.split("\n", 2)[2])
    doc = load_text(head + sections, "probe.yaml")
    assert sorted(doc.data) == ["events", "figures", "quotes", "relationships", "source"]
    assert schema_check.check(doc, "article") == []


def test_a_paragraph_pasted_with_quotes_colons_and_hashes_reads_back_exactly():
    paragraph = 'He said: "no" — it\'s #1, \'final\' & “stronghold”: done.'
    text = _template().replace("TODO: the first paragraph, in place of this line", paragraph)
    assert load_text(text, "probe.yaml").data["source"]["paragraphs"][0] == paragraph


# The overview counts and lists the articles itself; report.yaml keeps only the editor's introduction.

def _overview(data: Path) -> tuple[str, list[dict]]:
    """The overview page's body, and its block of articles."""
    page = render_overview(pipeline.graph(data))
    blocks = json.loads(next(line for line in page.splitlines() if line.startswith(f"{M.BLOCKS}: ")).split(": ", 1)[1])
    return page.split("\n\n", 1)[1], next(b["items"] for b in blocks if b["id"] == "articles")


def test_the_overview_counts_and_lists_every_article(tmp_path, monkeypatch):
    """A second article, of another outlet, a week later: the counts, the dates and the list follow."""
    monkeypatch.chdir(tmp_path)
    outlets = [*factory.ACTORS, {"id": "herald", "name": "The Herald", "kind": "media-outlet",
                                 "description": "Another outlet."}]
    factory.write(tmp_path, actors=outlets, events=[factory.event("attack", "the Red Army attacked Northtown")])
    data = factory.write(tmp_path, actors=outlets, article_id="herald-2017-11-02-northtown",
                         source={"outlet": "herald", "published": "2017-11-02", "title": "Northtown, a week on"},
                         events=[factory.event("silence", "Officials in Southland said nothing",
                                               attribution={"source": "Officials in Southland"})])
    body, articles = _overview(data)
    introduction = "What one short article says about [Northtown]({filename}/places/northtown.md)."  # linked
    assert body == (f"{introduction}\n\nThis report is built from 2 articles by 2 outlets, published from "
                    "26 October 2017 to 2 November 2017. It sets out 2 events, 4 actors and 2 places; every fact "
                    "links to the sentence that supports it.\n")
    assert articles == [
        {"text": "The attack on Northtown", "url": "sources/daily-2017-10-26-northtown/",
         "note": "The Daily, 26 October 2017"},
        {"text": "Northtown, a week on", "url": "sources/herald-2017-11-02-northtown/",
         "note": "The Herald, 2 November 2017"}]


def test_the_sample_overview_says_what_its_one_article_holds(tmp_path):
    body, articles = _overview(SAMPLE_DATA)
    assert "This report is built from 1 article by 1 outlet, published on 26 October 2017. It sets out" in body
    assert [a["note"] for a in articles] == ["CNN, 26 October 2017"]
    # The introduction is the editor's alone: no count or list of articles is written by hand.
    assert "built from" not in (SAMPLE_DATA / "report.yaml").read_text("utf-8")


def test_validate_checks_without_rendering_or_writing(data, monkeypatch, capsys):
    """An editor learns whether the data is valid without waiting for every page to be rendered."""
    import generator.pipeline as pipeline_module

    def no_render(graph):
        raise AssertionError("validate rendered the pages")

    monkeypatch.setattr(pipeline_module, "render", no_render)
    assert cli.main(["--data", str(data), "validate"]) == 0
    assert capsys.readouterr().out.endswith("; nothing written\n")
