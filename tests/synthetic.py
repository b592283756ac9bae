"""Synthetic corpora of the national template, generated from the seed's sentences (never committed).

Agreement i pairs two real municipalities (a different pair each time), is signed in a
different year and leaves out a few different annex rows, then goes through the real parser.
The same `size` always gives the same agreements, in the same order.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from kyoyaku_search.ingest.parser import parse_text
from kyoyaku_search.model import Agreement
from kyoyaku_search.search.units import agreement_units

SEED = Path(__file__).resolve().parents[1] / "data" / "sapporo-iwamizawa-2019.txt"
# Real municipalities (no 甲/乙 in a name, none a prefix of another).
MUNICIPALITIES = [
    "旭川市",
    "函館市",
    "釧路市",
    "帯広市",
    "北見市",
    "小樽市",
    "室蘭市",
    "苫小牧市",
    "江別市",
    "千歳市",
    "恵庭市",
    "石狩市",
    "登別市",
    "名寄市",
    "稚内市",
    "網走市",
    "根室市",
    "滝川市",
    "砂川市",
    "深川市",
    "富良野市",
    "留萌市",
    "紋別市",
    "士別市",
    "美唄市",
    "芦別市",
    "赤平市",
    "三笠市",
    "夕張市",
    "北斗市",
    "青森市",
    "弘前市",
    "八戸市",
    "盛岡市",
    "仙台市",
    "秋田市",
    "山形市",
    "郡山市",
    "水戸市",
    "宇都宮市",
    "前橋市",
    "高崎市",
    "新潟市",
    "長岡市",
    "富山市",
    "金沢市",
    "福井市",
    "長野市",
    "松本市",
    "岐阜市",
    "静岡市",
    "浜松市",
    "姫路市",
    "倉敷市",
    "福山市",
    "下関市",
    "高松市",
    "松山市",
    "高知市",
    "久留米市",
    "長崎市",
    "佐世保市",
    "熊本市",
    "大分市",
    "宮崎市",
    "鹿児島市",
    "那覇市",
    "鳥取市",
    "松江市",
    "徳島市",
    "東広島市",
    "八代市",
    "都城市",
    "延岡市",
]
# Single-line annex rows that may be left out (the first column of the row).
OPTIONAL_ROWS = (
    "戦略産業の育成",
    "地域経済の裾野拡大",
    "福祉",
    "土地利用",
    "地域振興",
    "連携による地産地消",
    "職員等の交流",
)
# 平成31年 → another signing year, (era, year in era, western year).
YEARS = (
    ("平成", 29, 2017),
    ("平成", 30, 2018),
    ("平成", 31, 2019),
    ("令和", 2, 2020),
    ("令和", 3, 2021),
    ("令和", 4, 2022),
)


def synthetic_agreements(units: int, seed_text: str | None = None) -> list[Agreement]:
    """Agreements holding at least `units` units in all (the last one may overshoot a little)."""
    text = SEED.read_text(encoding="utf-8") if seed_text is None else seed_text
    pairs = _pairs()
    agreements: list[Agreement] = []
    total = 0
    number = 0
    while total < units:
        variant = synthetic_text(text, number, *pairs[number % len(pairs)])
        agreements.append(parse_text(variant, f"synthetic-{number:05d}.txt", f"synthetic-{number:05d}").agreement)
        total += len(agreement_units(agreements[-1]))
        number += 1
    return agreements


def _pairs() -> list[tuple[str, str]]:
    pairs = list(itertools.permutations(MUNICIPALITIES, 2))
    random.Random(20190329).shuffle(pairs)
    return pairs


def synthetic_text(text: str, number: int, first: str, second: str) -> str:
    """Seed text → agreement `number` between `first` (甲) and `second` (乙)."""
    text = text.replace("札幌市", first).replace("岩見沢市", second)
    text = text.replace("札幌", first[:-1]).replace("岩見沢", second[:-1])
    era, year, western = YEARS[number % len(YEARS)]
    text = text.replace("平成31年（2019年）", f"{era}{year}年（{western}年）").replace(
        "平成31年(2019年)", f"{era}{year}年({western}年)"
    )
    text = text.replace("平成31年4月1日", f"{era}{year}年4月1日")
    dropped = {OPTIONAL_ROWS[(number + k) % len(OPTIONAL_ROWS)] for k in range(number % 4)}
    return "\n".join(line for line in text.split("\n") if line.split("\t", 1)[0] not in dropped)
