"""Problems found in the data: collected as values, reported once, like a compiler."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, at one line, in one field."""

    path: str
    line: int
    field: str
    expected: str
    found: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: expected {self.expected}, found {self.found}"
        return f"{text} ({self.hint})" if self.hint else text


class DataError(Exception):
    """Raised by a pipeline stage when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the data")

    def report(self) -> str:
        """Every problem on its own line, then a count."""
        lines = [str(p) for p in self.problems]
        noun = "problem" if len(lines) == 1 else "problems"
        lines.append(f"{len(lines)} {noun}; nothing was written.")
        return "\n".join(lines)


def show(value: object, limit: int = 60) -> str:
    """A short, quoted rendering of a found value for an error message."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return repr(text)
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
