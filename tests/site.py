"""Build a whole site as `make html` does: the generator, Pelican with --fatal warnings, the search index.

Pelican runs as the build runs it (generator.pelican_run): warnings are fatal, and every warning or
failure is one line starting 'pelican:' on stderr, naming the template and line for a theme error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator import pipeline, search_index

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Site:
    """A built site: its content/ and output/ folders and Pelican's log."""

    content: Path
    output: Path
    log: str

    def pages(self) -> list[Path]:
        """Every HTML page of the site."""
        return sorted(self.output.rglob("*.html"))


def pelican(content: Path, output: Path, siteurl: str = "", data: Path = ROOT / "tests" / "fixtures" / "cnn-report",
            settings: str = "pelican.conf.py", **env_extra: str) -> subprocess.CompletedProcess:
    """Run Pelican on content/ into output/ with the project's settings, for the report in data/."""
    env = {**os.environ, "SITEURL": siteurl, "REPORT_DATA": str(data), **env_extra}
    command = [sys.executable, "-m", "generator.pelican_run", "--settings", str(ROOT / settings),
               "--parent", str(os.getpid()), str(content), str(output)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def build_site(data: Path, base: Path, siteurl: str = "", settings: str = "pelican.conf.py", **env: str) -> Site:
    """Generate content/ from data/ and build output/, both under base; fails loudly on any warning."""
    pipeline.build(data, base / "content")
    result = pelican(base / "content", base / "output", siteurl, data, settings, **env)
    log = result.stdout + result.stderr
    # pelican_run says nothing unless something went wrong: any line of its own is a warning or a failure.
    if result.returncode != 0 or "pelican:" in log:
        raise AssertionError(f"Pelican failed or warned:\n{log}")
    search_index.index_site(base / "output")  # the build's post-build step: the site as make html leaves it
    return Site(base / "content", base / "output", log)


def publish_site(data: Path, base: Path, siteurl: str) -> Site:
    """Build as `make publish` does (publishconf.py: absolute links under siteurl, feeds, sitemap), without CNAME."""
    return build_site(data, base, siteurl, "publishconf.py", CUSTOM_DOMAIN="")
