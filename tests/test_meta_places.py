"""Questions about the agreement as a document, answered by the unit that says it in every layout:
who keeps the copies (「…N通を作成し…各自1通を保有する」) and what kind of instrument it is (the unit
naming the law it is made under, the preamble in the template)."""

from __future__ import annotations

import re

import pytest

from kyoyaku_search.answering.answer import ask

from .test_ordinals import first_id, layouts, loaded, several  # noqa: F401 (fixtures)

COPIES = ("協約書はだれが持ってるの", "協約書の原本はそれぞれどこが持っているのか", "協定書は誰が保管するのか")
WHAT_KIND = (
    "これは地方自治法でいうどういう種類の取り決めなのか",
    "この文書は地方自治法上どういう性格の取り決めなんですか",
    "この協約の法的な位置づけは",
)


def _first_saying(corpus, agreement_id: str, kinds: tuple[str, ...], pattern: str) -> str | None:  # noqa: ANN001
    for kind in kinds:
        for unit in corpus.units:
            if unit.agreement_id == agreement_id and unit.kind == kind and re.search(pattern, unit.text):
                return unit.id
    return None


@pytest.mark.parametrize("question", COPIES)
def test_who_keeps_the_copies(loaded, question):  # noqa: F811
    asked = 0
    for agreement in loaded.agreements:
        wanted = _first_saying(loaded, agreement.id, ("supplementary", "signature"), r"[0-9０-９一二三四五六七八九十]+通")
        if wanted is not None:
            asked += 1
            assert first_id(loaded, question, agreement.id) == wanted, agreement.id
    assert asked >= 1


@pytest.mark.parametrize("question", WHAT_KIND)
def test_what_kind_of_instrument_it_is(loaded, question):  # noqa: F811
    asked = 0
    for agreement in loaded.agreements:
        wanted = _first_saying(loaded, agreement.id, ("preamble", "article"), r"法[^。]{0,40}基づ")
        if wanted is not None:
            asked += 1
            assert first_id(loaded, question, agreement.id) == wanted, agreement.id
    assert asked >= 1


@pytest.mark.parametrize("question", ["福祉の取組の性格は", "札幌市の役割の位置づけ", "書類を持っていく窓口は"])
def test_a_topic_is_not_the_document(corpus, question):
    answer = ask(corpus, question)
    assert not answer.hits or answer.hits[0].unit.kind not in ("preamble", "signature", "supplementary")
