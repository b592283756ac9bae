"""Measure a chiVe word-vector expansion layer on the question sets (not part of the package).

    pip download ja-ginza --no-deps -d /tmp/ginza && unzip -q /tmp/ginza/ja_ginza-*.whl -d /tmp/ginza
    .venv/bin/python benchmarks/embedding_layer.py /tmp/ginza/ja_ginza/ja_ginza-*/vocab \\
        tests/questions.yaml tests/questions-holdout.yaml tests/questions-tuning.yaml

For each question word that the corpus lacks (a noun, verb or adjective with document frequency
0), the corpus terms nearest by cosine (at most `--limit`, at least θ) are added as expansions at
weight w; the grid prints hit@1/hit@3 per set and how many off-topic questions still get no quote.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kyoyaku_search.answering.question as question_module  # noqa: E402
from chive import Neighbours, WordVectors  # noqa: E402
from kyoyaku_search.answering.framing import QUESTION_WORDS  # noqa: E402
from kyoyaku_search.search.corpus import Corpus  # noqa: E402
from kyoyaku_search.search.lexicon import Expansion, expansion_terms  # noqa: E402
from kyoyaku_search.search.loading import load_corpus  # noqa: E402
from kyoyaku_search.views.evaluate import evaluate, load_cases  # noqa: E402

NO_ANSWER = ("off-topic", "no-match")


class VectorLexicon:
    """The bundled lexicon plus nearest corpus terms of the words the corpus lacks."""

    def __init__(self, corpus: Corpus, neighbours: Neighbours, threshold: float, limit: int) -> None:
        self.inner, self.corpus, self.neighbours = corpus.lexicon, corpus, neighbours
        self.threshold, self.limit = threshold, limit

    def expansions(self, folded, tokens):  # noqa: ANN001, ANN201
        out = self.inner.expansions(folded, tokens)
        for token in tokens:
            if token.pos[0] in ("名詞", "動詞", "形容詞") and not self.corpus.index.document_frequency(token.term):
                out += [
                    Expansion(token.surface, term, "vector")
                    for term, _ in self.neighbours.of(token.term, self.threshold, self.limit)
                ]
        return out


def with_vector_weight(weight: float) -> None:
    """The question module weighs layers by name; give the "vector" layer `weight`."""

    def expansion_weights(corpus, expansions, own):  # noqa: ANN001, ANN202
        search = corpus.search
        layers = {"domain": search.domain_weight, "sudachi": search.sudachi_weight}
        layers |= {"kind": search.kind_term_weight, "reading": 1.0, "vector": weight}
        added = {}
        for term, layer in expansion_terms(corpus.tokenizer, expansions).items():
            w = layers[layer]
            skip = own.get(term, 0.0) >= w or term in QUESTION_WORDS
            if not skip and corpus.index.document_frequency(term):
                added[term] = w
        return added

    question_module.expansion_weights = expansion_weights  # the name understand() looks up


def scores(corpus: Corpus, paths: list[str]) -> str:
    parts = []
    for path in paths:
        agreement_id, cases = load_cases(path)
        report = evaluate(corpus, agreement_id, cases)
        off = [o for o in report.outcomes if o.case.category in NO_ANSWER]
        part = f"{Path(path).stem}: {report.hit_at(1):.3f}/{report.hit_at(3):.3f}"
        parts.append(part + (f" no-quote {sum(o.rank == 1 for o in off)}/{len(off)}" if off else ""))
    return " | ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vocab", type=Path, help="the vocab/ folder of the ja_ginza package")
    parser.add_argument("cases", nargs="+")
    parser.add_argument("--limit", type=int, default=2)
    args = parser.parse_args()
    start = time.perf_counter()
    vectors = WordVectors.from_spacy_vocab(args.vocab)
    print(f"vectors read without spaCy in {time.perf_counter() - start:.2f} s ({len(vectors.keys)} words)")
    corpus = load_corpus()
    neighbours = Neighbours(vectors, corpus.index.postings.vocabulary)
    print(f"{'no vectors':<22}", scores(corpus, args.cases))
    for threshold in (0.55, 0.6, 0.65, 0.7):
        for weight in (0.2, 0.3, 0.5):
            with_vector_weight(weight)
            layered = dataclasses.replace(corpus, lexicon=VectorLexicon(corpus, neighbours, threshold, args.limit))
            print(f"θ={threshold} w={weight:<12}", scores(layered, args.cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
