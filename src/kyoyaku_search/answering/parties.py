"""Who a question names: the parties (by name, short name, reading or 甲/乙), and which of them
it asks about. Municipalities that are not parties: strangers.py."""

from __future__ import annotations

import re

from ..chars import HIRAGANA, KANJI, KANJI_NOMA, KATAKANA
from ..ingest.template import LABELS
from ..search.corpus import Corpus
from ..search.names import PartyName, local_name
from ..search.phrases import quotation_like
from ..search.spelling import Correction
from ..search.tokenizer import to_katakana
from .roles import ROLE_OF, ROLE_OR_DOING_OF, SIDE, of_but_not
from .slips import misconverted_names, slip_readings, slipped_names

Mention = tuple[int, int, PartyName]  # a party named in the question: (start, end, the party)
# Replaces a recognised party name before tokenising: a symbol, so Sudachi drops it and the
# words on either side do not fuse into a new compound.
MASK = "、"
LABEL_CHARS = LABELS  # 甲乙丙…: the labels an agreement may define, as the template gives them
SUFFIXES = "市町村区"
# 甲・乙・丙 read aloud where nothing else is meant: the reading stands alone and is asked about
# (「おつって どこのこと」「こうとおつは誰」「へいとは」).
_LABEL_READINGS = {"こう": "甲", "おつ": "乙", "へい": "丙"}
_KANA_LABEL = re.compile(
    r"(?:^|(?<=[\s、。,と]))(こう|おつ|へい)"
    r"(?=\s*(?:って|とは)|と(?:こう|おつ|へい)|(?:は|が)\s*(?:だれ|誰|どこ|どちら|どっち|なに|何)"
    r"|の\s*(?:しちょう|ちょうちょう|そんちょう|市長|町長|村長|やくわり|役割))"
)
# Words of asking as heard, which Sudachi reads as other words (「なにし」 as 「はな」+「にし」,
# 「しちょうさん」 as 視聴): 何市 and the head of a municipality.
_HEARD_ASKING = (
    (re.compile(r"なにし(?=[\s?？。]|$|です|なの|か|だ)"), "何市"),
    (re.compile(r"なんこうもく"), "何項目"),
    (re.compile(r"なんこ(?!う)"), "何個"),
    (re.compile(r"なんけん"), "何件"),
    (re.compile(r"(?<!ち)きょうやく"), "協約"),  # not 今日+やく; 「ちきょうやく」 is no word either
    # the parts of an agreement asked about by name in kana, where 不足 or 付録 would not be asked
    # that way (「ふそくには なにが かいてあるの」, not 「ほいくしの ふそく」)
    (
        re.compile(r"(?:^|(?<=[\s、。]))ふそく(?=\s*(?:には|は|って)|に(?:何|なに)|の(?:中身|内容|ないよう|なかみ))"),
        "附則",
    ),
    (re.compile(r"(?:^|(?<=[\s、。の]))べっぴょう"), "別表"),
    (re.compile(r"しちょう(?=さん|さま|様|は|が|の)"), "市長"),
    (re.compile(r"そんちょう(?=さん|さま|様|は|が|の)"), "村長"),
    (re.compile(r"ちょうちょう(?=さん|さま|様)"), "町長"),
)
# After a party's name: 「の」 and a noun that is not its role (「札幌の中心部」), or the marks of the
# party a question is about (「岩見沢市は」「岩見沢市が」「岩見沢市の役割」).
_POSSESSIVE = re.compile(of_but_not("取組", "取り組", "する", "やる", "こと", "方"))
_ASKED = re.compile(f"は|が|では|も|{SIDE}|として|{ROLE_OR_DOING_OF}")
# A party's name and then its role (「三原市の役割」「乙の役目」) says whose cell is asked for
# (「…札幌と岩見沢は協力してくれる？ 岩見沢市の役割を知りたい」: the one party whose role is asked by name).
_ROLE_OF = re.compile(ROLE_OF)
_PARTY_WORK = re.compile(r"の仕事(?!探|を探)")
_TOPIC = re.compile(r"は|が")
# 「広島市が大きな災害にあったとき、岩国市は」: the party of a when-clause is the situation, not asked
_WHEN = re.compile(r"が[^。？?！!]{0,60}?(?:とき|時(?=[にはの、])|場合|際)")
_PARTNER = re.compile(f"と(?!{MASK}|して)")  # 「札幌市として」 is who acts, not a partner
_OBJECT = re.compile(r"を|に(?!は|も|と)|で(?!は|も)|から|へ")
# 「本市」「当町」「うちの市」: the asker's own municipality, which the question names where it says
# who asks (「岩見沢市議として」「岩見沢市の職員ですが」「当市（札幌市）は」).
_OWN = re.compile(
    # not inside a longer name: 熊本市, 松本市 and 岡本町 hold 本市 and 本町. (Each alternative begins
    # with a character and looks behind only after it, so the regex engine skips to where one can begin.)
    "|".join(f"{own}(?<![{KANJI}]{own})(?:市|町|村)" for own in ("本", "当", "自", "我が", "わが"))
    + "|"
    + "|".join(f"{our}の(?:市|町|村|まち)" for our in ("うち", "私たち", "わたしたち", "自分たち", "私ども"))
)
_ASKER = re.compile(
    r"(?:市|町|村)?(?:議会議員|議員|議|民|職員|役所|役場|在住|出身|に住|で働|の(?:職員|議員|者|住民))"
    # 「岩見沢市農政課です」「札幌市危機管理局の者ですが」: the asker's own office
    f"|(?:市|町|村)?[{KANJI}{KATAKANA}]{{0,10}}?(?:課|局|係|部|室|班|センター)(?:です|の者|の職員|に勤|で働|から)"
)
# Where the asker lives (「熊本市民は」「山鹿に住んでるけど」「岩見沢在住です」): a home, not the party acting.
# 「深川の人も使えますか」: its people, not 人材 or 人口
_RESIDENT = re.compile(r"(?:市|町|村)?(?:民(?!間|営|主)|在住|に住|に暮ら|の住民|の人(?:たち|達)?(?=[もがはにをの]))")
# Two parties joined and followed by the agreement's name: 「札幌市と岩見沢市の連携協約」「両市間の協定」.
_NAMES_AGREEMENT = re.compile(f"{MASK}+(?:と|及び|・){MASK}+(?:の間|間)?(?:の|で|が)?(?:連携)?(?:協約|協定)")
# One party and the agreement made with it: 「札幌との協約で岩見沢市は」 names the agreement, the asked
# party being the other one.
_AGREEMENT_WITH = re.compile(f"{MASK}+との(?:間の)?(?:連携)?(?:協約|協定)")


# A party's name and then its role (「三原市の役割」「乙の役目」) says whose cell is asked for.
_ROLE_AFTER_NAME = re.compile(ROLE_OF)


def names_role(text: str) -> bool:
    """「…の役割」「…の担当」: a party's role is named."""
    return _ROLE_AFTER_NAME.search(text) is not None


def says_own_city(text: str) -> bool:
    """「本市」「うちの市」: the asker's own municipality, whichever it is."""
    return _OWN.search(text) is not None


def only_names_parties(corpus: Corpus, run: str) -> bool:
    """Whether a verbatim run of the agreement says little more than parties' names and their role
    (「の三原市の役割」, held where an article cites the column 「三原市の役割分担…の欄」;
    「八頭郡智頭町と」 of the preamble): the asker's filter, not a quotation, as no one quotes a
    table's heading or the parties' names to ask about them."""
    names = corpus.names.known_forms
    longest = max(map(len, names), default=0)
    kept, at, cut = [], 0, False
    while at < len(run):
        form = next((run[at : at + n] for n in range(longest, 1, -1) if run[at : at + n] in names), None)
        if form is None:
            kept.append(run[at])
            at += 1
            continue
        role = _ROLE_OF.match(run, at + len(form))
        at, cut = role.end() if role else at + len(form), True
    return cut and not quotation_like("".join(kept))


# Kana that every reading above starts from: a question holding none (most) is read as it is.
# (Each substitution writes kanji, so it never makes another pattern's kana.)
_HEARD_KANA = re.compile(r"こう|おつ|へい|なにし|なん[こけ]|きょうやく|ふそく|べっぴょう|ちょう")


def read_labels(folded: str) -> tuple[str, list[Correction]]:
    """`folded` with 甲・乙・丙 (and 何市・市長 …) written for their readings, and the readings made."""
    if _HEARD_KANA.search(folded) is None:
        return folded, []
    heard = [Correction(m[1], _LABEL_READINGS[m[1]], "reading") for m in _KANA_LABEL.finditer(folded)]
    if heard:
        folded = _KANA_LABEL.sub(lambda m: _LABEL_READINGS[m[1]], folded)
    for pattern, word in _HEARD_ASKING:
        if pattern.search(folded):
            heard += [Correction(m.group(0), word, "reading") for m in pattern.finditer(folded)]
            folded = pattern.sub(word, folded)
    return folded, heard


def labelled(corpus: Corpus, labels: tuple[str, ...]) -> tuple[PartyName, ...]:
    """The parties 甲/乙 stand for, in corpus order (one label: a table, not a scan of every party)."""
    if len(labels) <= 1:
        return corpus.names.by_label.get(labels[0], ()) if labels else ()
    return tuple(p for p in corpus.party_names if p.label in labels)


def find_parties(
    corpus: Corpus, folded: str, quoted: range = range(0)
) -> tuple[str, tuple[PartyName, ...], list[Correction]]:
    """Mask each party name (written, or read in kana, or typed with a slip: said in the returned
    corrections) and return who was named; a name inside
    `quoted` (a verbatim run of the agreement) is text, not a party, and so are the names that
    only name the agreement or a place (see `_subjects`)."""
    chars = list(folded)
    mentions: list[Mention] = []
    names = corpus.names
    masked: set[tuple[int, int]] = set()  # one name may be a party of several agreements (札幌市)
    for form, party in names.written.found_in(folded):
        for start in _occurrences(folded, form):
            end = start + len(form)
            if (start, end) in masked:
                mentions.append((start, end, party))
                continue
            # a name ending the verbatim run (「…交流・移住促進、札幌市は」) is asked about; one the run
            # goes on past (「札幌市都心部の再開発」) is quoted text
            inside = start in quoted and end < quoted.stop
            # masked already: a mask put there, not a 、 of the name itself (「島xx、寿都町、…」, a list)
            taken = MASK in chars[start:end] and any(chars[at] == MASK != folded[at] for at in range(start, end))
            if taken or inside or _in_compound(folded, start, end, corpus.text_blob):
                continue
            if _inside_a_name(corpus, folded, start, form):
                continue
            start -= _region_before(folded, start, party)  # 「北海道深川市」: the party with its prefecture
            chars[start:end] = MASK * (end - start)
            masked.add((start, end))
            mentions.append((start, end, party))
    for word, party in names.standing.found_in(folded):  # 「中心市は」「周辺の町の役割」
        for start in _occurrences(folded, word):
            end = start + len(word)
            # 「中心市街地」「中心市宣言」 are other words; two joint 中心市 are both named
            if (start, end) not in masked and (MASK in chars[start:end] or start in quoted or _goes_on(folded, end)):
                continue
            chars[start:end] = MASK * len(word)
            masked.add((start, end))
            mentions.append((start, end, party))
    mentions += _misconverted(corpus, chars, quoted, slips := [])
    kana = to_katakana("".join(chars))
    for reading, party in names.spoken.found_in(kana):
        for start in _occurrences(kana, reading):
            end = start + len(reading)
            if start not in quoted and all(_is_kana(ch) for ch in chars[start:end]):
                if end < len(chars) and party.name[-1] in SUFFIXES and chars[end] == party.name[-1]:
                    end += 1  # 「いわみざわ市」: the kana name and its written 市
                chars[start:end] = MASK * (end - start)
                mentions.append((start, end, party))
    if not mentions:  # 「いわみさわ市」「さっぽrp」: a name typed with a slip, when none is written right
        is_word = corpus.spelling.readings.__contains__
        readings = corpus.memo.get(("slip readings",), lambda: slip_readings(corpus.party_names))
        for start, end, party in slipped_names("".join(chars), readings, is_word):
            if start in quoted:
                continue
            if end < len(chars) and party.name[-1] in SUFFIXES and chars[end] == party.name[-1]:
                end += 1
            if not any(c.before == folded[start:end] for c in slips):
                slips.append(Correction(folded[start:end], party.name, "reading"))
            chars[start:end] = MASK * (end - start)
            mentions.append((start, end, party))
    mentions += _by_kind(corpus, folded, chars)
    own = _OWN.search(folded)  # 「本市」「うちの町」, read once for the rules below
    if own is not None:  # 「岩見沢市議です。本市の…」: who asks (市議) is no topic either
        for _, end, _ in mentions:
            if suffix := _ASKER.match(folded, end):
                chars[end : suffix.end()] = MASK * (suffix.end() - end)
        for word in _OWN.finditer(folded):  # 「当市は」: Sudachi's one word 当市 names a party, no topic
            chars[word.start() : word.end()] = MASK * (word.end() - word.start())
    for _, end, _ in mentions:  # 「札幌市の仕事？」: a party's 仕事 is its 役割 (not 仕事探し, a job hunt)
        if _PARTY_WORK.match(folded, end):
            chars[end + 1 : end + 3] = "役割"
    return "".join(chars), _subjects(folded, mentions, own), slips


def _misconverted(corpus: Corpus, chars: list[str], quoted: range, slips: list[Correction]) -> list[Mention]:
    """A party's name converted to the wrong kanji (「鶴多町」「稲部市」), masked in `chars` and said in
    `slips`; not a run the agreement itself holds, nor one inside a quotation."""
    text = "".join(chars)
    if "市" not in text and "町" not in text and "村" not in text:  # SUFFIXES[:3], without a generator
        return []
    found = []
    for start, end, party in misconverted_names(text, corpus.party_names, corpus.tokenizer.reading, _is_place(corpus)):
        if start in quoted or corpus.occurs(text[start:end]):
            continue
        slips.append(Correction(text[start:end], party.name, "reading"))
        chars[start:end] = MASK * (end - start)
        found.append((start, end, party))
    return found


def _is_place(corpus: Corpus):  # noqa: ANN202
    """Whether Sudachi knows a written name as a place (「新城市」: another municipality, no slip)."""
    return lambda name: any(t.pos[1:3] == ("固有名詞", "地名") for t in corpus.tokenizer.tokens(name))


# 「…大蔵村に住んでて…新庄の病児保育を使いたい。村は何をしてくれる？」: 市・町・村 said alone as the
# one asked about
# (The kind first, the look-behind after it: the engine skips to a 市, 町 or 村.)
_KIND_ALONE = re.compile(f"([市町村])(?<![{KANJI}{KATAKANA}の][市町村])(?=は|が|では|として|の役割)")


def _by_kind(corpus: Corpus, folded: str, chars: list[str]) -> list[Mention]:
    """「村は」: the one party of that kind (none when both are 市), masked in `chars`."""
    found = []
    for match in _KIND_ALONE.finditer(folded):
        kind = [p for p in corpus.party_names if p.name.endswith(match[1])]
        if len(kind) == 1 and chars[match.start()] != MASK and not _inside_a_name(corpus, folded, match.start(), ""):
            chars[match.start()] = MASK
            found.append((match.start(), match.end(), kind[0]))
    return found


def _subjects(folded: str, mentions: list[Mention], own: re.Match[str] | None) -> tuple[PartyName, ...]:
    """The parties the question is about. Not a filter: names that together name the agreement
    (「札幌市と岩見沢市の連携協約において」), and, when another party is named as well, a name that
    begins a compound of a place (「札幌都心部の再開発に岩見沢市は」)."""
    if not mentions:
        return ()  # no name to weigh: none of the rules below has anything to keep
    asker = _asker(folded, mentions, own)
    if asker is not None:  # 「本市の役割」: the asker's city, whoever else the question names
        return tuple(dict.fromkeys(p for _, _, p in mentions if p.name == asker))
    named = {p for _, _, p in mentions}
    if len(named) == 1:
        # one party named (most questions): the rules below only choose between parties, so it is
        # the one asked about unless every mention of it only names the agreement
        return tuple(named) if _plain(folded, mentions) else ()
    # 「熊本市民は山鹿市の図書館を使えますか」: the other party, whose thing the resident would use, is asked
    homes = {p for _, e, p in mentions if _RESIDENT.match(folded, e)}
    homes -= {p for _, e, p in mentions if _ASKED.match(folded, e)}  # 「大蔵村に住んでて…村は」: asked too
    if homes and (elsewhere := [m for m in mentions if m[2] not in homes]):
        mentions = elsewhere
    situations = {p for _, e, p in mentions if _WHEN.match(folded, e)}
    if situations and (
        asked_after := [m for m in mentions if m[2] not in situations and folded.startswith("は", m[1])]
    ):
        mentions = asked_after
    plain = _plain(folded, mentions)
    compound = [(s, e, p) for s, e, p in plain if e < len(folded) and _is_ideograph(folded[e]) and folded[e] != "側"]
    kept = [m for m in plain if m not in compound]
    # A compound (「札幌都心部」, but also 「岩見沢市議として」, the asker) is dropped only when another
    # party is plainly the one asked about (「…に岩見沢市は」); else every named party stays, and
    # their cells show side by side rather than one party's picked by a guess.
    if not any(_ASKED.match(folded, e) for _, e, _ in kept):
        kept = plain
    # 「札幌の中心部の再開発で岩見沢市がすること」: a name that only says whose place or thing
    # (「札幌の中心部」) is no filter when another party is the one asked about (「岩見沢市が」).
    # The same holds when the asked party is also named as an owner (「札幌の施設を岩見沢の人も
    # 使えるようにする話で岩見沢市は」) or the other party only as an object or a place (「札幌を活かした
    # 人づくり、岩見沢市は」「札幌で開く」): every mention of the other party says whose, what or where.
    asked = {p for s, e, p in kept if _ASKED.match(folded, e)}
    others = [m for m in kept if m[2] not in asked]
    if asked and others and all(_POSSESSIVE.match(folded, e) or _OBJECT.match(folded, e) for _, e, _ in others):
        kept = [m for m in kept if m[2] in asked]
    kept = _without_partners(folded, _role_asked(folded, kept), own is not None)
    return tuple(dict.fromkeys(p for _, _, p in sorted(kept, key=lambda m: m[0])))


def _plain(folded: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions that are not part of naming the agreement: not two names inside 「札幌市と岩見沢市の
    連携協約」, nor a name in 「札幌市との協約」."""
    if "協約" not in folded and "協定" not in folded:
        return list(mentions)  # both patterns end with one of them: most questions name no agreement
    masked = _masked(folded, mentions)
    spans = [m.span() for m in _NAMES_AGREEMENT.finditer(masked)]
    agreement = [(a, b) for a, b in spans if sum(a <= s and e <= b for s, e, _ in mentions) >= 2]
    agreement += [m.span() for m in _AGREEMENT_WITH.finditer(masked)]
    return [(s, e, p) for s, e, p in mentions if not any(a <= s and e <= b for a, b in agreement)]


def _asker(folded: str, mentions: list[Mention], own: re.Match[str] | None) -> str | None:
    """The party `own` (the first 「本市」「うちの町」) stands for: the one named as the asker's
    (「岩見沢市議として」, 「当市（札幌市）」); None when the question has no such word or names no asker."""
    if own is None:
        return None
    for start, end, party in sorted(mentions, key=lambda m: m[0]):
        if start == own.end() + 1 and folded[own.end()] in "(（" or _ASKER.match(folded, end):
            return party.name
    return None


def _role_asked(folded: str, kept: list[Mention]) -> list[Mention]:
    """The mentions of the one party whose role the question asks by name (「岩見沢市の役割を知りたい」),
    when the others are named only around the topic; names joined (「札幌市と岩見沢市の役割」) ask
    about both."""
    ends = {e for _, e, _ in kept}
    starts = {s for s, _, _ in kept}
    joined = {
        m
        for m in kept
        if (m[0] - 1 in ends and folded[m[0] - 1] in "と・") or (m[1] + 1 in starts and folded[m[1]] in "と・")
    }
    asked = {p for s, e, p in kept if _ROLE_OF.match(folded, e) and (s, e, p) not in joined}
    if len(asked) != 1 or asked == {p for _, _, p in kept}:
        return kept
    return [m for m in kept if m[2] in asked]


def _without_partners(folded: str, kept: list[Mention], owned: bool) -> list[Mention]:
    """「岩見沢市は大きな災害のとき札幌とどう動く」: a name after the party asked about (「は」「が」)
    and followed by 「と」 is whom it acts with, not whom the question is about (「札幌市と岩見沢市の
    役割」, names joined before anything is asked, asks about both)."""
    asked = [s for s, e, _ in kept if _TOPIC.match(folded, e)]
    # 「札幌市と一緒に観光PRをする件で、岩見沢市の担当範囲は」: a partner named first, the asked party
    # after it (names joined as 「札幌市と岩見沢市の」 are no partner: _PARTNER wants no name after と)
    asked += [-1 for s, e, _ in kept if _ASKED.match(folded, e) and not _TOPIC.match(folded, e)]
    if owned:  # 「岩見沢市議として…札幌と…本市の役割」: 本市 is the other one named
        asked = [-1]
    if not asked:
        return kept
    # 「札幌市と岩見沢市の役割の違い」: と joining two names is no partner (folded is not masked here)
    joined = {s - 1 for s, _, _ in kept}
    partners = [m for m in kept if _PARTNER.match(folded, m[1]) and m[1] not in joined and any(s < m[0] for s in asked)]
    rest = [m for m in kept if m not in partners]
    return rest if rest and {p for _, _, p in rest} != {p for _, _, p in kept} else kept


def _masked(folded: str, mentions: list[Mention]) -> str:
    chars = list(folded)
    for start, end, _ in mentions:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def _is_ideograph(ch: str) -> bool:
    return ch in KANJI_NOMA


def _in_compound(folded: str, start: int, end: int, blob: str) -> bool:
    """「札幌市都心部」「札幌市長」: the name begins a word the agreement itself uses. Not one
    that 及び or 並びに joins to the next name (「余市町及び赤井川村」, of a list of members)."""
    following = folded[end : end + 1]
    if not following or _is_kana(following, hiragana_only=True) or not following.isalnum():
        return False
    if folded.startswith(("及び", "並びに"), end):
        return False
    return folded[start : end + 1] in blob


_PARTICLES = frozenset("はがをにでとのもへやか")
_REGION = re.compile(f"(?:北海道|東京都|京都府|大阪府|[{KANJI}]{{2,3}}県)?(?:[{KANJI}]{{1,4}}郡)?$")


def _region_before(folded: str, start: int, party: PartyName) -> int:
    """The length of a prefecture and 郡 written right before a municipality's name (「北海道雨竜郡」
    before 秩父別町): part of its name, not a place of its own. None before a body's name."""
    if start == 0 or not party.name.endswith(("市", "町", "村")) or not _KANJI_BEFORE.match(folded, start - 1):
        return 0
    match = _REGION.search(folded, 0, start)
    return start - match.start() if match else 0


_KANJI_BEFORE = re.compile(f"[{KANJI}]")


def _inside_a_name(corpus: Corpus, folded: str, start: int, form: str) -> bool:
    """Whether the text from `start` on ends a longer place name (「東広島市」 holds 広島市, 「つがる
    市の」 holds a 市): another municipality, not the party. A party said with its prefecture or
    郡 (「北海道深川市」) is still the party: the name without them is `form`."""
    if start == 0 or not folded[start - 1].isalnum() or folded[start - 1] in _PARTICLES:
        return False  # most names: after a particle, a mark or nothing
    return any(
        token.begin < start < token.end and token.pos[1] == "固有名詞" and local_name(token.surface) != form
        for token in corpus.tokenizer.tokens(folded)
    )


def _occurrences(text: str, needle: str):  # noqa: ANN202
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _is_kana(ch: str, hiragana_only: bool = False) -> bool:
    return ch in HIRAGANA or (not hiragana_only and ch in KATAKANA)


def _goes_on(folded: str, end: int) -> bool:
    """A word continues past `end` (an ideograph follows): 「中心市街地」."""
    return end < len(folded) and _is_ideograph(folded[end])
