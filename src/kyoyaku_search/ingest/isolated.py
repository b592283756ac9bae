"""Parse a file someone uploaded in a process of its own, with its time and memory bounded.

A hostile file (a PDF whose streams inflate to gigabytes, a page that makes the parser spin)
then costs one short-lived child process, never the server every session shares: the child
gets a CPU-time and address-space limit and a wall-clock timeout, reads the bytes from stdin
and writes the parsed agreement back as JSON, plain data only. Errors come back as the same
`AgreementFormatError`, with the file, line or page.

    python -m kyoyaku_search.ingest.isolated NAME < bytes   → {"agreement": …, "repairs": […]}
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass

from ..errors import AgreementFormatError
from ..model import Agreement
from .source_lines import Repair
from .store import from_plain

PARSE_SECONDS = 20.0
MEMORY_BYTES = 1536 * 1024 * 1024


@dataclass(frozen=True)
class IsolatedParse:
    agreement: Agreement
    repairs: tuple[Repair, ...]


def parse_isolated(
    data: bytes, name: str, agreement_id: str, seconds: float = PARSE_SECONDS, memory: int = MEMORY_BYTES
) -> IsolatedParse:
    """`parse_bytes(data, name, agreement_id)` in a child process; AgreementFormatError when the
    file is refused, or takes longer than `seconds` or more memory than `memory` bytes."""
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "kyoyaku_search.ingest.isolated",
                name,
                agreement_id,
                str(int(seconds) + 1),
                str(memory),
            ],
            input=data,
            capture_output=True,
            timeout=seconds,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired:
        raise AgreementFormatError(
            name, None, f"読み込みに{seconds:.0f}秒以上かかるため中止しました / parsing took too long"
        ) from None
    if done.returncode != 0 or not done.stdout:
        raise AgreementFormatError(
            name, None, "ファイルを読み込めませんでした（大きすぎるか、壊れています） / the file could not be parsed"
        )
    result = json.loads(done.stdout.decode("utf-8"))
    if "error" in result:
        error = result["error"]
        raise AgreementFormatError(name, error["line"], error["message"], page=error["page"])
    repairs = tuple(Repair(**{**r, "lines": tuple(r["lines"])}) for r in result["repairs"])
    return IsolatedParse(from_plain(result["agreement"], name), repairs)


def _limit(seconds: int, memory: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: the wall-clock timeout still holds
        return
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def main(argv: list[str]) -> int:
    name, agreement_id, seconds, memory = argv[0], argv[1], int(argv[2]), int(argv[3])
    _limit(seconds, memory)
    from .parser import parse_bytes
    from .store import to_plain

    data = sys.stdin.buffer.read()
    try:
        parsed = parse_bytes(data, name, agreement_id)
        result = {"agreement": to_plain(parsed.agreement), "repairs": [asdict(r) for r in parsed.repairs]}
    except AgreementFormatError as error:
        result = {"error": {"line": error.line, "page": error.page, "message": error.message}}
    except MemoryError:
        return 3
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
