"""Untrusted data: markup in any field of the YAML renders as inert text on every page it reaches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from tests.browser import browser, serve
from tests.conftest import SAMPLE_DATA
from tests.site import build_site

PAYLOAD = '<script>window.__xss=1</script>" onmouseover="window.__xss=2" <img src=x onerror="window.__xss=3">'
ARTICLE = "cnn-2017-10-26-iraq-kurdish-clashes"


def _edit(path: Path, change) -> None:
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def _poison_report(data):
    data["report"]["title"] += " " + PAYLOAD
    data["report"]["summary"] += " " + PAYLOAD


def _poison_actors(data):
    cnn = data["actors"][0]
    cnn["name"] += " " + PAYLOAD
    cnn["description"] += " " + PAYLOAD
    cnn["aliases"] = [PAYLOAD + " alias"]
    cnn["context"] = [{"note": PAYLOAD, "citation": {"title": PAYLOAD, "url": "https://example.org/?q=%22%3E"}}]


def _poison_places(data):
    data["places"][0]["name"] += " " + PAYLOAD
    data["places"][0]["description"] += " " + PAYLOAD
    data["places"][0]["coordinates"]["source"]["title"] += PAYLOAD


def _poison_article(data):
    source, event = data["source"], data["events"][0]
    source["title"] += " " + PAYLOAD
    source["authors"] = [PAYLOAD]
    source["paragraphs"].append(f"An added paragraph: {PAYLOAD}, it said.")
    event["title"] += " " + PAYLOAD
    event["description"] += " " + PAYLOAD
    event["participants"][0]["role"] = PAYLOAD
    event["date"]["phrase"] += PAYLOAD
    event["context"] = [{"note": PAYLOAD, "citation": {"title": PAYLOAD, "url": "https://example.org/"}}]
    data["quotes"].append({"id": "hostile", "speaker": "cnn", "text": PAYLOAD, "setting": PAYLOAD,
                           "evidence": [f"An added paragraph: {PAYLOAD}"]})
    data["figures"][0]["claim"] += " " + PAYLOAD
    data["figures"][0]["value"]["unit"] += PAYLOAD
    data["relationships"][0]["role"] = PAYLOAD


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The sample report with markup and handlers in every kind of text field."""
    base = tmp_path_factory.mktemp("hostile")
    data = Path(shutil.copytree(SAMPLE_DATA, base / "data"))
    _edit(data / "report.yaml", _poison_report)
    _edit(data / "actors.yaml", _poison_actors)
    _edit(data / "places.yaml", _poison_places)
    _edit(data / "articles" / f"{ARTICLE}.yaml", _poison_article)
    return build_site(data, base)


def test_the_payload_reaches_many_pages(hostile_site):
    """Guards the checks below: the hostile text is shown, as text, all over the site."""
    shown = [p for p in hostile_site.pages() if "window.__xss=1" in BeautifulSoup(p.read_text(), "html.parser").get_text()]
    assert len(shown) == len(hostile_site.pages()), "the report title is on every page"


def test_no_page_has_a_script_an_image_or_an_event_handler(hostile_site):
    for page in hostile_site.pages():
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # The only script is the theme's own file, on article pages; data never adds one.
        scripts = [s.get("src", "inline") for s in document.find_all("script")]
        assert all(src.endswith("/theme/js/report.js") for src in scripts), (page, scripts)
        assert document.find_all(["img", "iframe", "object", "embed", "style"]) == [], page
        for element in document.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (page, element.name, handlers)
            assert not str(element.get("href", "")).lower().startswith("javascript:"), page


def test_structured_metadata_stays_valid_json(hostile_site):
    """The JSON the generator writes for the theme survives hostile text intact."""
    for page in hostile_site.content.rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith(("Infobox: ", "Crumbs: ", "Groups: ", "Blocks: ")):
                json.loads(line.split(": ", 1)[1])


def test_nothing_runs_in_a_real_browser(hostile_site):
    """Every page opened in chromium, every element sent the events handlers wait for: nothing ran."""
    fired = []
    with serve(hostile_site.output) as base, browser() as chromium:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
        for html in hostile_site.pages():
            page.goto(base + "/" + html.relative_to(hostile_site.output).as_posix())
            # Fire the events an inline handler would wait for, on every element of the page.
            page.evaluate("""() => document.querySelectorAll('*').forEach(element => {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load']) {
                    element.dispatchEvent(new Event(type, {bubbles: false, cancelable: true}));
                }
            })""")
            assert page.evaluate("window.__xss") is None, html
    assert fired == []
