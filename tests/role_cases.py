"""Generated role questions: for every role cell of every layout, the cell's party named in each way
people name it × the cell's 取組 said by its title or by a shorter everyday phrase × a few ways of
asking for a role. The cell must come first; measured by benchmarks/role_gate.py, and a part of it
held in tests/test_role_cases.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Answer, Status
from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.names import local_name, short_name
from kyoyaku_search.search.units import Unit

from .framing_cases import _noun_phrases as noun_phrases

# {p}: the party as named; {t}: the 取組 as said. Everyday and staff wordings.
TEMPLATES = (
    "{p}の{t}での役割は",
    "{p}は{t}で何をするの？",
    "{t}について{p}は何をする",
    "{t}、{p}の担当は？",
    "{p}が{t}でやることを教えて",
)
# Words a 取組's title ends with that say how, not what (「…の推進」「…の充実」): the topic without
# them is how one asks (「公共交通」 for 「地域公共交通の利用促進」).
_HOW = re.compile(
    r"(?:の|に関する|に係る|における)?(?:推進|充実|強化|確保|促進|支援|連携|向上|整備|構築|実施|取組|事業)$"
)


@dataclass(frozen=True)
class RoleCase:
    layout: str
    cell: str  # the unit id expected first
    same: frozenset[str]  # cells that are as right (one 取組 spanning several rows: same party, same title)
    form: str  # how the party is named: name, local, short, kana, label, own, center
    question: str
    topic: str = ""  # how the 取組 is said: title, plain, content, cell


def party_forms(corpus: Corpus, unit: Unit) -> dict[str, str]:
    """The ways a question names the cell's party, keyed by kind."""
    name = unit.party or ""
    local = local_name(name)
    forms = {"name": name, "local": local, "short": short_name(local)}
    reading = corpus.tokenizer.reading(local)
    if reading and reading != local:
        forms["kana"] = _hiragana(reading)
    reading = corpus.tokenizer.reading(short_name(local))
    if len(reading) >= 3 and reading != short_name(local):  # 「うご」「ちづ」 alone are other words
        forms["kana-short"] = _hiragana(reading)
    labels = {p.label for p in corpus.agreements[0].parties if p.labelled}
    if unit.party_label in labels:
        forms["label"] = unit.party_label
    if local[-1:] in "市町村":  # the asker's own, said who asks: 「智頭町の職員です。うちの町の…」
        forms["own"] = OWN.format(local=local, kind=local[-1])
    center = _center(corpus)
    if center is not None:
        forms["center"] = "中心市" if unit.party_label == center else "周辺の" + (local[-1:] or "町")
    return forms


OWN = "{local}の職員です。うちの{kind}"
# 「中心市宣言…を行った甲」: the party that declared itself the 中心市 of a 定住自立圏
_DECLARED = re.compile(r"中心市宣言.{0,200}?を(?:連名で)?行った([甲乙丙])(?!及び)", re.S)


def _center(corpus: Corpus) -> str | None:
    text = "\n".join(u.text for u in corpus.units if u.kind in ("preamble", "article"))
    match = _DECLARED.search(text)
    return match[1] if match else None


def topics(corpus: Corpus, unit: Unit) -> dict[str, str]:
    """The 取組 by its title, by the title without its how-word when that leaves a topic, and by a
    noun phrase of its 内容 or of the cell itself that no other row holds."""
    said = _titles(unit)
    kana = _spelled_out(corpus, said.get("plain", said["title"]))
    if kana:
        said["kana"] = kana
    row = next((u for u in corpus.units if u.id == unit.row_id), None)
    for key, text in (("content", row.text if row and row.text != unit.initiative else ""), ("cell", unit.text)):
        phrase = next((p for p in _noun_phrases(corpus, text) if _one_row(corpus, unit, p)), None)
        if phrase and phrase not in said.values():
            said[key] = phrase
    return said


def _spelled_out(corpus: Corpus, text: str) -> str:
    """The text as typed in hiragana, a space after each particle (「ろせんばすの いじ」); empty when
    a word has no kana reading."""
    out = []
    for token in corpus.tokenizer.tokens(text):
        if not re.fullmatch("[ァ-ヶー]+", token.reading or ""):
            return ""
        out.append(_hiragana(token.reading) + (" " if token.pos[0] == "助詞" else ""))
    return "".join(out).strip()


def _one_row(corpus: Corpus, unit: Unit, phrase: str) -> bool:
    """No other row, and no article, holds every word of the phrase (「利用促進」 is 利用 and 促進 of many)."""
    words = set(corpus.tokenizer.terms(phrase))
    holding = {u.row_id or u.id for u in corpus.units if words <= set(corpus.tokenizer.terms(u.search_text))}
    return holding == {unit.row_id}


def _noun_phrases(corpus: Corpus, text: str) -> list[str]:
    """The framing cases' runs of nouns with no party label or name in them."""
    return [phrase for phrase in noun_phrases(corpus, text) if not re.search("[甲乙丙市町村]", phrase)]


def _titles(unit: Unit) -> dict[str, str]:
    title = (unit.initiative or "").strip()
    said = {"title": title}
    plain = _HOW.sub("", title)
    while plain != title and _HOW.search(plain):  # 「…の推進及び充実」 has more than one
        title, plain = plain, _HOW.sub("", plain)
    if 2 <= len(plain) < len(said["title"]):
        said["plain"] = plain
    return said


def cases(layout: str, corpus: Corpus) -> Iterator[RoleCase]:
    cells = [u for u in corpus.units if u.kind == "role"]
    said = {u.id: topics(corpus, u) for u in cells}
    for unit in cells:
        if re.search("[A-Za-z]", unit.party or ""):  # 「xx町」: a name an aggregator masked, asked by no one
            continue
        same = frozenset(u.id for u in cells if u.initiative == unit.initiative and u.party_label == unit.party_label)
        for form, named in party_forms(corpus, unit).items():
            for topic, words in said[unit.id].items():
                for template in TEMPLATES:
                    yield RoleCase(layout, unit.id, same, form, _asked(template, named, words), topic)


def _asked(template: str, named: str, said: str) -> str:
    """The question; the asker's own city is said first (「…の職員です。」), then 「うちの町」."""
    if "。" in named:
        who, own = named.split("。", 1)
        return f"{who}。{template.format(p=own, t=said)}"
    return template.format(p=named, t=said)


@dataclass(frozen=True)
class Verdict:
    kind: str  # right, refused, wrong-party, wrong-unit
    got: str


def judge(case: RoleCase, answer: Answer) -> Verdict:
    if answer.status in (Status.NO_MATCH, Status.NOT_PARTY) or not answer.hits:
        return Verdict("refused", f"@{answer.status}")
    first = answer.hits[0].unit
    if first.id in case.same:
        return Verdict("right", first.id)
    if first.kind == "role" and first.row_id and case.cell.startswith(first.row_id + "/"):
        return Verdict("wrong-party", first.id)
    return Verdict("wrong-unit", first.id)


def run(corpus: Corpus, case: RoleCase) -> Verdict:
    return judge(case, ask(corpus, case.question))


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in katakana)
