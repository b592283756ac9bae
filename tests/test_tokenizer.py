"""SudachiPy as the index sees it: golden terms, split mode explicit in every case."""

from __future__ import annotations

import threading

import pytest

from kyoyaku_search.search.tokenizer import Tokenizer, TokenizerSettings, fold


@pytest.fixture(scope="module")
def mode_c() -> Tokenizer:
    return Tokenizer(TokenizerSettings(mode="C", sub_mode=None))


def test_particles_and_symbols_are_dropped(mode_c):
    assert mode_c.terms("岩見沢市の災害対策での役割は？") == ["岩見沢市", "災害", "対策", "役割"]


def test_normalized_forms_and_nfkc(mode_c):
    assert mode_c.terms("ＩＣＴインフラ整備") == ["ict", "インフラ", "整備"]
    assert mode_c.terms("ぼうさい") == ["防災"]


def test_drafting_words_carry_no_topic(mode_c):
    assert mode_c.terms("災害対策に関する連携について、甲に対し必要な協力をする。") == [
        "災害",
        "対策",
        "連携",
        "甲",
        "必要",
        "協力",
    ]


def test_mode_c_with_a_sub_words():
    tokenizer = Tokenizer(TokenizerSettings(mode="C", sub_mode="A"))
    assert tokenizer.split_terms("連携中枢都市圏") == [
        ("連携", False),
        ("中枢", False),
        ("都市圏", False),
        ("都市", True),
        ("圏", True),
    ]


def test_reading(mode_c):
    assert mode_c.reading("岩見沢市") == "イワミザワシ"


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be one of"):
        TokenizerSettings(mode="D")


def test_one_tokenizer_is_safe_across_threads(mode_c):
    """Sudachi's own tokenizer raises 'Already borrowed' when two threads share it."""
    errors: list[BaseException] = []
    results: list[list[str]] = []

    def work() -> None:
        try:
            for _ in range(200):
                results.append(mode_c.terms("札幌市と岩見沢市が協力して取り組む災害対策"))
        except BaseException as error:  # noqa: BLE001 - the test reports whatever a thread raised
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 1600 and all(r == results[0] for r in results)


@pytest.mark.parametrize(
    "text, places",
    [
        ("札幌市と東京都の防災", ["札幌市", "東京都"]),
        ("丘珠空港の利用", []),
        ("", []),
    ],
)
def test_place_names_are_the_tokens_tagged_as_places(mode_c, text, places):
    assert mode_c.place_names(text) == places
    assert places == [t.surface for t in mode_c.tokens(text) if t.pos[1:3] == ("固有名詞", "地名")]


@pytest.mark.parametrize("word", ["災害", "人材の育成", "記名押印", "ＩＣＴ"])
def test_remembered_terms_of_a_word_are_its_terms(mode_c, word):
    assert mode_c.terms_of_word(word) == tuple(mode_c.terms(word))
    assert mode_c.terms_of_word(word) == tuple(mode_c.terms(word))  # the second time from memory


def test_analyse_is_tokens_and_split_terms_in_one_pass(mode_c):
    text = "札幌市と岩見沢市が協力して取り組む災害対策"
    assert mode_c.analyse(text) == (mode_c.tokens(text), mode_c.split_terms(text))


@pytest.mark.parametrize(
    "text",
    [
        "ＩＣＴとictとＩＣＴ",  # one dictionary word, two surfaces
        "札幌市の都市圏の地域医療、都市圏の地域医療",  # compounds with sub-words, twice
        "ﾎｹﾞﾎｹﾞとフガフガの企画",  # unknown words share an id per part of speech
        "いわみざわしのさいがいたいさくでのやくわり",
        "甲及び乙は、前条の規定に基づき協議する。",
    ],
)
def test_analyse_remembers_words_without_changing_what_it_yields(text):
    """analyse keeps what each dictionary word yields; a second pass, and another text holding the
    same words, yield what Sudachi says of them afresh."""
    tokenizer = Tokenizer()
    # tokens_unfolded and split_terms read every morpheme from Sudachi, remembering nothing
    expected = (tokenizer.tokens_unfolded(fold(text)), tokenizer.split_terms(text))
    assert tokenizer.analyse(text) == expected
    assert tokenizer.analyse(text) == expected
    assert (tokenizer.tokens(text), tokenizer.terms(text)) == (expected[0], [t for t, _ in expected[1]])
    assert Tokenizer().analyse(text) == expected


def test_compound_runs_are_the_noun_runs(tokenizer):
    from kyoyaku_search.search.tokenizer import compound_runs

    tokens = list(tokenizer.tokens("丘珠空港の利用促進を図る"))
    runs = ["".join(t.surface for t in tokens[a:b]) for a, b in compound_runs(tokens, {"名詞"})]
    assert runs == ["丘珠空港", "利用促進"]
