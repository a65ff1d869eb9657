"""Clipping to the map's rectangle: polygons (Sutherland-Hodgman) and lines (Liang-Barsky), in map units."""

from __future__ import annotations

from itertools import pairwise

Point = tuple[float, float]


def clip_polygon(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """The part of a ring inside the box (edges along the box where it was cut)."""
    x_min, y_min, x_max, y_max = box
    edges = ((0, x_min, True), (0, x_max, False), (1, y_min, True), (1, y_max, False))
    for axis, limit, lower in edges:
        kept: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if _inside(current, axis, limit, lower):
                if not _inside(previous, axis, limit, lower):
                    kept.append(_cross(previous, current, axis, limit))
                kept.append(current)
            elif _inside(previous, axis, limit, lower):
                kept.append(_cross(previous, current, axis, limit))
        points = kept
        if not points:
            break
    return points


def _inside(point: Point, axis: int, limit: float, lower: bool) -> bool:
    return point[axis] >= limit if lower else point[axis] <= limit


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _segment(a: Point, b: Point, box) -> tuple[Point, Point] | None:
    """The part of segment a-b inside the box, or None (Liang-Barsky)."""
    x_min, y_min, x_max, y_max = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x_min), (dx, x_max - a[0]), (-dy, a[1] - y_min), (dy, y_max - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (a[0] + low * dx, a[1] + low * dy), (a[0] + high * dx, a[1] + high * dy)


def clip_line(points: list[Point], box) -> list[list[Point]]:
    """The runs of a line inside the box."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for a, b in pairwise(points):
        piece = _segment(a, b, box)
        if piece is None:
            if current:
                runs.append(current)
                current = []
            continue
        start, end = piece
        if not current:
            current = [start]
        elif current[-1] != start:
            runs.append(current)
            current = [start]
        current.append(end)
        if end != b:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
