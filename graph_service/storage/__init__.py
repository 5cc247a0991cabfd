"""Storage: the port (``port.py``) and one adapter package per database technology.

Adapters import only the domain and the port; they never import each other, the engine, the
service or the API (import-linter contracts in ``pyproject.toml``).
"""
