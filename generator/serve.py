"""The preview server: serves whatever output/ holds at each request, so a swapped-in site is live at once.

The handler is given output/'s path, not an open directory: a new build renames a new folder into
that path, and the next request reads from it (Python's handler, like Pelican's, joins the path
per request; a server that chdir'ed into output/ would keep serving the deleted previous site).
"""

from __future__ import annotations

import errno
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .build_error import BuildError


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from output/, the site's own 404 page for a missing address, and quiet logs."""

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's 404.html, as GitHub Pages serves it."""
        page = Path(self.directory, "404.html")
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_request(self, code="-", size="-"):
        """Only failed requests are logged, so that build reports stay readable in the terminal."""
        if isinstance(code, int) and code >= 400:
            super().log_request(code, size)


def open_server(output: Path, host: str, port: int) -> ThreadingHTTPServer:
    """Bind the preview server for output/ at host:port, or a BuildError saying why it cannot."""
    handler = partial(SiteHandler, directory=str(output.resolve()))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        hint = f" (another server is using it; choose another port, e.g. PORT={port + 1})" \
            if err.errno == errno.EADDRINUSE else ""
        raise BuildError(f"cannot serve on http://{host}:{port}/: {err.strerror or err}{hint}") from None


def serve_in_background(server: ThreadingHTTPServer) -> threading.Thread:
    """Serve in a daemon thread, so that the watcher can rebuild in the main one."""
    thread = threading.Thread(target=server.serve_forever, name="preview-server", daemon=True)
    thread.start()
    return thread


def address(server: ThreadingHTTPServer) -> str:
    """The URL the server answers on."""
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"
