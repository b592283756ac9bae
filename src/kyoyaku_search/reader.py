"""Read an agreement file as users bring it: UTF-8 (with or without BOM), UTF-16, CP932.

The result is text with ``\\n`` line ends; anything that is not text in one of those
encodings is refused with the file and line of the first byte that does not decode.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .errors import AgreementFormatError

# Shift_JIS files from Japanese municipalities are almost always CP932 (Windows) in practice;
# CP932 is a superset of Shift_JIS, so it also reads plain Shift_JIS. EUC-JP still turns up in
# older exports. Tried in this order after UTF-8, which fails fast on either of them.
FALLBACK_ENCODINGS = ("cp932", "euc_jp")


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    encoding: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


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
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise AgreementFormatError(path, line, "テキストではありません（NUL 文字） / not a text file (NUL byte)")
    return SourceText(str(path), text, encoding)


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        for encoding in FALLBACK_ENCODINGS:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
        raise _undecodable(data, utf8_error, path) from None


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
