"""The output folder: where it may be, how a new site replaces it, and how it is removed.

Every deletion the build and `make clean` do goes through this module: the checked output
folder, or a staging folder this module created next to it (".output.build-*").
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .problems import DataError, Problem

# Folders of the project that a site build must never replace or delete, even in part.
PROTECTED = {"data": "the data folder", "content": "the content folder", "theme": "the theme",
             "generator": "the generator's code", "tests": "the tests", ".git": "the git repository",
             ".github": "the workflows", ".ci": "the CI scripts", ".venv": "the virtual environment",
             "node_modules": "the test tools", "docs": "the documentation", "benchmarks": "the benchmarks"}
EXPECTED = "a folder for the built site inside the project, such as output (never data, content, theme, " \
           "generator, tests or .git)"
NEW_SITE, PREVIOUS, REMOVED = "site", "previous", "removed"  # what a staging folder holds


def checked(project: Path, output: Path, also_protected: Iterable[Path] = ()) -> Path:
    """The output folder as an absolute path, or a DataError if replacing it could delete anything else."""
    root = project.resolve()
    # Resolve the parent, not the folder: a symlinked parent is followed to where the folder
    # really is, while the folder itself, if it is a link, is refused (never followed).
    lexical = Path(os.path.abspath(root / output))
    folder = lexical.parent.resolve() / lexical.name if lexical.name else lexical
    protected = {Path(path).resolve(): "a folder the build reads" for path in also_protected}
    for name, what in PROTECTED.items():  # as named, and where a link there leads
        protected.update({root / name: what, (root / name).resolve(): what})
    reason = _refusal(root, folder, protected)
    if reason:
        raise DataError([Problem("(command line)", 1, "OUTPUT", EXPECTED, f"{str(output)!r}, {reason}",
                                 "choose another folder; nothing was deleted")])
    return folder


def _refusal(root: Path, folder: Path, protected: dict[Path, str]) -> str:
    if folder == root:
        return "the project itself"
    if not folder.is_relative_to(root):
        return "a folder outside the project"
    for path, what in protected.items():
        if folder == path:
            return what
        if folder.is_relative_to(path):
            return f"inside {what}"
        if path.is_relative_to(folder):
            return f"which holds {what}"
    if folder.is_symlink():
        return "a symbolic link (the build never follows one)"
    if folder.exists() and not folder.is_dir():
        return "a file, not a folder"
    return ""


def new_staging(output: Path) -> Path:
    """A fresh, empty staging folder next to output/, on the same filesystem so that a rename can swap them."""
    output.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.build-"))


def recover(output: Path) -> None:
    """Undo what an interrupted build left (call with the build lock held): restore output/, drop staging."""
    stale = sorted(p for p in output.parent.glob(f".{output.name}.build-*") if p.is_dir() and not p.is_symlink())
    for staging in stale:
        previous = staging / PREVIOUS
        if not os.path.lexists(output) and previous.is_dir():
            os.rename(previous, output)  # killed between the two renames of the fallback swap
    for staging in stale:
        shutil.rmtree(staging)


def replace(output: Path, staging: Path) -> None:
    """Put staging's new site in output/'s place; the previous site ends inside staging, to be deleted."""
    site = staging / NEW_SITE
    if not os.path.lexists(output):
        os.rename(site, output)
    elif not exchange(site, output):
        # Two renames: for an instant there is no output/. A build killed right then leaves
        # the previous site in staging/previous, which recover() puts back.
        os.rename(output, staging / PREVIOUS)
        os.rename(site, output)


def remove(output: Path) -> bool:
    """Delete output/ (call with the build lock held): first renamed aside in one step, so never half there."""
    if not os.path.lexists(output):
        return False
    staging = new_staging(output)
    os.rename(output, staging / REMOVED)
    shutil.rmtree(staging)
    return True


# Linux's renameat2(RENAME_EXCHANGE) swaps two directories atomically: readers and the preview
# server see the previous site or the new one, never neither. Where it is missing (another OS,
# an old kernel or libc, a filesystem without it), replace() falls back to two renames.
AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _load_renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call; False (and nothing done) where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))
