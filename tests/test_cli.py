"""The command line, run as an editor runs it: python -m generator build | validate | new."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """python -m generator with args, in cwd, as a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding a copy of the sample data."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_validate_reports_counts_and_writes_nothing(project):
    result = run("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 source, 19 actors, 13 places, 21 events")
    assert sorted(p.name for p in project.iterdir()) == ["data"]


def test_build_writes_content(project):
    result = run("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "content: 60 written, 0 unchanged, 0 removed" in result.stdout
    assert (project / "content" / "actors" / "ryan-dillon.md").is_file()


def test_bad_data_exits_2_with_the_problem_on_stderr(project):
    actors = project / "data" / "actors.yaml"
    actors.write_text(actors.read_text().replace("kind: media-outlet", "kind: media outlet", 1))
    line = actors.read_text().splitlines().index("    kind: media outlet") + 1
    result = run("build", cwd=project)
    assert result.returncode == 2 and result.stdout == ""
    assert (f"data/actors.yaml:{line}: actors[0].kind: expected one of person, armed-force, armed-group, government, "
            "political-entity, state, coalition, media-outlet, organization, group, found 'media outlet' "
            "(did you mean 'media-outlet'?)") in result.stderr
    assert not (project / "content").exists()


def test_new_starts_an_article_that_validates(project):
    created = run("new", "cnn-2017-11-03-al-qaim", "--outlet", "cnn", "--published", "2017-11-03",
                  "--title", 'Iraq retakes "al Qaim": a headline with # and \\ in it', cwd=project)
    assert created.returncode == 0, created.stderr
    text = (project / "data" / "articles" / "cnn-2017-11-03-al-qaim.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../generator/schema/article.schema.json\n")
    checked = run("validate", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("ok: 2 sources")


def test_new_never_replaces_an_existing_file(project):
    target = project / "data" / "articles" / "cnn-2017-10-26-iraq-kurdish-clashes.yaml"
    before = target.read_bytes()
    result = run("new", "cnn-2017-10-26-iraq-kurdish-clashes", cwd=project)
    assert result.returncode == 2
    assert ("data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml:1: (file): expected a new article id, "
            "found an existing file (choose another id, or edit that file)") in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("bad", ["../evil", "/etc/passwd", "Index", ""])
def test_new_refuses_unsafe_ids(project, bad):
    result = run("new", bad, cwd=project)
    assert result.returncode == 2 and result.stderr.startswith("(command line):1: id: expected an id")
    assert sorted(p.name for p in (project / "data" / "articles").iterdir()) == [
        "cnn-2017-10-26-iraq-kurdish-clashes.yaml"]


def test_a_new_article_without_an_outlet_says_what_to_fill_in(project):
    run("new", "draft", cwd=project)
    result = run("validate", cwd=project)
    assert result.returncode == 2
    assert "source.outlet: expected the id of an actor, found 'your-outlet-id'" in result.stderr
