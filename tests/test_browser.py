"""End to end in a real browser: `streamlit run app.py`, Debian's chromium through Playwright,
at desktop (1280 px) and phone (390 px) widths. Screenshots are kept in test-artifacts/.

`make test` installs chromium (apt-get, as root) and playwright (the test extras). The test
skips, saying why, only where chromium cannot be installed.
"""

from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, activate, ask_in_chat, streamlit_server, wait_idle

QUESTION = "岩見沢市の災害対策での役割は"
ROLE_CELL = "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲と協力して取り組む。"
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"
TITLE = "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約"
KEY = "甲＝札幌市　乙＝岩見沢市"
IN_VIEW = "k => { const e = document.querySelector('.st-key-' + k); if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }"


@pytest.fixture(scope="module")
def server(chromium):
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as running:
        yield running


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_answer_copy_jump_roles_and_print(server, width, height):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, locale="ja-JP")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server.url)
        ask_in_chat(page, QUESTION)
        reply = page.locator("[data-testid='stChatMessage']").nth(1)
        reply.locator("button.kyoyaku-copy").first.wait_for()
        wait_idle(page, 2)
        # The start of the answer is in view, below the page header, on a phone too.
        page.wait_for_function(IN_VIEW, arg="answer-0")
        page.screenshot(path=str(ARTIFACTS / f"answer-{width}.png"))
        text = reply.inner_text()
        assert ROLE_CELL in text.replace("\n", "") and KEY in text and f"出典　{CITATION}" in text
        assert "甲（札幌市）と" not in text
        # Highlights keep the text's spacing: no padding on the marked run.
        assert (
            page.evaluate(
                "() => getComputedStyle(document.querySelector('span.stMarkdownColoredBackground')).paddingLeft"
            )
            == "0px"
        )
        # One labelled copy action; what it copies is the quote, the citation and who 甲/乙 are.
        button = reply.locator("button.kyoyaku-copy").first
        assert button.inner_text() == "引用と出典をコピー"
        activate(button)
        reply.locator(".kyoyaku-copied", has_text="コピーしました").first.wait_for()
        assert (
            page.evaluate("() => navigator.clipboard.readText()") == f"「{ROLE_CELL}」\n出典: {TITLE} {CITATION}\n{KEY}"
        )
        page.wait_for_function("() => location.search.includes('q=')")  # the address follows the question
        # Printed, the answer is the question, the quote and its citation: no cards, buttons, sidebar.
        page.emulate_media(media="print")
        assert reply.locator("[data-testid='stExpander']").first.is_hidden()
        assert button.is_hidden() and page.locator("[data-testid='stSidebar']").is_hidden()
        assert reply.get_by_text("出典").first.is_visible()
        page.screenshot(path=str(ARTIFACTS / f"print-answer-{width}.png"))
        page.emulate_media(media="screen")
        # 「協約全文で開く」 scrolls to the passage and marks it.
        activate(reply.locator("[data-testid='stExpander'] summary").first)
        activate(reply.get_by_role("button", name="協約全文で開く").first)
        try:
            page.locator(".st-key-passage-sapporo-iwamizawa-2019-row-3a-5--").wait_for(state="attached")
            page.wait_for_function(IN_VIEW, arg="passage-sapporo-iwamizawa-2019-row-3a-5--")
            page.locator(".st-key-passage-sapporo-iwamizawa-2019-row-3a-5-- table").wait_for()
            page.wait_for_function(IN_VIEW, arg="passage-sapporo-iwamizawa-2019-row-3a-5--")  # still, once drawn
        except Exception:
            page.screenshot(path=str(ARTIFACTS / f"failed-{width}.png"))
            print(
                page.evaluate(
                    "() => [document.querySelectorAll('[class*=st-key-passage]').length, document.querySelector('.st-key-view').innerText, location.href]"
                )
            )
            raise
        page.screenshot(path=str(ARTIFACTS / f"full-text-{width}.png"))
        # 役割一覧: one table on a desktop, one card per 取組 on a phone.
        activate(page.locator(".st-key-view button", has_text="役割一覧"))
        page.locator(".st-key-role-table").wait_for(state="attached")
        wait_idle(page)
        table, cards = page.locator(".st-key-role-table"), page.locator(".st-key-role-cards")
        assert (table.is_visible(), cards.is_visible()) == ((True, False) if width > 640 else (False, True))
        page.screenshot(path=str(ARTIFACTS / f"roles-{width}.png"), full_page=True)
        # Printing shows the table, not the sidebar, the switcher or the downloads.
        page.emulate_media(media="print")
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        assert not page.locator("[data-testid='stDownloadButton']").first.is_visible()
        assert table.is_visible()
        page.screenshot(path=str(ARTIFACTS / f"print-roles-{width}.png"), full_page=True)
        page.emulate_media(media="screen")
        if width < 640:  # the sidebar's controls are one tap away on a phone
            activate(page.locator("[data-testid='stExpandSidebarButton']"))
            page.get_by_role("radiogroup").first.wait_for(state="visible")
            page.wait_for_function(
                "() => document.querySelector(\"[data-testid='stSidebar']\").getBoundingClientRect().left >= 0"
            )
            page.screenshot(path=str(ARTIFACTS / f"sidebar-{width}.png"))
        browser.close()


def test_a_bad_party_in_the_link_gets_a_visible_note(server):
    from tests.browser import chromium_page

    with chromium_page() as page:
        page.goto(f"{server.url}/?q=%E8%B2%BB%E7%94%A8&party=%E5%B0%8F%E6%A8%BD%E5%B8%82")
        page.locator("[data-testid='stAlert']", has_text="party=小樽市").wait_for(state="visible")


HOSTILE = (
    "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
    "**太字** [リンク](javascript:alert(1)) ![画像](http://127.0.0.1:9/x.png) 小樽市の観光"
)


def test_hostile_input_is_shown_as_typed_and_never_runs(server):
    """What a user types reaches the page as text: no element, no script, no link is made of it."""
    from tests.browser import chromium_page

    dialogs: list[str] = []
    with chromium_page() as page:
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
