"""Every real layout parses to its golden YAML (`tests/fixtures/agreements/golden/<file>.yaml`),
so any change in what the parser reads from a published agreement — a cell, a line number, a
party's name — shows as a diff of that file. After checking a change is right, rewrite them with
`.venv/bin/python -m tests.test_golden`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.ingest.store import load_yaml, to_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
GOLDEN = FIXTURES / "golden"
LAYOUT_FILES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.yaml"


@pytest.mark.parametrize("name", LAYOUT_FILES)
def test_the_layout_parses_to_its_golden_yaml(name):
    parsed = parse_file(FIXTURES / name).agreement
    assert to_yaml(parsed) == golden_path(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", LAYOUT_FILES)
def test_the_golden_yaml_loads_back_as_the_same_agreement(name):
    assert load_yaml(golden_path(name)) == parse_file(FIXTURES / name).agreement


def test_every_golden_file_has_its_layout():
    assert sorted(p.name for p in GOLDEN.iterdir()) == [f"{name}.yaml" for name in LAYOUT_FILES]


def write_golden() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name in LAYOUT_FILES:
        golden_path(name).write_text(to_yaml(parse_file(FIXTURES / name).agreement), encoding="utf-8")


if __name__ == "__main__":
    write_golden()
