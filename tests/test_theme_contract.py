"""The contract between render and the theme: the page fields templates read are the ones render writes
(generator/page_meta.py), structured fields are read through `fromjson`, addresses through `site_url`,
and a template that reads a name the page lacks stops a real build, saying where and what."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from generator import page_meta, site
from generator.site import JINJA_FILTERS
from tests.site import pelican

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"
# What Pelican itself gives every page object (its docs, "Templates and variables": page), beside the
# metadata lines render writes. A hand-written page in content/pages/ has only these and its Title.
PELICAN_PAGE_ATTRIBUTES = frozenset({"content", "url", "title", "summary", "template", "slug", "save_as",
                                     "date", "lang", "status", "translations"})
WRITTEN = frozenset(page_meta.attribute(name) for name in (*page_meta.COMMON, *page_meta.LAYOUT,
                                                           page_meta.GENERATED, page_meta.DATA))
LAYOUT = frozenset(page_meta.attribute(name) for name in page_meta.LAYOUT)
# Variables that hold a Pelican page in our templates: the page itself, and each of `pages` in a loop.
PAGE_NAMES = ("page",)


def template_files() -> list[Path]:
    """Every template of the theme."""
    return sorted(TEMPLATES.rglob("*.html"))


def parse(path: Path) -> nodes.Template:
    """The template's syntax tree (parsing needs the filter names only)."""
    environment = jinja2.Environment(autoescape=True)
    environment.filters.update(JINJA_FILTERS)
    return environment.parse(path.read_text(encoding="utf-8"))


def page_variables(tree: nodes.Template) -> set[str]:
    """'page', and every loop variable that runs over Pelican's `pages`."""
    names = set(PAGE_NAMES)
    for loop in tree.find_all(nodes.For):
        if mentions_pages(loop.iter):
            names |= {target.name for target in [loop.target, *loop.target.find_all(nodes.Name)]
                      if isinstance(target, nodes.Name)}
    return names


def page_reads(tree: nodes.Template) -> set[str]:
    """Every attribute a template reads from a page: page.<name> or page["name"]."""
    holders = page_variables(tree)
    found = {node.attr for node in tree.find_all(nodes.Getattr)
             if isinstance(node.node, nodes.Name) and node.node.name in holders}
    found |= {node.arg.value for node in tree.find_all(nodes.Getitem)
              if isinstance(node.node, nodes.Name) and node.node.name in holders and isinstance(node.arg, nodes.Const)}
    return found | selectattr_reads(tree)


def selectattr_reads(tree: nodes.Template) -> set[str]:
    """The attributes read of Pelican's `pages` by name: pages | selectattr("template", ...)."""
    return {node.args[0].value for node in tree.find_all(nodes.Filter)
            if node.name in {"selectattr", "rejectattr", "sort", "groupby", "map"} and node.args
            and isinstance(node.args[0], nodes.Const)
            and mentions_pages(node.node)}


def mentions_pages(node: nodes.Node) -> bool:
    """Whether an expression is, or contains, Pelican's list of pages."""
    return any(isinstance(n, nodes.Name) and n.name == "pages" for n in [node, *node.find_all(nodes.Name)])


def every_read() -> dict[str, set[str]]:
    """The page attributes each template reads, by template path."""
    return {path.relative_to(TEMPLATES).as_posix(): page_reads(parse(path)) for path in template_files()}


def test_templates_read_only_fields_that_render_or_pelican_gives_a_page():
    """Each page.<name> is a page_meta name (lowercased) or an attribute Pelican gives every page."""
    unknown = {template: sorted(reads - WRITTEN - PELICAN_PAGE_ATTRIBUTES) for template, reads in every_read().items()}
    assert not {t: names for t, names in unknown.items() if names}, \
        "a template reads a page field that nothing writes: add it to generator/page_meta.py or fix the name"


def test_every_layout_field_render_writes_is_read_by_a_template():
    reads = set().union(*every_read().values())
    assert LAYOUT <= reads, f"written but never shown: {sorted(LAYOUT - reads)}"


def test_the_contract_parser_sees_a_typo():
    """The reads above come from the syntax tree: a misspelt field is found wherever it is."""
    tree = jinja2.Environment().parse('{{ page.infobx | fromjson }}{% for p in pages %}{{ p.titel }}{% endfor %}'
                                      '{{ page["crumbz"] }}{{ pages | selectattr("tempate") | list }}')
    assert page_reads(tree) == {"infobx", "titel", "crumbz", "tempate"}


def test_structured_fields_are_read_through_fromjson_and_only_they():
    """A JSON line shown raw, or a plain field parsed as JSON, is a template mistake."""
    for path in template_files():
        tree = parse(path)
        parsed = {node.node.attr for node in tree.find_all(nodes.Filter)
                  if node.name == "fromjson" and isinstance(node.node, nodes.Getattr)}
        assert parsed <= LAYOUT, (path.name, parsed - LAYOUT)
        assert page_reads(tree) & LAYOUT <= parsed, (path.name, "reads a layout field without fromjson")
        assert all(isinstance(node.node, nodes.Getattr) for node in tree.find_all(nodes.Filter)
                   if node.name == "fromjson"), (path.name, "fromjson of something other than a page field")


def test_no_template_builds_an_address_by_hand():
    """Page and asset addresses go through the site_url filter (generator.paths.site_url), never SITEURL ~ '/'."""
    for path in template_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"SITEURL\s*}}\s*/|SITEURL\s*~", text), path.name
        assert not re.search(r'(href|src)="/', text), path.name


# ---- a template mistake stops a real build ---------------------------------------------------------

def build_with_theme(site, tmp_path: Path, template: str, old: str, new: str):
    """Pelican on the sample's pages with a copy of the theme in which template has old replaced by new."""
    theme = Path(shutil.copytree(ROOT / "theme", tmp_path / "theme"))
    path = theme / "templates" / template
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {template}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text("import runpy\n"
                        f"globals().update({{k: v for k, v in runpy.run_path({str(ROOT / 'pelican.conf.py')!r}).items()"
                        " if k.isupper()})\n"
                        f"THEME = {str(theme)!r}\n", encoding="utf-8")
    return pelican(site.content, tmp_path / "output", settings=str(settings))


@pytest.mark.parametrize(("template", "old", "new", "said"), [
    # A layout field misspelt: before StrictUndefined and a strict fromjson, every infobox was silently empty.
    ("entity.html", "page.infobox", "page.infobx", "page.infobx, which the page does not have"),
    ("kind-index.html", "page.groups", "page.grups", "page.grups, which the page does not have"),
    # A page field and a field of a structured entry, misspelt: they rendered as nothing.
    ("entity.html", ">{{ page.title | isolate }}</h1>", ">{{ page.titel | isolate }}</h1>", "has no attribute 'titel'"),
    ("overview.html", "{{ block.title }}", "{{ block.titel }}", "has no attribute 'titel'"),
    ("macros/infobox.html", "{{ row.label }}", "{{ row.lable }}", "has no attribute 'lable'"),
], ids=["infobox", "groups", "page-title", "block-title", "row-label"])
def test_a_template_typo_stops_the_build_naming_the_template_and_the_name(site, tmp_path, template, old, new, said):
    result = build_with_theme(site, tmp_path, template, old, new)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    line = next((line for line in log.splitlines() if said in line), None)
    assert line, log
    assert re.search(rf"theme/templates/{re.escape(template)}:\d+: ", line), line


def test_a_misspelt_filter_stops_the_build_naming_the_template(site, tmp_path):
    result = build_with_theme(site, tmp_path, "actor.html", "page.kind | humanize", "page.kind | humanise")
    assert result.returncode != 0
    assert re.search(r"theme/templates/actor.html:\d+: .*No filter named 'humanise'", result.stderr), result.stderr


def test_a_layout_line_that_is_not_json_stops_the_build_naming_the_page_and_the_field(site, tmp_path):
    content = Path(shutil.copytree(site.content, tmp_path / "content"))
    page = content / "actors" / "cnn.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("\nInfobox: [") == 1
    page.write_text(text.replace("\nInfobox: [", "\nInfobox: [{", 1), encoding="utf-8")
    result = pelican(content, tmp_path / "output")
    assert result.returncode != 0
    assert re.search(r"theme/templates/entity.html:\d+: LayoutError: actors/cnn.md: page.infobox is not one line "
                     r"of JSON", result.stderr), result.stderr


# ---- links that leave the site are marked, so print can write out their address -------------------

@pytest.mark.parametrize(("siteurl", "href", "leaves"), [
    ("", "https://en.wikipedia.org/wiki/Iraq", True),
    ("", "/actors/cnn/", False),
    ("", "#p3", False),
    ("", "mailto:editor@example.org", True),
    ("https://example.org/report", "https://example.org/report/actors/cnn/", False),
    ("https://example.org/report", "https://example.org/report", False),
    ("https://example.org/report", "https://example.org/reports/elsewhere/", True),
    ("https://example.org/report", "https://en.wikipedia.org/wiki/Iraq", True),
])
def test_a_link_leaves_the_site_when_it_has_a_scheme_and_is_not_under_siteurl(siteurl, href, leaves):
    assert site.leaves(siteurl, href) is leaves


def test_sanitize_marks_only_the_links_that_leave_the_site():
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters.update(JINJA_FILTERS)
    body = ('<p><a href="https://example.org/report/actors/cnn/">CNN</a> '
            '<a id="x" class="cite" href="https://en.wikipedia.org/wiki/A?b=1&amp;c=2">A</a> <a href="#p3">3</a></p>')
    html = environment.from_string("{{ body | sanitize }}").render(body=body, SITEURL="https://example.org/report")
    assert html == ('<p><a href="https://example.org/report/actors/cnn/">CNN</a> '
                    '<a id="x" class="cite external" href="https://en.wikipedia.org/wiki/A?b=1&amp;c=2">A</a> '
                    '<a href="#p3">3</a></p>')


def test_each_part_of_the_stylesheet_starts_outside_every_block():
    # Each part's rules sit in a block headed `/* == part == */`; one left inside an unclosed @media would
    # apply only in that medium (a merge once dropped the dark scheme's closing brace: the map lost its rules).
    css = (ROOT / "theme" / "static" / "css" / "report.css").read_text(encoding="utf-8")
    depth, opened = 0, []
    for token in re.finditer(r"/\* == (.+?) == \*/|/\*.*?\*/|[{}]", css, flags=re.S):
        if token.group(1):
            opened.append((token.group(1), depth))
        elif token.group() in "{}":
            depth += 1 if token.group() == "{" else -1
            assert depth >= 0, f"an unmatched }} at offset {token.start()}"
    assert depth == 0 and opened and all(d == 0 for _, d in opened), [p for p, d in opened if d]
