"""Agreement files as users bring them: any Japanese encoding, any line ends, full-width spaces.

Each is read into the same agreement as the UTF-8 seed (modulo what the file really says), by
the parser and through `--source` in the CLI, or refused with a message naming file and line.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
from dataclasses import replace

import pytest

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import parse_file, parse_text
from kyoyaku_search.ingest.reader import decode_source, read_source
from kyoyaku_search.views.cli import main

from .conftest import ROOT, SEED_TEXT
from .fidelity import check_quotes, check_repairs

QUESTION = "岩見沢市の災害対策での役割は"


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


AS_SAVED = {
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "Shift_JIS": lambda t: t.encode("shift_jis"),
    "CP932, CRLF": lambda t: _crlf(t).encode("cp932"),
    "EUC-JP": lambda t: t.encode("euc_jp"),
    "ISO-2022-JP": lambda t: t.encode("iso2022_jp"),
    "UTF-16 LE with BOM, CRLF": lambda t: _crlf(t).encode("utf-16"),
    "UTF-16 BE with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "UTF-16 LE without BOM": lambda t: t.encode("utf-16-le"),
    "UTF-16 BE without BOM, CRLF": lambda t: _crlf(t).encode("utf-16-be"),
    "UTF-8, CRLF": lambda t: _crlf(t).encode("utf-8"),
    "UTF-8, lone CR (classic Mac)": lambda t: t.replace("\n", "\r").encode("utf-8"),
}


@pytest.fixture
def saved(tmp_path, seed_text):
    """Write the seed in an encoding under its own name, so only the bytes differ."""

    def save(encode) -> str:  # noqa: ANN001
        path = tmp_path / SEED_TEXT.name
        path.write_bytes(encode(seed_text))
        return str(path)

    return save


def _ask(*sources: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    original, sys.stderr = sys.stderr, err
    try:
        code = main([*(a for s in sources for a in ("--source", s)), "ask", QUESTION, "--json"], stdout=out)
    finally:
        sys.stderr = original
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("encode", AS_SAVED.values(), ids=AS_SAVED.keys())
def test_every_encoding_reads_as_the_utf8_seed(saved, seed, encode):
    path = saved(encode)
    parsed = parse_file(path)
    assert parsed.agreement == seed.agreement  # the sha256 is of the decoded text, so it matches too
    check_repairs(read_source(path).text, parsed)
    check_quotes(parsed)


@pytest.mark.parametrize("encode", AS_SAVED.values(), ids=AS_SAVED.keys())
def test_every_encoding_answers_through_the_cli_like_the_seed(saved, encode):
    assert _ask(saved(encode)) == _ask(str(SEED_TEXT))


# --- full-width spaces (U+3000) where a Japanese word processor puts them -----------------------


def _full_width_headings(text: str) -> str:
    """「第１条　この…」「（１）　圏域…」「ア　生活機能の強化」「附　則」「甲　札幌市…」."""
    digits = str.maketrans("0123456789", "０１２３４５６７８９")
    text = re.sub(r"^第(\d)条 ", lambda m: f"第{m[1].translate(digits)}条\u3000", text, flags=re.M)
    text = re.sub(r"^\((\d)\) ", lambda m: f"（{m[1].translate(digits)}）\u3000", text, flags=re.M)
    text = re.sub(r"^([アイウ]) ", "\\1\u3000", text, flags=re.M)
    return re.sub(r"^([甲乙]) |^附 則", lambda m: m[0].replace(" ", "\u3000"), text, flags=re.M)


def _padded_cells(text: str) -> str:
    """Every table cell padded with U+3000 on both sides, as if aligned by hand."""
    return "\n".join(
        "\t".join(f"\u3000{cell}\u3000\u3000" if cell else cell for cell in line.split("\t")) if "\t" in line else line
        for line in text.split("\n")
    )


def _indented(text: str) -> str:
    return "\n".join(f"\u3000\u3000{line}" if line and "\t" not in line else line for line in text.split("\n"))


FULL_WIDTH = {
    "headings": _full_width_headings,
    "padded cells": _padded_cells,
    "indented lines": _indented,
    "all of them, in CP932 with CRLF": lambda t: _indented(_padded_cells(_full_width_headings(t))),
}


@pytest.mark.parametrize("rewrite", FULL_WIDTH.values(), ids=FULL_WIDTH.keys())
def test_full_width_spaces_read_as_the_seed(seed_text, seed, rewrite):
    text = rewrite(seed_text)
    raw = decode_source(_crlf(text).encode("cp932"), "x.txt").text
    parsed = parse_text(raw, "x.txt", seed.agreement.id)
    expected = seed.agreement
    if "\u3000札幌市中央区" in text:  # the signature block is quoted as printed, spaces and all
        expected = replace(
            expected,
            signature=replace(
                expected.signature, text=expected.signature.text.replace("甲 ", "甲\u3000").replace("乙 ", "乙\u3000")
            ),
        )
    assert replace(parsed.agreement, source=expected.source, source_sha256=expected.source_sha256) == expected
    check_repairs(raw, parsed)  # a padded cell keeps its padding: only repaired words differ
    check_quotes(parsed)


def test_padded_cells_answer_through_the_cli_like_the_seed(tmp_path, seed_text):
    path = tmp_path / SEED_TEXT.name
    path.write_text(_padded_cells(_full_width_headings(seed_text)), encoding="utf-8")
    code, out, _ = _ask(str(path))
    assert code == 0 and out == _ask(str(SEED_TEXT))[1]


# --- refused, with the file and the line ----------------------------------------------------------


def _mixed(text: str) -> bytes:
    """A UTF-8 file with one line pasted in from a CP932 one (line 91)."""
    lines = text.split("\n")
    return "\n".join(lines[:90]).encode() + b"\n" + lines[90].encode("cp932") + b"\n" + "\n".join(lines[91:]).encode()


REFUSED = [
    ("empty", lambda t: b"", 1, "ファイルが空です"),
    ("blank lines only", lambda t: "\n\u3000\n \t\r\n".encode(), 1, "ファイルが空です"),
    ("a README, valid UTF-8", lambda t: (ROOT / "README.md").read_bytes(), 1, "連携協約の本文ではないようです"),
    ("an image", lambda t: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 2, "テキストではありません"),
    (
        "binary with NUL on line 15",
        lambda t: t.encode()[:300] + b"\x00\x01\x02" + t.encode()[300:],
        15,
        "テキストではありません",
    ),
    ("bytes of no encoding", lambda t: bytes(range(0x80, 0x100)) * 3, 1, "文字コードを判別できません"),
    ("UTF-8 with a CP932 line", _mixed, 91, "文字コードを判別できません"),
    (
        "CP932 cut in the middle of a character",
        lambda t: t.encode("cp932")[:-3] + "第".encode("cp932")[:1],
        112,
        "文字コードを判別できません",
    ),  # the last line
]


@pytest.mark.parametrize(("encode", "line", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_files_that_are_not_agreements_are_refused_with_file_and_line(saved, encode, line, message):
    path = saved(encode)
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(path)
    assert (caught.value.path, caught.value.line) == (path, line)
    assert message in caught.value.message
    code, out, err = _ask(path)
    assert code == 1 and out == "" and err.startswith(f"エラー / error: {path}:{line}: ") and "Traceback" not in err


@pytest.mark.parametrize("text", ["あいうえお", "はい\nいいえ", "甲及び乙", "役割分担", "この連携協約は、"])
def test_euc_jp_that_cp932_could_also_decode_is_read_as_euc_jp(text):
    data = text.encode("euc_jp")
    data.decode("cp932")  # the trap: these bytes are valid CP932 too, as half-width katakana
    assert decode_source(data, "x.txt").text == text


def test_json_of_a_cp932_source_is_plain_utf8(saved):
    code, out, _ = _ask(saved(AS_SAVED["CP932, CRLF"]))
    assert code == 0 and json.loads(out)["hits"][0]["id"].endswith("row-3a-5/乙")
