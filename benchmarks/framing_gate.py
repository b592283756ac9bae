"""Found-rate and refusal-rate of generated framing questions, per layout and template half.

    .venv/bin/python benchmarks/framing_gate.py [--misses N]

Topics the agreement holds must be found with the right unit first; topics no agreement holds
must be refused. A: the templates rules were written against; B: held out (tests/framing_cases.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.framing_cases import TEMPLATES_A, TEMPLATES_B, absent_topics, cases, found, layout_corpora, right_first, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    corpora = layout_corpora()
    absent = absent_topics(list(corpora.values()))
    totals: Counter = Counter()
    misses = []
    print(f"{'layout':36} {'A found':>9} {'B found':>9} {'A refused':>10} {'B refused':>10}")
    for layout, corpus in corpora.items():
        row = {}
        for half, templates in (("A", TEMPLATES_A), ("B", TEMPLATES_B)):
            got = Counter()
            for case in cases(layout, corpus, templates, absent):
                answer = run(corpus, case)
                if case.present:
                    ok = right_first(case, answer)
                    got["present"] += 1
                    got["found"] += ok
                    if not ok:
                        misses.append((layout, half, case.question, answer.message[:60]))
                else:
                    ok = not found(answer)
                    got["absent"] += 1
                    got["refused"] += ok
                    if not ok:
                        misses.append((layout, half, case.question, "QUOTED " + answer.hits[0].unit.id))
            row[half] = got
            totals.update({f"{half}{k}": v for k, v in got.items()})
        print(
            f"{layout:36} {row['A']['found'] / row['A']['present']:9.3f} {row['B']['found'] / row['B']['present']:9.3f}"
            f" {row['A']['refused'] / row['A']['absent']:10.3f} {row['B']['refused'] / row['B']['absent']:10.3f}"
        )
    print(
        f"{'all':36} {totals['Afound'] / totals['Apresent']:9.3f} {totals['Bfound'] / totals['Bpresent']:9.3f}"
        f" {totals['Arefused'] / totals['Aabsent']:10.3f} {totals['Brefused'] / totals['Babsent']:10.3f}"
        f"   (cases: {totals['Apresent']}+{totals['Bpresent']} present, {totals['Aabsent']}+{totals['Babsent']} absent)"
    )
    for miss in misses[: args.misses]:
        print(*miss, sep="  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
