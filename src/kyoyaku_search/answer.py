"""Answer a question from the corpus: rank units, quote the best one verbatim, cite it.

Nothing here writes agreement content: an answer is a quotation with its citation, or a plain
statement that nothing matched or that a named municipality is not a party.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .corpus import Corpus
from .question import Question, understand
from .units import Unit

DEFAULT_TOP_K = 5
MAX_TOP_K = 50
# Which unit kinds answer which kind of question; those units get `SearchSettings.kind_boost`.
PREFERRED_KINDS = {
    "role": ("role",),
    "content": ("row",),
    "cost": ("article",),
    "change": ("article",),
    "effective": ("supplementary", "article"),
    "purpose": ("article",),
    "consult": ("article",),
    "signer": ("signature",),
}

NO_MATCH = "該当する条文・別表の項目は見つかりませんでした。言葉を変えて質問してみてください（例: 岩見沢市の災害対策での役割は）。"


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float
    citation: str
    display_text: str  # the quote with 甲/乙 named; `unit.text` stays the exact source

    def to_json(self) -> dict:
        unit = self.unit
        return {
            "id": unit.id,
            "kind": unit.kind,
            "article": unit.article,
            "section": unit.section,
            "initiative": unit.initiative,
            "party": unit.party,
            "text": unit.text,
            "citation": self.citation,
            "score": round(float(self.score), 6),
        }


@dataclass(frozen=True)
class Answer:
    query: str
    answer: str
    hits: tuple[Hit, ...]
    status: str  # "answered", "party_roles", "no_match", "not_party"
    question: Question | None = None

    def to_json(self) -> dict:
        return {"query": self.query, "answer": self.answer, "hits": [hit.to_json() for hit in self.hits]}


def ask(
    corpus: Corpus,
    text: str,
    *,
    top_k: int = DEFAULT_TOP_K,
    party: str | None = None,
    agreement: str | None = None,
) -> Answer:
    """Answer one question. Raises QuestionError for an empty or over-long question.

    `party` (a municipality name) narrows role cells to that party when the question names none;
    `agreement` (an agreement id) searches that agreement only.
    """
    if not 1 <= top_k <= MAX_TOP_K:
        raise ValueError(f"top_k must be between 1 and {MAX_TOP_K}")
    question = understand(corpus, text)
    if question.outsiders:
        return Answer(question.text, not_a_party_message(corpus, question.outsiders), (), "not_party", question)
    parties = question.parties or (tuple(p for p in corpus.party_names if p.name == party) if party else ())
    if question.parties and not question.topic_terms and question.kind in ("role", "general"):
        return _party_roles(corpus, question, agreement, top_k)
    matched = np.flatnonzero(corpus.index.matches(question.topic_terms))
    matched = matched[_allowed(corpus, matched, parties, agreement)]
    if not len(matched):
        return Answer(question.text, NO_MATCH, (), "no_match", question)
    scores = _scores(corpus, question, matched)
    hits = tuple(_hit(corpus, int(matched[i]), float(scores[i])) for i in best(scores, top_k))
    return Answer(question.text, quote(hits[0]), hits, "answered", question)


def best(scores: np.ndarray, top_k: int) -> np.ndarray:
    """Indices of the `top_k` highest scores, highest first; ties keep their order."""
    if len(scores) > top_k:
        # Only the scores that can make the top k are sorted: at 100,000 units most cannot.
        kth = np.partition(scores, len(scores) - top_k)[len(scores) - top_k]
        contenders = np.flatnonzero(scores >= kth)
        return contenders[np.argsort(-scores[contenders], kind="stable")][:top_k]
    return np.argsort(-scores, kind="stable")


def _party_roles(corpus: Corpus, question: Question, agreement: str | None, top_k: int) -> Answer:
    """「岩見沢市の役割は」: no topic, so list the party's role cells in the annex's order."""
    positions = np.flatnonzero(corpus.columns().of_kinds(["role"]))
    positions = positions[_allowed(corpus, positions, question.parties, agreement)]
    hits = tuple(_hit(corpus, int(i), 0.0) for i in positions[:top_k])
    names = "・".join(dict.fromkeys(f"{p.name}（{p.label}）" for p in question.parties))
    if not hits:
        return Answer(question.text, NO_MATCH, (), "no_match", question)
    message = (
        f"{names}の役割は別表に{len(positions)}項目あります。上から順に{len(hits)}項目を示します。"
        "取組を添えて質問すると、その役割を引用します（例: 岩見沢市の災害対策での役割は）。"
    )
    return Answer(question.text, message, hits, "party_roles", question)


def _allowed(corpus: Corpus, positions: np.ndarray, parties: Sequence, agreement: str | None) -> np.ndarray:
    """Which units at `positions` a question may be answered from: those of `agreement` if
    given, of a named party's agreements, and of their role cells only the named party's —
    never the other party's cell."""
    columns = corpus.columns()
    allowed = np.ones(len(positions), dtype=bool)
    if agreement is not None:
        allowed &= columns.in_agreements([agreement], positions)
    if parties:
        roles = columns.of_kinds(["role"], positions)
        own_roles = columns.of_parties({(p.agreement_id, p.label) for p in parties}, positions)
        allowed &= columns.in_agreements({p.agreement_id for p in parties}, positions) & (~roles | own_roles)
    return allowed


def _scores(corpus: Corpus, question: Question, positions: np.ndarray) -> np.ndarray:
    """Scores of the units at `positions`, those of the kind the question asks for boosted."""
    scores = corpus.index.scores_at(dict(question.weights), positions)
    preferred = PREFERRED_KINDS.get(question.kind, ())
    if preferred:
        boost = np.where(corpus.columns().of_kinds(preferred, positions), corpus.search.kind_boost, 1.0)
        scores = scores * boost
    return scores


def _hit(corpus: Corpus, position: int, score: float) -> Hit:
    unit = corpus.units[position]
    return Hit(unit, score, unit.citation.render(corpus.multi), corpus.display_texts[position])


def quote(hit: Hit) -> str:
    """「…」 + the citation: the only shape an answer about the agreement takes."""
    return f"「{hit.display_text}」\n出典: {hit.citation}"


def not_a_party_message(corpus: Corpus, outsiders: Sequence[str]) -> str:
    names = "・".join(outsiders)
    if corpus.multi:
        return f"{names}は、読み込まれているどの協約の当事者でもありません。"
    agreement = corpus.agreements[0]
    return f"{names}はこの協約の当事者ではありません。当事者は{agreement.party_names()}です。"


def find_unit(corpus: Corpus, unit_id: str) -> Unit | None:
    """A unit by its full id, or by the id without the agreement prefix when that is unambiguous."""
    unit = corpus.unit(unit_id)
    if unit is not None:
        return unit
    matches = [u for u in corpus.units if u.id.split("/", 1)[1] == unit_id]
    return matches[0] if len(matches) == 1 else None
