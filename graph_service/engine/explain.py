"""Plain Chinese a coordinator can paste into a memo: one sentence per act of a holding's chain.

Each sentence names the date, the document (number and title) and the articles, and says what the
act means for *this* holding: the delegate act reads differently for the town that received the
power and for the department that now only supervises.
"""

from __future__ import annotations

from datetime import date

from graph_service.domain.enums import ActKind
from graph_service.domain.models import Act

from .answers import Holding, Mode, Role, Status
from .catalog import Catalog
from .citation import act_citation, cn_date, names
from .regions import RegionIndex


def link_sentence(catalog: Catalog, regions: RegionIndex, act: Act, holding: Holding) -> str:
    """What ``act`` did to ``holding``, in one sentence."""
    when = cn_date(act.effective)
    cite = act_citation(catalog, act)
    basis = f"依据{cite}，" if cite else ""
    unit = catalog.unit_name(holding.unit)
    source = catalog.unit_name(act.from_unit)
    targets = names(catalog.unit_name(t) for t in act.to)
    scope = regions.name(holding.scope)
    places = names(regions.name(p) for p in act.scope) or scope
    if act.kind == ActKind.ASSIGN:
        if holding.mode == Mode.STATUTORY:
            return f"{when}起，{basis}{unit}依法在{scope}行使该职权。"
        return f"{when}起，{basis}由{unit}在{scope}行使该职权。"
    if act.kind == ActKind.DELEGATE:
        if holding.role == Role.SUPERVISOR and holding.unit == act.from_unit:
            return f"{unit} 自{when}起不再在{scope}行使该职权，改为业务指导和监督。"
        if holding.unit in act.to:
            return f"{when}起，{basis}{source}将该职权下放至{unit}，由其以自己的名义行使。"
        carved = names(regions.name(c) for c in sorted(holding.carved_out)) or places
        return f"{when}起，{basis}{source}将{carved}的该职权下放至{targets}，不再在上述区域行使。"
    if act.kind == ActKind.ENTRUST:
        return f"{when}起，{basis}{source}委托{targets}以{source}的名义行使该职权。"
    if act.kind == ActKind.TRANSFER:
        return f"{when}起，{basis}该职权由{source}划转至{targets}行使。"
    if act.kind == ActKind.REVOKE:
        return f"{when}起，{basis}{source}收回下放至{targets}的该职权，重新由{source}行使。"
    if act.kind == ActKind.DESIGNATE:
        if holding.unit in act.to:
            return f"{when}起，{basis}指定由{unit}管辖{scope}的该事项。"
        return f"{when}起，{basis}{places}的该事项指定由{targets}管辖，{unit}不再在该处行使。"
    return f"{when}起，{basis}该职权已取消。"


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
        return (
            f"截至{when}，“{item_name}”不在有效期内（已取消或尚未施行），"
            f"在{place_name}不存在有权行使该职权的执法主体。"
        )
    if status == Status.GAP:
        return f"截至{when}，“{item_name}”在{place_name}没有有权行使的执法主体（管辖空白）。"
    holders = "、".join(primary_units)
    if status == Status.OVERLAP:
        return (
            f"截至{when}，{holders}均有权在{place_name}行使“{item_name}”（多头管辖），"
            "应当协商确定管辖；协商不成的，报请共同的上一级行政机关指定管辖（《中华人民共和国行政处罚法》第二十五条）。"
        )
    return f"截至{when}，{place_name}的“{item_name}”由{holders}行使。"
