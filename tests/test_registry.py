"""Registries stay honest: every page kind has its renderer, template and schema; data files name their schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from ruamel.yaml import YAML

from generator.render import RENDERERS
from tests.conftest import SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "generator" / "schema"
TEMPLATES = {"actors": "actor", "places": "place", "events": "event", "sources": "source"}


def data_files() -> list[Path]:
    return [SAMPLE_DATA / "actors.yaml", SAMPLE_DATA / "places.yaml", *sorted((SAMPLE_DATA / "articles").glob("*.yaml"))]


def test_every_page_kind_has_a_renderer_and_a_theme_template():
    assert set(RENDERERS) == set(TEMPLATES)
    for template in TEMPLATES.values():
        assert (ROOT / "theme" / "templates" / f"{template}.html").is_file(), template


def test_every_page_kind_is_served_by_pelican():
    conf = (ROOT / "pelican.conf.py").read_text()
    for folder in RENDERERS:
        assert f'"{folder}"' in conf, f"{folder} missing from PAGE_PATHS"


@pytest.mark.parametrize("path", [p.name for p in SCHEMAS.glob("*.schema.json")])
def test_schemas_are_valid_json_schema(path):
    Draft202012Validator.check_schema(json.loads((SCHEMAS / path).read_text()))


def test_every_schema_field_has_a_description_or_a_reference():
    """Editors see these descriptions as hover help in their editor."""
    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub or "$ref" in sub, f"{where}.{name}"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)
    for path in SCHEMAS.glob("*.schema.json"):
        walk(json.loads(path.read_text()), path.name)


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.name)
def test_data_files_name_their_schema_and_pass_it_as_an_editor_would_see(path):
    """The first line points the YAML language server at the schema; the file validates against it."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema_path.parent == SCHEMAS
    # Resolve $refs beside the schema file, as an editor's language server does.
    resources = [(p.name, Resource.from_contents(json.loads(p.read_text()))) for p in SCHEMAS.glob("*.json")]
    schema = {**json.loads(schema_path.read_text()), "$id": schema_path.name}
    validator = Draft202012Validator(schema, registry=Registry().with_resources(resources))
    data = json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str))
    assert list(validator.iter_errors(data)) == []
