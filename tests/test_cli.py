"""The command-line contract other tools rely on: arguments, JSON shape, exit codes, messages."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kyoyaku_search.views.cli import main

from .conftest import SEED_ID, SEED_TEXT, SEED_YAML
from .variants import rename_parties


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    original = sys.stderr
    sys.stderr = err
    try:
        code = main(args, stdin=io.StringIO(stdin), stdout=out)
    finally:
        sys.stderr = original
    return code, out.getvalue(), err.getvalue()


def test_ask_prints_the_quote_and_citation():
    code, out, _ = run(["ask", "岩見沢市の災害対策での役割は"])
    assert code == 0
    assert out.startswith("「災害に備える連携、")
    assert "出典: 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割" in out


def test_ask_json():
    code, out, _ = run(["ask", "岩見沢市の災害対策での役割は", "--json", "--top-k", "3"])
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 3
    assert data["hits"][0]["id"] == f"{SEED_ID}/row-3a-5/乙"
    assert data["hits"][0]["party"] == "岩見沢市"
    assert data["query"] == "岩見沢市の災害対策での役割は"


def test_jsonl_answers_every_line_in_order_and_goes_on_after_a_bad_one():
    lines = ["施行日はいつ", "", "小樽市の観光は", "x" * 600, "費用の分担は"]
    code, out, _ = run(["ask", "--jsonl", "--top-k", "1"], "\n".join(lines) + "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [row["query"] for row in rows] == lines
    assert rows[0]["hits"][0]["citation"] == "附則"
    assert "質問が空です" in rows[1]["error"]
    assert rows[2]["hits"] == [] and "当事者ではありません" in rows[2]["answer"]
    assert "長すぎます" in rows[3]["error"]
    assert rows[4]["hits"][0]["citation"] == "第4条（費用分担）"


@pytest.mark.parametrize(
    ("question", "message"), [("", "質問が空です"), ("   ", "質問が空です"), ("あ" * 501, "長すぎます")]
)
def test_bad_questions_exit_non_zero_with_a_message(question, message):
    code, out, err = run(["ask", question])
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_missing_question():
    code, _, err = run(["ask"])
    assert code == 2 and "質問を指定してください" in err


@pytest.mark.parametrize("top_k", ["0", "51", "many"])
def test_bad_top_k(top_k):
    code, _, err = run(["ask", "施行日", "--top-k", top_k])
    assert code == 2 and "1〜50" in err


def test_show_prints_a_unit_in_full():
    code, out, _ = run(["show", f"{SEED_ID}/row-3b-1"])
    assert code == 0
    assert "出典: 別表（第3条関係）(3)イ 結びつきやネットワークの強化「ICTインフラ整備」" in out
    assert "取組: ICTインフラ整備" in out
    assert "原文の行 / source lines: 97, 99" in out
    assert "原文 / source: sapporo-iwamizawa-2019.txt 97〜99行" in out
    assert "\n甲＝札幌市　乙＝岩見沢市\n" in out  # who the labels are, beside the texts
    assert "、甲と協力して取り組む。" in out and "（札幌市）と協力" not in out  # each party's role, verbatim


def test_show_accepts_an_id_without_the_agreement():
    assert run(["show", "art-4"])[1] == run(["show", f"{SEED_ID}/art-4"])[1]


def test_show_unknown_id():
    code, _, err = run(["show", "art-99"])
    assert code == 1 and "art-99" in err


def test_parse_prints_the_committed_yaml():
    code, out, _ = run(["parse", str(SEED_TEXT)])
    assert code == 0 and out == SEED_YAML.read_text(encoding="utf-8")


def test_parse_report_lists_repairs():
    code, out, _ = run(["parse", "--report", str(SEED_TEXT)])
    assert code == 0
    assert f"{SEED_TEXT}:97: spaced-letters: 'I C T ' → 'ICT'" in out


def test_parse_error_names_file_and_line(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text(SEED_TEXT.read_text(encoding="utf-8").replace("（以下「乙」という。）", ""), encoding="utf-8")
    code, out, err = run(["parse", str(path)])
    assert code == 1 and out == ""
    assert f"{path}:15:" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["text", "yaml", "directory"])
def test_source_as_text_yaml_or_directory(kind, tmp_path):
    if kind == "text":
        source = SEED_TEXT
    elif kind == "yaml":
        source = SEED_YAML
    else:
        source = tmp_path
        shutil.copy(SEED_TEXT, tmp_path)
        shutil.copy(SEED_YAML, tmp_path)
    code, out, _ = run(["--source", str(source), "ask", "費用の分担は", "--json"])
    assert code == 0 and json.loads(out)["hits"][0]["id"] == f"{SEED_ID}/art-4"


def test_several_sources_name_their_agreement(tmp_path):
    other = tmp_path / "asahikawa-nayoro.txt"
    other.write_text(rename_parties(SEED_TEXT.read_text(encoding="utf-8"), "旭川市", "名寄市"), encoding="utf-8")
    code, out, _ = run(
        ["--source", str(SEED_TEXT), "--source", str(other), "ask", "名寄市の災害対策での役割は", "--json"]
    )
    hit = json.loads(out)["hits"][0]
    assert code == 0
    assert hit["id"] == "asahikawa-nayoro/row-3a-5/乙" and hit["party"] == "名寄市"
    assert hit["citation"].startswith("旭川市及び名寄市における連携中枢都市圏形成に係る連携協約 別表")


def test_library_can_search_one_agreement_of_several(tmp_path):
    from kyoyaku_search import ask, load_corpus

    other = tmp_path / "asahikawa-nayoro.txt"
    other.write_text(rename_parties(SEED_TEXT.read_text(encoding="utf-8"), "旭川市", "名寄市"), encoding="utf-8")
    corpus = load_corpus([str(SEED_TEXT), str(other)])
    answer = ask(corpus, "災害対策の内容", agreement="asahikawa-nayoro", top_k=10)
    assert {hit.unit.agreement_id for hit in answer.hits} == {"asahikawa-nayoro"}


def test_missing_source():
    code, _, err = run(["--source", "/nonexistent/dir", "ask", "費用"])
    assert code == 1 and "/nonexistent/dir" in err


def test_stale_yaml_beside_its_text_is_refused(tmp_path):
    shutil.copy(SEED_YAML, tmp_path)
    (tmp_path / SEED_TEXT.name).write_text(
        SEED_TEXT.read_text(encoding="utf-8").replace("松野", "松野哲"), encoding="utf-8"
    )
    code, _, err = run(["--source", str(tmp_path), "ask", "費用"])
    assert code == 1 and "kyoyaku-search parse" in err


def test_console_script_runs_without_a_traceback():
    script = Path(sys.executable).with_name("kyoyaku-search")
    done = subprocess.run([str(script), "ask", "", "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "質問が空です" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([str(script), "ask", "施行日はいつ", "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["hits"][0]["citation"] == "附則"
