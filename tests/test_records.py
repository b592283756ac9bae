"""`record` is `dataclass(frozen=True)`, and `derived` a fact worked out once:
the same class either way, for every use the package makes of it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from kyoyaku_search.answering.records import derived, record


@record
class Fast:
    word: str
    terms: tuple[str, ...]
    weight: float = 1.0
    note: str = field(default="", compare=False)

    @derived
    def first(self) -> str:
        """The first term (worked out on first use)."""
        self.calls.append(1)
        return self.terms[0]

    @property
    def calls(self) -> list[int]:
        return self.__dict__.setdefault("_calls", [])


@dataclass(frozen=True)
class Slow:
    word: str
    terms: tuple[str, ...]
    weight: float = 1.0
    note: str = field(default="", compare=False)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("地域医療", ("地域", "医療")), {}),  # defaults
        (("地域医療", ("地域", "医療"), 0.3), {}),  # positional
        (("地域医療",), {"terms": ("医療",), "note": "n"}),  # keywords
        ((), {"word": "観光", "terms": (), "weight": 0.5, "note": "n"}),
    ],
)
def test_a_record_is_built_as_its_dataclass_is(args, kwargs):
    fast, slow = Fast(*args, **kwargs), Slow(*args, **kwargs)
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
    assert [f.name for f in dataclasses.fields(Fast)] == [f.name for f in dataclasses.fields(Slow)]
    assert fast == Fast(*args, **kwargs) and hash(fast) == hash(Fast(*args, **kwargs))
    assert repr(fast).removeprefix("Fast") == repr(slow).removeprefix("Slow")


def test_a_record_stays_frozen_and_replaceable():
    fast = Fast("地域医療", ("地域", "医療"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.word = "観光"  # type: ignore[misc]
    changed = dataclasses.replace(fast, weight=0.3)
    assert (changed.word, changed.weight, fast.weight) == ("地域医療", 0.3, 1.0)
    assert fast == dataclasses.replace(fast, note="compared=False")  # compare=False is kept


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("地域医療",), {}),  # terms missing
        (("地域医療", ("医療",)), {"wieght": 0.3}),  # a keyword no field has
        (("地域医療",), {"wieght": 0.3}),  # one missing and one unknown: as many as the fields
        (("地域医療", ("医療",)), {"word": "観光"}),  # given twice
        (("地域医療", ("医療",), 0.3, "n", "extra"), {}),  # too many
    ],
)
def test_wrong_arguments_are_refused_as_by_the_dataclass(args, kwargs):
    with pytest.raises(TypeError):
        Slow(*args, **kwargs)
    with pytest.raises(TypeError):
        Fast(*args, **kwargs)


def test_derived_is_worked_out_once_per_instance():
    fast = Fast("地域医療", ("地域", "医療"))
    assert (fast.first, fast.first) == ("地域", "地域")
    assert fast.calls == [1]
    assert Fast("観光", ("観光",)).first == "観光"
    assert Fast.first.__doc__ == "The first term (worked out on first use)."
