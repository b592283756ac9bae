"""Lookups a corpus builds once so that a question costs the same at 45 units or 100,000.

`NameLookup` finds the party names (written or read in kana) a question contains by looking
up the question's own substrings, instead of searching the question for every name of every
party; `UnitColumns` holds each unit's agreement, kind and role party as NumPy columns, so the
units a question may be answered from are a few array comparisons, not a Python loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..model import Agreement
from .tokenizer import Tokenizer
from .units import KINDS, Unit

MUNICIPAL_SUFFIXES = ("市", "町", "村", "区")
# Readings shorter than this are too ambiguous to stand for a party (「イワ」).
MIN_READING = 3
# Bytes of unit masks UnitColumns.remembered keeps (a byte per unit each).
MASK_BYTES = 1 << 22


@dataclass(frozen=True)
class PartyName:
    """One way a question may name a party of one agreement."""

    agreement_id: str
    label: str
    name: str  # 岩見沢市
    forms: tuple[str, ...]  # 岩見沢市, 岩見沢
    readings: tuple[str, ...]  # イワミザワシ, イワミザワ
    standing: tuple[str, ...] = ()  # 中心市, 周辺の町: its place in the 圏域, as the agreement defines it


@dataclass(frozen=True)
class NameTable:
    """Names (forms or readings) → the parties they name, tried longest first."""

    entries: tuple[tuple[str, PartyName], ...]  # longest first; equal lengths keep corpus order
    _ranks: dict[str, tuple[int, ...]] = field(repr=False, compare=False)
    _lengths: tuple[int, ...] = field(repr=False, compare=False)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, PartyName]]) -> NameTable:
        entries = tuple(sorted(pairs, key=lambda pair: -len(pair[0])))
        ranks: dict[str, tuple[int, ...]] = {}
        for rank, (name, _) in enumerate(entries):
            ranks[name] = ranks.get(name, ()) + (rank,)
        return cls(entries, ranks, tuple(sorted({len(name) for name, _ in entries})))

    def found_in(self, text: str) -> list[tuple[str, PartyName]]:
        """The entries whose name occurs in `text`, in the table's order."""
        if len(self.entries) <= len(text) * len(self._lengths):  # few names: try each one
            return [entry for entry in self.entries if entry[0] in text]
        ranks: set[int] = set()
        for length in self._lengths:
            for start in range(len(text) - length + 1):
                ranks.update(self._ranks.get(text[start : start + length], ()))
        return [self.entries[rank] for rank in sorted(ranks)]


@dataclass(frozen=True)
class NameLookup:
    written: NameTable  # 岩見沢市, 岩見沢
    spoken: NameTable  # イワミザワシ, イワミザワ
    standing: NameTable  # 中心市, 周辺の町
    known_forms: frozenset[str]
    by_label: dict[str, tuple[PartyName, ...]]  # 甲 → every agreement's 甲, in corpus order

    @classmethod
    def of(cls, party_names: Sequence[PartyName]) -> NameLookup:
        return cls(
            written=NameTable.of((form, p) for p in party_names for form in p.forms),
            spoken=NameTable.of((r, p) for p in party_names for r in p.readings if len(r) >= MIN_READING),
            standing=NameTable.of((word, p) for p in party_names for word in p.standing),
            known_forms=frozenset(form for p in party_names for form in p.forms),
            by_label={
                label: tuple(p for p in party_names if p.label == label)
                for label in dict.fromkeys(p.label for p in party_names)
            },
        )


@dataclass(frozen=True)
class UnitColumns:
    """Per unit: its agreement, its kind and, for a role cell, its party, as integer codes."""

    agreement: np.ndarray  # index into agreement_ids
    kind: np.ndarray  # index into units.KINDS
    party: np.ndarray  # index into parties; -1 for units that are not role cells
    agreement_ids: dict[str, int]
    parties: dict[tuple[str, str], int]  # (agreement id, label)
    _masks: dict[Hashable, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, units: Sequence[Unit]) -> UnitColumns:
        agreement_ids: dict[str, int] = {}
        parties: dict[tuple[str, str], int] = {}
        agreement = np.array(
            [agreement_ids.setdefault(u.agreement_id, len(agreement_ids)) for u in units], dtype=np.int32
        )
        kind = np.array([KINDS.index(u.kind) for u in units], dtype=np.int8)
        party = np.array(
            [
                parties.setdefault((u.agreement_id, u.party_label), len(parties))
                if u.kind == "role" and u.party_label
                else -1
                for u in units
            ],
            dtype=np.int32,
        )
        return cls(agreement, kind, party, agreement_ids, parties)

    def remembered(self, key: Hashable, make: Callable[[], np.ndarray]) -> np.ndarray:
        """The unit mask `make()` builds, remembered under `key` while MASK_BYTES allows: the same
        few masks (a party's units, an agreement's) recur question after question. Read-only, as
        every caller shares it."""
        mask = self._masks.get(key)
        if mask is None:
            mask = make()
            mask.flags.writeable = False
            if (len(self._masks) + 1) * len(self.kind) <= MASK_BYTES:
                self._masks[key] = mask
        return mask

    def in_agreements(self, agreement_ids: Iterable[str], positions: np.ndarray | None = None) -> np.ndarray:
        """Per unit (or per unit at `positions`): is it in one of these agreements?"""
        return _member(_at(self.agreement, positions), [self.agreement_ids.get(a) for a in agreement_ids])

    def of_kinds(self, kinds: Iterable[str], positions: np.ndarray | None = None) -> np.ndarray:
        codes = [KINDS.index(k) for k in kinds]
        if positions is None:
            return _member(self.kind, codes)
        # A ranking asks of its matched units, question after question, for the same few kinds.
        return self.remembered(("kinds", tuple(codes)), lambda: _member(self.kind, codes))[positions]

    def of_parties(self, parties: Iterable[tuple[str, str]], positions: np.ndarray | None = None) -> np.ndarray:
        """Role cells of the given (agreement id, label) parties."""
        return _member(_at(self.party, positions), [self.parties.get(p) for p in parties])


def _at(column: np.ndarray, positions: np.ndarray | None) -> np.ndarray:
    return column if positions is None else column[positions]


def _member(column: np.ndarray, codes: Sequence[int | None]) -> np.ndarray:
    """column ∈ codes (None: a name the corpus does not have, never a member)."""
    known = sorted({code for code in codes if code is not None})
    if len(known) > 8:  # many parties (every 甲 of a national corpus): one sorted lookup
        return np.isin(column, known)
    mask = np.zeros(len(column), dtype=bool)
    for code in known:
        mask |= column == code
    return mask


def short_name(name: str) -> str:
    """岩見沢市 → 岩見沢; names of one character plus suffix (「津市」) stay whole."""
    for suffix in MUNICIPAL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def party_names(tokenizer: Tokenizer, agreements: Sequence[Agreement]) -> Iterator[PartyName]:
    for agreement in agreements:
        standing = standings(agreement)
        for party in agreement.parties:
            forms = name_forms(party.name)
            readings = tuple(dict.fromkeys(tokenizer.reading(form) for form in forms))
            yield PartyName(agreement.id, party.label, party.name, forms, readings, standing.get(party.label, ()))


# A 定住自立圏 agreement says who declared itself the 中心市 (「中心市宣言（…）を行った甲と、甲が行った
# 中心市宣言に賛同した乙」, 「…を連名で行った甲及び乙と当該中心市宣言に賛同した丙」, 「…を行った甲と、
# 近隣町の乙」): people then ask about the parties by that standing (「中心市の役割」「周辺の町は何をする」).
_DECLARED = re.compile(r"中心市宣言.{0,200}?を(?:連名で)?行った([甲乙丙](?:及び[甲乙丙])*)", re.S)
CENTRE = ("中心市",)
# The partner's standing: the words of the 定住自立圏 scheme, and 「周辺の町」 by its own kind.
PARTNER = (
    "周辺市町村",
    "連携市町村",
    "周辺市町",
    "周辺町村",
    "周辺自治体",
    "周辺の自治体",
    "周辺の市町村",
    "近隣市町村",
)


def standings(agreement: Agreement) -> dict[str, tuple[str, ...]]:
    """Label → the words the 圏域 scheme calls that party (中心市; 周辺市町村, 周辺の町), when the
    agreement says who declared itself the 中心市 (the others joined it); empty otherwise."""
    text = "\n".join([agreement.preamble.text, *(article.text for article in agreement.articles[:2])])
    declared = _DECLARED.search(text)
    if declared is None:
        return {}
    centres = _JOINT.split(declared[1])
    partners = [party.label for party in agreement.parties if party.label not in centres]
    words: dict[str, tuple[str, ...]] = {label: CENTRE for label in centres}
    if len(partners) == 1 and (party := agreement.party(partners[0])) is not None:
        kind = local_name(party.name)[-1:]
        own = (f"周辺の{kind}", f"周辺{kind}", f"近隣の{kind}") if kind and kind in "市町村" else ()
        words[partners[0]] = PARTNER + own
    return words


def name_forms(name: str) -> tuple[str, ...]:
    """山口県岩国市 → 山口県岩国市, 岩国市, 岩国: a party defined with its prefecture or 郡 is
    asked about by the municipality's own name. Two cities defined as one party (「加西市及び
    加東市（以下これらを「甲」という。）」) are each asked about by their own name."""
    members = [each for each in _JOINT.split(name) if each]
    if len(members) > 1:  # a member an aggregator masked (「xx町」, three towns of one list) names no one
        members = [each for each in members if not _MASKED.search(each)] or [name]
    forms = [name]
    for member in members if len(members) > 1 else [name]:
        local = local_name(member)
        forms += [member, short_name(member), local, short_name(local)]
    return tuple(dict.fromkeys(forms))


_JOINT = re.compile(r"及び|並びに|・|、")
_MASKED = re.compile(r"xx")


_PREFIX = re.compile(r"^(?:(?:北海道|東京都|京都府|大阪府|[^\s]{2,3}?県)(?=.{2,}))?(?:[^\s]{1,4}?郡(?=.{2,}))?")


def local_name(name: str) -> str:
    """The municipality without its prefecture or 郡: 山口県岩国市 → 岩国市, 八頭郡智頭町 → 智頭町."""
    return name[_PREFIX.match(name).end() :] or name
