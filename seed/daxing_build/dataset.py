"""Assembles the whole Daxing dataset from the reference directory."""

from __future__ import annotations

from pathlib import Path

from graph_service.domain.dataset import Dataset

from .acts import Recipients, build_acts
from .agreements import build_agreements, build_partner_units
from .documents import build_document_laws, build_document_provisions
from .items import build_items
from .laws import build_item_laws, build_item_provisions
from .reference import Reference
from .regions import build_regions
from .units import build_units, is_street_or_town, street_or_town_id


def build_dataset(reference_dir: Path) -> Dataset:
    ref = Reference(reference_dir)
    divisions = [row for row in ref.rows("daxing_divisions.csv") if is_street_or_town(row)]
    towns = [row for row in divisions if row["unit_type"] != "街道办事处"]
    recipients = Recipients(
        [street_or_town_id(row) for row in divisions], [street_or_town_id(row) for row in towns]
    )
    return Dataset(
        regions=build_regions(ref),
        units=build_units(ref) + build_partner_units(ref),
        laws=build_document_laws(ref) + build_item_laws(ref),
        provisions=build_document_provisions(ref) + build_item_provisions(ref),
        items=build_items(ref, [row["code12"] for row in towns]),
        acts=build_acts(ref, recipients),
        agreements=build_agreements(ref),
    )
