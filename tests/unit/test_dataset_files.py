"""Reading datasets from files: every problem is reported, with the file it is in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_service.domain.dataset import Dataset
from graph_service.domain.errors import ValidationError
from graph_service.service.dataset_files import read_and_check, read_dataset

REGIONS = """\
$format: authority-graph/1
regions:
- {code: D, name: 区, kind: district}
- {code: S1, name: 一街道, kind: street, parent: D}
"""
UNITS = """\
units:
- {id: gov, name: 区政府, kind: government, region: D}
- {id: dept, name: 区城管执法局, kind: department, region: D, parent: gov}
"""
ITEMS = """\
laws: [{id: L, title: 某条例, level: local_regulation}]
provisions: [{id: L-1, law: L, article: 第1条}]
items: [{code: I1, name: 事项, category: penalty, basis: [L-1]}]
"""


def write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def _read(path: Path, stored: Dataset | None, *, check: bool) -> Dataset:
    return read_and_check(path, stored) if check else read_dataset(path)


def problems_of(path: Path, stored: Dataset | None = None, *, check: bool = False) -> list[str]:
    with pytest.raises(ValidationError) as info:
        _read(path, stored, check=check)
    return [str(p) for p in info.value.problems]


def test_a_directory_is_merged_in_file_name_order_ignoring_other_files(tmp_path: Path) -> None:
    write(tmp_path, {"b.yaml": UNITS, "a.yaml": REGIONS, "c.yml": ITEMS, "README.md": "# notes"})
    dataset = read_dataset(tmp_path)
    assert [r.code for r in dataset.regions] == ["D", "S1"]
    assert [u.id for u in dataset.units] == ["gov", "dept"]
    assert [i.code for i in dataset.items] == ["I1"]


def test_a_single_json_file_is_read(tmp_path: Path) -> None:
    doc = {
        "$format": "authority-graph/1",
        "regions": [{"code": "D", "name": "区", "kind": "district"}],
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert [r.name for r in read_dataset(path).regions] == ["区"]


def test_a_key_defined_in_two_files_is_a_problem(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"a.yaml": REGIONS, "b.yaml": "regions:\n- {code: D, name: 又一区, kind: district}\n"},
    )
    assert problems_of(tmp_path) == [
        "b.yaml: regions[0]: duplicate key 'D' (first in a.yaml: regions[0])"
    ]


def test_yaml_syntax_errors_name_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": REGIONS, "b.yaml": "units:\n- id: x\n  name: [unclosed\n"})
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("b.yaml: YAML syntax error at line 4")


def test_json_syntax_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "regions": [\n    {"code": "D",}\n  ]\n}\n', encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith("bad.json: JSON syntax error at line 3, column 18")


def test_unknown_format_and_non_mapping_documents_are_problems(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"a.yaml": "$format: authority-graph/2\nregions: []\n", "b.yaml": "- just\n- a list\n"},
    )
    assert problems_of(tmp_path) == [
        "a.yaml: $format: unknown format 'authority-graph/2' (expected 'authority-graph/1')",
        "b.yaml: a dataset document must be a mapping, not a list",
    ]


def test_field_errors_of_every_file_are_collected_with_their_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.yaml": "regions:\n- {code: D, name: 区, kind: galaxy}\n",
            "b.yaml": "units:\n- {id: u, name: u, kind: department}\n",
        },
    )
    problems = problems_of(tmp_path)
    assert [p.split(":")[0] + ":" + p.split(":")[1] for p in problems] == [
        "a.yaml: regions[0].kind",
        "b.yaml: units[0].region",
    ]


def test_unknown_references_are_left_to_the_loader(tmp_path: Path) -> None:
    acts = "acts:\n- {id: a, kind: assign, effective: 2020-01-01, items: [I1], to: [nobody]}\n"
    write(tmp_path, {"a.yaml": REGIONS, "b.yaml": acts})
    assert [a.id for a in read_dataset(tmp_path).acts] == ["a"]


def test_read_and_check_points_reference_problems_at_the_file_row(tmp_path: Path) -> None:
    first = "acts:\n- {id: a0, kind: assign, effective: 2020-01-01, items: [I1], to: [dept]}\n"
    second = (
        "acts:\n"
        "- {id: a1, kind: assign, effective: 2020-01-01, items: [I1], to: [dept]}\n"
        "- {id: a2, kind: delegate, effective: 2020-07-01, items: [I1], from: dx-xyz, to: [dept]}\n"
    )
    write(tmp_path, {"1.yaml": REGIONS + UNITS, "2.yaml": ITEMS})
    write(tmp_path, {"3-acts.yaml": first, "4-acts.yaml": second})
    assert problems_of(tmp_path, check=True) == ["4-acts.yaml: acts[1].from: unknown unit 'dx-xyz'"]


def test_read_and_check_resolves_references_against_the_stored_graph(tmp_path: Path) -> None:
    stored = read_dataset(write(tmp_path, {"a.yaml": REGIONS}))
    incoming = tmp_path / "units.yaml"
    incoming.write_text(UNITS, encoding="utf-8")
    assert [u.id for u in read_and_check(incoming, stored).units] == ["gov", "dept"]
    assert problems_of(incoming, check=True) == [
        "units.yaml: units[0].region: unknown region 'D'",
        "units.yaml: units[1].region: unknown region 'D'",
    ]


def test_missing_paths_and_empty_directories_are_problems(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.yaml") == [
        f"{tmp_path / 'nope.yaml'}: no such file or directory"
    ]
    (problem,) = problems_of(tmp_path)
    assert "no .json/.yaml/.yml dataset files" in problem
