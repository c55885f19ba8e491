"""Word segmentation that keeps symbols, dates and numbers whole, with offsets into the input."""

from __future__ import annotations

import pytest

import vn_directives as vd

CASES = [
    # (text, a token that must come out whole, its kind)
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "30/2020/NĐ-CP", "reference"),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "05/3/2020", "date"),
    ("Chỉ thị số 34-CT/TW của Bộ Chính trị", "34-CT/TW", "reference"),
    ("Quyết định 942/QĐ-TTg phê duyệt", "942/QĐ-TTg", "reference"),
    ("ngày 07/4/2014 của Bộ", "07/4/2014", "date"),
    ("trên 1.000 dân đạt 0,7", "1.000", "number"),
    ("trên 1.000 dân đạt 0,7", "0,7", "number"),
    ("tăng từ 10% - 20%", "10%", "number"),
    ("trong quý I/2026", "I/2026", "date"),
]


@pytest.mark.parametrize("text,token,kind", CASES)
def test_protected_tokens_whole(text, token, kind):
    toks = vd.tokenize(text)
    match = [t for t in toks if t.text == token]
    assert match and match[0].kind == kind


def test_words_are_segmented():
    toks = [t.text for t in vd.tokenize("Bộ Chính trị tiếp tục đổi mới công tác thi đua")]
    assert "Chính trị" in toks or "Bộ Chính trị" in toks
    assert "thi đua" in toks


def test_token_offsets_point_into_input():
    text = "**Chỉ thị** số 34\\-CT/TW\r\nngày 07/4/2014 của Bộ Chính trị."
    toks = vd.tokenize(text)
    assert toks
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert any(t.kind == "reference" and "34" in t.text for t in toks)
    assert toks[-1].kind == "punct"


def test_empty_text_gives_no_tokens():
    assert vd.tokenize("") == []
