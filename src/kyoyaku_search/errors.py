"""Errors the library raises; the CLI and the app turn them into messages at the edge."""

from __future__ import annotations

from pathlib import Path


class KyoyakuError(Exception):
    """Base class for every error kyoyaku-search reports to a user."""


class AgreementFormatError(KyoyakuError):
    """An agreement file that cannot be read or does not follow the template.

    Carries the file and the 1-based line so a person can open the file at the fault.
    """

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class QuestionError(KyoyakuError):
    """A question that cannot be searched (empty, too long, …); the message is Japanese."""
