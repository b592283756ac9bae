"""End to end in a real browser: `streamlit run app.py`, Debian's chromium through Playwright,
a question typed into the chat box, and the answer checked on the rendered page.

`make test` installs chromium (apt-get, as root) and playwright (the test extras). The test
skips, saying why, only where chromium cannot be installed. The screenshot is kept in
test-artifacts/.
"""

from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, ask_in_chat, chromium_page, streamlit_server

QUESTION = "岩見沢市の災害対策での役割は"
ROLE_CELL = "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲（札幌市）と協力して取り組む。"
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


@pytest.fixture(scope="module")
def chromium() -> None:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} がありません（make test は root のとき apt-get で入れます） / chromium is not installed and could not be"
        print(reason)
        pytest.skip(reason)


def test_typed_question_shows_the_role_cell_and_its_citation(chromium):
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as server, chromium_page() as page:
        page.goto(server.url)
        ask_in_chat(page, QUESTION)
        copy_block = page.locator("[data-testid='stCode']", has_text=CITATION).first
        copy_block.wait_for(state="visible")
        page.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)
        assert copy_block.inner_text().strip() == f"「{ROLE_CELL}」\n出典: {CITATION}"
        reply = page.locator("[data-testid='stChatMessage']").nth(1).inner_text()
        assert ROLE_CELL in reply.replace("\n", "")  # the quote (highlights split it into spans)
        assert f"出典　{CITATION}" in reply
        assert page.locator("[data-testid='stChatMessage']").first.inner_text().strip().endswith(QUESTION)
