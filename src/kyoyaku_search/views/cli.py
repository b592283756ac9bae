"""`kyoyaku-search`: a thin command line over the library.

    kyoyaku-search [--source PATH]... ask "質問" [--json] [--top-k N]
    kyoyaku-search [--source PATH]... ask --jsonl            < questions.txt
    kyoyaku-search [--source PATH]... show ID
    kyoyaku-search parse PATH [--report]

Messages are bilingual (Japanese first); errors never show a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Sequence
from typing import TextIO

from .. import (
    DEFAULT_TOP_K,
    MAX_TOP_K,
    Answer,
    Corpus,
    KyoyakuError,
    QuestionError,
    ask,
    find_unit,
    load_corpus,
    parse_file,
    source_place,
    to_yaml,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    if stdin is None and stdout is None:
        _tolerate_console_encodings()
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    parser = _argument_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse already printed the usage message
        return int(exit_.code or 0)
    try:
        return args.run(args, stdin, stdout)
    except QuestionError as error:
        print(f"エラー / error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KyoyakuError as error:
        print(f"エラー / error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _tolerate_console_encodings() -> None:
    """Bytes that are not in the console's encoding never end the run with a traceback.

    Undecodable input bytes become lone surrogates (which `clean_question` drops); characters
    the console cannot show (an emoji on a CP932 or ASCII console) are written as \\uXXXX.
    """
    for stream, errors in (
        (sys.stdin, "surrogateescape"),
        (sys.stdout, "backslashreplace"),
        (sys.stderr, "backslashreplace"),
    ):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=errors)


def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kyoyaku-search",
        description=(
            "連携協約の条文・別表を検索し、引用と出典を返します"
            " / search 連携協約 and quote the clause with its citation"
        ),
    )
    parser.add_argument(
        "--source",
        action="append",
        metavar="PATH",
        help=(
            "協約の原文（テキスト・HTML・PDF・Word）・解析済み YAML・それらのフォルダ（複数可、既定は同梱の data/）"
            " / agreement as text, HTML, PDF or .docx, YAML, or a directory"
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True)

    ask_parser = commands.add_parser("ask", help="質問に答える / answer a question")
    ask_parser.add_argument("question", nargs="?", help="質問 / the question")
    ask_parser.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    ask_parser.add_argument(
        "--jsonl", action="store_true", help="標準入力の一行一質問に JSON 一行ずつ答える / one JSON line per stdin line"
    )
    ask_parser.add_argument(
        "--conversation",
        action="store_true",
        help=(
            "--jsonl の各行を一続きの会話として答える（空行で新しい会話、空行には出力なし）"
            " / with --jsonl: lines are one conversation, a blank line starts a new one"
        ),
    )
    ask_parser.add_argument(
        "--top-k", type=_top_k, default=DEFAULT_TOP_K, metavar="N", help=f"ヒット数（1〜{MAX_TOP_K}） / number of hits"
    )
    ask_parser.set_defaults(run=_run_ask)

    show_parser = commands.add_parser("show", help="単位を一つ全文表示 / print one unit in full")
    show_parser.add_argument("id", help="単位の ID（ask --json の hits[].id） / unit id")
    show_parser.set_defaults(run=_run_show)

    parse_parser = commands.add_parser("parse", help="原文を解析して YAML を出力 / parse an agreement to YAML")
    parse_parser.add_argument(
        "path", help="協約の原文（テキスト・HTML・PDF・Word） / the agreement as text, HTML, PDF or .docx"
    )
    parse_parser.add_argument(
        "--report", action="store_true", help="YAML の代わりに修復した箇所を一覧 / list the repairs instead"
    )
    parse_parser.set_defaults(run=_run_parse)
    return parser


def _top_k(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(
            f"1〜{MAX_TOP_K} の整数を指定してください / must be an integer from 1 to {MAX_TOP_K}"
        )
    return number


def _run_ask(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    if args.conversation and not args.jsonl:
        raise QuestionError("--conversation は --jsonl と一緒に指定してください / --conversation needs --jsonl")
    if args.jsonl:
        if args.question is not None:
            raise QuestionError(
                "--jsonl では質問を標準入力から読みます。引数の質問は指定しないでください"
                " / with --jsonl, questions come from stdin"
            )
        corpus = load_corpus(args.source)
        history: list[Answer] = []
        for raw in stdin:
            line = raw.rstrip("\r\n")
            if args.conversation and not line.strip():
                history = []  # a blank line starts a new conversation and is not a question
                continue
            data, answer = _jsonl_answer(corpus, line, args.top_k, tuple(history) if args.conversation else ())
            if answer is not None:
                history.append(answer)
            _write_json(stdout, data)
            stdout.flush()
        return EXIT_OK
    if args.question is None:
        raise QuestionError(
            '質問を指定してください（例: kyoyaku-search ask "岩見沢市の災害対策での役割は"） / give a question'
        )
    corpus = load_corpus(args.source)
    answer = ask(corpus, args.question, top_k=args.top_k)
    if args.json:
        _write_json(stdout, answer.to_json())
    else:
        stdout.write(_format_answer(answer))
    return EXIT_OK


def _jsonl_answer(corpus: Corpus, line: str, top_k: int, history: tuple[Answer, ...]) -> tuple[dict, Answer | None]:
    try:
        answer = ask(corpus, line, top_k=top_k, history=history)
    except QuestionError as error:
        # Echoed as read, except that a lone surrogate (input bytes that were not UTF-8) cannot
        # be written out and becomes U+FFFD.
        return {"query": _LONE_SURROGATE.sub("\ufffd", line), "error": str(error)}, None
    return answer.to_json(), answer


def _write_json(stdout: TextIO, data: dict) -> None:
    # On a console that is not UTF-8 (CP932, ASCII) every character is written as a JSON
    # escape, so the line stays valid JSON whatever the console can show.
    encoding = (getattr(stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    stdout.write(json.dumps(data, ensure_ascii=encoding not in ("utf-8", "utf8")) + "\n")


def _format_answer(answer: Answer) -> str:
    lines = [answer.text, ""]
    for rank, hit in enumerate(answer.hits, start=1):
        lines.append(f"{rank}. {hit.citation}  [{hit.score:.2f}]  ({hit.unit.id})")
        lines.extend(f"   {text}" for text in hit.text.split("\n"))
    return "\n".join(lines).rstrip("\n") + "\n"


def _run_show(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    corpus = load_corpus(args.source)
    unit = find_unit(corpus, args.id)
    if unit is None:
        raise KyoyakuError(
            f"ID {args.id} の単位はありません（ask --json の hits[].id を指定） / no unit with id {args.id}"
        )
    agreement = corpus.agreement(unit.agreement_id)
    out = [f"出典: {unit.citation.render(corpus.multi)}", f"ID: {unit.id}", f"種類 / kind: {unit.kind}"]
    if unit.initiative:
        out.append(f"取組: {unit.initiative}")
    out += [f"原文 / source: {source_place(agreement, unit.lines)}"]
    out += [f"原文の行 / source lines: {', '.join(map(str, unit.lines))}", agreement.party_key, "", unit.text]
    if unit.kind == "row":
        for position in corpus.row_roles(unit.id):
            other = corpus.units[position]
            out += ["", f"{other.citation.render(corpus.multi)}:", other.text]
    stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def _run_parse(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    parsed = parse_file(args.path)
    if not args.report:
        stdout.write(to_yaml(parsed.agreement))
        return EXIT_OK
    stdout.write(f"{args.path}: {len(parsed.repairs)} 件の修復 / repairs\n")
    for repair in parsed.repairs:
        stdout.write(repair.render(args.path) + "\n")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
