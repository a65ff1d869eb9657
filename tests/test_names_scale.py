"""Names are found by one trie-shaped regex (issue #12): the same mentions as an alternation of every
name sorted longest first, whose scan grew with the number of names in the report."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from generator.names import NameIndex, _trie, _word_class
from tests.conftest import examples

# Few letters, so that names share prefixes and run into each other; combining marks and dashes at the edges.
_PIECES = st.sampled_from(["a", "b", "A", " ", "-", "é", "e\u0301", ".", "“"])
_NAME = st.lists(_PIECES, min_size=1, max_size=5).map("".join).map(str.strip).filter(bool)
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


def _alternation(names: set[str]) -> re.Pattern:
    word = _word_class()
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(rf"(?<!{word})(?:{'|'.join(map(re.escape, ordered))})(?!{word})")


@examples(300)
@given(st.sets(_NAME, min_size=1, max_size=8), _TEXT)
def test_the_trie_finds_what_the_longest_first_alternation_finds(names, text):
    trie = re.compile(rf"(?<!{_word_class()}){_trie(names)}(?!{_word_class()})")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _alternation(names).finditer(text)]


def test_a_longer_name_wins_and_a_shorter_one_is_found_where_the_longer_runs_on():
    index = NameIndex({"US": ("actors", "us"), "US-led coalition": ("actors", "coalition")})
    assert [m.id for m in index.find("The US-led coalition and the US-led coalitions; US.")] == \
        ["coalition", "us", "us"]
