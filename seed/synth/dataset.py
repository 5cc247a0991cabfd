"""A deterministic synthetic authority graph at Beijing scale (``graph-service synth``).

The performance targets of the product are stated for a whole city: 16 districts, 343 streets and
towns, 60 departments per district and 8,000 power items, about a million derived holdings. No real
dataset of that size is public, so this one is generated: the same seed always gives the same
document, every record is marked ``illustrative`` with a ``synthetic (…)`` source so it can never be
mistaken for fact, and it has a few of every irregularity the findings look for (see
``seed.synth.acts``). It is a normal ``authority-graph/1`` dataset and passes ``check_dataset``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from graph_service.domain.dataset import Dataset

from .acts import build_acts
from .items import build_catalogue
from .scale import BEIJING, SCALES, SMALL, SynthScale
from .world import build_world

__all__ = ["BEIJING", "SCALES", "SMALL", "SynthScale", "synth_source", "synthesize", "write_synth"]


def synth_source(seed: int) -> str:
    """The ``source`` every synthetic record carries."""
    return f"synthetic (graph-service synth, seed={seed})"


def synthesize(*, seed: int = 2020, scale: SynthScale = BEIJING) -> Dataset:
    """The synthetic dataset for ``seed`` at ``scale``; equal arguments give equal datasets."""
    rng = random.Random(seed)
    source = synth_source(seed)
    world = build_world(scale, source)
    catalogue = build_catalogue(scale, rng, source)
    book = build_acts(scale, world, catalogue, source)
    return Dataset(
        regions=world.regions,
        units=world.units,
        laws=catalogue.laws + book.laws,
        provisions=catalogue.provisions + book.provisions,
        items=catalogue.items,
        acts=book.acts,
        published_lists=book.published,
    )


def write_synth(path: Path, *, seed: int = 2020, scale: SynthScale = BEIJING) -> Dataset:
    """Write the synthetic dataset to ``path`` as an ``authority-graph/1`` JSON document."""
    dataset = synthesize(seed=seed, scale=scale)
    text = json.dumps(dataset.to_document(), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return dataset
