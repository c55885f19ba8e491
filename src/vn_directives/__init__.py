"""vn_directives: structured records from Vietnamese government directives and plans.

>>> import vn_directives as vd
>>> doc = vd.analyze("Số: 12/CT-UBND\\nGiao Sở Tài chính chủ trì thực hiện.")
"""

from .errors import InputError, ModelError, SymbolError, VnDirectivesError
from .pipeline import analyze, analyze_many
from .records import Document, DocumentMeta, Item, Reference, ShortForm, Target, Task, Token
from .references import extract_references, parse_symbol
from .tables import to_dataframe
from .tokenize import tokenize

__version__ = "0.1.0"


def __getattr__(name: str):
    # the classifier pulls in scikit-learn: load it only when asked for
    if name in {"ItemClassifier", "train_classifier"}:
        from .classify import model

        return getattr(model, name)
    if name == "citation_graph":
        from .graph import citation_graph

        return citation_graph
    if name == "load_spacy":
        from .spacy_glue import load_spacy

        return load_spacy
    raise AttributeError(f"module 'vn_directives' has no attribute {name!r}")

__all__ = [
    "Document",
    "DocumentMeta",
    "InputError",
    "Item",
    "ItemClassifier",
    "ModelError",
    "Reference",
    "ShortForm",
    "SymbolError",
    "Target",
    "Task",
    "Token",
    "VnDirectivesError",
    "__version__",
    "analyze",
    "analyze_many",
    "citation_graph",
    "extract_references",
    "load_spacy",
    "parse_symbol",
    "to_dataframe",
    "tokenize",
    "train_classifier",
]
