"""The Markdown page of a figure or claim: what it counts, each article's value with who asserts it, side by side."""

from __future__ import annotations

from collections import defaultdict

from .. import page_meta as M, paths
from ..dates import label
from ..link import Graph
from ..markdown_text import isolated_text, one_line, page_link
from ..model import Figure
from . import meta
from .chart import chart
from .common import (_amount, attribution_phrase, attribution_text, evidence_links, header,
                     page_fields, quantity_markdown, quantity_text, reports, section, source_label)
from .lists import INLINE_CAP, Lists, more_text
from .quote import article_text

# The chart of a figure's page draws the first CHART_LANES reports, one lane each; its list names every one.
CHART_LANES = 20
NO_NUMBER = "Claims without a number"


def render_page(graph: Graph, figure: Figure, lists: Lists | None = None) -> str:
    """The page of one figure: the claim, every article's value with its attribution, and their chart."""
    lists = lists or Lists("figures", figure.id, figure.name)
    lines = section("As the articles give it", [value_item(graph, v) for v in reports(figure)], lists,
                     "reports of {name}", anchor="values")
    layout = [(M.INFOBOX, _infobox(graph, figure)), (M.CRUMBS, meta.crumbs(graph, "figures")),
              (M.CHART, meta.as_json(figure_chart(graph, figure, CHART_LANES)))]
    day = figure.date.value if figure.date and figure.date.precision == "day" else ""
    fields = page_fields(graph, "figures", figure.id, figure.claim, "figure", "figure", summary(graph, figure), day,
                         layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def summary(graph: Graph, figure: Figure) -> str:
    """'Fighters who took part: 300 fighters (the Red Army says), 500 fighters (the Red Army says).'"""
    versions = reports(figure)
    if all(v.value is None for v in versions):  # a claim: led by who asserts it, so it is never stated as fact
        return f"{_value_text(graph, figure)}: {isolated_text(figure.claim)}"
    each = [_value_text(graph, v) for v in versions[:INLINE_CAP]]
    return f"{isolated_text(figure.claim)}: {', '.join(more_text(each, len(versions), 'report'))}."


def _value_text(graph: Graph, version: Figure) -> str:
    """One report's value and who asserts it, as plain text; a claim without a number, who asserts it."""
    said = attribution_text(graph, version.attribution)
    if version.value is None:
        return said[:1].upper() + said[1:]
    return f"{quantity_text(version.value)} ({said})"


def value_item(graph: Graph, version: Figure) -> str:
    """One article's report: its value, who asserts it, the article and the evidence."""
    amount = f"**{quantity_markdown(version.value)}**" if version.value is not None else "no number given"
    article = page_link(source_label(graph, version.source), "sources", version.source)
    return (f"- {amount}: {attribution_phrase(graph, version.attribution)}; in {article}; "
            f"{evidence_links(graph, version.evidence)}")


def _infobox(graph: Graph, figure: Figure) -> str:
    return meta.infobox([
        meta.row("Value", [meta.item(quantity_text(v.value), note=attribution_text(graph, v.attribution))
                           for v in reports(figure)[:INLINE_CAP] if v.value is not None]),
        meta.row("Date", [] if figure.date is None else [meta.item(label(figure.date))]),
        meta.row("About", [meta.entity_item(graph, "actors", a) for a in figure.actors]
                 + [meta.entity_item(graph, "places", p) for p in figure.places]
                 + [meta.entity_item(graph, "events", e) for e in figure.events]),
        meta.row("Reported in", [meta.item(article_text(graph, v.source), paths.url("sources", v.source))
                                 for v in reports(figure)[:INLINE_CAP]]),
    ])


def figure_chart(graph: Graph, figure: Figure, lanes: int) -> dict | None:
    """The chart of a figure's values, one lane per article (the first `lanes`), or None without a number."""
    versions = reports(figure)
    drawn = [(f"{article_text(graph, v.source)}: {_amount(v.value)}", v.value) for v in versions[:lanes]
             if v.value is not None]
    if not drawn:
        return None
    return chart(f"chart-{figure.id}", summary(graph, figure), drawn,
                 len(versions) - min(len(versions), lanes))


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The figures index: by what they count (the unit), the most counted first, claims without a number last;
    each row with its values side by side and its chart."""
    grouped = defaultdict(list)
    for figure in sorted(graph.dataset.figures.values(), key=lambda f: f.id):
        grouped[_counted(figure)].append(figure_entry(graph, figure))
    # The quantities counted most first, then in the order of their first figure's id (dicts keep it): an
    # order the units' words do not decide, so no text planted in a unit moves a group.
    order = sorted(grouped, key=lambda title: (title == NO_NUMBER, -len(grouped[title])))
    return [{"title": title, "items": grouped[title]} for title in order]


def _counted(figure: Figure) -> str:
    """What a figure counts, as its group's title: the unit of its first value ('ISIS fighters')."""
    value = next((v.value for v in reports(figure) if v.value is not None), None)
    return NO_NUMBER if value is None else one_line(value.unit)  # as the article words it: 'ISIS fighters'


def figure_entry(graph: Graph, figure: Figure) -> dict:
    """An index row: the claim, linked; every article's value with its attribution, side by side; the chart."""
    versions = reports(figure)
    each = more_text([_value_text(graph, v) for v in versions[:INLINE_CAP]], len(versions), "report")
    entry = meta.item(figure.claim, paths.url("figures", figure.id), " · ".join(each))
    found = figure_chart(graph, figure, INLINE_CAP)
    if found is not None:
        entry["chart"] = found
    return entry
