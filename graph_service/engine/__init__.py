"""Engine: competence and findings computed in memory from the acts (DESIGN.md §4–§5).

Pure Python (networkx where graph algorithms help); imports no I/O.
"""
