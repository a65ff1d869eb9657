"""docs/ARCHITECTURE.md's recipes, followed to the letter in a copy of the project, and the site built.

A new relationship kind, a new actor kind and a new fact kind each reach every stage: the schema
accepts them, validation checks them, and the built site has their pages, index entries and
navigation. Editing only one side of a vocabulary stops the run with a problem, not a traceback.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import copy_project, make

ARTICLE = "data/articles/cnn-2017-10-26-iraq-kurdish-clashes.yaml"
PASSAGE = "A spokesman for the US-led coalition, US Army Col. Ryan Dillon"  # occurs once in the article

ACCUSATION_SCHEMA = {
    "description": "an actor accusing another of something, as the article reports it",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "accuser", "accused", "summary", "evidence"],
    "properties": {
        "id": {"$ref": "common.schema.json#/$defs/id"},
        "accuser": {"$ref": "common.schema.json#/$defs/id", "description": "the id of the actor who accuses"},
        "accused": {"$ref": "common.schema.json#/$defs/id", "description": "the id of the actor accused"},
        "summary": {"$ref": "common.schema.json#/$defs/text", "description": "what the accusation is"},
        "attribution": {"$ref": "#/$defs/attribution"},
        "evidence": {"$ref": "common.schema.json#/$defs/evidence"},
    },
}
ACCUSATION_MODEL = '''

@dataclass
class Accusation:
    """An actor accusing another of something."""

    id: str
    accuser: str
    accused: str
    summary: str
    source: str
    evidence: list[Evidence]
    origin: Origin
    attribution: Attribution | None = None

    @property
    def name(self) -> str:
        """Accusations are named by their summary."""
        return self.summary

    @classmethod
    def from_data(cls, data: dict, origin: Origin, source: str = "") -> Accusation:
        """An accusation of an article."""
        return cls(data["id"], data["accuser"], data["accused"], data["summary"], source,
                   evidence_of(data, source, origin), origin, attribution_of(data))
'''
ACCUSATION_KIND = '''    Kind("accusations", "accusation", "an accusation", Accusation, "article", "accusations",
         (_source(), Ref("accuser", "actors"), Ref("accused", "actors"), _asserted_by()), evidence=True,
         page="record",
         section="Accusations", grouping="in id order", order=by_id, cited_as="Accusations"),
'''


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def add_relationship_kind(project: Path) -> None:
    """Recipe: a value in the schema's enum and in the vocabulary, with its words."""
    schema = project / "generator/schema/article.schema.json"
    edit_json(schema, lambda s: s["$defs"]["relationship"]["properties"]["kind"]["enum"].append("funds"))
    replace_once(project / "generator/vocabulary.py", '    "backed-by": ("Backed by", "Backs"),\n',
                 '    "backed-by": ("Backed by", "Backs"),\n    "funds": ("Funds", "Funded by"),\n')


def add_actor_kind(project: Path) -> None:
    """Recipe: the same two places for an actor kind, its words being the index's group title."""
    schema = project / "generator/schema/actors.schema.json"
    edit_json(schema, lambda s: s["$defs"]["actor"]["properties"]["kind"]["enum"].append("militia"))
    replace_once(project / "generator/vocabulary.py", '"media-outlet": "Media outlets",\n',
                 '"media-outlet": "Media outlets", "militia": "Militias",\n')


def add_fact_kind(project: Path) -> None:
    """Recipe: the article schema, a model class, a registry entry."""
    def schema(s: dict) -> None:
        s["properties"]["accusations"] = {"type": "array", "description": "who accuses whom of what",
                                          "items": {"$ref": "#/$defs/accusation"}}
        s["$defs"]["accusation"] = ACCUSATION_SCHEMA
    edit_json(project / "generator/schema/article.schema.json", schema)
    with (project / "generator/model.py").open("a", encoding="utf-8") as model:
        model.write(ACCUSATION_MODEL)
    kinds = project / "generator/kinds.py"
    replace_once(kinds, "from .model import Actor,", "from .model import Accusation, Actor,")
    replace_once(kinds, "\n)\nBY_FOLDER", "\n" + ACCUSATION_KIND + ")\nBY_FOLDER")


def add_data(project: Path) -> None:
    """Data using all three: a militia, a 'funds' relationship, and an accusation."""
    with (project / "data/actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write("\n  - id: test-militia\n    name: Test Militia\n    kind: militia\n"
                     "    description: A militia added by the recipe test.\n")
    with (project / ARTICLE).open("a", encoding="utf-8") as article:
        article.write(f"\n  - subject: test-militia\n    kind: funds\n    object: isis\n"
                      f"    attribution: {{own: true}}\n    evidence:\n      - {PASSAGE}\n")
        article.write(f"\naccusations:\n  - id: dillon-accuses-isis\n    accuser: ryan-dillon\n"
                      f"    accused: isis\n    summary: Dillon blames ISIS\n"
                      f"    attribution: {{by: ryan-dillon, verb: says}}\n    evidence:\n      - {PASSAGE}\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the three recipes followed and data using them, built with make html."""
    project = copy_project(tmp_path_factory.mktemp("recipe") / "project")
    for step in (add_relationship_kind, add_actor_kind, add_fact_kind, add_data):
        step(project)
    built = make(project, "html")
    assert built.returncode == 0, built.stdout + built.stderr
    return project


def page(project: Path, path: str) -> str:
    return (project / "output" / path).read_text("utf-8")


def test_a_new_relationship_kind_reads_from_both_ends(project):
    militia = page(project, "actors/test-militia/index.html")
    assert "Funds" in militia and 'href="/actors/isis/"' in militia
    assert "Funded by" in page(project, "actors/isis/index.html")
    assert "funds" in page(project, "sources/cnn-2017-10-26-iraq-kurdish-clashes/index.html")


def test_a_new_actor_kind_has_its_group_on_the_index(project):
    index = page(project, "actors/index.html")
    assert "Militias" in index
    group = index.split("Militias", 1)[1]
    assert 'href="/actors/test-militia/"' in group
    assert "20 actors" in index  # every actor listed: none vanished into a kind without a group


def test_a_new_fact_kind_has_pages_an_index_navigation_and_backlinks(project):
    record = page(project, "accusations/dillon-accuses-isis/index.html")
    assert "Dillon blames ISIS" in record
    assert 'href="/actors/ryan-dillon/"' in record and 'href="/actors/isis/"' in record
    assert "/sources/cnn-2017-10-26-iraq-kurdish-clashes/#ev-" in record  # its evidence, located
    described = json.loads(record.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert described["@type"] == "Claim" and described["appearance"][0]["@type"] == "NewsArticle"  # its JSON-LD
    index = page(project, "accusations/index.html")
    assert 'href="/accusations/dillon-accuses-isis/"' in index and "1 accusation" in index
    for path in ("index.html", "actors/isis/index.html", "accusations/index.html"):
        assert 'href="/accusations/"' in page(project, path), path  # the navigation, on every page
    for actor in ("ryan-dillon", "isis"):
        assert 'href="/accusations/dillon-accuses-isis/"' in page(project, f"actors/{actor}/index.html")


def test_a_new_fact_kind_is_validated_like_every_other(project, tmp_path):
    copy = Path(shutil.copytree(project, tmp_path / "copy", symlinks=True))
    replace_once(copy / ARTICLE, "accused: isis", "accused: isys")
    replace_once(copy / ARTICLE, "verb: says}\n    evidence:\n      - A spokesman",
                 "verb: says}\n    evidence:\n      - A spokesperson")
    run = subprocess.run([sys.executable, "-m", "generator", "--data", "data", "validate"], cwd=copy,
                         capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "accusations[0].accused: expected the id of an actor, found 'isys' (did you mean 'isis'?)" in run.stderr
    assert "accusations[0].evidence[0]: expected a passage of source" in run.stderr


@pytest.mark.parametrize("half", ["schema", "vocabulary"])
def test_a_value_on_one_side_only_stops_validation_with_a_problem(tmp_path, half):
    project = copy_project(tmp_path / "project")
    if half == "schema":
        edit_json(project / "generator/schema/article.schema.json",
                  lambda s: s["$defs"]["relationship"]["properties"]["kind"]["enum"].append("funds"))
        expected = "'funds', which is allowed by the schema (add 'funds' to relationship kinds"
    else:
        replace_once(project / "generator/vocabulary.py", '    "backed-by": ("Backed by", "Backs"),\n',
                     '    "backed-by": ("Backed by", "Backs"),\n    "funds": ("Funds", "Funded by"),\n')
        expected = "'funds', which is not allowed by the schema (add 'funds' to the schema"
    run = subprocess.run([sys.executable, "-m", "generator", "--data", "data", "validate"], cwd=project,
                         capture_output=True, text=True)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert "generator/schema/article.schema.json:" in run.stderr and expected in run.stderr
