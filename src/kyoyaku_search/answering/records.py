"""`record`: a frozen dataclass that is built in one step; `derived`: a fact of one, worked out
on first use.

The answer path makes about thirty frozen dataclass instances a question (its reading, the
question, the query, each content word, each hit, the answer: some hundred fields in all).
`dataclass(frozen=True)` sets each field with an `object.__setattr__` call of its own, which on
that path costs as much as several of the rules. A `record` is the class `dataclass(frozen=True)`
makes — immutable, compared, hashed, `dataclasses.replace`-able, its fields and defaults the
same — with an `__init__` that fills the new instance's dict in one update instead.

`derived` is `functools.cached_property` without the lock Python 3.11 takes on each first use (a
question's facts are read by the one thread answering it; at worst two threads work out the same
value): a `Reading`'s facts are each used once or twice, so that lock was most of their cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T", bound=type)
V = TypeVar("V")


def record(cls: T) -> T:
    """`dataclass(frozen=True)`, with an `__init__` that sets every field at once."""
    cls = dataclass(frozen=True)(cls)
    if "__post_init__" in vars(cls):
        raise TypeError(f"{cls.__name__}: a record has no __post_init__")
    defaults: dict[str, object] = {}
    params, names = [], []
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: a record's fields are set by __init__, with plain defaults")
        names.append(f.name)
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    # the same code dataclasses generates, with one dict update for the per-field object.__setattr__
    values = ", ".join(f"{name!r}: {name}" for name in names)
    source = f"def __init__(self, {', '.join(params)}):\n    self.__dict__.update({{{values}}})\n"
    namespace: dict[str, object] = {}
    exec(source, defaults, namespace)  # noqa: S102 - code built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


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
