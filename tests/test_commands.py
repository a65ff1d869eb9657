"""The Makefile's and the generator's long-running commands: publish, clean, watch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent


def test_publish_settings_load_the_base_settings_and_set_the_site_url(tmp_path):
    """publishconf.py runs pelican.conf.py by path and makes every link absolute under SITEURL."""
    from generator import pipeline

    pipeline.build(SAMPLE_DATA, tmp_path / "content")
    siteurl = "https://editor.github.io/iraq-report"
    result = subprocess.run([sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o", str(tmp_path / "out"),
                             "-s", str(ROOT / "publishconf.py"), "--fatal", "warnings"], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "SITEURL": siteurl + "/"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            assert url.startswith((siteurl + "/", "#", "https://")), (page, url)


def test_clean_refuses_a_folder_outside_the_project(tmp_path):
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "file").write_text("mine")
    result = subprocess.run(["make", "--no-print-directory", "clean", f"OUTPUT={keep}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "refusing to remove" in result.stdout
    assert (keep / "file").read_text() == "mine"


def test_watch_rebuilds_when_the_data_changes_and_survives_a_bad_edit(tmp_path):
    data = Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))
    content = tmp_path / "content"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    watcher = subprocess.Popen([sys.executable, "-m", "generator", "--data", str(data), "watch", "--content",
                                str(content)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        page = content / "actors" / "cnn.md"
        _wait_for(lambda: page.exists())
        actors = data / "actors.yaml"
        actors.write_text(actors.read_text().replace("kind: media-outlet", "kind: media-outlets", 1))
        time.sleep(1.5)
        actors.write_text(actors.read_text().replace("The news outlet that", "The outlet, edited, that", 1)
                          .replace("kind: media-outlets", "kind: media-outlet", 1))
        _wait_for(lambda: "The outlet, edited, that" in page.read_text())
    finally:
        watcher.terminate()
        _, errors = watcher.communicate(timeout=20)
    assert "expected one of person" in errors, "the bad edit was reported"


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
