"""Reading the reference files: CSV rows with their numbers, so every record can cite its row."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One CSV data row; ``number`` counts data rows from 1 (the header is not counted)."""

    file: str
    number: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column].strip()

    def cite(self, confidence: str | None = None, extra: str | None = None) -> str:
        """A ``source`` string: file, row, the row's own source and a confidence label."""
        parts = [f"reference/{self.file} row {self.number}"]
        if extra:
            parts.append(extra)
        if confidence:
            parts.append(f"confidence: {confidence}")
        return "; ".join(parts)


class Reference:
    """The reference directory; ``rows(name)`` reads one CSV file."""

    def __init__(self, directory: Path) -> None:
        if not (directory / "facts.md").is_file():
            raise FileNotFoundError(f"{directory} is not the reference directory (no facts.md)")
        self.directory = directory

    def rows(self, name: str) -> list[Row]:
        with (self.directory / name).open(encoding="utf-8", newline="") as handle:
            return [
                Row(name, number, dict(values))
                for number, values in enumerate(csv.DictReader(handle), start=1)
            ]

    def by(self, name: str, column: str) -> dict[str, Row]:
        """Rows of ``name`` keyed by ``column`` (which must be unique)."""
        out: dict[str, Row] = {}
        for row in self.rows(name):
            key = row[column]
            if key in out:
                raise ValueError(f"{name}: duplicate {column} {key!r}")
            out[key] = row
        return out
