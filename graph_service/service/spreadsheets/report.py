"""An import's outcome as the lines the command line prints, in Chinese."""

from __future__ import annotations

from .import_list import ListImport

SHOWN = 10


def describe_import(result: ListImport, *, dry_run: bool) -> list[str]:
    plan, unit = result.plan, result.unit
    lines = [
        f"权力清单 {result.file} → {unit.name}（{unit.id}），比对日期 {result.as_of.isoformat()}",
        f"  事项：新增 {len(plan.new_items)} 项，更新 {len(plan.updated_items)} 项，"
        f"未变 {len(plan.unchanged_items)} 项",
    ]
    if plan.new_provisions or plan.new_laws:
        lines.append(
            f"  依据：新增条款 {len(plan.new_provisions)} 条，"
            f"新建法规 {len(plan.new_laws)} 部（待核实）"
        )
    if plan.act:
        lines.append(f"  赋予决定：{plan.act}（待法制审核）")
    if plan.version:
        lines.append(f"  公示清单：第 {plan.version} 版")
    if plan.not_listed:
        lines.append(
            f"  单位现有而清单未列的事项 {len(plan.not_listed)} 项（未作取消处理）："
            + _some(plan.not_listed)
        )
    preview = result.preview
    if preview is not None:
        lines.append(
            f"预览（{preview.at.isoformat()}）：新出现问题 {len(preview.appeared)} 项，"
            f"消除 {len(preview.resolved)} 项，变化 {len(preview.changed)} 项，"
            f"答复变化 {len(preview.answers)} 处"
        )
        lines += [f"  + {f.kind.value} {f.summary}" for f in preview.appeared[:SHOWN]]
        lines += [f"  - {f.kind.value} {f.summary}" for f in preview.resolved[:SHOWN]]
    lines += [f"提示：{warning}" for warning in plan.warnings]
    if plan.empty:
        lines.append("无变化：清单与库中记录一致，未写入任何内容")
    elif dry_run:
        lines.append("试运行（--dry-run）：未写入任何内容")
    elif result.record is not None:
        record = result.record
        lines.append(
            f"已写入：第 {record.revision} 号变更（{record.id}），{record.upserted} 条记录，"
            f"记录人 {record.recorded_by}"
        )
    return lines


def _some(codes: list[str]) -> str:
    return "、".join(codes[:SHOWN]) + (" …" if len(codes) > SHOWN else "")
