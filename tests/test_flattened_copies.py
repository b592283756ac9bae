"""Copies of real agreements that lost their line structure, read by their structure markers:
a PDF flattened onto one line whose parties are named by city (no 甲/乙) and whose 別表 is
printed as 分野 / 基本方針 / 「(N) 取組」 / 「<party>の役割 …」 paragraphs (松山市・東温市), and an
OCR copy letter-spaced on one line (南相馬市・飯舘村). A copy missing a piece is refused at its
line, naming the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.document import document_from_bytes
from kyoyaku_search.ingest.parser import parse_document, parse_file
from kyoyaku_search.ingest.repair import remove_stray_spaces
from kyoyaku_search.ingest.spaced import close_up, is_letter_spaced
from kyoyaku_search.search.corpus import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
MATSUYAMA = FIXTURES / "matsuyama-toon-2016.txt"
MINAMISOMA = FIXTURES / "minamisoma-iitate-2009.txt"


def _rows(agreement):  # noqa: ANN202
    return [(row.initiative, row.content, [(c.party, c.text) for c in row.roles]) for row in agreement.annex.rows()]


def test_a_flattened_copy_naming_its_parties_by_city_loads():
    agreement = parse_file(MATSUYAMA).agreement
    assert agreement.title == "松山市及び東温市における連携中枢都市圏形成に係る連携協約"
    assert [(p.label, p.name) for p in agreement.parties] == [("松山市", "松山市"), ("東温市", "東温市")]
    assert agreement.preamble.text.startswith("松山市及び東温市は、連携中枢都市圏を形成するため")
    assert [a.heading for a in agreement.articles] == [
        "目的",
        "基本方針",
        "連携する取組及び役割分担",
        "費用分担",
        "松山圏域連携協議会",
    ]
    assert agreement.date_text == "平成28年7月8日"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        # PDF line ends inside words, on the flattened line
        ("連携を図ることに より", "連携を図ることにより"),
        ("取組及び役割分担については 、別表 に掲げる", "取組及び役割分担については、別表に掲げる"),
        ("第252条の2第1 項の規定", "第252条の2第1項の規定"),
    ],
)
def test_the_line_end_blanks_of_the_flattened_line_are_removed(printed, read):
    agreement = parse_file(MATSUYAMA).agreement
    text = "\n".join([agreement.preamble.text, *(a.text for a in agreement.articles)])
    assert printed not in text and read in text


def test_role_paragraphs_under_each_field_are_the_annex_rows():
    annex = parse_file(MATSUYAMA).agreement.annex
    (section,) = annex.sections
    assert [sub.title for sub in section.subsections] == [
        "圏域全体の経済成長のけん引",  # printed 「圏域全体の / 経済成長の / けん引」 in a narrow column
        "高次の都市機能の集積・強化",
        "圏域全体の生活関連機能サービスの向上",
    ]
    assert [len(sub.rows) for sub in section.subsections] == [2, 2, 3]
    row = section.subsections[1].rows[1]
    assert row.initiative == "広域公共交通網の構築"
    assert row.content.startswith("松山市に集積する高次の都市機能を")  # the 分野's 基本方針, spanning its 取組
    assert row.role("東温市").text == (
        "伊予鉄道横河原線及び路線バスの利用促進に取り組み、松山市と連携して公共交通の利便性の向上を図る。"
    )
    assert annex.columns == ("分野", "基本方針")


def test_the_annex_reads_the_same_when_it_too_is_flattened_onto_the_line():
    lines = [line for line in MATSUYAMA.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")]
    one_line = document_from_bytes(" ".join(lines).encode("utf-8"), "one-line.txt")
    assert _rows(parse_document(one_line, "one-line").agreement) == _rows(parse_file(MATSUYAMA).agreement)


def _edited(tmp_path: Path, source: Path, edit) -> Path:  # noqa: ANN001
    lines = source.read_text(encoding="utf-8").split("\n")
    edit(lines)
    path = tmp_path / source.name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _line_of(source: Path, start: str) -> int:
    return next(i for i, line in enumerate(source.read_text(encoding="utf-8").split("\n")) if line.startswith(start))


@pytest.mark.parametrize(
    ("drop", "line", "message"),
    [
        # a party's role paragraph lost: the 取組 is refused where it starts
        ((0, 2), "(4) 広域公共交通網の構築", "各当事者の役割"),
        # a role's last line lost: its sentence runs into the next 分野, refused there
        ((1, 1), "圏域全体の", "次の分野"),
    ],
)
def test_a_role_paragraph_copy_missing_a_line_is_refused_at_its_line(tmp_path, drop, line, message):
    start = _line_of(MATSUYAMA, "東温市の役割 伊予鉄道")
    path = _edited(tmp_path, MATSUYAMA, lambda lines: lines.__delitem__(slice(start + drop[0], start + sum(drop))))
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert caught.value.path == str(path) and lines[caught.value.line - 1].startswith(line)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("南相 馬 市 (以 下 「甲」 とい う。)と 飯 舘 村", "南相馬市(以下「甲」という。)と飯舘村"),
        ("す る。 (目 的) 第 1条 本 協 定 は 、定住", "する。 (目的) 第1条 本協定は、定住"),
        ("政策分野 ア 医 療 (ア) 取組の内容 圏 域 の", "政策分野 ア 医療 (ア) 取組の内容 圏域の"),
        ("当該 各 号 の ア か ら力 ま で", "当該各号のアから力まで"),  # 「ア から」 is no item
        ("保 有 す る 。 平成21年10月 日 甲 南 相馬市", "保有する。 平成21年10月 日 甲 南相馬市"),
    ],
)
def test_a_letter_spaced_line_is_closed_up_keeping_the_blanks_of_its_structure(printed, read):
    assert close_up(printed) == read


def test_a_line_with_a_line_end_blank_now_and_then_is_not_letter_spaced():
    taka = (FIXTURES / "taka-kasai-kato-2015.txt").read_text(encoding="utf-8").split("\n")[15]
    assert not is_letter_spaced(taka)
    assert is_letter_spaced(MINAMISOMA.read_text(encoding="utf-8").split("\n")[15])


def test_a_letter_spaced_ocr_copy_loads_with_its_inline_roles():
    parsed = parse_file(MINAMISOMA)
    agreement = parsed.agreement
    assert [(p.label, p.name) for p in agreement.parties] == [("甲", "南相馬市"), ("乙", "飯舘村")]
    assert [a.number for a in agreement.articles] == [1, 2, 3, 4, 5, 6]
    assert agreement.articles[0].heading == "目的" and "中心市宣言を行つた甲と" in agreement.articles[0].text
    assert [row.initiative for row in agreement.annexes()[0].rows()] == ["医療", "福祉", "地域公共交通", "人材の育成"]
    assert agreement.date is None  # 「平成21年10月 日」: no day printed, none made up
    assert [r.kind for r in parsed.repairs][:2] == ["letter-spaced", "flattened-line"]


def test_a_letter_spaced_copy_without_its_definitions_is_refused_at_its_line(tmp_path):
    path = _edited(
        tmp_path, MINAMISOMA, lambda lines: lines.__setitem__(15, lines[15].replace("(以 下 「甲」 とい う。)", ""))
    )
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), 16)


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("第252条の2第1 項の規定", "第252条の2第1項の規定"),  # a counter split from its number
        ("2 前項の規定", "2 前項の規定"),  # a paragraph number keeps its blank
        ("平成28年 7月 8日", "平成28年 7月 8日"),  # so does a date the PDF spaced out
    ],
)
def test_a_blank_inside_an_ordinal_is_removed(printed, read):
    assert remove_stray_spaces(printed)[0] == read


def test_a_flattened_copy_without_a_preamble_takes_its_parties_from_the_title(tmp_path):
    preamble = "松山市及び東温市は、連携中枢都市圏を形成するため、地方自治法第252条の2第1 項の規定に基づき、次のとおり連携協約を締結する。 "
    path = _edited(tmp_path, MATSUYAMA, lambda lines: lines.__setitem__(15, lines[15].replace(preamble, "")))
    agreement = parse_file(path).agreement
    assert agreement.title == "松山市及び東温市における連携中枢都市圏形成に係る連携協約"  # the cover's last words
    assert [p.name for p in agreement.parties] == ["松山市", "東温市"]
    assert len(agreement.articles) == 5 and len(list(agreement.annex.rows())) == 7


ROLE_PARAGRAPHS_WITH_CONTENT = """甲市及び乙町における連携協約
甲市及び乙町は、次のとおり連携協約を締結する。
(目的)
第1条 この連携協約は、甲市及び乙町が連携して圏域の発展を図ることを目的とする。
(連携する取組及び役割分担)
第2条 甲市及び乙町が連携する取組及び役割分担は、別表に掲げるとおりとする。
別表(第2条関係)
(1) 地域医療の確保
内容 圏域の救急医療体制を確保す
る。
甲市の役割 市立病院の救急医療の機能を維持す
る。
乙町の役割 救急医療に要する経費の一部を負担する。
(2) 図書館の相互利用
内容 図書館を相互に利用できるようにする。
甲市の役割 市立図書館を乙町の住民の利用に供する。
乙町の役割 町立図書館を甲市の住民の利用に供する。
"""


def test_role_paragraphs_without_fields_and_with_a_content_paragraph_of_their_own():
    document = document_from_bytes(ROLE_PARAGRAPHS_WITH_CONTENT.encode("utf-8"), "paragraphs.txt")
    agreement = parse_document(document, "paragraphs").agreement
    assert _rows(agreement) == [
        (
            "地域医療の確保",
            "圏域の救急医療体制を確保する。",
            [("甲市", "市立病院の救急医療の機能を維持する。"), ("乙町", "救急医療に要する経費の一部を負担する。")],
        ),
        (
            "図書館の相互利用",
            "図書館を相互に利用できるようにする。",
            [("甲市", "市立図書館を乙町の住民の利用に供する。"), ("乙町", "町立図書館を甲市の住民の利用に供する。")],
        ),
    ]


def test_parties_named_by_city_are_listed_by_their_names_alone(tokenizer):
    corpus = build_corpus([parse_file(MATSUYAMA).agreement], tokenizer)
    answer = ask(corpus, "別表の分野はいくつある")
    assert answer.message.startswith("松山市と東温市が連携する取組は、別表に7項目あります。")  # not 「松山市（松山市）」
