"""A conformal projection suited to a frame (pyproj), and the frame's rectangle in map units.

Near a pole: polar stereographic; near the equator: Mercator; a small area: transverse Mercator; otherwise
Lambert Conformal Conic with standard parallels at 1/6 and 5/6 of the frame's latitude span. All are
conformal, so shapes keep their angles; each is centred on the frame.
"""

from __future__ import annotations

from functools import lru_cache

from pyproj import Proj

from .frame import Frame

POLAR = 70.0  # a frame reaching past this latitude is drawn from above the pole
TROPICS = 20.0  # a frame centred within this of the equator is drawn in Mercator
SMALL = 5.0  # degrees: a frame smaller than this either way (one place alone) is drawn in transverse Mercator
MERCATOR_LAT = 85.0
WIDE = 60.0  # degrees either side of the centre: a frame wider than this (a world map) is drawn in Mercator


def proj_string(frame: Frame) -> str:
    """The PROJ definition of the frame's projection."""
    span = frame.north - frame.south
    if (frame.north > POLAR and frame.south > 0) or (frame.south < -POLAR and frame.north < 0):
        pole = 90 if frame.north > POLAR and frame.lat0 > 0 else -90
        return f"+proj=stere +lat_0={pole} +lat_ts={pole} +lon_0={frame.lon0} +ellps=WGS84"
    if frame.half_lon > WIDE:
        return mercator(frame)
    if span < SMALL and frame.half_lon * 2 < SMALL:
        return f"+proj=tmerc +lat_0={frame.lat0:.4f} +lon_0={frame.lon0} +ellps=WGS84"
    if abs(frame.lat0) < TROPICS:
        return mercator(frame)
    first, second = frame.south + span / 6, frame.south + span * 5 / 6
    return (f"+proj=lcc +lat_1={first:.4f} +lat_2={second:.4f} +lat_0={frame.lat0:.4f} "
            f"+lon_0={frame.lon0} +ellps=WGS84")


def mercator(frame: Frame) -> str:
    """Mercator centred on the frame (it cannot reach the poles: points are held to MERCATOR_LAT)."""
    return f"+proj=merc +lon_0={frame.lon0} +ellps=WGS84"


def held(frame: Frame, lat: float) -> float:
    """The latitude a point is drawn at: as it is, or held within MERCATOR_LAT in a Mercator frame."""
    if proj_string(frame).startswith("+proj=merc"):
        return max(-MERCATOR_LAT, min(MERCATOR_LAT, lat))
    return lat


@lru_cache(maxsize=256)
def projection(frame: Frame) -> Proj:
    """The frame's projection (made once per distinct frame)."""
    return Proj(proj_string(frame))


def bounds(frame: Frame) -> tuple[float, float, float, float]:
    """(x_min, y_min, x_max, y_max) in metres of the frame's edges and inside, sampled on a grid."""
    project = projection(frame)
    lons, lats = [], []
    for i in range(11):
        for j in range(11):
            lons.append(frame.lon0 + frame.half_lon * (2 * i / 10 - 1))
            lats.append(held(frame, frame.south + (frame.north - frame.south) * j / 10))
    xs, ys = project(lons, lats)
    return min(xs), min(ys), max(xs), max(ys)
