"""Stage 5, write: the only stage that touches the disk. Atomic, and only files the generator owns."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .problems import DataError, Problem

MANIFEST = ".generator-manifest.json"


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
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        accepted = {rel: {sha} for rel, sha in data["files"].items()}
        for rel, sha in data.get("pending", {}).items():
            accepted.setdefault(rel, set()).add(sha)
        return accepted
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DataError([Problem(str(path), 1, "(file)", "the generator's manifest", "a file it cannot read",
                                 "restore it from version control, or move content/ aside and build again")]) from None


def write_pages(pages: dict[str, str], content: Path) -> WriteReport:
    """Write pages under content/, refusing first if that would overwrite or delete anything not ours."""
    owned = read_manifest(content)
    encoded = {rel: text.encode("utf-8") for rel, text in pages.items()}
    stale = sorted(set(owned) - set(encoded))
    problems = [p for rel in sorted(encoded) if (p := _conflict(content, rel, owned))]
    problems += [p for rel in stale if (p := _conflict(content, rel, owned))]
    if problems:
        raise DataError(problems)
    final = {rel: digest(data) for rel, data in encoded.items()}
    # Record old and new hashes before touching any page: if the build dies half-way,
    # every page on disk still matches the manifest and the next build can carry on.
    pending = {rel: sha for rel, shas in owned.items() for sha in shas if final.get(rel) != sha}
    _save_manifest(content, final, pending)
    report = WriteReport()
    for rel, data in encoded.items():
        target = content / rel
        if target.exists() and target.read_bytes() == data:
            report.unchanged.append(rel)
            continue
        atomic_write(target, data)
        report.written.append(rel)
    for rel in stale:
        if (content / rel).exists():
            (content / rel).unlink()
            report.removed.append(rel)
        _remove_empty_parents(content, rel)
    _save_manifest(content, final, {})
    return report


def _conflict(content: Path, rel: str, owned: dict[str, set[str]]) -> Problem | None:
    target = content / rel
    _check_inside(content, target)
    if not target.exists():
        return None
    shown = str(target)
    if rel not in owned:
        return Problem(shown, 1, "(file)", "a file the generator wrote, or no file", "a file it did not write",
                       "move or rename it: the generator never overwrites files it did not write")
    if digest(target.read_bytes()) not in owned[rel]:
        return Problem(shown, 1, "(file)", "the page as the generator wrote it", "a page edited by hand",
                       "move the edit into the data files, then delete this file; it is generated")
    return None


def _check_inside(content: Path, target: Path) -> None:
    # Ids are validated slugs, so this never fires; it guards the disk if that ever changes.
    if not target.resolve().is_relative_to(content.resolve()):
        raise ValueError(f"refusing to write outside {content}: {target}")


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
