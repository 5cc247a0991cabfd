"""Configuration (placeholder)."""
