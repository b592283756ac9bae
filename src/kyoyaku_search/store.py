"""Agreements on disk: YAML in and out, and loading a `--source` (text, YAML or directory).

YAML is read with `yaml.safe_load` only and mapped onto the frozen dataclasses of `model`
field by field, so a hand-edited file with a missing or mistyped field gets an error that
names the file and the field.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import types
import typing
from pathlib import Path
from typing import Any

import yaml

from . import model
from .errors import AgreementFormatError, KyoyakuError
from .model import Agreement
from .parser import parse_file
from .reader import read_source

AGREEMENT_SUFFIXES = (".txt",)
YAML_SUFFIXES = (".yaml", ".yml")
DATA_ENV = "KYOYAKU_SEARCH_DATA"


BUNDLED_DATA = Path(__file__).resolve().parents[2] / "data"


def default_data_dir() -> Path:
    """The bundled `data/` of this checkout, or $KYOYAKU_SEARCH_DATA."""
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
    data = _to_plain(agreement)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return value
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    return value


def load_yaml(path: str | Path) -> Agreement:
    source = read_source(path)
    try:
        data = yaml.safe_load(source.text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise AgreementFormatError(path, line, f"YAML として読めません / invalid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise AgreementFormatError(path, 1, "協約の YAML ではありません（最上位が対応表ではありません） / not an agreement YAML")
    return _build(Agreement, data, path, "")


def _build(cls: type, data: Any, path: str | Path, where: str) -> Any:
    if not isinstance(data, dict):
        raise AgreementFormatError(path, None, f"{where or '最上位'} は対応表であるべきです / {where or 'top level'} must be a mapping")
    hints = typing.get_type_hints(cls, vars(model))
    values = {}
    for field in dataclasses.fields(cls):
        key = f"{where}.{field.name}" if where else field.name
        if field.name not in data:
            if field.default is not dataclasses.MISSING:
                continue
            raise AgreementFormatError(path, None, f"項目 {key} がありません / missing field {key}")
        values[field.name] = _convert(hints[field.name], data[field.name], path, key)
    unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
    if unknown:
        raise AgreementFormatError(path, None, f"未知の項目 {sorted(unknown)[0]} があります / unknown field in {where or 'top level'}")
    return cls(**values)


def _convert(hint: Any, value: Any, path: str | Path, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return None if value is None else _convert(options[0], value, path, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise AgreementFormatError(path, None, f"{where} は一覧であるべきです / {where} must be a list")
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, v, path, f"{where}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, path, where)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise AgreementFormatError(path, None, f"{where} の型が違います（{hint.__name__} であるべき） / {where} must be {hint.__name__}")
    return value


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


def _load_directory(directory: Path) -> list[Agreement]:
    """Each agreement once: a parsed YAML stands for the raw text of the same name beside it."""
    files = sorted(p for p in directory.iterdir() if p.is_file())
    texts = {p.stem: p for p in files if p.suffix.lower() in AGREEMENT_SUFFIXES}
    yamls = {p.stem: p for p in files if p.suffix.lower() in YAML_SUFFIXES}
    agreements = []
    for stem in sorted(texts.keys() | yamls.keys()):
        if stem in yamls:
            agreement = load_yaml(yamls[stem])
            if stem in texts:
                _check_fresh(agreement, yamls[stem], texts[stem])
            agreements.append(agreement)
        else:
            agreements.append(parse_file(texts[stem]).agreement)
    return agreements


def _check_fresh(agreement: Agreement, yaml_path: Path, text_path: Path) -> None:
    digest = hashlib.sha256(read_source(text_path).text.encode("utf-8")).hexdigest()
    if agreement.source_sha256 != digest:
        raise KyoyakuError(
            f"{yaml_path} は {text_path.name} の古い解析結果です。`kyoyaku-search parse {text_path} > {yaml_path}` で作り直してください"
            f" / {yaml_path} is stale: re-run parse"
        )
