"""Reading ``authority-graph/1`` datasets from files: one JSON/YAML file or a directory of them.

A directory is read in file-name order and merged, so a large dataset (the Daxing seed) can keep one
file per collection. Every problem is collected, not just the first, and each path is prefixed with
the file it is in (``acts.yaml: acts[12].from``), because a user fixes files, not merged indices.
Cross-references are not checked here: the loader checks them against the stored graph;
``read_and_check`` does both for callers that have no loader.
"""

from __future__ import annotations

import codecs
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph_service.domain.dataset import FORMAT, Dataset, check_dataset, parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Record

from .nesting import MAX_DEPTH, document_nesting, json_nesting

SUFFIXES = (".json", ".yaml", ".yml")
log = logging.getLogger(__name__)


def read_dataset(path: Path) -> Dataset:
    """The dataset in ``path``; raise ``ValidationError`` with every problem found."""
    return _read(path).dataset


def read_and_check(path: Path, stored: Dataset | None = None) -> Dataset:
    """``read_dataset`` plus the cross-reference checks against ``stored``, paths per file."""
    return read_files(path).check(stored)


def read_files(path: Path) -> DatasetFiles:
    """The dataset in ``path`` with where each record came from, for ``check`` later."""
    return _read(path)


@dataclass
class DatasetFiles:
    """The merged dataset and, for each merged record, the file and index it came from."""

    dataset: Dataset
    origins: dict[EntityKind, list[tuple[str, int]]] = field(default_factory=dict)

    def check(self, stored: Dataset | None = None) -> Dataset:
        """The dataset, once its cross-references and cycles are checked against ``stored``."""
        problems = check_dataset(self.dataset, stored)
        if problems:
            raise ValidationError([self.locate(p) for p in problems], "dataset is not valid")
        return self.dataset

    def locate(self, problem: Problem) -> Problem:
        """Rewrite ``acts[12].from`` (merged index) as ``acts.yaml: acts[3].from``."""
        head, bracket, rest = problem.path.partition("[")
        index, close, tail = rest.partition("]")
        if not bracket or not close or not index.isdigit():
            return problem
        try:
            origin = self.origins[EntityKind(head)][int(index)]
        except (ValueError, KeyError, IndexError):
            return problem
        name, own_index = origin
        return Problem(f"{name}: {head}[{own_index}]{tail}", problem.message)


def _read(path: Path) -> DatasetFiles:
    if path.is_dir():
        paths = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in SUFFIXES)
        if not paths:
            raise ValidationError(
                [Problem(str(path), f"no {'/'.join(SUFFIXES)} dataset files in this directory")],
                "dataset is not valid",
            )
    elif path.is_file():
        paths = [path]
    else:
        raise ValidationError([Problem(str(path), "no such file or directory")], "no dataset")
    problems: list[Problem] = []
    parts: list[tuple[str, Dataset]] = []
    for file in paths:
        try:
            parts.append((file.name, _read_file(file)))
        except ValidationError as exc:
            problems += [_prefixed(file.name, p) for p in exc.problems]
    merged = _merge(parts, problems)
    if problems:
        raise ValidationError(problems, "dataset is not valid")
    return merged


def _read_file(path: Path) -> Dataset:
    if path.suffix not in SUFFIXES:
        raise ValidationError([Problem("", f"not a dataset file (expected {', '.join(SUFFIXES)})")])
    document = _parse(path)
    if isinstance(document, dict) and document.get("$format", FORMAT) != FORMAT:
        raise ValidationError(
            [Problem("$format", f"unknown format {document['$format']!r} (expected {FORMAT!r})")]
        )
    if not isinstance(document, dict):
        raise ValidationError(
            [Problem("", f"a dataset document must be a mapping, not {_kind(document)}")]
        )
    return parse_document(document)


def _parse(path: Path) -> Any:
    raw = path.read_bytes()
    text = _decoded(raw, path.name)
    if path.suffix == ".json":
        if json_nesting(raw) > MAX_DEPTH:
            raise ValidationError([Problem("", f"nested deeper than {MAX_DEPTH} levels")])
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                [
                    Problem(
                        "", f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}"
                    )
                ]
            ) from None
        except RecursionError:
            raise ValidationError([Problem("", "nested too deeply")]) from None
    else:
        try:
            document = yaml.load(text, Loader=_DatasetLoader)
        except yaml.YAMLError as exc:
            raise ValidationError([Problem("", _yaml_message(exc))]) from None
        except RecursionError:
            raise ValidationError([Problem("", "nested too deeply")]) from None
    if document_nesting(document) > MAX_DEPTH:
        raise ValidationError([Problem("", f"nested deeper than {MAX_DEPTH} levels")])
    return document


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decoded(raw: bytes, name: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), UTF-16/32 with a byte-order
    mark, or GB18030 (which includes GBK and GB2312); anything else is refused by name."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ValidationError(
                    [Problem("", f"not valid {encoding.upper()} at byte {exc.start}")]
                ) from None
    if b"\x00" in raw:
        raise ValidationError(
            [
                Problem(
                    "",
                    "contains NUL bytes: a binary file, or UTF-16/32 without a byte-order mark; "
                    "save it as UTF-8",
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            [
                Problem(
                    "",
                    f"not UTF-8 (invalid byte at offset {utf8_error.start}) and not GB18030/GBK "
                    "either; save it as UTF-8",
                )
            ]
        ) from None
    log.warning("%s is not UTF-8; read it as GB18030 (GBK)", name)
    return text


class _DatasetLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases: datasets do not need them, and an alias
    bomb (each alias doubling the one before) expands to billions of nodes once validated."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            line = event.start_mark.line + 1
            raise ValidationError(
                [Problem("", f"YAML aliases (*name) are not allowed in datasets (line {line})")]
            )
        return super().compose_node(parent, index)


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return f"YAML syntax error: {reason}"
    return f"YAML syntax error at line {mark.line + 1}, column {mark.column + 1}: {reason}"


def _kind(document: object) -> str:
    if document is None:
        return "an empty document"
    return "a list" if isinstance(document, list) else f"a {type(document).__name__}"


def _prefixed(name: str, problem: Problem) -> Problem:
    return Problem(f"{name}: {problem.path}" if problem.path else name, problem.message)


def _merge(parts: list[tuple[str, Dataset]], problems: list[Problem]) -> DatasetFiles:
    """Concatenate the files' collections; a key defined twice (in any files) is a problem."""
    collections: dict[str, list[Record]] = {}
    origins: dict[EntityKind, list[tuple[str, int]]] = {}
    for kind in EntityKind:
        first: dict[str, tuple[str, int]] = {}
        records: list[Record] = []
        where: list[tuple[str, int]] = []
        for name, part in parts:
            for index, record in enumerate(part.collection(kind)):
                at = f"{name}: {kind.value}[{index}]"
                if record.key in first:
                    seen_name, seen_index = first[record.key]
                    problems.append(
                        Problem(
                            at,
                            f"duplicate key '{record.key}' "
                            f"(first in {seen_name}: {kind.value}[{seen_index}])",
                        )
                    )
                    continue
                first[record.key] = (name, index)
                records.append(record)
                where.append((name, index))
        collections[kind.value] = records
        origins[kind] = where
    return DatasetFiles(Dataset.model_validate(collections), origins)
