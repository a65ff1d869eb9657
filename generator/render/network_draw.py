"""A network of actors as numbers the theme draws as inline SVG (macros/network.html): boxes, lines, a legend.

Graphviz (generator/graph_layout.py) places the boxes; everything else is computed here, in viewBox
units rounded to one decimal: each relationship is a line clipped at the two boxes, several between one
pair drawn side by side, a directed kind ending in an arrowhead at its object. Every kind has a line
style (STYLES, one per kind of the vocabulary) shown in the legend. Every text is plain: the template
escapes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..graph_layout import Positions
from ..markdown_text import one_line
from ..vocabulary import ACTOR_RELATIONS
from ..wording import humanize

FONT = 11  # the labels' size in viewBox units; CHAR is about the width of one of their characters
CHAR = 6.4
BOX_HEIGHT = 22
BOX_PAD = 14  # room left and right of a label inside its box
LABEL_CHARS = 26  # a longer name is cut, with an ellipsis, in the box (its <title> and the list say it whole)
MARGIN = 6
SPREAD = 5  # between the side-by-side lines of several relationships of one pair
ARROW = 8  # an arrowhead's length; its half-width is ARROW / 2


@dataclass(frozen=True)
class Style:
    """How a kind's line looks: its dashes (SVG stroke-dasharray, '' for solid), doubled or not, its tone."""

    dash: str
    double: bool
    tone: str  # hostile, friendly or structure: the line's colour class, light and dark


# Every kind of the vocabulary has a style (tests/test_network.py): solid, dashed, dotted or doubled, and an
# arrowhead where the kind reads differently from its two ends (it is directed).
STYLES = {
    "opposes": Style("7 4", False, "hostile"),
    "clashes-with": Style("", False, "hostile"),
    "allied-with": Style("", True, "friendly"),
    "part-of": Style("", False, "structure"),
    "member-of": Style("2 3", False, "structure"),
    "leads": Style("9 3 2 3", False, "structure"),
    "speaks-for": Style("1 3", False, "friendly"),
    "backed-by": Style("4 2", False, "friendly"),
}


# A kind added to the vocabulary before its style here draws as a plain line, named in the legend (the build
# goes on; tests/test_network.py says which kind lacks its style).
UNSTYLED = Style("", False, "structure")


def style_of(kind: str) -> Style:
    """A kind's line style."""
    return STYLES.get(kind, UNSTYLED)


def directed(kind: str) -> bool:
    """Whether a kind reads differently from its object (leads / led by): its line has an arrowhead."""
    forward, backward = ACTOR_RELATIONS[kind]
    return forward != backward


def label(name: str) -> str:
    """A name as its box shows it: one line, cut past LABEL_CHARS at a word where it can be (the box adds
    an ellipsis, hidden from assistive technology, so that what it shows is a part of the link's name)."""
    name = one_line(name)
    if len(name) <= LABEL_CHARS:
        return name
    cut = name[:LABEL_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[LABEL_CHARS // 2:] else cut).rstrip()


def box_size(name: str) -> tuple[float, float]:
    """A box's (width, height), estimated from its label's length (Graphviz never sees the text)."""
    shown = label(name)
    return (round((len(shown) + (shown != one_line(name))) * CHAR + 2 * BOX_PAD, 1), float(BOX_HEIGHT))


def legend(kinds: list[str]) -> list[dict]:
    """The legend: each kind drawn, in the vocabulary's order, with its style and how it reads."""
    return [{"kind": kind, "text": ACTOR_RELATIONS[kind][0], "dash": style_of(kind).dash,
             "double": style_of(kind).double, "tone": style_of(kind).tone, "arrow": directed(kind)}
            for kind in ACTOR_RELATIONS if kind in kinds]


def drawing(nodes: list[dict], lines: list[dict], positions: Positions) -> dict:
    """The geometry: nodes (name, kind, url, size) placed at positions; lines (a, b, kind, title) between them."""
    left = min(x - n["size"][0] / 2 for n, (x, _) in zip(nodes, positions)) - MARGIN
    top = min(y - n["size"][1] / 2 for n, (_, y) in zip(nodes, positions)) - MARGIN
    centres = [(x - left, y - top) for x, y in positions]
    width = max(cx + n["size"][0] / 2 for n, (cx, _) in zip(nodes, centres)) + MARGIN
    height = max(cy + n["size"][1] / 2 for n, (_, cy) in zip(nodes, centres)) + MARGIN
    kinds = sorted({line["kind"] for line in lines}, key=list(ACTOR_RELATIONS).index)
    drawn = [_line(line, nodes, centres, offset, kinds.index(line["kind"]))
             for line, offset in zip(lines, _offsets(lines))]
    boxes = [_box(node, centre) for node, centre in zip(nodes, centres)]
    return {"width": _r(width), "height": _r(height), "nodes": boxes, "lines": drawn, "legend": legend(kinds)}


def _offsets(lines: list[dict]) -> list[float]:
    """How far aside each line is drawn from its pair's axis: several relationships of a pair side by side."""
    by_pair: dict = {}
    for n, line in enumerate(lines):
        by_pair.setdefault((min(line["a"], line["b"]), max(line["a"], line["b"])), []).append(n)
    found = [0.0] * len(lines)
    for (low, _), members in by_pair.items():
        for place, n in enumerate(members):
            sign = 1 if lines[n]["a"] == low else -1  # the same side whichever way the line runs
            found[n] = sign * (place - (len(members) - 1) / 2) * SPREAD
    return found


def _box(node: dict, centre: tuple[float, float]) -> dict:
    (w, h), (cx, cy) = node["size"], centre
    return {"x": _r(cx - w / 2), "y": _r(cy - h / 2), "w": w, "h": h, "tx": _r(cx), "ty": _r(cy + FONT * 0.35),
            "label": label(node["name"]), "cut": label(node["name"]) != one_line(node["name"]),
            "name": one_line(node["name"]), "kind": humanize(node["kind"]),
            "url": node["url"], "centre": node.get("centre", False)}


def _line(line: dict, nodes: list[dict], centres: list[tuple[float, float]], offset: float, style: int) -> dict:
    """A line from box a to box b, moved aside by offset, cut at the boxes' edges; an arrowhead at b if directed."""
    (ax, ay), (bx, by) = centres[line["a"]], centres[line["b"]]
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    nx, ny = -uy * offset, ux * offset
    start = _edge_of(nodes[line["a"]]["size"], (ax + nx, ay + ny), (ux, uy))
    end = _edge_of(nodes[line["b"]]["size"], (bx + nx, by + ny), (-ux, -uy))
    drawn = {"x1": _r(start[0]), "y1": _r(start[1]), "x2": _r(end[0]), "y2": _r(end[1]), "s": style,
             "title": line["title"]}
    if directed(line["kind"]):
        back = (end[0] - ux * ARROW, end[1] - uy * ARROW)
        wing = (-uy * ARROW / 2, ux * ARROW / 2)
        drawn["arrow"] = " ".join(f"{_r(x)},{_r(y)}" for x, y in (
            (back[0] + wing[0], back[1] + wing[1]), end, (back[0] - wing[0], back[1] - wing[1])))
    return drawn


def _edge_of(size: tuple[float, float], centre: tuple[float, float], towards: tuple[float, float]) -> tuple[float, float]:
    """Where a ray from a box's centre, in direction towards, leaves the box."""
    (w, h), (cx, cy), (dx, dy) = size, centre, towards
    t = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t


def _r(value: float) -> float:
    """One decimal: small, and the same on every build (-0.0 reads 0.0)."""
    return round(value, 1) + 0.0
