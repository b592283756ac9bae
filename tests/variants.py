"""Agreements of the same template made from the seed text, for tests only (never shipped)."""

from __future__ import annotations

import re


def rename_parties(text: str, first: str, second: str) -> str:
    """Other municipalities: 札幌市 → `first`, 岩見沢市 → `second` (names end in 市/町/村)."""
    text = text.replace("札幌市", first).replace("岩見沢市", second)
    return text.replace("札幌", first[:-1]).replace("岩見沢", second[:-1])


def reiwa(text: str) -> str:
    """Signed and in force under 令和: 令和2年（2020年）3月27日, 施行 令和2年4月1日."""
    text = re.sub(r"平成31年[（(]2019年[）)]3月29日", "令和2年（2020年）3月27日", text)
    return text.replace("平成31年4月1日", "令和2年4月1日")


def drop_lines_containing(text: str, *needles: str) -> str:
    return "\n".join(line for line in text.split("\n") if not any(n in line for n in needles))


def add_row_after(text: str, anchor: str, row: str) -> str:
    """Insert a tab-separated `row` after the line starting with `anchor`."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(anchor))
    lines.insert(index + 1, row)
    return "\n".join(lines)


def replace_line(text: str, number: int, new: str) -> str:
    lines = text.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def add_articles(text: str, count: int) -> str:
    """`count` more articles after the last one (第7条, 第8条, …), each with a heading and, from
    the second on, a numbered second paragraph: an agreement with articles past 第十条."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("附 則"))
    last = max(int(m[1]) for line in lines if (m := re.match(r"^第(\d+)条", line)))
    added: list[str] = []
    for number in range(last + 1, last + 1 + count):
        added += [
            f"（雑則{number}）",
            "",
            f"第{number}条 甲及び乙は、第{number - 5}条に定める事項について協議するものとする。",
        ]
        if number % 2:
            added += [f"2 前項の協議は、第{number - 6}条の目的に沿って行うものとする。"]
        added += [""]
    return "\n".join(lines[:index] + added + lines[index:])
