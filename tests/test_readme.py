"""The README's Elasticsearch analyzer (the path beyond one machine) follows the tokenizer's settings."""

from __future__ import annotations

import json
import re

from kyoyaku_search.search.index import Bm25Settings
from kyoyaku_search.search.tokenizer import TokenizerSettings

from .conftest import ROOT


def readme_index_settings() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return json.loads(re.search(r"```json\n(.*?)```", readme, re.S).group(1))["settings"]["index"]


def test_the_analyzer_drops_what_the_tokenizer_drops():
    settings, shipped = readme_index_settings(), TokenizerSettings()
    filters = settings["analysis"]["filter"]
    assert filters["content_words"]["stoptags"] == list(shipped.dropped_pos)
    assert set(filters["legal_connectives"]["stopwords"]) == shipped.stop_terms
    assert settings["analysis"]["tokenizer"]["sudachi_c"]["split_mode"] == shipped.mode
    assert (filters["sub_words"]["mode"] == "search") == (shipped.sub_mode == "A")


def test_the_similarity_uses_the_shipped_k1_and_b():
    similarity = readme_index_settings()["similarity"]["default"]
    assert (similarity["k1"], similarity["b"]) == (Bm25Settings().k1, Bm25Settings().b)
