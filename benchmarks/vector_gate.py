"""Measure chiVe word vectors in the found / not-found decision and as a low-weight expansion
(issue 10, second design; not part of the package).

    pip download ja-ginza==5.3.0 --no-deps -d /tmp/ginza && unzip -q /tmp/ginza/ja_ginza-*.whl -d /tmp/ginza
    .venv/bin/python benchmarks/vector_gate.py /tmp/ginza/ja_ginza/ja_ginza-5.3.0/vocab --framing [--partial]

A question content word (noun, verb, adjective; not a proper noun) that no unit holds is
covered by a unit holding a corpus term within cosine θ of it (at most `--limit` terms; with
`--partial` in part, at PARTIAL_CREDIT), and those terms are added to the search at weight w,
only for a word the question is about (not its backdrop or asking words, 「市民です。」). The vetoes (answering/foreign.py: proper
nouns, professions, properties no unit states) and the words of asking are decided on the
question as it is without vectors, so they keep refusing what they refused. Per grid point:
hit@1/hit@3 of every `make eval` set and the dev set, off-topic quoted per set (cases expecting
@no_match that got a quote), wrong party first, and with `--framing` the framing gate
(found A/B, refused A/B).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import kyoyaku_search.answering.question as question_module  # noqa: E402
from chive import Neighbours, WordVectors  # noqa: E402
from kyoyaku_search.answering.confidence import Content  # noqa: E402
from kyoyaku_search.answering.framing import QUESTION_WORDS  # noqa: E402
from kyoyaku_search.search.corpus import Corpus  # noqa: E402
from kyoyaku_search.search.lexicon import Expansion, expansion_terms  # noqa: E402
from kyoyaku_search.search.loading import load_corpus  # noqa: E402
from kyoyaku_search.views.evaluate import evaluate, load_cases  # noqa: E402

SETS = [
    "tests/questions.yaml",
    "tests/questions-holdout.yaml",
    "tests/questions-tuning.yaml",
    "tests/questions-offtopic.yaml",
    *(f"tests/questions-blind-r{n}.yaml" for n in ("1", "2", "3", "4", "5", "6", "7a", "7b", "8a", "8b", "9a", "9b")),
    "tests/questions-dev-paraphrase.yaml",
]
CONTENT_POS = ("名詞", "動詞", "形容詞")


class Setting:
    """The grid point in force (θ, w); None: no vectors. Module state: a benchmark, not the package."""

    threshold: float | None = None
    weight: float = 0.0
    limit: int = 2
    neighbours: dict[int, Neighbours] = {}  # by id(corpus.index)
    vectors: WordVectors | None = None
    # per question: source surface → the cover tuples vectors added (stripped for the vetoes)
    added: dict[str, set[tuple[str, ...]]] = {}
    source_terms: dict[str, str] = {}  # source surface → its term
    plain: tuple[Content, ...] = ()  # the question's content as related without vectors
    pos: tuple[str, ...] = CONTENT_POS
    partial: bool = False  # a vector neighbour covers a word in part (PARTIAL_CREDIT), not whole


class VectorLexicon:
    """The corpus's lexicon plus the nearest corpus terms of the content words no unit holds."""

    def __init__(self, corpus: Corpus) -> None:
        self.inner, self.corpus = corpus.lexicon, corpus

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.inner, name)

    def expansions(self, folded, tokens):  # noqa: ANN001, ANN201
        out = self.inner.expansions(folded, tokens)
        Setting.added, Setting.source_terms = {}, {}
        if Setting.threshold is None:
            return out
        df = self.corpus.index.document_frequency
        neighbours = neighbours_of(self.corpus)
        targets = {e.target for e in out}  # a synonym list's own cover is not the vectors'
        for token in tokens:
            if token.pos[0] not in Setting.pos or token.pos[1] == "固有名詞" or df(token.term):
                continue
            if token.term in QUESTION_WORDS:
                continue
            for term, _ in neighbours.of(token.term, Setting.threshold, Setting.limit):
                if term in targets:
                    continue
                out.append(Expansion(token.surface, term, "vector"))
                cover = self.corpus.tokenizer.whole_terms_of_word(term)
                Setting.added.setdefault(token.surface, set()).add(cover)
                Setting.source_terms[token.surface] = token.term
        return out


def neighbours_of(corpus: Corpus) -> Neighbours:
    key = id(corpus.index)
    if key not in Setting.neighbours:
        Setting.neighbours[key] = Neighbours(Setting.vectors, corpus.index.postings.vocabulary)
    return Setting.neighbours[key]


def _strip(content: tuple[Content, ...]) -> tuple[Content, ...]:
    return tuple(
        dataclasses.replace(c, terms=tuple(t for t in c.terms if t not in Setting.added.get(c.word, ())))
        for c in content
    )


def patch() -> None:
    """Weigh the "vector" layer at w; decide relate / asking / vetoes on the vector-free content."""
    relate, asking_words, foreign = (
        question_module.relate,
        question_module.asking_words,
        question_module.foreign_modifiers,
    )

    def expansion_weights(corpus, expansions, own):  # noqa: ANN001, ANN202
        search = corpus.search
        layers = {"domain": search.domain_weight, "sudachi": search.sudachi_weight}
        layers |= {"kind": search.kind_term_weight, "reading": 1.0, "vector": Setting.weight}
        added = {}
        # only a word the question is about is widened: not one of its backdrop, asking or
        # introduction (「市民です。」), whose own weight was lowered to a question word's
        floor = search.question_word_weight
        expansions = [
            e for e in expansions if e.layer != "vector" or own.get(Setting.source_terms.get(e.source, ""), 0.0) > floor
        ]
        for term, layer in expansion_terms(corpus.tokenizer, expansions).items():
            w = layers[layer]
            if own.get(term, 0.0) >= w or term in QUESTION_WORDS or not corpus.index.document_frequency(term):
                continue
            added[term] = w
        return added

    def related(tokenizer, content, by_stem, df):  # noqa: ANN001, ANN202
        plain = relate(tokenizer, _strip(content), by_stem, df)
        Setting.plain = plain
        extra = {c.word: tuple(t for t in c.terms if t in Setting.added.get(c.word, ())) for c in content}
        field = "partial" if Setting.partial else "terms"
        return tuple(dataclasses.replace(p, **{field: getattr(p, field) + extra.get(p.word, ())}) for p in plain)

    def asking(tokens, content, *rest):  # noqa: ANN001, ANN202
        return asking_words(tokens, Setting.plain if Setting.added else content, *rest)

    def vetoes(tokens, content, *rest):  # noqa: ANN001, ANN202
        words = {c.word for c in content}
        plain = tuple(c for c in Setting.plain if c.word in words) if Setting.added else content
        return foreign(tokens, plain, *rest)

    question_module.expansion_weights = expansion_weights
    question_module.relate = related
    question_module.asking_words = asking
    question_module.foreign_modifiers = vetoes


def with_vectors(corpus: Corpus) -> Corpus:
    return dataclasses.replace(corpus, lexicon=VectorLexicon(corpus))


def scores(corpus: Corpus, paths: list[str], outcomes: dict) -> str:
    """One line per grid point: per set hit@1/hit@3, `oq` off-topic quoted / cases expecting
    @no_match, `wp` wrong party first when not 0. `outcomes` collects (set, question) → got."""
    parts = []
    for path in paths:
        agreement_id, cases = load_cases(path)
        report = evaluate(corpus, agreement_id, cases)
        refusing = [o for o in report.outcomes if o.case.expected == ("@no_match",)]
        quoted = sum(not o.got.startswith("@") for o in refusing)
        name = Path(path).stem.replace("questions-", "").replace("blind-", "")
        part = f"{name} {report.hit_at(1):.3f}/{report.hit_at(3):.3f}"
        part += f" oq{quoted}/{len(refusing)}" if refusing else ""
        parts.append(part + (f" wp{report.wrong_party()}" if report.wrong_party() else ""))
        for o in report.outcomes:
            key = (name, " → ".join((*o.case.history, o.case.question)))
            outcomes[key] = (o.rank == 1, o.got, "|".join(o.case.expected))
    return " | ".join(parts)


def framing(corpora: dict[str, Corpus]) -> str:
    """benchmarks/framing_gate.py's totals, on `corpora` (each layout, widened by vectors)."""
    from tests.framing_cases import TEMPLATES_A, TEMPLATES_B, absent_topics, cases, found, right_first, run

    absent = absent_topics(list(corpora.values()))
    totals: Counter = Counter()
    for layout, corpus in corpora.items():
        for half, templates in (("A", TEMPLATES_A), ("B", TEMPLATES_B)):
            for case in cases(layout, corpus, templates, absent):
                answer = run(corpus, case)
                if case.present:
                    totals[f"{half}present"] += 1
                    totals[f"{half}found"] += right_first(case, answer)
                else:
                    totals[f"{half}absent"] += 1
                    totals[f"{half}refused"] += not found(answer)
    return (
        f"framing found A {totals['Afound'] / totals['Apresent']:.3f} B {totals['Bfound'] / totals['Bpresent']:.3f}"
        f" refused A {totals['Arefused'] / totals['Aabsent']:.3f} B {totals['Brefused'] / totals['Babsent']:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vocab", type=Path, help="the vocab/ folder of the ja_ginza package")
    parser.add_argument("--sets", nargs="+", default=SETS)
    parser.add_argument("--limit", type=int, default=2)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.55, 0.6, 0.65, 0.7])
    parser.add_argument("--weights", type=float, nargs="+", default=[0.1, 0.2, 0.3])
    parser.add_argument("--framing", action="store_true", help="run the framing gate at each point too (slow)")
    parser.add_argument("--partial", action="store_true", help="a neighbour covers a word in part, not whole")
    parser.add_argument("--nouns", action="store_true", help="only nouns are widened, not verbs or adjectives")
    parser.add_argument("--diff", action="store_true", help="list the cases each point changes against no vectors")
    args = parser.parse_args()
    start = time.perf_counter()
    Setting.vectors = WordVectors.from_spacy_vocab(args.vocab)
    Setting.limit, Setting.partial = args.limit, args.partial
    Setting.pos = ("名詞",) if args.nouns else CONTENT_POS
    print(f"vectors read without spaCy in {time.perf_counter() - start:.2f} s ({len(Setting.vectors.keys)} words)")
    patch()
    corpus = with_vectors(load_corpus())
    layouts: dict[str, Corpus] = {}
    if args.framing:
        from tests.framing_cases import layout_corpora

        layouts = {name: with_vectors(c) for name, c in layout_corpora().items()}
    points = [(None, 0.0), *((t, w) for t in args.thresholds for w in args.weights)]
    baseline: dict = {}
    for threshold, weight in points:
        Setting.threshold, Setting.weight = threshold, weight
        label = (
            "no vectors"
            if threshold is None
            else f"θ={threshold} w={weight} k={args.limit}{' partial' if args.partial else ''}{' nouns' if args.nouns else ''}"
        )
        outcomes: dict = baseline if threshold is None else {}
        print(f"{label}: {scores(corpus, args.sets, outcomes)}", flush=True)
        if args.diff and threshold is not None:
            for key, (ok, got, expected) in outcomes.items():
                if baseline[key][:2] != (ok, got):
                    mark = "+" if ok and not baseline[key][0] else "-" if baseline[key][0] and not ok else "~"
                    print(f"   {mark} [{key[0]}] {key[1]} → {got} (was {baseline[key][1]}; expected {expected})")
        if args.framing:
            print(f"{label}: {framing(layouts)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
