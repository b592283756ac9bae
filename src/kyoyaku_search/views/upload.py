"""Adding an agreement in the browser: a file uploader in the sidebar (text, HTML, PDF, .docx).

The file is parsed in a child process with its time and memory bounded (`ingest.isolated`);
the page shows what was found — title, parties, counts, repairs — or a Japanese message naming
the line or page. The agreement then joins this session's corpus only: the shared corpus of
the process is never changed, so other sessions neither see nor wait for it. An operator keeps
uploads on disk, for every later session, by setting KYOYAKU_SEARCH_UPLOAD_DIR.

`app.py` calls `upload_sidebar(corpus)` once per run and asks the corpus it returns.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ..errors import AgreementFormatError
from ..ingest.document import AGREEMENT_SUFFIXES, MAX_BYTES, id_stem
from ..ingest.isolated import parse_isolated
from ..ingest.source_lines import Repair
from ..ingest.store import load_sources
from ..model import Agreement
from ..search.corpus import Corpus, build_corpus
from .web import escape_markdown

KEEP_ENV = "KYOYAKU_SEARCH_UPLOAD_DIR"
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in AGREEMENT_SUFFIXES]
MAX_UPLOADS = 5  # per session: each one is indexed in this process
MAX_UNITS = 3_000  # an agreement has tens to a few hundred units
# Streamlit draws the dropzone's button (「Upload」) and limits (「10MB per file • TXT, …」) in
# English, with no option to change them: they are hidden and said again in Japanese.
CHOOSE_FILE = "ファイルを選ぶ"
LIMITS = f"{MAX_BYTES // 1024 // 1024} MB まで・テキスト、HTML、PDF、Word（.docx）"
UPLOADER_STYLE = f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] > * {{ display: none !important; }}
[data-testid="stFileUploaderDropzoneInstructions"]::after {{ content: "{LIMITS}"; font-size: 0.875rem; opacity: 0.7; }}
[data-testid="stFileUploaderDropzone"] button > * {{ display: none !important; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "{CHOOSE_FILE}"; }}
</style>"""


@dataclass(frozen=True)
class Summary:
    """What the page shows of an uploaded agreement."""

    name: str
    title: str
    parties: tuple[str, ...]
    articles: int
    rows: int
    roles: int
    repairs: tuple[str, ...]

    def markdown(self) -> str:
        counts = f"条 {self.articles}・別表の行 {self.rows}・役割の欄 {self.roles}"
        return "  \n".join(  # Markdown line breaks
            [
                f"**{escape_markdown(self.title)}**",
                f"ファイル: {escape_markdown(self.name)}",
                f"当事者: {escape_markdown('、'.join(self.parties))}",
                counts,
                f"修復 {len(self.repairs)} 件" if self.repairs else "修復なし",
            ]
        )


def summarize(name: str, agreement: Agreement, repairs: tuple[Repair, ...]) -> Summary:
    rows = [row for annex in agreement.annexes() for row in annex.rows()]
    return Summary(
        name,
        agreement.title,
        tuple(party.display for party in agreement.parties),
        len(agreement.articles),
        len(rows),
        sum(len(row.roles) for row in rows),
        tuple(repair.render(name) for repair in repairs),
    )


def read_upload(data: bytes, name: str, taken: set[str]) -> tuple[Agreement, Summary]:
    """Parse an uploaded file in a bounded child process; AgreementFormatError when refused."""
    name = Path(name).name or "upload"
    if Path(name).suffix.lower() not in AGREEMENT_SUFFIXES:
        raise AgreementFormatError(name, None, f"対応していない形式です（{', '.join(UPLOAD_TYPES)}） / unsupported")
    if len(data) > MAX_BYTES:
        raise AgreementFormatError(name, None, f"ファイルが大きすぎます（上限 {MAX_BYTES // 1024 // 1024} MB）")
    parsed = parse_isolated(data, name, _free_id(name, taken))
    units = len(parsed.agreement.articles) + sum(len(r.roles) + 1 for a in parsed.agreement.annexes() for r in a.rows())
    if units > MAX_UNITS:
        raise AgreementFormatError(name, None, f"協約として大きすぎます（{units}単位） / too many units")
    return parsed.agreement, summarize(name, parsed.agreement, parsed.repairs)


def _free_id(name: str, taken: set[str]) -> str:
    stem = id_stem(name)[:60] or "upload"
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def with_uploads(base: Corpus, uploads: list[Agreement]) -> Corpus:
    """The session's corpus: the shared agreements and this session's uploads, indexed anew with
    the shared tokenizer and lexicon; `base` itself is left as it is."""
    if not uploads:
        return base
    return build_corpus([*base.agreements, *uploads], base.tokenizer, search=base.search, lexicon=base.lexicon)


def keep(data: bytes, name: str) -> Path | None:
    """Save the upload under $KYOYAKU_SEARCH_UPLOAD_DIR (opt-in) with a name no upload can steer."""
    directory = os.environ.get(KEEP_ENV)
    if not directory:
        return None
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in AGREEMENT_SUFFIXES else ".txt"
    target = folder / f"{_free_id(name, set())[:40]}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    target.write_bytes(data)
    return target


def kept_sources() -> list[str]:
    """The folder of kept uploads, when the operator keeps them and it holds any."""
    directory = os.environ.get(KEEP_ENV)
    if directory and Path(directory).is_dir() and any(Path(directory).iterdir()):
        return [directory]
    return []


def upload_sidebar(corpus: Corpus) -> Corpus:
    """Draw the uploader and what this session added; return the corpus this session asks."""
    state = st.session_state
    uploads: dict[str, tuple[Agreement, Summary]] = state.setdefault("uploads", {})
    refused: dict[str, str] = state.setdefault("upload_errors", {})
    with st.sidebar.expander("協約ファイルを追加", expanded=True, icon=":material/upload_file:"):
        st.html(UPLOADER_STYLE)
        file = st.file_uploader(
            "テキスト・HTML・PDF・Word",
            type=UPLOAD_TYPES,
            key="upload_file",
            help=f"{MAX_BYTES // 1024 // 1024} MB まで。この画面（セッション）の中だけで使われます。",
        )
        if file is not None and file.file_id not in uploads and file.file_id not in refused:
            _read(file, corpus, uploads, refused)
        for _, summary in uploads.values():
            st.success(summary.markdown(), icon=":material/description:")
            if summary.repairs:
                st.caption("修復した箇所（PDF の改ページなど）")
                st.code("\n".join(summary.repairs[:50]), language=None)
        if file is not None and file.file_id in refused:
            st.error(refused[file.file_id], icon=":material/error:")
    kept = kept_sources()
    if kept:
        corpus = _with_kept(corpus, tuple(kept), _listing(kept))
    key = (id(corpus), tuple(uploads))
    if state.get("upload_corpus_key") != key:
        state.upload_corpus = with_uploads(corpus, [agreement for agreement, _ in uploads.values()])
        state.upload_corpus_key = key
    return state.upload_corpus


def _listing(folders: list[str]) -> tuple[tuple[str, float], ...]:
    return tuple((str(p), p.stat().st_mtime) for folder in folders for p in sorted(Path(folder).iterdir()))


def _with_kept(base: Corpus, folders: tuple[str, ...], listing: tuple) -> Corpus:
    return _kept_corpus(base, id(base), folders, listing)


@st.cache_resource(show_spinner=False, max_entries=2)
def _kept_corpus(_base: Corpus, base_key: int, folders: tuple[str, ...], listing: tuple) -> Corpus:
    """The shared corpus plus the uploads an operator keeps: built once per process and listing
    (the arguments are the cache key)."""
    taken = {a.id for a in _base.agreements}
    return with_uploads(_base, [a for a in load_sources(list(folders)) if a.id not in taken])


def _read(file, corpus: Corpus, uploads: dict, refused: dict) -> None:  # noqa: ANN001 - an UploadedFile
    if len(uploads) >= MAX_UPLOADS:
        refused[file.file_id] = f"追加できる協約は{MAX_UPLOADS}件までです。"
        return
    taken = {a.id for a in corpus.agreements} | {a.id for a, _ in uploads.values()}
    try:
        with st.spinner("協約を読み込んでいます…"):
            agreement, summary = read_upload(file.getvalue(), file.name, taken)
    except AgreementFormatError as error:
        refused[file.file_id] = f"読み込めませんでした。{error.japanese()}"
        return
    uploads[file.file_id] = (agreement, summary)
    keep(file.getvalue(), file.name)
    st.session_state.agreement = agreement.id  # ask the new agreement first; the choice can change it
