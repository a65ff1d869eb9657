"""The red-team sites: every payload family in every text and URL field, built twice by Pelican.

Family i gets an actor, a place and an article of its own (with an event, a quote, a figure and a
relationship), and its payload starts every text field of them, followed by a tag naming the field
("t03x05"), so each value can be found and names stay unique. The report's title and summary hold
every family's payload at once. The plain twin is built from the same structure with "Plain words"
instead of each payload and a plain address instead of each URL payload: every page of the hostile
site must be its twin's page with the plain words replaced, and nothing more.

Decoy files sit beside content/ (.git/config, secret.txt), where {attach}/../ and {static}/../
payloads point: the original bug copied such a file into the published site.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from generator import open_data, previews
from generator.problems import DataError
from tests.conftest import SAMPLE_DATA
from tests.site import Site, build_site

# Absolute, so that the feed and the sitemap are written too; http, so a test can serve it locally.
SITEURL = "http://reports.example/report"
# Each family's payload; none holds ". " (descriptions are listed by their first sentence) or a
# control character. Bidi overrides are rejected by validation, so they are planted in the
# validated model instead (test_redteam_render.py); right-to-left letters are legitimate data.
FAMILIES = {
    "script-tag": "<script>window.__xss=1</script>",
    "image-onerror": '<img src=x onerror="window.__xss=2">',
    "attribute-break": "\" onmouseover=\"window.__xss=3\" ' onfocus='window.__xss=4",
    "javascript-url": "javascript:window.__xss=5",
    "data-url": "data:text/html,<script>window.__xss=6</script>",
    "html-link": '<a href="javascript:window.__xss=7">x</a>',
    "markdown-link": "[click](javascript:window.__xss=8)",
    "markdown-image": "![x](https://example.org/x.png)",
    "reference-definition": "[x]: https://example.org/",
    "autolink": "<https://example.org/>",
    "attribute-list": "{: .x #y onclick=window.__xss=9 }",
    "backtick-fence": "```",
    "tilde-fence": "~~~",
    "heading": "# heading",
    "list-item": "- item",
    "numbered-item": "2017. A year",
    "block-quote": "> quoted",
    "table-row": "| a | b |",
    "html-comment": "<!-- comment",
    "entities": "&amp; &#x3c;script&#x3e; &lt; &#91;x&#93;",
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}",
    "pelican-links": "{attach}/../.git/config {static}/../secret.txt {filename}/actors/cnn.md |filename|x {index}",
    "right-to-left": "البيشمركة في كركوك (in Kirkuk) שלום",
}
# Addresses that pass validation, each with the href the site must write for it, character for character.
URL_PAYLOADS = {
    "https://example.org/)[.]({attach}/../.git/config":
        "https://example.org/%29%5B.%5D%28%7Battach%7D/../.git/config",
    "https://example.org/a)b": "https://example.org/a%29b",
    'https://example.org/?q="><script>window.__xss=10</script>':
        "https://example.org/?q=%22%3E%3Cscript%3Ewindow.__xss=10%3C/script%3E",
    "https://example.org/'onmouseover='window.__xss=11'": "https://example.org/%27onmouseover=%27window.__xss=11%27",
    "https://example.org/?data='{attach}/../secret.txt'": "https://example.org/?data=%27%7Battach%7D/../secret.txt%27",
    "https://example.org/|filename|x{static}/y": "https://example.org/%7Cfilename%7Cx%7Bstatic%7D/y",
    "https://bücher.de/straße?q=ä#frag#x": "https://xn--bcher-kva.de/stra%C3%9Fe?q=%C3%A4#frag%23x",
    "https://example.org/%zz<>`^\\": "https://example.org/%25zz%3C%3E%60%5E%5C",
    "HTTPS://EXAMPLE.ORG:8443/Path": "https://example.org:8443/Path",
    "https://example.org/javascript:window.__xss=12": "https://example.org/javascript:window.__xss=12",
    "http://[::1]:8080/x?a=1&b=2": "http://[::1]:8080/x?a=1&b=2",
    "https://en.wikipedia.org/wiki/Mosul_(2016%E2%80%932017)": "https://en.wikipedia.org/wiki/Mosul_%282016%E2%80%932017%29",
}
TEXT_FIELDS = ("actor.name", "actor.aliases", "actor.description", "actor.context.note", "actor.context.citation.title",
               "place.name", "place.aliases", "place.description", "place.coordinates.source.title",
               "place.context.note", "place.context.citation.title", "source.title", "source.authors",
               "source.paragraphs", "source.context.note", "source.context.citation.title", "event.title",
               "event.description", "event.participants.role", "event.date.phrase", "event.context.note",
               "event.context.citation.title", "quote.text", "quote.setting", "quote.date.phrase", "figure.claim",
               "figure.value.unit", "figure.date.phrase", "relationship.role", "report.title", "report.summary")
URL_FIELDS = ("actor.context.citation.url", "place.context.citation.url", "place.coordinates.source.url",
              "source.url", "source.context.citation.url", "event.context.citation.url")
# The data model has it, no page shows it: a figure's date.
NOT_SHOWN = {"figure.date.phrase"}
EVIDENCE = ("The first plain sentence of this article.", "The second plain sentence of this article.",
            "The third plain sentence of this article.")
# The case: paragraphs "~~~", text, "~~~" swallowed the paragraphs between them, anchors and all.
FENCED_PARAGRAPHS = ("~~~", "Between two fences.", "~~~")
DECOYS = {".git/config": "[core]\n\trepositoryformatversion = decoy\n", "secret.txt": "decoy secret\n"}


def tag(family: int, field_name: str) -> str:
    """The tag that follows a value: which family, which field."""
    fields = (*TEXT_FIELDS, *URL_FIELDS)
    return f"t{family:02d}x{fields.index(field_name):02d}"


@dataclass
class Values:
    """The value of every field of every family, for the hostile site or for its plain twin."""

    hostile: bool

    def text(self, family: int, field_name: str) -> str:
        """A text field's value: the family's payload (or plain words), then the field's tag."""
        if field_name.startswith("report."):
            return " ".join(self.piece(i, field_name) for i in range(len(FAMILIES)))
        return self.piece(family, field_name)

    def piece(self, family: int, field_name: str) -> str:
        """One family's value of a field (the report's fields join every family's piece)."""
        payload = list(FAMILIES.values())[family] if self.hostile else "Plain words"
        return f"{payload} {tag(family, field_name)}"

    def url(self, family: int, field_name: str) -> str:
        """A URL field's value: the family's URL payload (families share them in turn), or a plain address."""
        if self.hostile:
            return list(URL_PAYLOADS)[family % len(URL_PAYLOADS)]
        return f"https://example.org/plain/{tag(family, field_name)}"


@dataclass
class RedTeamSite:
    """One built site of the red team, its data folder and the values planted in it."""

    site: Site
    data: Path
    values: Values
    pages: dict[str, str] = field(default_factory=dict)  # path under output/ -> HTML


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: the validator's line numbers stay meaningful
    return yaml


def _context(values: Values, family: int, kind: str) -> list[dict]:
    return [{"note": values.text(family, f"{kind}.context.note"),
             "citation": {"title": values.text(family, f"{kind}.context.citation.title"),
                          "url": values.url(family, f"{kind}.context.citation.url")}}]


def _actor(values: Values, family: int) -> dict:
    return {"id": f"rt{family:02d}-actor", "name": values.text(family, "actor.name"), "kind": "person",
            "aliases": [values.text(family, "actor.aliases")], "description": values.text(family, "actor.description"),
            "context": _context(values, family, "actor")}


def _place(values: Values, family: int) -> dict:
    source = {"title": values.text(family, "place.coordinates.source.title"),
              "url": values.url(family, "place.coordinates.source.url")}
    return {"id": f"rt{family:02d}-place", "name": values.text(family, "place.name"), "kind": "town", "parent": "iraq",
            "aliases": [values.text(family, "place.aliases")], "description": values.text(family, "place.description"),
            "coordinates": {"lat": 34.0, "lon": 42.0, "precision": "settlement", "source": source},
            "context": _context(values, family, "place")}


def _date(values: Values, family: int, kind: str) -> dict:
    return {"precision": "day", "value": "2017-10-27", "phrase": values.text(family, f"{kind}.date.phrase")}


def _article(values: Values, family: int) -> dict:
    said = f"They said: {values.text(family, 'quote.text')}"
    fenced = list(FENCED_PARAGRAPHS) if list(FAMILIES)[family] == "tilde-fence" else []
    prefix = f"rt{family:02d}"
    return {
        "source": {"id": f"{prefix}-article", "title": values.text(family, "source.title"), "outlet": "cnn",
                   "published": "2017-10-27", "language": "en", "url": values.url(family, "source.url"),
                   "authors": [values.text(family, "source.authors")],
                   "paragraphs": [values.text(family, "source.paragraphs"), said, *fenced, *EVIDENCE],
                   "context": _context(values, family, "source")},
        "events": [{"id": f"{prefix}-event", "title": values.text(family, "event.title"), "kind": "clash",
                    "description": values.text(family, "event.description"), "date": _date(values, family, "event"),
                    "places": [f"{prefix}-place"],
                    "participants": [{"actor": f"{prefix}-actor", "role": values.text(family, "event.participants.role")}],
                    "evidence": [EVIDENCE[0]], "context": _context(values, family, "event")}],
        "quotes": [{"id": f"{prefix}-quote", "speaker": "pat-work", "text": values.text(family, "quote.text"),
                    "setting": values.text(family, "quote.setting"), "date": _date(values, family, "quote"),
                    "evidence": [said]}],
        "figures": [{"id": f"{prefix}-figure", "claim": values.text(family, "figure.claim"),
                     "value": {"exact": 3, "unit": values.text(family, "figure.value.unit")}, "attribution": {"by": "pat-work"},
                     "date": _date(values, family, "figure"), "evidence": [EVIDENCE[1]]}],
        "relationships": [{"subject": f"{prefix}-actor", "kind": "member-of", "object": "us-army",
                           "role": values.text(family, "relationship.role"), "evidence": [EVIDENCE[2]]}],
    }


def _edit(path: Path, change) -> None:
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def plant(data: Path, values: Values) -> None:
    """Add every family's actor, place and article to a copy of the sample data."""
    families = range(len(FAMILIES))
    _edit(data / "report.yaml", lambda d: d["report"].update(title=values.text(0, "report.title"),
                                                             summary=values.text(0, "report.summary")))
    _edit(data / "actors.yaml", lambda d: d["actors"].extend(_actor(values, i) for i in families))
    _edit(data / "places.yaml", lambda d: d["places"].extend(_place(values, i) for i in families))
    for i in families:
        with (data / "articles" / f"rt{i:02d}.yaml").open("w", encoding="utf-8") as stream:
            _yaml().dump(_article(values, i), stream)


def _build(base: Path, values: Values) -> RedTeamSite:
    data = Path(shutil.copytree(SAMPLE_DATA, base / "data"))
    plant(data, values)
    for name, text in DECOYS.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text, encoding="utf-8")
    site = build_site(data, base, siteurl=SITEURL)
    pages = {p.relative_to(site.output).as_posix(): p.read_text(encoding="utf-8") for p in site.pages()}
    return RedTeamSite(site, data, values, pages)


def sites() -> tuple[RedTeamSite, RedTeamSite]:
    """The hostile site and its plain twin, built once per test session (and removed at exit).

    A failed build is remembered too: every test that needs the sites fails with it, fast.
    """
    if not _built:
        folder = tempfile.TemporaryDirectory(prefix="redteam-")
        atexit.register(folder.cleanup)
        base = Path(folder.name)
        try:
            _built.append((_build(base / "hostile", Values(hostile=True)), _build(base / "plain", Values(hostile=False))))
        except (AssertionError, DataError) as failure:
            _built.append(failure)
    if isinstance(_built[0], Exception):
        raise _built[0]
    return _built[0]


_built: list = []  # the two sites, or why they could not be built


def expected_files(site: Site) -> set[str]:
    """What output/ may hold: each generated page where it says it is saved, the theme's static files,
    and what the plugin writes; nothing else, wherever a link in the content points."""
    pages = set()
    for page in site.content.rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("Save_as: "):
                pages.add(line.split(": ", 1)[1])
    theme = Path(__file__).resolve().parent.parent / "theme" / "static"
    static = {f"theme/{p.relative_to(theme).as_posix()}" for p in theme.rglob("*") if p.is_file()}
    # The hover previews' fragment beside each record's page (generator/previews.py).
    fragments = {save_as.removesuffix("index.html") + previews.FRAGMENT for save_as in pages
                 if previews.is_entity_url(save_as.removesuffix("index.html"), previews.folders())}
    search = {name for name in output_files(site) if SEARCH_BUNDLE.fullmatch(name)}  # Pagefind's, by their shapes
    # The open data beside the data page (generator/open_data.py).
    opened = {f"{open_data.FOLDER}/{name}" for name in open_data.FILES}
    return pages | static | fragments | search | opened | {".nojekyll", "sitemap.xml", "feed.atom", "robots.txt"}


# The files of the search index (generator/search_index.py): Pagefind names them by their kind and a hash.
SEARCH_BUNDLE = re.compile(r"pagefind/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[a-z-]+\.pagefind"
                           r"|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta|(fragment|index|filter)/[a-z-]+_[0-9a-f]+\.pf_"
                           r"(fragment|index|filter))")


def output_files(site: Site) -> set[str]:
    """Every file under output/."""
    return {p.relative_to(site.output).as_posix() for p in site.output.rglob("*") if p.is_file()}


def json_line(text: str) -> str:
    """A value as the YAML double-quoted scalar that holds it exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)
