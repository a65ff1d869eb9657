"""Stage 2a, validate the shape: check each document against its JSON Schema."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources

import re

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from . import cache as build_cache, ids, urls, vocabulary
from .load import Document
from .problems import DataError, Problem, show

SCHEMAS = ("common", "report", "actors", "places", "article")


@cache
def _registry() -> Registry:
    texts = {f"{name}.schema.json": resources.files("generator.schema").joinpath(f"{name}.schema.json")
             .read_text("utf-8") for name in SCHEMAS}
    schemas = {file: json.loads(text) for file, text in texts.items()}
    # A value the schema allows but no page knows how to show would vanish or crash a later stage.
    mismatch = vocabulary.disagreements(schemas, texts)
    if mismatch:
        raise DataError(mismatch)
    return Registry().with_resources([(file, Resource.from_contents(s)) for file, s in schemas.items()])


def _pattern_to_the_end(validator, pattern: str, instance, schema):
    """JSON Schema's pattern, except that a final "$" really means the end of the text.

    jsonschema runs patterns with Python's re.search, where "$" also matches before a
    final newline, so "cnn\n" would pass as an id and become a file name with a newline.
    """
    if not validator.is_type(instance, "string"):
        return
    strict = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    if not re.search(strict, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern_to_the_end})
# The one format the schemas assert: a web address, checked by a real URL parser (generator/urls.py).
_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("web-address", raises=ValueError)
def _web_address(instance) -> bool:
    fault = urls.fault(instance) if isinstance(instance, str) else None
    if fault is not None:
        raise ValueError(fault)
    return True


@cache
def _validator(kind: str) -> Draft202012Validator:
    # The schemas are inlined once: resolving each "$ref" while validating was half of the time
    # of a check (the schemas are not recursive, so every reference can be replaced by its target).
    schema = _inlined(f"{kind}.schema.json", _registry()[f"{kind}.schema.json"].contents)
    return _Validator(schema, format_checker=_FORMATS)


_ANNOTATIONS = frozenset({"description", "title", "default", "examples", "$comment"})


def _inlined(file: str, node, depth: int = 0):
    """node with each "$ref" replaced by what it points to (in file, or in the schema file it names)."""
    if depth > 64:
        raise ValueError(f"{file}: a $ref cycle; the schemas must not be recursive")
    if isinstance(node, list):
        return [_inlined(file, item, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {key: _inlined(file, value, depth) for key, value in node.items() if key != "$defs"}
    target, _, pointer = node["$ref"].partition("#")
    target_file = target or file
    resolved = _registry()[target_file].contents
    for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
        resolved = resolved[part.replace("~1", "/").replace("~0", "~")]
    inlined = _inlined(target_file, resolved, depth + 1)
    siblings = {key: _inlined(file, value, depth) for key, value in node.items() if key != "$ref"}
    if set(siblings) <= _ANNOTATIONS:
        # A description beside a $ref is for editors; messages say what the target expects, as before.
        return inlined
    return {**siblings, "allOf": [inlined, *siblings.get("allOf", [])]}


def check(doc: Document, kind: str) -> list[Problem]:
    """Every schema problem in doc, which should be a file of the given kind (none if its text passed before)."""
    return build_cache.unless_passed(f"shape of {kind}", doc.digest, lambda: [
        problem for error in _validator(kind).iter_errors(doc.data) for problem in _describe(doc, error)])


def _describe(doc: Document, error: ValidationError) -> list[Problem]:
    pointer = tuple(error.absolute_path)
    handler = _HANDLERS.get(error.validator, _generic)
    return handler(doc, pointer, error)


def _expected(error: ValidationError, fallback: str) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    return schema.get("description") or fallback


def _required(doc, pointer, error):
    missing = error.message.split("'")[1]
    return [doc.problem(pointer + (missing,), f"a value for '{missing}'", "nothing",
                        f"add '{missing}:' here")]


def _additional(doc, pointer, error):
    allowed = sorted(error.schema.get("properties", {}))
    extras = sorted(set(error.instance) - set(allowed))
    problems = []
    for key in extras:
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
        problems.append(doc.problem(pointer + (key,), "a known field", f"the unknown field '{key}'", hint))
    return problems


_TYPE_NAMES = {"string": "text", "object": "a mapping of fields", "array": "a list", "number": "a number",
               "integer": "a whole number", "boolean": "true or false"}


def _type(doc, pointer, error):
    wanted = error.validator_value
    wanted = [wanted] if isinstance(wanted, str) else wanted
    expected = " or ".join(_TYPE_NAMES.get(w, w) for w in wanted)
    hint = "put text in quotes" if "string" in wanted and not isinstance(error.instance, (dict, list)) else ""
    return [doc.problem(pointer, expected, show(error.instance), hint)]


def _enum(doc, pointer, error):
    options = [str(o) for o in error.validator_value]
    close = difflib.get_close_matches(str(error.instance), options, n=1)
    hint = f"did you mean '{close[0]}'?" if close else ""
    return [doc.problem(pointer, "one of " + ", ".join(options), show(error.instance), hint)]


def _pattern(doc, pointer, error):
    expected = _expected(error, f"text matching {error.validator_value}")
    hint = ids.explain(error.instance) if expected.startswith("an id") else ""
    return [doc.problem(pointer, expected, show(error.instance), hint)]


def _min_items(doc, pointer, error):
    count = error.validator_value
    return [doc.problem(pointer, f"at least {count} item{'s' if count != 1 else ''}", "an empty list",
                        "add an item, or remove the field")]


def _min_length(doc, pointer, error):
    return [doc.problem(pointer, _expected(error, f"at least {error.validator_value} characters"),
                        show(error.instance), "")]


def _max_length(doc, pointer, error):
    return [doc.problem(pointer, f"at most {error.validator_value} characters",
                        f"{len(error.instance)} characters", "shorten it")]


def _unique(doc, pointer, error):
    return [doc.problem(pointer, "each item once", "an item listed twice", "remove the repeated item")]


def _bound(doc, pointer, error):
    schema = error.schema
    expected = f"a number from {schema.get('minimum')} to {schema.get('maximum')}"
    return [doc.problem(pointer, expected, show(error.instance), _expected(error, ""))]


def _format(doc, pointer, error):
    fault = error.cause.args[0]
    return [doc.problem(pointer, _expected(error, "a valid value"), f"{show(error.instance)}, with {fault.found}",
                        fault.hint)]


def _generic(doc, pointer, error):
    return [doc.problem(pointer, _expected(error, "a valid value"), show(error.instance), error.message)]


_HANDLERS = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "minItems": _min_items,
    "minLength": _min_length,
    "maxLength": _max_length,
    "uniqueItems": _unique,
    "minimum": _bound,
    "maximum": _bound,
    "format": _format,
}
