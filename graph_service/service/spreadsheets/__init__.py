"""Use cases for power-list spreadsheets (权力清单): import and export, XLSX, XLS and CSV."""

from .export_list import ExportedList, ListFormat, export_list, list_rows, render_list
from .import_list import ListImport, import_list, preview_list_import, record_list_import
from .reading import read_bytes, read_file

__all__ = [
    "ExportedList",
    "ListFormat",
    "ListImport",
    "export_list",
    "import_list",
    "list_rows",
    "preview_list_import",
    "read_bytes",
    "read_file",
    "record_list_import",
    "render_list",
]
