"""Service layer: one module per use case, each a function of a ``ServiceContext``.

The service speaks the storage port only (never an adapter) and the engine's projection; the API
and the CLI call these functions and nothing below them.
"""

from .ask_jurisdiction import ask_jurisdiction
from .context import ServiceContext
from .history import history
from .list_findings import FindingFilter, list_findings
from .load_dataset import load_dataset, load_document
from .pagination import Page
from .power_list import power_list
from .preview_act import preview_act
from .search import search

__all__ = [
    "FindingFilter",
    "Page",
    "ServiceContext",
    "ask_jurisdiction",
    "history",
    "list_findings",
    "load_dataset",
    "load_document",
    "power_list",
    "preview_act",
    "search",
]
