"""Several agreements of the same template indexed together (variants generated here, never shipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.ranking import allowed_units
from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.loading import load_corpus

from .conftest import SEED_TEXT
from .variants import drop_lines_containing, rename_parties


@pytest.fixture(scope="module")
def several(tmp_path_factory) -> Corpus:
    folder: Path = tmp_path_factory.mktemp("agreements")
    seed = SEED_TEXT.read_text(encoding="utf-8")
    (folder / "sapporo-iwamizawa.txt").write_text(seed, encoding="utf-8")
    (folder / "sapporo-ebetsu.txt").write_text(rename_parties(seed, "札幌市", "江別市"), encoding="utf-8")
    no_disaster_row = drop_lines_containing(seed, "災害対策\t")
    (folder / "sapporo-otaru.txt").write_text(rename_parties(no_disaster_row, "札幌市", "小樽市"), encoding="utf-8")
    (folder / "asahikawa-nayoro.txt").write_text(rename_parties(seed, "旭川市", "名寄市"), encoding="utf-8")
    return load_corpus([str(folder)])


def test_all_are_indexed(several):
    assert sorted(a.id for a in several.agreements) == [
        "asahikawa-nayoro",
        "sapporo-ebetsu",
        "sapporo-iwamizawa",
        "sapporo-otaru",
    ]
    assert len(several.units) == 4 * 69 - 3  # the 小樽 variant lacks one row and its two role cells


def test_partners_on_a_topic(several):
    answer = ask(several, "災害対策で札幌市と連携している市町村は")
    assert answer.status == "partners"
    assert "は2件です" in answer.text
    assert (
        "・岩見沢市（出典: 札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約 別表（第3条関係）"
        "(3)ア 生活機能の強化「災害対策」）" in answer.text
    )
    assert "・江別市（出典: 札幌市及び江別市における" in answer.text
    assert "小樽市" not in answer.text and "名寄市" not in answer.text


def test_all_partners(several):
    answer = ask(several, "札幌市と連携している市町村は")
    assert [line.split("（")[0] for line in answer.text.splitlines()[1:]] == ["・江別市", "・岩見沢市", "・小樽市"]


def test_a_named_municipality_searches_its_own_agreements(several):
    answer = ask(several, "名寄市の災害対策での役割は", top_k=10)
    assert {hit.unit.agreement_id for hit in answer.hits} == {"asahikawa-nayoro"}
    assert (
        answer.hits[0].citation
        == "旭川市及び名寄市における連携中枢都市圏形成に係る連携協約 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（名寄市）の役割"
    )


def test_a_party_of_several_agreements_gets_only_its_own_cells(several):
    answer = ask(several, "札幌市の災害対策での役割は", top_k=20)
    roles = [hit.unit for hit in answer.hits if hit.unit.kind == "role"]
    assert roles and {unit.party for unit in roles} == {"札幌市"}
    assert {unit.agreement_id for unit in roles} <= {"sapporo-iwamizawa", "sapporo-ebetsu", "sapporo-otaru"}


def test_a_party_elsewhere_is_not_an_outsider(several):
    answer = ask(several, "小樽市の観光での役割")
    assert answer.hits[0].unit.id == "sapporo-otaru/row-1-4/乙"


def test_an_outsider_of_every_agreement(several):
    answer = ask(several, "函館市の観光")
    assert answer.status == "not_party"
    assert answer.text == "函館市は、読み込まれているどの協約の当事者でもありません。"


def test_every_citation_names_its_agreement(several):
    for hit in ask(several, "災害対策の内容", top_k=10).hits:
        title = several.agreement(hit.unit.agreement_id).title
        assert hit.citation.startswith(title + " ")


def test_allowed_units_are_remembered_read_only_and_right(several):
    """The mask of units a query may use is shared between questions: nobody may change it."""
    ebetsu = [p for p in several.party_names if p.name == "江別市"]
    allowed = allowed_units(several, ebetsu)
    assert allowed is allowed_units(several, ebetsu)
    with pytest.raises(ValueError, match="read-only"):
        allowed[0] = True
    got = {(u.agreement_id, u.kind, u.party) for u, ok in zip(several.units, allowed, strict=True) if ok}
    assert {a for a, _, _ in got} == {"sapporo-ebetsu"}
    assert {party for _, kind, party in got if kind == "role"} == {"江別市"}
    narrowed = allowed_units(several, (), agreement="sapporo-otaru")
    assert [u.agreement_id for u, ok in zip(several.units, narrowed, strict=True) if ok] == [
        u.agreement_id for u in several.units if u.agreement_id == "sapporo-otaru"
    ]


def test_citations_are_the_same_however_often_a_unit_is_quoted(several):
    first = ask(several, "江別市の災害対策での役割は").hits[0]
    again = ask(several, "江別市の災害対策での役割は").hits[0]
    assert first == again
    assert first.citation == (
        "札幌市及び江別市における連携中枢都市圏形成に係る連携協約 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（江別市）の役割"
    )
    assert (first.parties, first.source, first.labels) == ("甲＝札幌市\u3000乙＝江別市", "sapporo-ebetsu.txt 92行", ("甲", "乙"))
