"""Problems found in the data: collected as values, reported once, like a compiler."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that could drive a terminal or disguise a line: C0 and C1 controls, DEL, the line
# and paragraph separators, and the bidirectional controls that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


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
        # Paths are file names and hints may quote them: a name must never drive the terminal.
        return printable(f"{text} ({self.hint})" if self.hint else text)


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


def printable(text: str) -> str:
    """text with every control, separator and bidi character written as an escape such as \\x1b."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
