"""Registries stay honest: every page kind has its renderer, template and schema; data files name their schema."""

from __future__ import annotations

import json
import runpy
from dataclasses import fields
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from ruamel.yaml import YAML

from generator import kinds, page_meta, pipeline, schema_check, vocabulary
from generator.problems import DataError
from generator.render import pages, views
from tests.conftest import SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "generator" / "schema"


def schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text()) for p in SCHEMAS.glob("*.schema.json")}


def resolve(file: str, node: dict) -> dict:
    """Follow a node's $ref, within its file or into another schema file, until a node without one."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = schemas()[file]
        for part in pointer.strip("/").split("/"):
            node = node[part]
    return node


def record_schema(kind: kinds.Kind) -> dict:
    """The JSON Schema of one record of a kind, as the data files write it."""
    file = "article.schema.json" if kind.file == "article" else f"{kind.file}.schema.json"
    node = schemas()[file]["properties"][kind.key]
    return resolve(file, resolve(file, node).get("items", node))


def data_files() -> list[Path]:
    return [SAMPLE_DATA / "report.yaml", SAMPLE_DATA / "actors.yaml", SAMPLE_DATA / "places.yaml",
            *sorted((SAMPLE_DATA / "articles").glob("*.yaml"))]


@pytest.mark.parametrize("kind", kinds.paged(), ids=lambda k: k.folder)
def test_every_kind_with_pages_has_its_render_module_and_template(kind):
    module = pages.module(kind)
    assert callable(module.render_page) and callable(module.index_groups)
    assert (ROOT / "theme" / "templates" / f"{kind.page}.html").is_file(), kind.page
    assert kind.section and kind.grouping, kind.folder


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.folder)
def test_every_kind_matches_its_model_and_its_schema(kind):
    """Each reference names a field of the model and of the schema, and a kind that exists."""
    model_fields = {f.name for f in fields(kind.model)}
    properties = record_schema(kind)["properties"]
    for ref in kind.references:
        assert ref.target in kinds.BY_FOLDER, (kind.folder, ref)
        assert ref.field in model_fields, (kind.folder, ref.field)
        if ref.checked:
            assert ref.field in properties, f"{kind.folder}.{ref.field} is not in the schema"
    assert ("evidence" in properties) == kind.evidence, kind.folder
    assert ("id" in properties) == kind.keyed, kind.folder


def test_every_list_of_an_article_is_a_kind_of_the_registry():
    """A fact kind added to the article schema without a registry entry would be silently dropped."""
    article = schemas()["article.schema.json"]["properties"]
    assert set(article) == {k.key for k in kinds.KINDS if k.file == "article"}


def test_pelican_serves_every_folder_the_registry_writes(monkeypatch):
    monkeypatch.setenv("REPORT_DATA", str(SAMPLE_DATA))
    settings = runpy.run_path(str(ROOT / "pelican.conf.py"))  # the settings as Pelican reads them: a module
    assert settings["PAGE_PATHS"] == [*(k.folder for k in kinds.paged()), "indexes", "pages"]
    assert [folder for folder, _ in settings["REPORT_SECTIONS"]] == [k.folder for k in kinds.paged()]
    assert settings["REPORT_VIEWS"] == tuple((v.folder, v.title) for v in views.VIEWS if v.in_nav)


def test_every_view_has_a_page_at_its_folder():
    pages = views.view_pages(pipeline.graph(SAMPLE_DATA))
    assert sorted(pages) == sorted(f"indexes/{v.folder}.md" for v in views.VIEWS)
    for view in views.VIEWS:
        assert f"url: {view.folder}/" in pages[f"indexes/{view.folder}.md"].lower()


def test_the_vocabularies_and_the_schemas_agree():
    assert vocabulary.disagreements(schemas(), {p.name: p.read_text() for p in SCHEMAS.glob("*.json")}) == []


def test_a_value_added_to_the_schema_alone_stops_every_run_with_a_problem(monkeypatch):
    """'militia' in the schema and not in vocabulary.py: no actor vanishes from its index, the run stops."""
    texts = {p.name: p.read_text() for p in SCHEMAS.glob("*.json")}
    texts["actors.schema.json"] = texts["actors.schema.json"].replace('"group"]', '"group", "militia"]')
    line = next(n for n, text in enumerate(texts["actors.schema.json"].splitlines(), 1) if "militia" in text)
    found = vocabulary.disagreements({k: json.loads(v) for k, v in texts.items()}, texts)
    assert [str(p) for p in found] == [
        f"generator/schema/actors.schema.json:{line}: "
        "/$defs/actor/properties/kind: expected the values of actor kinds in generator/vocabulary.py, "
        "found 'militia', which is allowed by the schema (add 'militia' to actor kinds in "
        "generator/vocabulary.py, with its words)"]
    monkeypatch.setattr(vocabulary, "VOCABULARIES", (*vocabulary.VOCABULARIES[:-1],
                                                     vocabulary.Vocabulary("x", "common.schema.json",
                                                                           "/$defs/identifiers/properties",
                                                                           {"wikidata": 1}, keys=True)))
    schema_check._registry.cache_clear()
    try:
        with pytest.raises(DataError) as caught:
            schema_check._registry()
        assert "'geonames', which is allowed by the schema" in str(caught.value.problems[0])
    finally:
        schema_check._registry.cache_clear()


def test_page_metadata_names_are_the_ones_render_writes():
    from generator.render import render
    from generator import pipeline
    written = set()
    for text in render(pipeline.graph(SAMPLE_DATA)).values():
        head = text.split("\n\n", 1)[0]
        written |= {line.split(":", 1)[0] for line in head.splitlines()}
    names = set(page_meta.COMMON) | set(page_meta.LAYOUT) | {page_meta.GENERATED, page_meta.DATA}
    assert written == names


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
