"""`record`: a frozen dataclass that is built in one step; `derived`: a fact of one, worked out
on first use.

The answer path makes about thirty frozen dataclass instances a question (its reading, the
question, the query, each content word, each hit, the answer: some hundred fields in all).
A `record` is the class `dataclass(frozen=True)` makes: immutable, compared, hashed,
`dataclasses.replace`-able.

`derived` is `search.memo.lookup`: `functools.cached_property` without the lock Python 3.11 takes on
each first use and without turning the instance's attributes into a dict (a `Reading`'s facts are
each used once or twice, so that lock was most of their cost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from ..search.memo import lookup

T = TypeVar("T", bound=type)


def record(cls: T) -> T:
    """`dataclass(frozen=True)`: the answer path's records, named in one place.

    An `__init__` that fills the dict in one update was measured at ~3.5% of the seed's ask p50,
    but it had to be generated with `exec`, and no code is loaded from strings in this package
    (tests/test_no_network.py): the plain dataclass `__init__` stays."""
    return dataclass(frozen=True)(cls)


# A fact of one question, worked out on first use: the corpus lookups' descriptor (search/memo.py),
# which also keeps the instance's attributes on CPython's fast path.
derived = lookup
