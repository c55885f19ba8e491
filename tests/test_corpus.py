"""The annotated corpus is well formed: every record's text is the slice of the shared file."""

from __future__ import annotations

import csv
import json

import pytest

from .conftest import ROOT, SHARED, needs_shared, read_raw

ANN = ROOT / "corpus" / "annotations"
REF_KEYS = {"start", "end", "text", "form", "doc_type", "symbol", "number", "year", "type_code",
            "issuer_code", "issuer", "date", "title", "role"}


def source(name: str):
    if name.startswith("seed-"):
        return SHARED / "seed" / name.removeprefix("seed-")
    return SHARED / "docs" / name


def test_splits_cover_the_corpus():
    rows = list(csv.DictReader(open(ROOT / "corpus" / "splits.tsv", encoding="utf-8"), delimiter="\t"))
    assert {r["split"] for r in rows} == {"train", "dev", "test"}
    by_group = {}
    for r in rows:
        by_group.setdefault(r["group"], set()).add(r["split"])
    assert all(len(s) == 1 for s in by_group.values()), "an issuer group spans two splits"


@needs_shared
@pytest.mark.parametrize("path", sorted((ANN / "references").glob("*.jsonl")), ids=lambda p: p.stem)
def test_reference_annotations(path):
    raw = read_raw(source(path.stem + ".txt"))
    last = -1
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) == REF_KEYS
        assert raw[rec["start"]:rec["end"]] == rec["text"]
        assert rec["start"] >= last
        last = rec["end"]
        assert rec["form"] in {"numbered", "named"} and rec["role"] in {"self", "cited"}


@needs_shared
@pytest.mark.parametrize("path", sorted((ANN / "items").glob("*.jsonl")), ids=lambda p: p.stem)
def test_item_annotations(path):
    from vn_directives.classify.labels import KINDS, SECTORS

    raw = read_raw(source(path.stem + ".txt"))
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert 0 <= rec["start"] < rec["end"] <= len(raw)
        assert rec["kind"] in KINDS and rec["sector"] in SECTORS
