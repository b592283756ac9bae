"""End to end in a real browser: `streamlit run app.py`, Debian's chromium through Playwright,
a question typed into the chat box, and the answer checked on the rendered page.

`make test` installs chromium (apt-get, as root) and playwright (the test extras). The test
skips, saying why, only where chromium cannot be installed. The screenshot is kept in
test-artifacts/.
"""

from __future__ import annotations

from tests.browser import ARTIFACTS, ask_in_chat, chromium_page, streamlit_server, wait_idle

QUESTION = "岩見沢市の災害対策での役割は"
ROLE_CELL = (
    "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲（札幌市）と協力して取り組む。"
)
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


def test_typed_question_shows_the_role_cell_and_its_citation(chromium):
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as server, chromium_page() as page:
        page.goto(server.url)
        ask_in_chat(page, QUESTION)
        copy_block = page.locator("[data-testid='stCode']", has_text=CITATION).first
        copy_block.wait_for(state="visible")
        wait_idle(page, 2)
        page.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)
        assert copy_block.inner_text().strip() == f"「{ROLE_CELL}」\n出典: {CITATION}"
        reply = page.locator("[data-testid='stChatMessage']").nth(1).inner_text()
        assert ROLE_CELL in reply.replace("\n", "")  # the quote (highlights split it into spans)
        assert f"出典　{CITATION}" in reply
        assert page.locator("[data-testid='stChatMessage']").first.inner_text().strip().endswith(QUESTION)


HOSTILE = (
    "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
    "**太字** [リンク](javascript:alert(1)) ![画像](http://127.0.0.1:9/x.png) 小樽市の観光"
)


def test_hostile_input_is_shown_as_typed_and_never_runs(chromium):
    """What a user types reaches the page as text: no element, no script, no link is made of it."""
    dialogs: list[str] = []
    with streamlit_server() as server, chromium_page() as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server.url)
        ask_in_chat(page, HOSTILE)
        reply = page.locator("[data-testid='stChatMessage']").nth(1)
        reply.locator("[data-testid='stAlert']").wait_for()
        wait_idle(page, 2)
        page.screenshot(path=str(ARTIFACTS / "hostile-input.png"), full_page=True)
        question = page.locator("[data-testid='stChatMessage']").first
        assert question.inner_text().strip().endswith(HOSTILE)  # shown literally, marks and all
        assert page.title() == "連携協約検索" and not dialogs
        assert page.locator("img[src='x'], img[src*='127.0.0.1:9'], a[href^='javascript']").count() == 0
        assert question.locator("script, img, a, strong").count() == 0
        assert "小樽市はこの協約の当事者ではありません" in reply.inner_text()
