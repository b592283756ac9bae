"""Role questions generated from every layout's own cells: how many bring the asked party's cell
first, and how many are refused, answered with another unit or with another party's cell.

    .venv/bin/python benchmarks/role_gate.py [--misses N] [--layout NAME]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kyoyaku_search.errors import KyoyakuError  # noqa: E402
from kyoyaku_search.ingest.parser import parse_file  # noqa: E402
from kyoyaku_search.search.corpus import build_corpus  # noqa: E402
from tests.framing_cases import FIXTURES, SEED  # noqa: E402
from tests.role_cases import cases, run  # noqa: E402

KINDS = ("right", "refused", "wrong-unit", "wrong-party")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--layout", default="")
    args = parser.parse_args()
    totals: Counter = Counter()
    forms: Counter = Counter()
    misses = []
    print(f"{'layout':36} {'cases':>6} " + " ".join(f"{k:>11}" for k in KINDS))
    # the seed and every text fixture (an HTML twin holds the same cells as its text)
    for path in [SEED, *sorted(FIXTURES.glob("*.txt"))]:
        layout = path.stem
        if args.layout not in layout:
            continue
        try:
            corpus = build_corpus([parse_file(path).agreement])
        except KyoyakuError as error:  # a layout an older parser cannot read, when comparing with it
            print(f"{layout:36} not read: {str(error)[:60]}")
            continue
        got: Counter = Counter()
        for case in cases(layout, corpus):
            verdict = run(corpus, case)
            got[verdict.kind] += 1
            forms[(case.form, verdict.kind)] += 1
            forms[("topic:" + case.topic, verdict.kind)] += 1
            if verdict.kind != "right":
                misses.append(
                    (
                        layout,
                        verdict.kind,
                        case.form,
                        case.topic,
                        case.question,
                        case.cell.split("/", 1)[1],
                        verdict.got,
                    )
                )
        totals.update(got)
        n = sum(got.values())
        if n:
            print(f"{layout:36} {n:6} " + " ".join(f"{got[k]:11}" for k in KINDS))
    print(f"{'all':36} {sum(totals.values()):6} " + " ".join(f"{totals[k]:11}" for k in KINDS))
    for form in dict.fromkeys(f for f, _ in forms):
        print(f"  {form:14} " + " ".join(f"{k}={forms[(form, k)]}" for k in KINDS))
    for miss in misses[: args.misses]:
        print(*miss, sep="  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
