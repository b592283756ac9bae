"""連携協約検索 — the web page. A thin view: every answer comes from `kyoyaku_search.ask`."""

from __future__ import annotations

import streamlit as st

from kyoyaku_search import KyoyakuError, QuestionError, ask, load_corpus

st.set_page_config(page_title="連携協約検索", page_icon="📜")


@st.cache_resource(show_spinner="協約を読み込んでいます…")
def corpus():  # noqa: ANN201 - Streamlit caches the one shared index here
    return load_corpus()


st.title("連携協約検索")
st.caption("連携協約の条文と別表から、質問に当たる箇所をそのまま引用し、出典を示します。")

try:
    loaded = corpus()
except KyoyakuError as error:
    st.error(f"協約を読み込めませんでした: {error}")
    st.stop()

question = st.text_input("質問", key="question", placeholder="例: 岩見沢市の災害対策での役割は")
if question:
    try:
        answer = ask(loaded, question)
    except QuestionError as error:
        st.warning(str(error))
        st.stop()
    st.subheader("回答")
    # st.text shows user-derived text literally: never rendered as Markdown or HTML.
    st.text(answer.answer)
    for hit in answer.hits:
        with st.expander(hit.citation):
            st.text(hit.display_text)
