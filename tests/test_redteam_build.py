"""Red team: a build never loses the site (issue #9, part A).

Every test runs `make` (or the generator's CLI) in a private copy of the project: a failed build
leaves output/ and content/ byte-identical, `make clean` deletes nothing but the site, two builds
never wedge, a killed build leaves the previous or the new site whole, hand-written pages cannot
publish a link's target, and the preview server and watcher fail loudly or survive.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import edit, line_of
from tests.project import (clone, copy_project, environment, free_port, make, snapshot, staging_folders, start_make,
                           stop, wait_for, whole)

FAILED = "build failed; the previous site in output/ is unchanged"
REBUILD = 300  # seconds a watched rebuild may take on a busy machine (make's BUILD_WAIT): a bound, not a pause
ACTOR_TEMPLATE = "theme/templates/actor.html"
SECOND_ARTICLE = """\
source:
  id: cnn-2017-11-03-second-look
  title: A second look at the clashes
  title_by_editor: true
  outlet: cnn
  published: 2017-11-03
  authors: []
  language: en
  paragraphs:
    - "A short second article, so that one can be deleted."
events: []
quotes: []
figures: []
relationships: []
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A private project with a good build of the sample report in output/ and content/."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    """A copy of the built project for one test to break."""
    return clone(built, tmp_path / "project")


def lines(result: subprocess.CompletedProcess) -> list[str]:
    """What a command reported on stderr (make echoes its commands on stdout), line by line."""
    return result.stderr.splitlines()


def make_error(target: str, status: int) -> re.Pattern:
    """make's own line when the generator exited with status."""
    return re.compile(rf"make: \*\*\* \[Makefile:\d+: {target}\] Error {status}")


# ---- a failed build changes nothing ------------------------------------------------------------

def _template_raises(project: Path) -> None:
    edit(project / ACTOR_TEMPLATE, "{{ page.kind | humanize }}", '{{ page.kind | humanize }}{{ "x" | fromjson }}')


def _bad_data(project: Path) -> None:
    edit(project / "data/actors.yaml", "kind: media-outlet\n", "kind: media-outlets\n")


def _broken_link_warning(project: Path) -> None:
    (project / "content/pages").mkdir()
    (project / "content/pages/about.md").write_text("Title: About\nAuthor: The editors\n\n"
                                                    "See [the method]({filename}/method.md).\n")


def _hand_edited_page(project: Path) -> None:
    page = project / "content/actors/cnn.md"
    page.write_text(page.read_text() + "\nAn edit by hand.\n")


FAILURES = {
    # case: (target, breakage, make's status, a line the build must print)
    "html, a template that raises": ("html", _template_raises, 1,
                                     "pelican: theme/templates/actor.html:3: LayoutError: actors/advisers-in-iraq.md: "
                                     "a metadata line is not one line of JSON (Expecting value: line 1 column 1 "
                                     "(char 0))"),
    "publish, bad data": ("publish", _bad_data, 2,
                          "data/actors.yaml:{line}: actors[0].kind: expected one of person, armed-force, armed-group, "
                          "government, political-entity, state, coalition, media-outlet, organization, group, found "
                          "'media-outlets' (did you mean 'media-outlet'?)"),
    "html, a Pelican warning": ("html", _broken_link_warning, 1,
                                "pelican: warning: Unable to find '/method.md', skipping url replacement."),
    "publish, a generated page edited by hand": ("publish", _hand_edited_page, 2,
                                                 "content/actors/cnn.md:1: (file): expected the page as the generator "
                                                 "wrote it, found a page edited by hand (move the edit into the data "
                                                 "files, then delete this file; it is generated)"),
}


@pytest.mark.parametrize("case", FAILURES)
def test_a_failed_build_leaves_output_and_content_byte_identical(project, case):
    target, breakage, status, message = FAILURES[case]
    breakage(project)
    before = snapshot(project)
    result = make(project, target)
    assert result.returncode != 0 and make_error(target, status).search(result.stderr), result.stderr
    assert message.format(line=line_of(project / "data/actors.yaml", "kind: media-outlet")) in lines(result)
    assert FAILED in lines(result)
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before
    assert staging_folders(project) == []


def test_pages_of_a_deleted_article_disappear_after_the_next_build(project):
    article = project / "data/articles/cnn-2017-11-03-second-look.yaml"
    article.write_text(SECOND_ARTICLE)
    assert make(project, "html").returncode == 0
    page = "output/sources/cnn-2017-11-03-second-look/index.html"
    assert page in snapshot(project)
    article.unlink()
    result = make(project, "html")
    assert result.returncode == 0, result.stderr
    left = [path for path in snapshot(project) if "second-look" in path]
    assert left == [], "the deleted article's pages and folders are gone from output/ and content/"
    assert "second-look" not in (project / "output/sources/index.html").read_text()


# ---- make clean deletes the site and nothing else ----------------------------------------------

REFUSED = {
    ".git": "the git repository", "data": "the data folder", "content": "the content folder", "theme": "the theme",
    "generator": "the generator's code", "tests": "the tests", ".": "the project itself", "": "the project itself",
    "..": "a folder outside the project", "OUTSIDE": "a folder outside the project",
    "output/../data": "the data folder", "data/site": "inside the data folder", "theme/static": "inside the theme",
    "linked": "a symbolic link (the build never follows one)", "linked/site": "a folder outside the project",
    "Makefile": "a file, not a folder",
}


@pytest.mark.parametrize("value", REFUSED)
def test_make_clean_refuses_every_folder_but_the_site(project, tmp_path, value):
    outside = tmp_path / "outside"
    (outside / "site").mkdir(parents=True)
    (outside / "site/keep.txt").write_text("not the project's")
    (project / "linked").symlink_to(outside)
    for folder in (".git", "tests"):  # as in a real checkout
        (project / folder).mkdir()
        (project / folder / "keep").write_text(folder)
    output = str(outside) if value == "OUTSIDE" else value
    before, outside_before = whole(project), snapshot(tmp_path, "outside")
    result = make(project, "clean", f"OUTPUT={output}")
    assert result.returncode != 0 and make_error("clean", 2).search(result.stderr)
    found = f"{str(Path(output))!r}, {REFUSED[value]}"
    assert lines(result)[:2] == [
        "(command line):1: OUTPUT: expected a folder for the built site inside the project, such as output (never "
        f"data, content, theme, generator, tests or .git), found {found} (choose another folder; nothing was deleted)",
        "1 problem; nothing was written."]
    assert whole(project) == before and snapshot(tmp_path, "outside") == outside_before


@pytest.mark.parametrize("target", ["html", "publish"])
def test_a_build_into_the_data_folder_is_refused_before_anything_runs(project, target):
    before = whole(project)
    result = make(project, target, "OUTPUT=data")
    assert result.returncode != 0 and make_error(target, 2).search(result.stderr)
    assert "found 'data', the data folder (choose another folder; nothing was deleted)" in result.stderr
    assert lines(result)[-2] == "build failed; nothing was changed"
    assert whole(project) == before


# ---- two builds at once ------------------------------------------------------------------------

def _lock_holder(project: Path) -> int | None:
    """The pid a build wrote into the lock it holds, or None while nobody holds it."""
    with open(project / ".build.lock", "a+") as stream:
        try:
            fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            stream.seek(0)
            text = stream.read().strip()
            return int(text) if text.isdigit() else None
        fcntl.flock(stream, fcntl.LOCK_UN)
        return None


def test_a_second_build_waits_for_the_first_and_both_leave_a_consistent_site(project, tmp_path):
    good = snapshot(project)
    log = tmp_path / "first.log"
    with log.open("w") as stream:
        first = subprocess.Popen([sys.executable, "-m", "generator", "site"], cwd=project, env=environment(),
                                 stdout=stream, stderr=subprocess.STDOUT, start_new_session=True)
    wait_for(lambda: _lock_holder(project) is not None, what="the first build to hold the lock")
    os.killpg(first.pid, signal.SIGSTOP)  # the first build holds the lock for as long as the test needs
    holder = _lock_holder(project)
    second_log = tmp_path / "second.log"
    second = start_make(project, second_log, "html")
    try:
        wait_for(lambda: "waiting" in second_log.read_text(), what="the second build to wait")
        assert f"another build is running (pid {holder}); waiting up to 300 s for it to finish..." in \
            second_log.read_text().splitlines()
    finally:
        os.killpg(first.pid, signal.SIGCONT)
    assert first.wait(timeout=120) == 0, log.read_text()
    assert second.wait(timeout=120) == 0, second_log.read_text()
    assert snapshot(project) == good, "same data, same site: byte-identical, nothing mixed or wedged"
    assert staging_folders(project) == []


def test_a_build_that_may_not_wait_stops_with_one_clear_line(project):
    before = snapshot(project)
    with open(project / ".build.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.truncate(0)
        held.write(f"{os.getpid()}\n")
        held.flush()
        result = make(project, "html", "BUILD_WAIT=1")
    assert result.returncode != 0 and make_error("html", 1).search(result.stderr)
    assert lines(result)[-3:-1] == [f"another build (pid {os.getpid()}) still holds the build lock after 1 s; stopped",
                                    FAILED]
    assert snapshot(project) == before


# ---- a build killed at any moment --------------------------------------------------------------

def test_a_build_killed_at_random_moments_leaves_a_whole_site_and_the_next_build_succeeds(built, tmp_path):
    """make html, SIGKILLed with everything it started (the generator, Pelican) at seeded random moments."""
    old = snapshot(built)
    changed = clone(built, tmp_path / "changed")
    _edit_title(changed)
    started = time.monotonic()
    assert make(changed, "html").returncode == 0
    duration = time.monotonic() - started
    new = snapshot(changed)
    assert all(new[path] != old[path] for path in _only(old, "output") if path.endswith(".html"))
    rng = random.Random(9)
    for run in range(6):
        project = clone(built, tmp_path / f"run{run}")
        _edit_title(project)
        since = time.time_ns()
        build = start_make(project, tmp_path / f"run{run}.log", "html")
        if run % 2:  # anywhere in the build
            time.sleep(rng.uniform(0.2, 1.0) * duration)
        else:  # while Pelican writes pages, where a kill is most likely to leave half a site
            wait_for(lambda project=project, since=since, build=build:
                     _pelican_writing(project, since) or build.poll() is not None, what="Pelican's writes")
            time.sleep(rng.uniform(0, 0.05))
        os.killpg(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
        after = snapshot(project)
        assert _only(after, "output") in (_only(old, "output"), _only(new, "output")), f"run {run}: one whole site"
        for path, sha in _only(after, "content").items():
            if not _leftover(path):
                assert sha in (old.get(path), new.get(path)), f"run {run}: {path} is an old or a new page"
        result = make(project, "html")
        assert result.returncode == 0, result.stdout + result.stderr
        assert snapshot(project) == new, f"run {run}: the next build gives the new site, and nothing else"
        assert staging_folders(project) == []


def test_pelican_dies_with_a_killed_build_and_the_next_build_need_not_wait(project):
    build = subprocess.Popen([sys.executable, "-m", "generator", "site"], cwd=project, env=environment(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Pelican is writing the staging site once that folder exists (and so has set itself up).
    wait_for(lambda: any(project.glob(".output.build-*/site")), what="Pelican to write")
    pelican = _children(build.pid, "generator.pelican_run")
    os.kill(pelican[0], signal.SIGSTOP)  # frozen: it can neither finish nor exit on its own
    try:
        build.send_signal(signal.SIGKILL)  # the build's own process only, as the OOM killer would
        build.wait(timeout=30)
        wait_for(lambda: not _alive(pelican[0]), seconds=20, what="Pelican to die with its build")
    finally:
        if _alive(pelican[0]):
            os.kill(pelican[0], signal.SIGKILL)
    result = make(project, "html", "BUILD_WAIT=0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert staging_folders(project) == []


def _children(parent: int, module: str) -> list[int]:
    """Processes whose parent is `parent` and whose command line names module."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if re.search(rf"^PPid:\s+{parent}$", status, re.M) and module.encode() in command:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = re.search(r"^State:\s+(\w)", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return False
    return bool(state) and state.group(1) != "Z"


def _edit_title(project: Path) -> None:
    # The report's title is in every page's <title>: every page of the new site differs from the old one.
    edit(project / "data/report.yaml", "  title: Iraqi–Kurdish clashes", "  title: Iraqi–Kurdish fighting")


def _pelican_writing(project: Path, since: int) -> bool:
    """Whether a page has been written since the build started, in output/ or in a staging site."""
    for folder in [project / "output", *project.glob(".output.build-*/site")]:
        for page in folder.rglob("*.html"):
            try:
                if page.stat().st_mtime_ns >= since:
                    return True
            except OSError:  # swapped or removed meanwhile
                pass
    return False


def _only(found: dict[str, str], folder: str) -> dict[str, str]:
    return {path: sha for path, sha in found.items() if path.split("/")[0] == folder}


def _leftover(path: str) -> bool:
    # A page being written when the build died: a hidden temporary file, or the manifest listing pending hashes.
    name = path.rsplit("/", 1)[-1]
    return name.endswith(".tmp") or name == ".generator-manifest.json"


# ---- hand-written pages: only regular files ----------------------------------------------------

def _link_to_a_file(pages: Path, secret: Path) -> str:
    (pages / "secret.md").symlink_to(secret)
    return f"content/pages/secret.md:1: (file): expected a regular file or folder (content/pages/ is published as " \
           f"it is), found a symbolic link to {str(secret)!r} (replace it by the file itself, or remove it)"


def _link_to_a_folder(pages: Path, secret: Path) -> str:
    (pages / "more").symlink_to(secret.parent)
    return f"content/pages/more:1: (file): expected a regular file or folder (content/pages/ is published as it " \
           f"is), found a symbolic link to {str(secret.parent)!r} (replace it by the file itself, or remove it)"


def _named_pipe(pages: Path, secret: Path) -> str:
    os.mkfifo(pages / "pipe.md")
    return "content/pages/pipe.md:1: (file): expected a regular file or folder (content/pages/ is published as it " \
           "is), found a named pipe (replace it by the file itself, or remove it)"


@pytest.mark.parametrize("plant", [_link_to_a_file, _link_to_a_folder, _named_pipe], ids=lambda f: f.__name__[1:])
def test_a_hand_written_page_that_is_not_a_regular_file_is_refused(project, tmp_path, plant):
    secret = tmp_path / "private" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("Title: Secret\nAuthor: Nobody\n\nSECRET-TOKEN-7f3a\n")
    pages = project / "content/pages"
    pages.mkdir()
    (pages / "about.md").write_text("Title: About\nAuthor: The editors\n\nAbout this report.\n")
    message = plant(pages, secret)
    before = snapshot(project)
    result = make(project, "html")
    assert result.returncode != 0 and make_error("html", 2).search(result.stderr)
    assert lines(result)[:-1] == [message, "1 problem; nothing was written.", FAILED]
    assert snapshot(project) == before


def test_regular_hand_written_pages_are_published(project):
    (project / "content/pages/notes").mkdir(parents=True)
    (project / "content/pages/notes/about.md").write_text("Title: About\nAuthor: The editors\n\nABOUT-7f3a\n")
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ABOUT-7f3a" in (project / "output/pages/about.html").read_text()


# ---- the preview server ------------------------------------------------------------------------

def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_a_bad_report_file_under_serve_is_reported_as_a_problem(project, tmp_path):
    edit(project / "data/report.yaml", "  language: en\n", "  language: [en\n")
    port, log = free_port(), tmp_path / "serve.log"
    server = start_make(project, log, "serve", f"PORT={port}")
    try:
        wait_for(lambda: "serving" in log.read_text(), what="the server")
        status, page = _get(f"http://127.0.0.1:{port}/")
    finally:
        stop(server)
    assert status == 200 and "Iraqi–Kurdish clashes" in page, "the last good site is still served"
    text = log.read_text()
    assert "Traceback" not in text
    assert re.search(r"^data/report\.yaml:\d+: \(yaml\): expected valid YAML, found .+$", text, re.M), text
    assert "the data has problems: serving output/ as it was last built" in text.splitlines()


def test_pelican_run_directly_on_a_bad_report_file_reports_the_problem(project):
    edit(project / "data/report.yaml", "  title: Iraqi", "  titel: Iraqi")
    result = subprocess.run([str(project / ".venv/bin/pelican"), "content", "-o", "elsewhere", "-s",
                             "pelican.conf.py"], cwd=project, env=environment(), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    report = project / "data/report.yaml"
    assert result.stderr.splitlines() == [
        f"data/report.yaml:{line_of(report, 'report:')}: report.title: expected a value for 'title', found nothing "
        "(add 'title:' here)",
        f"data/report.yaml:{line_of(report, 'titel')}: report.titel: expected a known field, found the unknown field "
        "'titel' (did you mean 'title'?)",
        "2 problems; nothing was written."]
    assert not (project / "elsewhere").exists()


@pytest.mark.parametrize("target", ["serve", "devserver"])
def test_a_busy_port_exits_non_zero_with_one_clear_line(project, target):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        before = snapshot(project)
        result = make(project, target, f"PORT={port}", timeout=60)
    assert result.returncode != 0 and make_error(target, 1).search(result.stderr)
    assert lines(result)[-2] == (f"cannot serve on http://127.0.0.1:{port}/: Address already in use (another server "
                                 f"is using it; choose another port, e.g. PORT={port + 1})")
    assert snapshot(project) == before


# ---- the watcher -------------------------------------------------------------------------------

def _lone_surrogate(project: Path) -> None:
    # Valid YAML that passes validation, but cannot be written as UTF-8: the generator raises.
    edit(project / "data/actors.yaml", "description: The news outlet that published the article; Col. Ryan Dillon "
         "spoke to it on Thursday 26 October 2017.\n", 'description: "The news outlet \\ud800 that published."\n')


def _theme_error(project: Path) -> None:
    _template_raises(project)


@pytest.mark.parametrize("breakage", [_lone_surrogate, _theme_error], ids=lambda f: f.__name__[1:])
def test_the_watcher_survives_an_exception_in_the_build_and_rebuilds_after_the_fix(project, tmp_path, breakage):
    port, log = free_port(), tmp_path / "devserver.log"
    actors, template = (project / "data/actors.yaml").read_text(), (project / ACTOR_TEMPLATE).read_text()
    server = start_make(project, log, "devserver", f"PORT={port}")
    try:
        wait_for(lambda: "watching" in log.read_text(), seconds=REBUILD, what="the watcher, after its first build")
        good = snapshot(project)
        breakage(project)
        wait_for(lambda: FAILED in log.read_text(), seconds=REBUILD, what="the failed rebuild")
        assert snapshot(project) == good, "the last good site stays"
        assert _get(f"http://127.0.0.1:{port}/actors/cnn/")[0] == 200
        # Only what the breakage changed is put back: rewriting an untouched file is a change of its own,
        # and a rebuild it started before the next write would fail again (a second FAILED).
        if (project / ACTOR_TEMPLATE).read_text() != template:
            (project / ACTOR_TEMPLATE).write_text(template)  # a rebuild now succeeds: the data is good
        (project / "data/actors.yaml").write_text(actors.replace("The news outlet that", "The outlet, edited, that"))
        wait_for(lambda: "The outlet, edited, that" in _get(f"http://127.0.0.1:{port}/actors/cnn/")[1],
                 seconds=REBUILD, what="the rebuilt page, served from the swapped-in output/")
    finally:
        stop(server)
    text = log.read_text()
    assert "Traceback" not in text
    assert text.count(FAILED) == 1
