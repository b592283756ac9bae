"""Checks that a parse is faithful to its source, shared by the fidelity and the parser-fuzz tests.

`check_repairs` replays the listed repairs on the raw text and must arrive at the repaired
text exactly: every difference is a listed repair, and every listed repair is a difference.
`check_quotes` ties each unit and each annex cell to the repaired line(s) it came from.
"""

from __future__ import annotations

from collections import defaultdict

from kyoyaku_search.ingest.parser import ParsedSource
from kyoyaku_search.ingest.repair import MIN_OVERLAP
from kyoyaku_search.ingest.source_lines import Repair, SourceLine
from kyoyaku_search.model import Agreement
from kyoyaku_search.search.units import agreement_units

JOINS = ("page-break-overlap", "page-break-join")


def check_repairs(raw_text: str, parsed: ParsedSource) -> None:
    """Raw text + the listed repairs, replayed in order, == the repaired text, line by line."""
    raw = raw_text.split("\n")
    dropped: set[int] = set()
    by_first: dict[int, list[Repair]] = defaultdict(list)
    for repair in parsed.repairs:
        assert repair.before != repair.after, repair
        if repair.kind == "rule-line":
            (number,) = repair.lines
            assert (repair.before, repair.after) == (raw[number - 1], ""), repair
            dropped.add(number)
            continue
        if repair.kind in ("rowspan", "untitled"):  # a cell from the row above, a name for an untitled copy
            assert not repair.before and repair.after, repair  # no text changed (cells: see check_quotes)
            continue
        if repair.kind == "reordered":  # articles printed out of order, moved whole: no line's text changed
            continue
        if repair.kind in JOINS:  # the blank lines between a row and its continuation go
            between = repair.lines[1:-1]
            assert all(not raw[n - 1].strip() for n in between), repair
            dropped.update(between)
        by_first[repair.lines[0]].append(repair)
    kept = [n for line in parsed.lines for n in line.numbers]
    firsts = [line.first for line in parsed.lines]
    moved = any(repair.kind == "reordered" for repair in parsed.repairs)
    assert len(kept) == len(set(kept)) and (moved or firsts == sorted(firsts)), "a raw line is used twice or out of order"
    assert sorted(set(kept) | dropped) == list(range(1, len(raw) + 1)), "a raw line is missing from the repaired text"
    assert not set(kept) & dropped
    replayed = 0
    for line in parsed.lines:
        repairs = by_first.pop(line.numbers[0], [])
        replayed += len(repairs)
        if repairs and repairs[0].kind == "line-wrap":
            # a wrapped sentence: its raw lines joined by their line breaks, then each repair in turn
            text = "\n".join(raw[n - 1] for n in line.numbers)
            for repair in repairs:
                assert repair.before in text, repair
                text = text.replace(repair.before, repair.after, 1)
            assert text == line.text, (line.numbers, text, line.text)
        elif any(r.column is not None for r in repairs) or len(line.numbers) > 1:
            _replay_row(raw, line, repairs)
        else:
            text = raw[line.first - 1]
            for repair in repairs:
                assert repair.before in text, repair
                text = text.replace(repair.before, repair.after, 1)
            assert text == line.text, (line.numbers, text, line.text)
    assert not by_first, f"repairs listed for lines that are not in the repaired text: {dict(by_first)}"


def _replay_row(raw: list[str], line: SourceLine, repairs: list[Repair]) -> None:
    """An annex row: page-break joins cell by cell, then the in-cell repairs, on the raw row line."""
    cells = raw[line.first - 1].split("\t")
    joins = [r for r in repairs if r.kind in JOINS]
    verbatim = "\n".join(raw[n - 1] for n in line.numbers)
    if not joins and line.numbers == tuple(range(line.first, line.first + len(line.numbers))):
        # a row printed over adjacent lines, read as printed: one cell holds the line break
        assert verbatim.count("\t") == line.text.count("\t"), (line.numbers, verbatim)
        cells = verbatim.split("\t")
        for repair in repairs:
            content = cells[repair.column].strip()
            assert repair.before in content, repair
            cells[repair.column] = cells[repair.column].replace(
                content, content.replace(repair.before, repair.after, 1), 1
            )
        assert "\t".join(cells) == line.text, (line.numbers, cells, line.text)
        return
    for number in line.numbers[1:]:
        fragments = [cell.strip() for cell in raw[number - 1].split("\t") if cell.strip()]
        here = [r for r in joins if r.lines[-1] == number]
        # Every fragment of the continuation continues exactly one cell, in the same left-to-right order.
        assert [r.before.split("\n")[1] for r in here] == fragments, (number, fragments, here)
        columns = [r.column for r in here]
        assert columns == sorted(set(columns)), columns
    assert len(joins) == sum(len([c for c in raw[n - 1].split("\t") if c.strip()]) for n in line.numbers[1:])
    for repair in repairs:
        assert repair.column is not None and 0 <= repair.column < len(cells), repair
        cell = cells[repair.column]
        content = cell.strip()
        if repair.kind in JOINS:
            head, tail = repair.before.split("\n")
            assert content == head, (content, head)
            overlap = len(head) + len(tail) - len(repair.after)
            assert repair.after == head + tail[overlap:] and tail[:overlap] == head[len(head) - overlap :]
            assert (overlap >= MIN_OVERLAP) if repair.kind == "page-break-overlap" else overlap == 0, repair
            new = repair.after
        else:
            assert repair.before in content, repair
            new = content.replace(repair.before, repair.after, 1)
        cells[repair.column] = cell.replace(content, new, 1) if content else cell + new
    assert "\t".join(cells) == line.text, (line.numbers, cells, line.text)


def check_quotes(parsed: ParsedSource) -> None:
    """Each line of each unit's text stands verbatim in a repaired line the unit says it came from,
    and each annex row's cells are, in order, the cells of its own repaired line (a cell listed as
    spanning from the row above is that row's cell)."""
    agreement = parsed.agreement
    lines = parsed.lines
    for unit in agreement_units(agreement):
        own = [line.text for line in lines if set(line.numbers) & set(unit.lines)]
        for piece in unit.text.split("\n"):
            assert any(piece in text for text in own), (unit.id, piece)
    spanned = {r.lines[-1]: r for r in parsed.repairs if r.kind == "rowspan"}
    for row in _rows(agreement):
        (line,) = [line for line in lines if line.numbers == row.lines]
        cells = [row.initiative, row.content, *(cell.text for cell in row.roles)]
        if repair := spanned.get(line.first):  # the 取組 printed once above, spanning this row (listed)
            (above,) = [each for each in lines if each.first == repair.lines[0]]
            assert above.text.split("\t")[repair.column].strip() == repair.after == cells[repair.column]
            cells = cells[repair.column + 1 :]
        assert [cell.strip() for cell in line.text.split("\t")] == cells
        assert all(set(cell.lines) <= set(row.lines) for cell in row.roles)


def _rows(agreement: Agreement):  # noqa: ANN202
    return list(agreement.annex.rows()) if agreement.annex else []
