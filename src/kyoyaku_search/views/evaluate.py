"""Measure answer quality on a question set: hit@1, hit@3 and MRR, overall and per category.

A case expects one unit id (relative to its agreement: ``row-3a-5/乙``), a list of ids any of
which is right, or a status: ``@no_match``, ``@not_party``, ``@party_roles``.
A set may name its agreement file (``source:``, relative to the set's own file); it is then
scored against that agreement alone, so sets written for other layouts sit beside the seed's.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..answering.answer import QUOTING, Answer, Status, ask
from ..search.corpus import Corpus
from ..search.loading import load_corpus

EVAL_TOP_K = 10
# Statuses whose hits a case's expected units are looked for in: the quoting ones, and the
# rows of an annex section the question names (their order is the annex's).
RANKED = (*QUOTING, Status.SECTION)


@dataclass(frozen=True)
class Case:
    question: str
    expected: tuple[str, ...]
    category: str
    history: tuple[str, ...] = ()  # earlier turns of the same conversation, oldest first


@dataclass(frozen=True)
class Outcome:
    case: Case
    rank: int | None  # 1-based rank of the first right hit; None when missed
    got: str  # what came first, for the failure list
    wrong_party: bool = False  # the first hit is the other party's role cell
    offered: bool = False  # refused (no_match), but the expected unit was among the 関連 shown


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def hit_at(self, k: int, outcomes: Sequence[Outcome] | None = None) -> float:
        rows = self.outcomes if outcomes is None else outcomes
        return sum(1 for o in rows if o.rank is not None and o.rank <= k) / len(rows)

    def mrr(self, outcomes: Sequence[Outcome] | None = None) -> float:
        rows = self.outcomes if outcomes is None else outcomes
        return sum(1 / o.rank for o in rows if o.rank) / len(rows)

    def wrong_party(self) -> int:
        return sum(o.wrong_party for o in self.outcomes)

    def offered(self) -> int:
        return sum(o.offered for o in self.outcomes)

    def categories(self) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.case.category].append(outcome)
        return dict(groups)


def load_cases(path: str | Path) -> tuple[str, list[Case]]:
    """The agreement id the ids are relative to, and the cases (conversation turns included)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    cases = [Case(item["q"], _expected(item), item["category"]) for item in data["cases"]]
    for turns in data.get("conversations", []):
        for position, turn in enumerate(turns):
            history = tuple(t["q"] for t in turns[:position])
            cases.append(Case(turn["q"], _expected(turn), "conversation" if history else "conversation-1st", history))
    return data["agreement"], cases


def set_source(path: str | Path) -> Path | None:
    """The agreement file a question set is written for, when it names one."""
    source = yaml.safe_load(Path(path).read_text(encoding="utf-8")).get("source")
    return (Path(path).parent / source).resolve() if source else None


def _expected(item: dict) -> tuple[str, ...]:
    expected = item["expect"]
    return tuple(expected) if isinstance(expected, list) else (expected,)


def evaluate(corpus: Corpus, agreement_id: str, cases: Sequence[Case], ask_fn=ask) -> Report:  # noqa: ANN001
    return Report(tuple(_outcome(agreement_id, case, _ask_in_context(corpus, case, ask_fn)) for case in cases))


def _ask_in_context(corpus: Corpus, case: Case, ask_fn) -> Answer:  # noqa: ANN001
    history: list[Answer] = []
    for earlier in case.history:
        history.append(ask_fn(corpus, earlier, top_k=EVAL_TOP_K, history=tuple(history)))
    return ask_fn(corpus, case.question, top_k=EVAL_TOP_K, history=tuple(history))


def _outcome(agreement_id: str, case: Case, answer: Answer) -> Outcome:
    got = answer.hits[0].unit.id.split("/", 1)[1] if answer.hits and answer.status in RANKED else f"@{answer.status}"
    wrong = _wrong_party(case, got)
    if case.expected[0].startswith("@"):
        return Outcome(case, 1 if f"@{answer.status}" in case.expected else None, got, wrong)
    wanted = {f"{agreement_id}/{unit_id}" for unit_id in case.expected}
    rank = next((i for i, hit in enumerate(answer.hits, start=1) if hit.unit.id in wanted), None)
    if answer.status not in RANKED:
        # 関連 are never an answer; counted apart, to tell near misses from lost questions
        return Outcome(case, None, got, wrong, offered=answer.status == Status.NO_MATCH and rank is not None)
    return Outcome(case, rank, got, wrong)


def _wrong_party(case: Case, got: str) -> bool:
    """Every expected unit is one party's role cell, and the first hit is another party's."""
    labels = {unit_id.rsplit("/", 1)[1] for unit_id in case.expected if unit_id.count("/") == 1}
    if len(labels) != 1 or any(unit_id.count("/") != 1 for unit_id in case.expected) or got.count("/") != 1:
        return False
    return got.rsplit("/", 1)[1] not in labels


def format_report(report: Report) -> str:
    lines = [f"{'category':<16}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}"]
    for name, rows in sorted(report.categories().items()):
        lines.append(_row(name, report, rows))
    lines.append(_row("all", report, report.outcomes))
    lines.append(f"wrong party first / 他の当事者の役割が1位: {report.wrong_party()}")
    lines.append(f"refused, right unit among 関連 / 該当なしと答え関連に正解: {report.offered()}")
    misses = [o for o in report.outcomes if o.rank != 1]
    if misses:
        lines.append("")
        lines.append("not first / 1位でない:")
        for o in misses:
            context = f"{' → '.join(o.case.history)} → " if o.case.history else ""
            expected = "|".join(o.case.expected)
            lines.append(
                f"  [{o.case.category}] {context}{o.case.question} → expected {expected}, got {o.got} (rank {o.rank})"
            )
    return "\n".join(lines)


def _row(name: str, report: Report, rows: Sequence[Outcome]) -> str:
    return (
        f"{name:<16}{len(rows):>4}{report.hit_at(1, rows):>8.3f}{report.hit_at(3, rows):>8.3f}{report.mrr(rows):>8.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kyoyaku_search.views.evaluate", description="質問集で検索品質を測る / measure hit rates"
    )
    parser.add_argument("cases", nargs="+", help="質問集の YAML / question set(s) to score, e.g. tests/questions.yaml")
    parser.add_argument("--source", action="append")
    args = parser.parse_args(argv)
    corpora: dict[Path | None, Corpus] = {}
    for path in args.cases:
        agreement_id, cases = load_cases(path)
        own = None if args.source else set_source(path)
        if own not in corpora:
            corpora[own] = load_corpus([own] if own else args.source)
        print(f"== {Path(path).name} ==")
        print(format_report(evaluate(corpora[own], agreement_id, cases)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
