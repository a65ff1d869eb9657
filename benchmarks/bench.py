"""Benchmark the generator: `make bench`. Prints ratios against a baseline timed in the same run.

The baseline is the floor any build pays: parsing the same YAML files with ruamel, nothing else.
Ratios, not seconds, so that runs on different machines can be compared.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.link import link  # noqa: E402
from generator.render import render  # noqa: E402

SAMPLE = ROOT / "data"
ARTICLE = "cnn-2017-10-26-iraq-kurdish-clashes"


def scaled_data(copies: int, folder: Path) -> Path:
    """The sample data with the article repeated under new ids, copies times."""
    data = folder / f"data-{copies}"
    shutil.copytree(SAMPLE, data)
    text = (data / "articles" / f"{ARTICLE}.yaml").read_text(encoding="utf-8")
    record_ids = _record_ids(text)
    for n in range(2, copies + 1):
        copy = text.replace(ARTICLE, f"{ARTICLE}-{n}")
        for record_id in sorted(record_ids, key=len, reverse=True):
            copy = copy.replace(f"id: {record_id}\n", f"id: {record_id}-{n}\n")
            copy = copy.replace(f"event: {record_id},", f"event: {record_id}-{n},")
            copy = copy.replace(f"event: {record_id}\n", f"event: {record_id}-{n}\n")
        (data / "articles" / f"{ARTICLE}-{n}.yaml").write_text(copy, encoding="utf-8")
    return data


def _record_ids(text: str) -> set[str]:
    doc = YAML(typ="safe").load(text)
    return {r["id"] for kind in ("events", "quotes", "figures") for r in doc.get(kind, [])}


def best_of(runs: int, action) -> float:
    """The median of several timings of action(), in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def parse_only(data: Path) -> None:
    """The baseline: parse every data file, build nothing."""
    for path in sorted(data.rglob("*.yaml")):
        YAML(typ="rt").load(path.read_text(encoding="utf-8"))


def pipeline_in_memory(data: Path) -> None:
    """Load, validate, link and render, without touching the disk."""
    render(link(pipeline.validate(pipeline.load(data))))


def main() -> None:
    """Time each stage at 1x and 8x the sample data and print the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for copies in (1, 8):
            data = scaled_data(copies, folder)
            pipeline_in_memory(data)  # warm caches and imports before timing
            baseline = best_of(5, lambda d=data: parse_only(d))
            memory = best_of(5, lambda d=data: pipeline_in_memory(d))
            content = folder / f"content-{copies}"
            full = best_of(3, lambda d=data, c=content: pipeline.build(d, c))
            rows.append((copies, baseline, memory, full))
        base1 = rows[0][1]
        print(f"{'data':>6} {'parse (baseline)':>17} {'pipeline/parse':>15} {'build/parse':>12} {'vs 1x parse':>12}")
        for copies, baseline, memory, full in rows:
            print(f"{copies:>5}x {baseline / base1:>17.2f} {memory / baseline:>15.2f} {full / baseline:>12.2f} "
                  f"{full / base1:>12.2f}")
        scaling = rows[1][3] / rows[0][3]
        print(f"build time at 8x the data / at 1x: {scaling:.2f} (8.00 would be linear)")


if __name__ == "__main__":
    main()
