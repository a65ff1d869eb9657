"""A timeline's geometry: a date axis framed from the dates drawn, and one lane per report of an event.

The axis adapts to the span it is given: ticks every few days for a span of weeks, every few months for a
span of up to three years, every few years (1, 2, 5, 10, ... 1000) beyond; any era from year 1 to 2999
(days are counted as ordinals, so no calendar arithmetic can leave range). Positions are viewBox units,
rounded to 1 decimal, so the output is small and the same for the same input; the template only places them.
"""

from __future__ import annotations

import datetime

from ..dates import MONTHS, Interval

WIDTH = 360  # the viewBox width; the SVG scales to its column, so a phone never scrolls sideways
SIDE = 16  # room left and right of the axis, for the end ticks' labels
LANE = 26  # a lane: its label line above, its mark below
LABEL_DROP = 10
MARK_DROP = 19
AXIS_ROOM = 24  # below the lanes: the axis line and its tick labels
TICKS = 6  # at most about this many ticks
OPEN_LEAD = 0.08  # the share of the axis before the earliest day, where an open start ('by') fades in
LABEL_CHARS = 58  # a lane's label is cut to this many characters (its link's name says it whole)
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_FIRST, _LAST = datetime.date(1, 1, 1).toordinal(), datetime.date(2999, 12, 31).toordinal()


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _from_month(index: int) -> int:
    """The ordinal of the first day of a month index; past year 2999, the day after the last."""
    return datetime.date(index // 12, index % 12 + 1, 1).toordinal() if index // 12 <= 2999 else _LAST + 1


def _days(low: int, high: int) -> tuple[list[int], str]:
    """Ticks (ordinals) every few days from low to past high."""
    step = next((s for s in _DAY_STEPS if (high - low) / s <= TICKS), 28)
    start = low - (low - 1) % step if step == 7 else low  # weeks from a Monday (ordinal 1 is a Monday)
    count = -(-(high - start) // step)
    return [start + k * step for k in range(count + 1)], "day"


def _months(low: int, high: int) -> tuple[list[int], str]:
    """Ticks on the first of a month every few months, from low's month to past high."""
    first, last = (_month_index(datetime.date.fromordinal(n)) for n in (low, high))
    step = next((s for s in _MONTH_STEPS if (last + 1 - first) / s <= TICKS), 12)
    first -= first % step
    count = -(-(last + 1 - first) // step)
    return [_from_month(first + k * step) for k in range(count + 1)], "month"


def _years(low: int, high: int) -> tuple[list[int], str]:
    """Ticks on 1 January every few years, from low's year to past high."""
    first, last = datetime.date.fromordinal(low).year, datetime.date.fromordinal(high).year
    step = next((s for s in _YEAR_STEPS if (last + 1 - first) / s <= TICKS), 1000)
    first = max(1, first - first % step)
    count = -(-(last + 1 - first) // step)
    years = [min(first + k * step, 3000) for k in range(count + 1)]
    return [datetime.date(y, 1, 1).toordinal() if y < 3000 else _LAST + 1 for y in years], "year"


def ticks(low: int, high: int) -> tuple[list[int], str]:
    """The ticks (ordinal days) of an axis over the days low..high, and their unit: day, month or year."""
    span = high - low
    if span <= 70:
        return _days(low, high + 1)
    if span <= 3 * 366:
        return _months(low, high)
    return _years(low, high)


def tick_label(ordinal: int, unit: str) -> str:
    """'26 Oct', 'Oct 2017', '1914'."""
    if ordinal > _LAST:
        return "Jan 3000" if unit == "month" else "1 Jan 3000" if unit == "day" else "3000"
    day = datetime.date.fromordinal(ordinal)
    if unit == "day":
        return f"{day.day} {MONTHS[day.month - 1][:3]}"
    if unit == "month":
        return f"{MONTHS[day.month - 1][:3]} {day.year}"
    return str(day.year)


class Axis:
    """The date axis of one timeline: its ticks and the x of any day."""

    def __init__(self, intervals: list[Interval]):
        low = min(i.first.toordinal() for i in intervals)
        high = max(i.latest.toordinal() for i in intervals)
        if any(i.open_start for i in intervals):  # room before the earliest day for an open start to fade in
            low = max(_FIRST, low - max(3, round((high - low) * OPEN_LEAD)))
        self.marks, self.unit = ticks(low, high)
        self.low, self.high = self.marks[0], max(self.marks[-1], high + 1)

    def x(self, ordinal: int) -> float:
        """The x of the start of a day (an ordinal)."""
        return round(SIDE + (ordinal - self.low) / (self.high - self.low) * (WIDTH - 2 * SIDE), 1)

    def tick_list(self) -> list[dict]:
        """Each tick's x and label."""
        return [{"x": self.x(t), "label": tick_label(t, self.unit)} for t in self.marks]


def mark(axis: Axis, span: Interval, reported: bool = False) -> dict:
    """The shape of one date on the axis: a dot for a day, a bar for a month, a year or a range, an open line
    from the axis's start for 'by', a diamond for 'reported on'; hollow when approximate, dotted when uncertain."""
    start = axis.x(span.first.toordinal())
    end = axis.x(span.latest.toordinal() + 1)
    found = {"about": span.approximate, "uncertain": span.uncertain}
    if reported:
        return {**found, "shape": "reported", "x": round((start + end) / 2, 1)}
    if span.open_start:
        return {**found, "shape": "open", "x1": axis.x(axis.low), "x2": end}
    if span.earliest == span.latest:
        return {**found, "shape": "dot", "x": round((start + end) / 2, 1)}
    end = max(end, round(start + 3, 1))  # a day's bar is still seen
    return {**found, "shape": "bar", "x1": start, "x2": end, "w": round(end - start, 1)}


def short(text: str) -> tuple[str, bool]:
    """A label cut at a word to at most LABEL_CHARS characters, and whether it was cut. The cut text is the
    start of the link's name as it is (the template adds the '…' apart, hidden from assistive technology)."""
    if len(text) <= LABEL_CHARS:
        return text, False
    cut = text[:LABEL_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(), True


def lanes_geometry(lanes: list[dict]) -> tuple[list[dict], int]:
    """Each lane's y (its rows stacked, an event's reports under its title) and the height they fill."""
    top = 0
    for lane in lanes:
        lane["y"] = top
        for row, entry in enumerate(lane["rows"]):
            entry["label_y"] = row * LANE + LABEL_DROP
            entry["y"] = row * LANE + MARK_DROP
            for shape in entry["marks"]:
                shape["y"] = entry["y"]
        lane["height"] = LANE * len(lane["rows"])
        top += lane["height"]
    return lanes, top


def frame(axis: Axis, height: int) -> dict:
    """The SVG's size and the axis's place below the lanes."""
    return {"width": WIDTH, "height": height + AXIS_ROOM, "left": SIDE, "right": WIDTH - SIDE,
            "axis_y": height + 4, "tick_y": height + 17, "ticks": axis.tick_list()}
