"""A private copy of the project to run `make` in, so that no test touches the live output/ or content/."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What `make html` needs: the data, the theme, the generator, the settings, the Makefile (and the
# requirements it compares with .venv's stamp; `make` is told that stamp is up to date). The data is
# the tests' frozen fixture, never the live data/, which an editor changes.
NEEDED = ("theme", "generator", "pelican.conf.py", "publishconf.py", "Makefile", "requirements.txt")
SAMPLE_DATA = ROOT / "tests" / "fixtures" / "cnn-report"
KEEP_VENV = ("-o", ".venv/bin/.installed")  # never reinstall into the shared .venv


def copy_project(target: Path) -> Path:
    """A fresh copy of the project's build inputs at target, sharing the project's .venv."""
    target.mkdir(parents=True)
    shutil.copytree(SAMPLE_DATA, target / "data")
    for name in NEEDED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def clone(project: Path, target: Path) -> Path:
    """A copy of a project as it is, built site and content included."""
    return Path(shutil.copytree(project, target, symlinks=True))


def environment(**extra: str) -> dict[str, str]:
    """The environment `make` runs in: no settings inherited from the test run itself."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "SITEURL", "CUSTOM_DOMAIN", "REPORT_DATA")}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def make(project: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run make in the project and wait for it."""
    return subprocess.run(["make", "--no-print-directory", *KEEP_VENV, *args], cwd=project, env=environment(),
                          capture_output=True, text=True, timeout=timeout)


def start_make(project: Path, log: Path, *args: str) -> subprocess.Popen:
    """Start make in the project, in a session of its own (stop it with stop()), its output going to log."""
    with log.open("w") as stream:
        return subprocess.Popen(["make", "--no-print-directory", *KEEP_VENV, *args], cwd=project,
                                env=environment(), stdout=stream, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """Stop a process started by start_make, and everything it started."""
    try:
        os.killpg(process.pid, 15)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def snapshot(project: Path, *folders: str) -> dict[str, str]:
    """Every file, folder and link under the folders, each with the hash of its bytes."""
    found: dict[str, str] = {}
    for folder in folders or ("output", "content"):
        base = project / folder
        if not os.path.lexists(base):
            continue
        for path in sorted([base, *base.rglob("*")]):
            rel = path.relative_to(project).as_posix()
            if path.is_symlink():
                found[rel] = f"link to {os.readlink(path)}"
            elif path.is_dir():
                found[rel] = "folder"
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "special file"  # a named pipe: never opened, it would block
    return found


def whole(project: Path) -> dict[str, str]:
    """A snapshot of everything in the project but the shared .venv."""
    return snapshot(project, *sorted(p.name for p in project.iterdir() if p.name != ".venv"))


def staging_folders(project: Path) -> list[str]:
    """Staging folders a build left next to output/."""
    return sorted(p.name for p in project.glob(".*.build-*"))


def free_port() -> int:
    """A port nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float = 60, what: str = "the condition", every: float = 0.01) -> None:
    """Poll until condition() is true; fail after seconds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(every)
