"""Adding an agreement in the browser, below the page: the upload is parsed in a bounded child
process, summarised, and joins only this session's corpus; hostile files are refused with a
Japanese message, and the shared corpus is never touched. (The page itself: test_browser_upload.)"""

from __future__ import annotations

import zlib

import pytest

from kyoyaku_search import ask
from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.isolated import parse_isolated
from kyoyaku_search.views.upload import KEEP_ENV, keep, kept_sources, read_upload, with_uploads

from .conftest import SEED_TEXT
from .printed import pdf_of
from .test_layouts import FIXTURES

YAMAGA = (FIXTURES / "yamaga-kumamoto-2022.txt").read_bytes()


def test_an_upload_is_summarised(corpus):
    agreement, summary = read_upload(YAMAGA, "山鹿市の協約.txt", {a.id for a in corpus.agreements})
    assert agreement.id == "山鹿市の協約" and agreement.source == "山鹿市の協約.txt"
    assert (summary.title, summary.parties, summary.articles, summary.rows, summary.roles) == (
        "熊本市及び山鹿市における連携中枢都市圏の形成に係る連携協約",
        ("甲（熊本市）", "乙（山鹿市）"),
        5,
        10,
        20,
    )
    assert "条 5・別表の行 10・役割の欄 20" in summary.markdown()


def test_an_upload_joins_the_session_corpus_and_leaves_the_shared_one_alone(corpus):
    before = [u.id for u in corpus.units]
    agreement, _ = read_upload(YAMAGA, "yamaga.txt", {a.id for a in corpus.agreements})
    session = with_uploads(corpus, [agreement])
    assert [u.id for u in corpus.units] == before and not corpus.multi
    answer = ask(session, "山鹿市は図書館の相互利用で何をするか", agreement="yamaga")
    assert answer.hits[0].unit.id == "yamaga/row-x3.2-2/乙"
    seed = ask(session, "岩見沢市の災害対策での役割は")
    assert seed.hits[0].unit.id == "sapporo-iwamizawa-2019/row-3a-5/乙"


def test_a_city_in_both_the_shared_and_the_uploaded_agreement_is_found_in_each(corpus):
    # regression: the name was masked for the first agreement's party only, so asking the upload
    # (the same 札幌市–岩見沢市 agreement under another id) about 岩見沢市 found nothing
    upload, _ = read_upload(SEED_TEXT.read_bytes(), "copy.txt", {a.id for a in corpus.agreements})
    session = with_uploads(corpus, [upload])
    for agreement in ("copy", "sapporo-iwamizawa-2019"):
        answer = ask(session, "岩見沢市の災害対策での役割は", agreement=agreement)
        assert answer.hits[0].unit.id == f"{agreement}/row-3a-5/乙"


def test_an_upload_never_takes_an_id_in_use(corpus):
    agreement, _ = read_upload(YAMAGA, "sapporo-iwamizawa-2019.txt", {a.id for a in corpus.agreements})
    assert agreement.id == "sapporo-iwamizawa-2019-2"


def _pdf_bomb(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated` bytes of zeros."""
    packer = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_of(objects)


def test_a_pdf_bomb_costs_a_child_process_not_the_server():
    with pytest.raises(AgreementFormatError) as caught:
        parse_isolated(_pdf_bomb(400 * 1024 * 1024), "bomb.pdf", "bomb", seconds=20, memory=256 * 1024 * 1024)
    assert any(words in caught.value.message for words in ("読めません", "読み込めませんでした", "かかるため中止"))


def test_parsing_that_takes_too_long_is_stopped():
    with pytest.raises(AgreementFormatError) as caught:
        parse_isolated(YAMAGA, "slow.txt", "slow", seconds=0.01)
    assert "中止しました" in caught.value.message


HOSTILE = [
    # (file name, bytes, words of the Japanese message)
    ("binary.txt", bytes(range(256)) * 4, "テキストではありません"),  # a binary renamed .txt
    ("page.html", b"<html><body><script>alert(1)</script><p>hello</p></body></html>", "連携協約の本文ではない"),
    ("fake.pdf", b"MZ\x90\x00 an executable", "PDF ではありません"),
    ("big.txt", b"a" * (10 * 1024 * 1024 + 1), "大きすぎます"),
    ("run.exe", b"MZ", "対応していない形式"),
    ("../../etc/passwd.txt", b"root:x:0:0", "連携協約の本文ではない"),  # a path in the name goes nowhere
]


@pytest.mark.parametrize(("name", "data", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_uploads_are_refused_with_a_japanese_message(name, data, message):
    with pytest.raises(AgreementFormatError) as caught:
        read_upload(data, name, set())
    assert message in caught.value.japanese()
    assert "/" not in caught.value.japanese().split(":")[0]  # the message names the file, never a path


def test_an_upload_with_scripts_keeps_only_its_text():
    page = (FIXTURES / "yamaga-kumamoto-2022.html").read_text(encoding="utf-8")
    page = page.replace('<p class="p">', "<p class=\"p\"><script>alert('x')</script><img src=x onerror=alert(1)>", 1)
    agreement, _ = read_upload(page.encode(), "yamaga.html", set())
    assert "alert" not in agreement.preamble.text and agreement.preamble.text.startswith("熊本市(以下「甲」")


def test_uploads_are_kept_only_when_an_operator_opts_in(tmp_path, monkeypatch):
    monkeypatch.delenv(KEEP_ENV, raising=False)
    assert keep(YAMAGA, "yamaga.txt") is None and kept_sources() == []
    monkeypatch.setenv(KEEP_ENV, str(tmp_path / "kept"))
    saved = keep(YAMAGA, "../../yamaga.txt")
    assert saved.parent == tmp_path / "kept" and saved.read_bytes() == YAMAGA
    assert kept_sources() == [str(tmp_path / "kept")]


def test_kept_uploads_join_every_new_session(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from .test_app import APP

    monkeypatch.setenv(KEEP_ENV, str(tmp_path))
    keep(YAMAGA, "yamaga.txt")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    titles = at.selectbox(key="agreement").options
    assert "熊本市及び山鹿市における連携中枢都市圏の形成に係る連携協約" in titles
    at.selectbox(key="agreement").select_index(
        titles.index("熊本市及び山鹿市における連携中枢都市圏の形成に係る連携協約")
    )
    at.chat_input(key="chat").set_value("山鹿市は図書館の相互利用で何をするか").run()
    assert not at.exception
    shown = [element.value for element in at.chat_message[1].markdown]
    assert "甲の住民による乙の" in shown[0] and "乙（山鹿市）の役割" in shown[1]
