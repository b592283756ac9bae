"""連携協約検索 — the chat page. A thin view: answers come from `kyoyaku_search.ask`; what is
shown is prepared by `kyoyaku_search.views` (web, documents, exports, pdf, page).

Text typed by a user is shown with st.text or escaped before any Markdown. The only HTML is
the page's own stylesheet and script (`views.page`, no user text) and copy buttons whose
agreement text is HTML-escaped into an attribute.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kyoyaku_search import (
    Answer,
    Corpus,
    Hit,
    KyoyakuError,
    Quote,
    Status,
    default_data_dir,
    load_corpus,
)
from kyoyaku_search.views.browse import full_view, pdf_button, roles_view
from kyoyaku_search.views.exports import (
    beside_quote,
    conversation_markdown,
    copy_text,
    hits_heading,
)
from kyoyaku_search.views.page import PRINT_BUTTON, copy_button, scroll_script
from kyoyaku_search.views.page import SCRIPT as PAGE_SCRIPT
from kyoyaku_search.views.page import STYLE as PAGE_STYLE
from kyoyaku_search.views.pdf import conversation_pdf
from kyoyaku_search.views.upload import upload_sidebar
from kyoyaku_search.views.web import (
    ALL_AGREEMENTS,
    TOO_LONG_HINT,
    Turn,
    answer_turn,
    dom_key,
    escape_markdown,
    example_questions,
    has_content,
    highlighted,
    hit_label,
    offered_whole,
    party_choices,
    question_preview,
    read_link,
    row_fields,
    row_units,
    share_link,
    too_long,
)

CHAT, ROLES, FULL = "質問", "役割一覧", "協約全文"
state = st.session_state


@st.cache_resource(show_spinner="協約を読み込んでいます…")
def load(data_dir: str) -> Corpus:
    """One index per process and data folder, shared by every session (tokenizers are per thread)."""
    return load_corpus([data_dir])


# --- callbacks: they only set state, the next run shows it ----------------------------------


def ask_later(question: str) -> None:
    state.pending = question
    state.view = CHAT


def scroll_to(key: str) -> None:
    """Once drawn, the page scrolls to the container of widget key `key`."""
    state.scroll = (key, state.get("scroll_count", 0) + 1)
    state.scroll_count = state.scroll[1]


def open_full(unit_id: str, agreement_id: str) -> None:
    state.focus, state.document, state.view = unit_id, agreement_id, FULL
    scroll_to(f"passage-{dom_key(unit_id)}")


def open_roles(initiative: str, agreement_id: str) -> None:
    state.role_filter, state.document, state.view = initiative, agreement_id, ROLES


def open_party_roles(party: str | None, agreement_id: str) -> None:
    """「札幌市の役割は」 lists a few cells; this opens all of them in the role table. The party
    filters that view only: the sidebar's 当事者 stays as the user set it."""
    state.roles_party = party
    state.role_filter, state.document, state.view = "", agreement_id, ROLES


def clear() -> None:
    """A new conversation: no turns, no filters left over from the old one, a clean address."""
    state.turns = []
    for key in ("focus", "roles_party", "link_notes", "party", "scroll"):
        state.pop(key, None)
    state.role_filter, state.view = "", CHAT
    st.query_params.clear()


# --- page parts ------------------------------------------------------------------------------


def read_query(corpus: Corpus) -> None:
    """`?q=…&party=…&agreement=…` asks once, on the session's first run; a party or agreement
    the data does not have gets a note on the page instead of being dropped silently."""
    if state.get("query_read"):
        return
    state.query_read = True
    link = read_link(corpus, st.query_params.to_dict())
    if corpus.multi and link.agreement:
        state.agreement = link.agreement
    if link.party:
        state.party = link.party
    state.link_notes = list(link.notes)
    if link.question:
        state.pending = link.question


def sidebar(corpus: Corpus) -> tuple[str | None, str | None]:
    """The agreement and party filters; returns (agreement id, party name)."""
    with st.sidebar:
        st.header("連携協約検索")
        for loaded in corpus.agreements:
            st.caption(escape_markdown(f"{loaded.title}（{loaded.source or loaded.id}）"))
        agreement = None
        if corpus.multi:
            titles = {a.id: a.title for a in corpus.agreements}
            chosen = st.selectbox(
                "協約", [ALL_AGREEMENTS, *titles], key="agreement", format_func=lambda o: titles.get(o, o)
            )
            agreement = None if chosen == ALL_AGREEMENTS else chosen
        choices = party_choices(corpus, agreement)
        if state.get("party") not in choices:
            state.party = choices[0]
        chosen_party = st.radio(
            "当事者", choices, key="party", help="役割を尋ねる質問と役割一覧を、この市町村に絞ります。"
        )
    return agreement, None if chosen_party == choices[0] else chosen_party


def conversation_actions(corpus: Corpus) -> None:
    """Downloads, print and clear, drawn after this run's question is answered so they include it."""
    turns, now = list(state.turns), datetime.now()
    with st.sidebar:
        st.divider()
        st.download_button(
            "会話を Markdown で保存",
            conversation_markdown(turns, corpus, now),
            file_name=f"kyoyaku-search-{now:%Y%m%d-%H%M}.md",
            mime="text/markdown",
            key="download",
            disabled=not turns,
            on_click="ignore",
            icon=":material/download:",
        )
        pdf_button(
            "会話を PDF で保存",
            lambda: conversation_pdf(turns, corpus, now),
            f"kyoyaku-search-{now:%Y%m%d-%H%M}.pdf",
            "download_pdf",
            disabled=not turns,
        )
        st.html(PRINT_BUTTON)
        st.button("会話を消去", key="clear", on_click=clear, disabled=not turns, icon=":material/delete:")
        st.caption("「」の中は協約の条文・別表をそのまま引用したものです。文章を作ることはありません。")


def chat_view(corpus: Corpus, agreement: str | None, party: str | None) -> None:
    # No cap in the box: a longer paste is taken and answered with a message saying why it is
    # not searched (a capped box would refuse to send it, silently). The library refuses more
    # than MAX_INPUT_CHARS before reading a character, so the box needs no cap of its own.
    prompt = st.chat_input("協約について質問してください", key="chat")
    question = prompt if prompt is not None else state.pop("pending", None)
    if question is not None:
        # The earlier turns go with the question, so 「では札幌市は？」 follows the one before.
        state.turns.append(answer_turn(corpus, question, party=party, agreement=agreement, history=state.turns))
        follow_in_address(state.turns[-1])
        scroll_to(f"answer-{len(state.turns) - 1}")
    if not state.turns:
        welcome(corpus, agreement)
    for number, turn in enumerate(state.turns):
        show_turn(corpus, turn, number)


def follow_in_address(turn: Turn) -> None:
    """The address bar asks the latest question again when reloaded or shared (not one too
    long to search: such a link would only be refused again)."""
    if too_long(turn.question):
        return
    params = {"q": turn.question, "party": turn.party, "agreement": turn.agreement}
    st.query_params.from_dict({key: value for key, value in params.items() if value})


def welcome(corpus: Corpus, agreement: str | None) -> None:
    with st.chat_message("assistant"):
        st.markdown(
            "協約の条文と別表から、質問に当たる箇所を**原文のまま**引用し、出典を示します。"
            "市町村名と取組を入れて尋ねてください。"
        )
        st.caption("たとえば")
        for number, example in enumerate(example_questions(corpus, agreement)):
            st.button(example, key=f"example-{number}", on_click=ask_later, args=(example,))


def show_turn(corpus: Corpus, turn: Turn, number: int) -> None:
    with st.chat_message("user"):
        st.text(question_preview(turn.question))
        if offered_whole(turn.question):
            with st.expander(f"入力した全文（{len(turn.question)}文字）", icon=":material/content_copy:"):
                st.code(turn.question, language=None, wrap_lines=True)
        filters = [f for f in (turn.party, turn.agreement and corpus.agreement(turn.agreement).title) if f]
        if filters:
            st.caption(escape_markdown("絞り込み: " + "・".join(filters)))
    with st.chat_message("assistant"), st.container(key=f"answer-{number}"):
        answer = turn.answer
        if answer is None:
            st.warning(escape_markdown(turn.error or ""))
            if too_long(turn.question):
                st.caption(TOO_LONG_HINT)
            return
        for note in answer.notes:
            st.caption(escape_markdown(note))
        if answer.status in (Status.NO_MATCH, Status.NOT_PARTY):
            st.info(escape_markdown(answer.message))
            st.caption("上の「役割一覧」「協約全文」から探すこともできます。")
        elif answer.quotes:
            if answer.message:  # what the quote stands for: 「効力の発生を定めた条文はありません。…」「締結の日は…」
                st.markdown(escape_markdown(answer.message))
            show_quotes(corpus, answer, number)
        else:
            lines = [answer.message, *(f"・{item.name}（出典: {item.citation}）" for item in answer.items)]
            st.markdown("  \n".join(escape_markdown(line) for line in lines))
        with st.container(key=f"noprint-hits-{number}"):
            show_other_hits(corpus, answer, number)
            with st.popover("この質問のリンク", icon=":material/link:"):
                link = share_link(st.context.url, turn.question, party=turn.party, agreement=turn.agreement)
                st.code(link, language=None, wrap_lines=True)


def show_quotes(corpus: Corpus, answer: Answer, number: int) -> None:
    """The answer block: each quote (side by side for both parties) with its citation and copy
    action, then one card with the whole row or article it stands in."""
    columns = st.columns(len(answer.quotes)) if len(answer.quotes) > 1 else [st.container()]
    for column, quote in zip(columns, answer.quotes, strict=True):
        with column:
            quote_block(corpus, answer, quote)
    with st.container(key=f"noprint-quoted-{number}"):
        for rank, hit in enumerate(dict.fromkeys(q.hit.unit.row_id or q.hit.unit.id for q in answer.quotes)):
            quoted = next(q.hit for q in answer.quotes if (q.hit.unit.row_id or q.hit.unit.id) == hit)
            family = row_units(corpus, quoted.unit)
            what = "の内容と各当事者の役割" if family and has_content(family[0]) else "の各当事者の役割"
            label = f"「{quoted.unit.initiative}」{what}" if family else "この箇所を協約全文で見る"
            show_card(corpus, answer, quoted, f"{number}-q{rank}", label, whole=True)


def quote_block(corpus: Corpus, answer: Answer, quote: Quote) -> None:
    hit = quote.hit
    with st.container(border=True):
        if quote.heading:
            role = "の役割" if hit.unit.kind == "role" else ""
            st.markdown(f"**{escape_markdown(quote.heading + role)}**")
        st.markdown(f"「{highlighted(corpus, quote.text, answer)}」")
        st.markdown(f"**出典**　{escape_markdown(quote.citation)}")
        beside = beside_quote(hit)
        if beside:
            st.caption("  \n".join(escape_markdown(line) for line in beside))
        st.html(copy_button(copy_text(hit, corpus)))


def show_other_hits(corpus: Corpus, answer: Answer, number: int) -> None:
    quoted = {quote.hit.unit.id for quote in answer.quotes}
    rows = {quote.hit.unit.row_id for quote in answer.quotes} - {None}
    # The quoted row's 内容 is in the card under the quote already.
    others = [h for h in answer.hits if h.unit.id not in quoted and (h.unit.kind != "row" or h.unit.row_id not in rows)]
    if not others:
        return
    st.caption(hits_heading(answer))
    if answer.status == Status.PARTY_ROLES:
        named = {p.name for p in answer.question.parties}
        st.button(
            "役割一覧ですべて見る",
            key=f"party-roles-{number}",
            icon=":material/table:",
            on_click=open_party_roles,
            args=(next(iter(named)) if len(named) == 1 else None, answer.hits[0].unit.agreement_id),
        )
    for rank, hit in enumerate(others):
        show_card(corpus, answer, hit, f"{number}-{rank}", hit_label(corpus, hit))


def show_card(corpus: Corpus, answer: Answer, hit: Hit, key: str, label: str, whole: bool = False) -> None:
    """An expandable card: the passage (or the row with every party's role) and where to open it."""
    unit = hit.unit
    with st.expander(escape_markdown(label)):
        family = row_units(corpus, unit)
        if family:
            st.markdown(
                f"**取組**　{escape_markdown(unit.initiative or '')}　（{escape_markdown(unit.section or '')}）"
            )
            for heading, member in row_fields(corpus, unit):
                mark = "　← 引用した箇所" if member.id == unit.id and not whole else ""
                st.markdown(f"**{escape_markdown(heading)}**{mark}  \n{highlighted(corpus, member.text, answer)}")
            st.caption(escape_markdown(corpus.agreement(unit.agreement_id).party_key))
        elif not whole:
            st.markdown(highlighted(corpus, unit.text, answer))
            st.caption("  \n".join(escape_markdown(line) for line in [f"出典: {hit.citation}", *beside_quote(hit)]))
        if not whole:
            st.html(copy_button(copy_text(hit, corpus)))
        left, right = st.columns(2)
        left.button("協約全文で開く", key=f"full-{key}", on_click=open_full, args=(unit.id, unit.agreement_id),
                    icon=":material/article:")  # fmt: skip
        if family:
            right.button("役割一覧で開く", key=f"roles-{key}", on_click=open_roles,
                         args=(unit.initiative, unit.agreement_id), icon=":material/table:")  # fmt: skip


def main() -> None:
    st.set_page_config(page_title="連携協約検索", page_icon="📜", layout="wide")
    st.html(PAGE_STYLE)
    st.html(PAGE_SCRIPT, unsafe_allow_javascript=True)
    try:
        corpus = load(str(default_data_dir()))
    except KyoyakuError as error:
        st.error(escape_markdown(f"協約を読み込めませんでした: {error}"))
        st.stop()
    state.setdefault("turns", [])
    state.setdefault("view", CHAT)
    corpus = upload_sidebar(corpus)  # this session's own uploads join its corpus (views/upload.py)
    read_query(corpus)
    agreement, party = sidebar(corpus)
    view = st.segmented_control("表示", (CHAT, ROLES, FULL), key="view", required=True, label_visibility="collapsed")
    for note in state.get("link_notes", []):
        st.warning(escape_markdown(note))
    if view == ROLES:
        roles_view(corpus, agreement, party)
    elif view == FULL:
        full_view(corpus, agreement)
    else:
        chat_view(corpus, agreement, party)
    conversation_actions(corpus)
    if "scroll" in state:
        key, nonce = state.pop("scroll")
        st.html(scroll_script(key, nonce), unsafe_allow_javascript=True)


main()
