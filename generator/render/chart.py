"""A dot-and-range chart of one figure's values, as numbers the theme draws as inline SVG (macros/chart.html).

Each article's value gets a lane on one shared axis: a dot for an exact value (hollow when "about"), a bar
for a range (dashed when "about"), and a dot with an open-ended arrow to the axis's end for "at least" or to
its start for "at most". The geometry is computed here, in viewBox units, so the template only places it;
every text is plain (the template escapes it).
"""

from __future__ import annotations

import math

from ..markdown_text import one_line
from ..model import Quantity

WIDTH = 320  # the viewBox width; the SVG scales to its column, so a phone never scrolls sideways
SIDE = 24  # room left and right of the axis, for the end ticks' labels (centred on them)
LANE = 30  # a lane: its label line above, its mark below
LABEL_DROP = 11  # the label's baseline below the lane's top
MARK_DROP = 21  # the mark's centre below the lane's top
AXIS_ROOM = 22  # below the lanes: the axis line and its tick labels
TICKS = 4  # about this many steps along the axis


def chart(chart_id: str, title: str, lanes: list[tuple[str, Quantity]], more: int = 0) -> dict:
    """The chart of lanes (label, value), on one axis from the numbers; more: reports not drawn, counted."""
    low, high, step = axis([n for _, value in lanes for n in numbers(value)], any(_open(v) for _, v in lanes))
    scale = _scale(low, high)
    marks = [_mark(label, value, i, scale) for i, (label, value) in enumerate(lanes)]
    bottom = len(lanes) * LANE
    ticks = [{"x": scale(low + k * step), "label": _tick_label(low + k * step)}
             for k in range(round((high - low) / step) + 1)]
    found = {"id": chart_id, "title": one_line(title), "width": WIDTH, "height": bottom + AXIS_ROOM, "left": SIDE,
             "right": WIDTH - SIDE, "axis_y": bottom + 4, "tick_y": bottom + 17, "ticks": ticks, "marks": marks}
    if more:
        found["more"] = more
    return found


def numbers(value: Quantity) -> list[float]:
    """The numbers a quantity gives: its exact value, or its bounds."""
    return [n for n in (value.exact, value.minimum, value.maximum) if n is not None]


def _open(value: Quantity) -> bool:
    """Whether the quantity is bounded on one side only (at least, at most)."""
    return value.exact is None and (value.minimum is None) != (value.maximum is None)


def axis(values: list[float], open_ended: bool) -> tuple[float, float, float]:
    """(low, high, step) of an axis from zero (or the lowest negative value) past the highest value, in round
    steps; a step more when a value is open-ended, so its arrow has room to point on."""
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    step = _round_step((high - low) / TICKS)
    low = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    if open_ended or top == low:
        top += step
    # Rounded: 3 steps of 0.1 make 0.30000000000000004, which would print as such.
    return round(float(low), 12), round(float(top), 12), float(step)


def _round_step(raw: float) -> float:
    """The smallest of 1, 2, 5 or 10 times a power of ten that is at least raw."""
    power = 10 ** math.floor(math.log10(raw))
    return next(k * power for k in (1, 2, 5, 10) if k * power >= raw)


def _scale(low: float, high: float):
    def x(value: float) -> float:
        return round(SIDE + (value - low) / (high - low) * (WIDTH - 2 * SIDE), 1)
    return x


def _mark(label: str, value: Quantity, lane: int, x) -> dict:
    """One lane: its label, its shape and the x positions of its value."""
    top = lane * LANE
    mark = {"label": one_line(label), "label_y": top + LABEL_DROP, "y": top + MARK_DROP, "about": value.approximate}
    if value.exact is not None:
        return {**mark, "shape": "dot", "x": x(value.exact)}
    if value.minimum is not None and value.maximum is not None:
        return {**mark, "shape": "range", "x1": x(value.minimum), "x2": x(value.maximum)}
    if value.minimum is not None:  # at least: from the value on, to the axis's end
        return {**mark, "shape": "at-least", "x": x(value.minimum), "x1": x(value.minimum), "x2": WIDTH - SIDE}
    return {**mark, "shape": "at-most", "x": x(value.maximum), "x1": SIDE, "x2": x(value.maximum)}


def _tick_label(value: float) -> str:
    """A tick's number, 1,500 or 0.5: as few digits as the step needs."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
