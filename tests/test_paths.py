"""The site's addresses, from a table of [input, expected] pairs, as Quartz tests its path functions."""

from __future__ import annotations

import pytest

from generator import paths

CASES = [
    (paths.url, ("actors", "cnn"), "actors/cnn/"),
    (paths.url, ("events", "battle-of-mosul"), "events/battle-of-mosul/"),
    (paths.save_as, ("actors", "cnn"), "actors/cnn/index.html"),
    (paths.content_path, ("sources", "cnn-2017-10-26-x"), "sources/cnn-2017-10-26-x.md"),
    (paths.filename_link, ("actors", "cnn"), "{filename}/actors/cnn.md"),
    (paths.filename_link, ("sources", "a", "ev-1a2b3c"), "{filename}/sources/a.md#ev-1a2b3c"),
    (paths.fragment, ("p3",), "#p3"),
    (paths.fragment, ("",), ""),
    (paths.anchored, ("sources/a/", "ev-1a"), "sources/a/#ev-1a"),
    (paths.index_url, ("places",), "places/"),
    (paths.index_save_as, ("places",), "places/index.html"),
    (paths.index_content_path, ("overview",), "indexes/overview.md"),
    (paths.site_url, ("", "actors/cnn/"), "/actors/cnn/"),
    (paths.site_url, ("https://example.org/report", "actors/cnn/"), "https://example.org/report/actors/cnn/"),
    (paths.site_url, ("https://example.org/report/", ""), "https://example.org/report/"),
    (paths.site_url, ("", "#events"), "#events"),
    (paths.site_url, ("", "https://www.wikidata.org/wiki/Q1"), "https://www.wikidata.org/wiki/Q1"),
]
REFUSED = [
    (paths.url, ("actors", "../etc")),
    (paths.url, ("actors", "CNN")),
    (paths.url, ("../x", "cnn")),
    (paths.url, ("actors", "cnn\n")),
    (paths.content_path, ("actors", "a/b")),
    (paths.fragment, ("x onmouseover=y",)),
    (paths.fragment, ('"><script>',)),
    (paths.site_url, ("", "/etc/passwd")),
    (paths.site_url, ("", "//evil.example/")),
    (paths.site_url, ("", "actors/../../x")),
]


@pytest.mark.parametrize(("function", "arguments", "expected"), CASES,
                         ids=[f"{f.__name__}{a}" for f, a, _ in CASES])
def test_each_path_function_gives_the_expected_path(function, arguments, expected):
    assert function(*arguments) == expected


@pytest.mark.parametrize(("function", "arguments"), REFUSED, ids=[f"{f.__name__}{a}" for f, a in REFUSED])
def test_a_value_that_could_leave_its_folder_is_refused(function, arguments):
    with pytest.raises(ValueError):
        function(*arguments)
