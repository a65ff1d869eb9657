"""The repository as a newcomer clones it: nothing generated is tracked, and CI runs the README's commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.write import MANIFEST
from tests.conftest import SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent
HAND_WRITTEN = "content/pages/"  # Pelican pages an editor writes by hand (an About page) are tracked


def git(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run git in the project; a copy without .git cannot prove anything, so that fails loudly."""
    assert shutil.which("git") and (ROOT / ".git").exists(), "these tests need the project's git repository"
    return subprocess.run(["git", "-C", str(ROOT), *args], input=stdin, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[str]:
    """Every path the generator writes for the sample report, relative to the project."""
    content = tmp_path_factory.mktemp("generated") / "content"
    graph, report = pipeline.build(SAMPLE_DATA, content)
    assert report.written, "the generator wrote pages"
    written = sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file())
    # A new kind writes into a new folder: probe a page in each folder, whatever its name.
    probes = {f"{rel.split('/')[0]}/a-page-added-later.md" for rel in written if "/" in rel}
    return [f"content/{rel}" for rel in sorted({*written, *probes, MANIFEST})]


def test_every_path_the_generator_writes_is_ignored_by_git(generated):
    result = git("check-ignore", "--no-index", "--stdin", "--verbose", "--non-matching", stdin="\n".join(generated))
    not_ignored = [line.split("\t", 1)[1] for line in result.stdout.splitlines() if line.startswith("::")]
    assert not_ignored == [], f"add these to .gitignore: {not_ignored}"
    assert len(result.stdout.splitlines()) == len(generated)


def test_hand_written_pages_are_not_ignored():
    """content/pages/ is the editor's: its pages must be committed, so git must see them."""
    result = git("check-ignore", "--no-index", "--quiet", HAND_WRITTEN + "about.md")
    assert result.returncode == 1, "content/pages/ must stay tracked"


def test_no_tracked_file_is_one_the_generator_writes(generated):
    tracked = set(git("ls-files", "-z").stdout.split("\0")) - {""}
    assert tracked, "git lists the project's files"
    assert sorted(tracked & set(generated)) == []
    under_content = sorted(p for p in tracked if p.startswith("content/") and not p.startswith(HAND_WRITTEN))
    assert under_content == [], f"generated files are committed; run: git rm --cached {' '.join(under_content)}"
    assert not [p for p in tracked if p.startswith(("output/", ".venv/", "node_modules/"))]


def test_the_generator_never_writes_into_the_hand_written_folder(generated):
    assert not [p for p in generated if p.startswith(HAND_WRITTEN)]


# ---- CI runs the README's quick start, exactly -------------------------------------------------

def readme_quick_start() -> list[str]:
    """The commands of the README's first shell block, comments stripped."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    assert block, "the README opens with a ```sh block of commands"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.split("#", 1)[0].strip()]


def run_ci_with_recording_make(tmp_path: Path, writes_index: bool) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run a copy of .ci/run with a `make` that only records its arguments (and maybe builds index.html)."""
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "make.log"
    build = 'if [ "$*" = html ]; then mkdir -p output && echo ok > output/index.html; fi' if writes_index else ""
    (bin_dir / "make").write_text(f'#!/bin/sh\necho "make $*" >> "{log}"\n{build}\n')
    (bin_dir / "make").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60)
    return result, log.read_text().splitlines() if log.exists() else []


def test_the_readme_quick_start_is_make_html_then_make_test():
    assert readme_quick_start() == ["make html", "make test"]


def test_ci_runs_the_readme_quick_start_as_written_and_in_order_then_checks_the_data(tmp_path):
    result, commands = run_ci_with_recording_make(tmp_path, writes_index=True)
    assert result.returncode == 0, result.stderr
    assert commands == [*readme_quick_start(), "make check-data"]


def test_ci_fails_when_make_html_builds_no_index_page(tmp_path):
    result, commands = run_ci_with_recording_make(tmp_path, writes_index=False)
    assert result.returncode != 0 and "output/index.html" in result.stderr
    assert commands == ["make html"], "make test does not run after a build without a site"


# ---- system packages: installed, or a stop that names the command ------------------------------

def run_system_packages(tmp_path: Path, group: str, missing: set[str]) -> subprocess.CompletedProcess:
    """Run .ci/system-packages as a user without sudo, on a PATH where the `missing` tools do not exist."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "bash").symlink_to(shutil.which("bash"))
    (bin_dir / "python3").symlink_to(Path(sys.executable).resolve())  # the real interpreter, not a shim
    stubs = {"id": "echo 1000", "apt-cache": "exit 0", "java": "exit 0", "node": "exit 0", "npm": "exit 0",
             "chromium": "exit 0", "neato": "exit 0"}
    for tool, body in stubs.items():
        if tool not in missing:
            (bin_dir / tool).write_text(f"#!/bin/sh\n{body}\n")
            (bin_dir / tool).chmod(0o755)
    return subprocess.run([str(bin_dir / "bash"), str(ROOT / ".ci" / "system-packages"), group],
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path)}, capture_output=True, text=True,
                          timeout=60)


def test_system_packages_stops_with_the_exact_command_when_it_cannot_install(tmp_path):
    result = run_system_packages(tmp_path, "test", missing={"java", "node", "npm", "chromium"})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "missing system packages: chromium default-jre-headless nodejs npm",
        "install them, then run make again:  "
        "sudo sh -c 'apt-get update && apt-get install -y chromium default-jre-headless nodejs npm'"]


def test_system_packages_is_quiet_when_everything_is_there(tmp_path):
    result = run_system_packages(tmp_path, "test", missing=set())
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_make_html_needs_only_the_venv_module(tmp_path):
    """`make html` asks for no browser or Java: those are the tests' needs."""
    result = run_system_packages(tmp_path, "build", missing={"java", "node", "npm", "chromium"})
    assert (result.returncode, result.stderr) == (0, "")


def test_no_test_reads_the_live_report_data():
    """Tests own their fixtures (tests/fixtures/): an editor who adds an article to data/ keeps them green."""
    readers = [path.name for path in (ROOT / "tests").rglob("*.py")
               if re.search(r'ROOT\s*/\s*"data"|ROOT\s*/\s*(DATA|ARTICLE|ACTORS|PLACES)\b|NEEDED = \("data"',
                            path.read_text("utf-8"))]
    assert readers == []
