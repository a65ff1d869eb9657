"""The committed Natural Earth basemap: loaded once, each feature's rings clipped to a frame and drawn in
map units (SVG path data), and the countries and first-level divisions found by name."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clip import clip_line, clip_polygon
from .frame import Frame
from .projection import bounds, held, projection

DATA = Path(__file__).resolve().parent / "data" / "natural-earth.json"


@dataclass(frozen=True)
class Shape:
    """One feature: its name (if any), its country code, and its rings as (lons, lats, lon/lat box)."""

    name: str
    country: str
    rings: tuple
    aliases: tuple[str, ...] = ()
    division: bool = False  # a first-level division of a country, not a country


def _ring(flat: list[int], scale: int) -> tuple:
    lons, lats = tuple(x / scale for x in flat[0::2]), tuple(y / scale for y in flat[1::2])
    return lons, lats, (min(lons), min(lats), max(lons), max(lats))


@dataclass(frozen=True)
class Basemap:
    """The layers of the basemap: countries, admin-1 divisions, lakes and rivers."""

    countries: tuple[Shape, ...]
    admin1: tuple[Shape, ...]
    lakes: tuple[Shape, ...]
    rivers: tuple[Shape, ...]


@lru_cache(maxsize=1)
def basemap() -> Basemap:
    """The basemap, read once a process (workers forked after the first read share it)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    scale = data["scale"]
    def shapes(items: list[dict], country: str, division: bool) -> tuple[Shape, ...]:
        return tuple(Shape(i["name"], i[country], tuple(_ring(r, scale) for r in i["rings"]),
                           tuple(i.get("aliases", ())), division) for i in items)
    return Basemap(shapes(data["countries"], "id", False), shapes(data["admin1"], "country", True),
                   tuple(Shape("", "", (_ring(r, scale),)) for r in data["lakes"]),
                   tuple(Shape("", "", (_ring(r, scale),)) for r in data["rivers"]))


def _overlaps(box: tuple, frame: Frame) -> bool:
    """Whether a lon/lat box may reach into the frame (longitudes compared round the globe)."""
    west, south, east, north = box
    if north < frame.south or south > frame.north:
        return False
    low, high = frame.lon0 - frame.half_lon, frame.lon0 + frame.half_lon
    return any(west + shift <= high and east + shift >= low for shift in (-360, 0, 360))


@dataclass(frozen=True)
class Canvas:
    """A frame drawn width units wide: projects (lon, lat) into SVG coordinates (y down)."""

    frame: Frame
    width: float
    height: float
    origin: tuple[float, float]  # the projected (x, y) of the top left corner
    scale: float  # map units a metre

    def points(self, lons, lats) -> list[tuple[float, float]]:
        """Points in map units (not rounded; clipping rounds)."""
        xs, ys = projection(self.frame)(list(lons), [held(self.frame, lat) for lat in lats])
        x0, y0 = self.origin
        if isinstance(xs, float):
            xs, ys = [xs], [ys]
        return [((x - x0) * self.scale, (y0 - y) * self.scale) for x, y in zip(xs, ys)
                if math.isfinite(x) and math.isfinite(y)]

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """One point in map units, rounded to a tenth."""
        (x, y), = self.points([lon], [lat])
        return round(x, 1), round(y, 1)

    def metres(self, distance: float) -> float:
        """A distance on the ground in map units (at the frame's centre; conformal, so the same either way)."""
        return distance * self.scale


@lru_cache(maxsize=512)
def canvas(frame: Frame, width: float, min_ratio: float = 0.55, max_ratio: float = 1.1) -> Canvas:
    """The frame's canvas, width wide, its height from the frame's shape within the ratios (the shorter side
    widened to fit, so the frame is never cut)."""
    x_min, y_min, x_max, y_max = bounds(frame)
    w, h = max(x_max - x_min, 1.0), max(y_max - y_min, 1.0)
    ratio = min(max(h / w, min_ratio), max_ratio)
    if h / w < ratio:  # too flat: widen vertically
        grow = (w * ratio - h) / 2
        y_min, y_max, h = y_min - grow, y_max + grow, w * ratio
    elif h / w > ratio:  # too tall: widen sideways
        grow = (h / ratio - w) / 2
        x_min, x_max, w = x_min - grow, x_max + grow, h / ratio
    return Canvas(frame, width, round(width * ratio, 1), (x_min, y_max), width / w)


def _path(rings: list[list[tuple[float, float]]], closed: bool) -> str:
    """SVG path data of rings or lines already in map units."""
    end = "Z" if closed else ""
    return "".join("M" + " ".join(f"{x:g},{y:g}" for x, y in ring) + end for ring in rings)


def _thinned(points: list[tuple[float, float]], step: float, digits: int) -> list[tuple[float, float]]:
    """Points rounded to digits, dropping each closer than step to the last kept one (the last always kept)."""
    kept: list[tuple[float, float]] = []
    for i, (x, y) in enumerate(points):
        point = (round(x, digits) + 0.0, round(y, digits) + 0.0)  # + 0.0: never "-0"
        far = not kept or abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= step
        if (far or i == len(points) - 1) and (not kept or point != kept[-1]):
            kept.append(point)
    return kept


def shape_path(c: Canvas, shapes, closed: bool = True, step: float = 0.8, digits: int = 1) -> str:
    """The shapes clipped to the canvas, as one SVG path's data ('' when none reaches it); points closer
    than step dropped, coordinates rounded to digits (a small locator needs whole units only)."""
    pad = 2.0
    box = (-pad, -pad, c.width + pad, c.height + pad)
    drawn = []
    for shape in shapes:
        for lons, lats, extent in shape.rings:
            if not _overlaps(extent, c.frame):
                continue
            points = c.points(lons, lats)
            parts = [clip_polygon(points, box)] if closed else clip_line(points, box)
            for part in parts:
                part = _thinned(part, step, digits)
                if len(part) >= (3 if closed else 2):
                    drawn.append(part)
    return _path(drawn, closed)


@lru_cache(maxsize=1)
def _names() -> dict[str, list[Shape]]:
    """Countries and divisions by their name, case folded."""
    found: dict[str, list[Shape]] = {}
    for shape in (*basemap().countries, *basemap().admin1):
        for name in dict.fromkeys([shape.name, *shape.aliases]):
            found.setdefault(name.casefold(), []).append(shape)
    return found


def named_shape(names: list[str], lon: float, lat: float, countries_first: bool) -> Shape | None:
    """The country or division called by one of the names whose outline's box holds the point, if any."""
    for name in names:
        candidates = sorted(_names().get(name.casefold(), []),
                            key=lambda s: (s.division == countries_first, s.country, s.name))
        for shape in candidates:
            if any(_holds(extent, lon, lat) for _, _, extent in shape.rings):
                return shape
    return None


def _holds(extent: tuple, lon: float, lat: float, slack: float = 0.5) -> bool:
    west, south, east, north = extent
    return west - slack <= lon <= east + slack and south - slack <= lat <= north + slack


def shape_points(shape: Shape, near: tuple[float, float], reach: float = 20.0) -> list[tuple[float, float]]:
    """The corners of the boxes of a shape's rings that come within reach degrees of the point near: enough
    to frame the shape around it, leaving out far overseas parts (so each ring is in or out for all its places)."""
    lon, lat = near
    return [(x, y) for _, _, (w, s, e, n) in shape.rings
            if w - reach <= lon <= e + reach and s - reach <= lat <= n + reach
            for x, y in ((w, s), (e, n), (w, n), (e, s))]
