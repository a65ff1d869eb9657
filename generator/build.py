"""The staged site build: the whole site into a fresh folder, then output/ replaced in one rename.

    check the output folder -> load, validate, link, render (in memory) -> take the build lock
    -> stage content (generated pages + content/pages/) -> Pelican into a staging site
    -> post-build checks -> the search index (Pagefind, search_index.py)
    -> commit: content/ pages, then the staging site swapped into output/

Nothing outside the staging folder changes until every step has succeeded, so a failed build
leaves output/ and content/ exactly as they were; and because each site starts from an empty
folder, the pages of a deleted article disappear.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import lock, output_dir, pipeline, search_index, timing
from .build_error import BuildError
from .link import Graph
from .problems import DataError, Problem
from .render import render
from .write import WriteReport, write_pages

HAND_WRITTEN = "pages"  # content/pages/: pages an editor writes by hand (an About page), tracked in git
DEFAULT_WAIT = 300.0  # seconds a build waits for another one; a build takes seconds, so more means trouble
# write.atomic_write's temporary files (mkstemp: a dot, the page's name, eight characters, .tmp),
# left behind only by a build killed mid-write.
_LEFTOVER = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SitePaths:
    """Where a site build reads and writes; relative paths are taken from the project folder."""

    project: Path
    data: Path
    content: Path
    output: Path
    settings: Path


@dataclass
class SiteReport:
    """What a successful site build did."""

    graph: Graph
    content: WriteReport
    files: int


def build_site(paths: SitePaths, wait: float = DEFAULT_WAIT, say: Callable[[str], None] = print) -> SiteReport:
    """Build the whole site, and replace output/ with it only if every step succeeded."""
    project = paths.project.resolve()
    data, content = project / paths.data, project / paths.content
    output = output_dir.checked(project, paths.output, also_protected=(data, content))
    if not (project / paths.settings).is_file():
        raise BuildError(f"no settings file {paths.settings} (the project's are pelican.conf.py and publishconf.py)")
    graph = pipeline.graph(data)
    with timing.stage("render"), pipeline.without_collection_pauses():
        pages = render(graph)
    with lock.held(project / lock.LOCK, wait, say) as lock_fd:
        output_dir.recover(output)
        _remove_leftovers(content)
        staging = output_dir.new_staging(output)
        try:
            files = _stage(pages, content, staging, lambda stage, site: run_pelican(
                project, stage, site, project / paths.settings, data, lock_fd, previous=output))
            # The commit. write_pages refuses before writing anything, so a refusal changes nothing.
            with timing.stage("commit"):
                report = write_pages(pages, _relative(content))  # relative: its problems name the page as typed
                output_dir.replace(output, staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return SiteReport(graph, report, files)


def _stage(pages: dict[str, str], content: Path, staging: Path, pelican: Callable[[Path, Path], None]) -> int:
    """Build the complete site inside staging; returns how many files it has."""
    stage, site = staging / "content", staging / output_dir.NEW_SITE
    with timing.stage("write"):
        write_pages(pages, stage)
        copy_hand_written(content / HAND_WRITTEN, stage / HAND_WRITTEN)
    with timing.stage("pelican"):
        pelican(stage, site)
    with timing.stage("post-build"):
        for check in POST_BUILD:
            check(site)
    with timing.stage("search index"):  # after the checks: it indexes the site they passed
        search_index.index_site(site)
    return sum(1 for path in site.rglob("*") if path.is_file())


def copy_hand_written(pages: Path, target: Path) -> None:
    """Copy content/pages/ into the staging content, refusing anything but folders and regular files."""
    if not os.path.lexists(pages):
        return
    problems: list[Problem] = []
    _copy_tree(pages, target, problems)
    if problems:
        raise DataError(problems)


def _copy_tree(source: Path, target: Path, problems: list[Problem]) -> None:
    kind = _kind(source)
    if kind == "folder":
        target.mkdir()
        for entry in sorted(os.listdir(source)):
            _copy_tree(source / entry, target / entry, problems)
    elif kind == "file":
        _copy_file(source, target)
    else:
        problems.append(Problem(_shown(source), 1, "(file)",
                                "a regular file or folder (content/pages/ is published as it is)", kind,
                                "replace it by the file itself, or remove it"))


def _shown(path: Path) -> str:
    return str(_relative(path))


def _relative(path: Path) -> Path:
    # The path of the entry itself, as the editor would type it: never where a link points.
    return Path(os.path.relpath(path)) if Path(os.path.abspath(path)).is_relative_to(Path.cwd()) else path


def _kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return f"a symbolic link to {os.readlink(path)!r}"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"


def _copy_file(source: Path, target: Path) -> None:
    # Opened without following links and without blocking, then checked again: a file swapped
    # for a link or a pipe after the check above is refused, not followed or waited on.
    fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DataError([Problem(_shown(source), 1, "(file)", "a regular file", "a special file",
                                     "replace it by the file itself, or remove it")])
        data = stream.read()
    with target.open("xb") as copy:  # "x": never over a generated page of the same name
        copy.write(data)


def run_pelican(project: Path, content: Path, site: Path, settings: Path, data: Path, lock_fd: int,
                previous: Path | None = None) -> None:
    """Run Pelican on the staging content into the staging site, in a process of its own; the pages the
    previous site has, from the same inputs, are copied from it."""
    command = [sys.executable, "-m", "generator.pelican_run", "--settings", str(settings),
               "--parent", str(os.getpid()), "--previous", str(previous or ""), str(content), str(site)]
    # The child runs this same generator package, and settings read the data being built.
    path = os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "REPORT_DATA": str(data)}
    # The child inherits the build lock: should this process die first, no other build starts
    # until Pelican has stopped writing.
    result = subprocess.run(command, cwd=project, env=env, pass_fds=(lock_fd,), check=False)
    if result.returncode != 0:
        raise BuildError("Pelican did not finish the site (its messages are above)")


def _has_overview(site: Path) -> None:
    if not (site / "index.html").is_file():
        raise BuildError("Pelican wrote no index.html, the report's overview page")


# Post-build steps: each takes the finished staging site and raises to stop the build.
POST_BUILD: tuple[Callable[[Path], None], ...] = (_has_overview,)


def _remove_leftovers(content: Path) -> None:
    if not content.is_dir():
        return
    for path in content.rglob(".*.tmp"):
        inside_pages = path.relative_to(content).parts[0] == HAND_WRITTEN
        if not inside_pages and _LEFTOVER.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink()
