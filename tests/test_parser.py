"""The parser on the seed as published, on variants of the same template, and on broken files."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import parse_file, parse_text
from kyoyaku_search.ingest.store import load_yaml

from .conftest import SEED_TEXT, SEED_YAML
from .variants import add_row_after, drop_lines_containing, reiwa, rename_parties, replace_line


def test_seed_counts(seed):
    agreement = seed.agreement
    rows = list(agreement.annex.rows())
    assert len(agreement.articles) == 6
    assert agreement.supplementary is not None
    assert len(rows) == 20
    assert sum(len(row.roles) for row in rows) == 40


def test_fresh_parse_equals_the_committed_yaml(seed):
    assert seed.agreement == load_yaml(SEED_YAML)


def test_title_date_and_parties(seed):
    agreement = seed.agreement
    assert agreement.title == "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約"
    assert (agreement.date, agreement.date_text) == ("2019-03-29", "平成31年(2019年)3月29日")
    kou, otsu = agreement.parties
    assert (kou.label, kou.name, kou.address, kou.mayor_title, kou.mayor_name) == (
        "甲",
        "札幌市",
        "札幌市中央区北1条西2丁目",
        "札幌市長",
        "秋元克広",
    )
    assert (otsu.label, otsu.name, otsu.address, otsu.mayor_title) == (
        "乙",
        "岩見沢市",
        "岩見沢市鳩が丘1丁目1番1号",
        "岩見沢市長",
    )


def test_articles_have_their_headings_and_lines(seed):
    articles = seed.agreement.articles
    assert [a.heading for a in articles] == ["目的", "基本方針", "連携する取組等", "費用分担", "定期的な協議", "変更等"]
    assert (
        articles[3].text == "前条の取組に係る事務を処理するために必要な費用の分担は、甲及び乙が協議の上、別に定める。"
    )
    assert articles[3].lines == (29, 31)
    assert seed.agreement.supplementary.text == "この連携協約は、平成31年4月1日から施行する。"


def test_annex_sections_and_subsections(seed):
    annex = seed.agreement.annex
    assert annex.heading == "別表（第3条関係）"
    assert [(t.key, t.label, t.title, len(t.rows)) for t in annex.tables()] == [
        ("1", "(1)", "圏域全体の経済成長のけん引", 4),
        ("2", "(2)", "高次の都市機能の集積・強化", 4),
        ("3a", "(3)ア", "生活機能の強化", 5),
        ("3b", "(3)イ", "結びつきやネットワークの強化", 4),
        ("3c", "(3)ウ", "圏域マネジメント能力の強化", 3),
    ]
    assert annex.sections[2].title == "圏域全体の生活関連機能サービスの向上"


def _row(agreement, initiative):
    return next(row for row in agreement.annex.rows() if row.initiative == initiative)


def test_row_split_by_a_page_break_is_joined_without_the_repeated_overlap(seed):
    row = _row(seed.agreement, "ICTインフラ整備")
    assert row.content == "遠隔会議システムの導入及び活用、オープンデータプラットフォームの共同利用等を行う。"
    assert (
        row.role("甲").text
        == "遠隔会議システムの導入及び活用、オープンデータプラットフォームの共同利用等について、乙と協力して取り組む。"
    )
    assert (
        row.role("乙").text
        == "遠隔会議システムの導入及び活用、オープンデータプラットフォームの共同利用等について、甲と協力して取り組む。"
    )
    assert row.lines == (97, 99)


def test_continuation_with_an_extra_leading_cell_and_a_stray_space(seed):
    row = _row(seed.agreement, "その他圏域マネジメント能力の強化に関する連携")
    assert (
        row.role("甲").text
        == "航空写真の共同撮影その他圏域マネジメント能力の強化に関する連携について、乙と協力して取り組む。"
    )
    assert row.role("乙").text.endswith("甲と協力して取り組む。")
    assert row.lines == (109, 111)


def test_every_repair_is_listed(seed):
    kinds = sorted({(r.line, r.kind) for r in seed.repairs})
    assert kinds == [
        (97, "page-break-overlap"),
        (97, "spaced-letters"),
        (109, "page-break-join"),
        (109, "stray-space"),
        (112, "rule-line"),
    ]


def test_no_table_rule_survives(seed):
    assert not any(row.initiative.startswith("--") for row in seed.agreement.annex.rows())
    assert "--" not in seed.repaired_text


# --- variants of the template ------------------------------------------------------------------


def test_other_parties(seed_text):
    agreement = parse_text(
        rename_parties(seed_text, "旭川市", "名寄市"), "asahikawa-nayoro.txt", "asahikawa-nayoro"
    ).agreement
    assert [(p.label, p.name) for p in agreement.parties] == [("甲", "旭川市"), ("乙", "名寄市")]
    assert agreement.parties[1].mayor_title == "名寄市長"
    assert len(list(agreement.annex.rows())) == 20


def test_reiwa_dates(seed_text):
    agreement = parse_text(reiwa(seed_text), "x.txt", "x").agreement
    assert (agreement.date, agreement.date_text) == ("2020-03-27", "令和2年（2020年）3月27日")
    assert agreement.supplementary.text == "この連携協約は、令和2年4月1日から施行する。"


def test_rows_removed(seed_text):
    text = drop_lines_containing(seed_text, "福祉\t", "職員等の交流\t")
    agreement = parse_text(text, "x.txt", "x").agreement
    initiatives = [row.initiative for row in agreement.annex.rows()]
    assert len(initiatives) == 18
    assert "福祉" not in initiatives and "職員等の交流" not in initiatives


def test_row_added(seed_text):
    row = "観光案内\t観光案内所の相互利用等を行う。\t観光案内所の相互利用等について、乙と協力して取り組む。\t観光案内所の相互利用等について、甲と協力して取り組む。"
    agreement = parse_text(add_row_after(seed_text, "職員等の交流\t", row), "x.txt", "x").agreement
    table = list(agreement.annex.tables())[-1]
    assert [r.initiative for r in table.rows] == [
        "人材の育成",
        "職員等の交流",
        "観光案内",
        "その他圏域マネジメント能力の強化に関する連携",
    ]


@pytest.mark.parametrize("cut", [6, 10, 15])
@pytest.mark.parametrize("overlap", [0, 2, 5])
def test_any_row_split_at_a_page_break_parses_as_the_whole_row(seed_text, seed, cut, overlap):
    """Split the 災害対策 row's three sentence cells at `cut`, repeating `overlap` characters
    on the next page as the PDF extractor does; the parse must equal the unsplit row."""
    lines = seed_text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("災害対策\t"))
    cells = lines[number].split("\t")
    head = [cells[0]] + [cell[:cut] for cell in cells[1:]]
    tail = [""] + [cell[cut - overlap :] for cell in cells[1:]]
    lines[number : number + 1] = ["\t".join(head), "", "\t".join(tail)]
    parsed = parse_text("\n".join(lines), "x.txt", "x")
    whole = _row(seed.agreement, "災害対策")
    split = (number + 1, number + 3)
    expected = replace(whole, lines=split, roles=tuple(replace(cell, lines=split) for cell in whole.roles))
    assert _row(parsed.agreement, "災害対策") == expected


def test_full_width_spaces_and_digits(seed_text):
    text = (
        seed_text.replace("第1条 ", "第１条\u3000")
        .replace("(1) 圏域", "（１）\u3000圏域")
        .replace("ア 生活", "ア\u3000生活")
    )
    agreement = parse_text(text, "x.txt", "x").agreement
    assert agreement.articles[0].number == 1
    assert [t.label for t in agreement.annex.tables()][:3] == ["(1)", "(2)", "(3)ア"]


# --- malformed files: an error naming the file and the line ------------------------------------


def _error(text: str, tmp_path: Path) -> AgreementFormatError:
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert caught.value.path == str(path)
    return caught.value


def test_no_party_definition(seed_text, tmp_path):
    text = seed_text.replace("（以下「甲」という。）", "").replace("（以下「乙」という。）", "")
    error = _error(text, tmp_path)
    assert error.line == 19  # where 第1条 begins: the preamble before it defines no one
    assert "甲" in error.message


def test_only_one_party_defined(seed_text, tmp_path):
    error = _error(seed_text.replace("（以下「乙」という。）", ""), tmp_path)
    assert error.line == 15


def test_row_with_a_missing_cell(seed_text, tmp_path):
    text = replace_line(
        seed_text,
        90,
        "土地利用\t都市計画に関する情報共有等を行う。\t都市計画に関する情報共有等について、乙と協力して取り組む。",
    )
    error = _error(text, tmp_path)
    assert error.line == 90
    assert "列の数" in error.message


def test_row_with_no_initiative_that_continues_nothing(seed_text, tmp_path):
    text = replace_line(
        seed_text,
        90,
        "\t都市計画に関する情報共有等を行う。\t都市計画について、乙と協力して取り組む。\t都市計画について、甲と協力して取り組む。",
    )
    assert _error(text, tmp_path).line == 90


def test_row_cut_off_with_no_continuation(seed_text, tmp_path):
    text = drop_lines_containing(seed_text, "トフォームの共同利用等を行う。")
    error = _error(text, tmp_path)
    assert error.line == 97
    assert "途中" in error.message


def test_article_missing(seed_text, tmp_path):
    text = drop_lines_containing(seed_text, "（連携する取組等）", "第3条 ")
    error = _error(text, tmp_path)
    assert error.line == 29 and "第3条" in error.message  # 第4条, two lines up after the cut


def test_heading_without_its_article(seed_text, tmp_path):
    error = _error(drop_lines_containing(seed_text, "第3条 "), tmp_path)
    assert error.line == 25 and "連携する取組等" in error.message


def test_role_column_for_an_undefined_party(seed_text, tmp_path):
    text = seed_text.replace("取組\t内容\t甲の役割\t乙の役割", "取組\t内容\t甲の役割\t丙の役割", 1)
    error = _error(text, tmp_path)
    assert error.line == 69 and "丙" in error.message


def test_undecodable_bytes(seed_text, tmp_path):
    path = tmp_path / "binary.txt"
    data = seed_text.encode("utf-8").split(b"\n")
    data[29] = b"\xff\xfe\x00\x81 broken"
    path.write_bytes(b"\n".join(data))
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert caught.value.path == str(path) and caught.value.line == 30


def test_shift_jis_file_reads_like_the_utf8_one(seed_text, seed, tmp_path):
    path = tmp_path / "sapporo-iwamizawa-2019.txt"
    path.write_bytes(seed_text.replace("\n", "\r\n").encode("cp932"))
    assert parse_file(path).agreement.annex == seed.agreement.annex


def test_missing_file(tmp_path):
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(tmp_path / "nothing.txt")
    assert "nothing.txt" in str(caught.value)


def test_data_holds_the_published_text_unchanged(seed):
    # sha256 of the text as published (../shared/agreement/sapporo-iwamizawa-2019.txt)
    published = "7307ed4194e3adb08f61d4ef474aec24c4354353ba3e0b1701d4d1bcad03715c"
    assert hashlib.sha256(SEED_TEXT.read_bytes()).hexdigest() == published
    assert seed.agreement.source_sha256 == published
