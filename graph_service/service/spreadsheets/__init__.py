"""Power-list spreadsheets (权力清单): reading XLSX/XLS/CSV, previewing an import, exporting.

Recording an import is a command: ``graph_service.service.commands.import_list``.
"""

from .export_list import (
    ExportedList,
    ListFormat,
    encode_list,
    export_list,
    list_rows,
    render_list,
)
from .import_list import ListImport, plan_list_import, preview_list_import
from .reading import read_bytes, read_file

__all__ = [
    "ExportedList",
    "ListFormat",
    "ListImport",
    "encode_list",
    "export_list",
    "list_rows",
    "plan_list_import",
    "preview_list_import",
    "read_bytes",
    "read_file",
    "render_list",
]
