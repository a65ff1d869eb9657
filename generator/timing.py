"""Stage timings of a build, for `make bench`: `with timing.stage("load"): ...`.

Each stage records its name, its wall time, and the peak memory so far of this process and of its
finished children (the Pelican run is a child). When the environment variable REPORT_TIMINGS names a
file, the records are written there as JSON when the process ends; when it is unset, a stage costs
one perf_counter call and nothing is written.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "REPORT_TIMINGS"
_MIB = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
_records: list[dict[str, float | str]] = []


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as the stage `name` (recorded only when REPORT_TIMINGS is set)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if ENV in os.environ:
            _record(name, time.perf_counter() - start)


def _record(name: str, seconds: float) -> None:
    if not _records:
        atexit.register(save)  # registered once, by the first stage: a process that times nothing writes nothing
    _records.append({"stage": name, "seconds": seconds,
                     "self_mib": peak_mib(resource.RUSAGE_SELF),
                     "children_mib": peak_mib(resource.RUSAGE_CHILDREN)})


def peak_mib(who: int) -> float:
    """The peak resident memory of this process (RUSAGE_SELF) or of its largest finished child, in MiB."""
    return resource.getrusage(who).ru_maxrss / _MIB


def records() -> list[dict[str, float | str]]:
    """The stages recorded so far in this process, in the order they ended."""
    return list(_records)


def save() -> None:
    """Write the records as JSON to the file REPORT_TIMINGS names (nothing when it is unset)."""
    target = os.environ.get(ENV)
    if target:
        with open(target, "w", encoding="utf-8") as stream:
            json.dump(_records, stream, indent=1)
