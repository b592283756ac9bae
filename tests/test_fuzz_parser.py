"""Fuzz the parser with broken copies of the seed: lines dropped, duplicated, swapped, broken,
cells split, tabs removed, characters inserted, rows cut at a page break (`mutations.py`).

Every broken file either parses or stops with an AgreementFormatError naming the file and a
line of it — never another exception. And a parse is never silently wrong, which here means:

- fidelity: the listed repairs replayed on the broken text give the repaired text, and every
  unit's text stands verbatim in the lines it cites (`fidelity.py`);
- shape: each row has exactly one role cell per party, and its cells are the cells of its own
  line (and its declared continuation), in order;
- provenance: a row built from untouched lines of the original is that original row, whole,
  under the same table heading; a row with a touched line draws only on that one original row;
  no untouched original row goes missing or appears twice; an article holds only lines that
  belonged to that same article; the title is the title line. Faithful page-break splits must
  give back the original row exactly. (Swapped lines make the file say something else in
  earnest, so for those only fidelity and shape are checked.)
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import ParsedSource, parse_file, parse_text

from .conftest import SEED_TEXT
from .fidelity import check_quotes, check_repairs
from .mutations import CHANGED, KEPT, Mutated, mutated

PATH = "broken.txt"
EXAMPLES = 3_000
SEED = parse_file(SEED_TEXT)
SEED_LINES = SEED_TEXT.read_text(encoding="utf-8")
ORIGINAL_LINES = SEED_LINES.split("\n")


def _original_rows(parsed: ParsedSource) -> dict[tuple[int, ...], tuple[str, tuple[str, ...]]]:
    """Each original row by its raw lines: its table label and its cells."""
    return {
        row.lines: (table.label, (row.initiative, row.content, *(cell.text for cell in row.roles)))
        for table in parsed.agreement.annex.tables()
        for row in table.rows
    }


ORIGINAL_ROWS = _original_rows(SEED)
ARTICLE_OF_LINE = {n: article.number for article in SEED.agreement.articles for n in article.lines}
TITLE_LINES = (5, 13)  # 「連携中枢都市圏形成に係る連携協約書」 on the cover, then the agreement's own
PARTY_NAMES = {party.name for party in SEED.agreement.parties}


# --- what fuzzing found: each of these parsed, silently wrong, before ---------------------------


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _edit(number: int, new: str | None):  # noqa: ANN202 - a text → text function
    """Replace raw line `number` (None: drop it)."""

    def edit(text: str) -> str:
        lines = _lines(text)
        lines[number - 1 : number] = [] if new is None else new.split("\n")
        return "\n".join(lines)

    return edit


FOUND = [
    # (what was done, line of the error, words of the message)
    ("a row line duplicated", _edit(89, ORIGINAL_LINES[88] + "\n" + ORIGINAL_LINES[88]), 90, "二つあります"),
    ("the heading (2) dropped: its rows joined (1)", _edit(75, None), 76, "見出し行が"),
    ("the heading ア dropped: its rows went straight under (3)", _edit(85, None), 87, "小見出し"),
    ("the heading イ dropped: its rows joined ア", _edit(94, None), 95, "見出し行が"),
    ("a section renumbered (12)", _edit(75, "(12) 高次の都市機能の集積・強化"), 75, "(2)があるべき所"),
    ("the heading 別表 dropped: the whole table read as the signature", _edit(65, None), 68, "別表の外に表の行"),
    ("附則 dropped: its sentence quoted as 第6条", _edit(41, None), 42, "第6条の後に"),
    ("a heading broken over two lines", _edit(37, "（変更\n\n等）"), 37, "第5条の後に"),
    ("a junk line after an article", _edit(37, "x（変更等）"), 37, "第5条の後に"),
    ("the title dropped: the cover's party line taken for it", _edit(13, None), 9, "題名"),
    (
        "the preamble broken after 札: 「札」 taken for the title, 「幌市」 for 甲",
        _edit(15, "札\n\t" + ORIGINAL_LINES[14][1:]),
        15,
        "題名",
    ),
    (
        "a tab inside 岩見沢市: 「沢市」 taken for 乙",
        _edit(15, ORIGINAL_LINES[14].replace("岩見沢市（", "岩見\t沢市（")),
        15,
        "当事者",
    ),
    ("no article at all", lambda text: "\n".join(_lines(text)[:16]), 16, "条（第1条 …）が一つもありません"),
]


@pytest.mark.parametrize(("break_it", "line", "message"), [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_what_fuzzing_found_now_stops_at_the_line(break_it, line, message):
    with pytest.raises(AgreementFormatError) as caught:
        parse_text(break_it(SEED_LINES), PATH, "broken")
    assert (caught.value.path, caught.value.line) == (PATH, line), caught.value
    assert message in caught.value.message


@pytest.mark.parametrize("row", sorted(ORIGINAL_ROWS), ids=str)
def test_dropping_a_row_line_gives_one_row_fewer_or_an_error(row):
    """A row on one line is simply gone; a row continued over a page break cannot lose a line
    without leaving a cell cut mid-sentence or a continuation with nothing to continue."""
    first = row[0]
    for number in row:
        try:
            parsed = parse_text(_edit(number, None)(SEED_LINES), PATH, "broken")
        except AgreementFormatError as error:
            assert len(row) > 1 and error.line in (first, first + 1)  # 97 (99 → 98 after the cut) or 109
            continue
        assert len(row) == 1
        expected = [cells for lines, cells in ORIGINAL_ROWS.items() if lines != row]
        assert _original_rows(parsed) == {
            _shifted(lines, number): cells for lines, cells in ORIGINAL_ROWS.items() if lines != row
        }
        assert len(expected) == 19


def _shifted(lines: tuple[int, ...], dropped: int) -> tuple[int, ...]:
    return tuple(n - 1 if n > dropped else n for n in lines)


VALID = [
    (
        "a numbered second paragraph",
        _edit(39, ORIGINAL_LINES[38] + "\n\n2 前項の議決を経たときは、甲及び乙は、その旨を告示する。"),
        6,
        2,
    ),
    (
        "items 一 and 二",
        _edit(27, ORIGINAL_LINES[26] + "\n\n一 別表に掲げる取組\n\n二 その他甲及び乙が協議して定める取組"),
        3,
        3,
    ),
    # joined again, the join listed as a line-wrap repair (check_repairs replays it)
    ("a sentence wrapped by the extractor", _edit(39, ORIGINAL_LINES[38][:40] + "\n" + ORIGINAL_LINES[38][40:]), 6, 1),
    (
        "the table header repeated inside a row cut by a page break",
        _edit(98, "\n取組\t内容\t甲の役割\t乙の役割\n"),
        6,
        1,
    ),
]


@pytest.mark.parametrize(("change", "article", "paragraphs"), [v[1:] for v in VALID], ids=[v[0] for v in VALID])
def test_what_the_stricter_parser_still_reads(change, article, paragraphs):
    text = change(SEED_LINES)
    parsed = parse_text(text, PATH, "valid")
    assert len(parsed.agreement.articles[article - 1].text.split("\n")) == paragraphs
    assert len(list(parsed.agreement.annex.rows())) == 20
    check_repairs(text, parsed)
    check_quotes(parsed)


# --- fuzzing ------------------------------------------------------------------------------------


def test_broken_agreements_parse_faithfully_or_stop_at_a_line():
    outcomes: Counter[str] = Counter()

    @settings(max_examples=EXAMPLES)
    @given(broken=mutated(SEED_LINES))
    def check(broken: Mutated) -> None:
        try:
            parsed = parse_text(broken.text, PATH, "broken")
        except AgreementFormatError as error:
            assert error.path == PATH and error.message
            assert isinstance(error.line, int) and 1 <= error.line <= len(broken.lines), error
            outcomes["error"] += 1
            return
        outcomes["parsed"] += 1
        check_repairs(broken.text, parsed)
        check_quotes(parsed)
        labels = sorted(party.label for party in parsed.agreement.parties)
        rows = parsed.agreement.annex.rows() if parsed.agreement.annex else ()
        assert all(sorted(cell.party for cell in row.roles) == labels for row in rows)
        if not broken.reordered:
            _check_provenance(broken, parsed)

    check()
    assert outcomes["error"] > EXAMPLES // 10 and outcomes["parsed"] > EXAMPLES // 10, outcomes


def _check_provenance(broken: Mutated, parsed: ParsedSource) -> None:
    agreement = parsed.agreement
    seen: Counter[tuple[int, ...]] = Counter()
    for table in agreement.annex.tables() if agreement.annex else ():
        for row in table.rows:
            lines = [broken.lines[n - 1] for n in row.lines]
            key = tuple(dict.fromkeys(line.origin for line in lines))
            cells = (row.initiative, row.content, *(cell.text for cell in row.roles))
            if all(line.how != CHANGED for line in lines):
                assert key in ORIGINAL_ROWS, f"a row made of lines {key} of different rows"
                assert (table.label, cells) == ORIGINAL_ROWS[key], f"row {key} differs from the original"
                seen[key] += 1
            else:
                owner = [lines_ for lines_ in ORIGINAL_ROWS if set(key) <= set(lines_)]
                assert owner, f"a row made of broken lines {key} of different rows"
                assert table.label == ORIGINAL_ROWS[owner[0]][0], f"broken row {key} moved to {table.label}"
    assert all(count == 1 for count in seen.values()), f"a row appears twice: {seen}"
    present = Counter(line.origin for line in broken.lines if line.how != CHANGED)
    changed = {line.origin for line in broken.lines if line.how == CHANGED}
    for key in ORIGINAL_ROWS:
        intact = all(present[n] >= 1 and n not in changed for n in key) and not any(_duplicated(broken, n) for n in key)
        assert not intact or seen[key] == 1, f"the untouched row {key} went missing"
    for article in agreement.articles:
        for n in article.lines:
            line = broken.lines[n - 1]
            if line.how == CHANGED and not ORIGINAL_LINES[line.origin - 1].strip():
                continue  # text typed into a blank line: new words, which the file puts here
            assert ARTICLE_OF_LINE.get(line.origin) == article.number, (
                f"第{article.number}条 holds line {line.origin} of 第{ARTICLE_OF_LINE.get(line.origin)}条"
            )
    # The agreement's own title, or — when every line between them is gone — the cover's.
    titles = [line.text.strip() for line in broken.lines if line.origin in TITLE_LINES]
    if not any(titles):  # no title line left at all: known by its parties, as an untitled copy is
        titles = ["・".join(party.name for party in agreement.parties)]
    assert agreement.title in titles, f"title {agreement.title!r} is not a title line"
    for party in agreement.parties:  # a name as printed, or with an inserted character — never cut short
        assert party.name in PARTY_NAMES or not any(party.name in name for name in PARTY_NAMES), f"party {party.name!r}"


def _duplicated(broken: Mutated, origin: int) -> bool:
    return sum(1 for line in broken.lines if line.origin == origin and line.how == KEPT) > 1
