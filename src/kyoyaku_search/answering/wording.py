"""The agreement's own word for itself in what an answer says: 「この協定には…」 of a 定住自立圏形成協定,
「この協約には…」 of a 連携協約 (`Agreement.kind`, read from its title)."""

from __future__ import annotations

from ..search.corpus import Corpus


def kind_of(corpus: Corpus, agreement: str | None = None) -> str:
    """協定 or 協約: the word of the agreement `agreement` (an id), else of every loaded agreement
    when they share one; 協約, the general word, when they do not."""
    if agreement is not None:
        return corpus.agreement(agreement).kind
    kinds = {loaded.kind for loaded in corpus.agreements}
    return kinds.pop() if len(kinds) == 1 else "協約"


def this_document(corpus: Corpus, agreement: str | None = None) -> str:
    """「この協定」 or 「この協約」, as `kind_of` words it."""
    return f"この{kind_of(corpus, agreement)}"
