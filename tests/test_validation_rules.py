"""One test per validation rule: a new editor's mistake in a copy of the sample data, and the exact message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests import factory
from tests.conftest import ACTORS, ARTICLE, PLACES, ROOT, at, edit, line_of, problems, record
from generator import pipeline
from generator.load import MAX_BYTES, MAX_DEPTH

EVENT_KINDS = ("clash, tension, offensive, battle, campaign, capture, defeat, referendum, statement, proposal, "
               "demand, rejection, opposition, assessment, relocation, diversion-of-resources, disruption, leadership")
ID_EXPECTED = "an id: lowercase letters, digits and single hyphens, such as 'haider-al-abadi'"


# --- shape: the JSON Schema -------------------------------------------------------------------------------

def test_unknown_field_suggests_the_known_one(data):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "    title: Clashes between", "    titel: Clashes between")
    assert problems(data) == [
        f"{at(ARTICLE, 'id: iraqi-kurdish-clashes')}: {event}.title: expected a value for 'title', found nothing "
        "(add 'title:' here)",
        f"{at(ARTICLE, 'titel:')}: {event}.titel: expected a known field, found the unknown field 'titel' "
        "(did you mean 'title'?)",
    ]


def test_missing_required_field_is_named_at_its_record(data):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "    kind: clash\n", "")
    assert problems(data) == [f"{at(ARTICLE, 'id: iraqi-kurdish-clashes')}: {event}.kind: expected a value for "
                              "'kind', found nothing (add 'kind:' here)"]


@pytest.mark.parametrize("path, old, new, section, match, field, found", [
    (ARTICLE, "    title: Tal Afar falls in a matter of days, Col. Pat Work says",
     "    title: [Tal Afar falls in a matter of days]", "events",
     {"title": "Tal Afar falls in a matter of days, Col. Pat Work says"},
     "title", "a list"),
    (ACTORS, "    name: CNN", "    name: 42", "actors", {"id": "cnn"}, "name", "42 (put text in quotes)"),
], ids=["list-for-text", "number-for-name"])
def test_wrong_type_says_what_was_expected(data, path, old, new, section, match, field, found):
    """found ends with the hint, when there is one."""
    where = record(path, section, **match)
    edit(data.parent / path, old, new)
    assert problems(data) == [f"{at(path, new.strip())}: {where}.{field}: expected text, found {found}"]


def test_enum_value_not_allowed_suggests_the_closest(data):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "kind: clash\n", "kind: clashs\n")
    assert problems(data) == [f"{at(ARTICLE, 'kind: clashs')}: {event}.kind: expected one of {EVENT_KINDS}, "
                              "found 'clashs' (did you mean 'clash'?)"]


def test_coordinates_out_of_range(data):
    edit(data.parent / PLACES, "      lat: 33.0\n", "      lat: 123\n")
    assert problems(data) == [f"{at(PLACES, 'lat: 123')}: {record(PLACES, 'places', id='iraq')}.coordinates.lat: expected a number from -90 "
                              "to 90, found 123 (latitude in degrees)"]


def test_coordinates_not_a_number(data):
    edit(data.parent / PLACES, "      lat: 33.0\n", "      lat: .nan\n")
    assert problems(data) == [f"{at(PLACES, 'lat: .nan')}: {record(PLACES, 'places', id='iraq')}.coordinates.lat: expected a finite number, "
                              "found nan (write the number out; .nan and .inf are not allowed)"]


# --- ids --------------------------------------------------------------------------------------------------

def test_duplicate_id_names_the_first_line(data):
    actor = record(ACTORS, "actors", id="us-military")  # us-army, renamed before it, is the first
    edit(data.parent / ACTORS, "  - id: us-army\n", "  - id: us-military\n")
    found = problems(data)
    first = line_of(ACTORS, "id: us-military")
    assert f"{at(ACTORS, 'id: us-military', 2)}: {actor}.id: expected an id no other actor uses, found " \
           f"'us-military', already used on line {first} (rename one of the two actors)" in found


@pytest.mark.parametrize("bad, hint", [
    ("us/army", "an id cannot contain '/', '\\' or '..': it becomes a folder name; try 'us-army'"),
    ("us..army", "an id cannot contain '/', '\\' or '..': it becomes a folder name; try 'us-army'"),
    ("/etc/passwd", "an id cannot contain '/', '\\' or '..': it becomes a folder name; try 'etc-passwd'"),
    ("", "an id cannot be empty"),
    ("US-Army", "ids are lowercase; try 'us-army'"),
    ("pèshmerga", "ids use only a-z, 0-9 and single hyphens; try 'peshmerga'"),
])
def test_unsafe_id_is_refused_with_a_reason(data, bad, hint):
    actor = record(ACTORS, "actors", id="us-army")
    edit(data.parent / ACTORS, "  - id: us-army\n", f"  - id: {json.dumps(bad, ensure_ascii=False)}\n")
    line = at(ACTORS, f"id: {json.dumps(bad, ensure_ascii=False)}")
    assert problems(data) == [f"{line}: {actor}.id: expected {ID_EXPECTED}, found {bad!r} ({hint})"]


def test_id_with_a_final_newline_is_refused(data):
    """Otherwise build writes content/sources/<id>\\n.md, a file name holding a newline."""
    edit(data.parent / ARTICLE, "  id: cnn-2017-10-26-iraq-kurdish-clashes\n",
         '  id: "cnn-2017-10-26-iraq-kurdish-clashes\\n"\n')
    where = at(ARTICLE, 'clashes\\n"')
    assert problems(data) == [f"{where}: source.id: expected {ID_EXPECTED}, found "
                              "'cnn-2017-10-26-iraq-kurdish-clashes\\n' (ids use only a-z, 0-9 and single hyphens; "
                              "try 'cnn-2017-10-26-iraq-kurdish-clashes')"]


def test_reserved_id_is_refused(data):
    actor = record(ACTORS, "actors", id="us-army")
    edit(data.parent / ACTORS, "  - id: us-army\n", "  - id: index\n")
    assert f"{at(ACTORS, 'id: index')}: {actor}.id: expected an id that is not reserved, found 'index' " \
           "('index' is reserved; choose another id such as 'index-1')" in problems(data)


def test_unsafe_source_id_is_refused(data):
    edit(data.parent / ARTICLE, "  id: cnn-2017-10-26-iraq-kurdish-clashes\n", "  id: ../../etc/passwd\n")
    assert problems(data) == [f"{at(ARTICLE, 'id: ../../etc/passwd')}: source.id: expected {ID_EXPECTED}, found "
                              "'../../etc/passwd' (an id cannot contain '/', '\\' or '..': it becomes a folder name; "
                              "try 'etc-passwd')"]


# --- references -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, hint", [
    ("peshmerg", "did you mean 'peshmerga'?"),
    ("mosul", "'mosul' is a place, not an actor"),
])
def test_unknown_reference_gets_a_hint(data, value, hint):
    old = "{actor: peshmerga, role: party to the clashes}"
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, old, old.replace("peshmerga", value))
    assert problems(data) == [f"{at(ARTICLE, f'actor: {value},')}: {event}.participants[1].actor: expected the "
                              f"id of an actor, found {value!r} ({hint})"]


def test_outlet_must_be_a_media_outlet(data):
    edit(data.parent / ARTICLE, "  outlet: cnn", "  outlet: russia")
    assert problems(data) == [f"{at(ARTICLE, 'outlet: russia')}: source.outlet: expected the id of an actor of "
                              "kind media-outlet, found 'russia', of kind state (set kind: media-outlet on actor "
                              "'russia', or name the outlet)"]


# --- evidence and quotes ----------------------------------------------------------------------------------

def test_evidence_not_in_article_shows_the_closest_passage(data):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "      - Armed clashes between Iraqi and Kurdish forces in Northern Iraq are undermining",
         "      - Armed clashes between Iraqi and Kurdish forces in Southern Iraq are undermining")
    assert problems(data) == [
        f"{at(ARTICLE, 'in Southern Iraq')}: {event}.evidence[0]: expected a passage of source "
        "'cnn-2017-10-26-iraq-kurdish-clashes', found 'Armed clashes between Iraqi and Kurdish forces in Southern …', "
        "which it does not contain (closest passage: 'Armed clashes between Iraqi and Kurdish forces in Northern Iraq "
        "are undermining the fight against ISIS'; copy the words exactly)"]


def test_ambiguous_evidence_lists_every_occurrence(data):
    event = record(ARTICLE, "events", id="isis-defeats-in-iraq")
    edit(data.parent / ARTICLE, "      - ISIS has faced multiple defeats in Iraq\n", "      - ISIS\n")
    where = at(ARTICLE, "      - ISIS\n")
    assert problems(data) == [
        f"{where}: {event}.evidence[0]: expected a passage that occurs once in the "
        "source, found 'ISIS', which occurs 10 times (¶1, ¶5, ¶5, ¶6, ¶7, ¶8, ¶9, ¶10, ¶11, ¶12) "
        "(quote more of the sentence so that the passage is unique)"]


def test_evidence_ignores_whitespace_and_quote_style(data):
    """Curly or straight quotes, doubled spaces and folded or literal line breaks all still match."""
    edit(data.parent / ARTICLE,
         "      - Kurdistan Regional Government's recent offer to \"freeze\"\n      - a proposal",
         "      - >-\n        Kurdistan  Regional   Government’s\n        recent offer to “freeze”\n      - a proposal")
    edit(data.parent / ARTICLE, "      - ISIS has faced multiple defeats in Iraq\n",
         "      - |-\n        ISIS has faced\n        multiple  defeats\n          in Iraq\n")
    dataset = pipeline.check(data).dataset
    assert dataset.events["krg-offer-to-freeze"].evidence[0].paragraph == 2
    assert dataset.events["isis-defeats-in-iraq"].evidence[0].paragraph == 10


def test_quote_text_must_occur_in_its_evidence(data):
    quote = record(ARTICLE, "quotes", text="freeze")
    edit(data.parent / ARTICLE, "    text: freeze\n", "    text: thaw\n")
    assert problems(data) == [f"{at(ARTICLE, 'text: thaw')}: {quote}.text: expected words that occur in the "
                              "quote's evidence, found 'thaw' (copy the quoted words from the evidence passage)"]


# --- dates ------------------------------------------------------------------------------------------------

DAY = "{precision: day, value: 2017-10-26, phrase: Thursday}\n    status: completed\n    participants:\n" \
      "      - {actor: ryan-dillon"
RANGE = "{precision: range, end: 2017-10-26, phrase: now}"
CLASHES = "{precision: range, start: 2017-10, end: 2017-10-26, approximate: true, phrase: in recent days}"


@pytest.mark.parametrize("old, new, event, field, message", [
    (DAY, DAY.replace("2017-10-26", "2017-02-30"), "dillon-speaks-to-cnn", "date.value",
     "expected a real calendar date written YYYY-MM-DD, found '2017-02-30' (check the month and day)"),
    (DAY, DAY.replace("2017-10-26", "2017-10"), "dillon-speaks-to-cnn", "date.value",
     "expected a date written YYYY-MM-DD, found '2017-10' (write it as YYYY-MM-DD or set precision: month)"),
    (CLASHES, CLASHES.replace("start: 2017-10,", "start: 2017-11,"), "iraqi-kurdish-clashes", "date.start",
     "expected a date before the end (2017-10-26), found '2017-11' (swap start and end)"),
    (RANGE, RANGE.replace("end: 2017-10-26", "start: 2017-10-01"), "isis-leadership-relocation", "date.end",
     "expected the last possible date of the range, found nothing (add 'end:')"),
    (RANGE, RANGE.replace("end:", "value: 2017-10-26, end:"), "isis-leadership-relocation", "date.value",
     "expected 'start' and 'end' for precision 'range', found '2017-10-26' (rename 'value' to 'start' or 'end', "
     "or set precision: day)"),
], ids=["impossible-day", "shape-not-precision", "start-after-end", "range-without-end", "value-in-range"])
def test_date_rules(data, old, new, event, field, message):
    where = record(ARTICLE, "events", id=event)
    edit(data.parent / ARTICLE, old, new)
    assert problems(data) == [f"{at(ARTICLE, new.splitlines()[0])}: {where}.{field}: {message}"]


# --- places, names, self-links, figures -------------------------------------------------------------------

@pytest.mark.parametrize("old, parent, place, loop", [
    ("    kind: country\n    description: >-\n      The country where", "northern-iraq", "iraq", "iraq → northern-iraq → iraq"),
    ("    kind: country\n    description: >-\n      The country across", "syria", "syria", "syria → syria"),
], ids=["two-place-cycle", "own-parent"])
def test_parent_cycle(data, old, parent, place, loop):
    index = record(PLACES, "places", id=place)
    edit(data.parent / PLACES, old, old.replace("\n", f"\n    parent: {parent}\n", 1))
    where = at(PLACES, f"parent: {parent}")
    assert problems(data) == [f"{where}: {index}.parent: expected a chain of parents that ends at a "
                              f"top-level place, found a cycle: {loop} (remove the parent of one place in the cycle)"]


def test_alias_shared_by_two_entities(data):
    place = record(PLACES, "places", aliases=["Hawija"])
    edit(data.parent / PLACES, "    aliases: [Hawija]", "    aliases: [Hawija, Mosul]")
    assert problems(data) == [f"{at(PLACES, 'aliases: [Hawija, Mosul]')}: {place}.aliases[1]: expected a name no "
                              "other actor or place uses, found 'Mosul', also a name of places/mosul (remove the alias "
                              "from one of them, or make it more specific)"]


def test_relationship_with_itself(data):
    relationship = record(ARTICLE, "relationships", subject="pat-work", kind="leads")
    edit(data.parent / ARTICLE, "    kind: leads\n    object: advisers-in-iraq", "    kind: leads\n    object: pat-work")
    assert problems(data) == [f"{at(ARTICLE, 'object: pat-work')}: {relationship}.object: expected an actor other "
                              "than the subject, found 'pat-work' (a relationship links two different actors)"]


def test_event_related_to_itself(data):
    old = "{event: capture-of-mayadin, relation: follows}"
    event = record(ARTICLE, "events", id="isis-leadership-relocation")
    edit(data.parent / ARTICLE, old, "{event: isis-leadership-relocation, relation: follows}")
    assert problems(data) == [f"{at(ARTICLE, 'event: isis-leadership-relocation')}: {event}.related[0].event: "
                              "expected another event, found 'isis-leadership-relocation' (an event cannot be related "
                              "to itself)"]


def test_figure_with_exact_and_range(data):
    figure = record(ARTICLE, "figures", id="fighters-in-abu-kamal")
    edit(data.parent / ARTICLE, "{exact: 3000, approximate", "{exact: 3000, min: 2000, approximate")
    assert problems(data) == [f"{at(ARTICLE, 'exact: 3000, min: 2000')}: {figure}.value.exact: expected either "
                              "'exact' or 'min'/'max', found both (keep 'exact' for one number, 'min' and 'max' for a "
                              "range)"]


def test_figure_min_above_max(data):
    figure = record(ARTICLE, "figures", id="defenders-of-al-qaim-and-rawa")
    edit(data.parent / ARTICLE, "{min: 1500, max: 2500,", "{min: 2500, max: 1500,")
    assert problems(data) == [f"{at(ARTICLE, 'min: 2500, max: 1500')}: {figure}.value.min: expected a number no "
                              "greater than max (1500), found 2500 (swap min and max)"]


# --- YAML safety ------------------------------------------------------------------------------------------

def test_duplicate_key_names_both_lines(data):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "    kind: clash\n", "    kind: clash\n    kind: battle\n")
    assert problems(data) == [f"{at(ARTICLE, 'kind: battle')}: {event}.kind: expected each key once in a mapping, found "
                              f"'kind' a second time (first on line {line_of(ARTICLE, 'kind: clash')}) "
                              "(remove or rename one of them)"]


def test_duplicate_key_on_one_line_is_found_too(data):
    """{role: a, role: b}: the second value must not silently win."""
    edit(data.parent / ARTICLE, "{actor: peshmerga, role: party to the clashes}",
         "{actor: peshmerga, role: party to the clashes, role: a bystander}")
    [problem] = problems(data)
    assert problem.endswith(".role: expected each key once in a mapping, found 'role' a second time "
                            f"(first on line {line_of(ARTICLE, 'role: a bystander')}) (remove or rename one of them)")


def test_python_tag_is_refused_and_never_run(data, capfd):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data.parent / ARTICLE, "    kind: clash\n", '    kind: !!python/object/apply:os.system ["echo hi"]\n')
    assert problems(data) == [f"{at(ARTICLE, '!!python')}: {event}.kind: expected a plain value without a tag, "
                              "found the tag !!python/object/apply:os.system (remove the tag; only plain YAML is "
                              "allowed)"]
    assert "hi" not in capfd.readouterr().out


def test_alias_bomb_is_refused_before_it_is_built(data):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (data / "actors.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    started = time.monotonic()
    found = problems(data)
    assert time.monotonic() - started < 5
    assert f"{ACTORS}:2: a1[0]: expected a plain value, found the alias *a0 (write the value out; aliases are not " \
           "allowed)" in found
    assert f"{ACTORS}:1: a0: expected a plain value, found the anchor &a0 (remove the anchor; anchors and aliases " \
           "are not allowed)" in found
    assert all("alias *" in p or "anchor &" in p for p in found)


def test_too_deep_nesting_is_refused(data):
    (data / "places.yaml").write_text("places: " + "[" * 40 + "]" * 40 + "\n", "utf-8")
    field = "places" + "[0]" * (MAX_DEPTH - 1)
    assert problems(data) == [f"{PLACES}:1: {field}: expected at most {MAX_DEPTH} levels of nesting, found deeper "
                              "nesting (flatten the data)"]


def test_file_over_the_size_limit_is_refused(data):
    path = data / "actors.yaml"
    raw = path.read_bytes()
    path.write_bytes(raw + b"#" * (MAX_BYTES + 1 - len(raw)))
    assert problems(data) == [f"{ACTORS}:1: (file): expected a data file under {MAX_BYTES:,} bytes, found "
                              f"{MAX_BYTES + 1:,} bytes (split the data into several article files)"]


def test_file_not_utf8_names_the_byte_and_line(data):
    path = data / "actors.yaml"
    line = line_of(ACTORS, "name: Russia")
    path.write_bytes(path.read_bytes().replace(b"name: Russia\n", b"name: R\xfcssia\n"))
    assert problems(data) == [f"{ACTORS}:{line}: (file): expected UTF-8 text, found the byte 0xfc "
                              "(save the file as UTF-8)"]


def test_second_document_is_refused(data):
    path = data.parent / ARTICLE
    path.write_text(path.read_text("utf-8") + "---\nsource: {}\n", "utf-8")
    assert problems(data) == [f"{at(ARTICLE, '---')}: (file): expected one YAML document, found a second document "
                              "after '---' (put each article in its own file)"]


def test_bad_indentation_reports_its_line(data):
    edit(data.parent / ARTICLE, "    kind: clash\n", "   kind: clash\n")
    assert problems(data) == [f"{at(ARTICLE, '   kind: clash')}: (yaml): expected valid YAML, found expected "
                              "<block end>, but found '<block mapping start>' while parsing a block collection "
                              "(check indentation, colons and quotes on this line and the one before)"]


# --- missing files ----------------------------------------------------------------------------------------

def test_missing_actors_file(data):
    (data / "actors.yaml").unlink()
    assert problems(data) == [f"{ACTORS}:1: (file): expected this data file, found no such file "
                              "(create actors.yaml, starting with a top-level 'actors:')"]


def test_no_article_files(data):
    for path in (data / "articles").iterdir():
        path.unlink()
    assert problems(data) == ["data/articles:1: (folder): expected at least one article file, found none "
                              "(start one with: python -m generator new <article-id>)"]


# --- reporting --------------------------------------------------------------------------------------------

def test_every_problem_in_every_file_is_reported_sorted(data):
    cnn, iraq = record(ACTORS, "actors", id="cnn"), record(PLACES, "places", id="iraq")
    clashes = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    referendum = record(ARTICLE, "events", id="kurdistan-independence-referendum")
    edit(data.parent / PLACES, "      lat: 33.0\n", "      lat: 123\n")
    edit(data.parent / ACTORS, "    name: CNN", "    name: 42")
    edit(data.parent / ARTICLE, "    kind: referendum\n", "    kind: referendun\n")
    edit(data.parent / ARTICLE, "kind: clash\n", "kind: clashs\n")
    found = problems(data)
    assert found == [
        f"{at(ACTORS, 'name: 42')}: {cnn}.name: expected text, found 42 (put text in quotes)",
        f"{at(ARTICLE, 'kind: clashs')}: {clashes}.kind: expected one of {EVENT_KINDS}, found 'clashs' "
        "(did you mean 'clash'?)",
        f"{at(ARTICLE, 'kind: referendun')}: {referendum}.kind: expected one of {EVENT_KINDS}, found 'referendun' "
        "(did you mean 'referendum'?)",
        f"{at(PLACES, 'lat: 123')}: {iraq}.coordinates.lat: expected a number from -90 to 90, found 123 "
        "(latitude in degrees)",
    ]


@pytest.mark.process
def test_cli_reports_problems_on_stderr_with_status_2(data_copy):
    event = record(ARTICLE, "events", id="iraqi-kurdish-clashes")
    edit(data_copy / ARTICLE, "kind: clash\n", "kind: clashs\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "generator", "--data", "data", "validate"], cwd=data_copy,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{at(ARTICLE, 'kind: clashs')}: {event}.kind: expected one of {EVENT_KINDS}, found 'clashs' "
        "(did you mean 'clash'?)",
        "1 problem; nothing was written."]


def test_sample_data_is_valid(data):
    """The baseline every test edits: the unchanged copy passes."""
    assert pipeline.check(data).dataset.sources


# --- rules checked on a tiny factory dataset (tests/factory.py): no position depends on the sample -----------

@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """Write a factory dataset under tmp_path, the working folder, and return its problems' lines."""
    monkeypatch.chdir(tmp_path)

    def write(**records) -> list[str]:
        return problems(factory.write(tmp_path, **records))
    return write


TINY_ARTICLE = f"data/articles/{factory.ARTICLE_ID}.yaml"
ATTACK = factory.event("attack", "the Red Army attacked Northtown", participants=[("red-army", "attacker")])


def test_an_impossible_publication_date_is_refused(tiny):
    found = tiny(source={"published": "2017-02-30"}, events=[ATTACK])
    assert found == [f"{at(TINY_ARTICLE, 'published:')}: source.published: expected a real calendar date written "
                     "YYYY-MM-DD, found '2017-02-30' (check the month and day)"]


def test_a_figure_whose_value_has_no_number_is_refused(tiny):
    fighters = factory.figure("fighters", "Fighters who took part", "300 fighters took part",
                              value={"unit": "fighters", "approximate": True},
                              attribution={"by": "red-army", "verb": "says"})  # "The Red Army claimed that ..."
    assert tiny(figures=[fighters]) == [
        f"{at(TINY_ARTICLE, 'value:')}: figures[0].value: expected 'exact', or 'min' and/or 'max', found no number "
        "(remove 'value' for a claim without a number)"]


def test_an_article_without_paragraphs_is_refused_with_min_items(tiny):
    assert tiny(paragraphs=[]) == [f"{at(TINY_ARTICLE, 'paragraphs:')}: source.paragraphs: expected at least 1 "
                                   "item, found an empty list (add an item, or remove the field)"]


def test_evidence_shorter_than_three_characters_is_refused_with_min_length(tiny):
    attack = factory.event("attack", "Ox", participants=[("red-army", "attacker")])
    assert tiny(events=[attack]) == [f"{at(TINY_ARTICLE, '- Ox')}: events[0].evidence[0]: expected a passage copied "
                                     "word for word from the source article, found 'Ox'"]


def test_an_id_longer_than_eighty_characters_is_refused_with_max_length(tiny):
    long_id = "attack-" + "x" * 80
    attack = factory.event(long_id, "the Red Army attacked Northtown")
    assert tiny(events=[attack]) == [f"{at(TINY_ARTICLE, 'id: attack-')}: events[0].id: expected at most 80 "
                                     "characters, found 87 characters (shorten it)"]


def test_an_alias_listed_twice_is_refused_with_unique_items(tiny):
    actors = [*factory.ACTORS[:2], {**factory.ACTORS[2], "aliases": ["the Reds", "the Reds"]}]
    assert tiny(actors=actors, events=[ATTACK]) == [
        f"{at('data/actors.yaml', 'aliases:')}: actors[2].aliases: expected each item once, found an item listed "
        "twice (remove the repeated item)"]
