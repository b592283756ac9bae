"""Reading a question once (`read`): its text in each form the stages need, its words, whom it
names, what kind of answer it asks for, and the wording facts several stages test.

Every stage used to fold, search and walk the question's text again for what it needed (the
kind's words, 「両市」, 「一覧」, 「協力して」, the runs of nouns). A `Reading` holds each of these
once: the forms and words as fields, the facts the fewer questions need as properties worked
out on first use and kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..search.corpus import Corpus, initiative_key
from ..search.names import PartyName
from ..search.phrases import MIN_PHRASE, SHORT_PHRASE, PhraseMatch, quotation_like, without_repeated_breaks
from ..search.spelling import Correction
from ..search.tokenizer import Token, compound_runs, fold
from .backdrop import backdrop_terms
from .cleaning import clean_question
from .framing import ASKS_ALL
from .kinds import (
    ARTICLE_KINDS,
    BOTH,
    KIND_PATTERNS,
    KIND_WORDS,
    TOGETHER,
    QuestionKind,
    both_only_do,
    both_only_modify,
    question_kind,
)
from .parties import LABEL_CHARS, MASK, find_parties, labelled, names_role, only_names_parties, read_labels
from .records import derived, record
from .roles import ROLE_OF, SIDE
from .strangers import outsiders
from .typos import correct_typos

_LABEL_SET = frozenset(LABEL_CHARS)
_NOUN = frozenset({"名詞"})


@record
class Reading:
    """A question as read, before anything is weighed: the forms of its text, its words, whom
    it names and the kind of answer it asks for."""

    text: str  # cleaned, as the user wrote it
    folded: str  # NFKC, 甲/乙 and other words heard in kana written out, typos corrected
    masked: str  # `folded` with the parties, 甲/乙 and municipalities that are no party masked
    tokens: tuple[Token, ...]  # Sudachi's words of `folded` with the parties masked
    words: tuple[Token, ...]  # the words of `masked` (the same as `tokens` when it names no label or outsider)
    said: str  # the text `words` were read from (`masked`, NFKC-folded): their surfaces, end to end
    split: tuple[tuple[str, bool], ...]  # the index terms of `words`, and whether each is a sub-word
    phrase: PhraseMatch | None  # the longest run (≥ 6 characters) some unit holds verbatim
    parties: tuple[PartyName, ...]  # parties named (by name, reading or 甲/乙)
    labels: tuple[str, ...]  # 甲/乙 written as such
    outsiders: tuple[str, ...]  # municipalities named that are not parties
    corrections: tuple[Correction, ...]  # words heard in kana, typos and slipped names, read as the corpus's
    readings: tuple[Correction, ...]  # hiragana runs read as the corpus's words (spelling.read)
    kind: QuestionKind
    backdrop: frozenset[str]  # terms only the question's backdrop holds (answering/backdrop.py)
    initiatives: tuple[str, ...]  # 取組 named in full (as `initiative_key`), longest match only
    kind_phrases: tuple[str, ...]  # the words of `folded` (two characters or more) that ask for the kind
    noun_runs: tuple[tuple[int, int], ...]  # (start, end) of each run of two or more nouns in `words`

    @derived
    def folded_text(self) -> str:
        """The text as the user wrote it, NFKC-folded (no reading or correction)."""
        return fold(self.text)

    def asks_kind(self, word: str) -> bool:
        """Whether a word asks for the kind of answer, whole (kinds.kind_word: 「効力」「費用負担」) or
        inside the words that ask for it."""
        return KIND_WORDS[self.kind](word) or any(word in phrase for phrase in self.kind_phrases)

    @derived
    def asks_for_both(self) -> bool:
        """「両市」「双方」「甲と乙」: the question is about every party, whichever it also names."""
        return BOTH.search(self.folded) is not None

    @derived
    def asks_for_both_named(self) -> bool:
        """`asks_for_both`, unless a party is named and every such word only modifies a thing (「両市の人事交流」)."""
        if not self.asks_for_both or both_only_modify(self.folded):
            return False
        if len({p.name for p in self.parties}) != 1:
            return True
        return not both_only_do(self.folded, [*(f for p in self.parties for f in p.forms), *self.labels])

    @derived
    def asks_all(self) -> bool:
        """「全部」「一覧」「すべて」: the whole list is asked for (in the text as written)."""
        return ASKS_ALL.search(self.text) is not None

    @derived
    def together(self) -> bool:
        """「協力」「一緒」「両市が共に」: what the parties do together (in the text as written)."""
        return TOGETHER.search(self.text) is not None


def read(corpus: Corpus, text: str) -> Reading:
    """Read `text` once. Raises QuestionError for an empty or over-long question."""
    cleaned = clean_question(text)
    # A run the agreement holds verbatim is text: no typo is corrected in it, and a party name or
    # 甲/乙 inside it is part of the quotation, not a filter.
    heard_text, heard = read_labels(without_repeated_breaks(fold(cleaned)))
    folded, typos = correct_typos(corpus, heard_text)
    initiatives = named_initiatives(corpus, folded)
    phrase = _quotation(corpus, heard_text, initiatives)
    quoted = range(phrase.start, phrase.end) if phrase else range(0)
    masked, parties, slips = find_parties(corpus, folded, quoted)
    tokens, split = corpus.tokenizer.analyse(masked)
    # 「甲」「乙」, and 「甲乙」 as Sudachi keeps it, one word (most questions have no label character)
    labels = () if _LABEL_SET.isdisjoint(masked) else _labels(tokens, quoted)
    parties += tuple(p for p in labelled(corpus, labels) if p not in parties)
    strangers = outsiders(corpus, tokens, party_named=bool(parties))
    # Neither a label nor a municipality that is not a party is a topic to search for.
    words = tokens
    if labels or strangers:
        for name in (*labels, *strangers):
            masked = masked.replace(name, MASK * len(name))
        words, split = corpus.tokenizer.analyse(masked)
    run = heard_text[phrase.start : phrase.end] if phrase else ""
    # the runs of two or more nouns, read once: the words' when they are the tokens (most questions)
    compounds = tuple((start, end) for start, end in compound_runs(tokens, _NOUN) if end - start > 1)
    unheld = _unheld(corpus, folded, tokens, compounds, initiatives, run, parties)
    kind = question_kind(unheld, len({p.name for p in parties}))
    if kind is QuestionKind.CONSULT and len({p.name for p in parties}) == 1 and _consults_in_role(masked):
        # 「バス会社と協議するのは新庄市側の役割ですか」「バス会社との話し合いは乙がやることになってるの」:
        # the party's role is asked; 協議 is what it does
        kind = QuestionKind.ROLE
    return Reading(
        text=cleaned,
        folded=folded,
        masked=masked,
        tokens=tuple(tokens),
        words=tuple(words),
        said=fold(masked),
        split=tuple(split),
        phrase=phrase,
        parties=parties,
        labels=labels,
        outsiders=strangers,
        corrections=(*heard, *typos, *slips),
        readings=tuple(corpus.spelling.read(masked, corpus.occurs)),
        kind=kind,
        backdrop=backdrop_terms(corpus.tokenizer, masked),
        initiatives=initiatives,
        kind_phrases=_kind_phrases(kind, folded),
        noun_runs=compounds
        if words is tokens
        else tuple((start, end) for start, end in compound_runs(words, _NOUN) if end - start > 1),
    )


# A party's name (masked) then its role: 「新庄市側の役割」「乙の担当」 (not its 担当者, who meets).
_PARTY_ROLE = re.compile(f"{MASK}{SIDE}?{ROLE_OF}(?!者)")


def _consults_in_role(masked: str) -> bool:
    """The one party's role named (「新庄市側の役割」), or what it does (「乙がやること」)."""
    return _PARTY_ROLE.search(masked) is not None or _PARTY_DOES.search(masked) is not None


# The party (masked) as who does it, then what it does: 「乙がやること」「乙は何をする」.
_PARTY_DOES = re.compile(f"{MASK}(?:が|は)[^。？?]{{0,6}}?(?:{KIND_PATTERNS['does'].pattern})")


def _kind_phrases(kind: QuestionKind, folded: str) -> tuple[str, ...]:
    """The words of `folded`, two characters or more, that ask for `kind` (「話をする」「おかね」「分担割合」)."""
    pattern = KIND_PATTERNS.get(kind)
    return tuple(m.group(0) for m in pattern.finditer(folded) if len(m.group(0)) > 1) if pattern else ()


def _labels(tokens: Sequence[Token], quoted: range) -> tuple[str, ...]:
    """The labels (甲, 乙) the question's nouns are made of, outside a verbatim run. A label ending
    the run is asked about, as a name there is (「相互派遣について甲は何をする」: the run is 丙's cell
    「…相互派遣について甲及び乙と協議する」, the question asks what 甲 does)."""
    return tuple(
        dict.fromkeys(
            ch
            for t in tokens
            if t.pos[0] == "名詞"
            and all(ch in LABEL_CHARS for ch in t.surface)
            and not (t.begin in quoted and t.end < quoted.stop)
            for ch in t.surface
        )
    )


def _quotation(corpus: Corpus, heard_text: str, initiatives: tuple[str, ...]) -> PhraseMatch | None:
    """The longest run of the question the agreement holds verbatim, unless it says little more
    than a 取組 the question names (「る人材の育成」「資源を活用した」 of 「地域資源を活用した…」, held
    by another row's text) or the parties and their role (「三原市の役割」): those say which row
    and whose cell, they quote nothing."""
    phrase = corpus.phrases.longest(heard_text)
    if phrase is None:
        return None
    run = heard_text[phrase.start : phrase.end]
    named = _named_spans(corpus, heard_text, initiatives)
    rest = "".join(ch for at, ch in enumerate(run, phrase.start) if not any(s <= at < e for s, e in named))
    if (
        (rest != run and not quotation_like(rest))
        or (only_names_parties(corpus, run) and not _pasted(corpus, run, heard_text))
        or _names_the_agreement(corpus, run)  # 「この連携協約は」
    ):
        return None
    return phrase


def _pasted(corpus: Corpus, run: str, heard_text: str) -> bool:
    """A question that is nothing but a run of the agreement, six characters or more, is a
    paste: a quotation even where the run is mostly parties' names, as in an agreement whose
    names fill its sentences (「、特別区長会と京都府市長会・町村会」) — unless the run is one
    party's name or names a party's role (「三原市の役割」): those ask about the party."""
    whole = heard_text.strip(" \u3000。？?！!")
    return (
        len(run) >= MIN_PHRASE
        and whole == run.strip(" \u3000。？?！!")
        and run not in corpus.names.known_forms
        and not names_role(run)
    )


def _names_the_agreement(corpus: Corpus, run: str) -> bool:
    """A verbatim run that only names the agreement in the template's words (「この連携協約は」)."""
    tokens, _ = corpus.tokenizer.analyse(run)
    return all(t.term in _THE_AGREEMENT for t in tokens if t.is_content)


_THE_AGREEMENT = frozenset({"協約", "連携協約", "協定", "協約書", "協定書", "書", "本", "此の", "この", "連携"})


def _named_spans(corpus: Corpus, text: str, initiatives: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where `text` names each of `initiatives` (compared as `initiative_key`)."""
    return [m.span() for name in initiatives for m in _name_pattern(corpus, name).finditer(text)]


def _name_pattern(corpus: Corpus, name: str) -> re.Pattern[str]:
    """A 取組's name written with or without a space or 「・」 between its characters; made once
    per corpus and name, not for every question that names it."""
    return corpus.memo.get(("initiative name", name), lambda: re.compile("[ ・]?".join(map(re.escape, name))))


def _unheld(
    corpus: Corpus,
    folded: str,
    tokens: Sequence[Token],
    compounds: Sequence[tuple[int, int]],
    initiatives: tuple[str, ...],
    run: str,
    parties: Sequence[PartyName] = (),
) -> str:
    """The question and its words' normalized forms for reading its kind, without a 取組 it names,
    a long run it quotes, or a party's name: 「自治体病院の連携の取組内容」 asks about that row, not
    who the partners are, though the row's name holds 自治体 and 連携; 「京都府市長会の役割は」 asks a
    role, though the party's name holds 市長 (「札幌市長は」 still asks who signed: 長 follows the name)."""
    bodies = corpus.memo.get(("named bodies", tuple(parties)), lambda: _bodies(parties)) if parties else ()
    spans = _named_spans(corpus, folded, initiatives) + _party_spans(folded, bodies)
    spans += _held_compounds(corpus, folded, tokens, compounds)
    # a short run is common wording as often as a quotation (「協力して取り組む」 says 共に)
    if len(run) >= SHORT_PHRASE and (at := folded.find(run)) >= 0:
        spans.append((at, at + len(run)))
    if not spans:
        return folded + "\n" + "".join(t.term for t in tokens)
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    if len(spans) == 1:  # most: one name, and no generator per word to test it
        ((start, end),) = spans
        terms = (MASK if start <= t.begin and t.end <= end else t.term for t in tokens)
    else:
        terms = (MASK if any(s <= t.begin and t.end <= e for s, e in spans) else t.term for t in tokens)
    return "".join(chars) + "\n" + "".join(terms)


def _held_compounds(
    corpus: Corpus, folded: str, tokens: Sequence[Token], compounds: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Compounds of the question that hold a kind's word and that the annex itself uses
    (「相談支援」 of a role cell, 「協議会」 of a row): a thing a 取組 does, not what kind of answer
    is asked for (「羽後町が相談支援でやること」 asks a role, not how the parties consult)."""
    spans = []
    for start, end in compounds:  # the runs of two or more nouns
        begin, stop = tokens[start].begin, tokens[end - 1].end
        word = folded[begin:stop]
        if _ARTICLE_KIND_WORD.search(word) and word in _annex_text(corpus):
            spans.append((begin, stop))
    return spans


# Any kind's word an article answers (kinds.ARTICLE_KINDS), in one pattern: a compound is tried once.
_ARTICLE_KIND_WORD = re.compile("|".join(f"(?:{KIND_PATTERNS[kind].pattern})" for kind in ARTICLE_KINDS))


def _annex_text(corpus: Corpus) -> str:
    """The rows' and role cells' texts, folded, one a line."""
    return corpus.memo.get(
        ("annex text",), lambda: "\n".join(fold(u.text) for u in corpus.units if u.kind in ("row", "role"))
    )


def _party_spans(folded: str, bodies: Sequence[str]) -> list[tuple[int, int]]:
    """Where the question writes one of `bodies` (the names of named parties that are no municipality:
    「京都府市長会」, a 協議会, a 広域連合; or a party's standing: 「連携市町村は」 names a party and asks
    for no partners), unless 長 follows it. A municipality's name stays: 「札幌市と協約を結んで
    いるのは」 asks for partners by it, 「札幌市長は」 for the signer."""
    spans = []
    for form in bodies:
        start = folded.find(form)
        while start != -1:
            if folded[start + len(form) : start + len(form) + 1] != "長":
                spans.append((start, start + len(form)))
            start = folded.find(form, start + 1)
    return spans


def _bodies(parties: Sequence[PartyName]) -> tuple[str, ...]:
    """The forms (two characters or more) of `parties` that do not end as a municipality's name
    does, and their standings (連携市町村), each once, in the order the parties give them."""
    forms = [form for party in parties for form in party.forms if len(form) >= 2 and not form.endswith(_MUNICIPAL)]
    return tuple(dict.fromkeys([*forms, *(word for party in parties for word in party.standing)]))


_MUNICIPAL = ("都", "道", "府", "県", "市", "町", "村", "区")


def named_initiatives(corpus: Corpus, folded: str) -> tuple[str, ...]:
    """The 取組 whose whole name the question contains; a name inside a longer named one does not
    count (「高等教育機関の集積を活かした人材の育成」 names that row, not 「人材の育成」)."""
    known = corpus.initiatives
    if not known:
        return ()
    text = initiative_key(folded)
    lengths = corpus.initiative_lengths
    spans = [
        (start, start + length)
        for start in (match.start() for match in corpus.initiative_starts.finditer(text))
        for length in lengths.get(text[start : start + 2], ())
        if start + length <= len(text) and text[start : start + length] in known
    ]
    kept = [(s, e) for s, e in spans if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)]
    return tuple(dict.fromkeys(text[s:e] for s, e in kept))
