"""Generated not-party cases: real neighbouring municipalities of each layout's parties, and the
parties' own longer forms, asked about in role and membership wordings.

A neighbour (same prefecture, often the same 郡) is no party: the not-party message must name it,
however it is written — in full (「江別市」), without 市・町・村 (「江別」), in kana (「えべつし」),
with its 郡 (「空知郡南幌町」). A party written with its prefecture or 郡 (「北海道岩見沢市」
「八頭郡智頭町」) and a place the agreement itself mentions are not outsiders. The names are test
data taken from geography, not from the agreements; no rule reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# layout → (prefecture, {party: its 郡 or ""}, neighbours as (name, 郡 or "", reading in hiragana))
NEIGHBOURS: dict[str, tuple[str, dict[str, str], tuple[tuple[str, str, str], ...]]] = {
    "sapporo-iwamizawa-2019": (
        "北海道",
        {"札幌市": "", "岩見沢市": ""},
        (
            ("江別市", "", "えべつし"),
            ("北広島市", "", "きたひろしまし"),
            ("美唄市", "", "びばいし"),
            ("南幌町", "空知郡", "なんぽろちょう"),
            ("当別町", "石狩郡", "とうべつちょう"),
            ("三笠市", "", "みかさし"),
        ),
    ),
    "chizu-tottori-2010": (
        "鳥取県",
        {"鳥取市": "", "智頭町": "八頭郡"},
        (
            ("八頭町", "八頭郡", "やずちょう"),
            ("若桜町", "八頭郡", "わかさちょう"),
            ("岩美町", "岩美郡", "いわみちょう"),
            ("倉吉市", "", "くらよしし"),
            ("湯梨浜町", "東伯郡", "ゆりはまちょう"),
            ("西粟倉村", "英田郡", "にしあわくらそん"),
        ),
    ),
    "fukagawa-chippubetsu-2018": (
        "北海道",
        {"深川市": "", "秩父別町": "雨竜郡"},
        (
            ("旭川市", "", "あさひかわし"),
            ("滝川市", "", "たきかわし"),
            ("妹背牛町", "雨竜郡", "もせうしちょう"),
            ("北竜町", "雨竜郡", "ほくりゅうちょう"),
            ("沼田町", "雨竜郡", "ぬまたちょう"),
            ("芦別市", "", "あしべつし"),
        ),
    ),
    "goshogawara-tsuruta": (
        "青森県",
        {"五所川原市": "", "鶴田町": "北津軽郡"},
        (
            ("つがる市", "", "つがるし"),
            ("弘前市", "", "ひろさきし"),
            ("板柳町", "北津軽郡", "いたやなぎまち"),
            ("中泊町", "北津軽郡", "なかどまりまち"),
            ("青森市", "", "あおもりし"),
            ("藤崎町", "南津軽郡", "ふじさきまち"),
        ),
    ),
    "hiroshima-iwakuni-2016": (
        "広島県",
        {"広島市": ""},
        (
            ("廿日市市", "", "はつかいちし"),
            ("大竹市", "", "おおたけし"),
            ("呉市", "", "くれし"),
            ("東広島市", "", "ひがしひろしまし"),
            ("府中町", "安芸郡", "ふちゅうちょう"),
            ("海田町", "安芸郡", "かいたちょう"),
        ),
    ),
    "iida-oshika-2009": (
        "長野県",
        {"飯田市": "", "大鹿村": "下伊那郡"},
        (
            ("松川町", "下伊那郡", "まつかわまち"),
            ("高森町", "下伊那郡", "たかもりまち"),
            ("阿智村", "下伊那郡", "あちむら"),
            ("豊丘村", "下伊那郡", "とよおかむら"),
            ("伊那市", "", "いなし"),
            ("駒ヶ根市", "", "こまがねし"),
        ),
    ),
    "inabe-toin-2010": (
        "三重県",
        {"いなべ市": "", "東員町": "員弁郡"},
        (
            ("桑名市", "", "くわなし"),
            ("四日市市", "", "よっかいちし"),
            ("菰野町", "三重郡", "こものちょう"),
            ("朝日町", "三重郡", "あさひちょう"),
            ("川越町", "三重郡", "かわごえちょう"),
            ("木曽岬町", "桑名郡", "きそさきちょう"),
        ),
    ),
    "inami-himeji-2015": (
        "兵庫県",
        {"姫路市": "", "稲美町": "加古郡"},
        (
            ("加古川市", "", "かこがわし"),
            ("高砂市", "", "たかさごし"),
            ("播磨町", "加古郡", "はりまちょう"),
            ("明石市", "", "あかしし"),
            ("三木市", "", "みきし"),
            ("太子町", "揖保郡", "たいしちょう"),
        ),
    ),
    "kariya-xx-town-2021": (
        "愛知県",
        {"刈谷市": ""},
        (
            ("知立市", "", "ちりゅうし"),
            ("安城市", "", "あんじょうし"),
            ("大府市", "", "おおぶし"),
            ("豊明市", "", "とよあけし"),
            ("東浦町", "知多郡", "ひがしうらちょう"),
            ("高浜市", "", "たかはまし"),
        ),
    ),
    "mihara-fukuyama-2015": (
        "広島県",
        {"福山市": "", "三原市": ""},
        (
            ("竹原市", "", "たけはらし"),
            ("世羅町", "世羅郡", "せらちょう"),
            ("東広島市", "", "ひがしひろしまし"),
            ("神石高原町", "神石郡", "じんせきこうげんちょう"),
            ("大崎上島町", "豊田郡", "おおさきかみじまちょう"),
            ("呉市", "", "くれし"),
        ),
    ),
    "sakaiminato-matsue-yonago-2009": (
        "鳥取県",
        {"米子市": "", "境港市": ""},
        (
            ("安来市", "", "やすぎし"),
            ("出雲市", "", "いずもし"),
            ("日吉津村", "西伯郡", "ひえづそん"),
            ("大山町", "西伯郡", "だいせんちょう"),
            ("伯耆町", "西伯郡", "ほうきちょう"),
            ("雲南市", "", "うんなんし"),
        ),
    ),
    "shinjo-okura-2015": (
        "山形県",
        {"新庄市": "", "大蔵村": "最上郡"},
        (
            ("最上町", "最上郡", "もがみまち"),
            ("舟形町", "最上郡", "ふながたまち"),
            ("鮭川村", "最上郡", "さけがわむら"),
            ("戸沢村", "最上郡", "とざわむら"),
            ("金山町", "最上郡", "かねやままち"),
            ("尾花沢市", "", "おばなざわし"),
        ),
    ),
    "taka-kasai-kato-2015": (
        "兵庫県",
        {"加西市": "", "加東市": "", "多可町": "多可郡"},
        (
            ("西脇市", "", "にしわきし"),
            ("小野市", "", "おのし"),
            ("福崎町", "神崎郡", "ふくさきちょう"),
            ("市川町", "神崎郡", "いちかわちょう"),
            ("丹波市", "", "たんばし"),
            ("神河町", "神崎郡", "かみかわちょう"),
        ),
    ),
    "tamano-okayama-2016": (
        "岡山県",
        {"岡山市": "", "玉野市": ""},
        (
            ("倉敷市", "", "くらしきし"),
            ("総社市", "", "そうじゃし"),
            ("赤磐市", "", "あかいわし"),
            ("瀬戸内市", "", "せとうちし"),
            ("早島町", "都窪郡", "はやしまちょう"),
            ("吉備中央町", "加賀郡", "きびちゅうおうちょう"),
        ),
    ),
    "tomakomai-abira-2015": (
        "北海道",
        {"苫小牧市": "", "安平町": "勇払郡"},
        (
            ("白老町", "白老郡", "しらおいちょう"),
            ("厚真町", "勇払郡", "あつまちょう"),
            ("むかわ町", "勇払郡", "むかわちょう"),
            ("千歳市", "", "ちとせし"),
            ("由仁町", "夕張郡", "ゆにちょう"),
            ("登別市", "", "のぼりべつし"),
        ),
    ),
    "yamaga-kumamoto-2022": (
        "熊本県",
        {"熊本市": "", "山鹿市": ""},
        (
            ("菊池市", "", "きくちし"),
            ("合志市", "", "こうしし"),
            ("玉名市", "", "たまなし"),
            ("和水町", "玉名郡", "なごみまち"),
            ("大津町", "菊池郡", "おおづまち"),
            ("益城町", "上益城郡", "ましきまち"),
        ),
    ),
    "yuzawa-ugo-2011": (
        "秋田県",
        {"湯沢市": "", "羽後町": "雄勝郡"},
        (
            ("横手市", "", "よこてし"),
            ("東成瀬村", "雄勝郡", "ひがしなるせむら"),
            ("由利本荘市", "", "ゆりほんじょうし"),
            ("にかほ市", "", "にかほし"),
            ("大仙市", "", "だいせんし"),
            ("美郷町", "仙北郡", "みさとちょう"),
        ),
    ),
}

# {n}: how the municipality is written; {t}: a topic the agreement holds.
TEMPLATES = (
    "{n}の役割は何ですか",
    "{n}は{t}で何をするの？",
    "{t}について{n}は何を担当する？",
    "{n}もこの協約に入ってる？",
    "{n}は{t}の費用を負担するの",
    "{t}で{n}がやることを教えて",
)


@dataclass(frozen=True)
class NameCase:
    layout: str
    form: str  # full, bare, kana, gun (neighbours); region (the prefecture or a 郡 alone); party, prefecture, gun (parties)
    name: str
    question: str
    outsider: bool  # the not-party message is right


def _bare(name: str) -> str:
    return name[:-1] if name[-1] in "市町村" and len(name) > 2 else name


def neighbour_forms(name: str, gun: str, kana: str) -> Iterator[tuple[str, str]]:
    yield "full", name
    if _bare(name) != name:
        yield "bare", _bare(name)
    yield "kana", kana
    if gun:
        yield "gun", gun + name


def party_forms(prefecture: str, name: str, gun: str) -> Iterator[tuple[str, str]]:
    yield "party", name
    yield "prefecture", prefecture + gun + name
    if gun:
        yield "gun", gun + name


def name_cases(layout: str, topic: str) -> Iterator[NameCase]:
    """Each neighbour in each form, and each party in its longer forms, in every template."""
    if layout not in NEIGHBOURS:
        return
    prefecture, parties, neighbours = NEIGHBOURS[layout]
    for template in TEMPLATES:
        for name, gun, kana in neighbours:
            for form, written in neighbour_forms(name, gun, kana):
                yield NameCase(layout, form, name, template.format(n=written, t=topic), True)
        for name, gun in parties.items():
            for form, written in party_forms(prefecture, name, gun):
                yield NameCase(layout, form, name, template.format(n=written, t=topic), False)
        # the prefecture or a 郡 asked about as a municipality is: no party either, even where the
        # agreement names it in a party's address (「山口県岩国市」)
        for region in _regions(prefecture, parties, neighbours):
            yield NameCase(layout, "region", region, template.format(n=region, t=topic), True)


def _regions(prefecture: str, parties: dict[str, str], neighbours: tuple[tuple[str, str, str], ...]) -> list[str]:
    guns = {*parties.values(), *(gun for _, gun, _ in neighbours)} - {""}
    return [prefecture, *sorted(guns)]
