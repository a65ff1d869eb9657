"""Which module renders the pages of each kind: `render/<kind.page>.py`, found from the registry.

A page module has `render_page(graph, record, lists=None) -> str` (the Markdown page of one record; the
lists it cut to render/lists.ENTRY_CAP are kept in `lists`, for pages of their own) and
`index_groups(graph, kind) -> list[dict]` (the entries of the kind's index, grouped).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..kinds import Kind


def module(kind: Kind) -> ModuleType:
    """The render module of a kind's pages."""
    return importlib.import_module(f"generator.render.{kind.page}")
