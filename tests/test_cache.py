"""The corpus cache: a restart reuses it, any change or damage rebuilds, answers never differ."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kyoyaku_search import ask, load_corpus
from kyoyaku_search.search.cache import cache_file
from kyoyaku_search.search.index import Bm25Settings
from kyoyaku_search.views.evaluate import load_cases
from tests.conftest import QUESTIONS

from .conftest import SEED_TEXT, SEED_YAML


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    """A private copy of the seed (text and YAML), free to change."""
    directory = tmp_path / "data"
    directory.mkdir()
    shutil.copy(SEED_TEXT, directory)
    shutil.copy(SEED_YAML, directory)
    return directory


def saved_file(sources: Path, tokenizer, cache: Path) -> Path:
    found = cache_file([str(sources)], tokenizer.settings, Bm25Settings(), cache)
    assert found is not None
    return found.path


def answers(corpus) -> list[dict]:
    _, cases = load_cases(QUESTIONS)
    return [ask(corpus, case.question, top_k=10).to_json() for case in cases]


def test_cached_and_uncached_corpora_answer_the_same(sources, tokenizer, tmp_path):
    built = load_corpus([str(sources)], tokenizer, cache=False)
    first = load_corpus([str(sources)], tokenizer, cache=tmp_path / "cache")  # builds, saves
    assert cache_file([str(sources)], tokenizer.settings, Bm25Settings(), tmp_path / "cache").read() is not None
    second = load_corpus([str(sources)], tokenizer, cache=tmp_path / "cache")  # reads
    assert second.agreements == built.agreements
    assert second.units == built.units
    assert second.party_names == built.party_names
    assert second.text_blob == built.text_blob
    assert second.spelling == built.spelling
    assert second.lexicon == built.lexicon
    assert answers(second) == answers(first) == answers(built)


def test_a_changed_source_rebuilds(sources, tokenizer, tmp_path):
    cache = tmp_path / "cache"
    saved = cache_file([str(sources)], tokenizer.settings, Bm25Settings(), cache)
    before = ask(load_corpus([str(sources)], tokenizer, cache=cache), "岩見沢市の災害対策での役割は")
    assert "消防の連携" in before.text
    (sources / SEED_YAML.name).unlink()  # the raw text alone, changed
    text = sources / SEED_TEXT.name
    text.write_text(text.read_text(encoding="utf-8").replace("消防の連携", "防火の連携"), encoding="utf-8")
    after = ask(load_corpus([str(sources)], tokenizer, cache=cache), "岩見沢市の災害対策での役割は")
    assert "防火の連携" in after.text and "消防の連携" not in after.text
    changed = cache_file([str(sources)], tokenizer.settings, Bm25Settings(), cache)
    assert changed.key != saved.key and changed.path == saved.path  # rewritten in place
    assert [p.name for p in cache.iterdir()] == [saved.path.name]  # nothing stale left behind


def test_settings_are_part_of_the_key(sources, tokenizer, tmp_path):
    plus = cache_file([str(sources)], tokenizer.settings, Bm25Settings(), tmp_path)
    okapi = cache_file([str(sources)], tokenizer.settings, Bm25Settings(variant="okapi"), tmp_path)
    assert plus is not None and okapi is not None
    assert plus.path != okapi.path and plus.key != okapi.key


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated mid-write by a crash
        lambda data: data[:1000] + bytes(b ^ 0xFF for b in data[1000:1100]) + data[1100:],  # flipped bytes
        lambda data: data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1 :],  # one bit
        lambda data: b"",  # empty
        lambda data: b"not a zip file at all",
    ],
)
def test_a_damaged_cache_is_rebuilt_not_trusted(sources, tokenizer, tmp_path, damage):
    cache = tmp_path / "cache"
    expected = answers(load_corpus([str(sources)], tokenizer, cache=cache))
    path = saved_file(sources, tokenizer, cache)
    path.write_bytes(damage(path.read_bytes()))
    assert answers(load_corpus([str(sources)], tokenizer, cache=cache)) == expected
    assert cache_file([str(sources)], tokenizer.settings, Bm25Settings(), cache).read() is not None  # rewritten


def test_an_unwritable_cache_directory_only_costs_time(sources, tokenizer, tmp_path):
    blocked = tmp_path / "file-not-directory"
    blocked.write_text("x")
    corpus = load_corpus([str(sources)], tokenizer, cache=blocked / "cache")
    assert ask(corpus, "岩見沢市の災害対策での役割は").status == "answered"
