"""Broken copies of an agreement text, for fuzzing the parser (tests only).

Each mutation keeps, for every line of the result, where it came from: the original line
number and how it was touched — so a test can tell what the parse of the broken file may and
may not say.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

KEPT, CHANGED, SPLIT = "kept", "changed", "split"  # SPLIT: a faithful page-break split of a row

INSERTED = st.sampled_from(
    [
        "\t",
        "\t\t",
        " ",
        "  ",
        "\u3000",
        "「",
        "」",
        "（",
        "）",
        "(",
        "1",
        "２",
        "第",
        "条",
        "甲",
        "乙",
        "丙",
        "の役割",
        "。",
        "、",
        "ア",
        "イ",
        "附則",
        "別表",
        "-",
        "--",
        "|",
        "以下「甲」という。",
        "証する",
        "令和元年5月1日",
        "x",
    ]
)


@dataclass(frozen=True)
class Line:
    text: str
    origin: int  # 1-based line of the original text
    how: str = KEPT


@dataclass(frozen=True)
class Mutated:
    lines: tuple[Line, ...]
    steps: tuple[str, ...]

    def __repr__(self) -> str:
        touched = [
            (n, line.origin, line.how, line.text[:60]) for n, line in enumerate(self.lines, 1) if line.how != KEPT
        ]
        return f"Mutated(steps={self.steps!r}, touched={touched!r})"

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # noqa: ANN001 - how hypothesis prints a failing example
        printer.text(repr(self))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def reordered(self) -> bool:
        """Lines swapped: the file now says something else in earnest, so only fidelity and
        shape are checked, not which table or article a line should have stayed in."""
        return any(step.startswith("swap") for step in self.steps)


def _drop(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    del lines[i]
    return f"drop {i + 1}"


def _duplicate(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    lines.insert(i + 1, lines[i])
    return f"duplicate {i + 1}"


def _swap(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    j = draw(st.one_of(st.just(min(i + 1, len(lines) - 1)), st.integers(0, len(lines) - 1)))
    lines[i], lines[j] = lines[j], lines[i]
    return f"swap {i + 1} {j + 1}"


def _insert(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    text = lines[i].text
    at = draw(st.integers(0, len(text)))
    piece = draw(INSERTED)
    lines[i] = Line(text[:at] + piece + text[at:], lines[i].origin, CHANGED)
    return f"insert {piece!r} at {i + 1}:{at}"


def _remove_tab(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    text = lines[i].text
    tabs = [k for k, ch in enumerate(text) if ch == "\t"]
    if not tabs:
        return _insert(lines, i, draw)
    if draw(st.booleans()):
        lines[i] = Line(text.replace("\t", ""), lines[i].origin, CHANGED)
        return f"remove all tabs of {i + 1}"
    at = draw(st.sampled_from(tabs))
    lines[i] = Line(text[:at] + text[at + 1 :], lines[i].origin, CHANGED)
    return f"remove tab {i + 1}:{at}"


def _break_line(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    """A line break where none belongs, or a tab inside a cell."""
    text = lines[i].text
    at = draw(st.integers(0, len(text)))
    separator = draw(st.sampled_from(["\n", "\t", "\n\t", "\n\n\t"]))
    parts = (text[:at] + separator + text[at:]).split("\n")
    lines[i : i + 1] = [Line(part, lines[i].origin, CHANGED) for part in parts]
    return f"break {i + 1}:{at} with {separator!r}"


def _page_break(lines: list[Line], i: int, draw) -> str:  # noqa: ANN001
    """What a PDF extractor does to a row at the foot of a page: every sentence cell cut, the
    rest on the next line with an empty 取組, maybe a few characters repeated, blank lines between."""
    cells = lines[i].text.split("\t")
    if len(cells) < 4 or not cells[0] or lines[i].how != KEPT or not all(c.endswith("。") for c in cells[1:]):
        return _break_line(lines, i, draw)
    cut = draw(st.integers(3, min(len(c) for c in cells[1:]) - 1))
    overlap = draw(st.sampled_from([0, 0, 2, 3, 5]))
    overlap = min(overlap, cut - 1)
    head = "\t".join([cells[0], *(c[:cut] for c in cells[1:])])
    tail = "\t".join(["", *(c[cut - overlap :] for c in cells[1:])])
    blanks = draw(st.integers(0, 3))
    origin = lines[i].origin
    lines[i : i + 1] = [
        Line(head, origin, SPLIT),
        *(Line("", origin, SPLIT) for _ in range(blanks)),
        Line(tail, origin, SPLIT),
    ]
    return f"page-break {i + 1} cut {cut} overlap {overlap}"


MUTATIONS = [_drop, _duplicate, _swap, _insert, _remove_tab, _break_line, _page_break]


@st.composite
def mutated(draw, text: str, max_steps: int = 3) -> Mutated:
    lines = [Line(t, n) for n, t in enumerate(text.split("\n"), start=1)]
    steps = []
    for _ in range(draw(st.integers(1, max_steps))):
        # Mostly lines with content: mutating the blank ones rarely changes anything.
        content = [k for k, line in enumerate(lines) if line.text.strip()]
        i = draw(st.one_of(st.sampled_from(content), st.integers(0, len(lines) - 1)))
        steps.append(draw(st.sampled_from(MUTATIONS))(lines, i, draw))
    return Mutated(tuple(lines), tuple(steps))
