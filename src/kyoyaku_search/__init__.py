"""kyoyaku-search: answer questions about 連携協約 by quoting the clause and citing it.

The stages, each a subpackage, data flowing one way:
ingest (any source → `Agreement`) → search (tokenizer, index, `Corpus`) → answering
(question → `Answer`) → views (CLI, web page, exports). What is listed in `__all__` is the
public API: the CLI and the Streamlit page use nothing else of the library.
"""

from .answering.answer import DEFAULT_TOP_K, MAX_TOP_K, Answer, Hit, ListItem, Quote, Status, ask, find_unit
from .answering.question import MAX_QUESTION_CHARS
from .errors import AgreementFormatError, KyoyakuError, QuestionError
from .ingest.parser import ParsedSource, parse_file, parse_text
from .ingest.store import default_data_dir, load_sources, load_yaml, to_yaml
from .model import Agreement, AnnexRow, Article, Party, RoleCell
from .search.corpus import Corpus, build_corpus
from .search.loading import load_corpus
from .search.units import Citation, Unit, source_place

__all__ = [
    "DEFAULT_TOP_K",
    "MAX_QUESTION_CHARS",
    "MAX_TOP_K",
    "Agreement",
    "AgreementFormatError",
    "AnnexRow",
    "Answer",
    "Article",
    "Citation",
    "Corpus",
    "Hit",
    "KyoyakuError",
    "ListItem",
    "ParsedSource",
    "Party",
    "QuestionError",
    "Quote",
    "RoleCell",
    "Status",
    "Unit",
    "ask",
    "build_corpus",
    "default_data_dir",
    "find_unit",
    "load_corpus",
    "load_sources",
    "load_yaml",
    "parse_file",
    "parse_text",
    "source_place",
    "to_yaml",
]
