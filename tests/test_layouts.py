"""Real published agreements in the layouts municipalities use (tests/fixtures/agreements/,
each file's header says which lines are real and where they came from; LAYOUTS.md describes
them). Each loads with the counts LAYOUTS.md gives, and its three questions — a role naming
the partner city, the cost rule, the effective date — bring the right unit first, cited in
the document's own terms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.ingest.subject import subject_parties
from kyoyaku_search.model import Agreement
from kyoyaku_search.search.corpus import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
LAYOUTS = (FIXTURES / "LAYOUTS.md").read_text(encoding="utf-8")

def expected_counts() -> list[tuple[str, int, int, int]]:
    """(file, articles, annex rows or inline 取組, role cells) from LAYOUTS.md's table."""
    table = []
    for line in LAYOUTS.splitlines():
        if not line.startswith("| `"):
            continue
        cells = line.split("|")
        files = re.findall(r"`([^`]+)`", cells[1])
        counts = cells[7]
        articles = int(re.search(r"articles: (\d+)", counts)[1])
        rows = int(re.search(r"(?:annex rows|inline initiatives): (\d+)", counts)[1])
        roles = int(re.search(r"role cells: (\d+)", counts)[1])
        table += [(name, articles, rows, roles) for name in files]
    return table


COUNTS = expected_counts()


def counts(agreement: Agreement) -> tuple[int, int, int]:
    rows = [row for annex in agreement.annexes() for row in annex.rows()]
    return len(agreement.articles), len(rows), sum(len(row.roles) for row in rows)


def test_layouts_md_lists_every_fixture():
    files = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")}
    assert {name for name, *_ in COUNTS} == files
    assert len(files) == 28  # 24 agreements, 4 of them also as HTML


@pytest.mark.parametrize(
    ("name", "articles", "rows", "roles"), [(n, *c) for n, *c in COUNTS], ids=[c[0] for c in COUNTS]
)
def test_every_layout_loads_with_the_counts_layouts_md_gives(name, articles, rows, roles):
    assert counts(parse_file(FIXTURES / name).agreement) == (articles, rows, roles)


# (fixture, question as LAYOUTS.md asks it, the unit that must come first, its citation)
QUESTIONS = [
    # inline roles in 第3条 as (1) / a / (a) 取組内容 / (b) 役割分担 / i 甲の役割, cited in those terms
    ("inami-himeji-2015.txt", "稲美町は地域公共交通で何を担うか。", "row-3-1/乙", "第3条第3号a(b)ii"),
    ("inami-himeji-2015.txt", "費用の分担はどう定められているか。", "art-4", "第4条（費用分担）"),
    # no 附則 and no sentence on it: the date under the title, never 第6条第2項 「その効力を失う」
    ("inami-himeji-2015.txt", "この協約はいつから効力を生ずるか。", "date", "日付"),
    # 別表第1–第3, no 内容 column, numbered sub-areas inside 別表第3
    (
        "yamaga-kumamoto-2022.txt",
        "山鹿市は図書館の相互利用で何をするか。",
        "row-x3.2-2/乙",
        "別表第3 (2) 結びつきやネットワークの強化に係る取組「図書館の相互利用」乙（山鹿市）の役割",
    ),
    ("yamaga-kumamoto-2022.txt", "取組に要する経費は誰が負担するか。", "art-4", "第4条（費用分担）"),
    ("yamaga-kumamoto-2022.txt", "この協約はいつから効力を生ずるか。", "date", "日付"),
    (
        "yamaga-kumamoto-2022.html",
        "山鹿市は図書館の相互利用で何をするか。",
        "row-x3.2-2/乙",
        "別表第3 (2) 結びつきやネットワークの強化に係る取組「図書館の相互利用」乙（山鹿市）の役割",
    ),
    ("yamaga-kumamoto-2022.html", "この協約はいつから効力を生ずるか。", "date", "日付"),
    # no 甲/乙 and no preamble: the parties from the title; role columns named after the city;
    # the second 内容 row of a rowspan 取組 cited apart
    (
        "mihara-fukuyama-2015.html",
        "三原市は農林水産物の販路拡大・ブランド化で何をし、何を負担するか。",
        "row-0-3/三原市",
        "別表(第2条、第3条関係)「地域資源を活用した地域経済の裾野拡大」の2行目三原市の役割分担及び費用分担",
    ),
    ("mihara-fukuyama-2015.html", "費用の分担はどこに定められているか。", "art-3", "第3条（役割分担及び費用分担）"),
    ("mihara-fukuyama-2015.html", "この協約はいつから効力を生ずるか。", "supplementary", "附則"),
    # the browser copy: the second row of the spanned 取組 has 3 cells under 4 headers
    (
        "mihara-fukuyama-2015.txt",
        "三原市は農林水産物の販路拡大・ブランド化で何をし、何を負担するか。",
        "row-0-3/三原市",
        "別表(第2条、第3条関係)「地域資源を活用した地域経済の裾野拡大」の2行目三原市の役割分担及び費用分担",
    ),
    ("mihara-fukuyama-2015.txt", "費用の分担はどこに定められているか。", "art-3", "第3条（役割分担及び費用分担）"),
    ("mihara-fukuyama-2015.txt", "この協約はいつから効力を生ずるか。", "supplementary", "附則"),
    # 山口県岩国市 asked as 岩国市; 連携する取組 / 取組の内容 headers; sub-areas 「2 …」 cited as printed
    (
        "hiroshima-iwakuni-2016.txt",
        "岩国市は広域的な交通ネットワークの形成で何をするか。",
        "row-2-2/乙",
        "別表(第3条関係)2 高次の都市機能の集積・強化に関する取組「広域的な交通ネットワークの形成」乙（山口県岩国市）の役割",
    ),
    (
        "hiroshima-iwakuni-2016.txt",
        "取組に要する費用とその分担はどう決めるか。",
        "art-4",
        "第4条（広島広域都市圏発展ビジョン）",
    ),
    ("hiroshima-iwakuni-2016.txt", "この協約はいつから効力を生ずるか。", "supplementary", "附則"),
    # inline (1) / ア / (ア) / a 取組の内容 / b 甲の役割 / c 乙の役割 with (a)(b) sub-items
    ("iida-oshika-2009.txt", "大鹿村は救急医療体制の確保で何をするか。", "row-1a-1/乙", "第3条第1号ア(ア)c"),
    ("iida-oshika-2009.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての連携及び費用負担）"),
    ("iida-oshika-2009.txt", "この協定はいつから効力を生ずるか。", "supplementary", "附則"),
    ("chizu-tottori-2010.txt", "鳥取市は自治体病院の連携で何をするか。", "row-1a-1/甲", "第3条第1号ア(ア)b"),
    ("chizu-tottori-2010.txt", "費用はどう定めるか。", "art-4", "第4条（事務執行に当たっての連携及び費用負担）"),
    ("chizu-tottori-2010.txt", "この協定はいつから施行されるか。", "supplementary", "附則"),
    # three parties 甲・乙・丙 inline; the effective date in an article (効力の発生), not 附則
    (
        "sakaiminato-matsue-yonago-2009.txt",
        "米子市はコミュニティバスの運行で何をするか。",
        "row-2a-1/乙",
        "第3条第2号1ア(ウ)",
    ),
    (
        "sakaiminato-matsue-yonago-2009.txt",
        "費用はどう負担するか。",
        "art-4",
        "第4条（事務執行に当たっての連携及び費用負担）",
    ),
    ("sakaiminato-matsue-yonago-2009.txt", "この協定はいつから効力を生ずるか。", "art-7", "第7条（効力の発生）"),
    (
        "sakaiminato-matsue-yonago-2009.html",
        "米子市はコミュニティバスの運行で何をするか。",
        "row-2a-1/乙",
        "第3条第2号1ア(ウ)",
    ),
    ("sakaiminato-matsue-yonago-2009.html", "この協定はいつから効力を生ずるか。", "art-7", "第7条（効力の発生）"),
    # 具体的事項 instead of 取組; 甲 and 乙 cells with the same words: the 乙 column is cited
    (
        "inabe-toin-2010.txt",
        "東員町は北勢線(地域公共交通)で何をするか。",
        "row-x2.0-1/乙",
        "別表第2「地域公共交通」乙（東員町）の役割",
    ),
    ("inabe-toin-2010.txt", "費用はどう定めるか。", "art-4", "第4条（事務執行に係る基本的事項）"),
    ("inabe-toin-2010.txt", "この協定はいつから施行されるか。", "supplementary", "附則"),
    # five columns, 分野 first (each 分野 a heading of its own); 「効力を生じ、」 inflected
    (
        "yuzawa-ugo-2011.txt",
        "羽後町は図書館の相互利用で何をするか。",
        "row-0c-1/乙",
        "別表第1 教育「図書館の相互利用」乙（羽後町）の役割",
    ),
    ("yuzawa-ugo-2011.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行にあたっての連携、協力及び費用負担）"),
    ("yuzawa-ugo-2011.txt", "この協定はいつから効力を生ずるか。", "art-7", "第7条（有効期間）"),
    (
        "yuzawa-ugo-2011.html",
        "羽後町は図書館の相互利用で何をするか。",
        "row-0c-1/乙",
        "別表第1 教育「図書館の相互利用」乙（羽後町）の役割",
    ),
    # PDF text: 第N条 alone on its line, letter-spaced headings, 「別表第1」 references set apart
    # inside 第3条 (not the annex), sentences wrapped; the date only in the signature block
    (
        "shinjo-okura-2015.txt",
        "大蔵村は地域医療の確保で何をするか。",
        "row-0-1/乙",
        "別表第1「地域医療の確保」乙（大蔵村）の役割",
    ),
    ("shinjo-okura-2015.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての費用負担等）"),
    ("shinjo-okura-2015.txt", "この協定はいつから効力を生ずるか。", "signature", "署名欄"),
    # a cell of two paragraphs breaks its row over two lines (3 cells, then 2): one cell, as printed
    (
        "tamano-okayama-2016.txt",
        "岡山市はESDによる人づくりで何をするか。",
        "row-3a-1/甲",
        "別表(第3条関係)(3)ア 生活機能の強化「ESDによる人づくり」甲（岡山市）の役割",
    ),
    ("tamano-okayama-2016.txt", "費用の分担はどう定められているか。", "art-4", "第4条（費用分担）"),
    ("tamano-okayama-2016.txt", "この協約はいつから施行されるか。", "supplementary", "附則"),
    # PDF text: wrapped sentences, a row continued on a TAB-led line; the date only in the signature
    (
        "tomakomai-abira-2015.txt",
        "安平町は救急医療体制の確保で何をするか。",
        "row-0-1/乙",
        "別表第1 生活機能の強化に係る政策分野「救急医療体制の確保」乙（安平町）の役割",
    ),
    ("tomakomai-abira-2015.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての連携及び分担）"),
    ("tomakomai-abira-2015.txt", "この協定はいつから効力を生ずるか。", "signature", "署名欄"),
    # a whole 議案 on one line; 甲 is two cities, each asked about by its own name
    ("taka-kasai-kato-2015.txt", "加東市は医療で何をするか。", "row-1-1/甲", "第3条第1号ア(イ)"),
    ("taka-kasai-kato-2015.txt", "多可町は地域公共交通で何をするか。", "row-2-1/乙", "第3条第2号ア(ウ)"),
    ("taka-kasai-kato-2015.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての連携及び費用負担）"),
    # OCR text of a scan, all on one line, a seal read as garbage before the title
    (
        "goshogawara-tsuruta.txt",
        "鶴田町は救急医療体制の確保で何をするか。",
        "row-0-1/乙",
        "別表第1 生活機能の強化に係る政策分野「救急医療体制の確保」乙（鶴田町）の役割",
    ),
    ("goshogawara-tsuruta.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての連携及び費用負担）"),
    # no title, blanks inside brackets from the PDF converter: 「( 基本方針)」「別表第1 ( 第3条関係)」
    (
        "fukagawa-chippubetsu-2018.txt",
        "秩父別町は救急医療体制の確保で何をするか。",
        "row-0-1/乙",
        "別表第1「救急医療体制の確保」乙（秩父別町）の役割",
    ),
    ("fukagawa-chippubetsu-2018.txt", "費用はどう負担するか。", "art-4", "第4条（事務執行に当たっての連携及び費用負担）"),
    ("fukagawa-chippubetsu-2018.txt", "基本方針は", "art-2", "第2条（基本方針）"),
    # 第一編/第二編 part headings, definitions first, the 別表 set up by 第7条, masked names
    ("xx-town-xx-city-2020.txt", "xx市は地域医療で何をするか。", "row-0-1/乙", "別表(第7条関係)「地域医療」乙（xx市）の役割"),
    ("xx-town-xx-city-2020.txt", "費用はどう負担するか。", "art-6", "第6条（費用負担）"),
    ("xx-town-xx-city-2020.txt", "語句の定義は", "art-1", "第1条（語句の定義）"),
    ("xx-town-xx-city-2020.txt", "この協定はいつから効力を生ずるか。", "signature", "署名欄"),
    # 取組 as articles of their own under 第二編 / 第一章: each party's role a paragraph, cited by it
    (
        "xx-town-xx-city-articles-2020.txt",
        "xx市は小児救急で何をするか。",
        "row-x2.1-1/乙",
        "第8条（小児救急医療体制の確保）第3項 乙（xx市）の役割",
    ),
    ("xx-town-xx-city-articles-2020.txt", "費用はどう負担するか。", "art-6", "第6条（費用負担）"),
    ("xx-town-xx-city-articles-2020.txt", "第8条は", "art-8", "第8条（小児救急医療体制の確保）"),
    # 取組 articles with role sub-headings 「( 乙の役割)」 above 「3 乙は、…」, no 編/章
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "秩父別町は救急医療体制の確保で何をするか。",
        "row-0-1/乙",
        "第4条（救急医療体制の確保）第3項 乙（秩父別町）の役割",
    ),
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "費用はどう負担するか。",
        "art-8",
        "第8条（事務執行に当たっての連携及び費用負担）",
    ),
    # no title at all, 分野 / 取組 / roles without 内容, the 別表 set up by 第2条, a fixed term
    (
        "kariya-xx-town-2021.txt",
        "xx町は病児保育の相互利用で何をするか。",
        "row-0b-1/乙",
        "別表(第2条関係)子育て「病児保育の相互利用」乙（xx町）の役割",
    ),
    ("kariya-xx-town-2021.txt", "費用はどう負担するか。", "art-3", "第3条（事務執行に当たっての連携及び協力並びに費用負担）"),
    ("kariya-xx-town-2021.txt", "この協定はいつから効力を生ずるか。", "art-4", "第4条（協定の期間）"),
    # one flattened PDF line, parties by city (no 甲/乙), 別表 as 分野 / 基本方針 / (N) 取組 / role paragraphs
    (
        "matsuyama-toon-2016.txt",
        "東温市は広域公共交通網の構築で何をするか。",
        "row-0b-2/東温市",
        "別表(第2条、第3条関係)高次の都市機能の集積・強化「広域公共交通網の構築」東温市の役割",
    ),
    ("matsuyama-toon-2016.txt", "費用はどう分担するか。", "art-4", "第4条（費用分担）"),
    ("matsuyama-toon-2016.txt", "この協約はいつから効力を生ずるか。", "date", "日付"),
    # OCR letter-spaced on one line (「(目 的) 第 1条 本 協 定 は」), roles inline in 第3条
    ("minamisoma-iitate-2009.txt", "飯舘村は医療で何をするか。", "row-1-1/乙", "第3条第1号ア(ウ)"),
    ("minamisoma-iitate-2009.txt", "費用はどう負担するか。", "art-4", "第4条（費用負担）"),
    # fifteen 町村 defined together as ONE party 「連携町村」: a member asked about is that party
    (
        "shiribeshi-15-2021.txt",
        "余市町は職員の交流で何をするか。",
        "row-0-2/連携町村",
        "別表(第3条関係)地域マネジメント能力の強化に係る政策分野「連携町村の職員等の交流」"
        "連携町村（島xx、寿都町、黒松内町、ニセコ町、真狩村、留寿都村、喜茂別町、xx町、共和町、岩内町、泊村、xx町、xx町、"
        "余市町及び赤井川村）の役割",
    ),
    ("shiribeshi-15-2021.txt", "費用はどう負担するか。", "art-4", "第4条（事務の執行に当たっての連携、協力及び費用負担）"),
    ("shiribeshi-15-2021.txt", "この協定はいつから効力を生ずるか。", "signature", "署名欄"),
    # re-flowed out of order by the aggregator, no 甲/乙, articles only: read in number order
    ("sendai-yamagata-2016.txt", "防災の連携はどこに書いてある", "art-2", "第2条（連携分野）"),
    ("sendai-yamagata-2016.txt", "費用はどう負担するか。", "art-4", "第4条（費用負担）"),
    ("sendai-yamagata-2016.txt", "この協定はいつから効力を生ずるか。", "art-5", "第5条（期間）"),
    ("sendai-yamagata-2016.txt", "第6条", "art-6", "第6条（その他）"),
    # three bodies, two defined together by a short name; PDF wraps; articles only
    ("tokubetsuku-kyoto.txt", "住民同士の交流について", "art-2", "第2条（連携・協力事項）"),
    ("tokubetsuku-kyoto.txt", "連携・協力推進委員会とは", "art-3", "第3条（推進体制等）"),
    ("tokubetsuku-kyoto.txt", "この協定はいつから効力を生ずるか。", "art-4", "第4条（期間）"),
]


@pytest.mark.parametrize(("name", "question", "unit", "citation"), QUESTIONS, ids=[f"{q[0]}:{q[1]}" for q in QUESTIONS])
def test_the_right_unit_comes_first(name, question, unit, citation, tokenizer):
    agreement = parse_file(FIXTURES / name).agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert answer.hits[0].unit.id == f"{agreement.id}/{unit}"
    assert answer.hits[0].citation == citation


@pytest.mark.parametrize(
    "name",
    [
        "inami-himeji-2015.txt",
        "yamaga-kumamoto-2022.txt",
        "tomakomai-abira-2015.txt",
        "shinjo-okura-2015.txt",
        "xx-town-xx-city-2020.txt",
        "matsuyama-toon-2016.txt",
    ],
)
def test_without_a_provision_the_answer_says_so_and_gives_the_date(name, tokenizer):
    agreement = parse_file(FIXTURES / name).agreement
    answer = ask(build_corpus([agreement], tokenizer), "この協定はいつから効力を生ずるか")
    assert "附則も、効力の発生を定めた条文もありません" in answer.message
    assert agreement.date_text in answer.message and agreement.date_text in answer.quotes[0].text
    assert "効力を失" not in answer.text  # 失効 is not commencement


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("kariya-xx-town-2021.txt", "「この協定の期間は、令和3年4月1日から"),
        ("sendai-yamagata-2016.txt", "締結の日は平成28年11月2日です"),
        ("tokubetsuku-kyoto.txt", "締結の日は記されていません"),
    ],
)
def test_a_fixed_term_says_when_an_agreement_without_a_commencement_clause_starts(name, start, tokenizer):
    """No 附則 and no 効力を生ずる, but a term 「期間は、…から」: that article, never 「no provision」."""
    agreement = parse_file(FIXTURES / name).agreement
    answer = ask(build_corpus([agreement], tokenizer), "この協定はいつから効力を生ずるか")
    assert "効力の発生を定めた条文はありません。期間の始まりを定めた条文を示します。" in answer.message
    assert "附則も" not in answer.message
    assert start in answer.text


def test_a_copy_reflowed_out_of_order_is_read_in_number_order():
    parsed = parse_file(FIXTURES / "sendai-yamagata-2016.txt")
    agreement = parsed.agreement
    assert [a.number for a in agreement.articles] == [1, 2, 3, 4, 5, 6]
    assert agreement.location(agreement.articles[5].lines).lines == (20, 21)  # 第6条 cited where it stands
    assert agreement.signature.text.endswith("平成28年11月2日") and agreement.date == "2016-11-02"
    assert agreement.articles[1].text.split("\n")[1:3] == ["(1)防災に関する分野", "(2)観光・交流に関する分野"]
    assert [p.name for p in agreement.parties] == ["仙台市", "山形市"]
    kinds = [r.kind for r in parsed.repairs]
    assert "reordered" in kinds and "pipe-cells" in kinds and "|" not in agreement.articles[1].text


def test_a_gap_in_the_article_numbers_is_still_refused_at_its_line(tmp_path):
    """Reordering needs every number once: with 第3条 lost the text is refused where 第4条 stands."""
    lines = (FIXTURES / "sendai-yamagata-2016.txt").read_text(encoding="utf-8").split("\n")
    gone = next(i for i, line in enumerate(lines) if line.startswith("第3条"))
    del lines[gone - 1 : gone + 1]
    path = tmp_path / "gap.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert caught.value.path == str(path) and caught.value.line == 21  # 第6条 where 第2条 should be


def test_bodies_defined_by_a_short_name_of_their_own_are_the_parties():
    agreement = parse_file(FIXTURES / "tokubetsuku-kyoto.txt").agreement
    assert [(p.label, p.name) for p in agreement.parties] == [
        ("特別区長会", "特別区長会"),
        ("京都府市長会・町村会", "京都府市長会及び京都府町村会"),
    ]
    assert agreement.title == "特別区長会と京都府市長会及び京都府町村会の連携協力に関する協定書"  # broken at 「の」
    assert agreement.date is None  # the copy gives no date: none is made up


@pytest.mark.parametrize(
    ("subject", "parties"),
    [
        # one list, one name for all of it: a single party of fifteen members
        (
            "島xx、寿都町、黒松内町、ニセコ町、真狩村、留寿都村、喜茂別町、xx町、共和町、岩内町、泊村、xx町、xx町、"
            "余市町及び赤井川村(以下「連携町村」という。)は、",
            [
                (
                    "連携町村",
                    "島xx、寿都町、黒松内町、ニセコ町、真狩村、留寿都村、喜茂別町、xx町、共和町、岩内町、泊村、xx町、xx町、"
                    "余市町及び赤井川村",
                )
            ],
        ),
        ("甲市、乙町及び丙村(以下「三市町村」という。)は、", [("三市町村", "甲市、乙町及び丙村")]),
        # と at the top level: the name covers what follows と only
        (
            "特別区長会と京都府市長会及び京都府町村会(以下「京都府市長会・町村会」という。)は、",
            [("特別区長会", "特別区長会"), ("京都府市長会・町村会", "京都府市長会及び京都府町村会")],
        ),
        ("福山市及び三原市は、", [("福山市", "福山市"), ("三原市", "三原市")]),
        ("三原市(以下「市」という。)は、", []),  # one body alone is no agreement
    ],
)
def test_the_preamble_subject_names_the_parties(subject, parties):
    assert [(p.label, p.name) for p in subject_parties(subject + "次のとおり協定を締結する。", 1)] == parties


def test_a_member_of_a_party_of_many_is_asked_about_as_that_party(tokenizer):
    agreement = parse_file(FIXTURES / "shiribeshi-15-2021.txt").agreement
    corpus = build_corpus([agreement], tokenizer)
    for question in ("寿都町は職員の交流で何をするか", "余市町及び赤井川村は職員の交流で何をするか"):
        assert ask(corpus, question).hits[0].unit.id == f"{agreement.id}/row-0-2/連携町村"
    assert ask(corpus, "札幌市の役割は").status.value == "not_party"


def test_a_copy_with_nothing_above_its_preamble_is_named_by_its_parties(tokenizer):
    parsed = parse_file(FIXTURES / "kariya-xx-town-2021.txt")
    assert parsed.agreement.title == "刈谷市・xx町"
    assert [r.kind for r in parsed.repairs] == ["untitled"]
    answer = ask(build_corpus([parsed.agreement], tokenizer), "この協定の正式な名前は")
    notes = " ".join(answer.notes)
    assert "題名が記されていません" in notes and "題名は「" not in notes


def test_sentences_wrapped_by_a_pdf_extractor_are_joined_and_listed():
    parsed = parse_file(FIXTURES / "tomakomai-abira-2015.txt")
    assert parsed.agreement.articles[3].text.split("\n")[1] == (
        "2 甲及び乙は、別表第1から別表第3までに定める取組を推進するため、これらの表に規定するもののほか、"
        "必要な費用が生じるときは、相互の受益の程度を勘案し、甲乙協議の上、当該費用を負担するものとする。"
    )
    wraps = [r for r in parsed.repairs if r.kind == "line-wrap"]
    assert wraps and all("\n" in r.before and "\n" not in r.after for r in wraps)


def test_a_cell_of_two_paragraphs_keeps_both(tokenizer):
    agreement = parse_file(FIXTURES / "tamano-okayama-2016.txt").agreement
    row = next(row for row in agreement.annex.rows() if row.initiative == "ESDによる人づくり")
    assert row.roles[0].text == "ESDの推進に係る事業を企画し、実施する。\n圏域の市町に対し、事業への参加を呼び掛ける。"
    assert (row.lines, row.roles[0].lines, row.roles[1].lines) == ((68, 69), (68, 69), (69,))


def test_a_relative_effective_date_is_resolved_with_the_date(tokenizer):
    agreement = parse_file(FIXTURES / "mihara-fukuyama-2015.html").agreement
    answer = ask(build_corpus([agreement], tokenizer), "この協約はいつから効力を生ずるか")
    assert answer.quotes[0].text == "この連携協約は、締結の日から効力を生ずる。"
    assert "締結の日は平成27年3月25日です" in answer.message


@pytest.mark.parametrize(
    ("name", "question", "article"),
    [
        # 廃止 finds 失効: these agreements end by notice, in an article headed (失効)
        ("inami-himeji-2015.txt", "この協約を廃止するにはどうするか", 6),
        ("mihara-fukuyama-2015.html", "協約を廃止したいときの手続は", 5),
    ],
)
def test_a_question_about_ending_finds_the_expiry_article(name, question, article, tokenizer):
    agreement = parse_file(FIXTURES / name).agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert answer.hits[0].unit.id == f"{agreement.id}/art-{article}"


def test_a_party_defined_with_its_prefecture_is_found_by_its_own_name(tokenizer):
    agreement = parse_file(FIXTURES / "hiroshima-iwakuni-2016.txt").agreement
    assert agreement.party("乙").name == "山口県岩国市"
    corpus = build_corpus([agreement], tokenizer)
    for asked in ("岩国市の役割は", "岩国の役割は"):
        answer = ask(corpus, asked)
        assert answer.hits and {hit.unit.party for hit in answer.hits if hit.unit.kind == "role"} == {"山口県岩国市"}


def test_the_html_twin_gives_the_same_agreement_as_the_text():
    for stem in ("yamaga-kumamoto-2022", "sakaiminato-matsue-yonago-2009", "yuzawa-ugo-2011"):
        text, html = (parse_file(FIXTURES / f"{stem}.{suffix}").agreement for suffix in ("txt", "html"))
        assert html.source_format == "html" and html.source_url == text.source_url
        assert [a.text for a in html.articles] == [a.text for a in text.articles]
        cells = [[(c.party, c.text) for c in r.roles] for a in (text, html) for r in a.annexes()[0].rows()]
        assert cells[: len(cells) // 2] == cells[len(cells) // 2 :]


def test_html_units_point_at_the_lines_of_the_page():
    agreement = parse_file(FIXTURES / "yamaga-kumamoto-2022.html").agreement
    html_lines = (FIXTURES / "yamaga-kumamoto-2022.html").read_text(encoding="utf-8").split("\n")
    article = agreement.articles[3]
    for number in agreement.location(article.lines).lines:
        assert "第4条" in html_lines[number - 1] or "費用分担" in html_lines[number - 1]


def test_a_row_short_of_a_cell_under_a_spanned_initiative_takes_it_from_the_row_above():
    agreement = parse_file(FIXTURES / "mihara-fukuyama-2015.txt").agreement
    first, second = [row for row in agreement.annex.rows() if row.initiative == "地域資源を活用した地域経済の裾野拡大"]
    assert (first.lines, second.lines) == ((58,), (59,))
    assert second.content == "圏域の農林水産物の販路拡大及びブランド化を推進する。"


@pytest.mark.parametrize(
    ("printed", "fused"),
    [
        # a lost tab between the two roles: the 取組 would stand under 内容
        ("地域資源を活用した地域経済の裾野拡大\t", ""),
        # the spanned row's 内容 cut short: not a sentence, so not a row under a spanned 取組
        ("", "圏域の農林水産物の販路拡大"),
    ],
)
def test_a_row_short_of_a_cell_that_is_no_spanned_row_is_refused_at_its_line(tmp_path, printed, fused):
    lines = (FIXTURES / "mihara-fukuyama-2015.txt").read_text(encoding="utf-8").split("\n")
    cells = lines[58].split("\t")
    if printed:
        lines[58] = printed + cells[0] + "\t" + cells[1] + cells[2]
    else:
        lines[58] = "\t".join([fused, *cells[1:]])
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), 59)
    assert "列の数" in caught.value.message


def test_a_text_flattened_onto_one_line_is_read_line_by_line():
    parsed = parse_file(FIXTURES / "taka-kasai-kato-2015.txt")
    agreement = parsed.agreement
    assert agreement.title == "北播磨広域定住自立圏形成協定書(案)"
    assert [(p.label, p.name) for p in agreement.parties] == [("甲", "加西市及び加東市"), ("乙", "多可町")]
    assert agreement.date is None  # a draft: 「平成27年 月 日」; the bill's dates are not the agreement's
    assert agreement.articles[3].text.split("\n")[1] == (
        "2 前項の事務の執行に当たり必要な費用が生じるときは、相互の受益の程度を勘案し、甲及び乙が協議して負担するものとする。"
    )
    row = next(agreement.annexes()[0].rows())
    assert row.roles[0].text == "市立加西病院及び加東市民病院の診療機能を維持し、乙の住民に対しても救急医療及び高度医療を提供する。"
    assert set(agreement.location(row.lines).lines) == {16}  # every piece cites the one line it stands on
    assert [r.kind for r in parsed.repairs][:1] == ["flattened-line"]


def test_a_copy_without_a_title_is_named_by_its_cover_party_line():
    agreement = parse_file(FIXTURES / "fukagawa-chippubetsu-2018.txt").agreement
    assert agreement.title == "深川市・秩父別町"  # the only words above the preamble naming the agreement
    assert agreement.date is None  # 「平成30年6月 日」: the day left blank, no date is made up
    assert [a.heading for a in agreement.articles][:2] == ["目的", "基本方針"]  # 「( 基本方針)」


def test_part_headings_group_articles_numbered_straight_through():
    agreement = parse_file(FIXTURES / "xx-town-xx-city-2020.txt").agreement
    assert [a.number for a in agreement.articles] == [1, 2, 3, 4, 5, 6, 7]
    assert "第一編" not in agreement.preamble.text and all("編" not in a.text for a in agreement.articles)
    assert agreement.date_text == "令和2年1月17日"  # from the title 「…協定書(令和2年1月17日締結)」


def test_an_annex_table_flattened_onto_one_line_is_refused_at_its_line(tmp_path):
    """What still cannot be read: a table whose cells lost their boundaries (a PDF copied as one
    line) — refused at that line, naming the file, never read as wrong cells."""
    lines = (FIXTURES / "goshogawara-tsuruta.txt").read_text(encoding="utf-8").split("\n")
    table = [i for i, line in enumerate(lines) if "\t" in line and i < 22]
    flattened = " ".join(lines[i].replace("\t", " ") for i in table)
    lines[table[0] : table[-1] + 1] = [flattened]
    path = tmp_path / "flattened-table.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), table[0] + 1)


@pytest.mark.parametrize(
    ("name", "question", "source"),
    [
        # the text split back into lines: every piece is cited at the one line of the file it came from
        ("taka-kasai-kato-2015.txt", "加東市は医療で何をするか。", "taka-kasai-kato-2015.txt 16行"),
        # an HTML page: the line of the page's source, not of the text read from it
        ("yamaga-kumamoto-2022.html", "山鹿市は図書館の相互利用で何をするか。", "yamaga-kumamoto-2022.html 66行"),
    ],
)
def test_the_source_line_is_the_published_files_line(name, question, source, tokenizer):
    agreement = parse_file(FIXTURES / name).agreement
    hit = ask(build_corpus([agreement], tokenizer), question).hits[0]
    assert hit.source == source
    line = int(source.split()[-1].removesuffix("行"))
    assert hit.unit.text[:10] in (FIXTURES / name).read_text(encoding="utf-8").split("\n")[line - 1]


@pytest.mark.parametrize("name", ["sakaiminato-matsue-yonago-2009.html", "taka-kasai-kato-2015.txt"])
def test_a_signer_line_naming_only_the_mayor_takes_no_name_from_what_follows(name):
    """「丙 境港市長」 then the CMS page's 「このページに関するお問い合わせ」: a title, no address, no name."""
    for party in parse_file(FIXTURES / name).agreement.parties:
        assert party.mayor_title and party.mayor_title.endswith("長") and party.address is None
        assert party.mayor_name is None
