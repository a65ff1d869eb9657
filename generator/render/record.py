"""The page of a record of any kind that has no page module of its own: its references as key facts,
its evidence, and what names it. A new fact kind gets pages, an index and a place in the navigation
from this module alone (docs/ARCHITECTURE.md, "Adding a kind")."""

from __future__ import annotations

from .. import kinds, page_meta as M
from ..dates import label
from ..link import Graph
from ..markdown_text import quoted
from ..wording import humanize
from . import meta
from .lists import Lists
from .common import context_section, entity_link, evidence_links, header, linked_text, page_fields, section


def _kind_of(record) -> kinds.Kind:
    return next(k for k in kinds.KINDS if isinstance(record, k.model))


def _target_item(graph: Graph, ref: kinds.Ref, value: str) -> dict:
    target = kinds.kind(ref.target)
    if target.page:
        return meta.entity_item(graph, ref.target, value)
    return meta.item(getattr(graph.dataset, ref.target)[value].name)


def _infobox(graph: Graph, kind: kinds.Kind, record) -> str:
    rows = [meta.row("Kind", [meta.item(humanize(getattr(record, "kind", kind.noun)))])]
    if getattr(record, "date", None) is not None:
        rows.append(meta.row("Date", [meta.item(label(record.date))]))
    for ref in kind.references:
        title = "Reported in" if not ref.checked else humanize(ref.field).capitalize()
        rows.append(meta.row(title, [_target_item(graph, ref, value) for _, value, _ in kinds.values(record, ref)]))
    return meta.infobox(rows)


def _evidence_item(graph: Graph, span) -> str:
    source = graph.dataset.sources[span.source]
    words = source.paragraphs[span.paragraph][span.start:span.end]
    return f"- {quoted(words)}; {evidence_links(graph, [span])}"


def render_page(graph: Graph, record, lists: Lists | None = None) -> str:
    """The page of one record: what it says, what it names, its evidence, and what names it."""
    kind = _kind_of(record)
    lists = lists or Lists(kind.folder, record.id, record.name)
    description = getattr(record, "description", "")
    lines = [linked_text(graph, description), ""] if description else []
    if kind.evidence:
        lines += section("Evidence", [_evidence_item(graph, span) for span in record.evidence], lists,
                         "passages of evidence")
    lines += cited_sections(graph, (kind.folder, record.id), lists)
    lines += context_section(getattr(record, "context", []))
    layout = [(M.INFOBOX, _infobox(graph, kind, record)), (M.CRUMBS, meta.crumbs(graph, kind.folder))]
    fields = page_fields(graph, kind.folder, record.id, record.name, kind.page, getattr(record, "kind", kind.noun),
                         description or record.name, layout=layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def index_groups(graph: Graph, kind: kinds.Kind) -> list[dict]:
    """The index of a kind without a page module: one group, in the kind's order."""
    records = kinds.ordered(kind, kinds.records(graph.dataset, kind))
    return [{"title": kind.section, "items": [meta.entity_item(graph, kind.folder, r.id) for r in records]}]


def cited_sections(graph: Graph, key: tuple[str, str], lists: Lists | None = None) -> list[str]:
    """A section per kind that lists itself on the pages it names (kinds.Kind.cited_as), for this page."""
    lines = []
    for kind in kinds.KINDS:
        if not kind.cited_as:
            continue
        # A record naming this page through two fields is listed once.
        records = list({id(b.record): b.record for b in graph.backlinks.get(key, []) if b.kind is kind}.values())
        lines += section(kind.cited_as, [_cited_item(graph, kind, r) for r in records], lists)
    return lines


def _cited_item(graph: Graph, kind: kinds.Kind, record) -> str:
    name = entity_link(graph, kind.folder, record.id) if kind.page else linked_text(graph, record.name)
    tail = f"; {evidence_links(graph, record.evidence)}" if kind.evidence else ""
    return f"- {name}{tail}"
