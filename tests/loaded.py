"""Corpora the generated property tests run over: the seed alone, and several agreements of the
template loaded together (other parties, 令和 dates, articles past 第十条, a row missing)."""

from __future__ import annotations

from pathlib import Path

from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.loading import load_corpus

from .conftest import SEED_TEXT
from .variants import add_articles, drop_lines_containing, reiwa, rename_parties


def variant_corpus(folder: Path) -> Corpus:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    (folder / "sapporo-iwamizawa.txt").write_text(seed, encoding="utf-8")
    longer = add_articles(rename_parties(reiwa(seed), "石狩市", "北斗市"), 9)
    (folder / "ishikari-hokuto.txt").write_text(longer, encoding="utf-8")
    no_row = drop_lines_containing(seed, "災害対策\t")
    (folder / "asahikawa-nayoro.txt").write_text(rename_parties(no_row, "旭川市", "名寄市"), encoding="utf-8")
    return load_corpus([str(folder)])
