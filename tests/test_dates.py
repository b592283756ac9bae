from __future__ import annotations

import pytest

from kyoyaku_search.ingest.dates import DateError, find_date, kanji_number


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("平成31年（2019年）3月29日", ("2019-03-29", "平成31年（2019年）3月29日")),
        ("この連携協約は、平成31年4月1日から施行する。", ("2019-04-01", "平成31年4月1日")),
        ("令和元年５月１日", ("2019-05-01", "令和元年５月１日")),
        ("令和6年(2024年)4月1日", ("2024-04-01", "令和6年(2024年)4月1日")),
        ("2020年1月2日", ("2020-01-02", "2020年1月2日")),
        ("日付なし", None),
    ],
)
def test_find_date(text, found):
    assert find_date(text) == found


@pytest.mark.parametrize("text", ["平成31年（2018年）3月29日", "令和2年2月30日"])
def test_inconsistent_or_impossible_dates(text):
    with pytest.raises(DateError):
        find_date(text)


@pytest.mark.parametrize(
    ("text", "number"), [("3", 3), ("３", 3), ("三", 3), ("十", 10), ("十二", 12), ("二十一", 21), ("百", None)]
)
def test_kanji_number(text, number):
    assert kanji_number(text) == number
