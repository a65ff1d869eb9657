"""The build cache: what a build computed from a file's exact bytes, kept for the next build.

Entries are JSON (never pickle: a cache file is read back as data, never run), each named by the
SHA-256 of what it was computed from, and written atomically. The cache lives outside the project
(REPORT_CACHE, else $XDG_CACHE_HOME/report-generator, else ~/.cache/report-generator), so that no
pull request can plant an entry; a missing, unreadable or corrupt entry is computed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable
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


@functools.cache
def code_digest() -> str:
    """The hash of the generator's own code and schemas: what a check computes changes when they do."""
    here = Path(__file__).resolve().parent
    files = sorted(path for path in here.rglob("*") if path.suffix in (".py", ".json") and path.is_file())
    return key(*(part for path in files for part in (str(path.relative_to(here)), path.read_bytes())))


def unless_passed(check: str, digest: str, find: Callable[[], Iterable]) -> list:
    """What find() reports for one file's text, skipped when this text passed this check, with this code, before."""
    entry = key(check, code_digest(), digest) if digest else ""
    if entry and get("passed", entry) is True:
        return []
    found = list(find())
    if entry and not found:
        put("passed", entry, True)
    return found
