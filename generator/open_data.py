"""The report's open data, written beside the data page (data/): a Frictionless data package of CSV
tables, the places as GeoJSON, and the whole dataset as JSON.

    data/datapackage.json   the package: each table's file, columns, types and keys (Table Schema)
    data/<table>.csv        the tables of generator/open_data_tables.py, UTF-8, one header row
    data/places.geojson     every place with coordinates, RFC 7946 ([longitude, latitude])
    data/report.json        every record with every field, each article's report of a fact kept apart

Written after Pelican (pelican_plugin, at `finalized`), from the same data. Row by row (the csv
module, and the JSON one record at a time), so memory does not grow with the report; in a fixed order,
so the same data gives the same bytes.

CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
formula. Following OWASP's advice, such a text cell is written with an apostrophe before it, and so
is a text cell that starts with an apostrophe, so that reading back is one rule: a text cell that
starts with an apostrophe has it removed (`read_text`). Numbers, dates and booleans are written as
they are (a negative longitude stays a number).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import kinds
from .dates import DateSpec
from .link import Graph
from .model import Evidence, Origin
from .open_data_tables import TABLES, Table

FOLDER = "data"  # the data page's folder: the files sit beside its index.html
PACKAGE = "datapackage.json"
GEOJSON = "places.geojson"
DATASET = "report.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILES = (PACKAGE, *(table.path for table in TABLES), GEOJSON, DATASET)  # every file written, in order
GUARD = "'"  # OWASP's prefix: a spreadsheet shows the cell as text


def guarded(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (see the module's note)."""
    return GUARD + text if text.startswith((*FORMULA_START, GUARD)) else text


def read_text(cell: str) -> str:
    """The text a guarded cell holds: the inverse of `guarded`."""
    return cell[1:] if cell.startswith(GUARD) else cell


def cell(value: object, column_type: str) -> str:
    """A value as its CSV cell: empty for none, 'true'/'false', numbers as Python writes them, text guarded."""
    if value is None:
        return ""
    if isinstance(value, list):  # free texts (aliases, authors): a JSON array, which starts with '['
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return guarded(str(value)) if column_type == "string" else str(value)


def write_open_data(graph: Graph, output: Path, siteurl: str = "") -> list[str]:
    """Write every file of the open data into output/data/; the names written, in order."""
    folder = output / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        with (folder / table.path).open("w", encoding="utf-8", newline="") as stream:
            write_table(stream, table, table.rows(graph, siteurl))
    _write_json(folder / PACKAGE, package(graph))
    _write_json(folder / GEOJSON, places_geojson(graph))
    with (folder / DATASET).open("w", encoding="utf-8", newline="\n") as stream:
        write_dataset(stream, graph)
    return list(FILES)


def write_table(stream: io.TextIOBase, table: Table, rows: Iterable[tuple]) -> None:
    """A table's header and rows as CSV (RFC 4180: CRLF line ends, quotes where needed)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    types = [column.type for column in table.columns]
    for row in rows:
        if len(row) != len(types):  # a table whose rows and columns disagree is a mistake here, never data
            raise ValueError(f"{table.name}: a row of {len(row)} cells for {len(types)} columns")
        writer.writerow([cell(value, kind) for value, kind in zip(row, types)])


def package(graph: Graph) -> dict:
    """The Frictionless data package descriptor: the tables, their schemas and keys."""
    return {"profile": "tabular-data-package", "name": "report", "title": graph.dataset.report.title,
            "description": "The report's records as tables: one row per record, and per article for a fact "
                           "several articles report. Text cells starting with = + - @ or ' have an "
                           "apostrophe before them (CSV injection); remove one leading apostrophe to read them.",
            "resources": [_resource(table) for table in TABLES]}


def _resource(table: Table) -> dict:
    schema = {"fields": [{"name": c.name, "type": c.type, "description": c.description} for c in table.columns],
              "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": column, "reference": {"resource": other, "fields": its}}
                                 for column, other, its in table.foreign_keys]
    return {"name": table.name, "path": table.path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": table.description, "schema": schema}


def places_geojson(graph: Graph) -> dict:
    """Every place with coordinates as a GeoJSON point (RFC 7946: [longitude, latitude], WGS 84)."""
    features = []
    for place in sorted(graph.dataset.places.values(), key=lambda p: p.id):
        spot = place.coordinates
        if spot is None:
            continue
        features.append({"type": "Feature", "id": place.id,
                         "geometry": {"type": "Point", "coordinates": [spot.lon, spot.lat]},
                         "properties": {"name": place.name, "kind": place.kind, "parents": place.parents,
                                        "precision": spot.precision, "source": spot.source_title,
                                        "source_url": spot.source_url}})
    return {"type": "FeatureCollection", "features": features}


def write_dataset(stream: io.TextIOBase, graph: Graph) -> None:
    """The whole dataset as one JSON object, written a record at a time: {"report": ..., "<kind>": [...]}."""
    stream.write('{"report": ' + _json(plain(graph.dataset.report)))
    for kind in kinds.KINDS:
        stream.write(f',\n"{kind.folder}": [')
        for index, record in enumerate(_in_order(graph, kind)):
            stream.write(("," if index else "") + "\n" + _json(plain(record)))
        stream.write("\n]")
    stream.write("\n}\n")


def _in_order(graph: Graph, kind: kinds.Kind) -> Iterator:
    records = kinds.records(graph.dataset, kind)
    if kind.keyed:
        return iter(sorted(records, key=lambda record: record.id))
    from .open_data_tables import relationship_id  # only relationships have no id
    return iter(sorted(records, key=relationship_id))


def plain(value: object) -> object:
    """A record as JSON values: its fields by name, where in which file it was written left out."""
    if isinstance(value, Origin):
        return None
    if isinstance(value, Evidence):
        return {"source": value.source, "text": value.text, "paragraph": value.paragraph + 1,
                "anchor": value.anchor}
    if isinstance(value, DateSpec):
        return {k: v for k, v in dataclasses.asdict(value).items() if v not in (None, False)}
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "origin"}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
