"""Places named by their order (「最後の条文」「二つ目の取組」「冒頭」) or as heard (「だいろくじょう」,
「Article 3」) resolve to their unit in every agreement: the seed, the generated variants (other
parties, articles up to 第十五条, a row missing) and the 13 real layouts, counted in each one's
own order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering import ordinals, sections
from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.ordinals import find_ordinal, kana_number
from kyoyaku_search.answering.structure import find_reference
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .loaded import variant_corpus
from .test_structure import kanji

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
_KANA = ["", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]


def kana(number: int) -> str:
    """6 → ろく, 12 → じゅうに, 21 → にじゅういち (as a number is read aloud)."""
    tens, ones = divmod(number, 10)
    return (("" if tens == 1 else _KANA[tens]) + "じゅう" if tens else "") + _KANA[ones]


@pytest.fixture(scope="module")
def several(tmp_path_factory) -> Corpus:
    return variant_corpus(tmp_path_factory.mktemp("ordinals"))


@pytest.fixture(scope="module")
def layouts(tokenizer) -> Corpus:
    files = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))
    agreements = [parse_file(path, f"{path.stem}-{path.suffix[1:]}").agreement for path in files]
    return build_corpus(agreements, tokenizer)


@pytest.fixture(params=["seed", "several", "layouts"])
def loaded(request, corpus, several, layouts) -> Corpus:
    return {"seed": corpus, "several": several, "layouts": layouts}[request.param]


def first_id(corpus: Corpus, question: str, agreement: str) -> str:
    answer = ask(corpus, question, agreement=agreement, top_k=20)
    return answer.hits[0].unit.id if answer.hits else f"@{answer.status}"


@pytest.mark.parametrize(("number", "reading"), [(1, "いち"), (6, "ろく"), (10, "じゅう"), (12, "じゅうに"), (21, "にじゅういち")])
def test_kana_numbers(number, reading):
    assert kana(number) == reading
    assert kana_number(reading) == number


def test_every_article_by_its_place_and_as_heard(loaded):
    missed = []
    for agreement in loaded.agreements:
        numbers = [article.number for article in agreement.articles]
        asked = {"最初の条文は": numbers[0], "一番最後の条は何": numbers[-1], "条文の最後を見せて": numbers[-1]}
        asked |= {"最後から2番目の条文": numbers[-2], "後ろから三つ目の条": numbers[-3]}
        for place, number in enumerate(numbers, start=1):
            asked |= {f"{place}番目の条文": number, f"{kanji(place)}つ目の条は": number}
            asked |= {f"だい{number}じょう": number, f"だい{kana(number)}じょう": number, f"Article {number}": number}
        for question, number in asked.items():
            got = first_id(loaded, question, agreement.id)
            if got != f"{agreement.id}/art-{number}":
                missed.append((agreement.id, question, got))
    assert missed == []


def test_every_row_by_its_place(loaded):
    missed = []
    for agreement in loaded.agreements:
        rows = [u.id for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        if not rows:  # articles only (sendai, tokubetsuku): no row is made up, and that is said
            answer = ask(loaded, "最初の取組は何", agreement=agreement.id)
            assert answer.status == Status.NO_MATCH and "取組は0項目" in answer.message, answer.message
            continue
        asked = {"最初の取組は何": rows[0], "最後の取組": rows[-1], "連携事業のうち最後は": rows[-1]}
        asked |= {"別表の最後に載っている取組": rows[-1], "一番初めに掲げられた事業": rows[0]}
        asked |= {"別表の最後の行": rows[-1], "2番目の行": rows[1]}
        asked |= {f"{place}番目の取組": row for place, row in enumerate(rows, start=1)}
        for question, row in asked.items():
            got = first_id(loaded, question, agreement.id)
            if got != row:
                missed.append((agreement.id, question, got))
    assert missed == []


def test_next_to_the_place_answered_before(loaded):
    """「次の条文は」「前の条は」「次の取組」 after an answer: the article or row beside it."""
    missed = []
    for agreement in loaded.agreements:
        numbers = [a.number for a in agreement.articles]
        for before, after in zip(numbers, numbers[1:], strict=False):
            for asked, question, wanted in ((before, "次の条文は", after), (after, "その前の条は", before)):
                turn = ask(loaded, f"第{asked}条", agreement=agreement.id)
                got = ask(loaded, question, agreement=agreement.id, history=[turn]).hits[0].unit.id
                if got != f"{agreement.id}/art-{wanted}":
                    missed.append((agreement.id, question, got))
        rows = [u.id for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        if not rows:
            continue  # articles only: no row to step from
        first = ask(loaded, "最初の取組", agreement=agreement.id)
        if ask(loaded, "次の取組は", agreement=agreement.id, history=[first]).hits[0].unit.id != rows[1]:
            missed.append((agreement.id, "次の取組は"))
        party = [p for p in loaded.party_names if p.agreement_id == agreement.id][-1]
        name = min((form for form in party.forms if form[-1] in "市町村"), key=len)
        cell = ask(loaded, f"{name}は最初の取組で何をするのか", agreement=agreement.id)
        got = ask(loaded, "次の取組は", agreement=agreement.id, history=[cell]).hits[0].unit
        if (got.row_id, got.party_label) != (rows[1], party.label):  # that party's cell of the next row
            missed.append((agreement.id, "次の取組は", got.id))
    assert missed == []


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("30番目の取組", "30番目の取組はありません（取組は20項目です）。"),
        ("十一番目の条文", "11番目の条文はありません（条文は6条です）。"),
        ("最後から9番目の条", "最後から9番目の条文はありません（条文は6条です）。"),
    ],
)
def test_a_place_counted_past_the_end_is_said_to_be_missing(corpus, question, message):
    answer = ask(corpus, question)
    assert answer.status == Status.NO_MATCH and answer.message == message


def test_next_with_nothing_before_is_no_place(corpus):
    assert find_reference(corpus, "次の条文は") is None


def test_the_last_row_of_a_named_section(corpus):
    answer = ask(corpus, "別表(3)イの最後の取組")
    assert answer.hits[0].unit.initiative == "その他結びつきやネットワークの強化に関する連携"


def test_a_party_named_with_a_row_by_its_place_gets_its_cell(loaded):
    for agreement in loaded.agreements:
        if not agreement.annexes():
            continue  # articles only: no cell to give
        party = [p for p in loaded.party_names if p.agreement_id == agreement.id][-1]
        name = min((form for form in party.forms if form[-1] in "市町村"), key=len)  # 智頭町, as people say it
        answer = ask(loaded, f"{name}は最初の取組で何をするのか", agreement=agreement.id)
        assert answer.hits[0].unit.kind == "role" and answer.hits[0].unit.party_label == party.label, name


def test_every_section_by_its_place(loaded):
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        sections = list(dict.fromkeys(u.section or u.id.rsplit("-", 1)[0] for u in rows))
        for place, section in enumerate(sections, start=1):
            answer = ask(loaded, f"{place}番目の分野", agreement=agreement.id, top_k=20)
            assert answer.status == Status.SECTION
            assert {u.unit.section or u.unit.id.rsplit("-", 1)[0] for u in answer.hits} == {section}


def test_the_opening_and_the_closing(loaded):
    for agreement in loaded.agreements:
        kinds = {u.kind for u in loaded.units if u.agreement_id == agreement.id and u.text}  # an empty 前文 is none
        opening = "preamble" if "preamble" in kinds else "art-1"
        last = f"art-{agreement.articles[-1].number}"  # no 署名欄 and no 附則: its last article
        closing = next((kind for kind in ("signature", "supplementary") if kind in kinds), last)
        for question in ("協約の冒頭部分", "書き出しには何が書いてある", "はじめの部分"):
            assert first_id(loaded, question, agreement.id) == f"{agreement.id}/{opening}", question
        # 前書き is the 前文 by name: where there is none, said
        preamble = f"{agreement.id}/preamble" if opening == "preamble" else "@no_match"
        assert first_id(loaded, "前書きの部分", agreement.id) == preamble
        for question in ("協定の末尾", "最後の部分は", "協定のおしまいには何が書いてある"):
            assert first_id(loaded, question, agreement.id) == f"{agreement.id}/{closing}", question


@pytest.mark.parametrize(
    "question",
    [
        "最後に、岩見沢市の災害対策での役割は",  # 「最後に」 orders the asking, not the agreement
        "事業の最初の段階で札幌市は何をするのか",
        "最初に取り組む事業は",
        "最後には札幌市の役割を教えて",
        "三条市の観光での役割",
    ],
)
def test_not_an_ordinal(corpus, question):
    assert find_reference(corpus, question) is None


def test_every_ordinal_holds_a_word_of_the_quick_check():
    """find_ordinal tries its six patterns only when one of _ORDINAL_WORDS is there: every way
    of counting the patterns know must hold one."""
    firsts = [*ordinals._FIRST.split("|")[:-3], "いちばんさいしょ", "いちばんはじめ", "さいしょ"]
    lasts = [*ordinals._LAST.split("|")[:-3], "いちばんさいご", "いちばんうしろ", "さいご"]
    counted = [f"{n}{c}" for n in ("3", "三", "ふた", "ここの") for c in ordinals._COUNTERS.split("|")]
    back = [f"最後から2{c}" for c in ordinals._COUNTERS.split("|")]
    for word in (*firsts, *lasts, *counted, *back):
        for text in (f"{word}の条文", f"取組の{word}は"):
            assert any(p.search(text) for _, p in (*ordinals._BEFORE, *ordinals._AFTER)), text
            assert ordinals._ORDINAL_WORDS.search(text), text
            assert find_ordinal(text) is not None, text


def test_relative_articles_in_every_layout(loaded):
    """「前条は」 after 第N条 is 第N-1条 and 「次条は」 第N+1条, in every agreement's own numbering."""
    missed = []
    for agreement in loaded.agreements:
        numbers = [a.number for a in agreement.articles]
        for before, after in zip(numbers, numbers[1:], strict=False):
            for asked, question, wanted in ((before, "次条は何を定めている", after), (after, "前条って何条", before)):
                turn = ask(loaded, f"第{asked}条", agreement=agreement.id)
                got = ask(loaded, question, agreement=agreement.id, history=[turn]).hits[0].unit.id
                if got != f"{agreement.id}/art-{wanted}":
                    missed.append((agreement.id, asked, question, got))
    assert missed == []


def test_the_same_article_is_the_one_named_before_it(layouts):
    """飯田市・大鹿村 第4条第2項 「前条に規定する取組…同条に定めるもののほか」: 同条 is 第3条."""
    iida = next(a.id for a in layouts.agreements if a.id.startswith("iida-oshika-2009"))
    turn = ask(layouts, "第4条", agreement=iida)
    answer = ask(layouts, "同条って何条のこと？", agreement=iida, history=[turn])
    assert answer.hits[0].unit.id == f"{iida}/art-3"


def test_places_as_heard_and_the_title_in_every_layout(loaded):
    """「Nじょうは」 is 第N条, 「別表の最初に出てくる取組」 the first row, and 「この協約の正式な名前は」
    the 前文 with the agreement's own title, whatever the layout."""
    missed = []
    for agreement in loaded.agreements:
        first_row = next((u.id for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"), None)
        number = agreement.articles[-1].number
        asked = {f"{number}じょうは なんて かいてあるの": f"{agreement.id}/art-{number}"}
        if first_row is not None:
            asked["別表の最初に出てくる取組は"] = first_row
        for question, wanted in asked.items():
            got = first_id(loaded, question, agreement.id)
            if got != wanted:
                missed.append((agreement.id, question, got))
        # a copy that printed no title is named by its parties, and the answer says no title is printed
        printed = any(word in agreement.title for word in ("協約", "協定"))
        this = f"この{agreement.kind}"  # the document's own word: 協定 or 協約
        said = f"{this}の題名は「{agreement.title}」です。" if printed else f"{this}の写しには題名が記されていません"
        for question in ("この協約の正式な名前は？", "何という協約？", "なんていう協定なの", "どういう名前の協約ですか"):
            title = ask(loaded, question, agreement=agreement.id)
            if not any(said in note for note in title.notes):
                missed.append((agreement.id, question, title.notes))
    assert missed == []


def test_every_article_said_in_kana_alone(loaded):
    """「よんじょう って なにが かいてあるの」: a number in kana and じょう, without だい, is 第N条."""
    missed = []
    for agreement in loaded.agreements:
        for article in agreement.articles:
            for question in (f"{kana(article.number)}じょう って なにが かいてあるの", f"{kana(article.number)}じょうは"):
                got = first_id(loaded, question, agreement.id)
                if got != f"{agreement.id}/art-{article.number}":
                    missed.append((agreement.id, question, got))
    assert missed == []


@pytest.mark.parametrize(
    "question", ["いじょう です", "しじょうの かっせいか", "じょうほう きょうゆう", "くじょうは どこに いえばいい", "にじょうほう"]
)
def test_joh_inside_another_word_is_no_article(question):
    assert ordinals.read_article(question) is None


@pytest.mark.parametrize("letters", [("", ""), ("の あ", "ア"), ("の い", "イ")])
def test_every_annex_section_said_in_kana_is_the_written_one(loaded, letters):
    """「べっぴょうの さんの あ」 names what 「別表(3)ア」 names, in every agreement whose annex has it."""
    said, written = letters
    missed, checked = [], 0
    for agreement in loaded.agreements:
        for number in range(1, 6):
            reference = find_reference(loaded, f"別表({number}){written}って何", agreement.id)
            if reference is None or reference.kind == "article":
                continue
            checked += 1
            heard = find_reference(loaded, f"べっぴょうの {kana(number)}{said} って なに", agreement.id)
            if heard is None or heard.positions != reference.positions:
                missed.append((agreement.id, number, said))
    assert missed == [] and checked


@pytest.mark.parametrize("question", ["別表には何が書いてある", "べっぴょうには なにが ある", "別表にごみの話はある"])
def test_a_particle_after_the_annex_is_no_section_number(question):
    assert sections._spoken_section(question) == question
