"""The command line: python -m generator build | validate | new, called in process (cli.main), and a few
runs of the real interpreter (marked process) for its exit status and stderr."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.write import MANIFEST
from tests import factory
from tests.conftest import ACTORS, SAMPLE_DATA, at, edit

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """python -m generator with args, in cwd, as a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def generator(*argv: str) -> tuple[int, str, str]:
    """python -m generator with argv, in this process (quicker than a fresh one): status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding a copy of the sample data."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    return tmp_path


def test_validate_reports_counts_and_writes_nothing(tmp_path, monkeypatch):
    factory.write(tmp_path, events=[factory.event("attack", "the Red Army attacked Northtown")],
                  quotes=[factory.quote("rebuild", "alice-smith", "We will rebuild Northtown.")])
    monkeypatch.chdir(tmp_path)
    status, out, err = generator("validate")
    assert (status, err) == (0, "")
    assert out == ("ok: 1 source, 3 actors, 2 places, 1 event, 1 quote, 0 figures, 0 relationships, "
                   "2 evidence spans; nothing written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_build_writes_content(data_copy):
    status, out, err = generator("build")
    assert status == 0, err
    pages = json.loads((data_copy / "content" / MANIFEST).read_text())["files"]
    assert f"content: {len(pages)} written, 0 unchanged, 0 removed" in out
    assert (data_copy / "content" / "actors" / "ryan-dillon.md").is_file()


def test_bad_data_exits_2_with_the_problem_on_stderr(data_copy):
    actors = data_copy / "data" / "actors.yaml"
    edit(actors, "kind: media-outlet\n", "kind: media outlet\n")
    status, out, err = generator("build")
    assert status == 2 and out == ""
    assert (f"{at(ACTORS, 'kind: media outlet')}: actors[0].kind: expected one of person, armed-force, armed-group, "
            "government, political-entity, state, coalition, media-outlet, organization, group, found 'media outlet' "
            "(did you mean 'media-outlet'?)") in err
    assert not (data_copy / "content").exists()


@pytest.mark.process
def test_the_interpreter_exits_2_on_bad_data_with_the_problem_and_no_traceback(project):
    """python -m generator, as an editor runs it: the real exit status, the problem on stderr, nothing else."""
    actors = project / "data" / "actors.yaml"
    edit(actors, "kind: media-outlet\n", "kind: media outlet\n")
    result = run("build", cwd=project)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == "1 problem; nothing was written."
    assert "Traceback" not in result.stderr and not (project / "content").exists()


def test_new_starts_an_article_that_validates(data_copy):
    status, _, err = generator("new", "cnn-2017-11-03-al-qaim", "--outlet", "cnn", "--published", "2017-11-03",
                               "--title", 'Iraq retakes "al Qaim": a headline with # and \\ in it')
    assert status == 0, err
    text = (data_copy / "data" / "articles" / "cnn-2017-11-03-al-qaim.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../generator/schema/article.schema.json\n")
    article = data_copy / "data" / "articles" / "cnn-2017-11-03-al-qaim.yaml"
    for placeholder in ("TODO: the first paragraph, in place of this line",
                        'TODO: the second; one "- >-" item per paragraph'):
        edit(article, placeholder, "Iraqi forces entered al Qaim.")  # the editor replaces each placeholder
    status, out, err = generator("validate")
    assert status == 0, err
    assert out.startswith("ok: 2 sources")


def test_new_never_replaces_an_existing_file(data_copy):
    target = data_copy / "data" / "articles" / "cnn-2017-10-26-iraq-kurdish-clashes.yaml"
    before = target.read_bytes()
    status, _, err = generator("new", "cnn-2017-10-26-iraq-kurdish-clashes")
    assert status == 2
    assert ("data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml:1: (file): expected a new article id, "
            "found an existing file (choose another id, or edit that file)") in err
    assert target.read_bytes() == before


@pytest.mark.parametrize("bad", ["../evil", "/etc/passwd", "Index", ""])
def test_new_refuses_unsafe_ids(data_copy, bad):
    status, _, err = generator("new", bad)
    assert status == 2 and err.startswith("(command line):1: id: expected an id")
    assert sorted(p.name for p in (data_copy / "data" / "articles").iterdir()) == [
        "cnn-2017-10-26-iraq-kurdish-clashes.yaml"]


def test_a_new_article_without_an_outlet_says_what_to_fill_in(data_copy):
    generator("new", "draft")
    status, _, err = generator("validate")
    assert status == 2
    assert ("source.outlet: expected a value of your own, found the placeholder 'todo-outlet-id' "
            "(replace the placeholder)") in err


# --- `new` checks every argument as validation would, and writes nothing when one is wrong ------------------

@pytest.mark.parametrize("argument, value, message", [
    ("--published", "2017-02-30", "--published: expected a real calendar date written YYYY-MM-DD, found '2017-02-30' "
                                  "(check the month and day)"),
    ("--published", "2017-11-3", "--published: expected a real calendar date written YYYY-MM-DD, found '2017-11-3' "
                                 "(check the month and day)"),
    ("--published", "03/11/2017", "--published: expected a real calendar date written YYYY-MM-DD, found '03/11/2017' "
                                  "(check the month and day)"),
    ("--title", "   ", "--title: expected a line of text, found '   '"),
    ("--title", "Two\nlines", "--title: expected a headline on one line, without control characters, found "
                              "'Two\\nlines' (remove the character U+000A)"),
    ("--title", "Tab\there", "--title: expected a headline on one line, without control characters, found "
                             "'Tab\\there' (remove the character U+0009)"),
    ("--outlet", "CNN", "--outlet: expected an id such as 'cnn', found 'CNN' (ids are lowercase; try 'cnn')"),
    ("--outlet", "cnnn", "--outlet: expected the id of a media-outlet actor in data/actors.yaml, found 'cnnn' "
                         "(did you mean 'cnn'?)"),
    ("--outlet", "ryan-dillon", "--outlet: expected the id of a media-outlet actor in data/actors.yaml, found "
                                "'ryan-dillon', of kind person (set kind: media-outlet on actor 'ryan-dillon', or name "
                                "the outlet)"),
])
def test_new_names_the_bad_argument_and_writes_nothing(data_copy, argument, value, message):
    status, out, err = generator("new", "cnn-2017-11-03-al-qaim", f"{argument}={value}")
    assert status == 2 and out == ""
    assert err.splitlines() == [f"(command line):1: {message}", "1 problem; nothing was written."]
    assert sorted(os.listdir(data_copy / "data" / "articles")) == ["cnn-2017-10-26-iraq-kurdish-clashes.yaml"]


def test_new_reports_every_bad_argument_at_once(data_copy):
    status, _, err = generator("new", "Al-Qaim", "--outlet", "nobody", "--published", "2017-13-01", "--title", "")
    assert status == 2
    assert [line.split(": expected")[0] for line in err.splitlines()] == [
        "(command line):1: --outlet", "(command line):1: --published", "(command line):1: --title",
        "(command line):1: id", "4 problems; nothing was written."]


def test_new_refuses_an_id_another_article_file_uses(data_copy):
    articles = data_copy / "data" / "articles"
    text = (articles / "cnn-2017-10-26-iraq-kurdish-clashes.yaml").read_text()
    (articles / "renamed.yaml").write_text(text.replace("  id: cnn-2017-10-26-iraq-kurdish-clashes\n",
                                                        "  id: cnn-2017-11-03-al-qaim\n", 1))
    status, _, err = generator("new", "cnn-2017-11-03-al-qaim", "--outlet", "cnn")
    assert status == 2 and not (articles / "cnn-2017-11-03-al-qaim.yaml").exists()
    assert err.splitlines()[0] == ("(command line):1: id: expected an id no other source uses, found "
                                   "'cnn-2017-11-03-al-qaim' (data/articles/renamed.yaml already uses it: choose "
                                   "another id)")


# --- every command fails with one clear line and a non-zero status, never a traceback -----------------------

@pytest.mark.parametrize("argv, line", [
    (["new"], "python -m generator new: the following arguments are required: id "
              "(see: python -m generator new --help)"),
    (["bulid"], "python -m generator: argument command: invalid choice: 'bulid' (choose from 'build', 'validate', "
                "'check-data', 'site', 'watch', 'serve', 'clean', 'new', 'synth') (see: python -m generator --help)"),
    (["validate", "--strict"], "python -m generator: unrecognized arguments: --strict "
                               "(see: python -m generator --help)"),
])
def test_a_command_line_argparse_refuses_is_one_line(data_copy, argv, line):
    status, out, err = generator(*argv)
    assert status == 2 and out == ""
    assert err.splitlines() == [line]


@pytest.mark.process
def test_the_interpreter_exits_2_on_a_bad_command_line_with_one_line(project):
    result = run("bulid", cwd=project)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("python -m generator: argument command")


def test_a_folder_that_cannot_be_written_is_one_line(data_copy):
    (data_copy / "not-a-folder").write_text("a file\n")
    created = generator("--data", "not-a-folder", "new", "probe")
    built = generator("build", "--content", "not-a-folder")
    assert created[0] == 1 and created[2] == "error: not-a-folder/articles/probe.yaml: Not a directory\n"
    # The writer checks content/ itself: a file there is a problem of the data's destination (exit 2).
    assert built[0] == 2 and "Traceback" not in built[2]
    assert built[2].splitlines() == [
        "not-a-folder:1: (folder): expected a real folder for the pages, found a file "
        "(move or rename it: the generator writes its pages in a folder there)", "1 problem; nothing was written."]
    assert (data_copy / "not-a-folder").read_text() == "a file\n"


@pytest.mark.process
def test_the_interpreter_exits_1_when_a_folder_cannot_be_written(project):
    (project / "not-a-folder").write_text("a file\n")
    result = run("--data", "not-a-folder", "new", "probe", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "error: not-a-folder/articles/probe.yaml: Not a directory\n"
