"""The one sentence splitter (generator/sentences.py): abbreviations, languages, hostile text, bounded work."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from generator import quality, sentences, validate, wording
from tests.conftest import examples


@pytest.mark.parametrize("text, first", [
    ("Col. Ryan Dillon said the coalition would stay. It did.", "Col. Ryan Dillon said the coalition would stay."),
    ("Lt. Gen. Paul Funk leads the coalition. He said so.", "Lt. Gen. Paul Funk leads the coalition."),
    ("The U.S. military leads the coalition. It has since 2014.", "The U.S. military leads the coalition."),
    ("Dr. Haider al-Abadi is the prime minister. He took office in 2014.",
     "Dr. Haider al-Abadi is the prime minister."),
    ("Gen. Mattis visited St. Louis on Jan. 5. Then he left.", "Gen. Mattis visited St. Louis on Jan. 5."),
    ("A town in Anbar on the Euphrates", "A town in Anbar on the Euphrates"),  # one sentence, no full stop
    ("It was 2.5 km away. Then more.", "It was 2.5 km away."),
])
def test_first_sentence_knows_abbreviations(text, first):
    """The hand-made cut at '. ' made 'Col.' a sentence; pysbd's rules keep titles and initials inside."""
    assert wording.first_sentence(text) == first


def test_a_first_sentence_longer_than_its_window_is_cut_at_a_word_and_marked():
    text = "The group " + "held the town and " * 60 + "left. Then it came back."
    first = wording.first_sentence(text)
    assert first.endswith(" …") and len(first) <= sentences.FIRST_SENTENCE_WINDOW + 2
    assert text.startswith(first.removesuffix(" …"))


def test_a_first_sentence_ending_right_at_the_window_is_kept_whole():
    text = "x" * (sentences.FIRST_SENTENCE_WINDOW - 2) + ". Next sentence."
    assert wording.first_sentence(text) == "x" * (sentences.FIRST_SENTENCE_WINDOW - 2) + "."


def test_an_unknown_language_falls_back_to_english_rules():
    text = "Col. Ryan Dillon spoke. He left."
    assert sentences.spans(text, "x-klingon") == sentences.spans(text, "en") == ((0, 23), (24, 32))
    assert sentences.spans(text, "") == sentences.spans(text, "en")


def test_a_language_pysbd_knows_is_split_by_its_rules():
    text = "Das ist gut. Wir gehen am 3. Oktober."
    assert [text[a:b] for a, b in sentences.spans(text, "de")] == ["Das ist gut.", "Wir gehen am 3. Oktober."]


def test_line_breaks_inside_a_paragraph_keep_offsets_true():
    text = "He said\nthat. And\r\nthen left."
    assert [text[a:b] for a, b in sentences.spans(text)] == ["He said\nthat.", "And\r\nthen left."]


@pytest.mark.parametrize("text", ["", "   ", "....", "?!?!", "\u202e evil. text", "a" * 3000, "“Quoted.” (Aside.)",
                                  "x\x00y. z", "مرحبا بكم. هذا نص."])
def test_hostile_text_gives_offsets_inside_it(text):
    """Whatever the text, every span lies inside it, in order, and the first sentence is a part of it."""
    spans = sentences.spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    first = wording.first_sentence(text)
    assert first.removesuffix(" …") in text


@given(st.text(max_size=300))
@examples(200)
def test_any_text_splits_into_ordered_spans(text):
    spans = sentences.spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    assert bool(spans) == bool(text.strip())


def test_one_splitter_serves_quality_validation_and_wording():
    """quality, validate and wording use sentences.spans, not a splitter of their own."""
    text = "Col. Ryan Dillon spoke. He left."
    assert tuple(quality.sentences(text, "en")) == validate._sentences(text, "en") == sentences.spans(text, "en")
    assert not hasattr(quality, "_segmenter")


def test_the_first_sentence_of_a_long_description_splits_only_a_window(monkeypatch):
    """Bounded: a description of 200,000 characters costs one window's split, not the whole text's."""
    seen = []
    pieces = sentences._pieces
    monkeypatch.setattr(sentences, "_pieces", lambda text, language: seen.append(len(text)) or pieces(text, language))
    sentences.first.cache_clear()
    assert wording.first_sentence("Col. Ryan Dillon spoke. " * 8000).startswith("Col. Ryan Dillon spoke.")
    assert seen and max(seen) <= sentences.FIRST_SENTENCE_WINDOW


def test_the_sentence_around_a_name_is_found_within_a_window():
    text = "The colonel arrived. Col. Ryan Dillon said the U.S. military will stay. Then more."
    start = text.index("Ryan")
    a, b, before, after = sentences.around(text, start, start + len("Ryan Dillon"))
    assert text[a:b] == "Col. Ryan Dillon said the U.S. military will stay." and not before and not after
    long = "word " * 300 + "Ryan Dillon spoke " + "more " * 300 + "end."
    start = long.index("Ryan")
    a, b, before, after = sentences.around(long, start, start + 11)
    assert before and after and b - a <= 2 * sentences.AROUND_WINDOW + 11
    assert long[a:b].startswith("word ") and long[a:b].endswith(" more")
