"""Pelican, run once in a process of its own: warnings are fatal and every failure is one line.

python -m generator.pelican_run --settings pelican.conf.py --parent PID CONTENT OUTPUT

A fresh process per build, not Pelican in the build's own process: Pelican's log filter
remembers every message it has seen and drops repeats, so in a long-running watcher the
second build with the same broken link would pass silently. A process of its own also
starts from clean plugin and settings state, and cannot take the watcher down with it.
"""

from __future__ import annotations

import argparse
import ctypes
import logging
import os
import signal
import sys
import traceback
from pathlib import Path

EXIT_FAILED = 1


class _OneLine(logging.Handler):
    """Pelican's messages as plain lines on stderr, without the tracebacks Pelican attaches."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            print(f"pelican: {record.levelname.lower()}: {record.getMessage()}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Build content/ into output/ with the given settings; 0 only if Pelican finished without a warning."""
    args = _parser().parse_args(argv)
    _die_with(args.parent)
    from pelican import Pelican, log
    from pelican.settings import read_settings

    from .pelican_cache import PREVIOUS_SITE, convert_ahead

    log.init(level=logging.WARNING, fatal="warnings", handler=_OneLine())
    try:
        override = {"PATH": os.path.abspath(args.content), "OUTPUT_PATH": os.path.abspath(args.output)}
        if args.previous:
            override[PREVIOUS_SITE] = os.path.abspath(args.previous)
        settings = read_settings(args.settings, override=override)
        convert_ahead(Path(settings["PATH"]), settings, initializer=die_with_parent)
        Pelican(settings).run()
    except Exception as err:  # one line, whatever Pelican, a plugin or a template raised
        print(f"pelican: {describe(err)}", file=sys.stderr, flush=True)
        return EXIT_FAILED
    return 0


def describe(err: Exception) -> str:
    """What went wrong, where: the template and line for a theme error, else the error itself."""
    if isinstance(err, RuntimeError) and str(err) == "Warning or error encountered":
        return "stopped at the warning above (warnings are fatal)"
    where = _template_frame(err)
    text = f"{type(err).__name__}: {err}"
    return f"{where}: {text}" if where else text


def _template_frame(err: Exception) -> str:
    # Jinja rewrites tracebacks so that a template's frames carry its file and line.
    name, line = getattr(err, "filename", None), getattr(err, "lineno", None)
    if isinstance(name, str) and name.endswith(".html") and line:
        return f"{os.path.relpath(name)}:{line}"
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith(".html")]
    return f"{os.path.relpath(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""


def _die_with(parent: int) -> None:
    # A build killed with SIGKILL must not leave Pelican writing on: on Linux the kernel kills
    # this process when its parent dies. Elsewhere the build lock, which this process inherits,
    # stays held until it exits, so no other build can start meanwhile.
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(EXIT_FAILED)


def die_with_parent() -> None:
    """On Linux, have the kernel kill this process when the one that started it dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator.pelican_run", description=__doc__)
    parser.add_argument("--settings", required=True, help="the Pelican settings file")
    parser.add_argument("--parent", type=int, required=True, help="the build's process id")
    parser.add_argument("--previous", default="", help="the last site built, whose unchanged pages are copied")
    parser.add_argument("content", help="the folder of Markdown pages")
    parser.add_argument("output", help="the empty folder the site goes into")
    return parser


if __name__ == "__main__":
    sys.exit(main())
