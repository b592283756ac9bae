"""Adding an agreement in the real browser: `streamlit run app.py` in Debian's chromium, a text
and then a printed PDF put in the sidebar's uploader, the summary read, a question asked about
each, and the role cell shown with its citation."""

from __future__ import annotations

from tests.browser import ARTIFACTS, ask_in_chat, chromium_page, streamlit_server, wait_idle

from .printed import agreement_html, print_pdf
from .test_layouts import FIXTURES
from .test_pdf import SEED

UPLOAD_INPUT = "[data-testid='stFileUploaderDropzoneInput']"


def _upload(page, path) -> None:  # noqa: ANN001
    page.locator(UPLOAD_INPUT).set_input_files(str(path))


def _answer(page, question: str, citation: str, messages: int) -> str:  # noqa: ANN001
    """Ask, wait for the reply's 出典 line naming `citation`, and return the reply as rendered."""
    ask_in_chat(page, question)
    reply = page.locator("[data-testid='stChatMessage']").nth(messages - 1)
    reply.get_by_text(citation).first.wait_for()
    wait_idle(page, messages)
    return reply.inner_text()


def test_upload_a_text_and_a_pdf_then_ask_each(chromium, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = print_pdf(agreement_html(SEED), tmp_path / "printed.pdf")
    with streamlit_server() as server, chromium_page() as page:
        page.goto(server.url)
        _upload(page, FIXTURES / "yamaga-kumamoto-2022.txt")
        page.get_by_text("条 5・別表の行 10・役割の欄 20").wait_for()
        assert page.get_by_text("当事者: 甲（熊本市）、乙（山鹿市）").is_visible()
        citation = "別表第3 (2) 結びつきやネットワークの強化に係る取組「図書館の相互利用」乙（山鹿市）の役割"
        reply = _answer(page, "山鹿市は図書館の相互利用で何をするか", citation, 2)
        assert "甲の住民による乙の図書館の利用を可能とする。" in reply.replace("\n", "")
        assert "甲＝熊本市　乙＝山鹿市" in reply

        _upload(page, pdf)
        page.get_by_text("条 6・別表の行 20・役割の欄 40").wait_for()
        page.screenshot(path=str(ARTIFACTS / "upload-summary.png"), full_page=True)
        cell = SEED.annex.sections[2].subsections[0].rows[4].role("乙").text
        reply = _answer(page, "岩見沢市の災害対策での役割は", "(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割", 4)
        page.screenshot(path=str(ARTIFACTS / "upload-answer.png"), full_page=True)
        assert cell in reply.replace("\n", "") and "printed.pdf" in reply  # the cell, from the PDF
        assert str(tmp_path) not in page.content()  # the page names the file, never where it was


def test_a_file_that_is_no_agreement_gets_a_japanese_message(chromium, tmp_path):
    binary = tmp_path / "renamed.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with streamlit_server() as server, chromium_page() as page:
        page.goto(server.url)
        dropzone = page.locator("[data-testid='stFileUploaderDropzone']")
        dropzone.wait_for()
        # Streamlit's English (「Upload」「10MB per file • TXT, …」) is hidden, said in Japanese instead
        assert "Upload" not in dropzone.inner_text() and "per file" not in dropzone.inner_text()
        said = dropzone.evaluate(
            "zone => [zone.querySelector('button'), zone.querySelector(\"[data-testid='stFileUploaderDropzoneInstructions']\")]"
            ".map(element => getComputedStyle(element, '::after').content)"
        )
        assert said == ['"ファイルを選ぶ"', '"10 MB まで・テキスト、HTML、PDF、Word（.docx）"']
        _upload(page, binary)
        error = page.locator("[data-testid='stSidebar'] [data-testid='stAlert']", has_text="読み込めませんでした")
        error.wait_for()
        assert "renamed.txt の 1 行目: テキストではありません" in error.inner_text()
        ask_in_chat(page, "岩見沢市の災害対策での役割は")  # the page goes on answering from what it had
        page.locator("[data-testid='stChatMessage']").nth(1).get_by_text("乙（岩見沢市）の役割").first.wait_for()
