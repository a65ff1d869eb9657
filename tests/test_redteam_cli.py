"""The command line against hostile input: links, special files, injected YAML, and names that drive terminals."""

from __future__ import annotations

import datetime
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from generator import pipeline, schema_check, text_rules
from generator.load import load_file
from generator.problems import printable
from tests.conftest import SAMPLE_DATA, examples
from tests.test_cli import generator, run

FAST = examples(100)  # a tenth in make test-fast (tests/conftest.py)
# Text an editor could type as a headline: anything but control characters (and lone surrogates, which
# no keyboard makes), line and paragraph separators included: the command must refuse those, not garble them.
ONE_LINE = st.characters(exclude_categories=("Cc", "Cs"))
CONTROL = st.characters(categories=("Cc",)) | st.sampled_from("\u2028\u2029")
UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # "\n" ends a line


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a copy of the sample data, as the working folder."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory) -> Path:
    """A data folder with one outlet and no article yet, for the property tests (each removes what it writes)."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    (data / "articles").mkdir(parents=True)
    (data / "actors.yaml").write_text("actors:\n  - id: cnn\n    name: CNN\n    kind: media-outlet\n"
                                      "    description: The outlet.\n", encoding="utf-8")
    return data


def new(data: Path, *args: str) -> tuple[int, str, str, Path]:
    """Run `new probe ...` on data/: its status, stdout, stderr, and the file it would write."""
    return *generator("--data", str(data), "new", "probe", *args), data / "articles" / "probe.yaml"


def article_files(data: Path) -> list[str]:
    return sorted(os.listdir(data / "articles"))


# --- the target: never through a link, never onto anything that is there ------------------------------------

@pytest.mark.parametrize("points_to", ["nowhere", "outside.yaml"])
def test_new_refuses_a_symbolic_link_dangling_or_not(project, points_to):
    outside = project / "outside.yaml"
    outside.write_text("mine\n")
    link = project / "data" / "articles" / "probe.yaml"
    link.symlink_to(project / points_to)
    status, out, err = generator("new", "probe")
    assert status == 2 and out == ""
    assert err.splitlines() == [
        "data/articles/probe.yaml:1: (file): expected a new article id, found a symbolic link "
        "(choose another id, or remove what is there)", "1 problem; nothing was written."]
    assert link.is_symlink() and os.readlink(link) == str(project / points_to)
    assert outside.read_text() == "mine\n" and not (project / "nowhere").exists()


@pytest.mark.parametrize("make, found", [(os.mkdir, "a folder"), (os.mkfifo, "a special file")])
def test_new_refuses_a_target_that_is_not_a_regular_file(project, make, found):
    make(project / "data" / "articles" / "probe.yaml")
    status, _, err = generator("new", "probe")  # a pipe is never opened: that would block
    assert status == 2
    assert err.splitlines()[0] == (f"data/articles/probe.yaml:1: (file): expected a new article id, found {found} "
                                   "(choose another id, or remove what is there)")


# --- arguments never become YAML syntax --------------------------------------------------------------------

@pytest.mark.parametrize("argument, value", [
    ("--published", "2017-11-03\nurl: https://evil.example"),
    ("--published", "2017-11-03 # comment"),
    ("--published", "2017-11-03\r"),
    ("--title", 'Headline"\n  url: https://evil.example\n  x: "'),
    ("--title", "Headline\u2028url: https://evil.example"),
])
def test_an_argument_cannot_add_a_field(project, argument, value):
    status, out, err, target = new(project / "data", "--outlet", "cnn", f"{argument}={value}")
    assert status == 2 and out == "" and not target.exists()
    assert err.startswith(f"(command line):1: {argument}: expected ")
    assert len(err.splitlines()) == 2, "one line for the problem, one for the count"


HOSTILE_TITLES = ['He said "no" \\ then: # left', "- a list?", "{0} {title}", "null", "true", "  spaced  ",
                  "a\ufffeb", "عنوان \u200fبالعربية", "😀 🇮🇶", "'single' & <b>bold</b>", "%YAML 1.1",
                  "--- not a document", "-starts with a hyphen"]


def test_hostile_titles_give_files_that_validate(project):
    """Each title written by `new`, then the whole data validated as `validate` does: each title comes back exactly."""
    shutil.rmtree(project / "data" / "articles")  # only the new articles, so that validating them is quick
    for number, title in enumerate(HOSTILE_TITLES):
        status, _, err = generator("new", f"probe-{number}", "--outlet", "cnn", "--published", "2017-11-03",
                                   f"--title={title}")
        assert status == 0, err
        article = project / "data" / "articles" / f"probe-{number}.yaml"  # its paragraphs' placeholders filled in
        article.write_text(article.read_text("utf-8").replace("TODO: ", "Filled in: "), "utf-8")
    sources = pipeline.check(project / "data").dataset.sources
    assert [sources[f"probe-{number}"].title for number in range(len(HOSTILE_TITLES))] == HOSTILE_TITLES


@FAST
@given(st.text(ONE_LINE, max_size=60))
@example("")
@example("\u00a0\u3000")
@example("\ufeffmarked")
@example("a\u200bb")
def test_any_title_without_control_characters_reads_back_exactly(data_folder, title):
    """Written with exactly that title, clean for the schema and the text rules; or, when validation would
    refuse it (blank, a line break, an invisible or reordering character), refused with nothing written."""
    status, _, err, target = new(data_folder, "--outlet", "cnn", "--published", "2017-11-03", f"--title={title}")
    try:
        if not re.search(r"\S", title) or text_rules.check(title, text_rules.LINE) is not None:
            assert status == 2 and not target.exists()
            assert err.startswith("(command line):1: --title: expected ")
            return
        assert status == 0, err
        doc = load_file(target, "probe.yaml")
        assert doc.data["source"]["title"] == title
        assert schema_check.check(doc, "article") == []
        assert text_rules.document_problems(doc, "article") == []
    finally:
        target.unlink(missing_ok=True)


@FAST
@given(st.text(ONE_LINE, max_size=20), CONTROL, st.text(ONE_LINE, max_size=20))
def test_a_title_with_a_control_character_writes_nothing(data_folder, before, control, after):
    status, out, err, target = new(data_folder, f"--title={before}{control}{after}")
    assert status == 2 and out == "" and not target.exists()
    assert err.startswith("(command line):1: --title: expected a headline on one line, without control characters")
    assert article_files(data_folder) == []


@FAST
@given(st.dates().map(lambda day: day.isoformat()) | st.text(max_size=12))
@example("2017-02-30")
@example("2017-02-29")
@example("٢٠١٧-١٠-٢٦")  # digits, but not the schema's [0-9]
def test_published_is_accepted_exactly_when_it_is_a_real_calendar_date(data_folder, published):
    status, _, err, target = new(data_folder, f"--published={published}")
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", published) and _real_day(published):
            assert status == 0, err
            assert load_file(target, "probe.yaml").data["source"]["published"] == published
        else:
            assert status == 2 and not target.exists()
            assert err.startswith(f"(command line):1: --published: expected a real calendar date written YYYY-MM-DD, "
                                  f"found {published!r}")
    finally:
        target.unlink(missing_ok=True)


def _real_day(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- names that could drive the terminal are printed escaped ---------------------------------------------

@pytest.mark.parametrize("name, shown", [
    ("\x1b[31mred.yaml", "\\x1b[31mred.yaml"),
    ("\x1b]0;owned\x07.yaml", "\\x1b]0;owned\\x07.yaml"),
    ("two\nlines.yaml", "two\\x0alines.yaml"),
    ("evil\u202egnp.yaml", "evil\\u202egnp.yaml"),
])
def test_a_data_file_name_cannot_drive_the_terminal(project, name, shown):
    (project / "data" / "articles" / name).write_text("source: [\n", encoding="utf-8")
    status, _, err = generator("validate")
    assert status == 2
    assert not UNPRINTABLE.search(err), repr(err)
    lines = err.splitlines()
    assert lines[0].startswith(f"data/articles/{shown}:2: (yaml): expected valid YAML") and len(lines) == 2


def test_a_real_terminal_gets_no_escape_sequence(project):
    """The same through a real process, as an editor runs it."""
    (project / "data" / "articles" / "\x1b[2J\x1b[31mred.yaml").write_text("source: [\n", encoding="utf-8")
    result = run("validate", cwd=project)
    assert result.returncode == 2 and not UNPRINTABLE.search(result.stderr)
    assert result.stderr.startswith("data/articles/\\x1b[2J\\x1b[31mred.yaml:2: (yaml): expected valid YAML")


def test_a_path_the_cli_prints_is_escaped_too(project):
    os.rename("data", "\x1b[2Jdata")
    status, out, err = generator("--data", "\x1b[2Jdata", "new", "probe")
    assert status == 0, err
    assert out.startswith("created \\x1b[2Jdata/articles/probe.yaml;") and not UNPRINTABLE.search(out)


def test_an_unparsable_command_line_is_escaped(project):
    status, out, err = generator("\x1b[31mbuild")
    assert status == 2 and out == "" and not UNPRINTABLE.search(err) and "\\x1b[31mbuild" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("text, shown", [
    ("\x1b[31m", "\\x1b[31m"), ("bell\x07", "bell\\x07"), ("a\x85b", "a\\x85b"), ("\x7f", "\\x7f"),
    ("fdp.exe\u202e", "fdp.exe\\u202e"), ("one\u2028two", "one\\u2028two"),
    ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    # What names in any script really contain stays as it is.
    ("هەولێر", "هەولێر"), ("می\u200cخواهم", "می\u200cخواهم"), ("👍🏽 🇮🇶", "👍🏽 🇮🇶"), ("Şêx Mehmûd", "Şêx Mehmûd"),
])
def test_printable_escapes_only_what_drives_a_terminal(text, shown):
    assert printable(text) == shown
