"""Derive data/lexicon/sudachi-synonyms.tsv from the Sudachi synonym dictionary.

    python scripts/derive_synonyms.py /work/shared/sudachi-synonyms/sudachi-synonyms-dictionary.json

Keeps only the groups that can help a search of the bundled agreements: a group with at least
one word the agreements use (a target) and another word that may trigger expansion
(expandControl 0). Re-run it after adding agreements to data/. The run is deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kyoyaku_search.ingest.store import default_data_dir, load_sources
from kyoyaku_search.search.lexicon import SUDACHI_SYNONYMS, SudachiSynonyms
from kyoyaku_search.search.tokenizer import Tokenizer
from kyoyaku_search.search.units import agreement_units

HEADER = """\
# Derived from the Sudachi synonym dictionary (SudachiDict synonyms.txt, as the npm package
# sudachi-synonyms-dictionary 18.0.0), Copyright (c) 2017 Works Applications Co., Ltd.,
# licensed under the Apache License, Version 2.0: see LICENSE-sudachi-synonyms beside this file.
# Changes: only groups with a word used by the bundled agreements are kept, and each word keeps
# only its expandControl flag (0 expand freely, 1 target only, 2 never). Made by
# scripts/derive_synonyms.py. Format: group id, then flag:word for each word of the group.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path)
    parser.add_argument("--out", type=Path, default=default_data_dir() / SUDACHI_SYNONYMS)
    args = parser.parse_args(argv)
    tokenizer = Tokenizer()
    vocabulary = {
        term
        for agreement in load_sources()
        for unit in agreement_units(agreement)
        for term in tokenizer.terms(unit.search_text)
    }
    groups = json.loads(args.dictionary.read_text(encoding="utf-8"))
    kept = []
    for group in groups:
        words = [(int(item["expandControl"]), item["midashi"]) for item in group["items"]]
        targets = [w for flag, w in words if flag != 2 and _used(tokenizer, w, vocabulary)]
        triggers = [w for flag, w in words if flag == 0]
        if targets and any(t not in targets or len(targets) > 1 for t in triggers):
            kept.append(f"{int(group['id'])}\t" + "\t".join(f"{flag}:{word}" for flag, word in words))
    args.out.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(groups)} groups → {args.out} ({args.out.stat().st_size} bytes)")
    SudachiSynonyms.load(args.out)  # the file we wrote must read back
    return 0


def _used(tokenizer: Tokenizer, word: str, vocabulary: set[str]) -> bool:
    terms = tokenizer.terms(word)
    return bool(terms) and all(term in vocabulary for term in terms)


if __name__ == "__main__":
    sys.exit(main())
