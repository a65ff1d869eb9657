"""Graphviz for layout only: where the nodes of many small graphs go, from one `neato` process.

A graph reaches Graphviz as numbers alone (node numbers, their sizes, which pairs are joined): no
name or other data text ever enters the DOT, so nothing in it can become syntax. Graphviz reads every
graph from one input stream and writes one plain-text layout each; a fixed seed (`start`) makes the
layout the same on every build. Each layout is kept in the build cache (generator/cache.py), keyed by
the Graphviz version and its DOT text, so a rebuild runs Graphviz only for graphs it has not laid out before.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass

from . import cache
from .build_error import BuildError

NEATO = "neato"  # the Graphviz layout program (Debian package graphviz)
SEED = 1  # neato's `start`: the same seed, the same layout
TIMEOUT = 600  # seconds for every graph of a report together; a hung Graphviz stops the build, not forever
SECTION = "graph-layouts"  # the build cache's section
POINTS = 72  # Graphviz measures in inches; we draw in points
_GRAPH = f'graph [start={SEED} overlap=false sep="+6" splines=false]; node [shape=box fixedsize=true label=""]'


@dataclass(frozen=True)
class Sketch:
    """A graph to lay out: each node's (width, height) in points, and the pairs of node numbers joined."""

    sizes: tuple[tuple[float, float], ...]
    pairs: tuple[tuple[int, int], ...]


Positions = list[tuple[float, float]]  # each node's centre, in points, y pointing down


def dot_text(sketch: Sketch) -> str:
    """The DOT of one graph: numbers only."""
    nodes = "".join(f"{n} [width={w / POINTS:.3f} height={h / POINTS:.3f}];" for n, (w, h) in enumerate(sketch.sizes))
    edges = "".join(f"{a}--{b};" for a, b in sketch.pairs)
    return f"graph{{{_GRAPH};{nodes}{edges}}}\n"


def lay_out(sketches: list[Sketch]) -> list[Positions]:
    """The positions of every graph's nodes, in order: from the cache, the rest from one Graphviz run."""
    texts = [dot_text(s) for s in sketches]
    version = graphviz_version() if texts else ""
    entries = [cache.key(SECTION, version, text) for text in texts]
    found: dict[int, Positions] = {}
    for i, entry in enumerate(entries):
        kept = cache.get(SECTION, entry)
        if _valid(kept, len(sketches[i].sizes)):
            found[i] = [(x, y) for x, y in kept]
    missing = [i for i in range(len(texts)) if i not in found]
    if missing:
        for i, positions in zip(missing, _run("".join(texts[i] for i in missing), [sketches[i] for i in missing])):
            found[i] = positions
            cache.put(SECTION, entries[i], positions)
    return [found[i] for i in range(len(texts))]


@functools.lru_cache(maxsize=1)
def graphviz_version() -> str:
    """What `neato -V` says (its version), part of each layout's cache key: another Graphviz may lay out otherwise."""
    program = shutil.which(NEATO)
    if program is None:
        return "none"  # no entry matches, so the run that follows reports the missing program
    try:
        done = subprocess.run([program, "-V"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stderr.decode("utf-8", "replace").strip()


def _valid(kept: object, count: int) -> bool:
    """Whether a cache entry is a list of count (x, y) pairs of numbers (anything else is laid out again)."""
    return (isinstance(kept, list) and len(kept) == count
            and all(isinstance(p, list) and len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in kept))


def _run(text: str, sketches: list[Sketch]) -> list[Positions]:
    """One neato process for all these graphs; any failure is one BuildError saying what to do."""
    program = shutil.which(NEATO)
    if program is None:
        raise BuildError(f"the network could not be laid out: no Graphviz `{NEATO}` program "
                         "(install the system package graphviz: .ci/system-packages build)")
    try:
        done = subprocess.run([program, "-Tplain"], input=text.encode("ascii"), capture_output=True,
                              timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise BuildError(f"the network could not be laid out: Graphviz `{NEATO}` took over {TIMEOUT} s") from None
    except OSError as err:
        raise BuildError(f"the network could not be laid out: Graphviz `{NEATO}` did not start ({err.strerror})") from None
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode != 0:
        raise BuildError(f"the network could not be laid out: Graphviz `{NEATO}` failed (exit status "
                         f"{done.returncode}{': ' + said[0][:200] if said else ''})")
    layouts = _parse(done.stdout.decode("utf-8", "replace"), sketches)
    if layouts is None:
        raise BuildError(f"the network could not be laid out: Graphviz `{NEATO}` wrote a layout this build cannot read")
    return layouts


def _parse(plain: str, sketches: list[Sketch]) -> list[Positions] | None:
    """Each graph's node centres from `-Tplain` output (inches, y up) as points with y down; None if malformed."""
    layouts: list[Positions] = []
    height, nodes = 0.0, {}
    try:
        for line in plain.splitlines():
            fields = line.split()
            if fields[:1] == ["graph"]:
                height, nodes = float(fields[3]), {}
            elif fields[:1] == ["node"]:
                nodes[int(fields[1])] = (float(fields[2]) * POINTS, (height - float(fields[3])) * POINTS)
            elif fields[:1] == ["stop"]:
                layouts.append([nodes[n] for n in range(len(sketches[len(layouts)].sizes))])
    except (ValueError, IndexError, KeyError):
        return None
    return layouts if len(layouts) == len(sketches) else None
