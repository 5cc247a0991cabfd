"""Plain Chinese a coordinator can paste into a memo: one sentence per act of a holding's chain.

Each sentence names the date, the document (number and full title) and the articles about the unit
concerned (a street rests on the street-office article, a town on the township one), and says
what the act means for *this* holding: the delegate act reads differently for the town that
received the power and for the department that now only supervises. A grant dated at or before
the start of the data's coverage is stated without a date (the date is where our data begins,
not a fact of law); an illustrative act ends with （示例数据）. No internal id is ever written.
"""

from __future__ import annotations

from datetime import date

from graph_service.domain.enums import ActKind, UnitKind
from graph_service.domain.models import Act

from .answers import Holding, Mode, Role, Status
from .citation import ILLUSTRATIVE_MARK, act_citation, cn_date
from .state import EngineState
from .wording import place_phrase, unit_phrase


def _kinds(state: EngineState, units: list[str]) -> set[UnitKind]:
    return {found.kind for u in units if (found := state.catalog.units.get(u)) is not None}


def link_sentence(
    state: EngineState, act: Act, holding: Holding | None, coverage: date | None = None
) -> str:
    """What ``act`` did to ``holding`` (or to the item, without one), in one sentence."""
    sentence = _sentence(state, act, holding, coverage)
    return sentence[:-1] + ILLUSTRATIVE_MARK + "。" if act.illustrative else sentence


def _sentence(state: EngineState, act: Act, holding: Holding | None, coverage: date | None) -> str:
    catalog, regions = state.catalog, state.regions
    when = f"{cn_date(act.effective)}起，"
    if holding is None:
        cite = act_citation(catalog, act)
        return f"{when}{f'依据{cite}，' if cite else ''}该职权已取消。"
    unit = catalog.unit_name(holding.unit)
    if holding.unit in act.to:
        concerned = [holding.unit]
    else:  # the units that took it over here (in this scope), else every recipient
        here = [t for t in act.to if catalog.region_of(t) == holding.scope]
        concerned = here or list(act.to)
    cite = act_citation(catalog, act, _kinds(state, concerned))
    basis = f"依据{cite}，" if cite else ""
    source = catalog.unit_name(act.from_unit)
    targets = unit_phrase(state, act.to)
    scope = regions.name(holding.scope)
    if act.kind == ActKind.ASSIGN:
        verb = (
            f"{unit}依法在{scope}行使该职权"
            if holding.mode == Mode.STATUTORY
            else (f"由{unit}在{scope}行使该职权")
        )
        if coverage is not None and act.effective <= coverage:
            return f"{basis}{verb}（本数据覆盖期开始前已确定）。"
        return f"{when}{basis}{verb}。"
    if act.kind == ActKind.DELEGATE:
        if holding.role == Role.SUPERVISOR and holding.unit == act.from_unit:
            return f"{when}{basis}{unit}不再在{scope}行使该职权，改为业务指导和监督。"
        if holding.unit in act.to:
            return f"{when}{basis}{source}将该职权下放至{unit}，由其以自己的名义行使。"
        own = {catalog.region_of(t) for t in act.to}
        if not act.scope and holding.carved_out and holding.carved_out <= own:
            return f"{when}{basis}{source}将该职权下放至{targets}，不再在其辖区行使。"
        carved = place_phrase(state, sorted(holding.carved_out)) or place_phrase(state, act.scope)
        return f"{when}{basis}{source}将{carved}的该职权下放至{targets}，不再在上述区域行使。"
    if act.kind == ActKind.ENTRUST:
        return f"{when}{basis}{source}委托{targets}以{source}的名义行使该职权。"
    if act.kind == ActKind.TRANSFER:
        return f"{when}{basis}该职权由{source}划转至{targets}行使。"
    if act.kind == ActKind.REVOKE:
        return f"{when}{basis}{source}收回下放至{targets}的该职权，重新由{source}行使。"
    if act.kind == ActKind.DESIGNATE:
        if holding.unit in act.to:
            return f"{when}{basis}指定由{unit}管辖{scope}的该事项。"
        places = place_phrase(state, act.scope)
        return f"{when}{basis}{places}的该事项指定由{targets}管辖，{unit}不再在该处行使。"
    return f"{when}{basis}该职权已取消。"


def answer_summary(
    *,
    status: Status,
    in_force: bool,
    item_name: str,
    place_name: str,
    at: date,
    primary_units: list[str],
) -> str:
    """The first sentence of a jurisdiction answer: who is competent, or that no one (or two) is."""
    when = cn_date(at)
    if not in_force:
        return not_in_force_sentence(item_name, at, cancelled=False)
    if status == Status.GAP:
        return f"截至{when}，“{item_name}”在{place_name}没有有权行使的执法主体（管辖空白）。"
    holders = "、".join(primary_units)
    if status == Status.OVERLAP:
        return (
            f"截至{when}，{holders}均有权在{place_name}行使“{item_name}”（多头管辖），"
            "应当协商确定管辖；协商不成的，报请共同的上一级行政机关指定管辖"
            "（《中华人民共和国行政处罚法》第二十五条）。"
        )
    return f"截至{when}，{place_name}的“{item_name}”由{holders}行使。"


def not_in_force_sentence(item_name: str, at: date, *, cancelled: bool) -> str:
    if cancelled:
        return f"截至{cn_date(at)}，“{item_name}”已取消，不再实施。"
    return f"截至{cn_date(at)}，“{item_name}”不在有效期内，不再实施或尚未施行。"


def no_data_sentence(item_name: str, place_name: str, at: date, start: date) -> str:
    return (
        f"本数据自{cn_date(start)}起覆盖{place_name}，{cn_date(at)}的“{item_name}”"
        "管辖情况未录入（数据未覆盖），不能据此认定有无执法主体。"
    )
