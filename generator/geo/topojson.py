"""A small TopoJSON reader: arcs decoded (delta and quantized), geometries as rings and lines of (lon, lat)."""

from __future__ import annotations

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Every arc of the topology in degrees, undoing the delta encoding when a transform quantized it."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _line(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """The arcs joined end to end; a negative index ~i is arc i reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def rings(arcs: list[list[Point]], geometry: dict) -> list[list[Point]]:
    """The rings of a Polygon or MultiPolygon (outer and holes alike), or [] for another type."""
    kind = geometry.get("type")
    polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
    return [_line(arcs, ring) for polygon in polygons for ring in polygon]


def lines(arcs: list[list[Point]], geometry: dict) -> list[list[Point]]:
    """The lines of a LineString or MultiLineString, or [] for another type."""
    kind = geometry.get("type")
    parts = [geometry["arcs"]] if kind == "LineString" else geometry["arcs"] if kind == "MultiLineString" else []
    return [_line(arcs, part) for part in parts]
