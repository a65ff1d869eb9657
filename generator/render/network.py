"""The network of actors: who stands how to whom, from the relationships the articles state.

Two views of it, each bounded: the whole network at network/ (the FULL_CAP most connected actors and
the relationships among them, the same facts listed in HTML by kind), and on every actor's page its
one hop (the actor, its NEIGHBOURS_CAP most connected neighbours and the relationships among them).
Every graph of a report is laid out in one Graphviz run (generator/graph_layout.py), once a build:
`prepare` does it before render forks its workers, who inherit the result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import page_meta as M
from .. import paths
from ..graph_layout import Sketch, lay_out
from ..link import Graph
from ..markdown_text import escape, isolated_text
from ..model import Relationship
from ..vocabulary import ACTOR_RELATIONS
from ..wording import count_of
from . import meta
from .common import all_evidence, entity_link, evidence_links, header, metadata, reports
from .network_draw import box_size, drawing

NETWORK = "network"  # the full network's page: indexes/network.md, at network/
NETWORK_URL = "network/"
FULL_CAP = 150  # actors drawn on the network page: the most connected
LINES_CAP = 250  # relationships drawn (and listed) on the network page: those of the most connected first
NEIGHBOURS_CAP = 24  # neighbours drawn around an actor on its page: the most connected
_KEPT = "_network_drawings"  # where a graph keeps its drawings, made once a build


@dataclass
class Web:
    """The relationships of a report by pair of actors, and how connected each actor is."""

    pairs: dict = field(default_factory=lambda: defaultdict(list))  # (id, id) in order -> [Relationship]
    neighbours: dict = field(default_factory=lambda: defaultdict(set))  # actor id -> ids it is related to

    def rank(self, graph: Graph, actor_ids) -> list[str]:
        """Actor ids, the most connected first, then by name and id (a stable order)."""
        actors = graph.dataset.actors
        return sorted(actor_ids, key=lambda a: (-len(self.neighbours[a]), actors[a].name.casefold(), a))


def web(graph: Graph) -> Web:
    """Every relationship between two actors, by pair (a relationship of an actor to itself is left out)."""
    found = Web()
    for relationship in graph.dataset.relationships:
        a, b = relationship.subject, relationship.object
        if a != b:
            found.pairs[min(a, b), max(a, b)].append(relationship)
            found.neighbours[a].add(b)
            found.neighbours[b].add(a)
    return found


def sentence(graph: Graph, relationship: Relationship) -> str:
    """The fact a line stands for: 'Iraqi Security Forces — clashes with — Peshmerga (1 article)'."""
    actors = graph.dataset.actors
    articles = len({version.source for version in reports(relationship)})
    # Names in isolates: a right-to-left name must not reorder the words around it in a plain-text title.
    return (f"{isolated_text(actors[relationship.subject].name)} — {ACTOR_RELATIONS[relationship.kind][0].lower()} — "
            f"{isolated_text(actors[relationship.object].name)} ({count_of(articles, 'article')})")


def _among(found: Web, ids: list[str], cap: int) -> list[Relationship]:
    """The relationships between actors of ids, the pairs of the first (most connected) first, at most cap."""
    chosen = []
    for i, a in enumerate(ids):
        for b in ids[:i]:
            chosen += found.pairs.get((min(a, b), max(a, b)), [])
    return chosen[:cap]


def _plan(graph: Graph, ids: list[str], relationships: list[Relationship], centre: str = "") -> tuple[list, list]:
    """The nodes and lines of a drawing, by node number: what Graphviz gets as numbers, and the texts beside."""
    actors, number = graph.dataset.actors, {actor_id: n for n, actor_id in enumerate(ids)}
    nodes = [{"name": actors[a].name, "kind": actors[a].kind, "url": paths.url("actors", a),
              "size": box_size(actors[a].name), "centre": a == centre} for a in ids]
    lines = [{"a": number[r.subject], "b": number[r.object], "kind": r.kind, "title": sentence(graph, r)}
             for r in relationships]
    return nodes, lines


def _sketch(nodes: list[dict], lines: list[dict]) -> Sketch:
    pairs = sorted({(min(line["a"], line["b"]), max(line["a"], line["b"])) for line in lines})
    return Sketch(tuple(node["size"] for node in nodes), tuple(pairs))


@dataclass(frozen=True)
class Drawings:
    """Every network drawing of a report: the whole (None without relationships), each actor's by id."""

    full: dict | None
    listed: list  # the relationships the full drawing shows, most connected first
    drawn_actors: int
    of_actor: dict


def prepare(graph: Graph) -> Drawings:
    """Every drawing of the report, laid out in one Graphviz run and kept on the graph for the build."""
    kept = vars(graph).get(_KEPT)  # on the graph itself: a forked worker inherits it, a new build has its own
    if kept is None:
        kept = vars(graph)[_KEPT] = _draw_all(graph)
    return kept


def _draw_all(graph: Graph) -> Drawings:
    found = web_of(graph)
    plans = {}
    top = found.rank(graph, found.neighbours)[:FULL_CAP]
    listed = _among(found, top, LINES_CAP)
    drawn_ids = [a for a in top if any(a in (r.subject, r.object) for r in listed)]
    if listed:
        plans[None] = _plan(graph, drawn_ids, listed)
    for actor_id in sorted(found.neighbours):
        ids = [actor_id, *found.rank(graph, found.neighbours[actor_id])[:NEIGHBOURS_CAP]]
        plans[actor_id] = _plan(graph, ids, _among(found, ids, LINES_CAP), actor_id)
    keys = list(plans)
    positions = lay_out([_sketch(*plans[k]) for k in keys])
    drawn = {k: drawing(*plans[k], where) for k, where in zip(keys, positions)}
    full = drawn.pop(None, None)
    return Drawings(full, listed, len(drawn_ids), drawn)


def actor_network(graph: Graph, actor_id: str) -> str:
    """The NETWORK field of an actor's page: its one-hop drawing, or null when it has no relationships."""
    drawn = prepare(graph).of_actor.get(actor_id)
    if drawn is None:
        return meta.as_json(None)
    count = len(web_of(graph).neighbours[actor_id])
    shown = len(drawn["nodes"]) - 1
    name = isolated_text(graph.dataset.actors[actor_id].name)
    caption = (f"{name} and the {count_of(count, 'actor')} it is related to" if shown == count else
               f"{name} and the {shown} most connected of the {count:,} actors "
               "it is related to (all are listed under Roles and relationships)")
    return meta.as_json({"id": "network", "title": caption, **drawn})


def web_of(graph: Graph) -> Web:
    """The report's web of relationships, made once a build (kept beside the drawings)."""
    kept = vars(graph).get(_KEPT + "_web")
    if kept is None:
        kept = vars(graph)[_KEPT + "_web"] = web(graph)
    return kept


def render_network(graph: Graph) -> str:
    """The network page: the drawing of the most connected actors, and the same relationships listed by kind."""
    drawings = prepare(graph)
    total = len(web_of(graph).neighbours)
    listed = drawings.listed
    if drawings.full is None:
        body = ["The articles state no relationship between actors."]
        drawn = None
    else:
        caption = (f"The {count_of(drawings.drawn_actors, 'actor')} related to another and the "
                   f"{count_of(len(listed), 'relationship')} between them" if drawings.drawn_actors == total
                   and len(listed) == len(graph.dataset.relationships) else
                   f"The {drawings.drawn_actors} most connected of the {total:,} related actors and "
                   f"{count_of(len(listed), 'relationship')} between them (each actor's page lists all of its own)")
        drawn = {"id": "network", "title": caption, **drawings.full}
        body = [escape("Each relationship drawn is listed below, by kind; each actor's page lists all of its "
                       "relationships and draws its neighbours."), "", *_listed(graph, listed)]
    fields = metadata("Network", NETWORK, "network", "index", "Who stands how to whom: the actors and their "
                      "relationships.", NETWORK_URL, NETWORK_URL + "index.html", "data/",
                      layout=[(M.NETWORK, meta.as_json(drawn))])
    return header(fields) + "\n".join(body).rstrip() + "\n"


def _listed(graph: Graph, relationships: list[Relationship]) -> list[str]:
    """The relationships drawn, as text: a section per kind, in the vocabulary's order."""
    by_kind = defaultdict(list)
    for r in relationships:
        by_kind[r.kind].append(r)
    lines = []
    for kind, (forward, _) in ACTOR_RELATIONS.words.items():
        if by_kind[kind]:
            lines += [f"## {forward} {{: #{kind} }}", ""]
            lines += [_item(graph, r) for r in by_kind[kind]] + [""]
    return lines


def _item(graph: Graph, r: Relationship) -> str:
    articles = len({version.source for version in reports(r)})
    return (f"- {entity_link(graph, 'actors', r.subject)} — {escape(ACTOR_RELATIONS[r.kind][0].lower())} — "
            f"{entity_link(graph, 'actors', r.object)} ({count_of(articles, 'article')}); "
            f"{evidence_links(graph, all_evidence(r))}")
