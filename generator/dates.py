"""Dates with their precision: parse, check, sort and label them."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")  # used with fullmatch
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# The number of parts each single-date precision needs: 2017, 2017-10, 2017-10-26.
_PARTS = {"year": 1, "month": 2, "day": 3}
# News dates events in recorded history and near-future plans ("by 2100"); a later year is a slip
# (9999 for 2017), and staying far below datetime's year 9999 keeps all date arithmetic in range.
LATEST_YEAR = 2999


@dataclass(frozen=True)
class DateSpec:
    """A date as a source gives it: a day, month, year or range, maybe approximate."""

    precision: str
    value: str | None = None
    start: str | None = None
    end: str | None = None
    approximate: bool = False
    phrase: str | None = None
    uncertain: bool = False  # the article hedges the date ("possibly in May"), EDTF's "?"

    @classmethod
    def from_data(cls, data: dict) -> DateSpec:
        """Build from a validated `date:` mapping."""
        pick = lambda key: str(data[key]) if key in data else None  # noqa: E731 - years may be ints
        return cls(data["precision"], pick("value"), pick("start"), pick("end"),
                   bool(data.get("approximate", False)), data.get("phrase"), bool(data.get("uncertain", False)))


def parse_point(text: str) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) for a real calendar date, else None."""
    match = _POINT.fullmatch(text)
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def problems(spec: DateSpec) -> list[tuple[str, str, str, str]]:
    """Each problem as (field, expected, found, hint); empty when the date is sound."""
    if spec.precision == "range":
        return _range_problems(spec)
    found = []
    for key in ("start", "end"):
        if getattr(spec, key) is not None:
            found.append((key, "no range bound for precision " + repr(spec.precision), repr(getattr(spec, key)),
                          "use 'value', or set precision: range"))
    if spec.value is None:
        return found + [("value", f"a {spec.precision} for precision {spec.precision!r}", "nothing", "add 'value:'")]
    return found + (point_problems("value", spec.value, _PARTS[spec.precision]) or _weekday_problems(spec))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_problems(spec: DateSpec) -> list[tuple[str, str, str, str]]:
    """A day whose phrase names a weekday ('Thursday') must fall on that weekday."""
    if spec.precision != "day" or not spec.phrase or parse_point(spec.value or "") is None:
        return []
    named = [day for day in _WEEKDAYS if re.search(rf"\b{day}\b", spec.phrase.casefold())]
    actual = _WEEKDAYS[_first_day(spec.value).weekday()]
    if len(named) != 1 or named[0] == actual:
        return []
    return [("value", f"a {named[0].capitalize()}, as the phrase {spec.phrase!r} says", f"{spec.value!r}, a "
             f"{actual.capitalize()}", "count back from the publication date to that weekday")]


def point_problems(key: str, text: str, parts: int | None) -> list[tuple[str, str, str, str]]:
    """Problems of one date written YYYY, YYYY-MM or YYYY-MM-DD (parts says which; None: any)."""
    shapes = {1: "YYYY", 2: "YYYY-MM", 3: "YYYY-MM-DD"}
    parsed = parse_point(text)
    if parsed is None:
        wanted = shapes.get(parts, "YYYY, YYYY-MM or YYYY-MM-DD")
        return [(key, f"a real calendar date written {wanted}", repr(text), "check the month and day")]
    if parsed[0] > LATEST_YEAR:
        return [(key, f"a date in the years 0001 to {LATEST_YEAR}", repr(text), "check the year")]
    if parts is not None and len(parsed) != parts:
        precision = {1: "year", 2: "month", 3: "day"}[len(parsed)]
        hint = f"write it as {shapes[parts]} or set precision: {precision}"
        return [(key, f"a date written {shapes[parts]}", repr(text), hint)]
    return []


def _range_problems(spec: DateSpec) -> list[tuple[str, str, str, str]]:
    found = []
    if spec.value is not None:
        found.append(("value", "'start' and 'end' for precision 'range'", repr(spec.value),
                      "rename 'value' to 'start' or 'end', or set precision: day"))
    if spec.end is None:
        return found + [("end", "the last possible date of the range", "nothing", "add 'end:'")]
    for key in ("start", "end"):
        if getattr(spec, key) is not None:
            found += point_problems(key, getattr(spec, key), None)
    if not found and spec.start is not None and bounds(spec)[0] > bounds(spec)[1]:
        found.append(("start", f"a date before the end ({spec.end})", repr(spec.start), "swap start and end"))
    return found


def _first_day(text: str) -> datetime.date:
    parts = parse_point(text)
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(text: str) -> datetime.date:
    parts = parse_point(text)
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        return datetime.date(*parts, calendar.monthrange(*parts)[1])
    return datetime.date(parts[0], 12, 31)


def bounds(spec: DateSpec) -> tuple[datetime.date | None, datetime.date]:
    """The earliest (None when open) and latest day the date allows."""
    if spec.precision == "range":
        return (_first_day(spec.start) if spec.start else None), _last_day(spec.end)
    return _first_day(spec.value), _last_day(spec.value)


def sort_key(spec: DateSpec | None) -> str:
    """A text key that orders dates chronologically, undated last."""
    if spec is None:
        return "9999"
    first, last = bounds(spec)
    return (first or last).isoformat() + "/" + last.isoformat()


def point_label(text: str) -> str:
    """'2017-10-26' reads '26 October 2017', '2017-10' reads 'October 2017', '2017' reads '2017'."""
    parts = parse_point(text)
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def label(spec: DateSpec) -> str:
    """How the date reads on a page: '26 October 2017', 'by 26 October 2017', 'about October 2017'."""
    if spec.precision == "range" and spec.start is None:  # "about by ..." says nothing more
        return f"{'possibly ' if spec.uncertain else ''}by {point_label(spec.end)}"
    if spec.precision == "range":
        text = f"{point_label(spec.start)} – {point_label(spec.end)}"
    else:
        text = point_label(spec.value)
    text = f"about {text}" if spec.approximate else text
    return f"possibly {text}" if spec.uncertain else text


@dataclass(frozen=True)
class Interval:
    """A date as an EDTF interval: its earliest and latest possible day (earliest None: open, not given),
    precision and qualifiers, and its EDTF string ('2017-10~', '2017-10-19/2017-10-26', '../2017-10-26')."""

    earliest: datetime.date | None
    latest: datetime.date
    precision: str
    approximate: bool
    uncertain: bool
    edtf: str

    @property
    def open_start(self) -> bool:
        """Whether only the latest day is known ('by 26 October')."""
        return self.earliest is None

    @property
    def first(self) -> datetime.date:
        """The earliest day known: the start, or the latest day of an open interval."""
        return self.earliest or self.latest


def _qualifier(approximate: bool, uncertain: bool) -> str:
    """EDTF's mark after a date: '~' approximate, '?' uncertain, '%' both."""
    return {(True, True): "%", (True, False): "~", (False, True): "?"}.get((approximate, uncertain), "")


def edtf_text(spec: DateSpec, published: str | None = None) -> str:
    """The date in EDTF: '2017-09', '2017-10~', '2017-10~/2017-10-26' ('in recent days': an approximate span
    ending on the article's day, `published`, which is known), '../2017-10-26' ('by')."""
    mark = _qualifier(spec.approximate, spec.uncertain)
    if spec.precision != "range":
        return spec.value + mark
    if spec.start is None:  # "by": the start is open; an approximate "by" says no more than "by"
        return "../" + spec.end + _qualifier(False, spec.uncertain)
    end_mark = _qualifier(False, spec.uncertain) if spec.end == published else mark
    return f"{spec.start}{mark}/{spec.end}{end_mark}"


def interval(spec: DateSpec, published: str | None = None) -> Interval:
    """The EDTF interval of a date (published: the article's day, the end of a span that ends 'now'). Its
    bounds are bounds()'s; tests/test_timeline.py checks them against the `edtf` package's reading of the
    string, which is too slow to call per date (about 15 ms a parse) in a report of thousands of events."""
    earliest, latest = bounds(spec)
    return Interval(earliest, latest, spec.precision, spec.approximate, spec.uncertain, edtf_text(spec, published))


def precision_words(spec: DateSpec) -> str:
    """How precisely the article dates it, in words: 'to the day', 'to the month, approximate', 'by this day'."""
    if spec.precision == "range":
        words = "by this day, start not given" if spec.start is None else "between these days"
    else:
        words = f"to the {spec.precision}"
    open_start = spec.precision == "range" and spec.start is None  # "about by" says no more than "by"
    qualifiers = [w for w, on in (("approximate", spec.approximate and not open_start),
                                  ("uncertain", spec.uncertain)) if on]
    return ", ".join([words, *qualifiers])
