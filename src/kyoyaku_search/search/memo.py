"""A corpus's memo: values derived from the corpus alone that question after question asks for
again (the tokens of one of its lines, the lines that hold a term), made once each."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")
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


class lookup(Generic[V]):  # noqa: N801 - a decorator, named as functools.cached_property is
    """`functools.cached_property` for the lookups a corpus derives from itself, stored with
    `object.__setattr__` instead of through the instance's `__dict__`.

    CPython 3.11 keeps a plain instance's attributes inline, where a load is one specialised
    step; reading `__dict__` (as cached_property does on first use) turns that into a real dict
    for good, and from then on every attribute of the instance (`corpus.index`,
    `corpus.tokenizer`, …: about a hundred loads a question) takes the slow generic path. The
    value is made without a lock: at worst two threads make the same value and one is kept.
    """

    def __init__(self, make: Callable[[Any], V]) -> None:
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> V:  # noqa: ANN401
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.make(instance)
        object.__setattr__(instance, self.name, value)  # frozen dataclasses too: a derived value, not a field
        return value
