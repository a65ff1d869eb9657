"""The part of the globe a map shows, framed from the coordinates of the places it marks.

Longitudes are circular: the frame is centred in the middle of the places' widest empty stretch's
complement, so places at 179° E and 179° W frame as neighbours across the antimeridian.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MARGIN = 0.15  # of the span, on each side
MIN_SPAN = 4.0  # degrees of latitude: one place (or a few close ones) still shows its surroundings
MAX_LAT = 90.0
POLE = 89.0  # a frame reaching past this holds the pole: it takes every longitude (a polar cap)


@dataclass(frozen=True)
class Frame:
    """A frame: its centre longitude, its longitude span either side, its latitude range (degrees)."""

    lon0: float
    half_lon: float
    south: float
    north: float

    @property
    def lat0(self) -> float:
        """The latitude of the frame's centre."""
        return (self.south + self.north) / 2

    def relative(self, lon: float) -> float:
        """A longitude as an offset from the centre, in (-180, 180]."""
        offset = (lon - self.lon0) % 360
        return offset - 360 if offset > 180 else offset

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside the frame."""
        return self.south <= lat <= self.north and abs(self.relative(lon)) <= self.half_lon


def _centre(lons: list[float]) -> tuple[float, float]:
    """(centre, half span) of the shortest arc of longitudes holding every one of them."""
    ordered = sorted({lon % 360 for lon in lons})
    gaps = [((ordered[(i + 1) % len(ordered)] - ordered[i]) % 360 or 360, i) for i in range(len(ordered))]
    widest, after = max(gaps, key=lambda g: (g[0], -g[1]))  # the emptiest stretch: the frame leaves it out
    start = ordered[(after + 1) % len(ordered)]
    span = 360 - widest if len(ordered) > 1 else 0.0
    centre = (start + span / 2) % 360
    return (centre - 360 if centre > 180 else centre), span / 2


def frame_of(points: list[tuple[float, float]], min_span: float = MIN_SPAN) -> Frame:
    """The frame of (lon, lat) points, with a margin; one point gets min_span degrees around it."""
    lon0, half = _centre([lon for lon, _ in points])
    lats = [lat for _, lat in points]
    south, north = min(lats), max(lats)
    lat_margin = max((north - south) * MARGIN, (min_span - (north - south)) / 2, 0)
    south, north = max(-MAX_LAT, south - lat_margin), min(MAX_LAT, north + lat_margin)
    # Degrees of longitude shrink towards the poles: widen the minimum so the frame stays about square.
    stretch = 1 / max(0.2, math.cos(math.radians(max(abs(south), abs(north)) if south * north > 0 else 0)))
    half = max(half * (1 + 2 * MARGIN), min_span / 2 * stretch)
    if north > POLE or south < -POLE:
        half = 180.0
    return Frame(round(lon0, 4), round(min(half, 180.0), 4), round(south, 4), round(north, 4))
