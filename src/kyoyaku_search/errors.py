"""Errors the library raises; the CLI and the app turn them into messages at the edge."""

from __future__ import annotations

from pathlib import Path


class KyoyakuError(Exception):
    """Base class for every error kyoyaku-search reports to a user."""


class AgreementFormatError(KyoyakuError):
    """An agreement file that cannot be read or does not follow the template.

    Carries the file and the 1-based line (of the file as published: an HTML page's own line)
    so a person can open the file at the fault; for a PDF, the page instead.
    """

    def __init__(self, path: str | Path, line: int | None, message: str, page: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.page = page
        self.message = message
        super().__init__(f"{self.where}: {message}")

    @property
    def where(self) -> str:
        """「file:12」, 「file.pdf:p3」, or the file alone."""
        if self.page is not None:
            return f"{self.path}:p{self.page}"
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def japanese(self) -> str:
        """The message for a person, the place said in Japanese: 「協約.pdf の 3 ページ目: …」."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        if self.page is not None:
            place = f"{name} の {self.page} ページ目"
        elif self.line is not None:
            place = f"{name} の {self.line} 行目"
        else:
            place = name
        return f"{place}: {self.message.split(' / ')[0]}"


class QuestionError(KyoyakuError):
    """A question that cannot be searched (empty, too long, …); the message is Japanese."""
