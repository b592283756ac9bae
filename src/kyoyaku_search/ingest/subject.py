"""Parties a preamble names by their own names, not as 甲/乙: the subject of its sentence,
before 「は、」, lists them, some with a short name of their own —
「福山市及び三原市は、」, 「特別区長会と京都府市長会及び京都府町村会(以下「京都府市長会・町村会」
という。)は、」 (two bodies defined together as one party), 「鳥取県(以下「県」という。)と日野町
(以下「町」という。)は、」, and a list defined as one party 「島牧村、寿都町、…及び赤井川村(以下「連携町村」
という。)は、」 (no と in it: the name is the whole list's, one party of many members). Each party's
label is its short name, else its name. A name masked by an aggregator (「島xx」) is a name."""

from __future__ import annotations

import re

from ..model import Party

# 「(以下「県」という。)」「(以下これらを「京都府市長会・町村会」という。)」
_DEFINED = re.compile(
    r"[（(][ \u3000]*以下(?:これらを|これを|両者を)?[「『](?P<label>[^「」『』（）()]{1,15})[」』]という。?[）)]"
)
# A body that can be a party: a prefecture or municipality, an association of them (市長会,
# 町村会), a 組合 or 広域連合. The words must be a name, not a phrase with particles.
_BODY = re.compile(r"^[^\s、。「」（）()をにがでのは]{1,20}?(?:[都道府県市町村区]|会|組合|連合|xx+)$")
# Between parties: と at the top level; 及び/並びに/、 also join the members of one defined party.
_TOP = re.compile(r"と|、")
_ANY = re.compile(r"と|及び|並びに|、")
_LEADING = re.compile(r"^(?:と|及び|並びに|、)")


def subject_parties(text: str, line: int) -> tuple[Party, ...]:
    """The parties the subject of `text` names (two bodies or more, one party possibly holding
    several), or () when it names none."""
    if "は、" not in text:
        return ()
    subject = text.split("は、", 1)[0].strip(" \u3000")
    named: list[tuple[str, str]] = []  # (label, name)
    position = 0
    for match in _DEFINED.finditer(subject):
        listed = _LEADING.sub("", subject[position : match.start()])
        # 「A、B…及びZ(以下「連携町村」という。)」: one list, one name for all of it
        *others, defined = [listed] if "と" not in listed and "及び" in listed else _TOP.split(listed)
        named += [(name, name) for name in others] + [(match["label"], defined)]
        position = match.end()
    named += [(name, name) for name in _ANY.split(_LEADING.sub("", subject[position:])) if name]
    names = [name for _, name in named]
    labels = [label for label, _ in named]
    members = [member for name in names for member in re.split(r"及び|並びに|、", name)]
    if len(members) < 2 or not all(_BODY.match(m) for m in members) or len(set(labels)) != len(labels):
        return ()
    return tuple(Party(label, name, lines=(line,)) for label, name in named)
