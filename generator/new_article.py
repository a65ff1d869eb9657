"""Start a new article file: each argument checked as validation checks the data, then the template written.

`python -m generator new` never writes a file that `validate` would reject for its arguments: the id,
outlet, date and title are checked with the functions validation uses, and the text about to be written
is read back with the data loader and the schema before anything touches the disk.
"""

from __future__ import annotations

import datetime
import difflib
import re
import stat
from importlib import resources
from pathlib import Path

from . import dates, ids, schema_check, text_rules
from .load import load_file, load_text
from .pipeline import shown
from .problems import DataError, Problem

COMMAND_LINE = "(command line)"
PLACEHOLDER_OUTLET = "todo-outlet-id"  # a placeholder: validate says to replace it
# The field of the article's source each argument fills in.
ARGUMENTS = {"id": "id", "title": "--title", "outlet": "--outlet", "published": "--published"}
# Sound values put in for refused arguments, so that the others are still read back: every problem at once.
_STAND_INS = {"id": "new-article", "title": "TODO: the article's headline", "outlet": PLACEHOLDER_OUTLET,
              "published": "2000-01-01"}
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the schema's isoDay; \d would allow other scripts' digits
# A title is one line: no C0 or C1 control characters, and no Unicode line or paragraph separator.
_NOT_ON_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What a double-quoted YAML string must escape: the quote, the backslash, and anything outside
# YAML's printable set (a YAML reader refuses those written raw), plus the byte-order mark.
_YAML_ESCAPED = re.compile('["\\\\]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]')


def start(data: Path, article_id: str, title: str, outlet: str | None, published: str | None) -> Path:
    """Write data/articles/<id>.yaml from the template, or raise DataError naming every bad argument."""
    wanted = {"id": article_id, "title": title, "outlet": PLACEHOLDER_OUTLET if outlet is None else outlet,
              "published": datetime.date.today().isoformat() if published is None else published}
    problems = _id_problems(article_id, "id") + _title_problems(title) + _published_problems(wanted["published"])
    if outlet is not None:
        problems += _id_problems(outlet, "outlet") or _outlet_problems(data, outlet)
    refused = {problem.field for problem in problems}
    fields = {name: _STAND_INS[name] if ARGUMENTS[name] in refused else value for name, value in wanted.items()}
    text = render(fields)
    problems += _read_back_problems(text, fields)
    if problems:
        raise DataError(problems)
    target = data / "articles" / f"{article_id}.yaml"
    _refuse_unless_new(target)
    holder = _source_ids(data).get(ids.fold(article_id))
    if holder:
        raise DataError([_argument("id", "an id no other source uses", repr(article_id),
                                   f"{holder} already uses it: choose another id")])
    _write_once(target, text)
    return target


def render(fields: dict[str, str]) -> str:
    """The commented template filled in with already checked fields."""
    template = resources.files("generator.templates").joinpath("article.yaml").read_text("utf-8")
    return template.format(id=fields["id"], title=yaml_quoted(fields["title"]), outlet=fields["outlet"],
                           published=fields["published"])


def yaml_quoted(text: str) -> str:
    """text as a double-quoted YAML string that reads back exactly, whatever it holds."""
    return '"' + _YAML_ESCAPED.sub(_yaml_escape, text) + '"'


def _yaml_escape(match: re.Match) -> str:
    char = match.group()
    if char in '"\\':
        return "\\" + char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _argument(name: str, expected: str, found: str, hint: str = "") -> Problem:
    """A problem with one command-line argument, named as the editor typed it."""
    return Problem(COMMAND_LINE, 1, ARGUMENTS[name], expected, found, hint)


def _id_problems(value: str, name: str) -> list[Problem]:
    if ids.is_valid(value):
        return []
    example = "'cnn'" if name == "outlet" else "'cnn-2017-10-26-kurdish-clashes'"
    return [_argument(name, f"an id such as {example}", repr(value), ids.explain(value))]


def _title_problems(title: str) -> list[Problem]:
    bad = _NOT_ON_ONE_LINE.search(title)
    if bad:
        return [_argument("title", "a headline on one line, without control characters", repr(title),
                          f"remove the character U+{ord(bad.group()):04X}")]
    if any(0xD800 <= ord(char) <= 0xDFFF for char in title):  # what Python makes of bytes that are not UTF-8
        return [_argument("title", "UTF-8 text", repr(title), "type the headline again, or set the terminal to UTF-8")]
    return []


def _published_problems(published: str) -> list[Problem]:
    # The schema's shape, then the calendar check validation runs on `published:`.
    parts = dates.parse_point(published) if _ISO_DAY.fullmatch(published) else None
    if parts is None:
        return [_argument("published", "a real calendar date written YYYY-MM-DD", repr(published),
                          "check the month and day")]
    return []


def _actor_kinds(data: Path) -> dict[str, object] | None:
    """Each actor id in data/actors.yaml with its kind; None when the file cannot be read (validate says why)."""
    try:
        actors = load_file(data / "actors.yaml", shown(data / "actors.yaml")).data["actors"]
        return {a["id"]: a.get("kind") for a in actors if isinstance(a, dict) and isinstance(a.get("id"), str)}
    except (DataError, OSError, KeyError, TypeError):
        return None


def _outlet_problems(data: Path, outlet: str) -> list[Problem]:
    kinds = _actor_kinds(data)
    if kinds is None or kinds.get(outlet) == "media-outlet":
        return []
    expected = "the id of a media-outlet actor in data/actors.yaml"
    if outlet in kinds:
        return [_argument("outlet", expected, f"{outlet!r}, of kind {kinds[outlet]}",
                          f"set kind: media-outlet on actor '{outlet}', or name the outlet")]
    outlets = sorted(key for key, kind in kinds.items() if kind == "media-outlet")
    close = difflib.get_close_matches(outlet, outlets, n=1, cutoff=0.6)
    hint = (f"did you mean '{close[0]}'?" if close
            else "add the outlet to data/actors.yaml first, with kind: media-outlet")
    return [_argument("outlet", expected, repr(outlet), hint)]


def _source_ids(data: Path) -> dict[str, str]:
    """Each id the readable article files already use, folded as validation compares them, with its file."""
    found = {}
    for path in sorted((data / "articles").glob("*.y*ml")):
        if not path.is_file():
            continue  # reading a pipe or a device could block; validate reports what is not a file
        try:
            source = load_file(path, shown(path)).data["source"]
            found.setdefault(ids.fold(source["id"]), shown(path))
        except (DataError, OSError, KeyError, TypeError, AttributeError):
            continue  # validate reports a file that cannot be read
    return found


def _refuse_unless_new(target: Path) -> None:
    """Refuse an existing target of any kind: a file, a folder, a symbolic link (even a dangling one)."""
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise DataError([Problem(shown(folder), 1, "(folder)", "a folder of article files", "a file",
                                 "move that file aside")])
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        raise DataError([Problem(shown(target), 1, "(file)", "a new article id", "an existing file",
                                 "choose another id, or edit that file")])
    found = next((name for is_kind, name in _OTHER_KINDS if is_kind(mode)), "a special file")
    raise DataError([Problem(shown(target), 1, "(file)", "a new article id", found,
                             "choose another id, or remove what is there")])


# What may stand where a new article should go, as the editor would name it (anything else is "a special file").
_OTHER_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"))


def _read_back_problems(text: str, fields: dict[str, str]) -> list[Problem]:
    """Read the text as `validate` would: it must load, pass the schema, and give back each field exactly."""
    try:
        doc = load_text(text, COMMAND_LINE)
    except DataError as err:
        return [_argument_of(p) for p in err.problems]
    source = doc.data["source"]
    # As in `validate`, the text rules are read only on a file the schema accepts: one problem per field.
    found = schema_check.check(doc, "article") or text_rules.document_problems(doc, "article")
    problems = [_argument_of(p) for p in found]
    return problems + [_argument(name, "text that YAML reads back exactly", repr(fields[name]),
                                 f"it reads back as {source.get(name)!r}")
                       for name in ARGUMENTS if source.get(name) != fields[name]]


def _argument_of(problem: Problem) -> Problem:
    """A problem the loader or schema found in a source field, told as the argument that filled it."""
    name = problem.field.removeprefix("source.")
    if name not in ARGUMENTS:
        return problem
    return _argument(name, problem.expected, problem.found, problem.hint)


def _write_once(target: Path, text: str) -> None:
    """Create target with text; never replace a file that appeared meanwhile, never leave half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        stream = target.open("x", encoding="utf-8")  # O_EXCL: fails on anything there, even a dangling link
    except FileExistsError:
        raise DataError([Problem(shown(target), 1, "(file)", "a new article id", "a file that appeared meanwhile",
                                 "choose another id, or edit that file")]) from None
    try:
        with stream:
            stream.write(text)
    except BaseException:
        target.unlink(missing_ok=True)  # ours alone: created exclusively a moment ago
        raise
