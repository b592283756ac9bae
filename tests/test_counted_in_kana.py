"""A number and its counter spelled out in hiragana (「さんじきゅうきゅう」 for 三次救急, 「ろくじさんぎょう
か」 for 六次産業化) are read as the agreement writes them, though Sudachi cuts 三次 into two terms too
short to read alone; and 「…って のってる？」 asks whether the agreement has it. Every such compound of
every row, on every layout."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)

_HIRAGANA = {chr(c + 0x60): chr(c) for c in range(ord("ぁ"), ord("ゖ") + 1)}


def _spelled_out(corpus, agreement_id):  # noqa: ANN001, ANN202
    """(row id, the compound from a number and its counter on, in hiragana) of the agreement's rows."""
    found = {}
    for unit in corpus.units:
        if unit.agreement_id != agreement_id or unit.kind != "row":
            continue
        tokens = corpus.tokenizer.tokens_unfolded(unit.text)
        for at, (number, counter) in enumerate(zip(tokens, tokens[1:], strict=False)):
            if number.pos[1] != "数詞" or counter.pos[2] != "助数詞":
                continue
            nouns = [number, counter]
            for token in tokens[at + 2 :]:
                if token.pos[0] != "名詞" or token.pos[1] == "数詞":
                    break
                nouns.append(token)
            kana = "".join(_HIRAGANA.get(ch, "?") for t in nouns for ch in t.reading)
            # a reading of two kana (にじ of 二次) is too short to be evidence of a word (MIN_READING)
            if len(nouns) > 2 and "?" not in kana and len(number.reading + counter.reading) >= 3:
                found.setdefault(kana, unit.row_id)
    return found


@pytest.mark.parametrize("wording", ["{kana} って のってる？", "{kana}の はなしは ある？"])
def test_a_counted_compound_in_kana_finds_its_row(loaded, wording):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        for kana, row in _spelled_out(loaded, agreement.id).items():
            asked += 1
            answer = ask(loaded, wording.format(kana=kana), agreement=agreement.id)
            if answer.status == Status.NO_MATCH or not answer.hits or answer.hits[0].unit.row_id != row:
                missed.append((agreement.id, kana, answer.hits[0].unit.id if answer.hits else answer.status))
    assert asked >= 1
    assert missed == []
