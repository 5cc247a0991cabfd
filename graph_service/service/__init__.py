"""Service layer: one module per use case, each a function of a ``ServiceContext``.

The service speaks the storage port only (never an adapter) and the engine's projection; the API
and the CLI call these functions and nothing below them. Writes are commands (``commands/``)
committed through ``write.commit``; what follows a commit hangs off the change log
(``dispatch``, ``follow``, ``holdings_export``).
"""

from .as_recorded import projection_as_recorded
from .ask_jurisdiction import ask_jurisdiction
from .authenticate import authenticate
from .commands.load_dataset import load_dataset, load_document
from .consistency import at_least
from .context import ServiceContext, ServiceOptions
from .graph_view import graph_view
from .history import history
from .lifecycle import open_context, running
from .list_findings import FindingFilter, list_findings
from .pagination import Page
from .power_list import power_list
from .preview_act import preview_act
from .search import search
from .tokens import IssuedToken, create_token, list_tokens, revoke_token

__all__ = [
    "FindingFilter",
    "IssuedToken",
    "Page",
    "ServiceContext",
    "ServiceOptions",
    "ask_jurisdiction",
    "at_least",
    "authenticate",
    "create_token",
    "graph_view",
    "history",
    "list_findings",
    "list_tokens",
    "load_dataset",
    "load_document",
    "open_context",
    "power_list",
    "preview_act",
    "projection_as_recorded",
    "revoke_token",
    "running",
    "search",
]
