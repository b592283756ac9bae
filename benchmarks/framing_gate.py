"""Found-rate and refusal-rate of generated framing questions, per layout and template half.

    .venv/bin/python benchmarks/framing_gate.py [--misses N]

Topics the agreement holds must be found with the right unit first; topics no agreement holds
must be refused. A: the templates rules were written against; B: held out (tests/framing_cases.py).
Then two measures of the decision on every layout, not only the seed: another agreement's 取組
asked of this one, which holds none of its own words (tests/cross_cases.py), must be refused;
a neighbouring municipality must get the not-party message in each way it is written, and a
party written with its prefecture or 郡 never (tests/neighbour_cases.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kyoyaku_search import ask  # noqa: E402
from kyoyaku_search.answering.result import Status  # noqa: E402
from tests.cross_cases import cross_topics  # noqa: E402
from tests.framing_cases import TEMPLATES_A, TEMPLATES_B, absent_topics, cases, found, layout_corpora, right_first, run  # noqa: E402
from tests.neighbour_cases import name_cases  # noqa: E402

# A third of each half: the cross-agreement topics are many (some 60 per layout).
CROSS_STEP = 3


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
    misses += cross_off_topic(corpora)
    misses += neighbours(corpora)
    for miss in misses[: args.misses]:
        print(*miss, sep="  ")
    return 0


def cross_off_topic(corpora: dict) -> list[tuple]:
    """Refused share of other agreements' 取組 asked of each layout, per template half."""
    by_layout = cross_topics(corpora)
    misses, totals = [], Counter()
    print(f"\n{'cross-agreement off-topic':36} {'A refused':>10} {'B refused':>10} {'topics':>7}")
    for layout, corpus in corpora.items():
        row = Counter()
        party = corpus.party_names[0].name if corpus.party_names else "市"
        for half, templates in (("A", TEMPLATES_A), ("B", TEMPLATES_B)):
            for template in templates[::CROSS_STEP]:
                for topic in by_layout[layout]:
                    question = template.format(t=topic, p=party)
                    answer = ask(corpus, question)
                    row[half] += 1
                    if found(answer):
                        misses.append((layout, f"cross {half}", question, "QUOTED " + answer.hits[0].unit.id))
                    else:
                        row[f"{half} refused"] += 1
        totals.update(row)
        print(f"{layout:36} {_share(row, 'A'):10.3f} {_share(row, 'B'):10.3f} {len(by_layout[layout]):7}")
    print(f"{'all':36} {_share(totals, 'A'):10.3f} {_share(totals, 'B'):10.3f}   (cases: {totals['A']}+{totals['B']})")
    return misses


def _share(counts: Counter, half: str) -> float:
    return counts[f"{half} refused"] / counts[half] if counts[half] else 1.0


def neighbours(corpora: dict) -> list[tuple]:
    """Per way of writing a name: the share answered right (not-party for a neighbour, anything
    else for a party), over every layout with neighbours in tests/neighbour_cases.py."""
    misses, right, total = [], Counter(), Counter()
    for layout, corpus in corpora.items():
        rows = [u for u in corpus.units if u.kind == "row" and u.initiative]
        topic = rows[0].initiative if rows else "連携"
        for case in name_cases(layout.removesuffix(".html"), topic):
            key = ("neighbour " if case.outsider else "party ") + case.form
            if case.outsider and corpus.occurs(case.name):
                if case.form not in ("full", "region"):
                    continue  # 「尾道」 of a list naming 尾道市: the agreement's own word
                key = "neighbour the agreement names"  # 尾道市 in 三原市・福山市's list of the 圏域
            answer = ask(corpus, case.question)
            total[key] += 1
            if (answer.status is Status.NOT_PARTY) == case.outsider:
                right[key] += 1
            else:
                misses.append((layout, key, case.question, answer.status, answer.message[:50]))
    print(f"\n{'names (not-party message right)':36} {'right':>7} {'cases':>7}")
    for key in sorted(total):
        print(f"{key:36} {right[key] / total[key]:7.3f} {total[key]:7}")
    return misses


if __name__ == "__main__":
    sys.exit(main())
