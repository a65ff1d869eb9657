"""Labels placed without collisions: each marker's label tries positions around it, the first free one
wins (markers in order of importance), and a label that fits nowhere is dropped and reported."""

from __future__ import annotations

CHAR = 6.4  # map units a character, at the label's font size (a generous average, so boxes cover the text)
HEIGHT = 12.0
GAP = 3.0  # between a marker and its label
# (dx, dy, anchor) of the label's box for each candidate position: right, left, above, below, then diagonals.
CANDIDATES = (("right", 0), ("left", 0), ("middle", -1), ("middle", 1), ("right", -1), ("left", -1),
              ("right", 1), ("left", 1))

Box = tuple[float, float, float, float]


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes (x_min, y_min, x_max, y_max) share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box(x: float, y: float, radius: float, width: float, anchor: str, row: int) -> tuple[Box, float, float]:
    """The label's box and its text position for one candidate."""
    offset = radius + GAP
    top = y - HEIGHT / 2 + row * (offset + HEIGHT / 2)
    if anchor == "right":
        left = x + offset if row == 0 else x + radius * 0.7
    elif anchor == "left":
        left = x - offset - width if row == 0 else x - radius * 0.7 - width
    else:
        left = x - width / 2
    text_x = left if anchor == "right" else left + width if anchor == "left" else x
    anchor_name = {"right": "start", "left": "end", "middle": "middle"}[anchor]
    return (left, top, left + width, top + HEIGHT), text_x, top + HEIGHT - 3, anchor_name


def place_labels(markers: list[dict], width: float, height: float) -> list[dict | None]:
    """For each marker (x, y, r, label), in order, its label {x, y, anchor, box} or None when it fits nowhere:
    inside the map, clear of every label placed and of every marker's dot."""
    taken: list[Box] = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in markers
                        if m["r"] <= 6]  # dots; an area's circle may have labels over it
    placed: list[dict | None] = []
    for marker in markers:
        text_width = len(marker["label"]) * CHAR + 2
        found = None
        for anchor, row in CANDIDATES:
            box, x, y, anchor_name = _box(marker["x"], marker["y"], min(marker["r"], 6), text_width, anchor, row)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(overlaps(box, other) for other in taken):
                found = {"x": round(x, 1), "y": round(y, 1), "anchor": anchor_name,
                         "box": [round(v, 1) for v in box]}
                taken.append(box)
                break
        placed.append(found)
    return placed
