"""The web page, headless through Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_question_shows_the_quote_and_citation(app):
    app.text_input(key="question").input("岩見沢市の災害対策での役割は").run()
    assert not app.exception
    answer = app.text[0].value
    assert "甲（札幌市）と協力して取り組む。" in answer
    assert "出典: 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割" in answer
    assert app.expander[0].label == "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


def test_empty_question_shows_no_answer(app):
    app.text_input(key="question").input("").run()
    assert not app.exception and not app.text


def test_over_long_question_gets_a_message(app):
    app.text_input(key="question").input("あ" * 600).run()
    assert "長すぎます" in app.warning[0].value


def test_html_is_shown_literally(app):
    app.text_input(key="question").input("<script>alert(1)</script>小樽市の観光").run()
    assert not app.exception
    assert app.text[0].value.startswith("小樽市はこの協約の当事者ではありません")
