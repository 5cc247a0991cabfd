"""Build the Daxing seed dataset from the reference data and write it to ``seed/daxing/``.

    .venv/bin/python -m seed.build_daxing [--reference DIR] [--out DIR]

The reference directory defaults to ``../shared/reference`` beside the repository root. The
output is deterministic and committed; ``tests/unit/test_seed.py`` checks that it is in sync with
this builder.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from graph_service.domain.dataset import validate_dataset

from .daxing_build.dataset import build_dataset
from .daxing_build.writer import write_collections

SEED_DIR = Path(__file__).resolve().parent
DEFAULT_REFERENCE = SEED_DIR.parent.parent / "shared" / "reference"
DEFAULT_OUT = SEED_DIR / "daxing"


def build(reference: Path, out: Path) -> list[Path]:
    """Build, check (every reference resolves) and write; return the files written."""
    dataset = build_dataset(reference)
    validate_dataset(dataset)
    return write_collections(dataset, out)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    for path in build(args.reference, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
