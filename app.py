"""連携協約検索 — the chat page. A thin view: answers come from `kyoyaku_search.ask`; what is
shown is prepared by `kyoyaku_search.views.web` and `kyoyaku_search.views.documents`.

Text typed by a user is shown with st.text / st.code or escaped before any Markdown; nothing
here uses unsafe_allow_html.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from kyoyaku_search import MAX_QUESTION_CHARS, Answer, Corpus, Hit, KyoyakuError, Status, default_data_dir, load_corpus
from kyoyaku_search.views.documents import RoleSection, filter_sections, full_text, party_rows, role_sections
from kyoyaku_search.views.upload import upload_sidebar
from kyoyaku_search.views.web import (
    ALL_AGREEMENTS,
    Turn,
    answer_turn,
    conversation_markdown,
    copy_block,
    escape_markdown,
    example_questions,
    highlighted,
    party_choices,
    row_units,
    section_table,
    share_link,
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


def open_full(unit_id: str, agreement_id: str) -> None:
    state.focus, state.document, state.view = unit_id, agreement_id, FULL


def open_roles(initiative: str, agreement_id: str) -> None:
    state.role_filter, state.document, state.view = initiative, agreement_id, ROLES


def open_party_roles(party: str | None, agreement_id: str) -> None:
    """「札幌市の役割は」 shows a few cells; this opens all of them in the role table."""
    if party is not None:
        state.party = party
    state.role_filter, state.document, state.view = "", agreement_id, ROLES


def clear() -> None:
    state.turns = []
    state.pop("focus", None)
    st.query_params.clear()


# --- page parts ------------------------------------------------------------------------------


def read_query(corpus: Corpus) -> None:
    """`?q=…&party=…&agreement=…` asks once, on the session's first run."""
    if state.get("query_read"):
        return
    state.query_read = True
    params = st.query_params
    agreement = params.get("agreement")
    if corpus.multi and agreement in {a.id for a in corpus.agreements}:
        state.agreement = agreement
    if params.get("party") in party_choices(corpus, agreement)[1:]:
        state.party = params.get("party")
    if params.get("q"):
        state.pending = params.get("q")


def sidebar(corpus: Corpus) -> tuple[str | None, str | None]:
    """The agreement and party filters; returns (agreement id, party name)."""
    with st.sidebar:
        st.header("連携協約検索")
        for loaded in corpus.agreements:
            st.caption(escape_markdown(loaded.title))
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
    """Download and clear, drawn after this run's question is answered so they include it."""
    with st.sidebar:
        st.divider()
        st.download_button(
            "会話を Markdown で保存",
            conversation_markdown(state.turns, corpus, datetime.now()),
            file_name=f"kyoyaku-search-{datetime.now():%Y%m%d-%H%M}.md",
            mime="text/markdown",
            key="download",
            disabled=not state.turns,
            on_click="ignore",
            icon=":material/download:",
        )
        st.button("会話を消去", key="clear", on_click=clear, disabled=not state.turns, icon=":material/delete:")
        st.caption("回答は協約の条文・別表をそのまま引用したものです。文章を作ることはありません。")


def chat_view(corpus: Corpus, agreement: str | None, party: str | None) -> None:
    prompt = st.chat_input("協約について質問してください", key="chat", max_chars=MAX_QUESTION_CHARS)
    question = prompt if prompt is not None else state.pop("pending", None)
    if question is not None:
        # The earlier turns go with the question, so 「では札幌市は？」 follows the one before.
        state.turns.append(answer_turn(corpus, question, party=party, agreement=agreement, history=state.turns))
    if not state.turns:
        welcome(corpus, agreement)
    for number, turn in enumerate(state.turns):
        show_turn(corpus, turn, number)


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
        st.text(turn.question)
        filters = [f for f in (turn.party, turn.agreement and corpus.agreement(turn.agreement).title) if f]
        if filters:
            st.caption(escape_markdown("絞り込み: " + "・".join(filters)))
    with st.chat_message("assistant"):
        answer = turn.answer
        if answer is None:
            st.warning(escape_markdown(turn.error or ""))
            return
        for note in answer.notes:
            st.caption(escape_markdown(note))
        if answer.status in (Status.NO_MATCH, Status.NOT_PARTY):
            st.info(escape_markdown(answer.message))
            st.caption("左上の「役割一覧」「協約全文」から探すこともできます。")
        elif len(answer.quotes) == 1:
            show_quote(corpus, answer, answer.quotes[0].hit)
        elif answer.quotes:
            for column, quote in zip(st.columns(len(answer.quotes)), answer.quotes, strict=True):
                with column:
                    st.markdown(f"**{escape_markdown(quote.heading)}の役割**")
                    show_quote(corpus, answer, quote.hit)
        else:
            lines = [answer.message, *(f"・{item.name}（出典: {item.citation}）" for item in answer.items)]
            st.markdown("  \n".join(escape_markdown(line) for line in lines))
            if answer.status == Status.PARTY_ROLES:
                named = {p.name for p in answer.question.parties}
                st.button(
                    "役割一覧ですべて見る",
                    key=f"party-roles-{number}",
                    icon=":material/table:",
                    on_click=open_party_roles,
                    args=(next(iter(named)) if len(named) == 1 else None, answer.hits[0].unit.agreement_id),
                )
        quoted = len(answer.quotes)
        for rank, hit in enumerate(answer.hits):
            if rank == 0 and answer.status == Status.PARTY_ROLES:
                st.caption("該当する役割（別表の順）")
            elif rank == quoted and quoted:
                st.caption("ほかの該当箇所")
            label = "この箇所の全文" if rank < quoted else hit.citation
            show_card(corpus, answer, hit, f"{number}-{rank}", label)
        with st.popover("この質問のリンク", icon=":material/link:"):
            st.code(
                share_link(st.context.url, turn.question, party=turn.party, agreement=turn.agreement),
                language=None,
                wrap_lines=True,
            )


def show_quote(corpus: Corpus, answer: Answer, hit: Hit) -> None:
    """The answer: the quote (parties named), its citation, and a block to copy."""
    with st.container(border=True):
        st.markdown(f"「{highlighted(corpus, hit.display_text, answer)}」")
        st.markdown(f"**出典**　{escape_markdown(hit.citation)}")
    st.code(copy_block(hit), language=None, wrap_lines=True)


def show_card(corpus: Corpus, answer: Answer, hit: Hit, key: str, label: str) -> None:
    """An expandable card: the whole article, or the row with every party's role."""
    unit = hit.unit
    with st.expander(escape_markdown(label)):
        family = row_units(corpus, unit)
        if family:
            st.markdown(
                f"**取組**　{escape_markdown(unit.initiative or '')}　（{escape_markdown(unit.section or '')}）"
            )
            for member in family:
                text = corpus.display_texts[corpus.position(member.id)]
                heading = (
                    "内容"
                    if member.kind == "row"
                    else f"{corpus.agreement(member.agreement_id).party(member.party_label).display}の役割"
                )
                mark = "　← 引用した箇所" if member.id == unit.id else ""
                st.markdown(f"**{escape_markdown(heading)}**{mark}  \n{highlighted(corpus, text, answer)}")
        else:
            st.markdown(highlighted(corpus, hit.display_text, answer))
        st.code(copy_block(hit), language=None, wrap_lines=True)
        left, right = st.columns(2)
        left.button(
            "協約全文で開く",
            key=f"full-{key}",
            on_click=open_full,
            args=(unit.id, unit.agreement_id),
            icon=":material/article:",
        )
        if family:
            right.button(
                "役割一覧で開く",
                key=f"roles-{key}",
                on_click=open_roles,
                args=(unit.initiative, unit.agreement_id),
                icon=":material/table:",
            )


def choose_document(corpus: Corpus, agreement: str | None) -> str:
    if agreement is not None:
        return agreement
    titles = {a.id: a.title for a in corpus.agreements}
    if len(titles) == 1:
        return next(iter(titles))
    if state.get("document") not in titles:
        state.document = next(iter(titles))
    return st.selectbox("表示する協約", list(titles), key="document", format_func=titles.get)


def citation_form(sections: tuple[RoleSection, ...]) -> str:
    example = sections[0].rows[0].roles[-1].citation if sections and sections[0].rows[0].roles else ""
    return f"役割の欄の出典は、区分・取組・当事者で示します（例: {example}）。" if example else ""


def show_table(section: RoleSection, focus: str | None = None, words: tuple[str, ...] = ()) -> None:
    headings, rows = section_table(section, focus=focus, words=words)
    st.table(pd.DataFrame(rows, columns=headings), hide_index=True)


def roles_view(corpus: Corpus, agreement: str | None, party: str | None) -> None:
    agreement_id = choose_document(corpus, agreement)
    if corpus.agreement(agreement_id).annex is None:
        st.info("この協約には別表（取組と役割の表）がありません。")
        return
    query = st.text_input("取組・内容・役割で絞り込み", key="role_filter", placeholder="例: 災害　医療　生活機能")
    sections = filter_sections(party_rows(role_sections(corpus, agreement_id), party), query)
    count = sum(len(s.rows) for s in sections)
    if not count:
        st.info(escape_markdown(f"「{query}」を含む取組はありません。"))
        return
    note = f"（{party}の役割のみ）" if party else ""
    st.caption(escape_markdown(f"{count}件の取組{note}。{citation_form(sections)}"))
    for section in sections:
        st.subheader(escape_markdown(section.section))
        show_table(section, words=tuple(query.split()))


def full_view(corpus: Corpus, agreement: str | None) -> None:
    document = full_text(corpus, choose_document(corpus, agreement))
    focus = state.get("focus")
    st.header(escape_markdown(document.title))
    if document.date_text:
        st.caption(escape_markdown(document.date_text))
    unit = corpus.unit(focus) if focus else None
    if unit is not None and unit.agreement_id == document.agreement_id:
        with st.container(border=True):
            st.markdown(f"**回答から開いた箇所**　{escape_markdown(unit.citation.render(corpus.multi))}")
            st.markdown(escape_markdown(corpus.display_texts[corpus.position(unit.id)]))
            st.caption("下の全文では色を付けて示しています。")
    for passage in document.passages:
        with st.container(border=passage.unit_id == focus):
            st.subheader(
                escape_markdown(passage.heading) + ("　:orange-badge[回答の箇所]" if passage.unit_id == focus else "")
            )
            st.markdown(escape_markdown(passage.text))
            st.caption(f"出典: {escape_markdown(passage.citation)}")
    if document.annex_heading:
        st.subheader(escape_markdown(document.annex_heading))
        st.caption(escape_markdown(citation_form(document.sections)))
        for section in document.sections:
            st.markdown(f"**{escape_markdown(section.section)}**")
            show_table(section, focus=focus)


def main() -> None:
    st.set_page_config(page_title="連携協約検索", page_icon="📜", layout="wide")
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
    if view == ROLES:
        roles_view(corpus, agreement, party)
    elif view == FULL:
        full_view(corpus, agreement)
    else:
        chat_view(corpus, agreement, party)
    conversation_actions(corpus)


main()
