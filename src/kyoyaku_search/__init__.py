"""kyoyaku-search: answer questions about 連携協約 by quoting the clause and citing it."""

from .answer import Answer, Hit, ask
from .corpus import Corpus, build_corpus, load_corpus
from .errors import AgreementFormatError, KyoyakuError, QuestionError
from .model import Agreement, AnnexRow, Article, Party, RoleCell
from .parser import ParsedSource, parse_file, parse_text
from .store import load_sources, load_yaml, to_yaml
from .units import Citation, Unit

__all__ = [
    "Agreement", "AgreementFormatError", "AnnexRow", "Answer", "Article", "Citation", "Corpus", "Hit",
    "KyoyakuError", "ParsedSource", "Party", "QuestionError", "RoleCell", "Unit", "ask", "build_corpus",
    "load_corpus", "load_sources", "load_yaml", "parse_file", "parse_text", "to_yaml",
]
