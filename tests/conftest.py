"""Shared helpers: a private copy of the sample data, exact edits to it, where its records and lines are,
the problems it yields; the Hypothesis profiles; the markers that `make test-fast` leaves out."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from _pytest.mark.expression import Expression
from hypothesis import HealthCheck, Phase, settings
from ruamel.yaml import YAML

from generator import cache, pipeline
from generator.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
# A frozen copy of the sample report: tests never read the live data/, which editors change.
SAMPLE_DATA = ROOT / "tests" / "fixtures" / "cnn-report"
# A second report in another region and era (the Bolivia–Argentina–Chile border, March 2004; two outlets):
# the views must adapt their frame and dates to whatever report they are given.
REGION_DATA = ROOT / "tests" / "fixtures" / "puna-report"
ARTICLE = "data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml"
ACTORS, PLACES = "data/actors.yaml", "data/places.yaml"


# Property tests: make test-fast runs a tenth of their examples ("fast"), make test all of them ("test"),
# both with a fixed seed; make fuzz 25 times more with a fresh seed (REPORT_HYPOTHESIS_PROFILE).
settings.register_profile("fast", deadline=None, derandomize=True)
settings.register_profile("test", deadline=None, derandomize=True)
settings.register_profile("fuzz", deadline=None, derandomize=False, suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("REPORT_HYPOTHESIS_PROFILE", "test")
SCALE = {"fast": 0.1, "test": 1, "fuzz": 25}[PROFILE]


def examples(count: int) -> settings:
    """The profile's settings with count examples, scaled by the profile."""
    scaled = round(count * SCALE)
    if scaled == 0:
        # make test-fast, for a test of a few costly examples (a page render each): only the ones it
        # writes out with @example, the regressions found before; make test generates the others.
        return settings(settings.get_profile(PROFILE), max_examples=1, phases=(Phase.explicit,))
    return settings(settings.get_profile(PROFILE), max_examples=scaled)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ under tmp_path, with tmp_path as the working folder; returns tmp_path."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def data(data_copy: Path) -> Path:
    """The copied data folder; the working folder is its parent, so messages read 'data/...'."""
    return data_copy / "data"


def at(path: str, substring: str, occurrence: int = 1) -> str:
    """'path:line' of the line holding substring, in the working folder's copy."""
    return f"{path}:{line_of(path, substring, occurrence)}"


def record(path: str, section: str, **fields) -> str:
    """'events[3]': the position of the record of section whose fields have these values, in the working
    folder's copy (read with a plain YAML parser, not the generator), so no test hard-codes a position."""
    items = YAML(typ="safe", pure=True).load(Path(path).read_text("utf-8"))[section]
    found = [i for i, item in enumerate(items) if all(item.get(k) == v for k, v in fields.items())]
    assert len(found) == 1, f"{len(found)} {section} of {path} have {fields}"
    return f"{section}[{found[0]}]"


def edit(path: Path, old: str, new: str) -> None:
    """Replace old by new in path; old must occur exactly once."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def line_of(path: Path | str, substring: str, occurrence: int = 1) -> int:
    """The 1-based line where the n-th occurrence of substring (which may span lines) starts in path."""
    text = Path(path).read_text("utf-8")
    index = -1
    for _ in range(occurrence):
        index = text.find(substring, index + 1)
        assert index != -1, f"{substring!r} does not occur {occurrence} time(s) in {path}"
    return text.count("\n", 0, index) + 1


def problems(data_dir: Path) -> list[str]:
    """Run the check expecting it to fail, and return every problem as its message line."""
    with pytest.raises(DataError) as caught:
        pipeline.check(data_dir)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample report, generated and built once for the whole test session."""
    from tests.site import build_site

    return build_site(SAMPLE_DATA, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, headless, driven by Playwright: one per test module."""
    from tests.browser import browser

    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def base(site):
    """The sample site served on 127.0.0.1."""
    from tests.browser import serve

    with serve(site.output) as url:
        yield url


# What each slow module needs, so that `make test-fast` can leave it out: a whole Pelican build
# ("site"), Debian's chromium ("browser"), or an external validator or linter ("external").
# A test elsewhere that uses a built-site fixture is marked "site" by that fixture alone. A test that
# must run `python -m generator` as a fresh interpreter (its real exit status, no traceback, signals)
# is marked "process" where it is written (@pytest.mark.process); the rest call cli.main() in process.
NEEDS = {
    "test_browser": ("browser", "site"),
    "test_browser_pages": ("browser", "site"),
    "test_security": ("browser", "site"),
    "test_site_html": ("site", "external"),
    "test_site_build": ("site",),
    "test_bounded_site": ("site",),
    "test_github_pages": ("site", "external", "browser"),
    "test_commands": ("site",),
    "test_redteam_build": ("site",),
    "test_redteam_render": ("site",),
    "test_kinds_recipe": ("site", "process"),
}
# Fixtures that render pages with Pelican: a whole build, or the property tests' in-memory renderer
# (Pelican's reader and the theme, page by page), which alone was half of make test-fast.
SITE_FIXTURES = {"site", "hostile_site", "memory"}


MARKERS = {"process": "runs python -m generator as a fresh process (its exit status, stderr, signals)"}


def pytest_configure(config) -> None:
    """Declare the markers this file adds to pyproject.toml's; give the run a build cache of its own."""
    for name, meaning in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")
    # Every build a test runs (in process or not) caches into this folder, never the user's ~/.cache.
    os.environ.setdefault(cache.ENV, tempfile.mkdtemp(prefix="report-test-cache-"))


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """With -m "not site and ...", a module all of whose tests need what the run leaves out is not even
    imported: collecting the browser and site modules was a tenth of make test-fast."""
    needs = NEEDS.get(collection_path.stem)
    expression = config.option.markexpr
    if not needs or not expression or " or " in expression:  # only a conjunction is decided by the module
        return None
    return True if not Expression.compile(expression).evaluate(lambda name, **_: name in needs) else None


def pytest_collection_modifyitems(items) -> None:
    """Mark each test with what it needs (see NEEDS)."""
    for item in items:
        for need in NEEDS.get(item.module.__name__.rpartition(".")[2], ()):
            item.add_marker(need)
        if SITE_FIXTURES & set(item.fixturenames):
            item.add_marker("site")
