"""The agreement as a reader browses it in the page: the role table (役割一覧) and the full text
(協約全文), drawn with Streamlit from `documents`, `exports` and `pdf`; `app.py` calls them.

Agreement text reaches Markdown only through `escape_markdown`; the filter box's words are
read by `documents.understand_filter`, as the chat reads a question.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..search.corpus import Corpus
from .documents import RoleSection, filter_sections, full_text, party_rows, role_sections, understand_filter
from .exports import beside_unit, role_csv, role_table, role_xlsx
from .marks import escape_markdown, highlight_markdown
from .page import PRINT_BUTTON
from .pdf import find_font, role_table_pdf
from .web import dom_key, section_table

state = st.session_state


def pdf_button(label: str, make, file_name: str, key: str, disabled: bool = False) -> None:  # noqa: ANN001
    """A PDF download, made only when clicked (embedding the font takes a few seconds)."""
    if find_font() is None:
        st.caption(f"{label}: 日本語フォントがないため PDF は作れません（fonts-noto-cjk を入れてください）。")
        return
    st.download_button(
        label, make, file_name=file_name, mime="application/pdf", key=key, disabled=disabled,
        on_click="ignore", icon=":material/picture_as_pdf:",
    )  # fmt: skip


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


def roles_view(corpus: Corpus, agreement: str | None, party: str | None) -> None:
    agreement_id = choose_document(corpus, agreement)
    if (chosen := corpus.agreement(agreement_id)).annex is None:
        st.info(f"この{chosen.kind}には別表（取組と役割の表）がありません。")
        return
    if state.get("roles_party"):
        st.info(
            escape_markdown(f"{state.roles_party}の役割だけを表示しています（左の「当事者」の設定は変わりません）。")
        )
        st.button("すべての当事者を表示", key="roles-all", on_click=lambda: state.pop("roles_party", None))
    query = st.text_input(
        "取組・内容・役割で絞り込み（質問と同じように読みます: 防災 → 災害・消防）",
        key="role_filter",
        placeholder="例: 防災　医療　岩見沢市の観光",
    )
    found = understand_filter(corpus, agreement_id, query)
    if found.message:
        st.info(escape_markdown(found.message))
        return
    shown = found.party or state.get("roles_party") or party
    sections = filter_sections(party_rows(role_sections(corpus, agreement_id), shown), query, found.rows)
    count = sum(len(s.rows) for s in sections)
    if not count:
        st.info(escape_markdown(f"「{query}」に当たる取組はありません。"))
        return
    note = f"（{shown}の役割のみ）" if shown else ""
    st.caption(escape_markdown(f"{count}件の取組{note}。{citation_form(sections)}"))
    role_downloads(corpus, agreement_id, sections)
    words = tuple(query.split())
    with st.container(key="role-table"):
        headings, rows = [], []
        for section in sections:
            headings, cells = section_table(section, words=words, tokenizer=corpus.tokenizer, terms=found.terms)
            rows += [[escape_markdown(section.section), *row] for row in cells]
        st.table(pd.DataFrame(rows, columns=["区分", *headings]), hide_index=True)
    with st.container(key="role-cards"):
        for section in sections:
            _, cells = section_table(section, words=words, tokenizer=corpus.tokenizer, terms=found.terms)
            for row, marked in zip(section.rows, cells, strict=True):
                with st.container(border=True):
                    lines = [f"**{marked[0]}**　{escape_markdown(section.section)}"]
                    lines += [f"内容: {marked[1]}"] if row.content else []  # a table without 内容: the 取組 only
                    roles = zip(row.roles, marked[2:], strict=True)
                    lines += [f"**{escape_markdown(cell.heading)}**  \n{text}" for cell, text in roles]
                    st.markdown("\n\n".join(lines))
                    st.caption(escape_markdown(f"出典: {row.citation}"))


def role_downloads(corpus: Corpus, agreement_id: str, sections: tuple[RoleSection, ...]) -> None:
    table = role_table(corpus, agreement_id, sections)
    with st.container(key="noprint-role-downloads", horizontal=True):
        st.download_button("CSV", lambda: role_csv(table), file_name="yakuwari.csv", mime="text/csv",
                           key="roles_csv", on_click="ignore", icon=":material/download:")  # fmt: skip
        st.download_button("Excel", lambda: role_xlsx(table), file_name="yakuwari.xlsx", key="roles_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", icon=":material/download:")  # fmt: skip
        pdf_button("PDF", lambda: role_table_pdf(table), "yakuwari.pdf", "roles_pdf")
        st.html(PRINT_BUTTON)


def full_view(corpus: Corpus, agreement: str | None) -> None:
    document = full_text(corpus, choose_document(corpus, agreement))
    focus = state.get("focus")
    unit = corpus.unit(focus) if focus else None
    focus_row = unit.row_id if unit is not None else None
    st.header(escape_markdown(document.title))
    agreement = corpus.agreement(document.agreement_id)
    facts = [f"締結: {document.date_text}" if document.date_text else "", f"原文: {agreement.source or ''}"]
    st.caption(escape_markdown("　".join(f for f in facts if f)) + "  \n" + escape_markdown(agreement.party_key))
    for passage in document.passages:
        focused = passage.unit_id == focus
        with st.container(border=focused, key=f"passage-{dom_key(passage.unit_id)}"):
            badge = "　:orange-badge[回答から開いた箇所]" if focused else ""
            st.subheader(escape_markdown(passage.heading) + badge)
            text = passage.text
            st.markdown(highlight_markdown(text, [(0, len(text))]) if focused else escape_markdown(text))
            lines = [f"出典: {passage.citation}", *beside_unit(corpus, corpus.unit(passage.unit_id))]
            st.caption("  \n".join(escape_markdown(line) for line in lines))
    if document.annex_heading:
        st.subheader(escape_markdown(document.annex_heading))
        st.caption(escape_markdown(citation_form(document.sections)))
        for number, section in enumerate(document.sections):
            row_ids = {row.unit_id for row in section.rows}
            key = f"passage-{dom_key(focus)}" if focus_row in row_ids else f"section-{number}"
            with st.container(key=key, border=focus_row in row_ids):
                st.markdown(f"**{escape_markdown(section.section)}**")
                headings, rows = section_table(section, focus=focus)
                st.table(pd.DataFrame(rows, columns=headings), hide_index=True)
