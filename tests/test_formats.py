"""One reader per format, one `Agreement`: a 例規集 page saved as HTML, a Word file, a text;
chosen by what the bytes are, and `--source` takes each of them."""

from __future__ import annotations

import io
import json

import pytest

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.document import detect_format, document_from_bytes
from kyoyaku_search.ingest.parser import parse_bytes, parse_file
from kyoyaku_search.views.cli import main

from .conftest import SEED_TEXT
from .test_layouts import FIXTURES

PAGE = """<!-- saved from https://example.lg.jp/reiki/r1.html -->
<html><head><meta charset="{charset}"><title>t</title><script>alert(1)</script></head><body>
<div id="header"><ul class="menu"><li>例規集トップ</li></ul></div>
<div id="primary">
<p class="title">○甲市及び乙町における連携協約</p><p>令和2年4月1日</p>
<p>甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。</p>
<p>(目的)</p><p>第1条 この連携協約は、甲及び乙の連携を目的とする。<script>document.title='x'</script></p>
<p>(費用分担)</p><p>第2条 費用は、甲及び乙が協議して定める。</p>
<p>附 則</p><p>この連携協約は、令和2年4月1日から施行する。</p>
<p>別表(第1条関係)</p>
<table><tr><th>取組</th><th>内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td rowspan="2">防災</td><td>訓練を行う。</td><td>訓練を<br>企画する。</td><td>訓練に参加する。</td></tr>
<tr><td>備蓄を行う。</td><td>備蓄を進める。</td><td>備蓄に協力する。</td></tr></table>
</div><div id="secondary"><h2>メニュー</h2><a href="/">トップ</a></div>
<style>p {{ color: red }}</style></body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "shift_jis"])
def test_a_saved_page_is_read_as_the_agreement_it_holds(charset):
    data = PAGE.format(charset=charset).encode("cp932" if charset == "shift_jis" else "utf-8")
    agreement = parse_bytes(data, "r1.html").agreement
    assert (agreement.title, agreement.source_format, agreement.source_url) == (
        "甲市及び乙町における連携協約",
        "html",
        "https://example.lg.jp/reiki/r1.html",
    )
    assert agreement.articles[0].text == "この連携協約は、甲及び乙の連携を目的とする。"  # the script is not text
    rows = list(agreement.annex.rows())
    # the rowspan 取組 stands on both rows; a <br> inside a cell does not split it
    assert [(r.initiative, r.content, r.roles[0].text) for r in rows] == [
        ("防災", "訓練を行う。", "訓練を企画する。"),
        ("防災", "備蓄を行う。", "備蓄を進める。"),
    ]


def test_errors_in_a_page_name_the_line_of_the_page():
    page = PAGE.format(charset="utf-8").replace("<p>第2条", "<p>第3条")
    with pytest.raises(AgreementFormatError) as caught:
        parse_bytes(page.encode(), "r1.html")
    assert caught.value.line == 8 and "第2条があるべき所" in caught.value.message


def test_a_word_file_is_read_paragraph_by_paragraph_and_table_by_table():
    import docx

    document = docx.Document()
    for paragraph in PAGE.split('<p class="title">')[1].split("<table>")[0].split("</p>"):
        text = paragraph.replace("<p>", "").split("<script>")[0].strip().removeprefix("○")
        if text and not text.startswith("<"):
            document.add_paragraph(text)
    table = document.add_table(rows=2, cols=4)
    for row, cells in zip(
        table.rows,
        [["取組", "内容", "甲の役割", "乙の役割"], ["防災", "訓練を行う。", "訓練を企画する。", "訓練に参加する。"]],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    agreement = parse_bytes(buffer.getvalue(), "k.docx").agreement
    assert agreement.source_format == "docx" and len(agreement.articles) == 2
    assert [c.text for c in next(agreement.annex.rows()).roles] == ["訓練を企画する。", "訓練に参加する。"]


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.4 ...", "a.txt", "pdf"),  # what the bytes are decides, not the name
        (b"<!DOCTYPE html><html>", "page", "html"),
        (b"<html>", "a.txt", "text"),  # a text file that happens to start with markup stays text
        ("第1条".encode(), "a.html", "html"),
        ("第1条".encode(), "a", "text"),
    ],
)
def test_the_format_is_told_from_the_bytes_and_the_name(data, name, expected):
    assert detect_format(data, name) == expected


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04 not a zip", "k.docx", ".docx を読めません"),
        (b"plain", "k.docx", "Word（.docx）のファイルではありません"),
        (b"\x00\x01\x02binary", "k.txt", "テキストではありません"),
        (b"x" * (10 * 1024 * 1024 + 1), "big.txt", "ファイルが大きすぎます"),
    ],
    ids=["bad-zip", "not-docx", "binary-as-text", "too-large"],
)
def test_a_file_that_is_not_what_it_claims_is_refused(data, name, message):
    with pytest.raises(AgreementFormatError) as caught:
        document_from_bytes(data, name)
    assert message in caught.value.message


def test_source_takes_a_folder_of_several_formats(tmp_path):
    for name in ("yamaga-kumamoto-2022.html", "inami-himeji-2015.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "sapporo.txt").write_bytes(SEED_TEXT.read_bytes())
    out = io.StringIO()
    assert main(["--source", str(tmp_path), "ask", "山鹿市の図書館の相互利用での役割は", "--json"], stdout=out) == 0
    assert json.loads(out.getvalue())["hits"][0]["id"] == "yamaga-kumamoto-2022/row-x3.2-2/乙"


def test_the_same_agreement_in_two_formats_in_one_folder_gets_two_ids(tmp_path):
    for suffix in ("txt", "html"):
        (tmp_path / f"yamaga.{suffix}").write_bytes((FIXTURES / f"yamaga-kumamoto-2022.{suffix}").read_bytes())
    from kyoyaku_search.ingest.store import load_sources

    assert sorted(a.id for a in load_sources([tmp_path])) == ["yamaga", "yamaga-html"]


def test_parse_report_covers_html(capsys):
    out = io.StringIO()
    assert main(["parse", str(FIXTURES / "yamaga-kumamoto-2022.html"), "--report"], stdout=out) == 0
    assert "件の修復 / repairs" in out.getvalue()
    assert parse_file(FIXTURES / "yamaga-kumamoto-2022.html").agreement.source_lines
