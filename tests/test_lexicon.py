"""The two synonym layers: reviewed domain wording, and the derived Sudachi synonym file."""

from __future__ import annotations

import pytest
import yaml

from kyoyaku_search.answering.question import understand
from kyoyaku_search.ingest.store import BUNDLED_DATA
from kyoyaku_search.search.lexicon import DOMAIN_SYNONYMS, SUDACHI_SYNONYMS, Lexicon, SudachiSynonyms
from kyoyaku_search.search.tokenizer import fold


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(BUNDLED_DATA)


def test_every_domain_target_is_the_agreements_own_wording(seed, lexicon):
    """The right side of the list is written from the agreement: it must occur in it."""
    text = fold(seed.repaired_text)
    missing = [
        (key, target) for key, targets in lexicon.domain.entries for target in targets if fold(target) not in text
    ]
    assert missing == []


def test_domain_keys_are_unique():
    raw = (BUNDLED_DATA / DOMAIN_SYNONYMS).read_text(encoding="utf-8")
    keys = [
        line.split(":")[0].strip()
        for line in raw.splitlines()
        if line.startswith("  ") and not line.strip().startswith("#")
    ]
    data = yaml.safe_load(raw)
    assert len(keys) == len(set(keys)) == len(data["synonyms"]) + len(data.get("examples") or {})


@pytest.mark.parametrize(
    ("question", "source", "target"),
    [
        ("岩見沢市の防災での役割", "防災", "消防"),
        ("経費は誰が負担するの", "経費", "費用"),
        ("岩見沢市のIT基盤", "IT", "ICT"),
    ],
)
def test_domain_expansion(corpus, question, source, target):
    assert any(
        (e.source, e.target, e.layer) == (source, target, "domain") for e in understand(corpus, question).expansions
    )


def test_latin_keys_match_whole_words_only(corpus):
    assert not any(e.source == "IT" for e in understand(corpus, "UNITの取組").expansions)


def test_sudachi_layer_honours_expand_control(corpus):
    by_source = {}
    for expansion in understand(corpus, "経費と起業").expansions:
        by_source.setdefault(expansion.source, set()).add((expansion.target, expansion.layer))
    assert ("費用", "sudachi") in by_source["経費"]  # 経費 is flagged 0: it expands
    assert ("創業", "sudachi") in by_source["起業"]
    # 費用 is flagged 1 in its groups: a target, never a trigger
    assert not [e for e in understand(corpus, "費用の分担").expansions if e.layer == "sudachi" and e.source == "費用"]


def test_expanded_terms_weigh_less_than_the_users_own(corpus):
    weights = dict(understand(corpus, "防災と災害").weights)
    assert weights["災害"] == 1.0  # the user wrote it
    assert weights["消防"] == corpus.search.domain_weight < 1.0


def test_derived_synonym_file_carries_the_licence():
    path = BUNDLED_DATA / SUDACHI_SYNONYMS
    header = path.read_text(encoding="utf-8").splitlines()[:6]
    assert any("Apache License, Version 2.0" in line for line in header)
    assert "Apache License" in (path.parent / "LICENSE-sudachi-synonyms").read_text(encoding="utf-8")


def test_derived_synonym_file_reads_and_keeps_flags():
    synonyms = SudachiSynonyms.load(BUNDLED_DATA / SUDACHI_SYNONYMS)
    assert dict((word, flag) for flag, word in synonyms.group(253))["費用"] == 1
    assert all(flag in (0, 1, 2) for number in (253, 6, 118) for flag, _ in synonyms.group(number))


def test_synonym_groups_are_whole_not_fitted_to_one_agreement():
    """Every group of the dictionary ships, also those whose words no bundled agreement uses
    (お金・マネー, 給料・給与): which targets help is decided against the loaded corpus."""
    synonyms = SudachiSynonyms.load(BUNDLED_DATA / SUDACHI_SYNONYMS)
    assert len(synonyms) > 25_000
    words = {word for number in range(1, 30_000) for _, word in synonyms.group(number)}
    assert {"マネー", "給与", "病院", "ホスピタル"} <= words
