"""Embedded FalkorDB adapter of the storage port: the default backend, started by the service.

``open_store(data_dir)`` starts (or reuses) redis-server with the FalkorDB module on a unix socket
in ``data_dir`` and returns a ``GraphStore``; ``await store.close()`` stops the server again.
See docs/adr/0001-falkordb-embedded-store.md for why writes go through a redo journal.
"""

from .store import FalkorDBStore, open_store

__all__ = ["FalkorDBStore", "open_store"]
