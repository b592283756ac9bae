"""An example question built from the loaded agreement, for messages that suggest rewording.

A fixed example names one agreement's city and 取組; on any other agreement it would suggest a
question that cannot be answered. So the example is taken from the corpus itself: the last
party of the row whose 取組 name is shortest (short names read as a natural question).
"""

from __future__ import annotations

from ..search.corpus import Corpus

# A 取組 name longer than this reads as a sentence, not as a topic a person would type.
LONGEST_TOPIC = 12


def example_question(corpus: Corpus, party: str | None = None) -> str | None:
    """「岩見沢市の福祉での役割は」 for the seed; None when no role cell has a short 取組 name.

    `party` (a municipality name) prefers that party's cells, so a list of its roles suggests
    asking about one of them.
    """
    # One scan of the units per corpus and party, not one per refused question.
    return corpus.memo.get(("example question", party), lambda: _example(corpus, party))


def _example(corpus: Corpus, party: str | None) -> str | None:
    cells = [u for u in corpus.units if u.party and u.initiative and len(u.initiative) <= LONGEST_TOPIC]
    cells = [u for u in cells if u.party == party] or cells
    if not cells:
        return None
    shortest = min(len(u.initiative or "") for u in cells)
    last = [u for u in cells if len(u.initiative or "") == shortest][-1]
    return f"{last.party}の{last.initiative}での役割は"


def with_example(message: str, corpus: Corpus, party: str | None = None) -> str:
    """`message` with 「（例: …）」 before its final 。, when the corpus gives an example."""
    example = example_question(corpus, party)
    if example is None or not message.endswith("。"):
        return message
    return f"{message[:-1]}（例: {example}）。"
