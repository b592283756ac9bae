"""One cold start, run by bench.py in a fresh process: import → dictionary → corpus → first answer.

    python benchmarks/coldstart.py QUESTION [SOURCE]...

Prints one JSON line: seconds spent in each step (since this script began) and resident memory.
"""

from __future__ import annotations

import json
import sys
import time

START = time.perf_counter()


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    question, sources = sys.argv[1], sys.argv[2:] or None
    steps = {}
    from kyoyaku_search import ask, load_corpus
    from kyoyaku_search.search.tokenizer import Tokenizer

    steps["import"] = time.perf_counter() - START
    tokenizer = Tokenizer()
    tokenizer.terms("辞書")
    steps["dictionary"] = time.perf_counter() - START
    before = resident_mb()
    corpus = load_corpus(sources, tokenizer)
    steps["corpus"] = time.perf_counter() - START
    corpus_mb = resident_mb() - before
    answer = ask(corpus, question)
    steps["answer"] = time.perf_counter() - START
    print(json.dumps({"steps": steps, "status": answer.status, "corpus_mb": corpus_mb, "units": len(corpus.units)}))


if __name__ == "__main__":
    main()
