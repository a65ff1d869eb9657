"""Rebuild on every change to what a site is built from: data/, content/pages/, the theme, the settings."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchfiles import DefaultFilter, watch

RETRY = 1.0  # seconds before watching again after the watcher itself failed
TICK_MS = 200  # how often an idle watch reports that it is live, so "watching" is said only once it is


@dataclass(frozen=True)
class Sources:
    """What a build reads: folders (data/, content/pages/, theme/) and settings files."""

    folders: tuple[Path, ...]
    settings: tuple[Path, ...]

    def accepts(self, change: object, path: str) -> bool:
        """A watchfiles filter: a change to a source counts; editors' temporary files and the build's own
        writes (content/'s generated pages, output/, the lock) never do, or each build would start the next."""
        where = Path(path)
        return _DEFAULT(change, path) and (where in self.settings or any(where.is_relative_to(f) for f in self.folders))


_DEFAULT = DefaultFilter()


def sources(folders: Iterable[Path], settings: Iterable[Path]) -> Sources:
    """The sources of a build, as absolute paths."""
    return Sources(tuple(dict.fromkeys(Path(p).absolute() for p in folders)),
                   tuple(dict.fromkeys(Path(p).absolute() for p in settings)))


def rebuild_on_change(watched: Sources, rebuild: Callable[[], None], say: Callable[[str], None],
                      ready: Callable[[], None] = lambda: None) -> None:
    """Call rebuild after every batch of changes, until Ctrl-C; rebuild reports its own failures.

    ready is called once every watch is live: a change made after it is never missed.
    """
    changes: queue.Queue = queue.Queue()
    # The folders are watched recursively from their parents, so that one created later counts; the
    # settings through the folder that holds them, not one by one: an editor saves a file by renaming
    # a new one over it, which would end a watch on the file itself.
    settings_folders = {path.parent for path in watched.settings}
    trees = {folder if folder.exists() else folder.parent for folder in watched.folders
             if folder.exists() or folder.parent.exists()} - settings_folders
    live = []
    for paths, recursive in ((trees, True), (settings_folders, False)):
        if paths:
            live.append(threading.Event())
            threading.Thread(target=_feed, args=(sorted(paths), recursive, watched, changes, say, live[-1]),
                             name="watch", daemon=True).start()
    for event in live:
        event.wait()
    ready()
    while True:
        changes.get()
        while not changes.empty():  # one rebuild for everything that changed meanwhile
            changes.get_nowait()
        rebuild()


def _feed(paths: list[Path], recursive: bool, watched: Sources, changes: queue.Queue, say,
          live: threading.Event) -> None:
    while True:
        try:
            # yield_on_timeout: an empty batch means the watch is running, which is how `live` is known.
            for batch in watch(*paths, recursive=recursive, watch_filter=watched.accepts, raise_interrupt=False,
                               yield_on_timeout=True, rust_timeout=TICK_MS):
                live.set()
                if batch:
                    changes.put(batch)
            return
        except Exception as err:  # the watcher itself failed (a watched folder removed...): watch again
            say(f"watching stopped ({type(err).__name__}: {err}); watching again")
            time.sleep(RETRY)

