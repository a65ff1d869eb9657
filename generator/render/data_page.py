"""The data page, data/: what each download of the open data holds (generator/open_data.py writes them)."""

from __future__ import annotations

from .. import open_data
from .. import page_meta as M
from ..link import Graph
from ..markdown_text import escape
from ..open_data_tables import TABLES, Table
from . import meta
from .common import header, metadata

DATA = open_data.FOLDER  # the data page: indexes/data.md, at data/
DATA_URL = DATA + "/"
_TYPES = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false",
          "date": "date, YYYY-MM-DD", "array": "JSON array of texts"}


def render_data(graph: Graph) -> str:
    """The data page: the downloads, each table's columns, and how text cells are guarded in spreadsheets."""
    counts = {table.name: sum(1 for _ in table.rows(graph, "")) for table in TABLES}  # one pass per table
    located = sum(1 for place in graph.dataset.places.values() if place.coordinates is not None)
    body = ["The report's records as files to download, for spreadsheets, maps and programs: the same facts as "
            "its pages, made from the same data at every build. Where several articles report a fact, each "
            "article's report is its own row, with its own source, date and value.", "",
            "## Spreadsheets and formulas {: #formulas }", "",
            "A spreadsheet may run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. "
            "So that no text from the articles can, such a text cell is written with an apostrophe before it "
            "(OWASP's advice on CSV injection), and so is a text cell that starts with an apostrophe: to read a "
            "text cell exactly, remove one apostrophe at its start. Numbers, dates and true/false are written "
            "as they are. Files are UTF-8; several ids in one cell are separated by semicolons.", "",
            "## Tables {: #tables }", ""]
    for table in TABLES:
        body += _table_section(table)
    downloads = [_file(open_data.PACKAGE, "the data package (Frictionless Data), naming each table below with its "
                       "columns, their types, and the keys that join the tables"),
                 *(_file(table.path, f"{table.description}, {_rows(counts[table.name])}") for table in TABLES),
                 _file(open_data.GEOJSON, "the places with coordinates as GeoJSON points ([longitude, latitude], "
                       f"WGS 84), {located:,} of {len(graph.dataset.places):,}"),
                 _file(open_data.DATASET, "the whole dataset as JSON: every record with every field, the articles' "
                       "paragraphs, and each article's report of a fact")]
    layout = [(M.GROUPS, meta.as_json([{"title": "Downloads", "items": downloads}]))]
    fields = metadata("Data", DATA, "data", "index", "The report's records to download: tables, places and the "
                      "whole dataset.", DATA_URL, DATA_URL + "index.html", "data/", layout=layout)
    return header(fields) + "\n".join(body).rstrip() + "\n"


def _file(name: str, note: str) -> dict:
    """A download: its name, linked from the site's root (the theme prefixes SITEURL), and what it holds."""
    return meta.item(name, f"{DATA}/{name}", note)


def _rows(count: int) -> str:
    return f"{count:,} row" + ("" if count == 1 else "s")


def _table_section(table: Table) -> list[str]:
    keys = f" No two rows share their {' and '.join(table.primary_key)}." if table.primary_key else ""
    joins = "".join(f" {column} names a row of {other}.csv by its {its}." for column, other, its in table.foreign_keys)
    lines = [f"### {table.path} {{: #table-{table.name} }}", "", escape(table.description + "." + keys + joins), ""]
    lines += [f"- **{escape(c.name)}** ({_TYPES[c.type]}): {escape(c.description)}" for c in table.columns]
    return lines + [""]
