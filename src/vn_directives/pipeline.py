"""The pipeline: decode → normalize → header → segment → references → classify → parse."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from dataclasses import replace
from typing import Any

from .decode import decode
from .errors import VnDirectivesError
from .normalize import normalize
from .parse import parse_items
from .records import Document, DocumentMeta, Item, Reference
from .references.header import read_header, read_signer
from .references.scan import scan, short_forms, to_references
from .segment import segment

InputLike = str | bytes | os.PathLike


def _meta(header, refs: list[Reference], signer: str | None) -> DocumentMeta:
    own = next((r for r in refs if r.role == "self"), None)
    return DocumentMeta(
        doc_type=(own.doc_type if own else None) or header.doc_type,
        symbol=own.symbol if own else None,
        number=own.number if own else None,
        date=header.date or (own.date if own else None),
        issuer=header.issuer or (own.issuer if own else None),
        place=header.place,
        title=header.title or (own.title if own else None),
        signer=signer,
        key=own.key if own else None,
    )


def _attach_items(refs: list[Reference], items: list[Item]) -> list[Reference]:
    out = []
    k = 0
    for r in refs:
        while k < len(items) and items[k].end <= r.start:
            k += 1
        idx = items[k].index if k < len(items) and items[k].start <= r.start < items[k].end else None
        out.append(replace(r, item=idx))
    return out


def analyze(obj: InputLike, *, source: str | None = None, encoding: str | None = None,
            classifier: Any = None) -> Document:
    """Analyze one document (str, bytes or path) into a :class:`Document`.

    ``classifier`` overrides the shipped item classifier (see :func:`train_classifier`); pass
    ``False`` to leave ``kind``/``sector`` empty.
    """
    dec = decode(obj, source=source, encoding=encoding)
    text = dec.text
    norm = normalize(text)
    header = read_header(norm.text)
    items = segment(norm)
    clf = _classifier(classifier)
    if clf is not None and items:
        items = clf.classify(items)
    mentions = scan(norm.text, header)
    warnings = [w for m in mentions for w in m.warnings]
    refs = _attach_items(to_references(norm, mentions), items)
    meta = _meta(header, refs, read_signer(norm.text))
    shorts = short_forms(norm, refs, meta.key, meta.doc_type)
    tasks, targets = parse_items(items)
    return Document(text=text, source=dec.source, meta=meta, items=items, references=refs,
                    short_forms=shorts, tasks=tasks, targets=targets, warnings=warnings,
                    encoding=dec.encoding)


def _classifier(choice: Any):
    """The classifier to apply: the shipped one (None), none (False) or the caller's."""
    if choice is False:
        return None
    if choice is None:
        from .classify.persist import shipped

        return shipped()
    if not hasattr(choice, "classify"):
        from .classify.model import ItemClassifier

        raise VnDirectivesError(f"classifier must be an {ItemClassifier.__name__}, None or False")
    return choice


def _safe_analyze(obj: InputLike, encoding: str | None = None) -> Document:
    try:
        return analyze(obj, encoding=encoding)
    except VnDirectivesError as exc:
        source = os.fspath(obj) if isinstance(obj, os.PathLike) else None
        return Document(text="", source=source, warnings=[f"error: {exc}"])


def analyze_many(inputs: Iterable[InputLike], n_process: int = 1, progress: bool = False,
                 window: int | None = None, encoding: str | None = None) -> Iterator[Document]:
    """Analyze many documents lazily, in input order. A document that fails is returned with an
    ``error:`` warning instead of stopping the run.

    With ``n_process > 1`` documents go one by one to worker processes (so a long document does not
    hold back a batch); at most ``window`` (default ``4 * n_process``) are in flight, so memory stays
    flat however long ``inputs`` is, as long as the caller consumes the results. ``encoding`` forces
    the encoding of bytes and files (see :func:`vn_directives.decode.decode`).
    """
    it: Iterable[InputLike] = inputs
    if progress:
        from rich.progress import track

        total = len(inputs) if isinstance(inputs, Sized) else None
        it = track(inputs, total=total, description="analyzing")
    if n_process <= 1:
        for obj in it:
            yield _safe_analyze(obj, encoding)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    limit = max(1, window or 4 * n_process)
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        pending: deque[Future[Document]] = deque()
        for obj in it:
            pending.append(pool.submit(_safe_analyze, obj, encoding))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
