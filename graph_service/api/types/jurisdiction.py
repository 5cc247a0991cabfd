"""The answer to "who is competent for item X at place Y on date T, and why".

What the engine computes lazily (the explanation sentences, the counterparts) is read by a field
resolver from the engine's answer, kept as a private field: a query that does not select it never
makes the engine write it (issue 15). A holder's basis and chain are likewise built only when
selected. The other fields are copied as before.
"""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.engine import answers
from graph_service.engine.records import Records

from .enums import ActKind, AdjacencyLevel, Mode, Role, Status
from .refs import ItemRef, RegionRef, UnitRef, item_ref, region_ref, unit_ref


@strawberry.type(description="A legal basis as cited: the law, the article and its text.")
class Basis:
    provision: str
    law: str
    law_title: str
    article: str
    text: str | None = strawberry.field(description="Verbatim excerpt, where recorded.")
    in_force: bool


def _link_explanation(root: ChainLink) -> str:
    return root.link.explanation


@strawberry.type(description="One act in the chain that produced a holding, oldest first.")
class ChainLink:
    act: str
    kind: ActKind
    effective: date
    doc: str | None
    doc_number: str | None
    doc_title: str | None
    explanation: str = strawberry.field(
        resolver=_link_explanation, description="One plain Chinese sentence."
    )
    illustrative: bool = strawberry.field(
        description="The act is made up to show a feature (示例数据), not a fact."
    )
    link: strawberry.Private[answers.ChainLink]


@strawberry.type(
    description=(
        "An act naming the item at the place that awaits legal review (法制审核): it produces "
        "nothing until the justice bureau approves it."
    )
)
class PendingAct:
    act: str
    kind: ActKind
    effective: date
    doc: str | None
    doc_number: str | None
    doc_title: str | None


def _holder_basis(root: Holder) -> list[Basis]:
    return [basis_of(root.records, b) for b in root.competence.basis]


def _holder_chain(root: Holder) -> list[ChainLink]:
    return [chain_link(link) for link in root.competence.chain]


@strawberry.type(description="A unit's holding that covers the asked place on the asked date.")
class Holder:
    holding: str = strawberry.field(description="Stable id of the holding.")
    unit: UnitRef
    role: Role
    mode: Mode
    valid_from: date
    valid_to: date | None
    scope: RegionRef = strawberry.field(description="The region the holding is over.")
    carved_out: list[RegionRef] = strawberry.field(description="Regions excluded from the scope.")
    joint: bool = strawberry.field(description="A sanctioned shared competence (联合执法).")
    principal: UnitRef | None = strawberry.field(description="For an AGENT: in whose name.")
    basis: list[Basis] = strawberry.field(resolver=_holder_basis)
    chain: list[ChainLink] = strawberry.field(resolver=_holder_chain)
    illustrative: bool = strawberry.field(
        description="Some act of its chain is illustrative (示例数据): not to be cited as fact."
    )
    competence: strawberry.Private[answers.Competence]
    records: strawberry.Private[Records]


@strawberry.type(description="A partner unit across a border under a cooperation agreement.")
class Counterpart:
    unit: UnitRef
    region: RegionRef
    agreement: str
    agreement_title: str
    level: AdjacencyLevel = strawberry.field(
        description="The level of the border fact it rests on (the asked place's own)."
    )
    bordering: RegionRef = strawberry.field(description="The region the border fact is about.")
    illustrative: bool = strawberry.field(
        description="The agreement is illustrative (示例数据): not to be cited as fact."
    )


def _answer_explanation(root: JurisdictionAnswer) -> str:
    return root.answer.explanation


def _counterparts(root: JurisdictionAnswer) -> list[Counterpart]:
    records, place = root.records, root.answer.place
    return [
        Counterpart(
            unit=unit_ref(records, c.unit, c.unit_name),
            region=region_ref(records, c.region),
            agreement=c.agreement,
            agreement_title=c.agreement_title,
            level=c.level,
            bordering=region_ref(records, c.bordering or place),
            illustrative=c.illustrative,
        )
        for c in root.answer.counterparts
    ]


@strawberry.type(description="Who is competent for an item at a place on a date, and why.")
class JurisdictionAnswer:
    item: ItemRef
    place: RegionRef
    at: date
    status: Status
    in_force: bool = strawberry.field(
        description="False when the item is cancelled or not yet in force."
    )
    holders: list[Holder] = strawberry.field(description="Every covering holding, PRIMARY first.")
    explanation: str = strawberry.field(
        resolver=_answer_explanation, description="Plain Chinese, pasteable into a memo."
    )
    counterparts: list[Counterpart] = strawberry.field(resolver=_counterparts)
    coverage_from: date | None = strawberry.field(
        description="The date from which the data covers the place (NO_DATA before it)."
    )
    chain: list[ChainLink] = strawberry.field(
        description="NOT_IN_FORCE: the acts that ended the item (e.g. the cancelling act)."
    )
    pending: list[PendingAct] = strawberry.field(
        description="Acts naming the item here still pending legal review: not yet in effect."
    )
    answer: strawberry.Private[answers.JurisdictionAnswer]
    records: strawberry.Private[Records]


def jurisdiction_answer(records: Records, answer: answers.JurisdictionAnswer) -> JurisdictionAnswer:
    return JurisdictionAnswer(
        item=item_ref(records, answer.item, answer.item_name),
        place=region_ref(records, answer.place, answer.place_name),
        at=answer.at,
        status=answer.status,
        in_force=answer.in_force,
        holders=[_holder(records, c) for c in answer.holders],
        coverage_from=answer.coverage_from,
        chain=[chain_link(link) for link in answer.chain],
        pending=[
            PendingAct(
                act=p.act,
                kind=p.kind,
                effective=p.effective,
                doc=p.doc,
                doc_number=p.doc_number,
                doc_title=p.doc_title,
            )
            for p in answer.pending
        ],
        answer=answer,
        records=records,
    )


def chain_link(link: answers.ChainLink) -> ChainLink:
    return ChainLink(
        act=link.act,
        kind=link.kind,
        effective=link.effective,
        doc=link.doc,
        doc_number=link.doc_number,
        doc_title=link.doc_title,
        illustrative=link.illustrative,
        link=link,
    )


def _holder(records: Records, competence: answers.Competence) -> Holder:
    h = competence.holding
    return Holder(
        holding=h.id,
        unit=unit_ref(records, h.unit, competence.unit_name),
        role=h.role,
        mode=h.mode,
        valid_from=h.valid_from,
        valid_to=h.valid_to,
        scope=region_ref(records, h.scope),
        carved_out=[region_ref(records, code) for code in sorted(h.carved_out)],
        joint=h.joint,
        principal=unit_ref(records, h.principal) if h.principal else None,
        illustrative=competence.illustrative,
        competence=competence,
        records=records,
    )


def basis_of(records: Records, ref: answers.BasisRef) -> Basis:
    provision = records.provisions.get(ref.provision)
    return Basis(
        provision=ref.provision,
        law=ref.law,
        law_title=ref.law_title,
        article=ref.article,
        text=provision.text if provision else None,
        in_force=ref.in_force,
    )
