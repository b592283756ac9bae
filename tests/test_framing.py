"""Question framing and answer shapes: framing words do not steer, leaders are the row's role
cells, comparisons put both parties side by side, 「全部」 lists everything, and a complete
question is answered the same with or without the turns before it."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.kinds import QuestionKind, question_kind
from kyoyaku_search.views.evaluate import load_cases
from tests.conftest import QUESTIONS
from tests.loaded import variant_corpus
from tests.test_ordinals import layouts  # noqa: F401 (a fixture)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("他の協約と比較したいので、費用分担の定めを教えて", "art-4"),  # not 比較 → anything
        ("研究のため、定期的な協議について知りたい", "art-5"),
        ("岩見沢市が災害対策で協力する根拠は", "row-3a-5/乙"),  # 根拠 does not pull 地方自治法
        # who asks and why, in a sentence of its own or in brackets: not what about
        ("卒論で扱います。協約の変更手続きを知りたい", "art-6"),
        ("地域交通の担当者です。費用の負担はどう決まる", "art-4"),
        ("協議の頻度（近隣の町の協定と比べて）", "art-5"),
        ("新聞の連載で取り上げる予定です。協約の目的を定めた条文は", "art-1"),
    ],
)
def test_framing_does_not_steer(corpus, question, expected):
    assert ask(corpus, question).hits[0].unit.id.endswith("/" + expected)


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("観光施策は誰が中心になって進めるのか", "row-1-4"),
        ("経済戦略の推進は誰が主導するの", "row-1-1"),
        ("地域資源の活用はどちらが中心", "row-1-3"),
    ],
)
def test_who_leads_is_the_rows_role_cells(corpus, question, row):
    answer = ask(corpus, question)
    assert answer.status == Status.BOTH_PARTIES
    assert [q.hit.unit.id.rsplit("/", 2)[1:] for q in answer.quotes] == [[row, "甲"], [row, "乙"]]


@pytest.mark.parametrize(
    "question",
    ["災害対策で札幌市と岩見沢市の役割の違いは", "観光施策について甲と乙の役割を比較して", "福祉の役割の違い"],
)
def test_comparison_shows_both_parties_side_by_side(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.BOTH_PARTIES
    assert [q.hit.unit.party_label for q in answer.quotes] == ["甲", "乙"]


def test_everything_lists_every_item(corpus):
    answer = ask(corpus, "岩見沢市の役割を全部教えて")
    assert answer.status == Status.PARTY_ROLES
    assert len(answer.items) == 20 and len(answer.hits) == 5  # every item listed, top_k cards
    assert len(ask(corpus, "岩見沢市の役割は").hits) == 5  # without 全部: the first few


def test_a_complete_question_ignores_the_turn_before(corpus):
    """Every question naming its own party and topic, asked after each other one."""
    _, cases = load_cases(QUESTIONS)
    questions = [c.question for c in cases if not c.history and c.category.startswith("role-")]
    alone = {q: ask(corpus, q) for q in questions}
    complete = [q for q, a in alone.items() if a.question.parties and a.question.topic_terms]
    changed = []
    for before in questions[::4]:
        history = (alone[before],)
        for question in complete:
            answer = ask(corpus, question, history=history)
            if answer.hits[:1] != alone[question].hits[:1] or answer.inherited:
                changed.append((before, question))
    assert changed == []


def test_a_follow_up_outside_the_annex_does_not_take_the_party(corpus):
    first = ask(corpus, "岩見沢市の災害対策での役割は")
    answer = ask(corpus, "協約の法的な根拠は", history=[first])
    assert answer.hits[0].unit.id.endswith("/preamble")
    assert not answer.inherited


def test_a_follow_up_takes_only_what_it_lacks(corpus):
    first = ask(corpus, "岩見沢市の災害対策での役割は")
    assert ask(corpus, "観光は？", history=[first]).hits[0].unit.id.endswith("/row-1-4/乙")  # topic its own
    assert ask(corpus, "では札幌市は？", history=[first]).hits[0].unit.id.endswith("/row-3a-5/甲")  # party its own


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 本市・当町・うちの市 are the asker's own city, named where the question says who asks
        ("札幌市議です。岩見沢市と一緒にやる災害対策で本市は何をするのか", "row-3a-5/甲"),
        ("岩見沢市の職員として伺います。札幌市が中心の観光施策で当市の役割は", "row-1-4/乙"),
        ("岩見沢市民だけど、札幌との職員交流でうちの市は何をするの", "row-3c-2/乙"),
        ("本市（札幌市）の地産地消での役割", "row-3b-2/甲"),
    ],
)
def test_the_askers_own_city(corpus, question, expected):
    answer = ask(corpus, question)
    assert answer.hits[0].unit.id.endswith("/" + expected)
    assert {h.unit.party_label for h in answer.hits if h.unit.kind == "role"} == {expected[-1]}


def test_who_asks_is_no_topic(corpus):
    answer = ask(corpus, "岩見沢市議です。本市の役割を全部教えて")  # 市議 says who asks
    assert answer.status == Status.PARTY_ROLES and {h.unit.party_label for h in answer.hits} == {"乙"}


@pytest.mark.parametrize("question", ["最後に、札幌市の役割を教えて", "最初に岩見沢市の役割を知りたい"])
def test_the_order_of_asking_is_no_place_and_no_topic(corpus, question):
    assert ask(corpus, question).status == Status.PARTY_ROLES


def test_the_askers_own_city_in_every_agreement(tmp_path):
    corpus = variant_corpus(tmp_path)
    for agreement in corpus.agreements:
        for asker, other in (agreement.parties, agreement.parties[::-1]):
            row = next(u for u in corpus.units if u.agreement_id == agreement.id and u.kind == "row")
            question = f"{asker.name}議として聞きたい。{other.name}と進める{row.initiative}で本市の役割は"
            first = ask(corpus, question, agreement=agreement.id).hits[0].unit
            assert (first.row_id, first.party_label) == (row.row_id, asker.label), question


@pytest.mark.parametrize(
    "question",
    [
        "この協定に含まれる事業をすべて教えて",
        "協約に盛り込まれている取組を全部",
        "両市が協力する分野にはどんなものがあるか一覧で",
        "どんな事業がこの協定に入っているの",  # which ones there are: all of them, not the first
        "協定で取り組む分野を一通り知りたい",
        "取組をリストアップして",
        "別表の取組名を全部",
        "協力してやることは何がある",
        "協力分野を教えて",  # the 取組 are all it names
        "両市の連携事業は何件ある",
        "別表には何が書いてある",
    ],
)
def test_every_row_listed_in_every_layout(layouts, question):  # noqa: F811
    for agreement in layouts.agreements:
        if not agreement.annexes():
            continue  # articles only (sendai, tokubetsuku): no 取組 to list (test_layout_roles says what they give)
        answer = ask(layouts, question, agreement=agreement.id)
        rows = [u.initiative for u in layouts.units if u.agreement_id == agreement.id and u.kind == "row"]
        assert answer.status == Status.TOGETHER, (agreement.id, question)
        names = [item.name for item in answer.items]  # every 取組, or those both say they do together
        assert names and set(names) <= set(rows), (agreement.id, question)


@pytest.mark.parametrize("template", ["{name}が担う役割の一覧を出して", "{name}の役割をすべて出してください"])
def test_putting_out_a_list_is_no_topic(layouts, template):  # noqa: F811
    """「…の一覧を出して」: 出す says what the answer should do; each party's roles are listed, in
    every layout."""
    wrong = []
    for agreement in layouts.agreements:
        if not agreement.annexes():
            continue  # articles only: no party has roles to list
        for party in agreement.parties:
            answer = ask(layouts, template.format(name=party.name), agreement=agreement.id)
            labels = {h.unit.party_label for h in answer.hits}
            if answer.status != Status.PARTY_ROLES or labels != {party.label}:
                wrong.append((agreement.id, party.name, answer.status))
    assert wrong == []


@pytest.mark.parametrize(
    "question", ["この協約はどこの市とどこの市が結んだの？", "どこの町とどこの町が協定を結んだの", "どの市とどの市が結んだ協約？"]
)
def test_which_two_municipalities_signed_is_the_preamble(layouts, question):  # noqa: F811
    """「どこの市とどこの市が結んだ」 asks for the pair, which the preamble names, in every layout."""
    assert question_kind(question) == QuestionKind.PARTNERS
    wrong = []
    for agreement in layouts.agreements:
        if not any(u.agreement_id == agreement.id and u.kind == "preamble" and u.text for u in layouts.units):
            continue  # a copy without a 前文 keeps an empty unit, never quoted
        answer = ask(layouts, question, agreement=agreement.id)
        if not answer.hits or answer.hits[0].unit.kind != "preamble":
            wrong.append((agreement.id, answer.status, [h.unit.kind for h in answer.hits[:2]]))
    assert wrong == []
