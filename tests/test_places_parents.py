"""A place may be contained by several places: a town in a province and in a disputed region."""

from __future__ import annotations

from generator.render import render
from tests.conftest import problems
from tests.factory import graph, write

PLACES = [
    {"id": "southland", "name": "Southland", "kind": "country", "description": "The country."},
    {"id": "north-province", "name": "North Province", "kind": "province", "parent": "southland",
     "description": "A province of Southland."},
    {"id": "disputed-belt", "name": "Disputed Belt", "kind": "region", "parent": "southland",
     "description": "A region two governments claim."},
    {"id": "northtown", "name": "Northtown", "kind": "town", "parent": ["north-province", "disputed-belt"],
     "description": "The town that was attacked."},
]


def test_a_place_with_two_parents_is_within_both_and_listed_by_both(tmp_path):
    linked = graph(write(tmp_path, places=PLACES))
    assert linked.ancestors("northtown") == ["southland", "disputed-belt", "north-province"]
    assert linked.trail("northtown") == ["southland", "north-province"]
    assert linked.children_of_place("north-province") == ["northtown"]
    assert linked.children_of_place("disputed-belt") == ["northtown"]
    page = render(linked)["places/northtown.md"]
    within = next(line for line in page.splitlines() if line.startswith("Infobox:"))
    assert "Disputed Belt" in within and "North Province" in within and "Southland" in within


def test_a_cycle_through_one_of_several_parents_is_reported_once(tmp_path):
    places = [*PLACES[:3], {**PLACES[3], "parent": ["north-province", "disputed-belt"]}]
    places[1] = {**places[1], "parent": "northtown"}
    found = [p for p in problems(write(tmp_path, places=places)) if "cycle" in p]
    assert len(found) == 1, found
    assert "expected a chain of parents that ends at a top-level place, found a cycle: " in found[0]
    assert "north-province" in found[0] and "northtown" in found[0]


def test_an_unknown_parent_in_a_list_is_named_by_its_position(tmp_path):
    places = [*PLACES[:3], {**PLACES[3], "parent": ["north-province", "disputed-blet"]}]
    found = problems(write(tmp_path, places=places))
    assert any("places[3].parent[1]: expected the id of a place, found 'disputed-blet' (did you mean "
               "'disputed-belt'?)" in p for p in found), found
