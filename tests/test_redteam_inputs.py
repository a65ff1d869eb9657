"""Red-team inputs (issue #9, part B): hostile files, YAML, numbers, dates and text each stop the build with
one clear problem (file, line, field, expected, found, hint), exit status 2, nothing written, never a
traceback and never a hang."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from generator import evidence, pipeline, text_rules
from generator.load import MAX_BYTES, load_file, load_text
from generator.problems import DataError
from generator.write import MANIFEST
from tests.conftest import ACTORS, ARTICLE, ROOT, at, edit, line_of, problems
from tests.conftest import SAMPLE_DATA, examples

FAST = examples(200)  # a tenth in make test-fast (tests/conftest.py)
LINK_HINT = "copy the file into data/: links out of it are not followed"
DIRECTION_HINT = ("delete it: it shows the text in another order than it is written; right-to-left text needs "
                  "no control characters")
NUMBER_RANGE = "a number from 0 to 1000000000000000"


def yaml_problems(text: str) -> list[str]:
    """The problems of a tiny YAML text, loaded as the file t.yaml."""
    with pytest.raises(DataError) as caught:
        load_text(text, "t.yaml")
    return [str(p) for p in caught.value.problems]


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))


def in_a_child(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Python with these arguments in its own process, with a memory cap and a time limit.

    A regression that reads /dev/zero or waits on a FIFO then fails the test (out of memory,
    or timed out) instead of hanging the test run or exhausting the machine.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=30,
                          preexec_fn=_cap_memory)


def validate_in_a_child(cwd: Path) -> subprocess.CompletedProcess:
    """`python -m generator validate` run in cwd, in a child process."""
    return in_a_child("-m", "generator", "--data", "data", "validate", cwd=cwd)


def load_in_a_child(path: str) -> list[str]:
    """The report load_file gives for path, read in a child process."""
    code = ("import sys\nfrom pathlib import Path\nfrom generator.load import load_file\n"
            "from generator.problems import DataError\ntry:\n    load_file(Path(sys.argv[1]), 'x.yaml')\n"
            "except DataError as err:\n    print(err.report())\n")
    return in_a_child("-c", code, path).stdout.splitlines()


# --- 1. only regular files inside data/ are read ----------------------------------------------------------

def test_an_article_linked_to_a_file_outside_data_is_not_read(data, tmp_path):
    """A pull request can add a symlink; it must not publish a file from elsewhere on the machine."""
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    shutil.copy(data.parent / ARTICLE, secret)
    (data / "articles" / "leak.yaml").symlink_to(secret)
    assert problems(data) == [f"data/articles/leak.yaml:1: (file): expected a file inside data, found a symbolic "
                              f"link to {secret.resolve()}, outside data ({LINK_HINT})"]


def test_a_data_file_linked_to_dev_zero_is_refused_unread(data):
    (data / "actors.yaml").unlink()
    (data / "actors.yaml").symlink_to("/dev/zero")
    result = validate_in_a_child(data.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{ACTORS}:1: (file): expected a file inside data, found a symbolic link to /dev/zero, outside data "
        f"({LINK_HINT})", f"{ACTORS}: note: references to actors are not checked until the problems of this file "
        "are fixed", "1 problem; nothing was written."]


def test_a_fifo_among_the_articles_does_not_hang_the_build(data):
    os.mkfifo(data / "articles" / "pipe.yaml")
    result = validate_in_a_child(data.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "data/articles/pipe.yaml:1: (file): expected a regular file, found a named pipe (FIFO) (data files are "
        "ordinary files: remove it, or move it out of data/)", "1 problem; nothing was written."]


def test_a_device_is_refused_before_it_is_read():
    """load_file itself, whatever its caller checked: /dev/zero never ends."""
    assert load_in_a_child("/dev/zero") == [
        "x.yaml:1: (file): expected a regular file, found a character device (data files are ordinary files: "
        "remove it, or move it out of data/)", "1 problem; nothing was written."]


def test_a_file_larger_than_its_size_says_is_read_with_a_bound():
    """/proc/self/pagemap is a regular file whose size reads 0 but whose content runs to gigabytes,
    as a file that grows while it is read: reading stops just past the limit."""
    assert load_in_a_child("/proc/self/pagemap") == [
        f"x.yaml:1: (file): expected a data file under {MAX_BYTES:,} bytes, found more than {MAX_BYTES:,} bytes "
        "(split the data into several article files)", "1 problem; nothing was written."]


def test_a_folder_named_like_an_article_is_a_problem(data):
    (data / "articles" / "drafts.yaml").mkdir()
    assert problems(data) == ["data/articles/drafts.yaml:1: (file): expected a regular file, found a folder "
                              "(data files are ordinary files: remove it, or move it out of data/)"]


def test_a_broken_link_among_the_articles_is_reported_not_skipped(data):
    (data / "articles" / "gone.yaml").symlink_to("moved-away.yaml")
    assert problems(data) == ["data/articles/gone.yaml:1: (file): expected a file it can read, found a symbolic "
                              "link to a missing file, moved-away.yaml (restore the file, or remove the link)"]


def test_links_inside_data_are_followed_and_hidden_files_ignored(data):
    """Guards the rules above: a link that stays inside data/ is fine, and editor litter is not data
    (an Emacs lock is a dangling link named .#file, macOS copies leave binary ._file next to each file)."""
    (data / "shared").mkdir()
    (data / "actors.yaml").rename(data / "shared" / "actors.yaml")
    (data / "actors.yaml").symlink_to(Path("shared") / "actors.yaml")
    (data / "articles" / ".#cnn-2017-10-26-iraq-kurdish-clashes.yaml").symlink_to("editor@host.4242:1700000000")
    (data / "articles" / "._cnn-2017-10-26-iraq-kurdish-clashes.yaml").write_bytes(b"\x00\x05\x16\x07\xff" * 8)
    assert pipeline.check(data).dataset.actors["cnn"].name == "CNN"


# --- 2. the closest-passage hint takes bounded work -------------------------------------------------------

def _long_paragraph(size: int) -> str:
    """Deterministic prose-like text of about size characters, without the sample's names."""
    words = ("the of and to in a is that for it as was with be by on not this are or from at which but have an "
             "they were there one all we their army talks river town said officials forces near".split())
    chooser = random.Random(2017)
    return " ".join(chooser.choice(words) for _ in range(size // 4))[:size]


def test_the_closest_passage_of_a_long_paragraph_comes_quickly(data):
    """Four near misses in a 200 KB paragraph: each gets its closest passage, in under a second of work
    (about 5 s here, and 24 s in the issue, when difflib compared each span with the whole paragraph)."""
    paragraph = _long_paragraph(200_000)
    article = data.parent / ARTICLE
    edit(article, "  paragraphs:\n", f"  paragraphs:\n    - {json.dumps(paragraph)}\n")
    olds = ["ISIS has faced multiple defeats in Iraq", "a vote that was opposed by the coalition",
            "confirmed by the coalition in a statement Thursday", "and have now relocated to Abu Kamal"]
    passages = [paragraph[start:start + 300].strip() for start in (40_000, 90_000, 140_000, 190_000)]
    for old, passage in zip(olds, passages):
        near_miss = passage[:150] + "X" + passage[151:]
        edit(article, f"      - {old}\n", f"      - {near_miss}\n")
    files = pipeline.load(data)
    started = time.process_time()
    with pytest.raises(DataError) as caught:
        pipeline.validate(files)
    work = time.process_time() - started
    hints = sorted(p.hint for p in caught.value.problems)
    assert hints == sorted(f"closest passage: {passage!r}; copy the words exactly" for passage in passages)
    assert work < 1.0, f"{work:.2f} s of work for four near misses"


@pytest.mark.parametrize("span, passage", [
    ("ISIS has faced many defeats in Iraq", "ISIS has faced multiple defeats in Iraq"),
    ("Iraqs Prime Minister Haider al-Abadi demanded Thursday",
     "Iraq's Prime Minister Haider al-Abadi demanded Thursday"),
    ("the coalition was aware of tension and actions among Iraqi Security Forces",
     'the coalition was "aware of tensions and actions among Iraqi Security Forces'),
], ids=["word-changed", "letter-left-out", "quote-and-letter-left-out"])
def test_the_closest_passage_lines_up_with_the_span(span, passage):
    """The hint shows the article's words from where the span starts to where it ends."""
    paragraphs = load_file(SAMPLE_DATA.parent / ARTICLE.replace("data/", "cnn-report/", 1),
                           "article").data["source"]["paragraphs"]  # the frozen sample, never the live data/
    assert evidence.closest(paragraphs, span) == passage


# --- 3. YAML features the format does not use, and numbers and dates out of range -------------------------

def test_a_merge_key_is_refused(data):
    edit(data.parent / ARTICLE, "    kind: clash\n", "    <<: {kind: clash}\n")
    assert problems(data) == [f"{at(ARTICLE, '<<: {kind: clash}')}: events[0].<<: expected a field name, found "
                              "the merge key '<<' (write the fields out in full: merge keys are not allowed)"]


@pytest.mark.parametrize("text, message", [
    ("actors:\n  - <<\n", "t.yaml:2: actors[0]: expected a plain value, found the merge key '<<' (put it in "
                          "quotes, '<<', if it is text: merge keys are not allowed)"),
    ("actors:\n  ? [a, [b]]\n  : 1\n", "t.yaml:2: actors: expected a field name, found a list used as a key "
                                       "(write 'field: value': complex keys are not allowed)"),
    ("actors:\n  ? {a: 1}\n  : 1\n", "t.yaml:2: actors: expected a field name, found a mapping used as a key "
                                     "(write 'field: value': complex keys are not allowed)"),
    ("%YAML 1.1\n---\nactors: []\n", "t.yaml:1: (file): expected plain YAML without directives, found the "
                                     "directive %YAML 1.1 (remove the lines that start with %)"),
    ("%TAG !e! tag:example.com,2000:\n---\nactors: []\n", "t.yaml:1: (file): expected plain YAML without "
     "directives, found the directive %TAG !e! tag:example.com,2000: (remove the lines that start with %)"),
    ('actors: ["\\ud800"]\n', "t.yaml:1: actors[0]: expected characters that UTF-8 can store, found the lone "
                              "surrogate U+D800 (write the character itself, or escape it whole, as \\U0001F600)"),
], ids=["merge-value", "list-key", "mapping-key", "yaml-1.1", "tag-directive", "surrogate"])
def test_yaml_features_the_format_does_not_use(text, message):
    assert yaml_problems(text) == [message]


@pytest.mark.parametrize("number", ["9" * 400, "9" * 5000, "0x" + "f" * 5000],
                         ids=["400-digits", "5000-digits", "5000-hex-digits"])
def test_a_number_with_hundreds_of_digits_is_refused(data, number):
    """Python refuses to convert an int of over 4,300 digits, and a float cannot hold 400."""
    edit(data.parent / ARTICLE, "{exact: 3000, approximate", f"{{exact: {number}, approximate")
    digits = len(number.removeprefix("0x"))
    assert problems(data) == [f"{at(ARTICLE, '{exact: ' + number[:20])}: figures[1].value.exact: expected a "
                              f"number of at most 30 digits, found a number of {digits:,} digits (no count or "
                              "coordinate needs so many: check the number)"]


@pytest.mark.parametrize("value, found", [("-5", "-5"), ("1e300", "1e+300")], ids=["negative", "huge"])
def test_a_count_is_never_negative_nor_astronomical(data, value, found):
    edit(data.parent / ARTICLE, "{exact: 3000, approximate", f"{{exact: {value}, approximate")
    assert problems(data) == [f"{at(ARTICLE, '{exact: ' + value)}: figures[1].value.exact: expected {NUMBER_RANGE}, "
                              f"found {found} (how many, as the source says: a count, never negative)"]


@pytest.mark.parametrize("old, new, field, found", [
    ("value: 2017-09,", "value: 9999-12,", "events[3].date.value", "9999-12"),
    ("value: 2017-09,", "value: 3017-09,", "events[3].date.value", "3017-09"),
    ("{precision: range, end: 2017-10-26, phrase: now}", "{precision: range, end: 9999-12, phrase: now}",
     "events[13].date.end", "9999-12"),
], ids=["month-9999-12", "year-3017", "range-end-9999-12"])
def test_a_date_beyond_the_year_2999_is_refused(data, old, new, field, found):
    edit(data.parent / ARTICLE, old, new)
    assert problems(data) == [f"{at(ARTICLE, new)}: {field}: expected a date in the years 0001 to 2999, found "
                              f"{found!r} (check the year)"]


def test_a_publication_date_beyond_the_year_2999_is_refused(data):
    edit(data.parent / ARTICLE, "  published: 2017-10-26\n", "  published: 9999-12-31\n")
    assert problems(data) == [f"{at(ARTICLE, 'published: 9999')}: source.published: expected a date in the years "
                              "0001 to 2999, found '9999-12-31' (check the year)"]


# --- 3. the writer never writes through a link, nor outside content/ ---------------------------------------

def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_content_folder_that_is_a_link_is_not_written_through(data, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "content").symlink_to(elsewhere)
    with pytest.raises(DataError) as caught:
        pipeline.build(data, tmp_path / "content")
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'content'}:1: (folder): expected a real folder for the pages, found a symbolic link to "
        f"{elsewhere} (replace the link by a folder: the generator never writes through links)"]
    assert list(elsewhere.iterdir()) == []


def test_a_page_folder_that_is_a_link_is_not_written_through(data, tmp_path):
    content, outside = tmp_path / "content", tmp_path / "outside"
    pipeline.build(data, content)
    shutil.move(content / "actors", outside)
    (content / "actors").symlink_to(outside)
    before = snapshot(outside)
    (data / "actors.yaml").write_text((data / "actors.yaml").read_text("utf-8").replace(
        "The news outlet that published", "The outlet that published"), "utf-8")
    with pytest.raises(DataError) as caught:
        pipeline.build(data, content)
    assert [str(p) for p in caught.value.problems] == [
        f"{content / 'actors'}:1: (folder): expected a real folder for the pages, found a symbolic link to "
        f"{outside} (replace the link by a folder: the generator never writes through links)"]
    assert snapshot(outside) == before


@pytest.mark.parametrize("entry", ["../victim.md", "{victim}", "actors/../../victim.md"],
                         ids=["parent", "absolute", "inner-parent"])
def test_a_manifest_entry_outside_content_is_refused_and_nothing_is_deleted(data, tmp_path, entry):
    """A manifest that claims a file outside content/ would have the build delete it as a stale page."""
    content, victim = tmp_path / "content", tmp_path / "victim.md"
    pipeline.build(data, content)
    victim.write_text("someone's notes\n")
    entry = entry.format(victim=victim)
    manifest = json.loads((content / MANIFEST).read_text("utf-8"))
    manifest["files"][entry] = hashlib.sha256(victim.read_bytes()).hexdigest()
    (content / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    before = snapshot(content)
    with pytest.raises(DataError) as caught:
        pipeline.build(data, content)
    line = line_of(content / MANIFEST, json.dumps(entry))
    assert [str(p) for p in caught.value.problems] == [
        f"{content / MANIFEST}:{line}: files[{json.dumps(entry)}]: expected a page path inside content, found "
        f"{entry!r} (the manifest lists only pages the generator wrote: restore it from version control, or move "
        "content/ aside and build again)"]
    assert victim.read_text() == "someone's notes\n" and snapshot(content) == before


# --- 4. text that misleads ----------------------------------------------------------------------------------

def test_a_right_to_left_override_in_a_name_is_refused(data):
    edit(data.parent / ACTORS, "    name: CNN\n", "    name: C\u202eNN\n")
    assert problems(data) == [f"{at(ACTORS, 'name: C' + chr(0x202E))}: actors[0].name: expected text without "
                              "bidirectional embeddings or overrides, found U+202E RIGHT-TO-LEFT OVERRIDE at "
                              f"character 2 ({DIRECTION_HINT})"]


def test_a_name_of_zero_width_spaces_only_is_refused(data):
    edit(data.parent / ACTORS, "    name: CNN\n", '    name: "\\u200b\\u200b"\n')
    assert problems(data) == [f"{at(ACTORS, 'name: ' + chr(34))}: actors[0].name: expected visible text, found "
                              "only invisible characters: U+200B ZERO WIDTH SPACE (write the words out: as it is, it "
                              "shows as nothing)"]


@pytest.mark.parametrize("path, old, new, field, found, expected, hint", [
    (ACTORS, "    name: CNN\n", '    name: "CN\\u200bN"\n', "actors[0].name",
     "U+200B ZERO WIDTH SPACE at character 3", "text without invisible characters",
     "delete it: a name with it looks the same as one without, but is not"),
    (ACTORS, "    name: CNN\n", '    name: "CNN\\u2067x\\u2069"\n', "actors[0].name",
     "U+2067 RIGHT-TO-LEFT ISOLATE at character 4", "text without bidirectional isolates",
     "delete it: the site isolates each name's direction itself"),
    (ACTORS, "    name: CNN\n", '    name: "CNN\\nNews"\n', "actors[0].name", "U+000A (a control character) at "
     "character 4", "text without line breaks or tabs", "write it on one line, with single spaces"),
    (ARTICLE, "    title: Tal Afar falls in a matter of days, Col. Pat Work says\n",
     '    title: "\\x1b[31mTal Afar falls"\n', "events[19].title",
     "U+001B (a control character) at character 1", "text without control characters",
     "delete it: it is invisible, and terminals act on it"),
    (ARTICLE, '    - "Armed clashes', '    - "\\aArmed clashes', "source.paragraphs[0]",
     "U+0007 (a control character) at character 1", "text without control characters",
     "delete it: it is invisible, and terminals act on it"),
    (ARTICLE, "unit: ISIS defenders}", 'unit: "ISIS\\u202a defenders"}', "figures[0].value.unit",
     "U+202A LEFT-TO-RIGHT EMBEDDING at character 5", "text without bidirectional embeddings or overrides",
     DIRECTION_HINT),
    (ACTORS, "Col. Ryan Dillon, Dillon]", 'Col. Ryan Dillon, "Dil\\u202dlon"]', "actors[2].aliases[1]",
     "U+202D LEFT-TO-RIGHT OVERRIDE at character 4", "text without bidirectional embeddings or overrides",
     DIRECTION_HINT),
], ids=["zero-width-space-in-name", "isolate-in-name", "newline-in-name", "escape-in-title", "bell-in-paragraph",
        "embedding-in-unit", "override-in-alias"])
def test_hidden_and_reordering_characters_in_text_fields(data, path, old, new, field, found, expected, hint):
    edit(data.parent / path, old, new)
    where = at(path, new.strip().split("\n")[0])
    assert problems(data) == [f"{where}: {field}: expected {expected}, found {found} ({hint})"]


PARAGRAPH_END = 'where fighting lasted for months."'  # past every evidence span of the last paragraph


def test_an_override_in_a_paragraph_is_refused_but_isolates_and_marks_are_kept(data):
    edit(data.parent / ARTICLE, PARAGRAPH_END,
         'where fighting lasted for months. \\u2067\\u200fقال\\u2069 \\u202e."')
    character = len("He contrasted the fall of Tal Afar and Hawijeh in a matter of days with Mosul and Raqqa, where "
                    "fighting lasted for months. \u2067\u200fقال\u2069 ") + 1
    assert problems(data) == [f"{at(ARTICLE, 'lasted for months. ')}: source.paragraphs[12]: expected text without "
                              "bidirectional embeddings or overrides, found U+202E RIGHT-TO-LEFT OVERRIDE at "
                              f"character {character} ({DIRECTION_HINT})"]


def test_right_to_left_names_with_their_marks_are_accepted(data):
    """Guards the rules above: Arabic, Persian (ZWNJ inside a word), Kurdish and Hebrew text with
    direction marks, and emoji with ZWJ, pass in names, aliases and paragraphs."""
    edit(data.parent / ACTORS, "    aliases: [Col. Ryan Dillon, Dillon]",
         '    aliases: [Col. Ryan Dillon, Dillon, "رايان ديلون\\u200f", "می\\u200cخواهم", "ڕایان دیلۆن", '
         '"ריאן דילון", "👩\\u200d👩\\u200d👧 Dillon", "Dillon \\u200eجديد"]')
    edit(data.parent / ARTICLE, PARAGRAPH_END, 'where fighting lasted for months. \\u2067قال\\u2069\\u200f"')
    dataset = pipeline.check(data).dataset
    assert dataset.actors["ryan-dillon"].aliases[2:4] == ["رايان ديلون\u200f", "می\u200cخواهم"]
    assert dataset.sources["cnn-2017-10-26-iraq-kurdish-clashes"].paragraphs[12].endswith("\u2067قال\u2069\u200f")


def test_every_text_field_of_every_schema_is_checked():
    """The rule's fields come from the schemas: every string of the sample data is reached, and
    exactly the long texts are checked as prose."""
    prose, lines = set(), set()
    for name, kind in (("report", "report"), ("actors", "actors"), ("places", "places"),
                       ("articles/cnn-2017-10-26-iraq-kurdish-clashes", "article")):
        doc = load_file(SAMPLE_DATA / f"{name}.yaml", name)
        reached = {pointer for pointer, _, _ in text_rules.text_fields(doc.data, kind)}
        assert reached == set(_strings(doc.data, ())), name
        for pointer, _, style in text_rules.text_fields(doc.data, kind):
            named = ".".join(str(p) for p in pointer if isinstance(p, str))
            (prose if style == "prose" else lines).add(f"{kind}:{named}")
    assert prose == PROSE_FIELDS & (prose | lines), "exactly the long texts are prose"
    assert {"actors:actors.name", "article:events.title", "article:figures.value.unit"} <= lines


PROSE_FIELDS = {"report:report.summary", "actors:actors.description", "places:places.description",
                "actors:actors.context.note", "places:places.context.note", "article:source.paragraphs",
                "article:events.description", "article:events.evidence", "article:events.context.note",
                "article:quotes.text", "article:quotes.evidence", "article:figures.evidence",
                "article:relationships.evidence"}


def _strings(value, pointer):
    if isinstance(value, str):
        yield pointer
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, pointer + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, pointer + (index,))


# --- 4. properties of the text rules ------------------------------------------------------------------------

LETTERS = ("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éèüö" + "êîûçşÊÎÛÇŞ" + "ابتثجحخدذرزسشصعغفقكلمنهوي"
           + "ێۆڕڵڤگچپژکە" + "אבגדהוזחטיכלמנסעפצקרשת" + "😀👍🇮🇶" + "-'.,()")
MARKS = "\u064e\u0650\u0652\u05b4\u0301\u200e\u200f\u061c"  # harakat, niqqud, an accent, LRM, RLM, ALM
OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u180e\u3164\ufe0f \u3000\u00a0"
WORD = st.builds(lambda first, rest, joiner, more: first + rest + (joiner + more if more else ""),
                 st.sampled_from(LETTERS.replace("-'.,()", "")),
                 st.text(st.sampled_from(LETTERS + MARKS), max_size=8),
                 st.sampled_from(["\u200c", "\u200d", ""]), st.text(st.sampled_from(LETTERS), max_size=4))
NAME = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
STYLES = st.sampled_from(["line", "prose"])


@FAST
@given(NAME, st.sampled_from(OVERRIDES), st.data(), STYLES)
def test_any_text_with_an_override_is_refused(name, override, data, style):
    position = data.draw(st.integers(0, len(name)))
    text = name[:position] + override + name[position:]
    expected, found, _ = text_rules.check(text, style)
    assert expected == "text without bidirectional embeddings or overrides"
    assert found == f"U+{ord(override):04X} {unicodedata.name(override)} at character {position + 1}"


@FAST
@given(st.text(st.sampled_from(INVISIBLE), min_size=1), STYLES)
@example("\u200b", "line")
def test_any_text_of_only_invisible_characters_is_refused(text, style):
    expected, found, _ = text_rules.check(text, style)
    assert (expected, found.split(":")[0]) == ("visible text", "only invisible characters")


@FAST
@given(NAME, STYLES)
@example("رايان ديلون\u200f", "line")
@example("می\u200cخواهم", "line")
def test_right_to_left_names_with_marks_and_joiners_are_accepted(name, style):
    assert text_rules.check(name, style) is None
