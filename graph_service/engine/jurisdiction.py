"""``jurisdiction(item, place, at)``: who may act on a matter at a place on a day, and why.

The lookup walks only the place's covering regions (itself, ancestors, ``within`` zones) and reads
the holdings scoped there, so it costs a handful of dictionary hits however many holdings exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from graph_service.domain.enums import ActKind, UnitKind
from graph_service.domain.errors import NotFoundError

from .answers import (
    BasisRef,
    ChainLink,
    Competence,
    Counterpart,
    Holding,
    JurisdictionAnswer,
    Role,
    Status,
)
from .citation import act_citation, cn_date
from .explain import answer_summary, link_sentence
from .state import EngineState

_ROLE_ORDER = {Role.PRIMARY: 0, Role.SUPERVISOR: 1, Role.AGENT: 2}


def covering_holdings(state: EngineState, item: str, place: str, at: date) -> list[Holding]:
    """Every holding of ``item`` valid on ``at`` whose scope covers ``place`` (less carve-outs)."""
    replay = state.replays.get(item)
    if replay is None:
        return []
    covering = state.regions.covering(place)
    found: list[Holding] = []
    for scope in covering:
        for holding in replay.by_scope.get(scope, ()):
            if holding.valid_on(at) and holding.carved_out.isdisjoint(covering):
                found.append(holding)
    found.sort(key=lambda h: (_ROLE_ORDER[h.role], h.unit, h.scope, h.id))
    return found


def status_of(holdings: Iterable[Holding]) -> Status:
    """CLEAR with one primary unit (or only joint ones), OVERLAP with several, GAP with none."""
    primary = [h for h in holdings if h.role == Role.PRIMARY]
    units = {h.unit for h in primary}
    if not units:
        return Status.GAP
    if len(units) == 1 or {h.unit for h in primary if h.joint} == units:
        return Status.CLEAR
    return Status.OVERLAP


def basis_refs(state: EngineState, item: str, at: date) -> tuple[BasisRef, ...]:
    found = state.catalog.items.get(item)
    refs: list[BasisRef] = []
    for provision_id in found.basis if found else []:
        provision = state.catalog.provisions.get(provision_id)
        if provision is None:
            continue
        law = state.catalog.laws.get(provision.law)
        refs.append(
            BasisRef(
                provision=provision.id,
                law=provision.law,
                law_title=law.title if law else provision.law,
                article=provision.article,
                in_force=provision.valid_on(at) and (law is None or law.valid_on(at)),
            )
        )
    return tuple(refs)


def chain_links(state: EngineState, holding: Holding) -> tuple[ChainLink, ...]:
    links: list[ChainLink] = []
    for act_id in holding.acts:
        act = state.catalog.acts.get(act_id)
        if act is None:
            continue
        law = state.catalog.laws.get(act.doc) if act.doc else None
        links.append(
            ChainLink(
                act=act.id,
                kind=act.kind,
                effective=act.effective,
                doc=act.doc,
                doc_title=law.title if law else None,
                doc_number=law.doc_number if law else None,
                explanation=link_sentence(state.catalog, state.regions, act, holding),
            )
        )
    return tuple(links)


def counterparts(state: EngineState, item: str, place: str, at: date) -> tuple[Counterpart, ...]:
    """Partner units under an agreement valid on ``at`` covering the item, bordering the place."""
    found = state.catalog.items.get(item)
    out: dict[tuple[str, str], Counterpart] = {}
    for agreement in state.catalog.agreements:
        if not agreement.valid_on(at):
            continue
        if item not in agreement.items and not (found and found.field in agreement.fields):
            continue
        for party in agreement.parties:
            unit = state.catalog.units.get(party)
            if unit is None or unit.kind != UnitKind.PARTNER or not unit.valid_on(at):
                continue
            if state.regions.borders(place, unit.region):
                out[(unit.id, agreement.id)] = Counterpart(
                    unit=unit.id,
                    unit_name=unit.name,
                    region=unit.region,
                    agreement=agreement.id,
                    agreement_title=agreement.title,
                )
    return tuple(out[k] for k in sorted(out))


def jurisdiction(state: EngineState, item: str, place: str, at: date) -> JurisdictionAnswer:
    found = state.catalog.items.get(item)
    if found is None:
        raise NotFoundError("item", item)
    if place not in state.regions:
        raise NotFoundError("region", place)
    replay = state.replays.get(item)
    in_force = replay.in_force(found, at) if replay else found.valid_on(at)
    holdings = covering_holdings(state, item, place, at)
    status = status_of(holdings) if in_force else Status.GAP
    basis = basis_refs(state, item, at)
    holders = tuple(
        Competence(
            holding=h,
            unit_name=state.catalog.unit_name(h.unit),
            basis=basis,
            chain=chain_links(state, h),
        )
        for h in holdings
    )
    primary_names = list(
        dict.fromkeys(c.unit_name for c in holders if c.holding.role == Role.PRIMARY)
    )
    sentences = [
        answer_summary(
            status=status,
            in_force=in_force,
            item_name=found.name,
            place_name=state.regions.name(place),
            at=at,
            primary_units=primary_names,
        )
    ]
    if not in_force and replay is not None:
        sentences += _cancellation_sentences(state, item, at)
    for competence in holders:
        sentences += [link.explanation for link in competence.chain]
    return JurisdictionAnswer(
        item=item,
        item_name=found.name,
        place=place,
        place_name=state.regions.name(place),
        at=at,
        status=status,
        holders=holders,
        explanation="".join(dict.fromkeys(sentences)),
        counterparts=counterparts(state, item, place, at),
        in_force=in_force,
    )


def _cancellation_sentences(state: EngineState, item: str, at: date) -> list[str]:
    out: list[str] = []
    for act in state.catalog.acts_by_item.get(item, []):
        in_effect = act.effective <= at and (act.until is None or at < act.until)
        if act.kind == ActKind.CANCEL and in_effect:
            cite = act_citation(state.catalog, act)
            basis = f"依据{cite}，" if cite else ""
            out.append(f"{cn_date(act.effective)}起，{basis}该职权已取消。")
    return out
