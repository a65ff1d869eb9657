"""`make bench`: our whole build against bare Pelican, at about 1,000, 5,000 and 10,000 pages.

Per size, in one run: our full build (a fresh `python -m generator ... site` process in a project
folder of its own) with its stages, bare Pelican on as many plain pages of the same lengths, a
rebuild with nothing changed and one after an edit of one article, and the sizes of our pages.
The figures go to stdout and to benchmarks/results.md.

BENCH_SIZES overrides the page counts ("1000" for a quick run); BENCH_ARTICLES gives article counts
instead (no calibration); BENCH_RESULTS writes the results elsewhere.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import re
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from benchmarks import baseline, results
from benchmarks.corpus import corpus, edit_one_article
from benchmarks.measure import percentile, run

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.md"
DEFAULT_SIZES = (1000, 5000, 10000)
SEED = 12
CALIBRATION = (40, 160)  # article counts of the two small corpora that give pages per article
# What our build reads besides the data (the generator itself comes from PYTHONPATH, compiled once).
PROJECT_FILES = ("theme", "pelican.conf.py")
BUILD = [sys.executable, "-m", "generator", "--data", "data", "site", "--settings", "pelican.conf.py",
         "--content", "content", "--output", "output"]
BARE = [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "settings.py"]
_WRITTEN = re.compile(r"content: (\d+) written, (\d+) unchanged")
_SAVE_AS = re.compile(r"^Save_as: (.+)$", re.MULTILINE)
_TEMPLATE = re.compile(r"^Template: (.+)$", re.MULTILINE)


def main() -> None:
    """Measure every size, print the results and write them to benchmarks/results.md."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = Path(tmp)
        sizes = [measure(articles, folder / f"size-{articles}") for articles in article_counts(folder)]
    text = results.render(sizes, machine())
    print(text)
    Path(os.environ.get("BENCH_RESULTS", RESULTS)).write_text(text, encoding="utf-8")


def article_counts(folder: Path) -> list[int]:
    """The article count of each size: BENCH_ARTICLES as given, else BENCH_SIZES pages (or the defaults)."""
    given = os.environ.get("BENCH_ARTICLES", "").replace(",", " ").split()
    if given:
        return [int(n) for n in given]
    targets = [int(n) for n in os.environ.get("BENCH_SIZES", "").replace(",", " ").split()] or list(DEFAULT_SIZES)
    scale, power = calibrate(folder / "calibration")
    return [max(1, round((pages / scale) ** (1 / power))) for pages in targets]


def calibrate(folder: Path) -> tuple[float, float]:
    """Pages of a corpus as scale * articles ** power, from the content of two small corpora.

    A power, not a line: the pages an article adds fall as the corpus grows, since most of the
    actors and places it names already have theirs (a line through two small corpora gave 8,433 pages
    where 10,000 were asked)."""
    counts = []
    for articles in CALIBRATION:
        data = corpus(articles, SEED, folder / f"data-{articles}")
        content = folder / f"content-{articles}"
        run([sys.executable, "-m", "generator", "--data", str(data), "build", "--content", str(content)], ROOT)
        counts.append(len(our_pages(content)))
    (small, large), (few, many) = counts, CALIBRATION
    power = math.log(large / small) / math.log(many / few)
    return small / few ** power, power


def measure(articles: int, folder: Path) -> results.Size:
    """Every figure at one size: our builds, the baseline and our page sizes."""
    project = make_project(folder / "project")
    corpus(articles, SEED, project / "data")
    timings = folder / "timings.json"
    # A build cache of its own, empty: the full build is a cold one, the rebuilds find what it kept.
    env = build_env(REPORT_TIMINGS=str(timings), REPORT_CACHE=str(folder / "cache"))
    say(f"{articles} articles: full build")
    full = run(BUILD, project, env)
    stages = read_stages(timings)
    pages = our_pages(project / "content")
    sizes = page_sizes(project / "output", pages)
    bare = folder / "bare"
    baseline.write_project(pages, bare)
    say(f"{articles} articles, {len(pages)} pages: bare Pelican")
    bare_run = run(BARE, bare, build_env())
    say(f"{articles} articles: rebuild, nothing changed")
    unchanged = run(BUILD, project, env)
    edit_one_article(project / "data")
    say(f"{articles} articles: rebuild, one article edited")
    edited = run(BUILD, project, env)
    shutil.rmtree(folder)  # the next size needs the disk more than this one
    return results.Size(articles, len(pages), full.seconds, full.peak_mib, bare_run.seconds, bare_run.peak_mib,
                        unchanged.seconds, written(unchanged.output), edited.seconds, written(edited.output),
                        sizes, stages, full.cpu_seconds, bare_run.cpu_seconds)


def say(message: str) -> None:
    """Progress on stderr, so that stdout is the results alone."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def make_project(project: Path) -> Path:
    """A project folder with what the build needs but the data: the theme and the settings."""
    project.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    return project


def build_env(**extra: str) -> dict[str, str]:
    """The environment of a measured command: this generator on the path, no settings inherited."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("SITEURL", "CUSTOM_DOMAIN", "REPORT_DATA", "REPORT_TIMINGS", "REPORT_CACHE")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def read_stages(timings: Path) -> dict[str, results.Stage]:
    """The stages of one build from its REPORT_TIMINGS file: seconds summed, the peak memory of each."""
    stages: dict[str, results.Stage] = {}
    for record in json.loads(timings.read_text(encoding="utf-8")):
        name = record["stage"]
        # Pelican runs in a child process: its memory is the children's peak, the others' the build's own.
        mib = record["children_mib"] if name == "pelican" else record["self_mib"]
        before = stages.get(name, results.Stage(0.0, 0.0))
        stages[name] = results.Stage(before.seconds + record["seconds"], max(before.peak_mib, mib))
    return stages


def our_pages(content: Path) -> list[Path]:
    """The Markdown pages the generator wrote into content/ (not the editors' content/pages/)."""
    return sorted(path for path in content.rglob("*.md") if path.relative_to(content).parts[0] != "pages")


def written(output: str) -> int:
    """How many content pages a build rewrote, from its "content: N written, M unchanged" line."""
    found = _WRITTEN.search(output)
    if not found:
        raise ValueError(f"no 'content: N written' line in the build's output:\n{output}")
    return int(found.group(1))


def page_sizes(output: Path, pages: list[Path]) -> results.PageSizes:
    """Median, 95th percentile and largest of our HTML pages; the overview; the largest index and entity page."""
    sizes = {path.relative_to(output).as_posix(): path.stat().st_size for path in output.rglob("*.html")}
    kinds = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        save_as, template = _SAVE_AS.search(text), _TEMPLATE.search(text)
        if save_as and template:
            kinds[save_as.group(1).strip()] = template.group(1).strip()
    indexes = [name for name, template in kinds.items() if template == "kind-index"] or ["index.html"]
    entities = [name for name, template in kinds.items() if template not in NOT_ENTITIES and name in sizes]
    largest = max(sizes, key=lambda name: (sizes[name], name))
    index = max(indexes, key=lambda name: (sizes.get(name, 0), name))
    entity = max(entities, key=lambda name: (sizes[name], name)) if entities else largest
    values = list(sizes.values())
    return results.PageSizes(len(sizes), percentile(values, 50), percentile(values, 95), sizes[largest], largest,
                             sizes.get("index.html", 0), sizes.get(index, 0), index, sizes[entity], entity)


# The templates of the pages that are not the page of one thing (an actor, a place, an event, a source).
NOT_ENTITIES = ("kind-index", "overview", "not-found")


def machine() -> results.Machine:
    """The CPU, cores, RAM, Python and Pelican versions of this machine, and today's date."""
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()
    memory = _proc_field("/proc/meminfo", "MemTotal")
    ram = int(memory.split()[0]) / (1 << 20) if memory else 0.0
    return results.Machine(cpu, os.cpu_count() or 1, ram, platform.python_version(), metadata.version("pelican"),
                           datetime.date.today().isoformat())


def _proc_field(path: str, name: str) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.split(":")[0].strip() == name), "")


if __name__ == "__main__":
    main()
