"""Choose the tokeniser split mode, the rank-bm25 variant and the weights by measurement.

    make eval-grid      (or: .venv/bin/python benchmarks/eval_grid.py)

Prints hit@1 / hit@3 / MRR of the question set (tests/questions.yaml) for each split mode
with the shipped BM25 settings, for each rank-bm25 variant, and the best combinations of
k1, b and the kind boost. Nothing here is timed.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from pathlib import Path

from sudachipy import Dictionary

from kyoyaku_search.ingest.store import load_sources
from kyoyaku_search.search.corpus import SearchSettings, build_corpus
from kyoyaku_search.search.index import Bm25Settings
from kyoyaku_search.search.tokenizer import Tokenizer, TokenizerSettings
from kyoyaku_search.views.evaluate import evaluate, load_cases

QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "questions.yaml"

MODES = (("A", None), ("B", None), ("C", None), ("C", "A"), ("C", "B"), ("B", "A"))


def main() -> int:
    agreement_id, cases = load_cases(QUESTIONS)
    agreements = load_sources()
    dictionary = Dictionary(dict="core")
    shipped_bm25, shipped_search = Bm25Settings(), SearchSettings()

    def run(tokenizer: Tokenizer, bm25: Bm25Settings, search: SearchSettings):  # noqa: ANN202
        report = evaluate(build_corpus(agreements, tokenizer, bm25, search), agreement_id, cases)
        return report.hit_at(1), report.hit_at(3), report.mrr()

    tokenizers = {
        f"{mode}+{sub}" if sub else mode: Tokenizer(TokenizerSettings(mode=mode, sub_mode=sub), dictionary)
        for mode, sub in MODES
    }
    print(f"questions: {len(cases)}; shipped: {shipped_bm25}, {shipped_search}\n")
    print("split mode (shipped BM25 and weights)")
    print(f"  {'mode':<6}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}")
    for name, tokenizer in tokenizers.items():
        print(f"  {name:<6}" + "".join(f"{v:>8.3f}" for v in run(tokenizer, shipped_bm25, shipped_search)))

    shipped_tokenizer = tokenizers[f"{TokenizerSettings().mode}+{TokenizerSettings().sub_mode}"]
    print("\nsynonym layers (shipped split mode, BM25 and weights)")
    layers = {
        "none": dict(domain_weight=0.0, sudachi_weight=0.0),
        "domain": dict(sudachi_weight=0.0),
        "sudachi": dict(domain_weight=0.0),
        "both": {},
    }
    for name, change in layers.items():
        search = dataclasses.replace(shipped_search, **change)
        print(f"  {name:<8}" + "".join(f"{v:>8.3f}" for v in run(shipped_tokenizer, shipped_bm25, search)))
    print("  weights (domain, sudachi) with both layers")
    for domain, sudachi in itertools.product((0.5, 0.8, 1.0), (0.3, 0.5, 0.8)):
        search = dataclasses.replace(shipped_search, domain_weight=domain, sudachi_weight=sudachi)
        print(
            f"  {domain:<4}{sudachi:<4}" + "".join(f"{v:>8.3f}" for v in run(shipped_tokenizer, shipped_bm25, search))
        )
    print("\nrank-bm25 variant (shipped split mode, k1, b)")
    for variant in ("okapi", "l", "plus"):
        bm25 = dataclasses.replace(shipped_bm25, variant=variant)
        print(f"  {variant:<6}" + "".join(f"{v:>8.3f}" for v in run(shipped_tokenizer, bm25, shipped_search)))

    print("\nbest 12 of variant × k1 × b × kind boost × sub-word weight (shipped split mode)")
    results = []
    grid = itertools.product(
        ("okapi", "l", "plus"), (0.9, 1.2, 1.5, 2.0), (0.5, 0.75, 0.9), (1.0, 1.5, 2.0, 3.0), (0.3, 0.5, 1.0)
    )
    for variant, k1, b, boost, sub in grid:
        bm25 = Bm25Settings(variant=variant, k1=k1, b=b)
        search = dataclasses.replace(shipped_search, kind_boost=boost, sub_word_weight=sub)
        results.append((run(shipped_tokenizer, bm25, search), (variant, k1, b, boost, sub)))
    results.sort(key=lambda r: (-r[0][0], -r[0][2], -r[0][1]))
    print(f"  {'variant':<8}{'k1':>5}{'b':>6}{'boost':>7}{'sub':>6}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}")
    for (h1, h3, mrr), (variant, k1, b, boost, sub) in results[:12]:
        print(f"  {variant:<8}{k1:>5}{b:>6}{boost:>7}{sub:>6}{h1:>8.3f}{h3:>8.3f}{mrr:>8.3f}")
    worst = results[-1]
    print(f"  worst: {worst[1]} hit@1 {worst[0][0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
