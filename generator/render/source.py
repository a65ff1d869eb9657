"""The Markdown page of a source article: its text (a name linked at its first mention in each paragraph), the
facts citing each paragraph beside it, every evidence span addressable, and its facts in reading order."""

from __future__ import annotations

from .. import page_meta as M
from ..dates import point_label
from ..link import Graph
from ..markdown_text import inline, isolate, isolated_text, mention_start, page_target
from ..model import Source
from ..vocabulary import ACTOR_RELATIONS, SOURCE_TEXT
from ..wording import outlet_and_day
from . import meta
from .lists import Lists
from .paragraph_facts import Fact, by_paragraph, facts_of_article, keys_of_anchor, margin_markdown
from .record import cited_sections
from .common import (all_evidence, attribution_phrase, context_section, entity_link, escape_inner, evidence_links,
                     figure_items, header, humanize, page_fields, quote_item, section)


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
    facts = facts_of_article(graph, source.id)
    keys, cited = keys_of_anchor(facts), by_paragraph(facts)
    marks_of: dict[int, set] = {}
    for span in graph.spans_of_source[source.id]:
        marks_of.setdefault(span.paragraph, set()).add((span.start, span.end, span.anchor))
    lines = ["## Text {: #text }", ""]
    if source.text != "verbatim":  # said before the paragraphs, so that no one quotes them as the article's
        lines += [f"*{SOURCE_TEXT[source.text].capitalize()}.*", ""]
    for number, paragraph in enumerate(source.paragraphs):
        marks = sorted(marks_of.get(number, ()))
        lines += [paragraph_markdown(graph, paragraph, marks, source.id, keys), f"{{: #p{number + 1} .paragraph }}",
                  ""]
        lines += margin_markdown(graph, number, cited.get(number, []))
    lines += _facts_section(graph, source, facts, lists)
    lines += cited_sections(graph, ("sources", source.id), lists)
    lines += context_section(source.context)
    summary = f"{outlet_and_day(graph.dataset.actors[source.outlet].name, source.published)}: {source.paragraphs[0]}"
    layout = [(M.INFOBOX, _infobox(graph, source)), (M.CRUMBS, meta.crumbs(graph, "sources"))]
    fields = page_fields(graph, "sources", source.id, source.title, "source", "article", summary[:300],
                         source.published, layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def paragraph_markdown(graph: Graph, text: str, marks: list[tuple[int, int, str]], source_id: str = "",
                       facts_of: dict[str, list[str]] | None = None) -> str:
    """A paragraph with evidence spans marked (nested or crossing) and known names linked at their first
    mention in it (later ones marked as mentions), as its article reads them. facts_of gives each anchor
    the keys of the facts it supports, written on every piece of its mark."""
    bounds = {p for start, end, _ in marks for p in (start, end)}
    # A link may not straddle a mark's edge, or the two could not nest; such a name stays plain.
    names = graph.names_in(source_id)
    mentions = [m for m in names.find(text) if not any(m.start < b < m.end for b in bounds)]
    linked = _first_mentions(mentions)
    # The text is shown without the whitespace at its ends (no mark or name starts or ends in it).
    ends = {len(text) - len(text.lstrip()), len(text.rstrip())}
    points = sorted(bounds | {p for m in mentions for p in (m.start, m.end)} | ends)
    opening = _mark_opener(facts_of or {})
    out, open_marks = [], []
    for here, following in zip(points, points[1:] + [None], strict=True):
        out += [f"]({page_target(m.folder, m.id)})" if m in linked else "</span>" for m in mentions if m.end == here]
        _close_marks(out, open_marks, {a for s, e, a in marks if e == here}, opening)
        for _, _, anchor in sorted((m for m in marks if m[0] == here), key=lambda m: -m[1]):
            out.append(opening(anchor, first=True))
            open_marks.append(anchor)
        named = [m for m in mentions if m.start == here]
        out += ["[" if m in linked else mention_start(m.folder, m.id) for m in named]
        if following is not None:
            piece = text[here:following]
            # A name is one piece (no mark edge falls inside it): isolated on its own, as link texts are.
            out.append(isolate(escape_inner(piece), piece) if named else escape_inner(piece))
    return isolate("".join(out), text)


def _first_mentions(mentions: list) -> set:
    """The mentions that are linked: each entity's first in the paragraph."""
    first: dict[tuple[str, str], object] = {}
    for m in mentions:
        first.setdefault((m.folder, m.id), m)
    return set(first.values())


def _mark_opener(facts_of: dict[str, list[str]]):
    """The start tag of a piece of an evidence mark: the first piece carries the anchor's id; every piece
    names its anchor (data-ev) and the facts it supports (data-facts: page-local keys, never data text)."""
    def opening(anchor: str, first: bool = False) -> str:
        ident = f' id="{anchor}"' if first else ""
        keys = facts_of.get(anchor)
        facts = f' data-facts="{" ".join(keys)}"' if keys else ""
        return f'<mark class="evidence"{ident} data-ev="{anchor}"{facts}>'
    return opening


def _close_marks(out: list[str], open_marks: list[str], closing: set[str], opening) -> None:
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
        out.append(opening(anchor))
        open_marks.append(anchor)


def _facts_section(graph: Graph, source: Source, facts: list[Fact], lists: Lists) -> list[str]:
    """The article's facts, each kind in the order the article tells them (facts is in reading order)."""
    reported = lambda folder: [f.record for f in facts if f.folder == folder]  # noqa: E731  (one line)
    lines = section("Events reported", [f"- {entity_link(graph, 'events', e.id)} ({humanize(e.kind)}); "
                                        f"{evidence_links(graph, graph.report_in(e, source.id).evidence)}"
                                        for e in reported("events")], lists, "events reported")
    lines += section("Quotes", [quote_item(graph, q) for q in reported("quotes")], lists, "quotes")
    lines += section("Figures and claims", figure_items(graph, reported("figures")), lists,
                     "figures and claims")
    lines += section("Relationships", [_relationship_item(graph, r) for r in reported("relationships")], lists,
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
