"""Word vectors for words the agreement does not use: measured, not shipped (see README).

chiVe (Works Applications, Apache-2.0) as the `ja-ginza` package ships it: 480,443 words
mapped onto 20,000 vectors of 300 dimensions, keyed by SudachiPy normalized forms. They are read
here directly from spaCy's on-disk layout — `vocab/vectors` (NumPy), `vocab/key2row` (a msgpack
map of 64-bit MurmurHash2 keys to rows) — without importing spaCy, whose start-up alone costs
more than the cold-start budget.

A question word the corpus lacks (「お金」) is expanded to the corpus terms nearest to it
(「費用」 0.57) when the cosine clears a threshold. `benchmarks/embedding_layer.py` measures
that layer on the question sets; it did not earn its place (README, "Paraphrase").
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy keys its vocabulary with (`hash_string`, seed 1)."""
    h = (seed ^ (len(data) * _M)) & _MASK
    blocks = len(data) // 8
    for i in range(blocks):
        k = int.from_bytes(data[i * 8 : i * 8 + 8], "little")
        k = (k * _M) & _MASK
        k ^= k >> 47
        k = (k * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if len(data) & 7:
        h = ((h ^ int.from_bytes(data[blocks * 8 :], "little")) * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    return h ^ (h >> 47)


@dataclass(frozen=True)
class WordVectors:
    keys: np.ndarray  # uint64, ascending: hashes of the words
    rows: np.ndarray  # int32, the row of each key in `vectors`
    vectors: np.ndarray  # float32, unit length

    @classmethod
    def from_spacy_vocab(cls, vocab: Path) -> WordVectors:
        """Read spaCy's `vocab/` folder (as in the ja_ginza package) without spaCy."""
        table = np.load(vocab / "vectors", allow_pickle=False).astype(np.float32)
        table /= np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
        pairs = sorted(_msgpack_uint_map((vocab / "key2row").read_bytes()))
        keys = np.array([k for k, _ in pairs], dtype=np.uint64)
        rows = np.array([r for _, r in pairs], dtype=np.int32)
        return cls(keys, rows, table)

    def vector(self, word: str) -> np.ndarray | None:
        key = np.uint64(murmurhash64a(word.encode("utf-8")))
        at = int(np.searchsorted(self.keys, key))
        if at < len(self.keys) and self.keys[at] == key:
            return self.vectors[self.rows[at]]
        return None


class Neighbours:
    """The corpus terms nearest to a word, by cosine."""

    def __init__(self, vectors: WordVectors, vocabulary: Iterable[str]) -> None:
        self._vectors = vectors
        known = [(term, vectors.vector(term)) for term in vocabulary]
        self._terms = [term for term, vector in known if vector is not None]
        self._matrix = np.array([vector for _, vector in known if vector is not None], dtype=np.float32)

    def of(self, word: str, threshold: float, limit: int) -> list[tuple[str, float]]:
        vector = self._vectors.vector(word)
        if vector is None or not len(self._terms):
            return []
        similarity = self._matrix @ vector
        best = np.argsort(-similarity)[:limit]
        return [(self._terms[i], float(similarity[i])) for i in best if similarity[i] >= threshold]


def _msgpack_uint_map(data: bytes) -> list[tuple[int, int]]:
    """A msgpack map whose keys and values are unsigned integers (spaCy's key2row)."""
    if data[:1] == b"\xdf":
        count, at = struct.unpack(">I", data[1:5])[0], 5
    elif data[:1] == b"\xde":
        count, at = struct.unpack(">H", data[1:3])[0], 3
    else:
        raise ValueError("not a msgpack map")
    pairs = []
    for _ in range(count):
        key, at = _uint(data, at)
        value, at = _uint(data, at)
        pairs.append((key, value))
    return pairs


_UINT = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q"}


def _uint(data: bytes, at: int) -> tuple[int, int]:
    tag = data[at]
    if tag < 0x80:
        return tag, at + 1
    fmt = _UINT.get(tag)
    if fmt is None:
        raise ValueError(f"unexpected msgpack tag {tag:#x}")
    size = struct.calcsize(fmt)
    return struct.unpack(fmt, data[at + 1 : at + 1 + size])[0], at + 1 + size
