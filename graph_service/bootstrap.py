"""Composition root (placeholder until wiring lands)."""
