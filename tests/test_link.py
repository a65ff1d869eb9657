"""The link stage on tiny factory datasets: every connection is recorded from both of its ends."""

from __future__ import annotations

import pytest

from generator.link import Passage
from tests import factory

ATTACK = factory.event("attack", "the Red Army attacked Northtown", participants=[("red-army", "attacker")],
                       places=["northtown"])
LASTED = factory.event("lasting", "The attack lasted two days.", related=[("attack", "response-to")],
                       attribution={"by": "alice-smith"})
REBUILD = factory.quote("rebuild", "alice-smith", "We will rebuild Northtown.", to="daily", event="attack")
FIGHTERS = factory.figure("fighters", "Fighters who took part", "300 fighters took part",
                          value={"exact": 300, "unit": "fighters"}, attribution={"by": "red-army"}, actors=["alice-smith"],
                          places=["northtown"], events=["attack"])
OPPOSES = factory.relationship("alice-smith", "opposes", "red-army", "Alice Smith said on Thursday",
                                attribution={"own": True})


@pytest.fixture
def graph(tmp_path):
    """The graph of a report holding one of each kind of fact."""
    data = factory.write(tmp_path, events=[ATTACK, LASTED], quotes=[REBUILD], figures=[FIGHTERS],
                         relationships=[OPPOSES])
    return factory.graph(data)


def ids(pairs) -> list[tuple[str, str]]:
    """(record id, label) for each (record, label) pair a graph lists."""
    return [(record.id, label) for record, label in pairs]


def test_an_event_is_listed_on_its_participants_with_their_roles(graph):
    assert ids(graph.events_of_actor("red-army")) == [("attack", "attacker")]
    assert graph.events_of_actor("alice-smith") == []


def test_an_event_is_listed_on_its_places(graph):
    assert [event.id for event in graph.events_at_place("northtown")] == ["attack"]
    assert graph.events_at_place("southland") == []


def test_a_quote_is_said_by_its_speaker_heard_by_its_audience_and_listed_on_its_event(graph):
    assert ids(graph.quotes_of_actor("alice-smith")) == [("rebuild", "said")]
    assert ids(graph.quotes_of_actor("daily")) == [("rebuild", "heard")]
    assert [quote.id for quote in graph.quotes_of_event("attack")] == ["rebuild"]


def test_a_figure_is_asserted_by_one_actor_and_about_its_actors_places_and_events(graph):
    assert ids(graph.figures_of("actors", "red-army")) == [("fighters", "asserts")]
    assert ids(graph.figures_of("actors", "alice-smith")) == [("fighters", "about")]
    assert ids(graph.figures_of("places", "northtown")) == [("fighters", "about")]
    assert ids(graph.figures_of("events", "attack")) == [("fighters", "about")]


def test_a_relationship_reads_from_its_subject_and_from_its_object(graph):
    assert [(label, other) for label, other, _ in graph.relations_of_actor("alice-smith")] == [
        ("Opposes", "red-army")]
    assert [(label, other) for label, other, _ in graph.relations_of_actor("red-army")] == [
        ("Opposed by", "alice-smith")]


def test_a_related_event_is_linked_forward_and_backward(graph):
    assert [(label, event.id) for label, event in graph.related_events("lasting")] == [("In response to", "attack")]
    assert [(label, event.id) for label, event in graph.related_events("attack")] == [("Prompted", "lasting")]


def test_a_place_lists_its_children(graph):
    assert graph.children_of_place("southland") == ["northtown"]
    assert graph.children_of_place("northtown") == []
    assert graph.ancestors("northtown") == ["southland"]


def test_mentions_are_the_paragraphs_that_name_an_entity_once_each(graph):
    """One passage per paragraph that names the entity, in paragraph order."""
    source = factory.ARTICLE_ID
    assert graph.mentions[("actors", "alice-smith")] == [Passage(source, 0), Passage(source, 1)]
    assert graph.mentions[("places", "southland")] == [Passage(source, 2)]
    assert graph.mentions[("actors", "daily")] == []


def test_an_event_is_listed_on_the_actors_it_is_credited_to(graph):
    assert [event.id for event in graph.events_credited_to("alice-smith")] == ["lasting"]
    assert graph.events_credited_to("red-army") == []


def test_an_outlet_lists_the_articles_it_published(graph):
    assert [source.id for source in graph.articles_of_outlet("daily")] == [factory.ARTICLE_ID]
    assert graph.articles_of_outlet("alice-smith") == []
