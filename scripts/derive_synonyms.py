"""Derive data/lexicon/sudachi-synonyms.tsv from the Sudachi synonym dictionary.

    python scripts/derive_synonyms.py /work/shared/sudachi-synonyms/sudachi-synonyms-dictionary.json

Keeps every group of two or more words, whole: which words a search can use is decided at
query time against the loaded agreements (a target the corpus does not hold adds nothing), so
the list serves agreements it has never seen. Each word keeps only its expandControl flag.
The run is deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kyoyaku_search.ingest.store import default_data_dir
from kyoyaku_search.search.lexicon import SUDACHI_SYNONYMS, SudachiSynonyms

HEADER = """\
# Derived from the Sudachi synonym dictionary (SudachiDict synonyms.txt, as the npm package
# sudachi-synonyms-dictionary 18.0.0), Copyright (c) 2017 Works Applications Co., Ltd.,
# licensed under the Apache License, Version 2.0: see LICENSE-sudachi-synonyms beside this file.
# Changes: groups of a single word are dropped, and each word keeps only its expandControl flag
# (0 expand freely, 1 target only, 2 never); every other group is kept whole. Made by
# scripts/derive_synonyms.py. Format: group id, then flag:word for each word of the group.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path)
    parser.add_argument("--out", type=Path, default=default_data_dir() / SUDACHI_SYNONYMS)
    args = parser.parse_args(argv)
    groups = json.loads(args.dictionary.read_text(encoding="utf-8"))
    kept = []
    for group in groups:
        words = [(int(item["expandControl"]), item["midashi"]) for item in group["items"]]
        if len(words) > 1:
            kept.append(f"{int(group['id'])}\t" + "\t".join(f"{flag}:{word}" for flag, word in words))
    args.out.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(groups)} groups → {args.out} ({args.out.stat().st_size} bytes)")
    SudachiSynonyms.load(args.out)  # the file we wrote must read back
    return 0


if __name__ == "__main__":
    sys.exit(main())
