"""kyoyaku-search: answer questions about 連携協約 by quoting the clause and citing it."""

from .answering.answer import Answer, Hit, ask
from .errors import AgreementFormatError, KyoyakuError, QuestionError
from .ingest.parser import ParsedSource, parse_file, parse_text
from .ingest.store import load_sources, load_yaml, to_yaml
from .model import Agreement, AnnexRow, Article, Party, RoleCell
from .search.corpus import Corpus, build_corpus, load_corpus
from .search.units import Citation, Unit

__all__ = [
    "Agreement",
    "AgreementFormatError",
    "AnnexRow",
    "Answer",
    "Article",
    "Citation",
    "Corpus",
    "Hit",
    "KyoyakuError",
    "ParsedSource",
    "Party",
    "QuestionError",
    "RoleCell",
    "Unit",
    "ask",
    "build_corpus",
    "load_corpus",
    "load_sources",
    "load_yaml",
    "parse_file",
    "parse_text",
    "to_yaml",
]
