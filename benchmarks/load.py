"""Load check against the running app on localhost only, bounded in count and time.

    make load            (or: .venv/bin/python benchmarks/load.py --sessions 20 --questions 5)

Starts `streamlit run app.py` on 127.0.0.1 and a free port, opens N browser sessions in
Debian's chromium, and has every session ask Q questions of the question set one after another,
all sessions at once. Prints sessions held to the end, answers per second, latency per answer
(median, p95), and whether every answer was the one the library gives alone. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kyoyaku_search.answering.answer import ask  # noqa: E402
from kyoyaku_search.search.loading import load_corpus  # noqa: E402
from kyoyaku_search.views.evaluate import load_cases  # noqa: E402
from tests.browser import ask_in_sessions, streamlit_server  # noqa: E402

QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "questions.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before the run is abandoned")
    args = parser.parse_args()
    corpus = load_corpus()
    pool = [case.question for case in load_cases(QUESTIONS)[1] if not case.history]
    plan = [[pool[(s * args.questions + q) % len(pool)] for q in range(args.questions)] for s in range(args.sessions)]
    with streamlit_server() as server:
        started = time.perf_counter()
        replies = asyncio.run(asyncio.wait_for(ask_in_sessions(server.url, plan), args.timeout))
        wall = time.perf_counter() - started
    answers = [reply for session in replies for reply in session]
    right = sum(
        _same(expected, reply.text)
        for session, own in zip(replies, plan, strict=False)
        for expected, reply in zip(_conversation(corpus, own), session, strict=False)
    )
    latencies = sorted(reply.seconds for reply in answers)
    print(f"sessions held to the end: {sum(len(s) == args.questions for s in replies)}/{args.sessions}")
    print(f"answers: {len(answers)} in {wall:.1f} s (incl. page loads) = {len(answers) / wall:.2f} answers/s")
    print(
        f"latency per answer: median {statistics.median(latencies):.2f} s, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.2f} s"
    )
    print(f"same answer as one session alone: {right}/{len(answers)}")
    return 0 if right == len(answers) else 1


def _conversation(corpus, questions: list[str]) -> list[str]:  # noqa: ANN001
    """What one session alone shows for each turn: a session is a conversation, so each
    question is asked with the turns before it."""
    history: list = []
    shown = []
    for question in questions:
        answer = ask(corpus, question, history=history)
        history.append(answer)
        shown.append(answer.citation or answer.message)
    return shown


def _same(expected: str, shown: str) -> bool:
    return re.sub(r"\s", "", expected) in re.sub(r"\s", "", shown)


if __name__ == "__main__":
    sys.exit(main())
