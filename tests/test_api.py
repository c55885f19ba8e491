"""The public surface: records, JSON, DataFrames, analyze_many."""

from __future__ import annotations

import dataclasses
import json

import pytest

import vn_directives as vd


def test_public_names():
    for name in ["analyze", "analyze_many", "extract_references", "tokenize", "to_dataframe",
                 "Document", "Item", "Reference", "Task", "Target", "Token", "VnDirectivesError",
                 "InputError"]:
        assert name in vd.__all__ and hasattr(vd, name)


def test_records_are_frozen(sample_doc):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_doc.items[0].kind = "task"  # type: ignore[misc]


def test_to_json_round_trip(sample_doc):
    data = json.loads(sample_doc.to_json())
    assert data["meta"]["symbol"] == "12/CT-UBND"
    assert len(data["items"]) == len(sample_doc.items)
    assert data["references"][1]["date"] == "2024-12-22"


def test_every_record_offset_holds(sample_doc, sample_text):
    for rec in sample_doc.items + sample_doc.references + sample_doc.short_forms:
        assert sample_text[rec.start:rec.end] == rec.text


def test_dataframes(sample_doc):
    items = vd.to_dataframe([sample_doc], table="items")
    assert len(items) == len(sample_doc.items)
    assert {"doc", "text", "start", "end", "kind", "sector", "section"} <= set(items.columns)
    refs = sample_doc.to_dataframe("references")
    assert list(refs["symbol"])[:2] == ["12/CT-UBND", "57-NQ/TW"]
    docs = vd.to_dataframe([sample_doc, sample_doc], table="documents")
    assert len(docs) == 2 and docs.loc[0, "symbol"] == "12/CT-UBND"
    with pytest.raises(vd.VnDirectivesError):
        vd.to_dataframe([sample_doc], table="nope")


@pytest.mark.parametrize(("n_process", "window"), [(1, None), (2, None), (2, 1)])
def test_analyze_many_keeps_order_and_reports_failures(tmp_path, n_process, window):
    good = tmp_path / "a.txt"
    good.write_text("Số: 01/CT-UBND\nCHỈ THỊ\nGiao Sở Tài chính chủ trì.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90")
    inputs = [good, bad, "Quyết định số 942/QĐ-TTg"] + [f"Chỉ thị số {i}/CT-UBND" for i in range(1, 9)]
    docs = list(vd.analyze_many(iter(inputs), n_process=n_process, window=window))  # a generator works
    assert docs[0].meta.symbol == "01/CT-UBND"
    assert docs[1].warnings and docs[1].warnings[0].startswith("error:")
    assert docs[2].references[0].symbol == "942/QĐ-TTg"
    assert [d.references[0].number for d in docs[3:]] == list(range(1, 9))


def test_empty_input_gives_empty_document():
    doc = vd.analyze("")
    assert doc.items == [] and doc.references == [] and doc.text == ""


def test_input_is_not_modified():
    data = bytearray("Số: 01/CT-UBND".encode())
    before = bytes(data)
    vd.analyze(bytes(data))
    assert bytes(data) == before
