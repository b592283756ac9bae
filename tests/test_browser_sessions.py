"""Twenty browser sessions against one `streamlit run`, asking at once: no error, and each gets
what one session alone gets (the quote and citation the library gives for its question)."""

from __future__ import annotations

import asyncio
import re

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.search.loading import load_corpus
from kyoyaku_search.views.evaluate import load_cases
from tests.browser import ARTIFACTS, ask_in_sessions, streamlit_server
from tests.conftest import QUESTIONS

SESSIONS = 20


def _expected(corpus, question: str) -> str:  # noqa: ANN001
    answer = ask(corpus, question)
    return answer.citation or answer.message


def test_twenty_sessions_at_once(chromium):
    ARTIFACTS.mkdir(exist_ok=True)
    corpus = load_corpus()
    _, cases = load_cases(QUESTIONS)
    questions = [case.question for case in cases if not case.history][::7][:SESSIONS]
    with streamlit_server() as server:
        replies = asyncio.run(ask_in_sessions(server.url, [[q] for q in questions]))
        log = (ARTIFACTS / f"streamlit-{server.url.rsplit(':', 1)[1]}.log").read_text(encoding="utf-8")
    assert "Already borrowed" not in log and "Traceback" not in log, log[-2000:]
    for question, (reply,) in zip(questions, replies, strict=False):
        # the page shows the citation after 「出典」 or the plain message; compare without layout spaces
        assert re.sub(r"\s", "", _expected(corpus, question)) in re.sub(r"\s", "", reply.text), (
            question,
            reply.text[:300],
        )
