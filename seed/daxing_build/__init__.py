"""Builds the Daxing seed dataset from ``/work/shared/reference`` (see ``seed/build_daxing.py``).

One module per collection; each turns reference rows into records and says in ``source`` which file
and row every record comes from, and how sure that source is.
"""
