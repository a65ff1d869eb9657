"""Where a place is drawn: a dot, an outline (its country's or division's, found by name) or an area circle."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Place
from .basemap import Shape, named_shape

DOT = {"point": 3.0, "settlement": 4.5}  # map units: the marker of a place located to a point
AREA_KM = {"area": 40.0, "country": 200.0}  # the circle's radius on the ground when no outline matches
REACH = {"area": 1.0, "country": 3.0}  # degrees the frame reaches around such a place, so it is seen whole


@dataclass(frozen=True)
class Location:
    """A place's coordinates and how it is drawn: 'dot', 'outline' (with its shape) or 'area'."""

    lon: float
    lat: float
    shape: str
    outline: Shape | None = None
    radius_km: float = 0.0


def locate(place: Place) -> Location | None:
    """How the place is drawn, or None when it has no coordinates."""
    c = place.coordinates
    if c is None:
        return None
    if c.precision in DOT:
        return Location(c.lon, c.lat, "dot")
    names = [place.name, *place.aliases]
    outline = named_shape(names, c.lon, c.lat, countries_first=c.precision == "country" or place.kind == "country")
    if outline is not None:
        return Location(c.lon, c.lat, "outline", outline)
    return Location(c.lon, c.lat, "area", radius_km=AREA_KM.get(c.precision, 40.0))


def frame_points(location: Location) -> list[tuple[float, float]]:
    """The points a frame must hold to show the place: its point, and around it for a wider place."""
    reach = 0.0 if location.shape == "dot" else REACH["country" if location.radius_km > 100 else "area"]
    if location.outline is not None:
        reach = REACH["area"]
    return [(location.lon + dx * reach, location.lat + dy * reach) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
            if reach or (dx, dy) == (0, 0)]
