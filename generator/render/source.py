"""The Markdown page of a source article: its text, every mention linked, every evidence span addressable."""

from __future__ import annotations

from .. import page_meta as M
from ..dates import point_label
from ..link import Graph
from ..markdown_text import inline, isolate, isolated_text, page_target
from ..model import Source
from ..vocabulary import ACTOR_RELATIONS, SOURCE_TEXT
from ..wording import outlet_and_day
from . import meta
from .lists import Lists
from .record import cited_sections
from .common import (all_evidence, attribution_phrase, context_section, entity_link, escape_inner, evidence_links,
                     figure_item, header, humanize, page_fields, quote_item, section)


def _infobox(graph: Graph, source: Source) -> str:
    return meta.infobox([
        meta.row("Outlet", [meta.entity_item(graph, "actors", source.outlet)]),
        meta.row("Published", [meta.item(point_label(source.published))]),
        meta.row("Authors", [meta.item(a) for a in source.authors] or [meta.item("not given in the text")]),
        meta.row("Language", [meta.item(source.language)]),
        meta.row("Original", [meta.web_item(source.url, source.url)] if source.url else []),
        meta.row("Read in", [meta.entity_item(graph, "actors", source.read_in.outlet, note="which republished it"),
                             meta.web_item(source.read_in.url, source.read_in.url)] if source.read_in else []),
        meta.row("Text", [meta.item(SOURCE_TEXT[source.text])]),
        meta.row("Headline", [meta.item("written by the editor", note="the text came without one")]
                 if source.title_by_editor else []),
    ])


def render_page(graph: Graph, source: Source, lists: Lists | None = None) -> str:
    """The page of one article: metadata, paragraphs with anchors, and the facts drawn from it."""
    lists = lists or Lists("sources", source.id, source.title)
    spans = graph.spans_of_source[source.id]
    lines = ["## Text {: #text }", ""]
    if source.text != "verbatim":  # said before the paragraphs, so that no one quotes them as the article's
        lines += [f"*{SOURCE_TEXT[source.text].capitalize()}.*", ""]
    for number, paragraph in enumerate(source.paragraphs):
        marks = {(s.start, s.end, s.anchor) for s in spans if s.paragraph == number}
        lines += [paragraph_markdown(graph, paragraph, sorted(marks), source.id), f"{{: #p{number + 1} .paragraph }}",
                  ""]
    lines += _facts_section(graph, source, lists)
    lines += cited_sections(graph, ("sources", source.id), lists)
    lines += context_section(source.context)
    summary = f"{outlet_and_day(graph.dataset.actors[source.outlet].name, source.published)}: {source.paragraphs[0]}"
    layout = [(M.INFOBOX, _infobox(graph, source)), (M.CRUMBS, meta.crumbs(graph, "sources"))]
    fields = page_fields(graph, "sources", source.id, source.title, "source", "article", summary[:300],
                         source.published, layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def paragraph_markdown(graph: Graph, text: str, marks: list[tuple[int, int, str]], source_id: str = "") -> str:
    """A paragraph with evidence spans marked (nested or crossing) and known names linked, as its article
    reads them."""
    bounds = {p for start, end, _ in marks for p in (start, end)}
    # A link may not straddle a mark's edge, or the two could not nest; such a name stays plain.
    names = graph.names_in(source_id)
    mentions = [m for m in names.find(text) if not any(m.start < b < m.end for b in bounds)]
    # The text is shown without the whitespace at its ends (no mark or name starts or ends in it).
    ends = {len(text) - len(text.lstrip()), len(text.rstrip())}
    points = sorted(bounds | {p for m in mentions for p in (m.start, m.end)} | ends)
    out, open_marks = [], []
    for here, following in zip(points, points[1:] + [None], strict=True):
        out += [f"]({page_target(m.folder, m.id)})" for m in mentions if m.end == here]
        _close_marks(out, open_marks, {a for s, e, a in marks if e == here})
        for _, _, anchor in sorted((m for m in marks if m[0] == here), key=lambda m: -m[1]):
            out.append(f'<mark class="evidence" id="{anchor}" data-ev="{anchor}">')
            open_marks.append(anchor)
        named = [m for m in mentions if m.start == here]
        out += ["[" for m in named]
        if following is not None:
            piece = text[here:following]
            # A name is one piece (no mark edge falls inside it): isolated on its own, as link texts are.
            out.append(isolate(escape_inner(piece), piece) if named else escape_inner(piece))
    return isolate("".join(out), text)


def _close_marks(out: list[str], open_marks: list[str], closing: set[str]) -> None:
    """Close marks that end here; marks opened inside them are closed and reopened, so tags nest."""
    if not closing:
        return
    reopen = []
    while closing & set(open_marks):
        anchor = open_marks.pop()
        out.append("</mark>")
        if anchor in closing:
            closing.discard(anchor)
        else:
            reopen.append(anchor)
    for anchor in reversed(reopen):
        out.append(f'<mark class="evidence" data-ev="{anchor}">')
        open_marks.append(anchor)


def _facts_section(graph: Graph, source: Source, lists: Lists) -> list[str]:
    reported = lambda folder: sorted(graph.facts_of_source(source.id, folder), key=lambda r: r.id)  # noqa: E731
    lines = section("Events reported", [f"- {entity_link(graph, 'events', e.id)} ({humanize(e.kind)}); "
                                        f"{evidence_links(graph, graph.report_in(e, source.id).evidence)}"
                                        for e in reported("events")], lists, "events reported")
    lines += section("Quotes", [quote_item(graph, q) for q in reported("quotes")], lists, "quotes")
    lines += section("Figures and claims", [figure_item(graph, f) for f in reported("figures")], lists,
                     "figures and claims")
    lines += section("Relationships", [_relationship_item(graph, r)
                                       for r in graph.facts_of_source(source.id, "relationships")], lists,
                     "relationships")
    return lines


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The articles index: one group, by date of publication."""
    sources = sorted(graph.dataset.sources.values(), key=lambda s: (s.published, s.id))
    items = [meta.entity_item(graph, "sources", s.id,
                              outlet_and_day(isolated_text(graph.dataset.actors[s.outlet].name), s.published))
             for s in sources]
    return [{"title": "Articles", "items": items}]


def _relationship_item(graph: Graph, relationship) -> str:
    verb = ACTOR_RELATIONS[relationship.kind][0].lower()
    role = f" ({inline(relationship.role)})" if relationship.role else ""
    said = relationship.attribution
    who = f", {attribution_phrase(graph, said)}" if said is not None and not said.own else ""
    return (f"- {entity_link(graph, 'actors', relationship.subject)} {verb} "
            f"{entity_link(graph, 'actors', relationship.object)}{role}{who}; "
            f"{evidence_links(graph, all_evidence(relationship))}")
