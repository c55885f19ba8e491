"""Hostile input: long runs of digits, slashes and cue words; odd characters. Every regex must stay
linear, so these finish quickly (a quadratic pattern would take minutes here); results stay correct."""

from __future__ import annotations

import pytest

import vn_directives as vd

HOSTILE = [
    # (name, text, references expected)
    ("digits", "1" * 1_000_000, 0),
    ("slashes", "/" * 1_000_000, 0),
    ("so", "số " * 300_000, 0),
    ("decision + 50,000 digits", "Quyết định số " + "9" * 50_000, 0),
    ("unbalanced quotes", "“" * 100_000 + "về “" * 50_000, 0),
    ("type words", "Luật " * 100_000, 0),
    ("dashes", "1-" * 300_000, 0),
    ("anaphora", "Chỉ thị này " * 50_000, 0),
    ("dates", "ngày 1/" * 100_000, 0),
]


@pytest.mark.parametrize("name,text,n", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_extract_references_hostile(name, text, n):
    assert len(vd.extract_references(text)) == n


def test_ten_megabyte_single_line():
    line = "Giao Sở Tài chính thực hiện Quyết định số 12/QĐ-UBND ngày 01/01/2025 của UBND tỉnh. "
    text = line * (10_000_000 // len(line))
    refs = vd.extract_references(text)
    assert len(refs) == 10_000_000 // len(line)
    assert refs[-1].symbol == "12/QĐ-UBND" and text[refs[-1].start:refs[-1].end] == refs[-1].text


@pytest.mark.parametrize("text", [
    "Chỉ thị \ud800 số 12/CT-UBND",       # a lone surrogate
    "Chỉ thị\x00số 12/CT-UBND\x00" * 100,  # NUL bytes
    "\u202e\u200f" * 1000,                  # bidi controls
    "𝓒𝓱ỉ 𝓽𝓱ị" * 1000,                      # mathematical letters
])
def test_analyze_odd_characters(text):
    doc = vd.analyze(text)
    for rec in doc.items + doc.references:
        assert text[rec.start:rec.end] == rec.text


def test_analyze_long_hostile_line():
    doc = vd.analyze("số 1/" * 100_000)
    assert doc.references == []
