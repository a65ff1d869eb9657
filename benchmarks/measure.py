"""Running one command as a fresh process: its wall time, its peak memory and what it printed."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_KIB_PER_MIB = 1024  # Linux reports ru_maxrss in KiB


@dataclass(frozen=True)
class Run:
    """One finished command."""

    seconds: float
    peak_mib: float  # the largest resident set of the process and of every process it waited for
    output: str
    cpu_seconds: float = 0.0  # user and system time of the process and its children: steadier on a busy machine


class CommandFailed(RuntimeError):
    """A measured command exited non-zero; the benchmark stops, showing what it printed."""


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run command in cwd, wait for it, and measure it; raise CommandFailed if it fails."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log,
                                   stderr=subprocess.STDOUT)
        # wait4, not getrusage(RUSAGE_CHILDREN): the latter is the largest child of the whole benchmark
        # so far, this is the peak of this command alone (its own children, such as Pelican, included).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} (in {cwd}) exited {process.returncode}:\n{output}")
    peak = usage.ru_maxrss / (_KIB_PER_MIB if sys.platform != "darwin" else 1 << 20)
    return Run(seconds, peak, output, usage.ru_utime + usage.ru_stime)


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile of values (percent in 0..100): a value that occurs in the list."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]
