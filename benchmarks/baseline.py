"""The baseline: bare Pelican, default theme and settings, on plain pages as long as ours."""

from __future__ import annotations

from pathlib import Path

WORDS = tuple("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
              "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip "
              "ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla "
              "pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim "
              "id est laborum".split())
PARAGRAPH = 600  # characters: about a paragraph of a news article
# Pelican's defaults but for where it reads and writes (given on its command line too), and without
# the menu of every page in every page, which our settings leave out too: with it, each of N pages
# would link all N, and the baseline would be quadratic (35 s instead of about 5 at 1,000 pages).
SETTINGS = 'PATH = "content"\nOUTPUT_PATH = "output"\nDISPLAY_PAGES_ON_MENU = False\n'


def body(page: str) -> str:
    """The body of one of our Markdown pages: everything after its metadata (the first blank line)."""
    _, _, text = page.partition("\n\n")
    return text


def plain_text(length: int, start: int = 0) -> str:
    """Plain paragraphs of lorem words, exactly `length` characters long (no links, no markup)."""
    parts, size, paragraph, index = [], 0, 0, start
    while size < length:
        word = WORDS[index % len(WORDS)]
        gap = "" if not parts else ("\n\n" if paragraph >= PARAGRAPH else " ")
        paragraph = len(word) if gap == "\n\n" else paragraph + len(gap) + len(word)
        parts += [gap, word]
        size += len(gap) + len(word)
        index += 1
    text = "".join(parts)[:length]
    return text[:-1] + "x" if text[-1:].isspace() else text  # a trailing space would be stripped


def page(number: int, length: int) -> str:
    """One plain Pelican page: a title, then a body of `length` characters."""
    return f"Title: Page {number}\n\n{plain_text(length, number)}\n"


def write_project(our_pages: list[Path], project: Path) -> int:
    """A bare Pelican project with one plain page per page of ours, each as long; returns the page count."""
    pages = project / "content" / "pages"  # Pelican pages: one input file, one output page, as ours
    pages.mkdir(parents=True)
    (project / "settings.py").write_text(SETTINGS, encoding="utf-8")
    for number, ours in enumerate(our_pages, 1):
        length = len(body(ours.read_text(encoding="utf-8")))
        (pages / f"page-{number}.md").write_text(page(number, length), encoding="utf-8")
    return len(our_pages)
