"""The Markdown page of an actor."""

from __future__ import annotations

from collections import defaultdict

from .. import page_meta as M
from ..link import Graph
from ..markdown_text import inline
from ..model import Actor
from ..vocabulary import ACTOR_KINDS, IDENTIFIERS
from ..wording import count_of, first_sentence
from . import meta, timeline
from .lists import INLINE_CAP, Lists
from .network import actor_network
from .record import cited_sections
from .common import (all_evidence, attribution_phrase, context_section, date_text, entity_link, evidence_links,
                     figure_items, header, humanize, linked_text, mentions_section, page_fields, quote_item,
                     section, source_label)


def identifier_rows(identifiers: dict[str, str]) -> list[dict]:
    """Infobox rows linking to external databases."""
    rows = []
    for name, value in sorted(identifiers.items()):
        title, address = IDENTIFIERS[name]
        rows.append(meta.row(title, [meta.web_item(value, address.format(value))]))
    return rows


def index_groups(graph: Graph, kind=None) -> list[dict]:
    """The actors index: grouped by kind, in the vocabulary's order, each group by name."""
    grouped = defaultdict(list)
    for actor in sorted(graph.dataset.actors.values(), key=lambda a: a.name.casefold()):
        grouped[actor.kind].append(meta.entity_item(graph, "actors", actor.id, first_sentence(actor.description)))
    return [{"title": ACTOR_KINDS[kind], "items": grouped[kind]} for kind in ACTOR_KINDS if grouped[kind]]


def _infobox(graph: Graph, actor: Actor) -> str:
    roles = [meta.entity_item(graph, "actors", other, note=rel.role)
             for label, other, rel in graph.relations_of_actor(actor.id) if rel.role and rel.subject == actor.id]
    if len(roles) > INLINE_CAP:  # the infobox says the first few; the page's section has them all
        roles = [*roles[:INLINE_CAP], meta.item(f"and {count_of(len(roles) - INLINE_CAP, 'more role')}",
                                                "#roles-and-relationships")]
    return meta.infobox([
        meta.row("Kind", [meta.item(humanize(actor.kind))]),
        meta.row("Also called", [meta.item(a) for a in actor.aliases]),
        meta.row("Roles", roles),
        meta.row("Events", [meta.item(count_of(len(graph.events_of_actor(actor.id)), "event"), "#events")]
                 if graph.events_of_actor(actor.id) else []),
        meta.row("Articles", [meta.item(count_of(len(graph.articles_of_outlet(actor.id)), "article"),
                                        "#articles-published")] if graph.articles_of_outlet(actor.id) else []),
        *identifier_rows(actor.identifiers),
    ])


def render_page(graph: Graph, actor: Actor, lists: Lists | None = None) -> str:
    """The page of one actor: key facts, description and every connection (long lists cut, kept in lists)."""
    key = ("actors", actor.id)
    lists = lists or Lists("actors", actor.id, actor.name)
    lines = [linked_text(graph, actor.description, key), ""]
    lines += section("Roles and relationships", _relations(graph, actor), lists, "relationships")
    lines += section("Events", [
        f"- {date_text(event.date)}: {entity_link(graph, 'events', event.id)} ({inline(role)})"
        for event, role in graph.events_of_actor(actor.id)], lists, "events")
    lines += section("Events it gives an account of", [
        f"- {date_text(event.date)}: {entity_link(graph, 'events', event.id)}"
        for event in graph.events_credited_to(actor.id)], lists, "events on the account of {name}")
    lines += section("Articles published", [_article_item(graph, s) for s in graph.articles_of_outlet(actor.id)],
                     lists, "articles published by {name}")
    quotes = graph.quotes_of_actor(actor.id)
    lines += section("Quotes", [quote_item(graph, q, key) for q, how in quotes if how == "said"], lists, "quotes")
    lines += section("Quoted words addressed to it", [quote_item(graph, q) for q, how in quotes if how == "heard"],
                     lists, "quotes addressed to {name}")
    lines += section("Figures and claims", figure_items(graph, [f for f, _ in graph.figures_of(*key)]), lists,
                     "figures and claims")
    lines += section("Places", [f"- {entity_link(graph, 'places', p)}" for p in graph.places_of_actor(actor.id)],
                     lists, "places")
    lines += mentions_section(graph, key, lists)
    lines += cited_sections(graph, key, lists)
    lines += context_section(actor.context)
    layout = [(M.INFOBOX, _infobox(graph, actor)), (M.CRUMBS, meta.crumbs(graph, "actors"))]
    layout.append((M.TIMELINE, timeline.of_actor(graph, actor)))
    layout.append((M.NETWORK, actor_network(graph, actor.id)))
    fields = page_fields(graph, "actors", actor.id, actor.name, "actor", actor.kind, actor.description, layout=layout)
    return header(fields) + "\n".join(lines).rstrip() + "\n"


def _relations(graph: Graph, actor: Actor) -> list[str]:
    items = []
    for label, other, relationship in graph.relations_of_actor(actor.id):
        role = f" ({inline(relationship.role)})" if relationship.role else ""
        if relationship.date is not None:  # it held then; the article does not say it still does
            role += f" (at the time: {date_text(relationship.date)})"
        said = relationship.attribution
        if said is not None and not said.own:
            role += f", {attribution_phrase(graph, said)}"
        items.append(f"- {label} {entity_link(graph, 'actors', other)}{role}; "
                     f"{evidence_links(graph, all_evidence(relationship))}")
    return items


def _article_item(graph: Graph, source) -> str:
    return f"- {entity_link(graph, 'sources', source.id)} ({source_label(graph, source.id)})"
