"""Parties a preamble names by their own names, not as 甲/乙: the subject of its sentence,
before 「は、」, lists them, some with a short name of their own —
「福山市及び三原市は、」, 「特別区長会と京都府市長会及び京都府町村会(以下「京都府市長会・町村会」
という。)は、」 (two bodies defined together as one party), 「鳥取県(以下「県」という。)と日野町
(以下「町」という。)は、」. Each party's label is its short name, else its name."""

from __future__ import annotations

import re

from ..model import Party

# 「(以下「県」という。)」「(以下これらを「京都府市長会・町村会」という。)」
_DEFINED = re.compile(
    r"[（(][ \u3000]*以下(?:これらを|これを|両者を)?[「『](?P<label>[^「」『』（）()]{1,15})[」』]という。?[）)]"
)
# A body that can be a party: a prefecture or municipality, an association of them (市長会,
# 町村会), a 組合 or 広域連合. The words must be a name, not a phrase with particles.
_BODY = re.compile(r"^[^\s、。「」（）()をにがでのは]{1,20}?(?:[都道府県市町村区]|会|組合|連合)$")
# Between parties: と at the top level; 及び/並びに/、 also join the members of one defined party.
_TOP = re.compile(r"と|、")
_ANY = re.compile(r"と|及び|並びに|、")
_LEADING = re.compile(r"^(?:と|及び|並びに|、)")


def subject_parties(text: str, line: int) -> tuple[Party, ...]:
    """The parties the subject of `text` names (two or more), or () when it names none."""
    if "は、" not in text:
        return ()
    subject = text.split("は、", 1)[0].strip(" \u3000")
    named: list[tuple[str, str]] = []  # (label, name)
    position = 0
    for match in _DEFINED.finditer(subject):
        *others, defined = _TOP.split(_LEADING.sub("", subject[position : match.start()]))
        named += [(name, name) for name in others] + [(match["label"], defined)]
        position = match.end()
    named += [(name, name) for name in _ANY.split(_LEADING.sub("", subject[position:])) if name]
    names = [name for _, name in named]
    labels = [label for label, _ in named]
    members = [member for name in names for member in re.split(r"及び|並びに", name)]
    if len(named) < 2 or not all(_BODY.match(m) for m in members) or len(set(labels)) != len(labels):
        return ()
    return tuple(Party(label, name, lines=(line,)) for label, name in named)
