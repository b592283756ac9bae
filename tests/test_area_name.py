"""The name of the area (圏域) an agreement forms is a word ending in 圏 (「さっぽろ連携中枢都市圏」
「新庄最上定住自立圏」), however the question asks for it and even where no unit says 圏域: the
unit that gives it is quoted first, on every layout that names one."""

from __future__ import annotations

import re

import pytest

from kyoyaku_search.answering.answer import ask

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)

# A word ending in 圏, not a part of 圏域 or 圏内.
NAME = re.compile(r"[\w・ー]{2,}圏(?![\u4e00-\u9fff])")


@pytest.mark.parametrize(
    "question",
    [
        "圏域の名前は？",
        "圏域の名称を教えて",
        "なんていう圏域の協約ですか",
        "何という圏域を形成するの",
        "どういう名前の圏域をつくるの",
    ],
)
def test_the_area_is_named_on_every_layout(loaded, question):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        if not any(NAME.search(u.text) for u in loaded.units if u.agreement_id == agreement.id):
            continue  # names no area: nothing to quote
        asked += 1
        answer = ask(loaded, question, agreement=agreement.id)
        if not answer.hits or not NAME.search(answer.hits[0].unit.text):
            missed.append((agreement.id, answer.hits[0].unit.id if answer.hits else answer.status))
    assert asked >= 1
    assert missed == []
