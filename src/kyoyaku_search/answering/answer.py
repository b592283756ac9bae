"""Answer a question from the corpus: rank units, quote the best verbatim, cite it.

Nothing here writes agreement content: an answer is a quotation with its citation, a list of
quoted 取組 names with citations, or a plain statement that nothing matched or that a named
municipality is not a party. An `Answer` keeps these parts as fields, so every view (CLI,
web page, exports) renders the same answer without parsing text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..search.corpus import Corpus
from ..search.units import Unit
from .area import gives_the_name, named_first
from .confidence import Asked, confident, covered_first
from .content import Content
from .definitions import defined_term, only_explains
from .distinct import distinct_row
from .effective import dated_first, effective_units
from .examples import with_example
from .followup import settle
from .foreign import before_named, quoted_around
from .generic import kinds_of
from .heads import names_only_a_field
from .listed import (
    all_rows_answer,
    holding_answer,
    partners_answer,
    party_roles_answer,
    rows_named_answer,
    together_answer,
    topic_of_together,
)
from .lists import TOGETHER_WORDS, asks_for_list
from .missing import missing_article
from .notes import reading_notes, synonym_notes
from .notfound import not_found_message
from .parts import named_part
from .placed import effective_answer, referenced_answer, related_answer, row_roles_answer
from .provides import provision
from .provisions import (
    annex_reference,
    annexes_counted,
    label_definition,
    named_heading,
    outline,
    what_it_is,
    who_is_meant,
)
from .question import Context, Query, Question, QuestionKind, understand
from .ranking import allowed_units, rank, written_alone_first
from .relative import in_list_before, in_named_article, next_to
from .result import NO_MATCH, QUOTING, Answer, Hit, ListItem, Quote, Status, context_of, hit_at, quoting
from .siblings import modified_heads
from .splits import role_split
from .structure import Reference, find_reference, inside_quotation
from .wording import kind_of

# Re-exported: the answer's parts are part of this module's interface.
__all__ = [
    "DEFAULT_TOP_K",
    "MAX_TOP_K",
    "NO_MATCH",
    "QUOTING",
    "Answer",
    "Hit",
    "ListItem",
    "Quote",
    "Status",
    "ask",
    "find_unit",
    "not_a_party_message",
    "reading_notes",
    "synonym_notes",
]

DEFAULT_TOP_K = 5
MAX_TOP_K = 50


def inherited_not_found(kind: str) -> str:
    """The message for a follow-up whose inherited topic the agreement (a `kind`: 協定, 協約) lacks."""
    return f"前の質問の話題についての定めは、この{kind}には見つかりませんでした。"


def ask(
    corpus: Corpus,
    text: str,
    *,
    top_k: int = DEFAULT_TOP_K,
    party: str | None = None,
    agreement: str | None = None,
    history: Sequence[Answer] = (),
) -> Answer:
    """Answer one question. Raises QuestionError for an empty or over-long question.

    `party` (a municipality name) narrows role cells to that party when the question names none;
    `agreement` (an agreement id) searches that agreement only; `history` is the conversation so
    far (earlier Answers, oldest first), from which a follow-up inherits party or topic.
    """
    if not 1 <= top_k <= MAX_TOP_K:
        raise ValueError(f"top_k must be between 1 and {MAX_TOP_K}")
    question = understand(corpus, text)
    reference = in_named_article(corpus, question.text, agreement)
    if reference is None:  # 「第二編には何条ある」: the 取組 articles under that part, before 「何条」 counts articles
        reference = named_part(corpus, question, agreement)
    if reference is None and history:  # 「その中で3番目は」 after a list
        reference = in_list_before(corpus, question.text, history[-1], agreement)
    reference = reference or find_reference(corpus, question.text, agreement)
    if reference is None and question.labels and (unborne := unborne_labels(corpus, question.labels, agreement)):
        # 「甲の役割は」「甲とは」 of an agreement that names its parties by name (福山市, 三原市): no 甲
        context = Context(weights=question.weights, kind=question.kind, initiatives=question.initiatives)
        return Answer(question.text, Status.NOT_PARTY, unborne, question=question, context=context)
    if reference is None:
        # a heading named word for word (「連携する取組等はどこか」) before who the parties are (どこ)
        finders = (
            named_part,
            annexes_counted,
            named_heading,
            role_split,
            who_is_meant,
            what_it_is,
            outline,
            provision,
            defined_term,
        )
        found = (find(corpus, question, agreement) for find in finders)
        reference = next((place for place in found if place is not None), None)
    if reference is None and history:  # 「じゃあ乙は？」 after 「甲とはどこの市のこと？」
        reference = label_follow_up(corpus, question, history[-1], agreement)
    if reference is None and history and history[-1].hits:  # 「次の条文は」 after 第3条
        reference = next_to(corpus, question.text, history[-1].hits[0].unit)
    if reference is None and question.phrase is None and (missing := missing_article(corpus, question.text, agreement)):
        return Answer(question.text, Status.NO_MATCH, missing, question=question)
    phrase = question.phrase
    # a reference found by no words of the question (the preamble for 「この連携協約を結んだ自治体」) is
    # inside no quotation, whatever verbatim run the question holds
    quoted = question.reading.folded_text[phrase.start : phrase.end] if phrase else ""
    if reference and reference.matched and quoted and inside_quotation(reference, quoted):
        reference = None
    if reference is not None and all(name in reference.matched for name in question.outsiders):
        question = replace(question, outsiders=())  # 「三条」 is 第3条 here, not the city of 三条
    if question.outsiders:
        context = Context(weights=question.weights, kind=question.kind, initiatives=question.initiatives)
        message = not_a_party_message(corpus, question.outsiders)
        return Answer(question.text, Status.NOT_PARTY, message, question=question, context=context)
    previous = next((turn.context for turn in reversed(history) if turn.context is not None), None)
    query = settle(corpus, question, previous, agreement) if reference is None else Query.own(question)
    if not query.parties and party:
        query = replace(query, parties=tuple(p for p in corpus.party_names if p.name == party))
    allowed = allowed_units(corpus, query.parties, agreement)
    if reference is not None:
        answer = referenced_answer(corpus, query, allowed, reference, top_k)
    else:
        answer = _answer(corpus, query, allowed, top_k)
    if answer.status == Status.NO_MATCH:
        # the generic message suggests a question this agreement can answer, not a fixed one
        return replace(answer, message=with_example(NO_MATCH, corpus)) if answer.message == NO_MATCH else answer
    notes = [
        query.inherited,
        reference.note if reference else "",
        *reading_notes(question),
        *synonym_notes(question, answer.hits[:1]),
    ]
    kept = tuple(note for note in notes if note)
    if kept == answer.notes and query.inherited == answer.inherited:
        return answer  # nothing to add (most questions): no copy of the whole answer
    return replace(answer, inherited=query.inherited, notes=kept)


def label_follow_up(corpus: Corpus, question: Question, before: Answer, agreement: str | None) -> Reference | None:
    """A label alone (「じゃあ乙は？」) after the turn that asked who a label is: who this one is."""
    asked = before.question
    if not question.labels or question.own_topic_terms or asked is None or not asked.labels:
        return None
    if not before.hits or before.hits[0].unit.kind not in ("preamble", "signature"):
        return None
    return label_definition(corpus, asked.text, agreement)


def _answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    question = query.question
    if not query.topic_found:  # what the turn before asked about is not in the agreement, for anyone
        context = Context(query.parties, weights=query.weights, kind=query.kind, found=False)
        message = inherited_not_found(kind_of(corpus))
        return Answer(question.text, Status.NO_MATCH, message, question=question, context=context)
    if query.kind == QuestionKind.TOGETHER:
        together = together_answer(corpus, query, allowed, top_k)
        if together.status != Status.NO_MATCH:
            return together
        if all(term in TOGETHER_WORDS for term in query.topic_terms):
            # no role cell says 「…と協力して」: every 取組 is what the parties do in partnership
            return all_rows_answer(corpus, query, allowed, top_k)
        # 「両市はどういう方針で連携していくのか」: no joint row has it; any unit may (第2条 基本方針)
        query = replace(query, kind=QuestionKind.GENERAL)
    if query.kind == QuestionKind.PARTNERS:
        return partners_answer(corpus, query, top_k)
    annex = annex_reference(corpus, query, allowed)
    if annex is not None:  # 「連携の中身はどの条に書いてある」
        return referenced_answer(corpus, query, allowed, annex, top_k)
    if query.row_id is not None:
        return row_roles_answer(corpus, query, allowed, query.row_id, top_k)
    if query.parties and not query.topic_terms and query.kind in (QuestionKind.ROLE, QuestionKind.GENERAL):
        return party_roles_answer(corpus, query, allowed, top_k)
    if (holding := holding_answer(corpus, query, allowed, top_k)) is not None:  # 「甲と協力して取り組むものを全部」
        return holding
    if (named := rows_named_answer(corpus, query, allowed, top_k)) is not None:  # 「「その他」とつく取組」
        return named
    if asks_for_list(query):  # 「連携する取組の一覧」: every 取組, or one party's every role
        if len({p.name for p in query.parties}) == 1:
            return party_roles_answer(corpus, query, allowed, top_k)
        if question.reading.together:
            together = together_answer(corpus, replace(query, topic_terms=()), allowed, top_k)
            if together.status != Status.NO_MATCH:  # else no role says 「…と協力して」: every 取組
                return together
        return all_rows_answer(corpus, query, allowed, top_k)
    effective = effective_units(corpus, allowed, question.text) if query.kind == QuestionKind.EFFECTIVE else None
    if effective is not None:
        return effective_answer(corpus, query, *effective, top_k)
    ranked = rank(corpus, query, allowed)
    asked = question.reading.folded_text  # a unit that only explains other terms with the words says nothing of them
    ranked = [(i, s) for i, s in ranked if not only_explains(corpus.units[i].text, question.content, asked)]
    if not ranked:
        context = Context(
            query.parties, weights=query.weights, kind=query.kind, initiatives=query.initiatives, found=False
        )
        words = [c.word for c in question.content]
        message = not_found_message(words, question.reading.folded_text, corpus.occurs, kind_of(corpus))
        if message is None or query.inherited:
            return Answer.no_match(question, context)
        return Answer(question.text, Status.NO_MATCH, message, question=question, context=context)
    # Only a topic taken from the turn before settles it; a party taken leaves the topic the question's
    # own, and then so is the leniency of a role question (「冬の除雪も一緒にやるの？」 after a role).
    taken = query.topic_terms != question.topic_terms
    settled = bool(query.initiatives) or taken
    role = QuestionKind.ROLE in (question.kind, query.kind if settled else None) and bool(query.parties)
    phrase = quoted_around(question.phrase, question.reading.folded_text, question.content, corpus.occurs)
    # a 取組 named in full settles the topic, unless the question asks about a thing before it,
    df = corpus.index.document_frequency
    named = (
        bool(query.initiatives)
        # nor a kind of it no unit holds (「保健医療」 where the 取組 is 医療)
        and not before_named(
            question.text, (*question.foreign, *kinds_of(question.content, df, query.initiatives)), query.initiatives
        )
        and not names_only_a_field(question.reading.words, question.initiatives, corpus.occurs)
    )
    content = topic_of_together(question.content) if question.kind == QuestionKind.TOGETHER else question.content
    compared = role and len({p.label for p in query.parties}) > 1  # 「甲と乙で何が違う」
    modified = modified_heads(question.reading.words, question.reading.noun_runs)
    asked = Asked(content or question.content, phrase, taken or named, role, question.foreign, compared, modified)
    ranked = covered_first(corpus, asked, ranked)
    quoted = question.phrase.positions.tolist() if question.phrase is not None else ()
    ranked = named_first(corpus, question.text, written_alone_first(corpus, _runs(content), ranked, quoted))
    if query.kind == QuestionKind.SIGNER:  # 「いつ締結された」: the unit holding the date, not the block without it
        ranked = dated_first(corpus, question.text, ranked)
    # a role question about the one 取組 sharing its words, said in other words (distinct.py); the area's
    # name asked for, given by a unit that holds no word 圏域 or 名前
    words, first = question.reading.words, ranked[0][0]
    if (
        not confident(corpus, asked, first)
        and not distinct_row(corpus, asked, words, first)
        and not gives_the_name(corpus, question.text, first)
    ):
        return related_answer(corpus, query, ranked, top_k)
    best = corpus.units[ranked[0][0]]
    # A role question, or one naming a party, about an annex row: that row's (party's) cells — its
    # role, or its cost where a table gives each party's 役割分担及び費用分担.
    if (query.kind == QuestionKind.ROLE or query.parties) and best.row_id is not None:
        return row_roles_answer(corpus, query, allowed, best.row_id, top_k, ranked)
    hits = tuple(hit_at(corpus, i, score) for i, score in ranked[:top_k])
    return quoting(query, hits, Status.ANSWERED, (Quote(hits[0]),), context_of(query, best))


def _runs(content: Sequence[Content]) -> tuple[str, ...]:
    """The question's runs of nouns (「救急医療」) its content words stand in."""
    return tuple(dict.fromkeys(c.compound for c in content if c.compound))


def unborne_labels(corpus: Corpus, labels: Sequence[str], agreement: str | None) -> str:
    """「この協約では当事者を「甲」と呼んでいません。当事者は福山市と三原市です。」 when the one agreement in
    scope calls no party by a label the question uses; "" otherwise (several agreements: some may)."""
    if agreement is None and corpus.multi:
        return ""
    aid = agreement or corpus.agreements[0].id
    unborne = [
        label for label in labels if not any(p.agreement_id == aid for p in corpus.names.by_label.get(label, ()))
    ]
    if not unborne:
        return ""
    loaded = corpus.agreement(aid)
    named = "」「".join(unborne)
    return f"この{loaded.kind}では当事者を「{named}」と呼んでいません。当事者は{loaded.party_names()}です。"


def not_a_party_message(corpus: Corpus, outsiders: Sequence[str]) -> str:
    names = "・".join(outsiders)
    if corpus.multi:
        return f"{names}は、読み込まれているどの協約の当事者でもありません。"
    agreement = corpus.agreements[0]
    return f"{names}はこの{agreement.kind}の当事者ではありません。当事者は{agreement.party_names()}です。"


def find_unit(corpus: Corpus, unit_id: str) -> Unit | None:
    """A unit by its full id, or by the id without the agreement prefix when that is unambiguous."""
    unit = corpus.unit(unit_id)
    if unit is not None:
        return unit
    matches = [u for u in corpus.units if u.id.split("/", 1)[1] == unit_id]
    return matches[0] if len(matches) == 1 else None
