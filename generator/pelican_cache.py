"""Pelican, incremental: each page's Markdown is converted once per text, and a page whose text,
theme, settings and set of pages are those of the last build is copied from it, not laid out again.

Both are keyed by content hashes (generator/cache.py), never by paths or modification times: the
build hands Pelican a fresh staging folder every time. A copied page is checked against the hash
recorded when it was written, so a site changed by hand, or a build that never replaced output/,
only costs a fresh layout.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from pathlib import Path

import markdown
from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open, sanitised_join
from pelican.writers import Writer

from . import cache

DIGEST = "report_text_digest"  # the metadata (and so the Page attribute) holding a page text's key
PREVIOUS_SITE = "REPORT_PREVIOUS_SITE"  # the setting naming the live site of the last build
_UNSTABLE_SETTINGS = {"PATH", "OUTPUT_PATH", PREVIOUS_SITE}  # the staging paths differ in every build
_GENERATOR = Path(__file__).resolve().parent
_current: list[ReportWriter] = []  # the writer of the running build, whose records are saved when it is done


class ReportMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with one Markdown instance per build and each text's HTML kept."""

    file_extensions = ["md"]

    def read(self, source_path):
        """The HTML and metadata of a page, converted only if this text was never converted before."""
        self._source_path = source_path
        digest, entry = self.converted(source_path)
        metadata = self._metadata(entry["meta"], entry["formatted"])
        metadata[DIGEST] = digest
        return entry["content"], metadata

    def converted(self, source_path: str) -> tuple[str, dict]:
        """The key of a page's text and what converting it gives, from the build cache when it is there."""
        if not hasattr(self, "_settings_key"):  # the same for every page of the build
            self._settings_key = _markdown_settings(self.settings)
        with pelican_open(source_path) as text:
            digest = cache.key("markdown", self._settings_key, text)
        entry = cache.get("pages", digest)
        if not _is_entry(entry):
            entry = self._convert(text)
            cache.put("pages", digest, entry)
        return digest, entry

    def _convert(self, text: str) -> dict:
        if not hasattr(self, "_body"):
            self._body = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
            self._fields.preprocessors.deregister("meta")  # a summary holds no metadata of its own
        content = self._body.reset().convert(text)
        meta = {name.lower(): list(values) for name, values in getattr(self._body, "Meta", {}).items()}
        formatted = {name: self._fields.reset().convert("\n".join(values)) for name, values in meta.items()
                     if name in self.settings["FORMATTED_FIELDS"]}
        return {"content": content, "meta": meta, "formatted": formatted}

    def _metadata(self, meta: dict, formatted: dict) -> dict:
        # As Pelican's MarkdownReader._parse_metadata, from the stored values.
        output = {}
        for name, values in meta.items():
            if name in formatted:
                output[name] = self.process_metadata(name, formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True) or len(values) == 1:
                if len(values) > 1:
                    self._duplicate(name)
                output[name] = self.process_metadata(name, values[0])
            else:
                output[name] = self.process_metadata(name, values)
        return output

    def _duplicate(self, name: str) -> None:
        logging.getLogger("pelican.readers").warning(  # Pelican's own logger, as its reader warns
            "Duplicate definition of `%s` for %s. Using first one.", name, self._source_path)


# Converting pages ahead, on every core: below this many pages, starting the workers costs more than it saves.
AHEAD_MIN_PAGES = 200
_ahead: list[ReportMarkdownReader] = []  # the reader the forked workers inherit


def convert_ahead(content: Path, settings: dict, workers: int = 0, initializer=None,
                  min_pages: int = AHEAD_MIN_PAGES) -> int:
    """Convert every page of content/ whose text is not yet in the build cache, on every core, before
    Pelican reads the pages one by one (and finds each in the cache); how many pages were looked at.

    Pelican reads in one process; Python-Markdown on link-dense pages is most of a first build."""
    pages = sorted(str(path) for path in content.rglob("*.md")
                   if not any(part.startswith(".") for part in path.relative_to(content).parts))
    workers = workers or len(os.sched_getaffinity(0))
    if workers < 2 or len(pages) < min_pages:
        return 0
    _ahead[:] = [ReportMarkdownReader(settings)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=initializer) as pool:
        for _ in pool.imap_unordered(_convert_one, pages, chunksize=16):
            pass
    return len(pages)


def _convert_one(path: str) -> None:
    _ahead[0].converted(path)


def _is_entry(entry: object) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("content"), str)
            and isinstance(entry.get("meta"), dict) and isinstance(entry.get("formatted"), dict))


def _markdown_settings(settings: dict) -> str:
    return json.dumps([markdown.__version__, settings["MARKDOWN"], sorted(settings["FORMATTED_FIELDS"])],
                      sort_keys=True, default=str)


class ReportWriter(Writer):
    """Pelican's writer, copying from the last build each page whose inputs are all unchanged."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        previous = (settings or {}).get(PREVIOUS_SITE)
        self.previous = Path(previous) if previous else None
        self.record_key = cache.key("site", os.path.abspath(previous)) if previous else ""
        self.before = _records(cache.get("site", self.record_key)) if previous else {}
        self.after: dict[str, list[str]] = {}
        self.copied = 0
        self._build = ""
        _current[:] = [self]

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        """Write one file; a page laid out by the last build from the same inputs is copied from it."""
        digest = getattr(kwargs.get("page"), DIGEST, None)
        if not name or digest is None or paginated:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        inputs = cache.key(self._build or self._fingerprint(context, relative_urls), digest, name)
        if self._copied(name, inputs, override_output):
            return None
        super().write_file(name, template, context, relative_urls, paginated, template_name, override_output,
                           url, **kwargs)
        path = sanitised_join(self.output_path, name)
        self.after[name] = [inputs, hashlib.sha256(Path(path).read_bytes()).hexdigest()]
        return None

    def _copied(self, name: str, inputs: str, override: bool) -> bool:
        record = self.before.get(name)
        if record is None or record[0] != inputs or self.previous is None:
            return False
        try:
            data = Path(sanitised_join(str(self.previous), name)).read_bytes()
        except (OSError, RuntimeError):
            return False
        if hashlib.sha256(data).hexdigest() != record[1]:
            return False
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        Path(path).write_bytes(data)
        self._written_files.add(path)
        if override:  # a page that says its own save_as, as Pelican's writer records it
            self._overridden_files.add(path)
        self.after[name] = record
        self.copied += 1
        return True

    def _fingerprint(self, context: dict, relative_urls: bool) -> str:
        """What every page's layout depends on besides its own text: theme, code, settings, the set of pages."""
        theme = Path(self.settings["THEME"]) / "templates"
        files = sorted([*theme.rglob("*"), *_GENERATOR.rglob("*.py")])
        digest = hashlib.sha256()
        for path in files:
            if path.is_file():
                digest.update(str(path.relative_to(path.parent.parent)).encode() + b"\0" + path.read_bytes())
        settings = {k: v for k, v in self.settings.items() if k.isupper() and k not in _UNSTABLE_SETTINGS}
        hand_written = [(page.url, page.title) for page in context.get("HAND_WRITTEN_PAGES", [])]
        pages = sorted(context.get("generated_content", {}))
        self._build = cache.key(digest.hexdigest(), _stable_json([settings, relative_urls, hand_written, pages]))
        return self._build

    def save_records(self) -> None:
        """Remember what this build wrote, for the next one (called once the site is complete)."""
        if not self.record_key:
            return
        cache.put("site", self.record_key, self.after)
        print(f"pages: {len(self.after) - self.copied} laid out, {self.copied} copied from the last build",
              flush=True)


def save_records() -> None:
    """Save the records of the running build's writer."""
    for writer in _current:
        writer.save_records()


def _records(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    return {name: record for name, record in value.items()
            if isinstance(name, str) and isinstance(record, list) and len(record) == 2
            and all(isinstance(part, str) for part in record)}


def _stable_json(value: object) -> str:
    # Functions and classes (filters, plugins) by name: their code is in the hash of the files above.
    def named(thing):
        if isinstance(thing, (set, frozenset)):
            return sorted(map(str, thing))
        return getattr(thing, "__qualname__", None) or getattr(thing, "__name__", None) or type(thing).__name__
    return json.dumps(value, sort_keys=True, default=named)
