"""``jurisdiction(item, place, at)``: who may act on a matter at a place on a day, and why.

The lookup walks only the place's covering regions (itself, ancestors, ``within`` zones) and reads
the holdings scoped there, so it costs a handful of dictionary hits however many holdings exist.
The explanation sentences and the counterparts are ``Lazy``: written only when someone reads them
(they were half of an answer's time, and most questions over the API select neither).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import partial

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
from .borders import adjacency_level, border_index
from .coverage import coverage_from
from .explain import answer_summary, link_sentence, no_data_sentence, not_in_force_sentence
from .lazy import Lazy
from .pending import pending_acts, pending_sentence
from .state import EngineState
from .supervision import supervises

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
    primaries = [h for h in found if h.role == Role.PRIMARY]
    found = [h for h in found if supervises(state, h, at, primaries)]
    found.sort(key=lambda h: (_ROLE_ORDER[h.role], h.unit, h.scope, h.id))
    return found


def status_of(holdings: Iterable[Holding]) -> Status:  # of an in-force item, within coverage
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


def chain_links(
    state: EngineState, holding: Holding | None, place: str, acts: Iterable[str] | None = None
) -> tuple[ChainLink, ...]:
    """The acts of ``holding``'s chain (or ``acts``), each with its sentence for ``place``."""
    links: list[ChainLink] = []
    start = coverage_from(state, place)
    for act_id in acts if acts is not None else holding.acts if holding else ():
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
                explained=Lazy(partial(link_sentence, state, act, holding, start)),
                illustrative=act.illustrative,
            )
        )
    return tuple(links)


def counterparts(state: EngineState, item: str, place: str, at: date) -> tuple[Counterpart, ...]:
    """Partner units under an agreement valid on ``at`` covering the item, whose region the place
    borders by its own border fact (a town lists only its own, town-level, neighbours; the
    district lists its district-level ones), each with the level of that fact."""
    found = state.catalog.items.get(item)
    bordered = border_index(state).facts.get(place, frozenset())
    if not bordered:
        return ()
    level = adjacency_level(state.regions, place)
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
            if bordered.intersection(state.regions.up_to_county(unit.region)):
                out[(unit.id, agreement.id)] = Counterpart(
                    unit=unit.id,
                    unit_name=unit.name,
                    region=unit.region,
                    agreement=agreement.id,
                    agreement_title=agreement.title,
                    level=level,
                    bordering=place,
                    illustrative=agreement.illustrative,
                )
    return tuple(out[k] for k in sorted(out))


def resolve_place(state: EngineState, place: str) -> str:
    """The region code for ``place``: a code, or any code or name search accepts for exactly one
    region (an alias such as the 地区 office's alternate code 110115114000)."""
    if place in state.regions:
        return place
    aliases = state.derived.get("place_aliases")
    if not isinstance(aliases, dict):
        aliases = {}
        for region in state.regions.regions.values():
            for alias in region.aliases:
                aliases.setdefault(alias, set()).add(region.code)
        state.derived["place_aliases"] = aliases
    found: set[str] = aliases.get(place.strip(), set())
    if len(found) == 1:
        return str(next(iter(found)))
    raise NotFoundError("region", place)


def jurisdiction(state: EngineState, item: str, place: str, at: date) -> JurisdictionAnswer:
    """The answer, with the acts awaiting legal review that would change it (``pending``)."""
    answer = _answer(state, item, place, at)
    pending = pending_acts(state, answer.item, answer.place, at)
    if not pending:
        return answer
    explained = answer.explained
    return replace(
        answer,
        pending=pending,
        explained=Lazy(lambda: explained.value + pending_sentence(state, pending)),
    )


def _answer(state: EngineState, item: str, place: str, at: date) -> JurisdictionAnswer:
    found = state.catalog.items.get(item)
    if found is None:
        raise NotFoundError("item", item)
    place = resolve_place(state, place)
    place_name = state.regions.name(place)
    start = coverage_from(state, place)
    if start is not None and at < start:
        return JurisdictionAnswer(
            item=item,
            item_name=found.name,
            place=place,
            place_name=place_name,
            at=at,
            status=Status.NO_DATA,
            holders=(),
            explained=Lazy.of(no_data_sentence(found.name, place_name, at, start)),
            in_force=found.valid_on(at),
            coverage_from=start,
        )
    replay = state.replays.get(item)
    in_force = replay.in_force(found, at) if replay else found.valid_on(at)
    if not in_force:
        return _not_in_force(state, item, place, at, start)
    holdings = covering_holdings(state, item, place, at)
    status = status_of(holdings)
    basis = basis_refs(state, item, at)
    holders: list[Competence] = []
    for holding in holdings:
        chain = chain_links(state, holding, place)
        holders.append(
            Competence(
                holding=holding,
                unit_name=state.catalog.unit_name(holding.unit),
                basis=basis,
                chain=chain,
                illustrative=any(link.illustrative for link in chain),
            )
        )
    primary_names = list(
        dict.fromkeys(c.unit_name for c in holders if c.holding.role == Role.PRIMARY)
    )
    summary = partial(
        answer_summary,
        status=status,
        in_force=True,
        item_name=found.name,
        place_name=place_name,
        at=at,
        primary_units=primary_names,
    )
    links = [link for c in holders for link in c.chain]
    return JurisdictionAnswer(
        item=item,
        item_name=found.name,
        place=place,
        place_name=place_name,
        at=at,
        status=status,
        holders=tuple(holders),
        explained=Lazy(lambda: summary() + chronological(links)),
        bordering=Lazy(partial(counterparts, state, item, place, at)),
        in_force=True,
        coverage_from=start,
    )


def chronological(links: Iterable[ChainLink]) -> str:
    """The links' sentences in date order (stable for one day), each once."""
    ordered = sorted(links, key=lambda link: link.effective)
    return "".join(dict.fromkeys(link.explanation for link in ordered))


def _not_in_force(
    state: EngineState, item: str, place: str, at: date, start: date | None
) -> JurisdictionAnswer:
    """A cancelled item (or one not yet or no longer valid): NOT_IN_FORCE, no holders, and the
    cancelling acts in effect on ``at`` as the chain."""
    found = state.catalog.items[item]
    cancels = [
        act.id
        for act in state.catalog.acts_by_item.get(item, [])
        if act.kind == ActKind.CANCEL
        and act.effective <= at
        and (act.until is None or at < act.until)
    ]
    chain = chain_links(state, None, place, cancels)
    return JurisdictionAnswer(
        item=item,
        item_name=found.name,
        place=place,
        place_name=state.regions.name(place),
        at=at,
        status=Status.NOT_IN_FORCE,
        holders=(),
        explained=Lazy(
            lambda: (
                not_in_force_sentence(found.name, at, cancelled=bool(chain)) + chronological(chain)
            )
        ),
        in_force=False,
        coverage_from=start,
        chain=chain,
    )
