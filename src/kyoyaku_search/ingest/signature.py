"""The closing statement and signature block of an agreement, and the dates printed in it."""

from __future__ import annotations

from dataclasses import replace

from ..model import Party, Signature
from .dates import DateError, find_date
from .source_lines import ParseContext, SourceLine
from .template import SIGNER


def first_date(lines: list[SourceLine], ctx: ParseContext) -> tuple[str, str] | None:
    """(ISO date, date as printed) of the first date in `lines`; a date that cannot be is an error."""
    for line in lines:
        try:
            found = find_date(line.text)
        except DateError as error:
            raise ctx.error(line.first, f"日付が正しくありません / invalid date: {error}") from None
        if found:
            return found
    return None


def parse_signature(
    block: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext
) -> tuple[Signature | None, tuple[Party, ...], tuple[str, str] | None]:
    """The block from the closing statement to 別表: the Signature, the parties with their
    address, mayor's title and name filled in, and the signing date."""
    lines = [ln for ln in block if ln.text.strip()]
    if not lines:
        return None, parties, None
    labels = {p.label for p in parties}
    current: str | None = None
    details: dict[str, dict] = {p.label: {"lines": list(p.lines)} for p in parties}
    for line in lines:
        text = line.text.strip()
        signer = SIGNER.match(text)
        if signer and signer["label"] in labels:
            current = signer["label"]
            rest = signer["address"].strip()
            details[current]["lines"].append(line.first)
            if rest.endswith("長"):
                # 「甲 加西市長 加東市長」: a draft's block names only the mayors — no address, and
                # no name follows (what does is the page's footer, not this party's)
                details[current].update(mayor_title=rest)
                current = None
            else:
                details[current].update(address=rest)
            continue
        if current is None:
            continue
        party = next(p for p in parties if p.label == current)
        entry = details[current]
        if text.endswith("長") and "mayor_title" not in entry:
            entry["mayor_title"] = text
        elif "mayor_title" in entry and "mayor_name" not in entry:
            entry["mayor_name"] = text
        elif text != party.name:
            continue
        entry["lines"].append(line.first)
    updated = tuple(
        replace(p, lines=tuple(sorted(set(details[p.label].pop("lines")))), **details[p.label]) for p in parties
    )
    signature = Signature("\n".join(ln.text.strip() for ln in lines), tuple(n for ln in lines for n in ln.numbers))
    return signature, updated, first_date(lines, ctx)
