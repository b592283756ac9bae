"""Agreements on disk: YAML in and out, and loading a `--source` (text, YAML or directory).

YAML is read with `yaml.safe_load` only and mapped onto the frozen dataclasses of `model`
field by field, so a hand-edited file with a missing or mistyped field gets an error that
names the file and the field.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import model
from ..errors import AgreementFormatError, KyoyakuError
from ..model import Agreement
from .document import AGREEMENT_SUFFIXES, TEXT_SUFFIXES, read_document
from .parser import parse_file
from .reader import read_source

YAML_SUFFIXES = (".yaml", ".yml")
DATA_ENV = "KYOYAKU_SEARCH_DATA"


# Shipped inside the package (in a checkout, src/kyoyaku_search/data links to the top-level
# data/), so an installed wheel finds it from any working directory.
BUNDLED_DATA = Path(str(resources.files("kyoyaku_search").joinpath("data")))


def default_data_dir() -> Path:
    """The agreements the package ships, or $KYOYAKU_SEARCH_DATA when it is set."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else BUNDLED_DATA


# --- YAML ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Line-number lists in flow style ([97, 99]); everything else as blocks."""


def _represent_tuple(dumper: yaml.SafeDumper, data: tuple) -> yaml.Node:
    flow = all(isinstance(item, int) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(tuple, _represent_tuple)
_Dumper.add_representer(str, _represent_str)


def to_yaml(agreement: Agreement) -> str:
    data = to_plain(agreement)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def to_plain(value: Any) -> Any:
    """An agreement (or any part of it) as dicts, lists and scalars: what YAML and the corpus cache store."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return value
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def from_plain(data: Any, path: str | Path) -> Agreement:
    """`to_plain` reversed, checking every field; errors name `path`."""
    return _build(Agreement, data, path, None)


def load_yaml(path: str | Path) -> Agreement:
    source = read_source(path)
    try:
        data = yaml.safe_load(source.text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise AgreementFormatError(
            path, line, f"YAML として読めません / invalid YAML: {getattr(error, 'problem', error)}"
        ) from None
    if not isinstance(data, dict):
        raise AgreementFormatError(
            path, 1, "協約の YAML ではありません（最上位が対応表ではありません） / not an agreement YAML"
        )
    return _build(Agreement, data, path, None)


# Where a value sits, as (parent, field name or list index); rendered only for a message,
# since a national corpus holds hundreds of thousands of values.
Where = tuple[Any, Any] | None


def _render(where: Where) -> str:
    if where is None:
        return ""
    parent, part = where
    prefix = _render(parent)
    if isinstance(part, int):
        return f"{prefix}[{part}]"
    return f"{prefix}.{part}" if prefix else part


def _build(cls: type, data: Any, path: str | Path, where: Where) -> Any:
    if not isinstance(data, dict):
        place = _render(where)
        raise AgreementFormatError(
            path, None, f"{place or '最上位'} は対応表であるべきです / {place or 'top level'} must be a mapping"
        )
    fields, names = _fields(cls)
    values = {}
    for name, hint, optional in fields:
        if name not in data:
            if optional:
                continue
            key = _render((where, name))
            raise AgreementFormatError(path, None, f"項目 {key} がありません / missing field {key}")
        values[name] = _convert(hint, data[name], path, (where, name))
    if not names.issuperset(data):
        unknown = sorted(set(data) - names)[0]
        raise AgreementFormatError(
            path, None, f"未知の項目 {unknown} があります / unknown field in {_render(where) or 'top level'}"
        )
    return cls(**values)


@functools.cache
def _fields(cls: type) -> tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]:
    """(name, type, has a default) per field of a model class, resolved once per class."""
    hints = typing.get_type_hints(cls, vars(model))
    fields = tuple((f.name, hints[f.name], f.default is not dataclasses.MISSING) for f in dataclasses.fields(cls))
    return fields, frozenset(name for name, _, _ in fields)


@functools.cache
def _shape(hint: Any) -> tuple[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return "optional", next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if origin is tuple:
        return "tuple", typing.get_args(hint)[0]
    return ("dataclass" if dataclasses.is_dataclass(hint) else "scalar"), hint


def _convert(hint: Any, value: Any, path: str | Path, where: Where) -> Any:
    shape, inner = _shape(hint)
    if shape == "optional":
        return None if value is None else _convert(inner, value, path, where)
    if shape == "tuple":
        if not isinstance(value, list):
            place = _render(where)
            raise AgreementFormatError(path, None, f"{place} は一覧であるべきです / {place} must be a list")
        if _shape(inner)[0] == "scalar" and all(_is_a(v, inner) for v in value):
            return tuple(value)  # line numbers, the bulk of a large corpus
        return tuple(_convert(inner, v, path, (where, i)) for i, v in enumerate(value))
    if shape == "dataclass":
        return _build(inner, value, path, where)
    if not _is_a(value, inner):
        place = _render(where)
        raise AgreementFormatError(
            path, None, f"{place} の型が違います（{inner.__name__} であるべき） / {place} must be {inner.__name__}"
        )
    return value


def _is_a(value: Any, scalar: type) -> bool:
    return isinstance(value, scalar) and not (scalar is int and isinstance(value, bool))


# --- sources -------------------------------------------------------------------------------


def load_sources(sources: typing.Sequence[str | Path] | None = None) -> list[Agreement]:
    """Load every agreement named by `sources` (files or directories); default: bundled data."""
    paths = [Path(s) for s in sources] if sources else [default_data_dir()]
    agreements: list[Agreement] = []
    for path in paths:
        agreements.extend(_load_path(path))
    seen: dict[str, Agreement] = {}
    for agreement in agreements:
        if agreement.id in seen:
            raise KyoyakuError(f"同じ協約 ID が二つあります: {agreement.id} / duplicate agreement id {agreement.id}")
        seen[agreement.id] = agreement
    if not agreements:
        raise KyoyakuError(f"協約が見つかりません: {', '.join(map(str, paths))} / no agreements found")
    return agreements


def _load_path(path: Path) -> list[Agreement]:
    if path.is_dir():
        return _load_directory(path)
    if not path.exists():
        raise KyoyakuError(f"ファイルがありません: {path} / no such file")
    if path.suffix.lower() in YAML_SUFFIXES:
        return [load_yaml(path)]
    return [parse_file(path).agreement]


def source_files(sources: typing.Sequence[str | Path] | None = None) -> list[Path]:
    """The files `load_sources(sources)` reads (the corpus cache hashes their bytes)."""
    paths = [Path(s) for s in sources] if sources else [default_data_dir()]
    return [file for path in paths for file in (_agreement_files(path) if path.is_dir() else [path])]


def _agreement_files(directory: Path) -> list[Path]:
    suffixes = AGREEMENT_SUFFIXES + YAML_SUFFIXES
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in suffixes)


def _load_directory(directory: Path) -> list[Agreement]:
    """Each agreement once: a parsed YAML stands for the raw text of the same name beside it.
    The same agreement in two formats (a.txt, a.html) is two agreements, the second id naming
    its format (a-html)."""
    files = _agreement_files(directory)
    texts: dict[str, Path] = {}
    for file in sorted(files, key=lambda f: (f.stem, f.suffix.lower() not in TEXT_SUFFIXES)):  # the text first
        if file.suffix.lower() in AGREEMENT_SUFFIXES:
            texts[file.stem if file.stem not in texts else f"{file.stem}-{file.suffix.lower()[1:]}"] = file
    yamls = {p.stem: p for p in files if p.suffix.lower() in YAML_SUFFIXES}
    agreements = []
    for stem in sorted(texts.keys() | yamls.keys()):
        if stem in yamls:
            agreement = load_yaml(yamls[stem])
            if stem in texts:
                _check_fresh(agreement, yamls[stem], texts[stem])
            agreements.append(agreement)
        else:
            agreements.append(parse_file(texts[stem], stem).agreement)
    return agreements


def _check_fresh(agreement: Agreement, yaml_path: Path, text_path: Path) -> None:
    digest = hashlib.sha256(read_document(text_path).text.encode("utf-8")).hexdigest()
    if agreement.source_sha256 != digest:
        raise KyoyakuError(
            f"{yaml_path} は {text_path.name} の古い解析結果です。"
            f"`kyoyaku-search parse {text_path} > {yaml_path}` で作り直してください"
            f" / {yaml_path} is stale: re-run parse"
        )
