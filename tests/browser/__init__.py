"""Drive Debian's chromium with Playwright against output/ served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from tests import tools

# Without these, chromium tries to reach Google's services, which this network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def end_headers(self) -> None:
        # LinkChecker sends more than 10 requests a second only to servers that say they allow it.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve folder over HTTP on 127.0.0.1 at a free port; yields the base URL (with the prefix path)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """A headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=tools.chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


# axe-core's WCAG 2.1 A and AA rules, colour contrast included, and its best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_result(page) -> dict:
    """axe-core run on the page as it is now; the page's context must bypass the CSP (bypass_csp=True):
    axe goes in as an inline script, which the site's Content-Security-Policy rightly refuses."""
    page.add_script_tag(path=str(tools.npm_tool("axe-core/axe.min.js")))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert len(result["passes"]) > 20, "axe ran its rules"
    return result


def axe_problems(page) -> list[str]:
    """Each violation axe finds on the page, in one line: its rule, how many elements, the first of them."""
    return violations(axe_result(page))


def violations(result: dict) -> list[str]:
    """The violations of an axe result, one line each."""
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})"
            for v in result["violations"]]
