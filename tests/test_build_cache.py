"""The build cache (generator/cache.py): what a build computed from a file's exact text is kept as JSON
outside the project, and used again only for that text, with that code."""

from __future__ import annotations

import json

import pytest

from generator import cache, load, pipeline
from generator.problems import DataError
from tests.conftest import SAMPLE_DATA

TEXT = "report:\n  title: A report\n  summary: Two articles.\n  language: en\nlist:\n  - {a: 1, b: [x, 'y']}\n"


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_text_read_again_comes_from_the_cache_as_json_with_its_lines(empty_cache):
    first = load.load_text(TEXT, "report.yaml")
    [entry] = empty_cache.joinpath("yaml").rglob("*.json")
    assert json.loads(entry.read_text())["data"] == first.data
    again = load.load_text(TEXT, "other.yaml")
    assert (again.data, again.lines, again.path) == (first.data, first.lines, "other.yaml")
    assert again.line_of(("list", 0, "b", 1)) == 6


def test_a_corrupt_entry_is_parsed_again(empty_cache):
    first = load.load_text(TEXT, "report.yaml")
    for entry in empty_cache.rglob("*.json"):
        entry.write_text('{"data": 1, "lines": [[1]]}')
    again = load.load_text(TEXT, "report.yaml")
    assert (again.data, again.lines) == (first.data, first.lines)


def test_a_text_with_problems_is_never_kept(empty_cache):
    for _ in range(2):
        with pytest.raises(DataError):
            load.load_text("a: &x 1\nb: *x\n", "bad.yaml")
        assert not list(empty_cache.rglob("*.json"))


def test_a_second_check_of_the_same_data_finds_the_same_and_uses_the_cache(empty_cache, tmp_path):
    first = pipeline.graph(SAMPLE_DATA)
    passed = len(list(empty_cache.joinpath("passed").rglob("*.json")))
    assert passed >= 3 * 4  # shape, text and placeholders of each of the four files
    second = pipeline.graph(SAMPLE_DATA)
    assert second.dataset.sources.keys() == first.dataset.sources.keys()
    assert len(list(empty_cache.joinpath("passed").rglob("*.json"))) == passed
