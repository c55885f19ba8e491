"""Distributed batch runs on Dask: paths or a bag of texts → one dask DataFrame per table.

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")          # or LocalCluster() on one machine
    frames = vn_directives.dask.to_frames(paths)     # {"items": ddf, "references": ddf, ...}
    vn_directives.dask.to_parquet(paths, "out/")     # one Parquet dataset per table

This is the only module that imports dask.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from .pipeline import _safe_analyze
from .tables import TABLES, frame, rows, schema

DEFAULT_TABLES = ("documents", "items", "references", "tasks", "targets")


def _all_rows(obj: Any, tables: tuple[str, ...]) -> dict[str, list[dict]]:
    doc = _safe_analyze(obj)
    name = doc.source if doc.source is not None else ""
    return {t: rows(doc, t, name) for t in tables}


def to_frames(inputs: Sequence[str | os.PathLike] | Any, tables: Iterable[str] = DEFAULT_TABLES,
              npartitions: int | None = None) -> dict[str, Any]:
    """One dask DataFrame per table. ``inputs`` is a list (or a dask.bag) of texts (``str``),
    ``bytes`` or paths (``pathlib.Path``; a ``str`` is always a text, never a file name).

    Each document is analyzed once (the per-document rows are persisted on the cluster), then
    every table is a flattened view of those rows.
    """
    import dask.bag as db
    import dask.dataframe as dd

    tables = tuple(tables)
    for table in tables:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
    if isinstance(inputs, db.Bag):
        bag = inputs
    else:
        items = list(inputs)  # Paths stay Paths: a str is a text, as everywhere in the library
        bag = db.from_sequence(items, npartitions=npartitions or max(1, min(len(items), 64)))
    per_doc = bag.map(_all_rows, tables).persist()
    out = {}
    for t in tables:
        cols = schema(t)
        parts = per_doc.pluck(t).map_partitions(_partition, cols)
        out[t] = dd.from_delayed(parts.to_delayed(optimize_graph=False), meta=frame([], cols), verify_meta=False)
    return out


def _partition(per_doc_rows: Iterable[list[dict]], cols: dict[str, str]) -> Any:
    return frame([r for doc_rows in per_doc_rows for r in doc_rows], cols)


def to_parquet(inputs: Sequence[str | os.PathLike] | Any, out_dir: str | os.PathLike,
               tables: Iterable[str] = DEFAULT_TABLES, npartitions: int | None = None) -> list[str]:
    """Write one Parquet dataset per table under ``out_dir``; return their paths."""
    written = []
    for table, ddf in to_frames(inputs, tables, npartitions).items():
        path = os.path.join(os.fspath(out_dir), table)
        ddf.to_parquet(path, write_index=False)
        written.append(path)
    return written
