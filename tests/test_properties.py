"""Properties over arbitrary text: a Document always, offsets always hold, no stray exceptions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vn_directives as vd

VI = st.sampled_from(list("aăâđeêioôơuưyáàảãạắằặấầậđéèẹếềệíìịóòọốồộớờợúùụứừựýỳỵÐĐ"
                          "0123456789/-.,;:*|\\ \n\r\t\u00a0\u200b\u0301\u0323()“”\"")) | st.sampled_from([
    "Số: ", "Chỉ thị số ", "34-CT/TW", "30/2020/NĐ-CP", "ngày 07/4/2014", " của Bộ Chính trị",
    "Luật Đất đai", "1. ", "a) ", "- ", "Lĩnh vực Bưu chính\n", "**", "CHỈ THỊ\n", "; Xây dựng",
])
TEXTS = st.lists(VI, max_size=60).map("".join) | st.text(max_size=200)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_analyze_any_text(text):
    original = str(text)
    doc = vd.analyze(text)
    assert isinstance(doc, vd.Document)
    assert text == original and doc.text == text
    for rec in doc.items + doc.references + doc.short_forms:
        assert 0 <= rec.start <= rec.end <= len(text)
        assert text[rec.start:rec.end] == rec.text
    for rec in doc.tasks + doc.targets:
        assert 0 <= rec.item < len(doc.items)
    assert vd.analyze(text) == doc  # deterministic


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_analyze_any_bytes(data):
    original = bytes(data)
    try:
        doc = vd.analyze(data)
    except vd.VnDirectivesError:
        return  # undecodable bytes: a clear error, nothing else
    assert data == original
    for rec in doc.items + doc.references:
        assert doc.text[rec.start:rec.end] == rec.text


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_extract_references_any_text(text):
    for r in vd.extract_references(text):
        assert text[r.start:r.end] == r.text
