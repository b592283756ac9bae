"""Every answer, field by field, to diff before and after a change that must not change answers.

    .venv/bin/python benchmarks/answer_dump.py OUT.jsonl [--framing] [--variants]
    diff before.jsonl after.jsonl

For every question of every set in tests/ (follow-ups asked after their turns), asked
of the seed alone and of the seed with the fixture layouts (tests/fixtures/agreements) loaded
together, or, for a set naming its agreement (``source:``), of that agreement alone; with --framing also the generated framing cases, each layout on its own
(tests/framing_cases.py); with --variants each eval case also with the default top_k and with each
party as the filter. One JSON line per answer: status, message, quotes, listed items,
ranked units with their exact scores and citations, notes, the question as understood and the
context a follow-up inherits. Speed work keeps this file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kyoyaku_search import ask  # noqa: E402
from kyoyaku_search.answering.question import Context, Question  # noqa: E402
from kyoyaku_search.answering.result import Answer  # noqa: E402
from kyoyaku_search.ingest.parser import parse_file  # noqa: E402
from kyoyaku_search.search.corpus import Corpus, build_corpus  # noqa: E402
from kyoyaku_search.views.evaluate import EVAL_TOP_K, Case, load_cases, set_source  # noqa: E402
from tests.framing_cases import (  # noqa: E402
    FIXTURES,
    LAYOUT_FILES,
    SEED,
    TEMPLATES_A,
    TEMPLATES_B,
    absent_topics,
    cases,
    layout_corpora,
)

# Every question set in tests/ (those `make eval` scores and any added since), by name.
EVAL_SETS = tuple(sorted(path.stem for path in (ROOT / "tests").glob("questions*.yaml")))
# Question fields as they stood when the dump was made: new fields do not change an answer.
QUESTION_FIELDS = (
    "text",
    "parties",
    "labels",
    "outsiders",
    "kind",
    "weights",
    "topic_terms",
    "own_topic_terms",
    "expansions",
    "corrections",
    "initiatives",
    "phrase",
    "content",
    "foreign",
)


def answer_record(answer: Answer) -> dict:
    """Every field of an answer a view renders or a follow-up inherits; floats as repr."""
    return {
        "status": str(answer.status),
        "message": answer.message,
        "quotes": [[q.heading, q.hit.unit.id, q.citation] for q in answer.quotes],
        "items": [[i.name, i.citation] for i in answer.items],
        "hits": [
            [h.unit.id, repr(float(h.score)), h.citation, h.parties, h.source, list(h.labels)] for h in answer.hits
        ],
        "notes": list(answer.notes),
        "inherited": answer.inherited,
        "text": answer.text,
        "question": _question(answer.question),
        "context": _context(answer.context),
    }


def _question(question: Question | None) -> object:
    if question is None:
        return None
    return {name: repr(getattr(question, name)) for name in QUESTION_FIELDS}


def _context(context: Context | None) -> object:
    return None if context is None else repr(sorted(asdict(context).items()))


def eval_lines(label: str, corpus: Corpus, variants: bool = False) -> Iterator[str]:
    """Each case asked as `make eval` asks it; with `variants` also with the default top_k and
    with each party of the corpus as the sidebar's filter."""
    ways: list[dict] = [{"top_k": EVAL_TOP_K}]
    if variants:
        ways += [{}, *({"party": name} for name in dict.fromkeys(p.name for p in corpus.party_names))]
    for name in EVAL_SETS:
        if set_source(ROOT / "tests" / f"{name}.yaml") is not None:
            continue  # asked of its own agreement (own_lines)
        _, set_cases = load_cases(ROOT / "tests" / f"{name}.yaml")
        for case in set_cases:
            for way in ways:
                yield _line(label, name, case, way, _ask(corpus, case, way))


def _ask(corpus: Corpus, case: Case, way: dict) -> Answer:
    history: list[Answer] = []
    for earlier in case.history:
        history.append(ask(corpus, earlier, history=tuple(history), **way))
    return ask(corpus, case.question, history=tuple(history), **way)


def _line(label: str, name: str, case: Case, way: dict, answer: Answer) -> str:
    record = {"corpus": label, "set": name, "q": case.question, "history": list(case.history)}
    record |= {"way": way} if way != {"top_k": EVAL_TOP_K} else {}
    return json.dumps({**record, **answer_record(answer)}, ensure_ascii=False, sort_keys=True)


def own_lines(variants: bool = False) -> Iterator[str]:
    """The sets naming their own agreement (``source:``), each asked of that agreement alone, as
    `make eval` asks them."""
    ways: list[dict] = [{"top_k": EVAL_TOP_K}]
    for name in EVAL_SETS:
        source = set_source(ROOT / "tests" / f"{name}.yaml")
        if source is None:
            continue
        corpus = build_corpus([parse_file(source).agreement])
        if variants:
            ways = [
                {"top_k": EVAL_TOP_K},
                {},
                *({"party": p} for p in dict.fromkeys(p.name for p in corpus.party_names)),
            ]
        _, set_cases = load_cases(ROOT / "tests" / f"{name}.yaml")
        for case in set_cases:
            for way in ways:
                yield _line(source.stem, name, case, way, _ask(corpus, case, way))


def framing_lines() -> Iterator[str]:
    corpora = layout_corpora()
    absent = absent_topics(list(corpora.values()))
    for layout, corpus in corpora.items():
        for case in cases(layout, corpus, (*TEMPLATES_A, *TEMPLATES_B), absent):
            answer = ask(corpus, case.question)
            yield json.dumps(
                {"corpus": layout, "set": "framing", "q": case.question, **answer_record(answer)},
                ensure_ascii=False,
                sort_keys=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--framing", action="store_true", help="also the generated framing cases per layout")
    parser.add_argument("--variants", action="store_true", help="also the default top_k and each party as filter")
    args = parser.parse_args()
    seed = parse_file(SEED).agreement
    layouts = [parse_file(FIXTURES / name).agreement for name in LAYOUT_FILES]
    with args.out.open("w", encoding="utf-8") as out:
        for label, agreements in (("seed", [seed]), ("seed+layouts", [seed, *layouts])):
            for line in eval_lines(label, build_corpus(agreements), args.variants):
                out.write(line + "\n")
        for line in own_lines(args.variants):
            out.write(line + "\n")
        if args.framing:
            for line in framing_lines():
                out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
