"""Rebuild on every change to what a site is built from: data/, content/pages/, the theme, the settings."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchfiles import DefaultFilter, watch

RETRY = 1.0  # seconds before watching again after the watcher itself failed


def sources(project: Path, data: Path, content: Path, settings: Iterable[Path]) -> list[Path]:
    """The folders and files a build reads; content/ is watched for content/pages/ only (see only_sources)."""
    paths = [data, content, project / "theme", *settings]
    return [path for path in dict.fromkeys(p.resolve() for p in paths) if path.exists()]


def only_sources(content: Path, hand_written: str) -> Callable[[object, str], bool]:
    """A watchfiles filter: editors' temporary files never count, nor the pages a build writes in content/."""
    default, content, pages = DefaultFilter(), content.resolve(), (content / hand_written).resolve()

    def accept(change, path: str) -> bool:
        where = Path(path)
        return default(change, path) and (not where.is_relative_to(content) or where.is_relative_to(pages))
    return accept


def rebuild_on_change(paths: list[Path], accept: Callable[[object, str], bool], rebuild: Callable[[], None],
                      say: Callable[[str], None]) -> None:
    """Call rebuild after every batch of changes, until Ctrl-C; rebuild reports its own failures."""
    while True:
        try:
            for _ in watch(*paths, watch_filter=accept):
                rebuild()
            return
        except Exception as err:  # the watcher itself failed (a watched folder removed...): watch again
            say(f"watching stopped ({type(err).__name__}: {err}); watching again")
            time.sleep(RETRY)
            paths = [path for path in paths if path.exists()]
