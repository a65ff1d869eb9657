"""Douglas-Peucker line simplification, by hand: the basemap needs no more than this."""

from __future__ import annotations


def _distance(point, start, end) -> float:
    """How far point is from the segment start-end (in the units of the coordinates)."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    if length == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points: list, tolerance: float) -> list:
    """The points of the line that lie farther than tolerance from the simplified line, ends kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:  # iterative: a coastline of thousands of points must not recurse that deep
        first, last = stack.pop()
        farthest, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    if points[0] == points[-1] and sum(keep) < 4:  # a closed ring: keep its farthest points to stay a ring
        return []
    return [p for p, k in zip(points, keep) if k]
