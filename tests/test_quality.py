"""The report's quality checks (generator/quality.py, python -m generator check-data) on tiny datasets."""

from __future__ import annotations

import pytest

from generator import quality
from tests import factory
from tests.test_cli import generator

FIRST, SECOND, THIRD = factory.PARAGRAPHS
# Evidence that covers every sentence of the factory's article.
EVERY_SENTENCE = [factory.event("attack", "Alice Smith said on Thursday that she saw it.",
                                "That day the Red Army attacked Northtown.", "The attack lasted two days.", participants=[("red-army", "attacker"),
                                                                             ("alice-smith", "witness")],
                                places=["northtown"], attribution={"by": "alice-smith", "verb": "says"}),
                  factory.event("claim", "The Red Army claimed that 300 fighters took part.",
                                participants=[("red-army", "claimant")], places=["southland"],
                                attribution={"own": True}),
                  factory.event("silence", "Officials in Southland said nothing about the attack.",
                                places=["southland"], attribution={"own": True})]
QUOTE = factory.quote("rebuild", "alice-smith", "We will rebuild Northtown.", "Alice Smith said: “We will rebuild "
                      "Northtown.”")


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Data under tmp_path, the working folder, so findings name 'data/...' as an editor sees them."""
    monkeypatch.chdir(tmp_path)


def findings(tmp_path, **records) -> list[str]:
    """The findings on a factory dataset with these records, as their message lines."""
    return [str(f) for f in quality.findings(factory.graph(factory.write(tmp_path, **records)))]


def article_line(tmp_path, text: str) -> int:
    lines = (tmp_path / "data" / "articles" / f"{factory.ARTICLE_ID}.yaml").read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_report_that_cites_every_sentence_and_connects_everyone_has_no_findings(tmp_path):
    assert findings(tmp_path, events=EVERY_SENTENCE, quotes=[QUOTE]) == []


def test_an_uncited_sentence_is_named_with_its_paragraph_and_share(tmp_path):
    found = findings(tmp_path, events=EVERY_SENTENCE[:1] + EVERY_SENTENCE[2:], quotes=[QUOTE])
    line = article_line(tmp_path, "The Red Army claimed")
    assert found == [
        f"data/articles/{factory.ARTICLE_ID}.yaml:{line}: source.paragraphs[1]: expected every sentence of ¶2 cited "
        "by some fact's evidence (at least 75% of it), found 'The Red Army claimed that 300 fighters took part.', "
        "0% cited (add the fact it reports, with the sentence as its evidence)"]


def test_a_sentence_mostly_cited_counts_as_cited(tmp_path):
    """Evidence need not quote a sentence whole: 75% of its characters are enough."""
    partly = factory.event("claim", "The Red Army claimed that 300 fighters", participants=[("red-army", "claimant")],
                           places=["southland"], attribution={"own": True})
    assert findings(tmp_path, events=[EVERY_SENTENCE[0], partly, EVERY_SENTENCE[2]], quotes=[QUOTE]) == []


def test_sentences_are_split_by_a_real_splitter_not_at_every_full_stop():
    text = "Col. Ryan Dillon told CNN on Thursday. It was 2.5 km away."
    assert [text[start:end] for start, end in quality.sentences(text, "en")] == [
        "Col. Ryan Dillon told CNN on Thursday.", "It was 2.5 km away."]


def test_an_article_in_a_language_the_splitter_does_not_know_is_split_by_english_rules():
    assert quality.sentences("Hello there.  How are you?", "x-klingon") == [(0, 12), (14, 26)]


@pytest.mark.parametrize("folder, record, field", [
    ("actors", {"id": "bystander", "name": "Bob Jones", "kind": "person", "description": "Nobody in the text."},
     "actors[3].id"),
    ("places", {"id": "easttown", "name": "Easttown", "kind": "town", "description": "Nowhere in the text."},
     "places[2].id"),
])
def test_an_actor_or_place_connected_to_no_fact_is_a_finding(tmp_path, folder, record, field):
    extra = {folder: [*(factory.ACTORS if folder == "actors" else factory.PLACES), record]}
    found = findings(tmp_path, events=EVERY_SENTENCE, quotes=[QUOTE], **extra)
    line = next(number for number, text in enumerate((tmp_path / "data" / f"{folder}.yaml").read_text().splitlines(), 1)
                if f"id: {record['id']}" in text)
    kind = "an actor" if folder == "actors" else "a place"
    assert found == [f"data/{folder}.yaml:{line}: {field}: expected {kind} connected to some fact of an article, "
                     f"found '{record['id']}', connected to no event, quote, figure or relationship (add the facts "
                     "the article reports about it, or remove it)"]


def test_check_data_exits_1_with_the_findings_then_0_once_fixed(tmp_path):
    factory.write(tmp_path, events=EVERY_SENTENCE[1:], quotes=[QUOTE])
    status, out, err = generator("check-data")
    assert (status, err) == (1, "")
    assert out.splitlines()[-1] == "4 findings: the report leaves these out of its articles"
    # The first paragraph's three sentences, and the town only the missing event took place in.
    assert [line.split(": expected")[0].split(": ", 1)[1] for line in out.splitlines()[:-1]] == [
        "source.paragraphs[0]", "source.paragraphs[0]", "source.paragraphs[0]", "places[1].id"]
    factory.write(tmp_path, events=EVERY_SENTENCE, quotes=[QUOTE])
    assert generator("check-data") == (0, "ok: every sentence is cited, every actor and place is connected\n", "")


def test_check_data_on_invalid_data_exits_2_with_the_problems(tmp_path):
    factory.write(tmp_path, events=[factory.event("attack", "the Red Army attacked Northtown",
                                                  participants=[("red-arm", "attacker")])])
    status, out, err = generator("check-data")
    assert (status, out) == (2, "")
    assert "events[0].participants[0].actor: expected the id of an actor, found 'red-arm'" in err
