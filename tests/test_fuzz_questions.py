"""Whatever people type: hostile questions through the library and the command line.

No exception escapes, every result keeps the JSON contract (`contract.py`), every hit quotes a
unit verbatim, and an over-long question is refused — before any work is spent on it — with a
message that states the cap. Examples are drawn with the fixed `ci` profile (conftest.py), so a
failure reproduces; `HYPOTHESIS_PROFILE=explore` draws new ones. Each test runs its property
as an inner function so it can count the examples actually run.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoyaku_search.answering.answer import MAX_TOP_K, ask
from kyoyaku_search.answering.question import MAX_INPUT_CHARS, MAX_QUESTION_CHARS, clean_question
from kyoyaku_search.errors import QuestionError
from kyoyaku_search.views.cli import main

from .contract import check_answer, check_error, check_json_line
from .strategies import QUESTIONS

LIBRARY_EXAMPLES = 10_000
CLI_BATCHES, CLI_BATCH_SIZE = 40, 60
TOP_K = st.integers(1, MAX_TOP_K)
ONE_LINE = QUESTIONS.map(lambda q: q.replace("\n", " ").replace("\r", " "))


# --- what fuzzing found, kept as plain examples ----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("災" * (MAX_QUESTION_CHARS + 1), f"長すぎます（{MAX_QUESTION_CHARS + 1}文字）。{MAX_QUESTION_CHARS}文字以内"),
        ("a" * 100_000, f"長すぎます（100000文字）。{MAX_QUESTION_CHARS}文字以内"),
        # Only control characters: cleaned it would be empty, so being told it is too long shows
        # it was refused before a single character was cleaned.
        ("\x01" * (MAX_INPUT_CHARS + 1), f"長すぎます（{MAX_INPUT_CHARS + 1}文字）。{MAX_QUESTION_CHARS}文字以内"),
        ("\x01" * MAX_INPUT_CHARS, "質問が空です"),
        ("\u200b" * (MAX_INPUT_CHARS - 3) + "施行日", None),  # format characters do not count towards the cap
    ],
)
def test_length_cap_is_checked_before_the_question_is_cleaned(corpus, question, message):
    if message is None:
        assert ask(corpus, question).hits[0].citation == "附則"
        return
    with pytest.raises(QuestionError, match=re.escape(message)):
        ask(corpus, question)


def test_a_refused_line_with_a_lone_surrogate_is_echoed_as_writable_json():
    code, out, _ = _cli(["ask", "--jsonl"], "\ud800\n施行日\ud800\n")
    first, second = (check_json_line(line) for line in out.splitlines())
    assert code == 0
    assert first == {"query": "\ufffd", "error": first["error"]} and "質問が空です" in first["error"]
    assert second["query"] == "施行日" and second["hits"][0]["citation"] == "附則"


@pytest.mark.parametrize(
    ("console", "stdin"),
    [
        (
            {"PYTHONIOENCODING": "utf-8:strict"},
            b"\xff\xfe\n\xe6\x96\xbd\xe8\xa1\x8c\xe6\x97\xa5\xff\n",
        ),  # not UTF-8, strict decoding
        ({"PYTHONIOENCODING": "ascii"}, b"\x81\n\x83\x82\x83b\x83g\n"),  # a console that cannot show Japanese
        ({"PYTHONIOENCODING": "cp932"}, "😀\n施行日\n".encode()),  # UTF-8 sent to a CP932 console
    ],
)
def test_console_encodings_never_end_in_a_traceback(console, stdin):
    done, encoding = _run(["ask", "--jsonl", "--top-k", "1"], console, stdin)
    assert done.returncode == 0 and done.stderr == b""
    rows = [check_json_line(line) for line in done.stdout.decode(encoding).splitlines()]
    assert len(rows) == 2 and all("answer" in row or "error" in row for row in rows)
    done, encoding = _run(["ask", "施行日"], console)  # argv follows the locale, not PYTHONIOENCODING
    assert done.returncode == 0 and done.stderr == b""
    quote = "「この連携協約は、平成31年4月1日から施行する。」\n出典: 附則"
    assert done.stdout.decode(encoding).startswith(quote.encode(encoding, "backslashreplace").decode(encoding))


# --- fuzzing ------------------------------------------------------------------------------------


def _check_line(line: str, corpus, top_k: int) -> None:  # noqa: ANN001
    data = check_json_line(line)
    check_error(data) if "error" in data else check_answer(data, corpus, top_k)


def test_ten_thousand_questions_through_the_library(corpus):
    asked: list[str] = []

    @settings(max_examples=LIBRARY_EXAMPLES)
    @given(question=QUESTIONS, top_k=TOP_K)
    def check(question: str, top_k: int) -> None:
        asked.append(question)
        try:
            answer = ask(corpus, question, top_k=top_k)
        except QuestionError as error:
            check_error({"query": question, "error": str(error)})
            return
        check_answer(answer.to_json(), corpus, top_k)
        assert answer.query == clean_question(question)
        named = {(p.agreement_id, p.label) for p in answer.question.parties}
        if named:  # a question that names a party never gets another party's role cell
            assert all((h.unit.agreement_id, h.unit.party_label) in named for h in answer.hits if h.unit.kind == "role")

    check()
    assert len(asked) >= LIBRARY_EXAMPLES
    assert sum(len(q) > MAX_QUESTION_CHARS for q in asked) > 100  # the cap is really exercised


def _cli(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    original, sys.stderr = sys.stderr, err
    try:
        code = main(args, stdin=io.StringIO(stdin), stdout=out)
    finally:
        sys.stderr = original
    return code, out.getvalue(), err.getvalue()


def test_question_batches_through_the_cli_jsonl(corpus):
    asked: list[str] = []

    @settings(max_examples=CLI_BATCHES)
    @given(questions=st.lists(ONE_LINE, min_size=CLI_BATCH_SIZE // 2, max_size=CLI_BATCH_SIZE), top_k=TOP_K)
    def check(questions: list[str], top_k: int) -> None:
        asked.extend(questions)
        code, out, err = _cli(["ask", "--jsonl", "--top-k", str(top_k)], "".join(q + "\n" for q in questions))
        assert code == 0 and err == ""
        lines = out.split("\n")
        assert lines.pop() == "" and len(lines) == len(questions)  # one line per question, in order
        for line in lines:
            _check_line(line, corpus, top_k)

    check()
    assert len(asked) >= CLI_BATCHES * (CLI_BATCH_SIZE // 2)


def test_single_questions_through_the_cli(corpus):
    @settings(max_examples=20)
    @given(question=QUESTIONS, as_json=st.booleans())
    def check(question: str, as_json: bool) -> None:
        code, out, err = _cli(["ask", *(["--json"] if as_json else []), "--", question])
        assert "Traceback" not in err
        if code == 2:  # refused: a message on stderr, nothing on stdout
            assert out == "" and err.startswith("エラー / error: ")
            if len(question) > MAX_QUESTION_CHARS:
                assert f"{MAX_QUESTION_CHARS}文字以内" in err
            return
        assert code == 0 and err == ""
        out.encode("utf-8")
        if as_json:
            check_answer(check_json_line(out.rstrip("\n")), corpus, 5)

    check()


# --- the real console script: bytes in, bytes out, whatever the console's encoding --------------

SCRIPT = Path(sys.executable).with_name("kyoyaku-search")
CONSOLES = st.sampled_from([{}, {"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C"}, {"PYTHONIOENCODING": "cp932"}])


def _raw(question: str) -> bytes:
    """What a broken client may send: lone surrogates become bytes that are not UTF-8."""
    return question.encode("utf-8", "surrogatepass")


def _run(args: list, console: dict[str, str], stdin: bytes = b"") -> tuple[subprocess.CompletedProcess, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL")} | console
    done = subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, env=env, timeout=120)
    return done, console.get("PYTHONIOENCODING", "utf-8").split(":")[0]


def test_question_batches_through_the_console_script(corpus):
    @settings(max_examples=6)
    @given(questions=st.lists(ONE_LINE, min_size=50, max_size=200), console=CONSOLES)
    def check(questions: list[str], console: dict[str, str]) -> None:
        done, encoding = _run(["ask", "--jsonl"], console, b"".join(_raw(q) + b"\n" for q in questions))
        assert done.returncode == 0 and done.stderr == b""
        lines = done.stdout.decode(encoding).split("\n")  # strict: the output is clean
        assert lines.pop() == "" and len(lines) == len(questions)
        for line in lines:
            _check_line(line, corpus, 5)

    check()


def test_single_questions_through_the_console_script(corpus):
    @settings(max_examples=10)
    @given(
        question=QUESTIONS.map(lambda q: q.replace("\x00", "")).filter(lambda q: len(_raw(q)) < 100_000),
        console=CONSOLES,
    )
    def check(question: str, console: dict[str, str]) -> None:
        done, encoding = _run(["ask", "--json", "--", _raw(question)], console)
        assert done.returncode in (0, 2) and b"Traceback" not in done.stderr
        if done.returncode == 0:
            check_answer(check_json_line(done.stdout.decode(encoding)), corpus, 5)
        else:
            assert done.stdout == b"" and "エラー / error: " in done.stderr.decode(encoding, "replace")

    check()
