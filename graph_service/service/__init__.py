"""Service layer: one module per use case, each a function of a ``ServiceContext``.

The service speaks the storage port only (never an adapter) and the engine's projection; the API
and the CLI call these functions and nothing below them. Writes are commands (``commands/``)
committed through ``write.commit``; what follows a commit hangs off the change log
(``dispatch``, ``follow``, ``holdings_export``).
"""

from .as_recorded import projection_as_recorded
from .ask_jurisdiction import ask_jurisdiction
from .authenticate import authenticate
from .commands.amend_act import amend_act
from .commands.delete_record import delete_record
from .commands.load_dataset import load_dataset, load_document
from .commands.publish_list import publish_list
from .commands.record_act import RecordedAct, record_act
from .commands.review_act import review_act
from .commands.save_record import SAVED_KINDS, save_record
from .commands.withdraw_act import withdraw_act
from .consistency import at_least
from .context import ServiceContext, ServiceOptions
from .graph_view import graph_view
from .history import history, history_page
from .lifecycle import open_context, running
from .list_changes import list_changes
from .list_findings import FindingFilter, list_findings
from .pagination import Page
from .power_list import power_list, power_list_page
from .preview_act import preview_act
from .published_lists import ListDiff, published_list_diff, published_lists
from .search import search
from .tokens import IssuedToken, create_token, list_tokens, revoke_token

__all__ = [
    "SAVED_KINDS",
    "FindingFilter",
    "IssuedToken",
    "ListDiff",
    "Page",
    "RecordedAct",
    "ServiceContext",
    "ServiceOptions",
    "amend_act",
    "ask_jurisdiction",
    "at_least",
    "authenticate",
    "create_token",
    "delete_record",
    "graph_view",
    "history",
    "history_page",
    "list_changes",
    "list_findings",
    "list_tokens",
    "load_dataset",
    "load_document",
    "open_context",
    "power_list",
    "power_list_page",
    "preview_act",
    "projection_as_recorded",
    "publish_list",
    "published_list_diff",
    "published_lists",
    "record_act",
    "review_act",
    "revoke_token",
    "running",
    "save_record",
    "search",
    "withdraw_act",
]
