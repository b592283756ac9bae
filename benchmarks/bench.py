"""Speed and scale, side by side: `make bench` (or .venv/bin/python benchmarks/bench.py).

For the seed and for synthetic corpora of 1,000, 10,000 and 100,000 units (generated here from
the seed's sentences, see synthetic.py) it prints, from this one run:
- answer latency, question → `Answer` via `ask()`, against the floor (SudachiPy tokenising the
  question alone): median and p95 over the question set (tests/questions.yaml without follow-up turns,
  party names changed to a synthetic agreement's), repeated;
- each BM25 engine (shipped, rank-bm25, rank-bm25-rs, bm25s): index build time, query time
  (weighted terms → top 10), memory it keeps (in a fresh process) and its largest score
  difference from rank-bm25;
- cold start in a fresh process, start → first answer, with an empty and with a warm cache;
- parse time per format and upload → first answer for a 5-page PDF (`ingest.py`).
Timings are noisy on a shared machine: compare the ratios, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.engines import ENGINES, RankBm25  # noqa: E402

from kyoyaku_search import ask, build_corpus, load_sources  # noqa: E402
from kyoyaku_search.answering.question import understand  # noqa: E402
from kyoyaku_search.search.tokenizer import Tokenizer  # noqa: E402
from kyoyaku_search.views.evaluate import load_cases  # noqa: E402
from tests.synthetic import SEED, synthetic_agreements, synthetic_text  # noqa: E402

QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "questions.yaml"

SIZES = (0, 1_000, 10_000, 100_000)  # 0: the seed as published
REPEATS = {0: 30, 1_000: 20, 10_000: 10, 100_000: 5}
QUESTION = "岩見沢市の災害対策での役割は"


def timings(run: Callable[[Any], object], questions: Sequence[Any], repeats: int) -> np.ndarray:
    out = []
    for question in questions:
        run(question)  # warm: first use of a term, lazily built lookups
        for _ in range(repeats):
            start = time.perf_counter()
            run(question)
            out.append(time.perf_counter() - start)
    return np.array(out)


def p(times: np.ndarray) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    return float(np.median(times) * 1e3), float(np.percentile(times, 95) * 1e3)


def localised(questions: Sequence[str], first: str, second: str) -> list[str]:
    """The seed's questions, asked of the agreement between `first` (甲) and `second` (乙)."""

    def rename(q: str) -> str:
        q = q.replace("札幌市", first).replace("岩見沢市", second)
        return q.replace("札幌", first[:-1]).replace("岩見沢", second[:-1])

    return [rename(q) for q in questions]


def documents_of(index) -> list[list[str]]:  # noqa: ANN001
    """Each unit's terms (as a bag: BM25 ignores order) from the shipped index's postings."""
    postings = index.postings
    documents: list[list[str]] = [[] for _ in range(index.size)]
    terms = np.repeat(np.arange(len(postings.vocabulary)), np.diff(postings.offsets))
    for term, doc, count in zip(
        terms.tolist(), postings.documents.tolist(), postings.frequencies.tolist(), strict=False
    ):
        documents[doc].extend([postings.vocabulary[term]] * count)
    return documents


def retained_mb(engine: str, documents: list[list[str]]) -> float:
    """Memory an engine keeps once its input is freed, measured in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "documents.json"
        path.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, __file__, "--retained", engine, str(path)], capture_output=True, text=True, check=True
        )
    return float(out.stdout)


def _retained_child(engine: str, path: str) -> None:
    import ctypes
    import gc

    def resident() -> float:
        gc.collect()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    ENGINES[engine]([["準備"]])  # imports and first-use allocations are not the index
    before = resident()
    documents = json.loads(Path(path).read_text(encoding="utf-8"))
    built = ENGINES[engine](documents)
    del documents
    print(resident() - before)
    del built


def corpus_rows(size: int, tokenizer: Tokenizer, cases: list[str]) -> tuple[list[str], list[str]]:
    agreements = load_sources() if size == 0 else synthetic_agreements(size)
    start = time.perf_counter()
    corpus = build_corpus(agreements, tokenizer)
    build = time.perf_counter() - start
    middle = agreements[len(agreements) // 2]
    questions = cases if size == 0 else localised(cases, middle.parties[0].name, middle.parties[1].name)
    repeats = REPEATS[size]
    sudachi = tokenizer._sudachi()  # noqa: SLF001 - the floor is Sudachi itself, nothing of ours
    floor = p(timings(sudachi.tokenize, questions, repeats))
    answer = p(timings(lambda q: ask(corpus, q), questions, repeats))
    label = "seed" if size == 0 else f"{size:,}"
    units = len(corpus.units)
    latency = [
        f"{label:>8} {units:>8,} {build:>8.2f} {floor[0]:>9.4f} {answer[0]:>9.4f} {answer[1]:>9.4f} {answer[0] / floor[0]:>8.1f}×"
    ]

    documents = documents_of(corpus.index)
    queries = [dict(understand(corpus, q).weights) for q in questions]
    reference = RankBm25(documents)
    expected = [reference.scores(q) for q in queries[:20]]
    engines = []
    reference_p50 = None
    for name, make in ENGINES.items():
        start = time.perf_counter()
        engine = make(documents)
        built = time.perf_counter() - start
        # rank-bm25 takes ~40 ms a question at 100,000 units: twice through the questions will do.
        slow = name.startswith("rank-bm25 get") and size >= 10_000
        query = p(timings(engine.search, queries, 2 if slow else repeats))
        reference_p50 = query[0] if name.startswith("rank-bm25 get") else reference_p50
        difference = max(
            float(np.max(np.abs(engine.scores(q) - e))) for q, e in zip(queries[:20], expected, strict=False)
        )
        del engine
        engines.append((name, built, query, retained_mb(name, documents), difference))
    rows = [
        f"{label:>8} {name:<20} {built:>8.2f} {query[0]:>9.4f} {query[1]:>9.4f} {reference_p50 / query[0]:>8.1f}× {memory:>8.1f} {difference:>9.1e}"
        for name, built, query, memory, difference in engines
    ]
    latency[0] += f" {reference_p50 / answer[0]:>9.1f}×"
    return latency, rows


def cold_start(sources: list[str], cache: Path, question: str) -> dict:
    env = dict(os.environ, KYOYAKU_SEARCH_CACHE_DIR=str(cache))
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "coldstart.py"), question, *sources],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result = json.loads(out.stdout)
    result["wall"] = time.perf_counter() - start
    return result


def cold_rows(tmp: Path) -> list[str]:
    streamlit = min(_wall([sys.executable, "-c", "import streamlit"]) for _ in range(3))
    python = min(_wall([sys.executable, "-c", "pass"]) for _ in range(3))
    rows = [
        f"  python -c pass: {python:.2f} s; import streamlit: {streamlit:.2f} s (the app pays it before any of this)"
    ]
    big = tmp / "synthetic-100k"
    big.mkdir()
    seed_text = SEED.read_text(encoding="utf-8")
    for agreement in synthetic_agreements(100_000, seed_text):
        number = int(agreement.id.rsplit("-", 1)[1])
        first, second = agreement.parties[0].name, agreement.parties[1].name
        (big / f"{agreement.id}.txt").write_text(synthetic_text(seed_text, number, first, second), encoding="utf-8")
    middle = sorted(big.iterdir())[len(list(big.iterdir())) // 2]
    names = load_sources([str(middle)])[0].parties
    for label, sources, question in (
        ("seed", [], QUESTION),
        ("100k", [str(big)], localised([QUESTION], names[0].name, names[1].name)[0]),
    ):
        cache = tmp / f"cache-{label}"
        for state in ("empty cache", "warm cache", "warm cache"):
            result = cold_start(sources, cache, question)
            s = result["steps"]
            rows.append(
                f"  {label:>5} {state:<12} start→answer {result['wall']:>6.2f} s   import {s['import']:.2f}  dictionary +{s['dictionary'] - s['import']:.2f}"
                f"  corpus +{s['corpus'] - s['dictionary']:.2f}  answer +{s['answer'] - s['corpus']:.3f}  ({result['units']:,} units, corpus {result['corpus_mb']:.0f} MB, {result['status']})"
            )
    return rows


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="0 = the seed")
    parser.add_argument("--retained", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold starts")
    parser.add_argument("--no-ingest", action="store_true", help="skip parse time per format and upload → answer")
    args = parser.parse_args(argv)
    if args.retained:
        _retained_child(*args.retained)
        return 0
    _, cases = load_cases(QUESTIONS)
    questions = [case.question for case in cases if not case.history]  # follow-ups need their turn before
    tokenizer = Tokenizer()
    print(
        f"kyoyaku-search bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, numpy {np.__version__}; {len(questions)} questions; times in ms, medians and p95\n"
    )
    latency, engines = [], []
    for size in args.sizes:
        rows = corpus_rows(size, tokenizer, questions)
        latency += rows[0]
        engines += rows[1]
        print(f"  … {size or 'seed'} done", file=sys.stderr, flush=True)
    print("answer latency, question → Answer (ask)")
    print(
        f"{'corpus':>8} {'units':>8} {'build s':>8} {'floor p50':>9} {'ask p50':>9} {'ask p95':>9} {'÷floor':>9} {'rank-bm25÷ask':>10}"
    )
    print("\n".join(latency))
    print("\nBM25 engines: build, weighted terms → top 10, memory kept, largest |score − rank-bm25|")
    print(
        f"{'corpus':>8} {'engine':<20} {'build s':>8} {'p50':>9} {'p95':>9} {'speed-up':>9} {'kept MB':>8} {'max |Δ|':>9}"
    )
    print("\n".join(engines))
    if not args.no_cold:
        print("\ncold start, a fresh process: start → first answer (steps in s since the script began)")
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(cold_rows(Path(tmp))))
    if not args.no_ingest:
        from benchmarks import ingest

        print()
        ingest.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
