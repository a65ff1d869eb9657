"""Stage 5, write: the only stage that touches the disk. Atomic, and only files the generator owns."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .files import NotRegular, TooLarge, kind_of, read_regular
from .problems import DataError, Problem

MANIFEST = ".generator-manifest.json"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # a line per page: room for a hundred thousand pages
_SHA256 = re.compile(r"[0-9a-f]{64}")
_RESTORE = "restore it from version control, or move content/ aside and build again"
_NO_LINKS = "the generator never writes through links"


@dataclass
class WriteReport:
    """What a write changed on disk."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def digest(data: bytes) -> str:
    """The content hash the manifest records."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(content: Path) -> dict[str, set[str]]:
    """Each path the generator wrote, with the hashes it may have on disk."""
    path = content / MANIFEST
    if not os.path.lexists(path):
        return {}
    unreadable = Problem(str(path), 1, "(file)", "the generator's manifest", "a file it cannot read", _RESTORE)
    try:
        text = read_regular(path, MAX_MANIFEST_BYTES).decode("utf-8")
        data = json.loads(text)
        entries = [("files", rel, sha) for rel, sha in data["files"].items()]
        entries += [("pending", rel, sha) for rel, sha in data.get("pending", {}).items()]
    except (OSError, NotRegular, TooLarge, ValueError, KeyError, TypeError, AttributeError):
        raise DataError([unreadable]) from None
    problems = [p for entry in entries if (p := _entry_problem(path, text, *entry))]
    if problems:
        raise DataError(problems)
    accepted: dict[str, set[str]] = {}
    for _, rel, sha in entries:
        accepted.setdefault(rel, set()).add(sha)
    return accepted


def _entry_problem(path: Path, text: str, section: str, rel: object, sha: object) -> Problem | None:
    """A manifest entry must name a page inside content/: the build overwrites and deletes what it lists."""
    line = text.count("\n", 0, max(0, text.find(json.dumps(rel, ensure_ascii=False) + ":"))) + 1
    where = f"{section}[{json.dumps(rel, ensure_ascii=False)}]"
    if not is_page_path(rel):
        return Problem(str(path), line, where, "a page path inside content", repr(rel),
                       f"the manifest lists only pages the generator wrote: {_RESTORE}")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        return Problem(str(path), line, where, "a SHA-256 hash", repr(sha), _RESTORE)
    return None


def is_page_path(rel: object) -> bool:
    """True for a relative path such as 'actors/cnn.md' that stays inside the folder it is joined to."""
    return (isinstance(rel, str) and "\\" not in rel and "\0" not in rel
            and all(part not in ("", ".", "..") for part in rel.split("/")))


def write_pages(pages: dict[str, str], content: Path) -> WriteReport:
    """Write pages under content/, refusing first if that would overwrite or delete anything not ours."""
    _refuse_link(content)
    owned = read_manifest(content)
    stale = sorted(set(owned) - set(pages))
    on_disk: dict[str, str] = {}  # the hash of each page already there, read once
    problems = [p for rel in sorted(pages) if (p := _conflict(content, rel, owned, on_disk))]
    problems += [p for rel in stale if (p := _conflict(content, rel, owned, on_disk))]
    if problems:
        raise DataError(problems)
    # Each page is encoded when it is needed, not all at once: at ten thousand pages a second copy
    # of every page in memory was a quarter of the build's peak.
    final = {rel: digest(text.encode("utf-8")) for rel, text in pages.items()}
    # Record old and new hashes before touching any page: if the build dies half-way,
    # every page on disk still matches the manifest and the next build can carry on.
    pending = {rel: sha for rel, shas in owned.items() for sha in shas if final.get(rel) != sha}
    _save_manifest(content, final, pending)
    report = WriteReport()
    for rel, text in pages.items():
        if on_disk.get(rel) == final[rel]:
            report.unchanged.append(rel)
            continue
        atomic_write(content / rel, text.encode("utf-8"))
        report.written.append(rel)
    for rel in stale:
        if (content / rel).exists():
            (content / rel).unlink()
            report.removed.append(rel)
        _remove_empty_parents(content, rel)
    _save_manifest(content, final, {})
    return report


def _refuse_link(content: Path) -> None:
    """content/ must be a real folder: through a link, pages would land wherever it points."""
    problem = _folder_problem(content)
    if problem:
        raise DataError([problem])


def _folder_problem(folder: Path) -> Problem | None:
    if folder.is_symlink():
        return _link_problem(folder)
    if folder.exists() and not folder.is_dir():
        return Problem(str(folder), 1, "(folder)", "a real folder for the pages", kind_of(folder.stat().st_mode),
                       "move or rename it: the generator writes its pages in a folder there")
    return None


def _link_problem(folder: Path) -> Problem:
    return Problem(str(folder), 1, "(folder)", "a real folder for the pages", f"a symbolic link to {folder.readlink()}",
                   f"replace the link by a folder: {_NO_LINKS}")


def _conflict(content: Path, rel: str, owned: dict[str, set[str]], on_disk: dict[str, str]) -> Problem | None:
    outside = _outside(content, rel)
    if outside:
        return outside
    target = content / rel
    if not os.path.lexists(target):
        return None
    shown = str(target)
    mode = target.lstat().st_mode
    if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
        found = "a symbolic link" if stat.S_ISLNK(mode) else kind_of(mode)
        return Problem(shown, 1, "(file)", "a file the generator wrote, or no file", found,
                       f"move or remove it: {_NO_LINKS} or over anything but its own files")
    if rel not in owned:
        return Problem(shown, 1, "(file)", "a file the generator wrote, or no file", "a file it did not write",
                       "move or rename it: the generator never overwrites files it did not write")
    on_disk[rel] = digest(target.read_bytes())
    if on_disk[rel] not in owned[rel]:
        return Problem(shown, 1, "(file)", "the page as the generator wrote it", "a page edited by hand",
                       "move the edit into the data files, then delete this file; it is generated")
    return None


def _outside(content: Path, rel: str) -> Problem | None:
    """A problem when writing or deleting rel would leave content/, or pass through a link."""
    if not is_page_path(rel):  # pages come from validated ids, and the manifest is checked: never fires
        return Problem(str(content), 1, "(folder)", "a page path inside content", repr(rel), _RESTORE)
    folder = content
    for part in rel.split("/")[:-1]:
        folder = folder / part
        problem = _folder_problem(folder)
        if problem:
            return problem
    return None


def atomic_write(target: Path, data: bytes) -> None:
    """Write data to target through a temporary file and a rename, so no reader sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _save_manifest(content: Path, files: dict[str, str], pending: dict[str, str]) -> None:
    manifest = {"generator": "report generator; lists the files it wrote, do not edit",
                "files": dict(sorted(files.items()))}
    if pending:
        manifest["pending"] = dict(sorted(pending.items()))
    atomic_write(content / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _remove_empty_parents(content: Path, rel: str) -> None:
    folder = (content / rel).parent
    while folder != content and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
