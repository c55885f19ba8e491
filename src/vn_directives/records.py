"""Frozen record types of the public API (see API.md).

Every record with ``start``/``end`` indexes the caller's input exactly as given (after bytes are
decoded), so ``doc.text[r.start:r.end] == r.text`` holds for all of them.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict of the record's fields."""
        return _jsonable(self)

    def to_json(self, **kwargs: Any) -> str:
        """The record as a JSON string (UTF-8 characters kept)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


@dataclass(frozen=True, slots=True)
class Token(_Record):
    """A word, legal symbol, date, number or punctuation mark."""

    text: str
    start: int
    end: int
    kind: str  # word | reference | date | number | punct


@dataclass(frozen=True, slots=True)
class Reference(_Record):
    """One mention of a legal or administrative instrument (ANNOTATION.md section 1)."""

    text: str
    start: int
    end: int
    doc_type: str | None = None
    symbol: str | None = None
    number: int | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    role: str = "cited"
    form: str = "numbered"  # numbered | named
    key: str | None = None
    provision: str | None = None
    relation: str = "refers"
    item: int | None = None


@dataclass(frozen=True, slots=True)
class ShortForm(_Record):
    """An anaphor or short form ("Chỉ thị này", "Quyết định số 942") and what it points to."""

    text: str
    start: int
    end: int
    resolves_to: str | None = None  # the key of the instrument it points to


@dataclass(frozen=True, slots=True)
class Item(_Record):
    """A sentence, list point or clause: the unit that is classified (ANNOTATION.md section 2)."""

    text: str
    start: int
    end: int
    index: int
    clean: str = ""
    part: str = "body"  # header | title | body | closing
    marker: str | None = None
    level: int = 0
    is_heading: bool = False
    section: str | None = None
    section_index: int | None = None
    duplicate_of: int | None = None
    kind: str | None = None
    sector: str | None = None
    kind_score: float | None = None
    sector_score: float | None = None


@dataclass(frozen=True, slots=True)
class Task(_Record):
    """Who must do what by when, parsed from a task item."""

    item: int
    action: str
    responsible: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Target(_Record):
    """A figure to reach, parsed from a target item."""

    item: int
    metric: str | None
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    comparator: str | None = None
    deadline: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class DocumentMeta(_Record):
    """The document's own identity, from its header block or a source line."""

    doc_type: str | None = None
    symbol: str | None = None
    number: int | None = None
    date: str | None = None
    issuer: str | None = None
    place: str | None = None
    title: str | None = None
    signer: str | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """Everything the library extracted from one input document."""

    text: str
    source: str | None = None
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    items: list[Item] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    short_forms: list[ShortForm] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None

    def to_dataframe(self, table: str = "items"):
        """One table of this document as a pandas DataFrame."""
        from .tables import to_dataframe

        return to_dataframe([self], table=table)
