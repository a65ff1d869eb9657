"""The write stage: atomic, deterministic, and it never touches a file it did not write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.problems import DataError
from generator.render.views import VIEWS
from generator.write import MANIFEST, write_pages
from tests.conftest import ARTICLE, SAMPLE_DATA

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder with its bytes and modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the sample data that a test may break."""
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def test_build_writes_a_page_per_actor_place_event_and_source(data, tmp_path):
    """One Markdown page for each record, and a manifest listing exactly those pages."""
    graph, report = pipeline.build(data, tmp_path / "content")
    ds = graph.dataset
    folders = ("actors", "places", "events", "sources", "quotes", "figures")
    expected = {f"{folder}/{i}.md" for folder in folders for i in getattr(ds, folder)}
    views = (view.folder for view in VIEWS)  # search, the map and the other site-wide views
    expected |= {f"indexes/{name}.md" for name in ("overview", *folders, "not-found", *views)}
    assert set(report.written) == expected
    manifest = json.loads((tmp_path / "content" / MANIFEST).read_text())
    assert set(manifest["files"]) == expected and "pending" not in manifest


def test_same_input_gives_byte_identical_output(data, tmp_path):
    """Two builds into two folders produce the same bytes, manifest included."""
    pipeline.build(data, tmp_path / "one")
    pipeline.build(data, tmp_path / "two")
    one = {k: v[0] for k, v in snapshot(tmp_path / "one").items()}
    two = {k: v[0] for k, v in snapshot(tmp_path / "two").items()}
    assert one == two


def test_rebuild_leaves_unchanged_pages_alone(data, tmp_path):
    """A second build rewrites nothing, so file times stay put for the dev server."""
    pipeline.build(data, tmp_path / "content")
    before = snapshot(tmp_path / "content")
    _, report = pipeline.build(data, tmp_path / "content")
    assert report.written == [] and report.removed == []
    pages = {k: v for k, v in snapshot(tmp_path / "content").items() if k != MANIFEST}
    assert pages == {k: v for k, v in before.items() if k != MANIFEST}


def test_failing_validation_leaves_content_untouched(data, tmp_path):
    """Bad data stops the build before any byte of content/ changes."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    (content / "notes.md").write_text("the editor's own page\n")
    before = snapshot(content)
    article = data.parent / ARTICLE
    article.write_text(article.read_text().replace("actor: peshmerga,", "actor: peshmerg,", 1))
    with pytest.raises(DataError):
        pipeline.build(data, content)
    assert snapshot(content) == before


BAD_EDITS = {
    "yaml syntax": ("    kind: clash\n", "    kind: [clash\n"),
    "schema": ("    kind: clash\n", "    kind: clashes\n"),
    "reference": ("{actor: peshmerga, role: party to the clashes}", "{actor: peshmerg, role: party to the clashes}"),
    "evidence": ("      - largely sapped the terror organization of its ability to mount robust defenses elsewhere in Iraq",
                 "      - largely sapped the terror organization of its ability to mount robust defenses in Syria"),
    "date": ("value: 2017-09,", "value: 2017-13,"),
    "python tag": ("    kind: clash\n", "    kind: !!python/object/apply:os.system [echo]\n"),
    "alias": ("    kind: clash\n", "    kind: &k clash\n    title: *k\n"),
}


@pytest.mark.parametrize("old, new", BAD_EDITS.values(), ids=BAD_EDITS.keys())
def test_each_kind_of_bad_input_leaves_content_untouched(data, tmp_path, old, new):
    """Whatever stage finds the problem, content/ keeps every byte and every file time."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    before = snapshot(content)
    article = data.parent / ARTICLE
    text = article.read_text()
    assert text.count(old) == 1, old
    article.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError):
        pipeline.build(data, content)
    assert snapshot(content) == before


def test_refuses_to_overwrite_a_file_it_did_not_write(data, tmp_path):
    """A hand-made file where a page would go stops the build; the file survives."""
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "actors" / "cnn.md").write_text("mine\n")
    with pytest.raises(DataError) as error:
        pipeline.build(data, content)
    assert "a file it did not write" in error.value.report()
    assert (content / "actors" / "cnn.md").read_text() == "mine\n"
    assert not (content / "actors" / "isis.md").exists(), "nothing is written when one page conflicts"


def test_refuses_to_overwrite_a_page_edited_by_hand(data, tmp_path):
    """A generated page edited by hand is reported, not silently replaced."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    page = content / "actors" / "cnn.md"
    page.write_text(page.read_text() + "\nMy note.\n")
    with pytest.raises(DataError) as error:
        pipeline.build(data, content)
    assert f"{page}:1: (file): expected the page as the generator wrote it, found a page edited by hand" \
        in error.value.report()
    assert page.read_text().endswith("My note.\n")


def test_removes_stale_pages_it_wrote_and_only_those(data, tmp_path):
    """When an entity goes, its page goes; other files in content/ stay."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    (content / "actors" / "keep-me.md").write_text("hand-written\n")
    pages = {"actors/cnn.md": (content / "actors" / "cnn.md").read_text()}
    report = write_pages(pages, content)
    assert "actors/isis.md" in report.removed and not (content / "actors" / "isis.md").exists()
    assert (content / "actors" / "keep-me.md").read_text() == "hand-written\n"
    assert not (content / "events").exists(), "folders the generator emptied are removed"


def test_a_stale_page_edited_by_hand_is_kept_and_reported(data, tmp_path):
    """A page that would be removed but was edited by hand stops the write."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    page = content / "actors" / "isis.md"
    page.write_text("edited\n")
    with pytest.raises(DataError):
        write_pages({"actors/cnn.md": (content / "actors" / "cnn.md").read_text()}, content)
    assert page.read_text() == "edited\n"


def test_an_interrupted_build_can_be_resumed(data, tmp_path, monkeypatch):
    """If writing dies half-way, the next build accepts the pages already on disk."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    pages = {rel: text.replace("Generated:", "Generated (v2):") for rel, text in
             {p.relative_to(content).as_posix(): p.read_text() for p in content.rglob("*.md")}.items()}
    import generator.write as write

    calls = {"n": 0}
    real = write.atomic_write

    def dying(target, data_bytes):
        calls["n"] += 1
        if calls["n"] == 10:  # the manifest is write 1; die after some pages are written
            raise KeyboardInterrupt
        real(target, data_bytes)

    monkeypatch.setattr(write, "atomic_write", dying)
    with pytest.raises(KeyboardInterrupt):
        write_pages(pages, content)
    monkeypatch.setattr(write, "atomic_write", real)
    report = write_pages(pages, content)
    assert len(report.written) + len(report.unchanged) == len(pages)
    assert all((content / rel).read_text() == text for rel, text in pages.items())
    assert not list(content.rglob("*.tmp")), "no temporary file is left behind"


def test_a_corrupt_manifest_is_an_error_not_a_guess(data, tmp_path):
    """An unreadable manifest stops the build instead of treating every page as foreign or owned."""
    content = tmp_path / "content"
    pipeline.build(data, content)
    (content / MANIFEST).write_text("{not json")
    with pytest.raises(DataError) as error:
        pipeline.build(data, content)
    assert "the generator's manifest" in error.value.report()
