"""The chat page, flow by flow, headless through Streamlit's AppTest (real index, real SudachiPy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.views.web import MARK_CLOSE, MARK_OPEN, escape_markdown, share_link
from tests.conftest import SEED_TEXT
from tests.variants import rename_parties

APP = str(Path(__file__).resolve().parents[1] / "app.py")
DISASTER = "岩見沢市の災害対策での役割は"
DISASTER_CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"
DISASTER_ROLE = "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲と協力して取り組む。"
TITLE = "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約"
KEY = "甲＝札幌市　乙＝岩見沢市"


def new_app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def app() -> AppTest:
    return new_app()


def chat(at: AppTest, text: str) -> AppTest:
    at.chat_input(key="chat").set_value(text).run()
    assert not at.exception
    return at


def replies(at: AppTest) -> list:
    return [m for m in at.chat_message if m.name == "assistant"]


def copied(block) -> list[str]:  # noqa: ANN001 - an AppTest block
    """What each copy button of `block` puts on the clipboard (the HTML-escaped attribute, read back)."""
    import html
    import re

    bodies = [e.proto.body for e in block.get("html")]
    return [html.unescape(m) for body in bodies for m in re.findall(r'data-copy="([^"]*)"', body)]


def texts(block) -> str:  # noqa: ANN001 - an AppTest block
    return "\n".join(
        e.value for kind in ("markdown", "caption", "code", "info", "warning", "text") for e in getattr(block, kind)
    )


def test_first_visit_offers_example_questions(app):
    labels = [b.label for b in app.button if b.key and b.key.startswith("example-")]
    assert labels[0] == "岩見沢市の地域医療での役割は" and len(labels) == 5
    app.button(key="example-0").click().run()
    assert "別表（第3条関係）(3)ア 生活機能の強化「地域医療」乙（岩見沢市）の役割" in texts(replies(app)[0])


def test_ask_shows_the_cell_the_parties_and_the_citation(app, corpus):
    chat(app, DISASTER)
    user, reply = app.chat_message[0], app.chat_message[1]
    assert user.name == "user" and user.text[0].value == DISASTER
    shown = texts(reply)
    assert f"**出典**　{escape_markdown(DISASTER_CITATION)}" in shown
    assert reply.markdown[0].value.startswith(f"「{MARK_OPEN}災害")  # the matched word is highlighted
    assert escape_markdown(KEY) in shown  # who 甲/乙 are, beside the quote
    assert escape_markdown("原文: sapporo-iwamizawa-2019.txt 92行") in shown
    # One answer block: one copy action, quote and 出典 exactly, no second copy block.
    assert copied(reply)[0] == f"「{DISASTER_ROLE}」\n出典: {TITLE} {DISASTER_CITATION}\n{KEY}"
    assert not [c for c in reply.code if DISASTER_ROLE in c.value]
    # The cards: the row with both parties' roles once, then the other hits by party and place.
    assert reply.expander[0].label == "「災害対策」の内容と各当事者の役割"
    card = texts(reply.expander[0])
    assert "甲（札幌市）の役割" in card and "乙（岩見沢市）の役割" in card
    labels = [e.label for e in reply.expander[1:]]
    assert labels[0] == escape_markdown("乙（岩見沢市）の役割｜(3)ア 生活機能の強化「福祉」")
    hits = [h for h in ask(corpus, DISASTER).hits[1:] if h.unit.row_id != hits_row(corpus)]
    assert len(labels) == len(hits)


def hits_row(corpus) -> str:
    return ask(corpus, DISASTER).hits[0].unit.row_id


def test_conversation_is_kept_and_cleared(app):
    chat(app, DISASTER)
    chat(app, "費用の分担は")
    assert [m.name for m in app.chat_message] == ["user", "assistant"] * 2
    assert "第4条（費用分担）" in texts(app.chat_message[3])
    assert not app.button(key="clear").disabled
    app.button(key="clear").click().run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["assistant"]  # the welcome again
    assert app.button(key="example-0")


def test_clearing_resets_the_filters_too(app):
    app.radio(key="party").set_value("札幌市").run()
    chat(app, "災害対策での役割は")
    app.button(key="clear").click().run()
    assert app.radio(key="party").value == "両方"  # the next question is not quietly filtered
    assert app.segmented_control(key="view").value == "質問" and dict(app.query_params) == {}


@pytest.mark.parametrize(
    ("party", "citation_end"),
    [
        ("札幌市", "「災害対策」甲（札幌市）の役割"),
        ("岩見沢市", "「災害対策」乙（岩見沢市）の役割"),
    ],
)
def test_party_choice_narrows_role_answers(app, party, citation_end):
    assert app.radio(key="party").options == ["両方", "札幌市", "岩見沢市"]
    app.radio(key="party").set_value(party).run()
    chat(app, "災害対策での役割は")
    reply = replies(app)[0]
    assert copied(reply)[0].split("\n")[1].endswith(citation_end)
    assert app.chat_message[0].caption[0].value == escape_markdown(f"絞り込み: {party}")


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("小樽市の観光での役割は", "小樽市はこの協約の当事者ではありません。当事者は札幌市と岩見沢市です。"),
        ("除雪の予定は", "この協約には「除雪」「予定」についての定めは見つかりませんでした。"),
    ],
)
def test_a_plain_message_when_nothing_matches(app, question, message):
    chat(app, question)
    reply = replies(app)[0]
    assert reply.info[0].value.startswith(escape_markdown(message))
    assert not reply.expander and not copied(reply)  # no quote
    assert [c.value for c in reply.code] == [share_link(None, question)]  # only the link


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "質問が空です"),
        ("\u200b\t\n", "質問が空です"),  # only invisible characters
    ],
)
def test_empty_input_gets_a_message(app, text, message):
    chat(app, text)
    assert replies(app)[0].warning[0].value.startswith(message)


def test_the_chat_box_sends_a_long_paste(app):
    """No cap in the box: a capped box would not send a longer paste, and say nothing."""
    assert app.chat_input(key="chat").proto.max_chars == 0


def test_a_long_paste_is_taken_and_told_why_it_is_not_searched(app):
    pasted = "圏域の救急医療体制を確保するため、" * 70  # 1,190 characters, as a pasted passage
    chat(app, pasted)
    reply = replies(app)[0]
    assert reply.warning[0].value.startswith(f"質問が長すぎます（{len(pasted)}文字）。500文字以内で入力してください。")
    assert "探したい一文" in reply.caption[0].value
    asked = app.chat_message[0]
    assert asked.text[0].value == pasted[:120] + f"…（全{len(pasted)}文字）"  # its start, not a wall of text
    assert asked.code[0].value == pasted  # the whole of it, to copy and shorten
    assert "q" not in app.query_params  # no link that would only be refused again


@pytest.mark.parametrize(
    "question",
    [
        "<script>alert(1)</script>小樽市の観光",
        "**太字** [リンク](http://example.com) $x$ :red[赤] の災害対策",
    ],
)
def test_html_and_markdown_in_a_question_are_shown_literally(app, question):
    chat(app, question)
    assert app.chat_message[0].text[0].value == question  # st.text: never rendered
    for element in app.markdown:
        assert "<script>" not in element.value and "](http" not in element.value
        assert "**太字**" not in element.value


def test_question_in_the_url_is_asked_on_load():
    at = new_app({"q": DISASTER})
    assert at.chat_message[0].text[0].value == DISASTER
    assert DISASTER_CITATION in copied(replies(at)[0])[0]
    at.run()  # a rerun does not ask it again
    assert len(at.chat_message) == 2


def test_party_in_the_url_is_chosen_and_a_bad_one_gets_a_note():
    at = new_app({"q": "災害対策での役割は", "party": "札幌市"})
    assert at.radio(key="party").value == "札幌市"
    assert copied(replies(at)[0])[0].endswith("甲（札幌市）の役割\n" + KEY)
    assert not at.warning
    at = new_app({"q": "災害対策での役割は", "party": "小樽市"})
    assert at.radio(key="party").value == "両方"
    assert at.warning[0].value.startswith(escape_markdown("リンクの party=小樽市 はこの協約の当事者ではありません"))


def test_a_bad_agreement_in_the_url_gets_a_note():
    at = new_app({"q": DISASTER, "agreement": "no-such-agreement"})
    assert "no\\-such\\-agreement に当たる協約はありません" in at.warning[0].value
    assert DISASTER_CITATION in copied(replies(at)[0])[0]  # answered from every agreement


def test_the_address_follows_the_latest_question(app):
    chat(app, DISASTER)
    assert app.query_params["q"] == [DISASTER] or app.query_params["q"] == DISASTER
    app.radio(key="party").set_value("札幌市").run()
    chat(app, "費用の分担は")
    assert dict(app.query_params) in (
        {"q": "費用の分担は", "party": "札幌市"},
        {"q": ["費用の分担は"], "party": ["札幌市"]},
    )


def test_over_long_question_in_the_url_gets_a_message():
    at = new_app({"q": "い" * 501})
    assert replies(at)[0].warning[0].value.startswith("質問が長すぎます")


def test_each_answer_offers_its_link(app):
    chat(app, DISASTER)
    link = replies(app)[0].code[-1].value
    assert (
        link
        == "?q=%E5%B2%A9%E8%A6%8B%E6%B2%A2%E5%B8%82%E3%81%AE%E7%81%BD%E5%AE%B3%E5%AF%BE%E7%AD%96%E3%81%A7%E3%81%AE%E5%BD%B9%E5%89%B2%E3%81%AF"
    )


def test_role_table_shows_both_parties_per_initiative(app):
    app.segmented_control(key="view").set_value("役割一覧").run()
    assert not app.exception
    assert list(dict.fromkeys(app.table[0].value["区分"])) == [
        escape_markdown(s)
        for s in (
            "(1) 圏域全体の経済成長のけん引",
            "(2) 高次の都市機能の集積・強化",
            "(3)ア 生活機能の強化",
            "(3)イ 結びつきやネットワークの強化",
            "(3)ウ 圏域マネジメント能力の強化",
        )
    ]
    assert len(app.table) == 1  # one table with stable columns, the section a column of it
    table = app.table[0].value
    assert list(table.columns) == ["区分", "取組", "内容", "甲（札幌市）の役割", "乙（岩見沢市）の役割"]
    assert len(table) == 20
    row = table[table["取組"] == "災害対策"].iloc[0]
    assert row["乙（岩見沢市）の役割"] == DISASTER_ROLE  # the exact text: 甲, not 甲（札幌市）
    assert row["区分"] == escape_markdown("(3)ア 生活機能の強化")
    app.text_input(key="role_filter").input("防災").run()  # the chat's synonyms: 防災 → 災害・消防
    assert len(app.table) == 1 and list(app.table[0].value["取組"]) == [f"{MARK_OPEN}災害{MARK_CLOSE}対策"]
    app.radio(key="party").set_value("岩見沢市").run()
    assert list(app.table[0].value.columns) == ["区分", "取組", "内容", "乙（岩見沢市）の役割"]
    app.text_input(key="role_filter").input("除雪").run()
    assert "「除雪」に当たる取組はありません" in app.info[0].value


def test_the_role_table_can_be_downloaded(app):
    app.segmented_control(key="view").set_value("役割一覧").run()
    labels = [d.proto.label for d in app.get("download_button")]
    assert labels[:3] == ["CSV", "Excel", "PDF"]


def test_an_answer_card_opens_the_role_table_and_the_full_text(app):
    chat(app, DISASTER)
    app.button(key="roles-0-q0").click().run()
    assert app.segmented_control(key="view").value == "役割一覧"
    assert app.text_input(key="role_filter").value == "災害対策"
    assert len(app.table) == 1 and len(app.table[0].value) == 1
    app.segmented_control(key="view").set_value("質問").run()
    assert len(app.chat_message) == 2  # the conversation is still there
    app.button(key="full-0-q0").click().run()
    assert app.segmented_control(key="view").value == "協約全文"
    scroll = [e.proto.body for e in app.get("html") if "scrollIntoView" in e.proto.body]
    assert len(scroll) == 1 and ".st-key-passage-sapporo-iwamizawa-2019-row-3a-5" in scroll[0]  # jumps there
    focused = app.table[2].value
    assert focused[focused["取組"].str.contains("災害対策")].iloc[0]["乙（岩見沢市）の役割"].startswith(MARK_OPEN)


def test_full_text_has_articles_supplementary_and_annex_with_citations(app):
    app.segmented_control(key="view").set_value("協約全文").run()
    assert not app.exception
    headings = [s.value for s in app.subheader]
    assert headings[:3] == ["前文", "第1条（目的）", "第2条（基本方針）"]
    assert "附則" in headings and "別表（第3条関係）" in headings
    captions = [c.value for c in app.caption]
    assert any(c.startswith(escape_markdown("出典: 第4条（費用分担）")) for c in captions)
    assert len(app.table) == 5
    assert list(app.table[0].value.columns) == ["取組", "内容", "甲（札幌市）の役割", "乙（岩見沢市）の役割"]
    supplementary = next(c for c in captions if c.startswith(escape_markdown("出典: 附則")))
    assert escape_markdown("日付: 平成31年（2019年）4月1日") in supplementary  # 和暦 with 西暦, beside it
    # The full text quotes the annex exactly: 「甲と協力して」, not 「甲（札幌市）と協力して」.
    assert app.table[2].value.iloc[4]["乙（岩見沢市）の役割"].endswith("について、甲と協力して取り組む。")


def test_download_is_offered_once_there_is_a_conversation(app):
    buttons = {d.proto.label: d for d in app.get("download_button")}
    assert buttons["会話を Markdown で保存"].proto.disabled and buttons["会話を PDF で保存"].proto.disabled
    chat(app, DISASTER)
    buttons = {d.proto.label: d for d in app.get("download_button")}
    assert not buttons["会話を Markdown で保存"].proto.disabled and not buttons["会話を PDF で保存"].proto.disabled


@pytest.fixture
def two_agreements(tmp_path, monkeypatch, seed_text):
    """A data folder with the seed and a variant of it between two other cities (test only)."""
    (tmp_path / SEED_TEXT.name).write_text(seed_text, encoding="utf-8")
    variant = rename_parties(seed_text, "石狩市", "北斗市")
    (tmp_path / "ishikari-hokuto-2020.txt").write_text(variant, encoding="utf-8")
    monkeypatch.setenv("KYOYAKU_SEARCH_DATA", str(tmp_path))
    return new_app()


def test_several_agreements_a_choice_and_citations_that_name_them(two_agreements):
    at = two_agreements
    agreement = at.selectbox(key="agreement")
    assert agreement.options == [
        "すべての協約",
        "石狩市及び北斗市における連携中枢都市圏形成に係る連携協約",
        "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約",
    ]
    assert at.radio(key="party").options == ["すべて", "石狩市", "北斗市", "札幌市", "岩見沢市"]
    chat(at, "北斗市の災害対策での役割は")
    assert copied(replies(at)[0])[0].endswith(
        "出典: 石狩市及び北斗市における連携中枢都市圏形成に係る連携協約 別表（第3条関係）"
        "(3)ア 生活機能の強化「災害対策」乙（北斗市）の役割\n甲＝石狩市　乙＝北斗市"
    )
    agreement.set_value("sapporo-iwamizawa-2019").run()
    assert at.radio(key="party").options == ["両方", "札幌市", "岩見沢市"]
    chat(at, "災害対策の内容")
    for hit_card in replies(at)[1].expander[1:]:
        assert "札幌市及び岩見沢市における" in hit_card.label
    at.segmented_control(key="view").set_value("役割一覧").run()
    assert list(at.table[0].value.columns)[3:] == ["甲（札幌市）の役割", "乙（岩見沢市）の役割"]


def test_a_party_without_a_topic_lists_its_roles_and_opens_them_all(app):
    chat(app, "札幌市の役割は")
    reply = replies(app)[0]
    assert reply.markdown[0].value.startswith("札幌市（甲）の役割は別表に20項目あります。")
    assert [e.label for e in reply.expander][0] == escape_markdown(
        "甲（札幌市）の役割｜(1) 圏域全体の経済成長のけん引「経済戦略の推進」"
    )
    assert "該当する箇所（別表の順）" in [c.value for c in reply.caption]
    app.button(key="party-roles-0").click().run()
    assert app.segmented_control(key="view").value == "役割一覧"
    assert app.radio(key="party").value == "両方"  # the button filters that view, not the sidebar
    assert len(app.table) == 1 and len(app.table[0].value) == 20
    assert list(app.table[0].value.columns) == ["区分", "取組", "内容", "甲（札幌市）の役割"]
    app.button(key="roles-all").click().run()
    assert list(app.table[0].value.columns)[3:] == ["甲（札幌市）の役割", "乙（岩見沢市）の役割"]


def test_the_agreement_in_the_url_is_chosen(two_agreements, monkeypatch):
    at = new_app({"agreement": "ishikari-hokuto-2020", "q": "災害対策での役割は", "party": "石狩市"})
    assert at.selectbox(key="agreement").value == "ishikari-hokuto-2020"
    assert at.radio(key="party").value == "石狩市"
    assert copied(replies(at)[0])[0].endswith(
        "連携協約 別表（第3条関係）(3)ア 生活機能の強化「災害対策」甲（石狩市）の役割\n甲＝石狩市　乙＝北斗市"
    )
    assert "agreement=ishikari-hokuto-2020" in replies(at)[0].code[-1].value  # its link keeps the choice


def test_a_follow_up_inherits_and_says_so(app):
    chat(app, DISASTER)
    chat(app, "では札幌市は？")
    reply = replies(app)[1]
    shown = texts(reply)
    assert "前の質問の「災害対策」を引き継いで、札幌市の役割を示します。" in [c.value for c in reply.caption]
    assert (
        f"**出典**　{escape_markdown('別表（第3条関係）(3)ア 生活機能の強化「災害対策」甲（札幌市）の役割')}" in shown
    )


def test_a_role_question_without_a_party_shows_both_cells(app):
    chat(app, "災害対策での役割は")
    reply = replies(app)[0]
    shown = texts(reply)
    assert "**札幌市（甲）の役割**" in shown and "**岩見沢市（乙）の役割**" in shown
    assert [c.splitlines()[1] for c in copied(reply)[:2]] == [
        f"出典: {TITLE} 別表（第3条関係）(3)ア 生活機能の強化「災害対策」甲（札幌市）の役割",
        f"出典: {TITLE} 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割",
    ]
    # one card for the row both quotes stand in, not one per party
    assert [e.label for e in reply.expander].count("「災害対策」の内容と各当事者の役割") == 1


def test_what_both_do_together_is_listed(app):
    chat(app, "札幌市と岩見沢市が協力して取り組むことは")
    shown = texts(replies(app)[0])
    assert "別表に12項目あります" in shown and "・災害対策（出典" in shown


def test_nothing_found_shows_the_near_places_only_as_related(app):
    chat(app, "観光バスの運賃は")
    reply = replies(app)[0]
    assert reply.info[0].value.startswith(
        escape_markdown("この協約には「バス」「運賃」についての定めは見つかりませんでした")
    )
    assert "関連（言葉が近い箇所で、質問への答えではありません）" in [c.value for c in reply.caption]
    assert len(reply.expander) == 3  # offered to open, never quoted as the answer
    assert not [m for m in reply.markdown if m.value.startswith("「")]


def test_a_section_named_lists_its_rows_as_the_answer(app):
    chat(app, "別表(3)アの取組は")
    reply = replies(app)[0]
    assert reply.markdown[0].value.startswith(escape_markdown("別表（第3条関係）(3)アの取組は5項目あります。"))
    assert "該当する箇所（別表の順）" in [c.value for c in reply.caption]


def test_the_uploader_speaks_japanese(app):
    """Streamlit draws the dropzone's button and limits in English with no option to change them;
    the page hides them and says them in Japanese (the browser test checks what is shown)."""
    from kyoyaku_search.views.upload import CHOOSE_FILE, LIMITS

    (uploader,) = app.sidebar.get("file_uploader")
    assert uploader.proto.label == "テキスト・HTML・PDF・Word" and "MB まで" in uploader.proto.help
    styles = [html.proto.body for html in app.get("html") if "stFileUploaderDropzone" in html.proto.body]
    assert styles and f'content: "{CHOOSE_FILE}"' in styles[0] and f'content: "{LIMITS}"' in styles[0]
    assert CHOOSE_FILE == "ファイルを選ぶ" and LIMITS == "10 MB まで・テキスト、HTML、PDF、Word（.docx）"


@pytest.fixture
def no_content_column(tmp_path, monkeypatch):
    """A data folder holding one real layout whose tables have no 内容 column (取組 / 甲の役割 / 乙の役割)."""
    from .test_layouts import FIXTURES

    name = "yamaga-kumamoto-2022.txt"
    (tmp_path / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("KYOYAKU_SEARCH_DATA", str(tmp_path))
    return new_app()


def test_a_table_without_a_content_column_shows_no_content_in_the_answer(no_content_column):
    at = chat(no_content_column, "山鹿市は図書館の相互利用で何をするか")
    reply = replies(at)[0]
    assert reply.expander[0].label == "「図書館の相互利用」の各当事者の役割"
    card = texts(reply.expander[0])
    assert "**取組**　図書館の相互利用" in card
    assert "**内容**" not in card  # the 取組 is never shown again as its 内容
    assert "甲（熊本市）の役割" in card and "乙（山鹿市）の役割" in card
    rows = [e.label for e in reply.expander[1:] if "当事者共通" in e.label]
    assert all(label.startswith("取組（当事者共通）") for label in rows)


def test_what_a_quote_stands_for_is_said_above_it(tmp_path, monkeypatch):
    """A quoted answer with a message of its own — the term's start given where no article says
    when the agreement takes effect — shows that message, not only the quote."""
    fixture = Path(__file__).parent / "fixtures" / "agreements" / "kariya-xx-town-2021.txt"
    (tmp_path / fixture.name).write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("KYOYAKU_SEARCH_DATA", str(tmp_path))
    at = chat(new_app(), "この協定はいつから効力を生ずるか")
    shown = " ".join(m.value for m in replies(at)[0].markdown)
    assert "効力の発生を定めた条文はありません。期間の始まりを定めた条文を示します。" in shown
    assert "この協定の期間は、令和3年4月1日から" in shown
