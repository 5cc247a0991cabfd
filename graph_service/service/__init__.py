"""Service layer: one module per use case, each a function of a ``ServiceContext``.

The service speaks the storage port only (never an adapter) and the engine's projection; the API
and the CLI call these functions and nothing below them. Writes are commands (``commands/``)
committed through ``write.commit``; what follows a commit hangs off the change log
(``dispatch``, ``follow``, ``holdings_export``).
"""

from .as_recorded import projection_as_recorded
from .ask_jurisdiction import ask_jurisdiction
from .commands.load_dataset import load_dataset, load_document
from .consistency import at_least
from .context import ServiceContext, ServiceOptions
from .history import history
from .lifecycle import open_context, running
from .list_findings import FindingFilter, list_findings
from .pagination import Page
from .power_list import power_list
from .preview_act import preview_act
from .search import search

__all__ = [
    "FindingFilter",
    "Page",
    "ServiceContext",
    "ServiceOptions",
    "ask_jurisdiction",
    "at_least",
    "history",
    "list_findings",
    "load_dataset",
    "load_document",
    "open_context",
    "power_list",
    "preview_act",
    "projection_as_recorded",
    "running",
    "search",
]
