"""Whether a short text stands verbatim in the corpus, told from its distinct lines by their
character pairs instead of a scan of them all.

Questions ask this of a handful of words each (「健診」, a place name, the words of a typo): most
are two or three characters, and the scan `text in text_blob` costs the whole corpus text each
time. A pair of characters is answered by a set, a longer text by the lines holding both its first
and its last pair; one holding a line break (never asked) is still answered by the scan.
"""

from __future__ import annotations


class Lines:
    """The distinct lines of a corpus (`corpus.text_blob`), indexed by their character pairs."""

    def __init__(self, blob: str) -> None:
        self._blob = blob
        self._lines = blob.split("\n")
        self._chars = frozenset(blob) - {"\n"}
        pairs: dict[str, list[int]] = {}
        for number, line in enumerate(self._lines):
            for pair in {line[at : at + 2] for at in range(len(line) - 1)}:
                pairs.setdefault(pair, []).append(number)
        self._pairs = {pair: tuple(numbers) for pair, numbers in pairs.items()}

    def hold(self, text: str) -> bool:
        """`text in blob`: whether some line holds `text` (any text, a line break too)."""
        if "\n" in text:
            return text in self._blob
        if len(text) == 2:  # most: the kanji pairs a question is checked for
            return text in self._pairs
        if len(text) < 2:
            return not text or text in self._chars
        first, last = self._pairs.get(text[:2]), self._pairs.get(text[-2:])
        if not first or not last:
            return False
        lines = self._lines
        return any(text in lines[number] for number in (first if len(first) <= len(last) else last))
