"""The build cache: what a build computed from a file's exact bytes, kept for the next build.

Entries are JSON (never pickle: a cache file is read back as data, never run), each named by the
SHA-256 of what it was computed from, and written atomically. The cache lives outside the project
(REPORT_CACHE, else $XDG_CACHE_HOME/report-generator, else ~/.cache/report-generator), so that no
pull request can plant an entry; a missing, unreadable or corrupt entry is computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .write import atomic_write

ENV = "REPORT_CACHE"
VERSION = "1"  # part of every key: bump it when what an entry holds changes shape or meaning


def root() -> Path:
    """The cache folder of this user (or the one REPORT_CACHE names)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "report-generator"


def key(*parts: bytes | str) -> str:
    """The SHA-256 of the parts, each length-prefixed so that no two lists of parts give one key."""
    digest = hashlib.sha256(VERSION.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _path(section: str, entry: str) -> Path:
    return root() / section / entry[:2] / f"{entry}.json"


def get(section: str, entry: str) -> object | None:
    """The value stored under entry, or None when there is none (or it cannot be read)."""
    try:
        return json.loads(_path(section, entry).read_bytes())
    except (OSError, ValueError):
        return None


def put(section: str, entry: str, value: object) -> None:
    """Store value under entry; a cache that cannot be written only makes the next build slower."""
    try:
        atomic_write(_path(section, entry), json.dumps(value, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
