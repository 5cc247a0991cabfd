"""Records of the projection by key, for answers that name units, regions and items.

The engine answers with keys; the API shows names and kinds beside them. The projection already
keeps every record by collection and key (``engine.records.Records``, a new object after each
write), so this is only a typed view of it: nothing is copied or rebuilt per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Law, PowerItem, Provision, Region, Unit
from graph_service.engine.records import Records


@dataclass(frozen=True, slots=True)
class RecordIndex:
    source: Records
    regions: Mapping[str, Region]
    units: Mapping[str, Unit]
    laws: Mapping[str, Law]
    provisions: Mapping[str, Provision]
    items: Mapping[str, PowerItem]

    @classmethod
    def of(cls, records: Records) -> RecordIndex:
        # Each collection holds only its own model (Records is keyed by EntityKind).
        return cls(
            source=records,
            regions=cast(Mapping[str, Region], records[EntityKind.REGION]),
            units=cast(Mapping[str, Unit], records[EntityKind.UNIT]),
            laws=cast(Mapping[str, Law], records[EntityKind.LAW]),
            provisions=cast(Mapping[str, Provision], records[EntityKind.PROVISION]),
            items=cast(Mapping[str, PowerItem], records[EntityKind.ITEM]),
        )
