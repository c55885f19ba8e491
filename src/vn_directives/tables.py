"""Records as pandas DataFrames and files (JSONL, JSON, CSV, Parquet)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import VnDirectivesError
from .records import Document

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("documents", "items", "references", "tasks", "targets")


def rows(doc: Document, table: str, doc_id: str | int) -> list[dict]:
    """Flat JSON-safe rows of one table of one document, each with a ``doc`` column."""
    if table == "documents":
        row = {"doc": doc_id, "source": doc.source, **doc.meta.to_dict(),
               "items": len(doc.items), "references": len(doc.references),
               "tasks": len(doc.tasks), "targets": len(doc.targets),
               "warnings": "; ".join(doc.warnings)}
        return [row]
    if table not in TABLES:
        raise VnDirectivesError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    out = []
    for rec in getattr(doc, table):
        d = rec.to_dict()
        for k, v in d.items():
            if isinstance(v, list):
                d[k] = "; ".join(map(str, v))
        out.append({"doc": doc_id, **d})
    return out


def to_dataframe(docs: Document | Iterable[Document], table: str = "items") -> pd.DataFrame:
    """One table over one or many documents as a DataFrame (``doc`` = source or position)."""
    import pandas as pd

    if isinstance(docs, Document):
        docs = [docs]
    data = []
    for i, doc in enumerate(docs):
        data.extend(rows(doc, table, doc.source if doc.source is not None else i))
    if table not in TABLES:
        raise VnDirectivesError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return pd.DataFrame(data)
