"""The network of actors (render/network.py, render/network_draw.py, generator/graph_layout.py): drawn from the
relationships with Graphviz for layout only, each kind in a style of its own, the same facts in HTML, bounded,
byte-identical across builds, hostile names inert, and a Graphviz failure one clear build error."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import cache, graph_layout, page_meta, pipeline
from generator.build_error import BuildError
from generator.render import network
from generator.render.network_draw import STYLES, directed, legend
from generator.vocabulary import ACTOR_RELATIONS
from tests import factory
from tests.conftest import REGION_DATA, SAMPLE_DATA
from tests.site import build_site

CLASH = "Iraqi Security Forces — clashes with — Peshmerga (1 article)"


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch) -> Path:
    """A build cache of this test's own, empty: Graphviz runs for every graph."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def field_of(markdown: str, name: str = page_meta.NETWORK):
    """A layout field of a generated page, read back from its metadata line."""
    found = re.search(rf"^{name}: (.*)$", markdown, re.M)
    return json.loads(found.group(1))


def _svg(html: Path) -> str:
    return str(BeautifulSoup(html.read_text("utf-8"), "html.parser").select_one("svg.network__svg"))


def _centre(node: dict) -> tuple[float, float]:
    return node["x"] + node["w"] / 2, node["y"] + node["h"] / 2


def _touches(node: dict, x: float, y: float) -> bool:
    """Whether (x, y) lies on (or within a rounding of) the node's box."""
    return node["x"] - 0.2 <= x <= node["x"] + node["w"] + 0.2 and node["y"] - 0.2 <= y <= node["y"] + node["h"] + 0.2


def test_the_clash_of_the_iraqi_security_forces_and_the_peshmerga_is_drawn_between_them_in_the_clash_style(fresh_cache):
    drawn = field_of(network.render_network(pipeline.graph(SAMPLE_DATA)))
    nodes = {node["name"]: node for node in drawn["nodes"]}
    lines = [line for line in drawn["lines"] if line["title"] == CLASH]
    assert len(lines) == 1, [line["title"] for line in drawn["lines"]]
    line, style = lines[0], drawn["legend"][lines[0]["s"]]
    assert style["kind"] == "clashes-with" and style["dash"] == STYLES["clashes-with"].dash == ""
    assert "arrow" not in line  # a clash reads the same from both ends
    isf, peshmerga = nodes["Iraqi Security Forces"], nodes["Peshmerga"]
    assert _touches(isf, line["x1"], line["y1"]) and _touches(peshmerga, line["x2"], line["y2"])


def test_every_kind_of_the_vocabulary_has_a_style_of_its_own_in_the_legend():
    assert set(STYLES) == set(ACTOR_RELATIONS), "a relationship kind without a line style (render/network_draw.py)"
    looks = {(s.dash, s.double, directed(kind)) for kind, s in STYLES.items()}
    assert len(looks) == len(STYLES), "two kinds drawn alike"
    shown = legend(list(ACTOR_RELATIONS))
    assert [entry["kind"] for entry in shown] == list(ACTOR_RELATIONS)
    assert all(entry["text"] == ACTOR_RELATIONS[entry["kind"]][0] for entry in shown)


def test_a_directed_kind_ends_in_an_arrowhead_at_its_object(fresh_cache):
    drawn = field_of(network.render_network(pipeline.graph(SAMPLE_DATA)))
    led = [line for line in drawn["lines"] if line["title"].startswith("Haider al-Abadi — leads — ")]
    assert led and "arrow" in led[0]
    tip = led[0]["arrow"].split()[1]
    assert tip == f"{led[0]['x2']},{led[0]['y2']}"


def test_the_html_list_carries_every_fact_the_drawing_shows(site):
    page = BeautifulSoup((site.output / "network" / "index.html").read_text("utf-8"), "html.parser")
    drawn = [title.get_text() for title in page.select("svg.network__svg .network__line > title")]
    listed = [li.get_text(" ", strip=True) for li in page.select("article li")]
    assert CLASH in drawn
    assert len(drawn) == len([t for t in listed if " — " in t])
    for fact in drawn:
        words = re.sub(r"\s+", " ", fact)
        assert any(item.startswith(words) for item in listed), fact
    heading = page.find(id="clashes-with")
    assert heading is not None and heading.get_text(strip=True) == "Clashes with"


def test_every_actor_page_has_its_one_hop_network_or_nothing(site):
    isf = BeautifulSoup((site.output / "actors" / "iraqi-security-forces" / "index.html").read_text("utf-8"),
                        "html.parser")
    names = {a.find("title").get_text() for a in isf.select("svg.network__svg a")}
    assert {"Iraqi Security Forces (armed force)", "Peshmerga (armed force)"} <= names
    assert CLASH in {t.get_text() for t in isf.select(".network__line > title")}
    assert len(isf.select("svg.network__svg")) == 1
    for page in (site.content / "actors").glob("*.md"):
        assert f"\n{page_meta.NETWORK}: " in page.read_text("utf-8"), page.name


def test_the_drawings_are_byte_identical_across_two_builds(site, tmp_path, fresh_cache):
    again = build_site(SAMPLE_DATA, tmp_path / "again")  # an empty cache: Graphviz lays every graph out again
    for page in ("network/index.html", "actors/iraqi-security-forces/index.html", "actors/isis/index.html"):
        assert _svg(again.output / page) == _svg(site.output / page), page


def test_every_graph_of_a_report_is_laid_out_in_one_graphviz_run_then_kept_in_the_cache(fresh_cache, monkeypatch):
    runs = []
    real = subprocess.run

    def counted(command, *args, **kwargs):
        if "-V" not in command:  # a layout run, not the version asked once for the cache key
            runs.append(command[0])
        return real(command, *args, **kwargs)

    monkeypatch.setattr(graph_layout.subprocess, "run", counted)
    first = pipeline.graph(SAMPLE_DATA)
    network.prepare(first)
    assert len(runs) == 1 and len(network.prepare(first).of_actor) > 5
    network.prepare(pipeline.graph(SAMPLE_DATA))  # a rebuild: every layout from the cache
    assert len(runs) == 1


def test_a_layout_kept_by_another_graphviz_is_laid_out_again(fresh_cache, monkeypatch):
    sketch = graph_layout.Sketch(((40.0, 20.0), (60.0, 20.0)), ((0, 1),))
    first = graph_layout.lay_out([sketch])
    monkeypatch.setattr(graph_layout, "graphviz_version", lambda: "neato - graphviz version 99 (0)")
    monkeypatch.setattr(graph_layout, "_run", lambda text, sketches: [[(1.0, 2.0), (3.0, 4.0)]])
    assert graph_layout.lay_out([sketch]) == [[(1.0, 2.0), (3.0, 4.0)]] != [first[0]]


HOSTILE = ["<script>alert(1)</script>", "\"Quoted\" & 'single' <b>", "القوات المسلحة"]


def _hostile_data(tmp_path: Path) -> Path:
    actors = [{"id": f"a{i}", "name": name, "kind": "armed-force", "description": "A force."}
              for i, name in enumerate(HOSTILE)]
    actors.append({"id": "daily", "name": "The Daily", "kind": "media-outlet", "description": "The outlet."})
    paragraphs = ["The first force fought the second. The third backed the first."]
    return factory.write(tmp_path, actors=actors, paragraphs=paragraphs, relationships=[
        factory.relationship("a0", "clashes-with", "a1", "The first force fought the second"),
        factory.relationship("a0", "backed-by", "a2", "The third backed the first")])


def test_hostile_actor_names_reach_the_drawing_escaped(tmp_path, fresh_cache):
    built = build_site(_hostile_data(tmp_path), tmp_path / "site")
    for page in ("network/index.html", "actors/a0/index.html"):
        html = (built.output / page).read_text("utf-8")
        svg = html[html.index('<svg class="network__svg"'):html.index("</svg>", html.index('<svg class="network__svg"'))]
        assert "<script>" not in svg and "<b>" not in svg
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
        assert "&#34;Quoted&#34; &amp; &#39;single&#39; &lt;b&gt;" in svg
        assert "\u2068القوات المسلحة\u2069" in svg  # right-to-left text in isolates: it cannot reorder its neighbours
        soup = BeautifulSoup(svg, "html.parser")
        assert {t.get_text() for t in soup.select("a > title")} >= {f"{HOSTILE[0]} (armed force)"}


def _crowd(tmp_path: Path, count: int) -> Path:
    """A report of count actors, each related to the hub and to the next: a crowded network."""
    actors = [{"id": "hub", "name": "Hub", "kind": "armed-force", "description": "The hub."},
              {"id": "daily", "name": "The Daily", "kind": "media-outlet", "description": "The outlet."}]
    actors += [{"id": f"n{i:03}", "name": f"Force {i:03}", "kind": "armed-force", "description": "A force."}
               for i in range(count)]
    relationships = [factory.relationship(f"n{i:03}", "opposes", "hub", "forces opposed the hub") for i in range(count)]
    relationships += [factory.relationship(f"n{i:03}", "allied-with", f"n{i + 1:03}", "forces opposed the hub")
                      for i in range(count - 1)]
    return factory.write(tmp_path, actors=actors, paragraphs=["Many forces opposed the hub."],
                         relationships=relationships)


def test_a_crowded_network_draws_only_the_most_connected_and_says_so(tmp_path, fresh_cache, monkeypatch):
    monkeypatch.setattr(network, "FULL_CAP", 12)
    monkeypatch.setattr(network, "NEIGHBOURS_CAP", 6)
    linked = pipeline.graph(_crowd(tmp_path, 40))
    page = network.render_network(linked)
    drawn = field_of(page)
    assert len(drawn["nodes"]) == 12 and drawn["nodes"][0]["name"] == "Hub"
    assert "The 12 most connected of the 41 related actors" in drawn["title"]
    assert page.count("\n- ") == len(drawn["lines"])
    hub = json.loads(network.actor_network(linked, "hub"))
    assert len(hub["nodes"]) == 7 and hub["nodes"][0]["centre"]
    assert "the 6 most connected of the 40 actors it is related to" in hub["title"]
    assert json.loads(network.actor_network(linked, "daily")) is None  # no relationship: nothing drawn


def _fake_graphviz(tmp_path: Path, script: str) -> str:
    program = tmp_path / "fake-neato"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    return str(program)


@pytest.mark.parametrize("neato, said", [
    ("no-such-neato-program", "no Graphviz `no-such-neato-program` program"),
    ("exit", "failed (exit status 3: Error: out of memory)"),
    ("garbage", "wrote a layout this build cannot read"),
])
def test_a_graphviz_failure_is_one_clear_build_error_and_nothing_is_written(tmp_path, fresh_cache, monkeypatch,
                                                                            neato, said):
    scripts = {"exit": "echo 'Error: out of memory' >&2; exit 3", "garbage": "echo 'graph x'; echo stop"}
    program = _fake_graphviz(tmp_path, scripts[neato]) if neato in scripts else neato
    monkeypatch.setattr(graph_layout, "NEATO", program)
    content = tmp_path / "content"
    with pytest.raises(BuildError) as caught:
        pipeline.build(SAMPLE_DATA, content)
    assert "the network could not be laid out" in str(caught.value) and said.replace("`no-such-neato-program`",
                                                                                       f"`{program}`") in str(caught.value)
    assert "\n" not in str(caught.value) and not content.exists()


def test_the_other_region_report_draws_its_own_network(fresh_cache):
    linked = pipeline.graph(REGION_DATA)
    drawn = field_of(network.render_network(linked))
    names = {node["name"] for node in drawn["nodes"]}
    actors = {actor.name for actor in linked.dataset.actors.values()}
    assert names <= actors and len(names) >= 4
    assert not names & {"Iraqi Security Forces", "Peshmerga", "ISIS"}
    kinds = {entry["kind"] for entry in drawn["legend"]}
    assert {"clashes-with", "opposes"} <= kinds
    assert len(drawn["lines"]) == len(linked.dataset.relationships)


def test_two_relationships_of_one_pair_are_drawn_side_by_side(tmp_path, fresh_cache):
    data = factory.write(tmp_path, paragraphs=["The Red Army fought Alice Smith. Alice Smith opposed the Red Army."],
                         relationships=[
                             factory.relationship("red-army", "clashes-with", "alice-smith", "The Red Army fought Alice Smith"),
                             factory.relationship("alice-smith", "opposes", "red-army", "Alice Smith opposed the Red Army")])
    lines = field_of(network.render_network(pipeline.graph(data)))["lines"]
    assert len(lines) == 2
    first, second = ((line["x1"] + line["x2"]) / 2 for line in lines), ((line["y1"] + line["y2"]) / 2 for line in lines)
    middles = list(zip(first, second))
    assert middles[0] != middles[1]  # apart, not one on the other
    assert {line["s"] for line in lines} == {0, 1}  # each in its own kind's style


def test_make_html_asks_for_graphviz_when_neato_is_missing(tmp_path):
    from tests.test_repository import run_system_packages

    result = run_system_packages(tmp_path, "build", missing={"neato"})
    assert result.returncode == 1 and "missing system packages: graphviz" in result.stderr
