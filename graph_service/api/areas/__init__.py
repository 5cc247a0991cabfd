"""Per-area mixins of the root ``Query`` and ``Mutation`` types (composed in ``schema.py``)."""
