"""What every generated page shares: its header, linked text, dates, evidence and facts."""

from __future__ import annotations

from .. import kinds, page_meta as M, paths, sentences
from ..dates import DateSpec, label
from ..link import Graph
from ..markdown_text import (Markdown, escape, inline, isolate, isolated_text, mention, one_line, page_link,
                             quoted, web_link)
from ..model import Attribution, Context, Evidence, Figure, Quantity, Quote
from ..vocabulary import ATTRIBUTION_VERBS
from ..wording import humanize, outlet_and_day  # noqa: F401  (humanize: the renderers' one)
from . import jsonld
from .lists import INLINE_CAP, Lists, more_text
from .search_fields import search_field

GENERATED = "by python -m generator build; do not edit, edit the data file instead"


def header(fields: list[tuple[str, str]]) -> str:
    """Pelican metadata lines, then the blank line that ends them; an empty URL means the site root."""
    return "".join(f"{key}: {one_line(value)}\n".replace(": \n", ":\n") for key, value in fields
                   if value or key == "URL") + "\n"


def metadata(title: str, slug: str, template: str, kind: str, summary: str, url: str, save_as: str,
             data: str, date: str = "", layout: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The metadata every generated page carries, in a fixed order; layout adds Infobox, Crumbs and the like.
    A page whose layout has no schema.org description is described as a collection of pages."""
    if all(key != M.JSONLD for key, _ in layout):
        described = jsonld.collection(title, url, summary, *jsonld.listed(dict(layout).get(M.GROUPS, "[]")))
        layout = [*layout, (M.JSONLD, jsonld.field(described))]
    return [(M.TITLE, title), (M.SLUG, slug), (M.TEMPLATE, template), (M.KIND, kind), (M.DATE, date),
            (M.SUMMARY, escape(summary)), (M.URL, url), (M.SAVE_AS, save_as), *layout,
            (M.GENERATED, GENERATED), (M.DATA, data)]


def page_fields(graph: Graph, folder: str, page_id: str, title: str, template: str, kind: str,
                summary: str, date: str = "", layout: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The metadata of an actor, place, event or source page, naming the data files behind it."""
    files = ", ".join(sorted(graph.files_of[(folder, page_id)]))
    described = jsonld.record_ld(graph, folder, getattr(graph.dataset, folder)[page_id])
    layout = [*layout, (M.SEARCH, search_field(graph, folder, page_id)), (M.JSONLD, jsonld.field(described))]
    return metadata(title, page_id, template, kind, summary, paths.url(folder, page_id),
                    paths.save_as(folder, page_id), files, date, layout)


def entity_link(graph: Graph, folder: str, entity_id: str) -> str:
    """A link to the page of an actor, place, event or source, with its name as text."""
    record = getattr(graph.dataset, folder)[entity_id]
    return page_link(record.name, folder, entity_id)


def linked_text(graph: Graph, text: str, exclude: tuple[str, str] | None = None,
                seen: set[tuple[str, str]] | None = None) -> Markdown:
    """Escaped text in which a known name links to its page at its first mention, and is marked as a
    mention after that; isolated when it is right-to-left. The text is one unit (a description), unless
    the caller passes the `seen` of a larger one (the entries of a section), which this adds to."""
    text = one_line(text)
    seen = set() if seen is None else seen
    pieces, position = [], 0
    for found in graph.names.find(text, exclude):
        pieces.append(escape_inner(text[position:found.start]))
        pieces.append(name_markdown(text[found.start:found.end], found.folder, found.id, seen))
        position = found.end
    pieces.append(escape_inner(text[position:]))
    return isolate("".join(pieces), text)


def name_markdown(name: str, folder: str, entity_id: str, seen: set[tuple[str, str]]) -> Markdown:
    """A name in running text: a link at the entity's first mention in the unit (seen holds those
    already linked), then a marked mention, as Wikipedia links a name once a paragraph."""
    if (folder, entity_id) in seen:
        return mention(inline(name), folder, entity_id)
    seen.add((folder, entity_id))
    return page_link(name, folder, entity_id)


def escape_inner(text: str) -> str:
    """Escape a piece of a line; unlike escape(), whitespace at either end survives as one space."""
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + escape(core) + tail


def date_text(spec: DateSpec | None) -> str:
    """A date as the page shows it, with the source's own phrase."""
    if spec is None:
        return "date not given"
    text = escape(label(spec))
    return f"{text} ({quoted(spec.phrase)})" if spec.phrase else text


def source_label(graph: Graph, source_id: str, paragraph: int | None = None) -> Markdown:
    """A short name for an article, 'CNN, 26 October 2017', or for one of its paragraphs, '…, ¶3'."""
    source = graph.dataset.sources[source_id]
    outlet = inline(graph.dataset.actors[source.outlet].name)
    where = "" if paragraph is None else f", ¶{paragraph + 1}"
    return Markdown(outlet_and_day(outlet, source.published) + where)  # a validated date: words and digits


reports = kinds.versions  # every article's report of a fact, first as first reported


def all_evidence(record) -> list[Evidence]:
    """The evidence of a fact from every article that reports it."""
    return [span for version in reports(record) for span in version.evidence]


def evidence_links(graph: Graph, spans: list[Evidence]) -> str:
    """Links to each supporting passage, highlighted in its article."""
    several = len(graph.dataset.sources) > 1
    links = []
    for span in spans[:INLINE_CAP]:  # a fact many articles report: the first passages, then how many more
        if not span.located:  # validation reports such a span; a page must never point nowhere
            raise ValueError(f"evidence not located in its article: {span.text!r} ({span.origin.doc.path})")
        name = source_label(graph, span.source, span.paragraph) if several else f"¶{span.paragraph + 1}"
        links.append(page_link(name, "sources", span.source, span.anchor))
    return "evidence: " + ", ".join(more_text(links, len(spans), "passage"))


def number(value: float) -> str:
    """1500.0 reads 1,500."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _amount(value: Quantity) -> str:
    """'about 3,000', '1,500 to 2,500': the number part of a quantity, in our words."""
    if value.exact is not None:
        amount = number(value.exact)
    elif value.minimum is not None and value.maximum is not None:
        amount = f"{number(value.minimum)} to {number(value.maximum)}"
    elif value.minimum is not None:
        amount = f"at least {number(value.minimum)}"
    else:
        amount = f"at most {number(value.maximum)}"
    return ("about " if value.approximate else "") + amount


def quantity_text(value: Quantity) -> str:
    """'about 3,000 fighters', '1,500 to 2,500 defenders', as plain text (the unit isolated if need be)."""
    return f"{_amount(value)} {isolated_text(value.unit)}"


def quantity_markdown(value: Quantity) -> Markdown:
    """The same quantity as Markdown: the unit escaped, and isolated if need be."""
    return Markdown(f"{escape(_amount(value))} {inline(value.unit)}")


def quote_item(graph: Graph, quote: Quote, exclude: tuple[str, str] | None = None) -> str:
    """A list item for a quote: the words, who said them to whom, when, and the evidence."""
    parts = [page_link(quoted(quote.text), "quotes", quote.id)]
    if exclude != ("actors", quote.speaker):
        parts.append("— " + entity_link(graph, "actors", quote.speaker))
    details = quote_details(graph, quote, exclude)
    tail = f" ({'; '.join(details)})" if details else ""
    return f"- {' '.join(parts)}{tail}; {evidence_links(graph, all_evidence(quote))}"


def quote_details(graph: Graph, quote: Quote, exclude: tuple[str, str] | None = None) -> list[Markdown]:
    """To whom, where, when and during what the words were said: each part the quote gives ('to CNN'),
    but the event of the page it is shown on."""
    details = []
    if quote.to is not None:
        details.append(Markdown("to " + entity_link(graph, "actors", quote.to)))
    if quote.setting is not None:
        details.append(inline(quote.setting))
    if quote.date is not None:
        details.append(Markdown(date_text(quote.date)))
    if quote.event is not None and exclude != ("events", quote.event):
        details.append(Markdown("during " + entity_link(graph, "events", quote.event)))
    return details


def _attribution_form(attribution: Attribution | None) -> str:
    """The words around who asserts a fact, '{who} assesses'; with no one named, the words alone."""
    if attribution is None or attribution.own:
        return "the article's own statement" if attribution else "according to the article"
    return ATTRIBUTION_VERBS[attribution.verb] if attribution.verb else "according to {who}"


def attribution_phrase(graph: Graph, attribution: Attribution | None) -> Markdown:
    """'the US military assesses', 'according to an unnamed source (“US officials”)', 'the article's own
    statement'; 'according to the article' for a fact no one else is said to assert."""
    form = _attribution_form(attribution)
    if "{who}" not in form:
        return Markdown(escape(form))
    if attribution.by is not None:
        who = entity_link(graph, "actors", attribution.by)
    else:
        who = f"an unnamed source ({quoted(attribution.source)})"
    before, after = form.split("{who}")  # the vocabulary's words are ours; who is escaped Markdown
    return Markdown(escape_inner(before) + who + escape_inner(after))


def attribution_text(graph: Graph, attribution: Attribution | None) -> str:
    """The same phrase as plain text, for summaries and the overview (names isolated if need be)."""
    form = _attribution_form(attribution)
    if "{who}" not in form:
        return form
    if attribution.by is not None:
        who = isolated_text(graph.dataset.actors[attribution.by].name)
    else:
        who = f"an unnamed source (“{isolated_text(attribution.source)}”)"
    return form.replace("{who}", who)


def attributed_text(graph: Graph, attribution: Attribution | None, text: str,
                    exclude: tuple[str, str] | None = None) -> Markdown:
    """A description led by who asserts it ('The US military assesses: ...'); the article's own, as it is."""
    body = linked_text(graph, text, exclude)
    if attribution is None or attribution.own:
        return body
    lead = attribution_phrase(graph, attribution)
    return Markdown(lead[:1].upper() + lead[1:] + ": " + body)


def figure_item(graph: Graph, figure: Figure) -> str:
    """A list item for a figure or claim: what, how much, who says so, and the evidence; where articles
    give it differently, each article's value and source side by side. The claim links to the figure's page."""
    text = page_link(figure.claim, "figures", figure.id)
    versions = reports(figure)
    if all((v.value, v.attribution) == (figure.value, figure.attribution) for v in versions):
        return f"- {text}{_figure_value(graph, figure)}; {evidence_links(graph, all_evidence(figure))}"
    each = [f"{_figure_value(graph, v).removeprefix(': ')}; {evidence_links(graph, v.evidence)}"
            for v in versions[:INLINE_CAP]]
    return f"- {text}, as the articles give it: " + " · ".join(more_text(each, len(versions), "report"))


def figure_items(graph: Graph, figures: list[Figure]) -> list[str]:
    """The items of a section of figures, each led by its claim linked to the figure's page."""
    return [figure_item(graph, figure) for figure in figures]


def _figure_value(graph: Graph, figure: Figure) -> str:
    value = f": **{quantity_markdown(figure.value)}**" if figure.value is not None else ""
    if figure.attribution is None:  # say which article, in a report of many
        return f"{value} (according to the article {source_label(graph, figure.source)})"
    return f"{value} ({attribution_phrase(graph, figure.attribution)})"


def context_section(context: list[Context]) -> list[str]:
    """The editor's context, each note with its citation, clearly set apart from the articles."""
    if not context:
        return []
    lines = ["## Editor's context {: #editors-context }", "",
             "Not from the articles: added by the editor, with a source for each note.", ""]
    lines += [f"- {inline(c.note)} (source: {web_link(c.title, c.url)})" for c in context]
    return lines + [""]


def mentions_section(graph: Graph, key: tuple[str, str], lists: Lists | None = None) -> list[str]:
    """Each paragraph of the articles that names the entity: the sentence naming it, the name marked,
    linked to the paragraph."""
    items = []
    for passage in graph.mentions.get(key, []):
        source = graph.dataset.sources[passage.source]
        name = source_label(graph, source.id, passage.paragraph)
        link = page_link(name, 'sources', source.id, f'p{passage.paragraph + 1}')
        split = sentences.of_paragraphs(tuple(source.paragraphs), source.language)[passage.paragraph]
        items.append(f"- {link}: {_excerpt(source.paragraphs[passage.paragraph], passage, source.language, split)}")
    return section("Mentions in the articles", items, lists, "mentions", anchor="mentions")


def _excerpt(paragraph: str, passage, language: str, split=None) -> Markdown:
    """The sentence of the paragraph holding the mention, in italics, the name in bold; '…' where it was cut."""
    start, end, cut_before, cut_after = sentences.around(paragraph, passage.start, passage.end, language, split)
    sentence = paragraph[start:end]
    before, named, after = (paragraph[start:passage.start], paragraph[passage.start:passage.end],
                            paragraph[passage.end:end])
    text = (("… " if cut_before else "") + escape_inner(before) + f"**{escape(named)}**" + escape_inner(after)
            + (" …" if cut_after else ""))
    return Markdown(f"*{isolate(text.strip(), sentence)}*")


def section(title: str, items: list[str], lists: Lists | None = None, nouns: str = "entries",
            anchor: str = "") -> list[str]:
    """A titled list with an addressable heading, or nothing when there is nothing to list. Given the
    page's lists, a list longer than lists.ENTRY_CAP shows its first entries and a link to all (`nouns`)."""
    anchor = anchor or title.lower().replace("'", "").replace(" ", "-")
    if lists is not None:
        items = lists.capped(anchor, title, items, nouns)
    return [f"## {title} {{: #{anchor} }}", "", *items, ""] if items else []
