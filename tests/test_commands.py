"""The Makefile's and the generator's site commands: publish settings, the staged build, clean, serve, watch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from watchfiles import Change

from generator import cli, kinds, output_dir, pipeline, watch
from generator.render import render
from generator.problems import DataError
from tests.conftest import SAMPLE_DATA, edit, line_of
from tests.project import clone, copy_project, free_port, make, staging_folders, start_make, stop, wait_for, whole

ROOT = Path(__file__).resolve().parent.parent
REBUILD = 300  # seconds a watched rebuild may take on a busy machine (make's BUILD_WAIT): a bound, not a pause


def test_publish_settings_load_the_base_settings_and_set_the_site_url(tmp_path):
    """publishconf.py runs pelican.conf.py by path and makes every link absolute under SITEURL."""
    from generator import pipeline

    pipeline.build(SAMPLE_DATA, tmp_path / "content")
    siteurl = "https://editor.github.io/iraq-report"
    result = subprocess.run([sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o", str(tmp_path / "out"),
                             "-s", str(ROOT / "publishconf.py"), "--fatal", "warnings"], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "SITEURL": siteurl + "/"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            assert url.startswith((siteurl + "/", "#", "https://", "http://")), (page, url)


@pytest.mark.parametrize("settings", ["pelican.conf.py", "publishconf.py"])
def test_no_settings_let_pelican_delete_the_output_folder(settings):
    """A build that deletes output/ first loses the site when it then fails; the staged build never needs it."""
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / settings), override={"PATH": str(ROOT)})["DELETE_OUTPUT_DIRECTORY"] is False


# ---- which output folders a build may replace and make clean may remove ---------------------------

ACCEPTED = ["output", "site", "build/site", "output/../site", "./output", "output/"]
REFUSED = {".": "the project itself", "": "the project itself", "..": "a folder outside the project",
           "/tmp": "a folder outside the project", "data": "the data folder", "content": "the content folder",
           "theme": "the theme", "generator": "the generator's code", "tests": "the tests",
           ".git": "the git repository",
           ".github": "the workflows", "docs": "the documentation", "data/out": "inside the data folder",
           "output/../.git": "the git repository", "theme/static/css": "inside the theme",
           "elsewhere": "a folder the build reads", "elsewhere/x": "inside a folder the build reads",
           "link": "a symbolic link (the build never follows one)", "link/site": "a folder outside the project",
           "notes.txt": "a file, not a folder"}


@pytest.fixture
def layout(tmp_path) -> Path:
    """A project folder with the folders a build must never delete, a link out of it and a file."""
    project = tmp_path / "project"
    for name in ("data", "content", "theme/static/css", "generator", "tests", ".git", ".github", "docs", "elsewhere"):
        (project / name).mkdir(parents=True)
    (project / "link").symlink_to(tmp_path)
    (project / "notes.txt").write_text("notes")
    return project


@pytest.mark.parametrize("value", ACCEPTED)
def test_the_output_folder_may_be_any_other_folder_of_the_project(layout, value):
    assert output_dir.checked(layout, Path(value), [layout / "elsewhere"]) == layout.resolve() / os.path.normpath(value)


@pytest.mark.parametrize("value", REFUSED)
def test_the_output_folder_may_not_hold_anything_else(layout, value):
    with pytest.raises(DataError) as caught:
        output_dir.checked(layout, Path(value), [layout / "elsewhere"])
    assert [p.found for p in caught.value.problems] == [f"{str(Path(value))!r}, {REFUSED[value]}"]


# ---- replacing output/ in one step -----------------------------------------------------------------

def _staged(parent: Path, text: str) -> Path:
    staging = output_dir.new_staging(parent / "output")
    (staging / output_dir.NEW_SITE).mkdir()
    (staging / output_dir.NEW_SITE / "index.html").write_text(text)
    return staging


def test_a_new_site_replaces_output_by_exchanging_the_two_folders(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output/index.html").write_text("old")
    staging = _staged(tmp_path, "new")
    new_site = os.stat(staging / output_dir.NEW_SITE).st_ino
    output_dir.replace(tmp_path / "output", staging)
    assert os.stat(tmp_path / "output").st_ino == new_site, "the very folder that was built, renamed into place"
    assert (staging / output_dir.NEW_SITE / "index.html").read_text() == "old", "the old site, swapped out"
    assert not (staging / output_dir.PREVIOUS).exists(), "one rename: no moment without output/"


def test_without_renameat2_the_swap_falls_back_to_two_renames(tmp_path, monkeypatch):
    monkeypatch.setattr(output_dir, "_renameat2", None)  # as on a system without it
    (tmp_path / "output").mkdir()
    (tmp_path / "output/index.html").write_text("old")
    staging = _staged(tmp_path, "new")
    output_dir.replace(tmp_path / "output", staging)
    assert (tmp_path / "output/index.html").read_text() == "new"
    assert (staging / output_dir.PREVIOUS / "index.html").read_text() == "old"


def test_a_site_left_aside_by_a_build_killed_between_the_two_renames_is_put_back(tmp_path):
    staging = _staged(tmp_path, "new")
    (staging / output_dir.PREVIOUS).mkdir()
    (staging / output_dir.PREVIOUS / "index.html").write_text("old")  # output/ renamed aside, then killed
    output_dir.recover(tmp_path / "output")
    assert (tmp_path / "output/index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"], "the staging folder is gone"


# ---- make html, make clean, make serve -------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A private project after `make html`, and what make printed."""
    project = copy_project(tmp_path_factory.mktemp("commands") / "project")
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


def test_make_html_ends_by_saying_where_the_site_is_and_how_to_preview_it(built):
    project, result = built
    graph = pipeline.graph(SAMPLE_DATA)
    pages = len(render(graph))  # the fixture's pages; the site adds two style sheets, five scripts and .nojekyll,
    # a preview fragment beside each record's page, and the open data beside the data page
    index = sum(1 for path in (project / "output/pagefind").rglob("*") if path.is_file())  # and the search index
    fragments = sum(len(kinds.records(graph.dataset, kind)) for kind in kinds.paged())
    index += sum(1 for path in (project / "output/data").iterdir() if path.name != "index.html")
    assert result.stdout.splitlines()[-4:] == [
        f"ok: {cli._summary(graph)}",
        f"site: output/ replaced ({pages + 8 + fragments + index} files); content: {pages} written, 0 unchanged, 0 removed",
        "ok: every sentence is cited, every actor and place is connected",
        "The report is built in output/. Preview it with: make serve  (then open http://127.0.0.1:8000/)"]
    assert (project / "output/index.html").is_file() and staging_folders(project) == []


def test_make_html_prints_the_quality_findings_as_a_warning_and_still_builds(tmp_path):
    """check-data runs after the build: its findings are printed, and the site is replaced all the same."""
    project = copy_project(tmp_path / "project")
    article = project / "data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml"
    edit(article, 'where fighting lasted for months."\n\nevents:',
         'where fighting lasted for months."\n    - "A sentence that no fact cites."\n\nevents:')
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    line = line_of(article, "A sentence that no fact cites.")
    assert result.stdout.splitlines()[-4:] == [
        f"data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml:{line}: source.paragraphs[13]: expected every "
        "sentence of ¶14 cited by some fact's evidence (at least 75% of it), found 'A sentence that no fact cites.', "
        "0% cited (add the fact it reports, with the sentence as its evidence)",
        "1 finding: the report leaves these out of its articles",
        "(a warning only: the site is built; make check-data lists these again)",
        "The report is built in output/. Preview it with: make serve  (then open http://127.0.0.1:8000/)"]
    assert "A sentence that no fact cites." in (project / "output/sources/cnn-2017-10-26-iraq-kurdish-clashes/"
                                                           "index.html").read_text()
    checked = make(project, "check-data")
    assert checked.returncode != 0 and "1 finding: the report leaves these out of its articles" in checked.stdout


def test_make_clean_removes_the_site_and_nothing_else(built, tmp_path):
    project = clone(built[0], tmp_path / "project")
    (project / ".output.build-x1y2z3").mkdir()  # left by a killed build
    (project / ".output.build-x1y2z3" / "site").mkdir()
    rest = {path: sha for path, sha in whole(project).items() if not path.startswith(("output", ".output.build"))}
    result = make(project, "clean")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "removed output/"
    assert whole(project).keys() == rest.keys()
    assert {path: sha for path, sha in whole(project).items() if path != ".build.lock"} == \
        {path: sha for path, sha in rest.items() if path != ".build.lock"}, "the lock's pid changes, nothing else"
    assert make(project, "clean").stdout.splitlines()[-1] == "nothing to remove: there is no output/"


def test_make_serve_keeps_serving_after_a_build_swaps_the_output_folder(built, tmp_path):
    project = clone(built[0], tmp_path / "project")
    port, log = free_port(), tmp_path / "serve.log"
    server = start_make(project, log, "serve", f"PORT={port}")
    page = f"http://127.0.0.1:{port}/actors/cnn/"
    try:
        wait_for(lambda: "serving" in log.read_text(), what="the server")
        assert "The news outlet that" in _read(page)
        edit(project / "data/actors.yaml", "The news outlet that", "The outlet, edited, that")
        assert make(project, "html").returncode == 0
        assert "The outlet, edited, that" in _read(page)
        assert "Page not found" in _read(f"http://127.0.0.1:{port}/no/such/page/", 404)
    finally:
        stop(server)
    assert f"serving http://127.0.0.1:{port}/ from output/ (Ctrl-C to stop)" in log.read_text().splitlines()


def _read(url: str, status: int = 200) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == status
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        assert err.code == status, err
        return err.read().decode("utf-8")


# ---- what the watcher watches ----------------------------------------------------------------------

@pytest.mark.parametrize(("path", "counts"), [
    ("data/actors.yaml", True), ("data/articles/new.yaml", True), ("content/pages/about.md", True),
    ("theme/templates/base.html", True), ("pelican.conf.py", True),
    ("content/actors/cnn.md", False), ("content/.generator-manifest.json", False), ("output/index.html", False),
    (".output.build-x1y2/site/index.html", False), (".build.lock", False), ("README.md", False),
    ("data/.actors.yaml.swp", False), ("data/actors.yaml~", False),
])
def test_the_watcher_ignores_the_pages_a_build_writes_and_editors_temporary_files(tmp_path, path, counts):
    """A build writes content/, output/ and the lock: were those writes changes, every build would start the next."""
    watched = watch.sources([tmp_path / "data", tmp_path / "content/pages", tmp_path / "theme"],
                            [tmp_path / "pelican.conf.py"])
    assert watched.accepts(Change.modified, str(tmp_path / path)) is counts


def test_the_watcher_sees_a_settings_file_saved_by_renaming_a_new_one_over_it(built, tmp_path):
    project = clone(built[0], tmp_path / "project")
    log = tmp_path / "regenerate.log"
    watcher = start_make(project, log, "regenerate")
    try:
        wait_for(lambda: "watching" in log.read_text(), seconds=REBUILD, what="the watcher, after its first build")
        for step in ("first", "second"):  # a watch on the file itself would miss the second save
            settings = (project / "pelican.conf.py").read_text().replace('"%d %B %Y"', '"%d %B %Y"  # saved')
            (project / "pelican.conf.py.new").write_text(settings)
            os.replace(project / "pelican.conf.py.new", project / "pelican.conf.py")
            builds = 2 if step == "first" else 3
            wait_for(lambda builds=builds: log.read_text().count("site: output/ replaced") == builds,
                     seconds=REBUILD, what=f"the rebuild after the {step} save")
    finally:
        stop(watcher)
