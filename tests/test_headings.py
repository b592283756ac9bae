"""Every article heading of every layout, asked in several templates of my own, finds its article
first (issue 10, round 7). Headings shared by two articles of one agreement, and 「その他」 (which
says nothing of its own), are skipped: asking by them does not say which article is meant."""

from __future__ import annotations

from collections import Counter

import pytest

from kyoyaku_search.answering.answer import ask

from .test_ordinals import layouts  # noqa: F401 (a fixture)

TEMPLATES = (
    "{h}はどこに書いてある",
    "{h}について定めた条文は",
    "{h}の規定を教えて",
    "協約の{h}の条はどれ",
    "{h}について協約は何と言っているか",
)


def _headed_articles(corpus):  # noqa: ANN001, ANN202
    for agreement in corpus.agreements:
        units = [u for u in corpus.units if u.agreement_id == agreement.id and u.kind == "article" and u.context]
        counts = Counter(u.context for u in units)
        for unit in units:
            if counts[unit.context] == 1 and 2 <= len(unit.context) <= 12 and unit.context != "その他":
                yield agreement, unit


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_heading_asked_finds_its_article(layouts, template):  # noqa: F811
    misses, asked = [], 0
    for agreement, unit in _headed_articles(layouts):
        answer = ask(layouts, template.format(h=unit.context), agreement=agreement.id)
        asked += 1
        if not answer.hits or answer.hits[0].unit.id != unit.id:
            misses.append((agreement.id, unit.context, answer.hits[0].unit.id if answer.hits else None))
    assert asked >= 40
    assert not misses
