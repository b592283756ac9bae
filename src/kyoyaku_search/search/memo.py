"""A corpus's memo: values derived from the corpus alone that question after question asks for
again (the tokens of one of its lines, the lines that hold a term), made once each."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
MEMO_SIZE = 4096  # values kept per corpus; past it, values are made each time and not kept


class Memo:
    """Values by key, each made by the function that first asks for it; at most `size` are kept."""

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self._size = size
        self._values: dict[Hashable, object] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value under `key`; `make()` must depend on the corpus and the key alone."""
        try:
            return self._values[key]  # type: ignore[return-value]
        except KeyError:
            pass
        value = make()
        with self._lock:
            if len(self._values) < self._size:
                self._values[key] = value
        return value

    def __len__(self) -> int:
        return len(self._values)
