"""One build at a time: an exclusive flock on a lock file, which dies with the process that holds it.

A lock file that is never deleted plus flock, rather than a file whose existence is the lock: a
build killed at any moment releases its lock with its last file descriptor, so nothing wedges and
no stale lock needs clearing.
"""

from __future__ import annotations

import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .build_error import BuildError

LOCK = ".build.lock"  # in the project folder; gitignored
POLL = 0.1  # seconds between two tries while another build holds the lock


@contextmanager
def held(path: Path, wait: float, say: Callable[[str], None]) -> Iterator[int]:
    """Hold the build lock for the block, waiting up to `wait` seconds for another build; yields its fd."""
    fd = _open(path)
    try:
        _acquire(fd, wait, say)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # only for the message another build prints
        yield fd
    finally:
        os.close(fd)  # closing releases the flock


def _open(path: Path) -> int:
    # O_NOFOLLOW and the regular-file check: a lock "file" planted as a symlink or a FIFO is
    # neither followed (we truncate it) nor allowed to hang the build.
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
    except OSError as err:
        raise BuildError(f"cannot open the build lock {path}: {err.strerror} "
                         f"(it must be a regular file; remove it and build again)") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BuildError(f"the build lock {path} is not a regular file; remove it and build again")
    return fd


def _acquire(fd: int, wait: float, say: Callable[[str], None]) -> None:
    if _try_lock(fd):
        return
    holder = _holder(fd)
    if wait <= 0:
        raise BuildError(f"another build is running (pid {holder}); stopped without waiting")
    say(f"another build is running (pid {holder}); waiting up to {wait:g} s for it to finish...")
    deadline = time.monotonic() + wait
    while not _try_lock(fd):
        if time.monotonic() > deadline:
            raise BuildError(f"another build (pid {_holder(fd)}) still holds the build lock after {wait:g} s; stopped")
        time.sleep(POLL)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"
