"""Derived holdings over ``datasets.small()``, written by hand as the engine would derive them,
plus one made-up overlap, for running ``write_holdings`` and the Browser examples."""

from __future__ import annotations

from datetime import date

from graph_service.domain.holdings import Holding, Mode, Role

DELEGATED_ON = date(2020, 7, 1)
DELEGATION_ENDS = date(2025, 7, 1)
STREET = "110115001"


def holding(
    unit: str,
    item: str,
    scope: str,
    role: str,
    mode: str,
    valid_from: date,
    valid_to: date | None,
    acts: list[str],
    carved_out: tuple[str, ...] = (),
) -> Holding:
    return Holding(
        id=f"{unit}/{item}/{scope}/{role}/{valid_from.isoformat()}",
        unit=unit,
        item=item,
        scope=scope,
        role=Role(role),
        mode=Mode(mode),
        valid_from=valid_from,
        valid_to=valid_to,
        acts=tuple(acts),
        carved_out=frozenset(carved_out),
    )


def small_holdings() -> list[Holding]:
    """cgj holds C1 and C2 district-wide; C1 is delegated to the street xf from 2020-07-01 until
    2025-07-01 (cgj supervises there); sw claims C2 in the street from 2021 (an overlap)."""
    assign, delegate = "a-assign", "a-delegate"
    return [
        holding(
            "cgj", "C1", "110115", "PRIMARY", "ORIGINAL", date(2019, 1, 1), DELEGATED_ON, [assign]
        ),
        holding(
            "cgj",
            "C1",
            "110115",
            "PRIMARY",
            "ORIGINAL",
            DELEGATED_ON,
            DELEGATION_ENDS,
            [assign],
            carved_out=(STREET,),
        ),
        holding(
            "cgj",
            "C1",
            STREET,
            "SUPERVISOR",
            "DELEGATED",
            DELEGATED_ON,
            DELEGATION_ENDS,
            [assign, delegate],
        ),
        holding(
            "xf",
            "C1",
            STREET,
            "PRIMARY",
            "DELEGATED",
            DELEGATED_ON,
            DELEGATION_ENDS,
            [assign, delegate],
        ),
        holding("cgj", "C1", "110115", "PRIMARY", "ORIGINAL", DELEGATION_ENDS, None, [assign]),
        holding("cgj", "C2", "110115", "PRIMARY", "ORIGINAL", date(2019, 1, 1), None, [assign]),
        holding("sw", "C2", STREET, "PRIMARY", "ORIGINAL", date(2021, 1, 1), None, [assign]),
    ]
