"""`make bench` (benchmarks/): its pure helpers, the stage recorder, and one tiny run end to end.

No timing is asserted anywhere: the figures are checked for being reported, not for being fast."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import baseline, bench, corpus, results
from benchmarks.measure import percentile
from generator import timing

ROOT = Path(__file__).resolve().parent.parent


def _our_page(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"Title: {name}\nTemplate: actor\nSave_as: {name}.html\n\n{body}", encoding="utf-8")
    return path


def test_each_baseline_page_is_as_long_as_ours_plain_and_one_per_page(tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    ours.mkdir()
    bodies = ["", "x", "A [linked]({filename}/actors/isis.md) name.\n\n## Heading\n\n- item\n", "y" * 4321]
    pages = [_our_page(ours, f"p{n}", body) for n, body in enumerate(bodies)]

    assert baseline.write_project(pages, tmp_path / "bare") == len(bodies)

    written = sorted((tmp_path / "bare" / "content" / "pages").iterdir())
    assert len(written) == len(bodies)
    for path, body in zip(sorted(written, key=lambda p: int(re.sub(r"\D", "", p.name))), bodies, strict=True):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("Title: Page ")
        plain = baseline.body(text).removesuffix("\n")
        assert len(plain) == len(body)
        assert re.fullmatch(r"[a-z \n]*", plain), plain[:80]  # words and paragraphs, no links or markup
    assert "DISPLAY_PAGES_ON_MENU = False" in (tmp_path / "bare" / "settings.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("length", [1, 7, 599, 600, 601, 1201, 5000])
def test_plain_text_has_the_exact_length_in_paragraphs(length: int) -> None:
    text = baseline.plain_text(length, start=3)
    assert len(text) == length
    assert not text[-1].isspace()
    assert all(len(paragraph) < 2 * baseline.PARAGRAPH for paragraph in text.split("\n\n"))


def test_percentile_is_nearest_rank() -> None:
    values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]
    assert percentile(values, 50) == 5
    assert percentile(values, 95) == 10
    assert percentile(values, 0) == 1
    assert percentile([42], 95) == 42
    with pytest.raises(ValueError):
        percentile([], 50)


def _size(pages: int, build: float, bare: float, edit: float, overview: int, entity: int) -> results.Size:
    sizes = results.PageSizes(pages + 3, 4600, 76000, entity + 1, "events/index.html", overview, entity + 1,
                              "events/index.html", entity, "actors/isis/index.html")
    stages = {name: results.Stage(build / 100, 50.0 + n) for n, name in enumerate(results.STAGES)}
    stages["pelican"] = results.Stage(build * 0.9, 300.0)
    return results.Size(pages // 7, pages, build, 120.0, bare, 60.0, build / 2, 0, edit, 3, sizes, stages,
                        build * 0.8, bare * 0.9)


MACHINE = results.Machine("Test CPU 9000", 2, 23.5, "3.11.7", "4.12.0", "2026-01-02")


def test_the_results_show_every_figure_they_are_given() -> None:
    small = _size(1004, 44.1, 35.6, 38.4, 38_000, 150_000)
    large = _size(10018, 600.0, 500.0, 100.0, 120_000, 250_000)

    text = results.render([small, large], MACHINE)

    for figure in ("Test CPU 9000", "| 2 |", "23.5 GiB", "3.11.7", "4.12.0", "2026-01-02",  # the machine
                   "| 1,004 | 143 | 44.1 s | 120 MiB | 35.6 s | 60 MiB | 1.24× | 43.9 | 35.5 | 35.3 s | 32.0 s | 1.10× |",
                   "43.9 → 59.9 ms/page (1.36×)",  # per-page growth, ours
                   "35.5 → 49.9 ms/page (1.41×)",  # and the baseline's
                   "39.69 s / 300",  # the Pelican stage of the small size
                   "| 44.1 s | 22.1 s (50%) | 0 | 38.4 s (87%) | 3 |",  # rebuilds
                   "4.6 KB", "76.0 KB", "150.0 KB (`actors/isis/index.html`)", "38.0 KB"):  # page sizes
        assert figure in text, figure
    targets = dict((target, (figure, met)) for target, figure, met in results.targets([small, large]))
    assert targets["whole build within 1.3× bare Pelican"] == ("1.20× at 10,018 pages", True)
    assert targets["per-page cost at the largest size within 1.2× the smallest"][1] is False
    assert targets["one-article rebuild under 25% of a full build"] == ("17% at 10,018 pages", True)
    assert targets["overview under 100 KB"] == ("120.0 KB at 10,018 pages", False)
    assert targets["no entity page over 200 KB"] == ("250.0 KB (`actors/isis/index.html`)", False)
    assert targets["peak memory under 1 GiB"] == ("300 MiB", True)
    assert targets["generator stages under 10% of the whole build"] == ("6% at 10,018 pages", True)
    assert text.count("| **not met** |") == 3


def test_one_size_says_growth_is_not_measured() -> None:
    text = results.render([_size(61, 2.0, 1.0, 1.9, 9_500, 26_000)], MACHINE)
    assert "not measured (one size only)" in text
    assert "| per-page cost at the largest size within 1.2× the smallest | one size only | not measured |" in text


def test_stages_of_a_timings_file_are_summed_by_name(tmp_path: Path) -> None:
    records = [{"stage": "render", "seconds": 1.5, "self_mib": 40.0, "children_mib": 0.0},
               {"stage": "pelican", "seconds": 3.0, "self_mib": 41.0, "children_mib": 90.0},
               {"stage": "render", "seconds": 0.5, "self_mib": 45.0, "children_mib": 90.0}]
    path = tmp_path / "timings.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert bench.read_stages(path) == {"render": results.Stage(2.0, 45.0), "pelican": results.Stage(3.0, 90.0)}


def test_the_build_summary_gives_the_pages_written() -> None:
    assert bench.written("ok: ...\nsite: output/ replaced (9 files); content: 3 written, 58 unchanged, 0 removed") == 3
    with pytest.raises(ValueError):
        bench.written("build failed")


def test_timing_records_stages_and_writes_them_only_when_asked(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timing, "_records", [])
    monkeypatch.delenv(timing.ENV, raising=False)
    with timing.stage("load"):
        pass
    assert timing.records() == []

    target = tmp_path / "timings.json"
    monkeypatch.setenv(timing.ENV, str(target))
    monkeypatch.setattr(timing.atexit, "register", lambda _: None)  # this test process saves by hand below
    with timing.stage("load"):
        sum(range(1000))
    with pytest.raises(KeyError), timing.stage("validate"):
        raise KeyError("a failing stage is still timed")
    timing.save()

    saved = json.loads(target.read_text(encoding="utf-8"))
    assert [record["stage"] for record in saved] == ["load", "validate"]
    assert all(record["seconds"] >= 0 and record["self_mib"] > 0 for record in saved)


def test_the_edit_appends_one_sentence_to_one_paragraph(tmp_path: Path) -> None:
    data = corpus.scaled_data(2, tmp_path / "data")
    before = {path: path.read_text(encoding="utf-8") for path in (data / "articles").iterdir()}
    edited = corpus.edit_one_article(data)
    after = edited.read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before[edited].splitlines(), after.splitlines(), strict=True)
               if old != new]
    assert len(changed) == 1
    old, new = changed[0]
    assert new.replace(corpus.EDIT, "") == old
    assert all(path.read_text(encoding="utf-8") == text for path, text in before.items() if path != edited)


@pytest.mark.process
@pytest.mark.site
def test_a_tiny_bench_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    env = {**os.environ, "BENCH_ARTICLES": "1", "BENCH_RESULTS": str(out)}
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text == done.stdout.removesuffix("\n")
    for heading in ("## Machine", "## Whole build", "## Stages of our full build", "## Rebuilds",
                    "## Page sizes of our output", "## Targets"):
        assert heading in text
    tables = [block for block in text.split("\n\n") if block.startswith("|")]
    assert len(tables) == 6
    for table in tables:
        header, rule, *rows = table.splitlines()
        assert rows, header
        assert all(row.count("|") == header.count("|") for row in [rule, *rows]), table
    assert len(tables[-1].splitlines()) == 2 + 7  # the seven targets, each met, not met or not measured
    whole = tables[1].splitlines()[2].split("|")
    assert int(whole[1].replace(",", "")) > 1  # pages: the real count of the one-article build
    stages = tables[2].splitlines()[2]
    assert "–" not in stages  # every stage was recorded
