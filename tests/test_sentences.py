"""The one sentence splitter (generator/sentences.py): abbreviations, languages, hostile text, bounded work."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import cache, quality, sentences, validate, wording
from generator.link import Passage
from generator.render import common, render
from tests import factory, two_articles
from tests.conftest import SAMPLE_DATA, examples


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
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    first = wording.first_sentence(text)
    assert first.removesuffix(" …") in text


@given(st.text(max_size=300))
@examples(200)
def test_any_text_splits_into_ordered_spans(text):
    spans = sentences.spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
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


def test_the_sentence_around_a_name_is_the_whole_sentence_with_its_abbreviations():
    text = "The colonel arrived. Col. Ryan Dillon said the U.S. military will stay. Then more."
    start = text.index("Ryan")
    a, b, before, after = sentences.around(text, start, start + len("Ryan Dillon"))
    assert text[a:b] == "Col. Ryan Dillon said the U.S. military will stay." and not before and not after


def test_a_long_sentence_around_a_name_is_cut_at_words_either_side():
    long = "word " * 300 + "Ryan Dillon spoke " + "more " * 300 + "end."
    start = long.index("Ryan")
    a, b, before, after = sentences.around(long, start, start + 11)
    assert before and after and b - a <= 2 * sentences.AROUND_SHOWN + 11
    assert long[a:b].startswith("word ") and long[a:b].endswith(" more")


def test_a_very_long_paragraph_is_split_only_near_the_name(monkeypatch):
    """Bounded: a paragraph of 100,000 characters costs a window's split a mention, not the whole text's."""
    seen = []
    pieces = sentences._pieces
    monkeypatch.setattr(sentences, "_pieces", lambda text, language: seen.append(len(text)) or pieces(text, language))
    text = "He spoke. " * 5000 + "Col. Ryan Dillon said so. " + "He left. " * 5000
    start = text.index("Ryan")
    a, b, _, _ = sentences.around(text, start, start + 11)
    assert text[a:b] == "Col. Ryan Dillon said so."
    assert seen and max(seen) <= 2 * sentences.AROUND_SPLIT + 11


# ---- mentions: the sentence naming an entity, the name marked --------------------------------------

def mentions_of(page: str) -> list[str]:
    """The entries of a page's 'Mentions in the articles'."""
    return [line for line in page.split("## Mentions in the articles", 1)[1].splitlines() if line.startswith("- ")]


def test_a_mention_shows_its_whole_sentence_with_the_name_in_bold(tmp_path):
    """The two-article fixture: Alice Smith is named in the second sentence of the Courier's ¶1; the entry
    is that sentence (not the paragraph's start), the name marked, linked to the paragraph."""
    pages = render(factory.graph(two_articles.write(tmp_path)))
    found = [m for m in mentions_of(pages["actors/alice-smith.md"]) if two_articles.SECOND in m]
    assert found[0] == (f"- [The Courier, 27 October 2017, ¶1]({{filename}}/sources/{two_articles.SECOND}.md#p1): "
                        "***Alice Smith** said the attack was brutal.*")


def test_a_mention_in_the_sample_keeps_col_in_its_sentence(tmp_path):
    pages = render(factory.graph(SAMPLE_DATA))
    dillon = mentions_of(pages["actors/ryan-dillon.md"])[0]
    assert "#p2): *A spokesman for the US-led coalition, US Army **Col. Ryan Dillon**, told CNN Thursday" in dillon
    assert dillon.endswith("Kurdish Region.”*") and "…" not in dillon  # the whole sentence, past 160 characters


def test_a_mention_of_hostile_text_is_escaped_and_still_marked(tmp_path):
    paragraphs = ["Nobody spoke. *Alice Smith* said [it](javascript:alert(1)) <b>was</b> `bad`. Then silence.",
                  "The Red Army attacked Northtown. Officials in Southland said nothing."]
    data = factory.write(tmp_path, paragraphs=paragraphs, events=[factory.event(
        "attack", "The Red Army attacked Northtown", participants=[("red-army", "attacker")], places=["northtown"])])
    entry = mentions_of(render(factory.graph(data))["actors/alice-smith.md"])[0]
    assert entry.endswith("#p1): *\\***Alice Smith**\\* said &#91;it&#93;(javascript:alert(1)) &lt;b&gt;was&lt;/b&gt; "
                          "\\`bad\\`.*")


def test_a_right_to_left_mention_is_isolated(tmp_path):
    graph = factory.graph(two_articles.write(tmp_path))
    source = next(iter(graph.dataset.sources.values()))
    text = "قال أليس. Alice Smith said so."
    excerpt = common._excerpt(text, Passage(source.id, 0, text.index("Alice"), text.index("Alice") + 11), "en")
    assert excerpt == "***Alice Smith** said so.*"
    excerpt = common._excerpt(text, Passage(source.id, 0, 4, 8), "ar")
    assert excerpt.startswith("*<bdi>") and excerpt.endswith("</bdi>*")


@pytest.mark.site
def test_the_built_page_marks_the_name_in_the_sentence(site):
    html = (site.output / "actors" / "ryan-dillon" / "index.html").read_text("utf-8")
    mentions = html.split('id="mentions"', 1)[1].split("</ul>", 1)[0]
    assert "<em>A spokesman for the US-led coalition, US Army <strong>Col. Ryan Dillon</strong>, told CNN" in mentions


def test_an_article_s_sentences_are_split_once_then_read_from_the_build_cache(tmp_path, monkeypatch):
    """A second build splits nothing; a corrupt or planted entry is split again, never trusted."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    paragraphs = ("Col. Ryan Dillon spoke. He left.", "Lt. Gen. Paul Funk agreed.")
    seen = []
    pieces = sentences._pieces
    monkeypatch.setattr(sentences, "_pieces", lambda text, language: seen.append(text) or pieces(text, language))
    for clear in (sentences.of_paragraphs.cache_clear, sentences._spans.cache_clear):
        clear()
    first = sentences.of_paragraphs(paragraphs, "en")
    assert first == (((0, 23), (24, 32)), ((0, 26),)) and len(seen) == 2
    sentences.of_paragraphs.cache_clear(), sentences._spans.cache_clear()
    assert sentences.of_paragraphs(paragraphs, "en") == first and len(seen) == 2  # from the build cache
    for entry in (tmp_path / "cache" / "sentences").rglob("*.json"):
        entry.write_text('[[[0, 999]], "x"]', "utf-8")
    sentences.of_paragraphs.cache_clear(), sentences._spans.cache_clear()
    assert sentences.of_paragraphs(paragraphs, "en") == first and len(seen) == 4
