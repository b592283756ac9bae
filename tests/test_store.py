"""YAML in and out, and hand-edited YAML that is wrong."""

from __future__ import annotations

import pytest
import yaml

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.store import load_yaml, to_yaml

from .conftest import SEED_YAML


def test_round_trip(seed, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(to_yaml(seed.agreement), encoding="utf-8")
    assert load_yaml(path) == seed.agreement


def test_yaml_is_readable_japanese():
    text = SEED_YAML.read_text(encoding="utf-8")
    assert "name: 岩見沢市" in text and "lines: [97, 99]" in text


def _broken(tmp_path, mutate) -> AgreementFormatError:
    data = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        load_yaml(path)
    assert caught.value.path == str(path)
    return caught.value


def test_missing_field(tmp_path):
    error = _broken(tmp_path, lambda d: d["articles"][2].pop("text"))
    assert "articles[2].text" in error.message


def test_wrong_type(tmp_path):
    error = _broken(tmp_path, lambda d: d["articles"][0].update(number="一"))
    assert "articles[0].number" in error.message


def test_unknown_field(tmp_path):
    error = _broken(tmp_path, lambda d: d.update(extra=1))
    assert "extra" in error.message


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        load_yaml(path)
    assert caught.value.line is not None
