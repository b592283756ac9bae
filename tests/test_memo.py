"""A corpus's memo: each value made once, at most its size kept, answers unchanged by it."""

from __future__ import annotations

from dataclasses import dataclass

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.search.memo import Memo, lookup


def test_a_value_is_made_once_per_key():
    memo, made = Memo(), []

    def make() -> str:
        made.append(1)
        return "値"

    assert memo.get(("tokens", "行"), make) == memo.get(("tokens", "行"), make) == "値"
    assert len(made) == 1


def test_past_its_size_values_are_made_and_not_kept():
    memo = Memo(size=2)
    assert [memo.get(key, lambda key=key: key * 2) for key in (1, 2, 3, 3)] == [2, 4, 6, 6]
    assert len(memo) == 2


def test_answers_are_the_same_from_a_fresh_corpus_and_a_remembering_one(seed, tokenizer, corpus):
    """The memo only holds what the corpus alone decides: a corpus that has answered many
    questions answers as one that has answered none."""
    questions = ["岩見沢市の人口は", "相互利用できる駐車場は", "情報を共有する取組", "岩見沢市の災害対策での役割は"]
    for question in questions * 2:
        ask(corpus, question)
    fresh = build_corpus([seed.agreement], tokenizer)
    for question in questions:
        first, again = ask(fresh, question), ask(corpus, question)
        assert (first.status, first.text, [h.unit.id for h in first.hits], first.question.foreign) == (
            again.status,
            again.text,
            [h.unit.id for h in again.hits],
            again.question.foreign,
        ), question
    assert len(corpus.memo) > 0


@dataclass(frozen=True)
class _Counted:
    size: int
    made: list

    @lookup
    def doubled(self) -> int:
        self.made.append(1)
        return self.size * 2


def test_a_lookup_is_made_on_first_use_and_kept_on_a_frozen_instance():
    counted = _Counted(3, [])
    assert counted.made == []  # nothing made before it is asked for
    assert (counted.doubled, counted.doubled) == (6, 6)
    assert counted.made == [1]
    assert counted == _Counted(3, [1])  # a lookup is no field: equality is the fields'


def test_a_lookup_is_named_on_the_class():
    assert isinstance(_Counted.doubled, lookup)
    assert _Counted.doubled.name == "doubled"


def test_a_corpus_keeps_its_lookups_built_once(corpus):
    assert corpus.names is corpus.names
    assert corpus.phrases is corpus.phrases
    assert corpus.memo is corpus.memo
