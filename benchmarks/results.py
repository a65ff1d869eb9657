"""The benchmark's figures as Markdown: the machine, one table per question, and the targets."""

from __future__ import annotations

from dataclasses import dataclass, field

STAGES = ("load", "validate", "link", "render", "write", "pelican", "post-build", "commit")
GENERATOR = ("load", "validate", "link", "render", "write", "commit")  # the generator's own work
MIB_LIMIT = 1024
KB = 1000
INTRO = ("Written by `make bench` (benchmarks/bench.py); the README's Performance section quotes it. "
         "Our build is `python -m generator --data data site --settings pelican.conf.py --content content "
         "--output output` in a fresh process; the baseline is bare Pelican (its default theme and settings, "
         "but no menu of every page on every page, which our site has not either) on as many plain Markdown "
         "pages of the same body lengths, in the same run.\n")


@dataclass(frozen=True)
class Stage:
    """One stage of our full build: wall time, and the peak memory (MiB) when it ended."""

    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class PageSizes:
    """The HTML pages of our output, in bytes."""

    count: int
    median: int
    p95: int
    largest: int
    largest_page: str
    overview: int
    largest_index: int
    largest_index_page: str
    largest_entity: int  # the largest page of one thing: an actor, place, event or source
    largest_entity_page: str


@dataclass
class Size:
    """Everything measured at one corpus size."""

    articles: int
    pages: int  # Markdown pages our build wrote into content/ (the baseline gets as many)
    build_seconds: float
    build_mib: float
    bare_seconds: float
    bare_mib: float
    unchanged_seconds: float
    unchanged_written: int
    edit_seconds: float
    edit_written: int
    sizes: PageSizes
    stages: dict[str, Stage] = field(default_factory=dict)
    build_cpu: float = 0.0  # CPU seconds (user + system, children included): less noisy than wall time
    bare_cpu: float = 0.0

    @property
    def ratio(self) -> float:
        """Our whole build over bare Pelican's."""
        return self.build_seconds / self.bare_seconds

    @property
    def ms_per_page(self) -> float:
        """Our whole build's cost per page, in milliseconds."""
        return 1000 * self.build_seconds / self.pages

    @property
    def bare_ms_per_page(self) -> float:
        """Bare Pelican's cost per page, in milliseconds."""
        return 1000 * self.bare_seconds / self.pages

    @property
    def generator_seconds(self) -> float:
        """The generator's own stages (load, validate, link, render, write, commit)."""
        return sum(self.stages[name].seconds for name in GENERATOR if name in self.stages)


@dataclass(frozen=True)
class Machine:
    """Where the figures come from."""

    cpu: str
    cores: int
    ram_gib: float
    python: str
    pelican: str
    date: str


def render(sizes: list[Size], machine: Machine) -> str:
    """The whole results.md: machine, tables and targets."""
    parts = [
        "# Benchmark results (`make bench`)\n",
        INTRO,
        machine_table(machine), whole_table(sizes), growth(sizes), stage_table(sizes), rebuild_table(sizes),
        size_table(sizes), targets_table(sizes),
    ]
    return "\n".join(parts)


def machine_table(machine: Machine) -> str:
    """Where the run happened."""
    return _table("Machine", ["CPU", "cores", "RAM", "Python", "Pelican", "date"],
                  [f"| {machine.cpu} | {machine.cores} | {machine.ram_gib:.1f} GiB | {machine.python} | "
                   f"{machine.pelican} | {machine.date} |"])


def _table(title: str, columns: list[str], rows: list[str]) -> str:
    """A section of results.md: its heading, then a Markdown table of the columns and rows."""
    header = "|" + "|".join(f" {column} " if column else " " for column in columns) + "|"
    return "\n".join([f"## {title}\n", header, "|---" * len(columns) + "|", *rows]) + "\n"


def whole_table(sizes: list[Size]) -> str:
    """Our whole build against bare Pelican, per size."""
    columns = ["pages", "articles", "ours", "peak memory", "bare Pelican", "bare peak memory", "ratio", "ms/page ours",
               "ms/page bare", "CPU ours", "CPU bare", "CPU ratio"]
    rows = [f"| {s.pages:,} | {s.articles:,} | {s.build_seconds:.1f} s | {s.build_mib:.0f} MiB | "
             f"{s.bare_seconds:.1f} s | {s.bare_mib:.0f} MiB | {s.ratio:.2f}× | {s.ms_per_page:.1f} | "
             f"{s.bare_ms_per_page:.1f} | {s.build_cpu:.1f} s | {s.bare_cpu:.1f} s | {_ratio(s.build_cpu, s.bare_cpu)} |"
             for s in sizes]
    notes = ("\nWall time is what an editor waits; CPU time (user + system, the Pelican child included) varies "
             "less when other work shares the machine.\n")
    return _table("Whole build", columns, rows) + notes


def _ratio(part: float, whole: float) -> str:
    return f"{part / whole:.2f}×" if whole else "–"


def growth(sizes: list[Size]) -> str:
    """How the per-page cost grows from the smallest size to the largest."""
    small, large = sizes[0], sizes[-1]
    if len(sizes) < 2:
        return "Per-page cost growth: not measured (one size only).\n"
    return (f"Per-page cost from {small.pages:,} to {large.pages:,} pages: ours {_growth(small, large, 'ms_per_page')}, "
            f"bare Pelican {_growth(small, large, 'bare_ms_per_page')}.\n")


def _growth(small: Size, large: Size, figure: str) -> str:
    before, after = getattr(small, figure), getattr(large, figure)
    return f"{before:.1f} → {after:.1f} ms/page ({after / before:.2f}×)"


def stage_table(sizes: list[Size]) -> str:
    """Each stage of our full build: seconds and peak memory when it ended."""
    rows = []
    for s in sizes:
        cells = [_stage_cell(s.stages.get(name)) for name in STAGES]
        share = f"{100 * s.generator_seconds / s.build_seconds:.0f}%"
        rows.append(f"| {s.pages:,} | " + " | ".join(cells) + f" | {share} |")
    notes = ("\nThe generator's share is load + validate + link + render + write + commit over the whole build; "
             "Pelican's memory is its own process's peak.\n")
    return _table("Stages of our full build (seconds / peak MiB)", ["pages", *STAGES, "generator share"], rows) + notes


def _stage_cell(stage: Stage | None) -> str:
    return "–" if stage is None else f"{stage.seconds:.2f} s / {stage.peak_mib:.0f}"


def rebuild_table(sizes: list[Size]) -> str:
    """Rebuilds after the full build: nothing changed, then one article's paragraph edited."""
    columns = ["pages", "full build", "no change", "pages rewritten", "one article edited", "pages rewritten"]
    rows = [f"| {s.pages:,} | {s.build_seconds:.1f} s | {s.unchanged_seconds:.1f} s "
             f"({_percent(s.unchanged_seconds, s.build_seconds)}) | {s.unchanged_written:,} | "
             f"{s.edit_seconds:.1f} s ({_percent(s.edit_seconds, s.build_seconds)}) | {s.edit_written:,} |"
             for s in sizes]
    return _table("Rebuilds", columns, rows)


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%"


def size_table(sizes: list[Size]) -> str:
    """The HTML pages of our output: median, 95th percentile, largest, overview, largest index."""
    columns = ["pages", "HTML files", "median", "95th percentile", "largest", "largest entity page",
               "overview (index.html)", "largest index"]
    rows = [f"| {s.pages:,} | {p.count:,} | {_kb(p.median)} | {_kb(p.p95)} | {_kb(p.largest)} (`{p.largest_page}`) "
             f"| {_kb(p.largest_entity)} (`{p.largest_entity_page}`) | {_kb(p.overview)} "
             f"| {_kb(p.largest_index)} (`{p.largest_index_page}`) |" for s in sizes for p in [s.sizes]]
    return _table("Page sizes of our output", columns, rows)


def _kb(size: int) -> str:
    return f"{size / KB:,.1f} KB"


def targets(sizes: list[Size]) -> list[tuple[str, str, bool]]:
    """Each target of issue 12: what it asks, the measured figure (at the largest size), and whether it is met."""
    small, large = sizes[0], sizes[-1]
    at = f"at {large.pages:,} pages"
    peak = max(max(s.build_mib, *(st.peak_mib for st in s.stages.values())) for s in sizes)
    entity = max((s.sizes.largest_entity, s.sizes.largest_entity_page) for s in sizes)
    found = [
        ("whole build within 1.3× bare Pelican", f"{large.ratio:.2f}× {at}", large.ratio <= 1.3),
        ("generator stages under 10% of the whole build",
         f"{100 * large.generator_seconds / large.build_seconds:.0f}% {at}",
         large.generator_seconds < 0.1 * large.build_seconds),
        ("peak memory under 1 GiB", f"{peak:.0f} MiB", peak < MIB_LIMIT),
        ("one-article rebuild under 25% of a full build",
         f"{_percent(large.edit_seconds, large.build_seconds)} {at}", large.edit_seconds < 0.25 * large.build_seconds),
        ("overview under 100 KB", f"{_kb(large.sizes.overview)} {at}", large.sizes.overview < 100 * KB),
        ("no entity page over 200 KB", f"{_kb(entity[0])} (`{entity[1]}`)", entity[0] <= 200 * KB),
    ]
    if len(sizes) > 1:
        growth_ratio = large.ms_per_page / small.ms_per_page
        found.insert(2, ("per-page cost at the largest size within 1.2× the smallest",
                         f"{growth_ratio:.2f}× ({small.pages:,} → {large.pages:,} pages)", growth_ratio <= 1.2))
    return found


def targets_table(sizes: list[Size]) -> str:
    """The targets, each marked met or not met with its figure."""
    rows = [f"| {target} | {figure} | {'met' if met else '**not met**'} |" for target, figure, met in targets(sizes)]
    if len(sizes) < 2:
        rows.append("| per-page cost at the largest size within 1.2× the smallest | one size only | not measured |")
    return _table("Targets", ["target", "measured", ""], rows)
