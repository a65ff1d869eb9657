"""The site's search index: Pagefind, run on the finished staging site, writes pagefind/ into it.

A post-build step of the staged build (build.py): it runs after Pelican and before the swap, on the whole
site every time (the index is never copied from the last build, so it cannot be stale), and a failure
stops the build with the old site left in place. What is indexed is what the templates mark with
data-pagefind-body (a record page's article; never navigation or the indexes), with the filters and
weights the templates write (theme/templates/partial/search_fields.html).

Byte-deterministic, though Pagefind (1.5.2) is not: it writes the values of each filter (filter/*.pf_filter)
and the list of filters (in pagefind.<lang>_<hash>.pf_meta) in the order of a Rust HashMap, seeded at random
in each run, so those files, the meta's name and pagefind-entry.json (which names it) would differ between
two builds of the same site, in order only. search_canonical.py rewrites them in name order under the names
Pagefind gives those bytes; every other file (fragments, word index, scripts) Pagefind writes the same each
time. Two builds of the same site give byte-identical bundles (tests/test_search.py checks it).
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

from .build_error import BuildError
from .search_canonical import canonicalise

BUNDLE = "pagefind"  # the folder of the index in the site, and so its URL: <SITEURL>/pagefind/pagefind.js
# Far above what a large site needs (8 s of processor time for 1,300 pages, measured): a Pagefind that
# hangs stops the build with a message instead of holding it for ever.
TIMEOUT = 600.0
# Pagefind's ready-made interfaces, which the site does not use (theme/static/js/search.js calls its API):
# 400 kB and seven files fewer to publish.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def index_site(site: Path) -> int:
    """Index the built site into site/pagefind/; returns how many pages it holds (fragments)."""
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    _run(site)
    # Pagefind writes its filters in a random order (see the docstring); put in order, the same site gives
    # the same index bytes. A bundle that cannot be read or put in order is a broken one: never swapped in.
    problem = canonicalise(site / BUNDLE) or bundle_problem(site / BUNDLE)
    if problem is not None:
        raise BuildError(f"the search index was not built whole ({problem}): Pagefind failed")
    indexed = len(list((site / BUNDLE / "fragment").glob("*.pf_fragment")))
    if indexed == 0:
        raise BuildError("the search index is empty: Pagefind found no page of the site to index")
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    return indexed


def _run(site: Path) -> None:
    """Pagefind's own binary (the pinned pagefind-bin, found as its Python package finds it) over the site.

    A process of its own, with an exit status, rather than the package's service client: that client reads
    its answers from the service's stdout, with stderr merged into it, and waits for ever once the service
    dies or writes a line of its own (a build was seen held for the whole timeout). The index is the same.
    """
    from pagefind.service import get_executable  # imported here: only a site build needs it

    binary = get_executable()
    if binary is None:
        raise BuildError("the search index was not built: no Pagefind binary (pip install -r requirements.txt)")
    # The language of each page is its <html lang> (the report's DEFAULT_LANG): Pagefind stems by it.
    command = [str(binary), "--site", str(site.resolve()), "--output-path", str((site / BUNDLE).resolve())]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=site)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise BuildError(f"the search index was not built: Pagefind could not run ({err})") from None
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip() or f"exit status {result.returncode}").splitlines()
        raise BuildError(f"the search index was not built: Pagefind said {said[-1]}")


def bundle_problem(bundle: Path) -> str | None:
    """What is wrong with a written index, or None: an entry file that is not JSON, an empty script, a file
    that does not unpack (Pagefind's exit status alone is not trusted with what is published)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        metas = [bundle / f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        return f"pagefind-entry.json: {type(err).__name__}"
    for path in [bundle / "pagefind.js", *metas, *sorted(bundle.glob("*/*.pf_*"))]:
        try:
            if path.suffix.startswith(".pf_"):
                gzip.decompress(path.read_bytes())
            elif path.stat().st_size == 0:
                return f"{path.name} is empty"
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            return f"{path.relative_to(bundle)}: {type(err).__name__}"
    return None
