"""Generated found / not-found cases: framing templates × topics taken from each agreement itself.

A template is how someone asks about a text (「〜について協約上どう整理されているか」, 「〜ってどんな
ことするの」); a topic is what one agreement holds (its 取組 names, the noun phrases of its 内容, its
article headings) or what none holds (`ABSENT_TOPICS`). A topic the agreement has must be found,
the right unit first (one whose text or place holds the topic verbatim); an absent one refused.
The templates come in two halves: rules are written against `TEMPLATES_A` and checked on
`TEMPLATES_B`, which they were not built on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Answer, Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus
from kyoyaku_search.search.tokenizer import Tokenizer, fold

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
SEED = Path(__file__).parent.parent / "data" / "sapporo-iwamizawa-2019.txt"
# The layouts the gate was measured on; the HTML twins ask the same as their text.
LAYOUT_FILES = (
    "chizu-tottori-2010.txt",
    "fukagawa-chippubetsu-2018.txt",
    "goshogawara-tsuruta.txt",
    "hiroshima-iwakuni-2016.txt",
    "iida-oshika-2009.txt",
    "inabe-toin-2010.txt",
    "inami-himeji-2015.txt",
    "kariya-xx-town-2021.txt",
    "matsuyama-toon-2016.txt",
    "mihara-fukuyama-2015.html",
    "mihara-fukuyama-2015.txt",
    "minamisoma-iitate-2009.txt",
    "sakaiminato-matsue-yonago-2009.txt",
    "shinjo-okura-2015.txt",
    "shiribeshi-15-2021.txt",
    "taka-kasai-kato-2015.txt",
    "tamano-okayama-2016.txt",
    "tomakomai-abira-2015.txt",
    "xx-town-xx-city-2020.txt",
    "yamaga-kumamoto-2022.txt",
    "yuzawa-ugo-2011.txt",
)

# {t}: the topic; {p}: a party of the agreement. Professional and everyday wordings, mixed.
TEMPLATES_A = (
    "{t}について協約上どう整理されているか。",
    "{t}に関する{p}の所掌を確認したい。",
    "{t}の条文上の表現を資料に載せたい。",
    "{t}ってどんなことするの？",
    "{t}はどうなってるの？",
    "{t}に関する{p}の責務は協約上どう規定されていますか。",
    "{t}の該当箇所はどこか。",
    "{t}について協約ではどのような位置付けか。",
    "{t}は協約の対象に含まれているか。",
    "{t}に関する連携の全体像を知りたい。",
    "議会答弁用に、{t}に関する記述を確認したい。",
    "{t}について{p}は何を担当するの？",
    "{t}のことって協約に書いてある？",
    "{t}ってどういう扱いになってる？",
    "{t}で{p}がやることを教えて",
    "記事を書くので、{t}についての記載内容を教えてください。",
    "{t}に関する取り決めの要旨を知りたい。",
    "{t}の件、{p}の受け持ちは？",
    "{t}についての記述を引用したい。",
    "{t}って何が書いてあるの",
    "{t}について、協約はどのように定めていますか。",
    "{t}の部分の文言を確認したい。",
)
TEMPLATES_B = (
    "{t}について協約上の取扱いを教えてください。",
    "{t}に関して{p}の分掌はどうなっているか。",
    "{t}の記載箇所を示してほしい。",
    "{t}ってなにやるの？",
    "{t}はどんな感じ？",
    "{t}に関する{p}の任務を確認したい。",
    "{t}に係る規定ぶりを確認したい。",
    "{t}についての協約上の整理を教えて。",
    "{t}がどう書かれているか、原文のまま知りたい。",
    "{t}に関して協約で何か決まってる？",
    "{t}について{p}はどんな立ち位置？",
    "{t}の中身をざっくり教えて",
    "委員会資料に{t}の記述を載せたい。該当部分はどこ？",
    "{t}の取扱いについて協約上どう記載されているか。",
    "{t}って協約のどこに出てくる？",
    "{t}に関する記述の有無を確認したい。",
    "{t}のとこ、どうなってんの？",
    "{t}の位置付けを整理したい。",
    "{t}で{p}は何をするって書いてある？",
    "{t}についての記載を確認させてください。",
    "{t}って協約だとどう扱われてるの？",
    "{t}に関する{p}の分担内容を一覧で把握したい。",
)
# Things, services, facilities, events and duties no agreement of the fixtures mentions.
ABSENT_TOPICS = (
    "除雪",
    "火葬場",
    "上下水道",
    "路線バス",
    "ごみ収集",
    "市民プール",
    "斎場",
    "学校給食",
    "介護保険料",
    "固定資産税",
    "競馬場",
    "野球場",
    "動物園",
    "水族館",
    "国民健康保険",
    "ふるさと納税",
    "墓地",
    "公営住宅",
    "選挙管理",
    "住民票",
    "駐輪場",
    "路面電車",
    "原子力",
    "花火大会",
    "議員報酬",
    "下水道料金",
    "ペット",
    "献血",
    "鳥インフルエンザ",
    "宝くじ",
    "競輪",
    "温泉",
    "市営地下鉄",
    "給食センター",
)


@dataclass(frozen=True)
class Case:
    layout: str
    template: str
    topic: str
    question: str
    present: bool  # the agreement has the topic


def layout_corpora() -> dict[str, Corpus]:
    """The seed and every loadable fixture layout, each as a corpus of its own."""
    paths = [SEED, *(FIXTURES / name for name in LAYOUT_FILES)]
    stems = [path.stem for path in paths]
    # A text and its HTML twin share a stem; both are measured, so the twin is named in full.
    names = [path.name if stems.count(path.stem) > 1 and path.suffix != ".txt" else path.stem for path in paths]
    return {name: build_corpus([parse_file(path).agreement]) for name, path in zip(names, paths, strict=True)}


def topics(corpus: Corpus, limit: int = 12) -> list[str]:
    """What the agreement holds: 取組 names, noun phrases of 内容, article headings (short ones)."""
    found: list[str] = []
    for unit in corpus.units:
        if unit.kind == "row" and unit.initiative:
            found.append(unit.initiative)
            found.extend(_noun_phrases(corpus, unit.text)[:1])
        elif unit.kind == "article" and unit.context:
            found.append(unit.context)
    # a party's own name or label (「連携町村」, the label of fifteen 町村) says who, never what
    parties = {each for p in corpus.party_names for each in (p.name, p.label)}
    usable = [t for t in dict.fromkeys(found) if 2 <= len(t) <= 14 and not t.startswith("その他") and t not in parties]
    step = max(1, len(usable) // limit)
    return usable[::step][:limit]


def _noun_phrases(corpus: Corpus, text: str) -> list[str]:
    """Runs of two or more nouns, 3–10 characters (「企業誘致」「観光資源」)."""
    runs, run = [], []
    for token in [*corpus.tokenizer.tokens(text), None]:
        if token is not None and token.pos[0] == "名詞" and (not run or run[-1].end == token.begin):
            run.append(token)
            continue
        phrase = "".join(t.surface for t in run)
        if len(run) > 1 and 3 <= len(phrase) <= 10:
            runs.append(phrase)
        run = [token] if token is not None and token.pos[0] == "名詞" else []
    return runs


def absent_topics(corpora: Sequence[Corpus]) -> list[str]:
    """`ABSENT_TOPICS` that no loaded agreement holds verbatim."""
    return [t for t in ABSENT_TOPICS if not any(c.occurs(fold(t)) for c in corpora)]


def cases(layout: str, corpus: Corpus, templates: Sequence[str], absent: Sequence[str]) -> Iterator[Case]:
    party = corpus.party_names[0].name if corpus.party_names else "市"
    for template in templates:
        for topic in topics(corpus):
            yield Case(layout, template, topic, template.format(t=topic, p=party), True)
        for topic in absent:
            yield Case(layout, template, topic, template.format(t=topic, p=party), False)


def found(answer: Answer) -> bool:
    return answer.status not in (Status.NO_MATCH, Status.NOT_PARTY) and bool(answer.hits)


def right_first(case: Case, answer: Answer) -> bool:
    """Found, with a unit first whose text or place holds the topic verbatim."""
    if not found(answer):
        return False
    unit = answer.hits[0].unit
    return fold(case.topic) in fold(f"{unit.context}\n{unit.text}\n{unit.initiative or ''}")


def run(corpus: Corpus, case: Case) -> Answer:
    return ask(corpus, case.question)


def corpora_of(names: Iterable[str], tokenizer: Tokenizer) -> dict[str, Corpus]:
    """One corpus per agreement a case table names (a fixture's name with or without its suffix, or
    the seed's), keyed by the name as written."""
    return {name: build_corpus([parse_file(_path_of(name)).agreement], tokenizer) for name in sorted(set(names))}


def _path_of(name: str) -> Path:
    stem = name.removesuffix(".txt")
    if stem == SEED.stem:
        return SEED
    return FIXTURES / (name if Path(name).suffix else f"{name}.txt")
