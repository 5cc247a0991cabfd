"""The change set a power list makes: items, provisions (and laws), an assign act or a list version.

Each row is compared with what is recorded: a new code is a new item, a changed name, category or
basis an updated item, the same an unchanged one. An empty 职权类别 or 设定依据 keeps what is
recorded (a list that leaves a cell empty does not erase it). Items the unit does not hold on the
as-of date are given to it by one ``assign`` act, recorded with ``review: pending`` (it awaits
法制审核); with ``published`` the list becomes the unit's next ``PublishedList`` version instead.
Items the unit holds but the list omits are reported, never cancelled: cancelling is its own act.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date

from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import ActKind, Category, LawLevel, Review
from graph_service.domain.errors import Problem
from graph_service.domain.models import (
    Act,
    Law,
    PowerItem,
    Provision,
    PublishedList,
    Unit,
)

from .basis import parse_basis
from .columns import ACCEPTED_CATEGORIES, NOT_STORED, Column, category_of, compact
from .laws import LawIndex, guess_level, title_key, unique_id
from .table import ListRow, ListTable


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the planner compares the list with (a view of the projection's records)."""

    laws: Mapping[str, Law]
    provisions: Mapping[str, Provision]
    items: Mapping[str, PowerItem]
    acts: Collection[str]
    published: list[PublishedList]  # the unit's versions
    held: Collection[str]  # items the unit holds on the as-of date (any role)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    file: str  # the file name, used in problems and as the source of new records
    as_of: date
    doc: str | None = None  # law id of the document behind the assign act
    create_laws: bool = False
    published: bool = False


@dataclass(slots=True)
class ImportPlan:
    upserts: Dataset
    new_items: list[str] = field(default_factory=list)
    updated_items: list[str] = field(default_factory=list)
    unchanged_items: list[str] = field(default_factory=list)
    new_provisions: list[str] = field(default_factory=list)
    new_laws: list[str] = field(default_factory=list)
    act: str | None = None
    version: int | None = None
    not_listed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.upserts.size() == 0


def plan_import(
    table: ListTable, unit: Unit, recorded: Recorded, options: ImportOptions
) -> tuple[ImportPlan | None, list[Problem]]:
    """The plan, or None and every problem (each naming file, sheet, row and column)."""
    return _Planner(unit, recorded, options).plan(table)


class _Planner:
    def __init__(self, unit: Unit, recorded: Recorded, options: ImportOptions) -> None:
        self.unit, self.recorded, self.options = unit, recorded, options
        self.index = LawIndex(recorded.laws.values(), recorded.provisions.values())
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.laws: dict[str, Law] = {}  # created, by title key
        self.provisions: dict[str, Provision] = {}
        self.items: list[PowerItem] = []
        self.other_subjects: dict[str, list[int]] = {}  # 实施主体 other than the unit: its rows
        self.names = {compact(u) for u in (unit.id, unit.name, *unit.aliases)}
        self.by_name: dict[str, list[str]] = {}
        for item in recorded.items.values():
            self.by_name.setdefault(item.name, []).append(item.code)

    def plan(self, table: ListTable) -> tuple[ImportPlan | None, list[Problem]]:
        plan = ImportPlan(Dataset())
        seen: dict[str, ListRow] = {}
        codes: list[str] = []
        for row in table.rows:
            code = self._code(row)
            if code is None:
                continue
            if code in seen:
                first = seen[code].where.row
                self._problem(row, Column.CODE, f"“{code}”与第{first}行重复")
                continue
            seen[code] = row
            codes.append(code)
            self._row(row, code, plan)
        if self.problems:
            return None, self.problems
        self._holder(codes, plan)
        plan.new_laws = [law.id for law in self.laws.values()]
        plan.new_provisions = list(self.provisions)
        plan.not_listed = sorted(set(self.recorded.held) - set(codes))
        for subject, rows in self.other_subjects.items():
            shown = "、".join(str(r) for r in rows[:10]) + ("…" if len(rows) > 10 else "")
            self.warnings.append(f"实施主体“{subject}”与导入单位不一致（第{shown}行）")
        plan.warnings = self.warnings + _reported(table)
        plan.upserts = Dataset(
            laws=list(self.laws.values()),
            provisions=list(self.provisions.values()),
            items=self.items,
            acts=plan.upserts.acts,
            published_lists=plan.upserts.published_lists,
        )
        return plan, []

    def _problem(self, row: ListRow, column: Column | str, message: str) -> None:
        self.problems.append(Problem(row.where.at(str(column)), message))

    def _code(self, row: ListRow) -> str | None:
        code = row.get(Column.CODE)
        if code:
            return code
        found = self.by_name.get(row.get(Column.SUB) or row.get(Column.NAME), [])
        if len(found) == 1:
            return found[0]
        reason = "且库中没有同名事项" if not found else f"且库中有{len(found)}个同名事项"
        self._problem(row, Column.CODE, f"未填写，{reason}")
        return None

    def _row(self, row: ListRow, code: str, plan: ImportPlan) -> None:
        existing = self.recorded.items.get(code)
        name = row.get(Column.SUB) or row.get(Column.NAME)
        category = self._category(row, existing)
        basis = self._basis(row, existing)
        self._subject(row)
        if category is None or basis is None:
            return
        if existing is None:
            main = row.get(Column.NAME) if row.get(Column.SUB) else None
            self.items.append(
                PowerItem(
                    code=code,
                    name=name,
                    category=category,
                    basis=basis,
                    source=f"权力清单导入：{row.where.at()}",
                    note=f"主项：{main}" if main else None,
                )
            )
            plan.new_items.append(code)
        elif (existing.name, existing.category, set(existing.basis)) != (
            name,
            category,
            set(basis),
        ):
            update = {"name": name, "category": category, "basis": basis}
            self.items.append(existing.model_copy(update=update))
            plan.updated_items.append(code)
        else:
            plan.unchanged_items.append(code)

    def _category(self, row: ListRow, existing: PowerItem | None) -> Category | None:
        text = row.get(Column.CATEGORY)
        if text:
            found = category_of(text)
            if found is None:
                self._problem(
                    row, Column.CATEGORY, f"无法识别“{text}”（可填：{ACCEPTED_CATEGORIES}）"
                )
            return found
        if row.section is not None:
            return row.section
        if existing is not None:
            return existing.category
        self._problem(row, Column.CATEGORY, "未填写")
        return None

    def _basis(self, row: ListRow, existing: PowerItem | None) -> list[str] | None:
        text = row.get(Column.BASIS)
        if not text:
            return list(existing.basis) if existing is not None else []
        before = len(self.problems)
        parsed = parse_basis(text)
        for message in parsed.problems:
            self._problem(row, Column.BASIS, message)
        prefer = existing.basis if existing is not None else []
        out: list[str] = []
        for citation in parsed.citations:
            law = self._law(row, citation.title)
            if law is None:
                continue
            for ref in citation.articles:
                provision = self.index.provision(law, ref, prefer)
                if provision is None:
                    new = Provision(
                        id=unique_id(
                            f"{law}-{ref.slug}", self.recorded.provisions, self.provisions
                        ),
                        law=law,
                        article=ref.key,
                        source=f"权力清单导入：{row.where.at()}",
                    )
                    self.provisions[new.id] = new
                    self.index.add_provision(new)
                    provision = new.id
                if provision not in out:
                    out.append(provision)
        return None if len(self.problems) > before else out

    def _law(self, row: ListRow, title: str) -> str | None:
        found = self.index.laws(title)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            self._problem(
                row, Column.BASIS, f"《{title}》对应多部法规（{'、'.join(found)}），请写全称"
            )
            return None
        if not self.options.create_laws:
            self._problem(row, Column.BASIS, f"未找到法规《{title}》")
            return None
        key = title_key(title)
        if key not in self.laws:
            law = Law(
                id=unique_id(
                    "law-" + hashlib.sha1(key.encode()).hexdigest()[:10], self.recorded.laws
                ),
                title=key,
                level=LawLevel(guess_level(key)),
                source=f"权力清单导入：{row.where.at()}",
                note="由权力清单导入新建，待核实：效力级别为推定，发布机关、文号、施行日期未填",
            )
            self.laws[key] = law
            self.index.add_law(law)
            self.warnings.append(f"新建法规《{key}》（{law.id}），待核实")
        return self.laws[key].id

    def _subject(self, row: ListRow) -> None:
        subject = row.get(Column.SUBJECT)
        if subject and compact(subject) not in self.names:
            self.other_subjects.setdefault(subject, []).append(row.where.row)

    def _holder(self, codes: list[str], plan: ImportPlan) -> None:
        options, unit = self.options, self.unit
        if options.published:
            versions = sorted(self.recorded.published, key=lambda p: p.version)
            if versions and set(versions[-1].items) == set(codes):
                return
            plan.version = (versions[-1].version if versions else 0) + 1
            listed = PublishedList(
                unit=unit.id,
                version=plan.version,
                published=options.as_of,
                items=codes,
                source=f"权力清单导入：{options.file}",
            )
            plan.upserts = Dataset(published_lists=[listed])
            return
        missing = [code for code in codes if code not in self.recorded.held]
        if not missing:
            return
        digest = hashlib.sha1("\n".join(sorted(missing)).encode()).hexdigest()[:8]
        act_id = f"list-{unit.id}-{options.as_of:%Y%m%d}-{digest}"
        if act_id in self.recorded.acts:
            return
        act = Act(
            id=act_id,
            kind=ActKind.ASSIGN,
            doc=options.doc,
            effective=options.as_of,
            items=missing,
            to=[unit.id],
            review=Review.PENDING,
            source=f"权力清单导入：{options.file}",
            note="由权力清单导入生成，待法制审核",
        )
        plan.act = act.id
        plan.upserts = Dataset(acts=[act])


def _reported(table: ListTable) -> list[str]:
    out: list[str] = []
    if table.unknown:
        out.append("未识别、未导入的列：" + "、".join(table.unknown))
    kept = sorted(c.value for c in table.columns if c in NOT_STORED)
    if kept:
        out.append("已识别但本服务不保存的列：" + "、".join(kept))
    out += table.skipped
    return out
