"""Questions about the agreement as a document, answered by the unit that says it in every layout:
who keeps the copies (「…N通を作成し…各自1通を保有する」) and what kind of instrument it is (the unit
naming the law it is made under, the preamble in the template)."""

from __future__ import annotations

import re

import pytest

from kyoyaku_search.answering.answer import Status, ask

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


@pytest.mark.parametrize("question", ["別表はいくつの分野に分かれている", "別表の分野は全部でいくつある", "別表は何分野ある？"])
def test_how_many_sections_the_annex_has(loaded, question):  # noqa: F811
    """Every row listed, and a note naming each section (with its sub-sections) as printed."""
    asked = 0
    for agreement in loaded.agreements:
        sections = [s for s in agreement.annex.sections if s.title] if agreement.annex else []
        if not sections:
            continue
        asked += 1
        answer = ask(loaded, question, agreement=agreement.id)
        assert answer.status == Status.SECTION, agreement.id
        assert f"の分野は{len(sections)}つです" in " ".join(answer.notes), agreement.id
        assert all(section.title in " ".join(answer.notes) for section in sections), agreement.id
    assert asked >= 1


def test_the_areas_the_parties_work_in_are_the_rows(corpus):
    """「両市が協力する分野はいくつ」: people call the 取組 分野; without 別表 it asks for the rows."""
    assert ask(corpus, "この協約で両市が協力する分野はいくつある？全部知りたい").status == Status.TOGETHER


@pytest.mark.parametrize("question", ["この協約の構成を教えて", "協約の目次", "協定全体の構成はどうなっている"])
def test_how_the_agreement_is_made_up(loaded, question):  # noqa: F811
    """Each part in its own order, named as its citation names it (every article by its heading)."""
    for agreement in loaded.agreements:
        answer = ask(loaded, question, agreement=agreement.id)
        parts = [  # an empty 前文 (a copy without one) is no part
            u for u in loaded.units if u.agreement_id == agreement.id and u.kind not in ("row", "role", "date") and u.text
        ]
        note = " ".join(answer.notes)
        assert [h.unit.id for h in answer.hits] == [u.id for u in parts][: len(answer.hits)], agreement.id
        places = [u.citation.place for u in parts]
        assert all(place in note for place in places), agreement.id
        assert [note.index(place) for place in places] == sorted(note.index(place) for place in places)


@pytest.mark.parametrize("question", ["協約は何条で構成されている", "全部で何か条ある"])
def test_how_many_articles_however_asked(loaded, question):  # noqa: F811
    for agreement in loaded.agreements:
        last = agreement.articles[-1].number
        answer = ask(loaded, question, agreement=agreement.id)
        assert answer.hits[0].unit.id == f"{agreement.id}/art-{last}"
        assert f"第{last}条まで（{len(agreement.articles)}か条）" in " ".join(answer.notes)


def test_a_topic_s_make_up_is_the_topic(corpus):
    assert ask(corpus, "福祉の取組の構成").hits[0].unit.kind in ("row", "role")
