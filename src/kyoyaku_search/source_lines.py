"""Numbered source lines and the record of repairs made to them while parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import AgreementFormatError
from .model import Lines
from .repair import Change


@dataclass(frozen=True)
class SourceLine:
    """A line of the (repaired) text and the raw line numbers it came from."""

    numbers: Lines
    text: str

    @property
    def first(self) -> int:
        return self.numbers[0]


@dataclass(frozen=True)
class Repair:
    """One repaired PDF artefact, listed by `kyoyaku-search parse --report`."""

    line: int
    kind: str
    before: str
    after: str


@dataclass
class ParseContext:
    """What every parsing stage shares: the file (for error messages) and the repairs so far."""

    path: str | Path
    repairs: list[Repair] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> AgreementFormatError:
        return AgreementFormatError(self.path, line, message)

    def record(self, line: int, changes: list[Change]) -> None:
        self.repairs.extend(Repair(line, c.kind, c.before, c.after) for c in changes)
