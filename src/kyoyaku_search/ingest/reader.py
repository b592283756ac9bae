"""Read an agreement file as users bring it: UTF-8 (with or without BOM), UTF-16 (with or
without BOM), Shift_JIS/CP932, EUC-JP, ISO-2022-JP; CRLF, CR or LF line ends.

The result is text with ``\\n`` line ends; anything that is not text in one of those
encodings is refused with the file and line of the first byte that does not decode, or of
the first control character a text file does not hold.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..chars import HALFWIDTH_KATAKANA, KANA, KANJI, PRIVATE_USE
from ..errors import AgreementFormatError

# Shift_JIS files from Japanese municipalities are almost always CP932 (Windows) in practice;
# CP932 is a superset of Shift_JIS, so it also reads plain Shift_JIS. EUC-JP still turns up in
# older exports. Tried after UTF-8, which fails fast on either of them.
FALLBACK_ENCODINGS = ("cp932", "euc_jp")
# Control characters no text file holds; tab, line ends, and the form feed pdftotext puts at
# page breaks are text.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_PLAIN_JAPANESE = re.compile(f"[{KANA}{KANJI}]")
_UNLIKELY = re.compile(f"[{HALFWIDTH_KATAKANA}{PRIVATE_USE}]")
_NOT_TEXT_BYTES = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # ESC (0x1b) aside: ISO-2022-JP uses it


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    encoding: str


def read_source(path: str | Path) -> SourceText:
    """Read and decode `path`; raise AgreementFormatError naming the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AgreementFormatError(path, None, f"ファイルを読めません / cannot read file: {error.strerror}") from None
    return decode_source(data, path)


def decode_source(data: bytes, path: str | Path) -> SourceText:
    text, encoding = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if control := _NOT_TEXT.search(text):
        raise _not_text(path, text.count("\n", 0, control.start()) + 1, ord(control.group()))
    return SourceText(str(path), text, encoding)


def _not_text(path: str | Path, line: int, code: int) -> AgreementFormatError:
    return AgreementFormatError(
        path, line, f"テキストではありません（制御文字 U+{code:04X}） / not a text file (control character)"
    )


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if utf16 := _utf16_without_bom(data):
        return utf16
    # Every other encoding read here keeps bytes below 0x20 for control characters, so a
    # binary file is told apart before it is taken for CP932 with a misleading message.
    if control := _NOT_TEXT_BYTES.search(data):
        raise _not_text(path, data.count(b"\n", 0, control.start()) + 1, control.group()[0])
    if b"\x1b$B" in data or b"\x1b$@" in data:  # ISO-2022-JP: 7-bit, so it would pass as UTF-8
        return _strict(data, "iso2022_jp", path), "iso2022_jp"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        decoded, errors = [], [utf8_error]
        for encoding in FALLBACK_ENCODINGS:
            try:
                decoded.append((data.decode(encoding), encoding))
            except UnicodeDecodeError as error:
                errors.append(error)  # the encoding that reads furthest names the faulty line
        if not decoded:
            raise _undecodable(data, max(errors, key=lambda e: e.start), path) from None
        # EUC-JP bytes often decode as CP932 too, into half-width katakana and private-use
        # characters; the reading that looks more like Japanese prose wins.
        return max(decoded, key=lambda pair: _japanese_score(pair[0]))


def _japanese_score(text: str) -> int:
    return len(_PLAIN_JAPANESE.findall(text)) - len(_UNLIKELY.findall(text))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: its ASCII characters (tabs, line ends, digits) put a NUL
    byte in every other position, almost always on one side."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < max(1, len(data) // 64) or min(even, odd) * 10 > max(even, odd):
        return None
    encoding = "utf-16-be" if even > odd else "utf-16-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _NOT_TEXT.search(text) else (text, encoding)


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, path) from None


def _undecodable(data: bytes, error: UnicodeDecodeError, path: str | Path) -> AgreementFormatError:
    line = data.count(b"\n", 0, error.start) + 1
    return AgreementFormatError(
        path,
        line,
        "文字コードを判別できません（UTF-8・Shift_JIS(CP932)・EUC-JP のいずれでもありません）"
        f" / cannot decode: byte 0x{data[error.start]:02x} is not UTF-8, CP932 or EUC-JP",
    )
