"""Shared fixtures: the seed agreement as published, parsed, and indexed (real SudachiPy)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kyoyaku_search.cache import CACHE_ENV
from kyoyaku_search.corpus import Corpus, build_corpus
from kyoyaku_search.parser import ParsedSource, parse_file
from kyoyaku_search.tokenizer import Tokenizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED_TEXT = DATA / "sapporo-iwamizawa-2019.txt"
SEED_YAML = DATA / "sapporo-iwamizawa-2019.yaml"
SEED_ID = "sapporo-iwamizawa-2019"


@pytest.fixture(scope="session", autouse=True)
def corpus_cache_dir(tmp_path_factory) -> Path:
    """Every corpus the tests load is cached in a fresh directory, never the user's cache."""
    directory = tmp_path_factory.mktemp("corpus-cache")
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(directory)
    yield directory
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed() -> ParsedSource:
    return parse_file(SEED_TEXT)


@pytest.fixture(scope="session")
def corpus(seed: ParsedSource, tokenizer: Tokenizer) -> Corpus:
    return build_corpus([seed.agreement], tokenizer)
