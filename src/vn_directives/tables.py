"""Records as pandas DataFrames and files (JSONL, JSON, CSV, Parquet)."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from .errors import VnDirectivesError
from .records import Document, DocumentMeta, Item, Reference, Target, Task

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("documents", "items", "references", "tasks", "targets")
_RECORDS = {"items": Item, "references": Reference, "tasks": Task, "targets": Target}
_DTYPES = {int: "int64", float: "float64", bool: "bool"}
_NULLABLE = {int: "Int64", float: "float64", bool: "boolean"}


def _dtype(hint: object) -> str:
    args = typing.get_args(hint)
    if type(None) in args:
        inner = [a for a in args if a is not type(None)]
        return _NULLABLE.get(inner[0], "object") if len(inner) == 1 else "object"
    return _DTYPES.get(hint, "object")


def schema(table: str) -> dict[str, str]:
    """The columns of a table and their pandas dtypes (``Int64`` where an integer may be missing)."""
    return dict(_schema(table))


@cache
def _schema(table: str) -> dict[str, str]:
    if table == "documents":
        cols = {"doc": "object", "source": "object"}
        cols.update({f.name: _dtype(h) for f, h in _hints(DocumentMeta)})
        cols.update({"items": "int64", "references": "int64", "tasks": "int64", "targets": "int64",
                     "warnings": "object"})
        return cols
    if table not in _RECORDS:
        raise VnDirectivesError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return {"doc": "object", **{f.name: _dtype(h) for f, h in _hints(_RECORDS[table])}}


def _hints(cls: type) -> list[tuple[dataclasses.Field, object]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


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
    cols = schema(table)
    if isinstance(docs, Document):
        docs = [docs]
    data = []
    for i, doc in enumerate(docs):
        data.extend(rows(doc, table, doc.source if doc.source is not None else i))
    return frame(data, cols)


def frame(data: list[dict], cols: dict[str, str]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the columns and dtypes of a :func:`schema`."""
    import pandas as pd

    return pd.DataFrame(data, columns=list(cols)).astype(cols)
