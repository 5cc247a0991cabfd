"""On-demand performance benchmarks: ``python -m benchmarks [--scale beijing|small] [--seed N]``.

Not a test suite (pytest collects only ``tests/``): one run prints each figure beside its target.
What each figure means and how the networkx baseline is built is in ``docs/benchmarks.md``.
"""
