"""The corpus saved between runs, so a restart neither parses nor tokenises again.

One `.npz` file per set of sources and settings (NumPy arrays and UTF-8 JSON only, no serialised Python objects),
in $KYOYAKU_SEARCH_CACHE_DIR, else $XDG_CACHE_HOME/kyoyaku-search, else ~/.cache/kyoyaku-search.
Its key hashes the source files' names and bytes, the tokenizer and BM25 settings, the SudachiPy
and dictionary versions and this package's code, so any change rebuilds it, in place. Writes go to a
temporary file renamed into place (several processes may build at once); a file that is
truncated, corrupt (the zip's CRC) or inconsistent is ignored and rebuilt. The cache is an
optimisation only: when it cannot be read or written, the corpus is built as without it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..ingest.store import default_data_dir, from_plain, source_files, to_plain
from ..model import Agreement
from .index import Bm25Settings, Postings
from .tokenizer import TokenizerSettings

FORMAT = 3  # bump when the file layout changes
CACHE_ENV = "KYOYAKU_SEARCH_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parents[1]
_ARRAYS = ("offsets", "documents", "frequencies", "lengths")


@dataclass(frozen=True)
class Snapshot:
    """What building a corpus computed: everything but the units, which are cheap to derive."""

    agreements: tuple[Agreement, ...]
    party_readings: tuple[tuple[str, ...], ...]  # per party of each agreement, in order
    text_blob: str
    postings: Postings
    spelling_phrases: tuple[str, ...]  # what typos are corrected towards
    spelling_readings: tuple[tuple[str, str], ...]  # (katakana reading, index term), in order


@dataclass(frozen=True)
class CacheFile:
    path: Path
    key: str

    def read(self) -> Snapshot | None:
        """The saved snapshot, or None when there is none or it cannot be trusted."""
        try:
            with np.load(self.path, allow_pickle=False) as saved:
                meta = _json(saved["meta"])
                if meta != {"format": FORMAT, "key": self.key}:
                    return None
                postings = Postings(tuple(_json(saved["vocabulary"])), *(saved[name] for name in _ARRAYS))
                snapshot = Snapshot(
                    agreements=tuple(from_plain(a, self.path) for a in _json(saved["agreements"])),
                    party_readings=tuple(tuple(r) for r in _json(saved["party_readings"])),
                    text_blob=bytes(saved["text_blob"]).decode("utf-8"),
                    postings=postings,
                    spelling_phrases=tuple(_json(saved["spelling_phrases"])),
                    spelling_readings=tuple((reading, term) for reading, term in _json(saved["spelling_readings"])),
                )
            postings.check()
            return snapshot
        except Exception:  # noqa: BLE001
            # Truncated or corrupt (OSError, EOFError, zipfile.BadZipFile on a bad CRC),
            # unreadable JSON, a field that does not check: any of it means "build again".
            return None

    def write(self, snapshot: Snapshot) -> bool:
        """Save atomically; False (and nothing left behind) when the directory is not writable."""
        arrays = {
            "meta": _bytes({"format": FORMAT, "key": self.key}),
            "agreements": _bytes([to_plain(a) for a in snapshot.agreements]),
            "party_readings": _bytes([list(r) for r in snapshot.party_readings]),
            "spelling_phrases": _bytes(list(snapshot.spelling_phrases)),
            "spelling_readings": _bytes([list(pair) for pair in snapshot.spelling_readings]),
            "text_blob": np.frombuffer(snapshot.text_blob.encode("utf-8"), dtype=np.uint8),
            "vocabulary": _bytes(list(snapshot.postings.vocabulary)),
            **{name: getattr(snapshot.postings, name) for name in _ARRAYS},
        }
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.stem, suffix=".tmp")
            with os.fdopen(descriptor, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, self.path)
            return True
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return False


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kyoyaku-search"


def cache_file(
    sources: Sequence[str | Path] | None,
    tokenizer: TokenizerSettings,
    bm25: Bm25Settings,
    directory: str | Path | None = None,
) -> CacheFile | None:
    """Where the corpus of `sources` with these settings is saved, and the key it must carry.

    None when a source is missing or unreadable: loading it reports the error.
    """
    try:
        files = source_files(sources)
        contents = [(str(path.resolve()), hashlib.sha256(path.read_bytes()).hexdigest()) for path in files]
    except OSError:
        return None
    # The file's name: which sources with which settings (one file each, rewritten in place
    # when anything else changes); its key: everything that changes what it holds.
    place = _canonical(
        {
            "sources": [str(Path(source).resolve()) for source in (sources or [default_data_dir()])],
            "tokenizer": dataclasses.asdict(tokenizer),
            "bm25": dataclasses.asdict(bm25),
        }
    )
    identity = _canonical(
        {
            "place": place,
            "format": FORMAT,
            "versions": {name: _version(name) for name in ("sudachipy", "sudachidict-core", "numpy")},
            "code": _code_digest(),
            "contents": contents,
        }
    )
    name = hashlib.sha256(place.encode("utf-8")).hexdigest()[:32]
    key = hashlib.sha256(identity.encode("utf-8")).hexdigest()
    return CacheFile(Path(directory or default_cache_dir()) / f"{name}.npz", key)


def _code_digest() -> str:
    """This package's source: a change to the parser or tokenizer may change what is saved."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _canonical(value: Any) -> str:
    """JSON with sets sorted: a frozenset's repr changes with the hash seed between processes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=lambda v: sorted(v))


def _bytes(value: Any) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _json(array: np.ndarray) -> Any:
    return json.loads(bytes(array).decode("utf-8"))
