"""Reading files without surprises: regular files only, their size known before reading, every read bounded."""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 64 * 1024

# What a path can be, other than a regular file, as an error message names it.
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class NotRegular(Exception):
    """The path is a folder, pipe, device or socket; the message says which."""


class TooLarge(Exception):
    """The file holds more than the limit; the message says how much was found."""


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words: 'a named pipe (FIFO)', 'a folder', ..."""
    return next((name for test, name in _KINDS if test(mode)), "a file" if stat.S_ISREG(mode) else "not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at path, if it holds at most limit bytes.

    Raises NotRegular, TooLarge, or OSError (missing, unreadable). The kind is checked
    before opening (opening a FIFO waits for a writer; a device may never end), the size
    is checked from fstat before reading, and the read stops at limit + 1 bytes, so a file
    that grows, or that reports a size of 0 as /proc files do, is still bounded.
    """
    _refuse_irregular(os.stat(path).st_mode)
    # O_NONBLOCK: if a FIFO replaced the file since the check above, open returns at once.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        _refuse_irregular(status.st_mode)
        if status.st_size > limit:
            raise TooLarge(f"{status.st_size:,} bytes")
        data = read_at_most(descriptor, limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(f"more than {limit:,} bytes")
    return data


def read_at_most(descriptor: int, count: int) -> bytes:
    """Up to count bytes from an open file, fewer only at its end.

    It reads whole chunks (some /proc files refuse reads of odd sizes) and keeps the first
    count bytes, so it never holds more than count plus one chunk.
    """
    chunks, total = [], 0
    while total < count:
        chunk = os.read(descriptor, _CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)[:count]


def _refuse_irregular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegular(kind_of(mode))
