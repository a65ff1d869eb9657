"""Names in context: a lower-case alias links where a sentence starts, and an article may say what an
ambiguous name means in it, or that it means nothing there."""

from __future__ import annotations

import pytest

from generator.model import NameChoice
from generator.names import NameIndex, at_sentence_start
from generator.render import render
from tests.conftest import problems
from tests.factory import ACTORS, graph, write

COALITION = {"id": "coalition", "name": "US-led coalition", "kind": "coalition", "aliases": ["coalition"],
             "description": "The coalition."}
OTHER = {"id": "saudi-coalition", "name": "Saudi-led coalition", "kind": "coalition",
         "description": "Another coalition."}
PARAGRAPHS = ["Coalition forces attacked. The Red Army said the coalition was near.",
              "Alice Smith spoke of the Coalition of the Willing."]


@pytest.mark.parametrize(("text", "position", "expected"), [
    ("Coalition forces", 0, True), ("He left. Coalition", 9, True), ("He left? “Coalition", 10, True),
    ("the Coalition", 4, False), ("Mr. Coalition", 4, True), ("a, Coalition", 3, False),
])
def test_where_a_sentence_starts(text, position, expected):
    assert at_sentence_start(text, position) is expected


def test_a_lower_case_alias_links_capitalized_only_where_a_sentence_starts():
    index = NameIndex({"coalition": ("actors", "coalition")})
    text = "Coalition forces came. Then the Coalition of the Willing, and the coalition."
    assert [text[m.start:m.end] for m in index.find(text)] == ["Coalition", "coalition"]


def test_an_article_says_what_a_name_means_in_it(tmp_path):
    data = write(tmp_path, paragraphs=PARAGRAPHS, actors=[*ACTORS, COALITION, OTHER],
                 source={"names": [{"name": "coalition", "actor": "saudi-coalition"}]})
    linked = graph(data)
    text = render(linked)["sources/daily-2017-10-26-northtown.md"]
    assert "[Coalition]({filename}/actors/saudi-coalition.md)" in text  # the sentence start follows the choice
    # Its second mention in the paragraph is not linked again, but marked with what it names.
    assert '<span class="mention" data-entity="actors/saudi-coalition">coalition</span>' in text
    assert ("actors", "coalition") not in linked.mentions
    assert [p.paragraph for p in linked.mentions[("actors", "saudi-coalition")]] == [0]


def test_an_article_says_a_name_means_nothing_in_it(tmp_path):
    data = write(tmp_path, paragraphs=PARAGRAPHS, actors=[*ACTORS, COALITION],
                 source={"names": [{"name": "coalition"}]})
    text = render(graph(data))["sources/daily-2017-10-26-northtown.md"]
    assert "actors/coalition.md" not in text.split("## Text", 1)[1]


def test_a_choice_of_a_name_the_text_does_not_use_or_of_an_unknown_actor_is_a_problem(tmp_path):
    data = write(tmp_path, paragraphs=PARAGRAPHS, actors=[*ACTORS, COALITION],
                 source={"names": [{"name": "alliance", "actor": "coalition"}, {"name": "coalition", "actor": "nato"},
                                   {"name": "coalition"}]})
    found = problems(data)
    assert any("daily-2017-10-26-northtown.yaml:" in p and "source.names[0].name: expected words the article's text uses, as a whole "
               "word, found 'alliance', which it does not" in p for p in found), found
    assert any("source.names[1].actor: expected the id of an actor, found 'nato'" in p for p in found), found
    assert any("source.names[2].name: expected a name chosen once in the article, found 'coalition'" in p
               for p in found), found


def test_a_choice_names_an_actor_or_a_place_not_both(tmp_path):
    data = write(tmp_path, paragraphs=PARAGRAPHS, actors=[*ACTORS, COALITION],
                 source={"names": [{"name": "coalition", "actor": "coalition", "place": "northtown"}]})
    assert any("source.names[0]" in p for p in problems(data))


def test_choosing_leaves_the_report_index_as_it_was():
    index = NameIndex({"coalition": ("actors", "c")})
    index.choosing([NameChoice("coalition")])
    assert [m.id for m in index.find("Coalition. coalition")] == ["c", "c"]
