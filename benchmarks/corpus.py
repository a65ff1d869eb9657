"""The data a benchmark builds: a valid dataset of a given number of articles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "cnn-report"  # the tests' frozen copy, never the live data/
ARTICLE = "cnn-2017-10-26-iraq-kurdish-clashes"


def corpus(articles: int, seed: int, folder: Path) -> Path:
    """A valid dataset of `articles` articles in folder (deterministic for a seed); returns its data folder."""
    return synth(articles, seed, folder)


def synth(articles: int, seed: int, folder: Path) -> Path:
    """The synthetic corpus of `python -m generator synth`, written into folder."""
    command = [sys.executable, "-m", "generator", "synth", "--articles", str(articles), "--seed", str(seed),
               "--out", str(folder)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return folder


def scaled_data(copies: int, folder: Path) -> Path:
    """The fixture report with its article repeated under new ids, copies times, written into folder."""
    shutil.copytree(FIXTURE, folder)
    text = (folder / "articles" / f"{ARTICLE}.yaml").read_text(encoding="utf-8")
    record_ids = _record_ids(text)
    for n in range(2, copies + 1):
        copy = text.replace(ARTICLE, f"{ARTICLE}-{n}")
        for record_id in sorted(record_ids, key=len, reverse=True):
            copy = copy.replace(f"id: {record_id}\n", f"id: {record_id}-{n}\n")
            copy = copy.replace(f"event: {record_id},", f"event: {record_id}-{n},")
            copy = copy.replace(f"event: {record_id}\n", f"event: {record_id}-{n}\n")
        (folder / "articles" / f"{ARTICLE}-{n}.yaml").write_text(copy, encoding="utf-8")
    return folder


def _record_ids(text: str) -> set[str]:
    doc = YAML(typ="safe").load(text)
    return {r["id"] for kind in ("events", "quotes", "figures") for r in doc.get(kind, [])}


EDIT = " An editor added this sentence to the paragraph."


def edit_one_article(data: Path) -> Path:
    """A realistic edit: one sentence appended to a middle paragraph of the first article; returns its file.

    Appending never breaks an evidence span (each is a substring of its paragraph)."""
    path = min((data / "articles").glob("*.yaml"))
    yaml = YAML(typ="rt")
    yaml.width = 1 << 16  # no refolding of long lines: the file's other lines stay as they were
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    doc = yaml.load(path.read_text(encoding="utf-8"))
    paragraphs = doc["source"]["paragraphs"]
    middle = len(paragraphs) // 2
    paragraphs[middle] = type(paragraphs[middle])(str(paragraphs[middle]) + EDIT)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(doc, stream)
    return path
