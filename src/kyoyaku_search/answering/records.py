"""`record`: a frozen dataclass that is built in one step; `derived`: a fact of one, worked out
on first use.

The answer path makes about thirty frozen dataclass instances a question (its reading, the
question, the query, each content word, each hit, the answer: some hundred fields in all).
A `record` is the class `dataclass(frozen=True)` makes: immutable, compared, hashed,
`dataclasses.replace`-able.

`derived` is `functools.cached_property` without the lock Python 3.11 takes on each first use (a
question's facts are read by the one thread answering it; at worst two threads work out the same
value): a `Reading`'s facts are each used once or twice, so that lock was most of their cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T", bound=type)
V = TypeVar("V")


def record(cls: T) -> T:
    """`dataclass(frozen=True)`: the answer path's records, named in one place.

    An `__init__` that fills the dict in one update was measured at ~3.5% of the seed's ask p50,
    but it had to be generated with `exec`, and no code is loaded from strings in this package
    (tests/test_no_network.py): the plain dataclass `__init__` stays."""
    return dataclass(frozen=True)(cls)


class derived(Generic[V]):  # noqa: N801 - a decorator, named as functools.cached_property is
    """A value worked out from the instance on first use and kept in its dict (see the module)."""

    def __init__(self, make: Callable[[Any], V]) -> None:
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> V:  # noqa: ANN401
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.make(instance)
        return value
