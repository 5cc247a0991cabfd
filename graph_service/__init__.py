"""Authority graph service: who is competent for which enforcement matter, where and since when."""

__version__ = "0.1.0"
