"""Each fixer step, and the offset map back to the raw input."""

from __future__ import annotations

import pytest

from vn_directives.normalize import normalize

CASES = [
    # (raw, normalized) — one fixer step per row
    ("Một.\r\nHai.\rBa.", "Một.\nHai.\nBa."),                      # CRLF and CR line ends
    ("Nghị\u00a0định\u200b số", "Nghị định số"),               # NBSP and zero-width space
    ("Nghi\u0323 quyê\u0301t", "Nghị quyết"),                 # decomposed tone marks → NFC
    ("30/2020/N\u00d0-CP", "30/2020/NĐ-CP"),                  # U+00D0 Eth → U+0110 Đ
    ("34\u2013CT/TW", "34-CT/TW"),                            # en dash inside a symbol
    ("giai đoạn 2021 – 2025", "giai đoạn 2021 – 2025"),        # a spaced dash is left alone
    (r"34\-CT/TW", "34-CT/TW"),                               # markdown escape \-
    ("**CHỈ THỊ**", "CHỈ THỊ"),                               # bold markers
    ("Ch**ỉ th**ị", "Chỉ thị"),                               # bold markers inside a word
    ("*Hà Nội, ngày 5 tháng 3 năm 2025*", "Hà Nội, ngày 5 tháng 3 năm 2025"),  # italics
    ("Danh mục (*)", "Danh mục (*)"),                         # a footnote star stays
    ("|\nSố: 06/CT-UBND\n|", "Số: 06/CT-UBND"),               # table pipes become line breaks
    ("a   b", "a b"),                                         # runs of spaces fold
    ("thực hiện\nchỉ đạo của Tỉnh ủy", "thực hiện chỉ đạo của Tỉnh ủy"),   # hard wrap, lower case
    ("Nghị quyết số\n163/2024/QH15", "Nghị quyết số 163/2024/QH15"),      # wrap inside a citation
    ("Lĩnh vực Bưu chính\nTiếp tục đẩy mạnh", "Lĩnh vực Bưu chính\nTiếp tục đẩy mạnh"),  # new paragraph
    ("các nội dung:\n1. Mục tiêu", "các nội dung:\n1. Mục tiêu"),          # list point starts a line
    ("yêu cầu\n- Thực hiện", "yêu cầu\n- Thực hiện"),                     # bullet starts a line
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_normalize_steps(raw, expected):
    norm = normalize(raw)
    assert norm.text.strip("\n") == expected


BLANK_MODE = "Để tiếp tục thực hiện nghiêm\nChỉ thị số 05/CT-TTg của Thủ tướng.\n\nĐoạn hai.\n\nĐoạn ba.\n"


def test_normalize_joins_upper_case_wraps_when_blank_lines_separate_paragraphs():
    assert "nghiêm Chỉ thị số 05/CT-TTg" in normalize(BLANK_MODE).text


@pytest.mark.parametrize("raw,lines", [
    ("**Kính gửi:** Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc\nChính phủ\nXét báo cáo của "
     "Bộ Tài\nchính tại văn bản số 621/BC-BTC.\n\nĐoạn hai.\n\nĐoạn ba.\n",
     ["Kính gửi: Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
      "Xét báo cáo của Bộ Tài chính tại văn bản số 621/BC-BTC."]),
    ("Kính gửi: Các\nThuế tỉnh, thành phố.\nNgày 30/6/2025, Chính phủ ban hành Nghị định.\n\nHai.\n\nBa.\n",
     ["Kính gửi: Các Thuế tỉnh, thành phố.", "Ngày 30/6/2025, Chính phủ ban hành Nghị định."]),
])
def test_addressee_block_ends_before_the_letter_body(raw, lines):
    got = [ln for ln in normalize(raw).text.split("\n") if ln]
    assert got[:2] == lines


@pytest.mark.parametrize("raw", [
    "**ỦY BAN NHÂN DÂN**\r\nTỈNH QUẢNG TRỊ\r\n|\r\nSố:\u00a006/CT\\-UBND",
    "Nghi\u0323 đi\u0323nh 30/2020/N\u00d0-CP ngày 05/3/2020",
    "a\u200b\u200bb  c\n\nd",
])
def test_offset_map_points_into_raw(raw):
    norm = normalize(raw)
    for s in range(len(norm.text)):
        for e in range(s + 1, min(len(norm.text), s + 12) + 1):
            rs, re_ = norm.raw_span(s, e)
            assert 0 <= rs <= re_ <= len(raw)
            # what the raw span holds normalizes to the same visible letters
            assert normalize(raw[rs:re_]).text.replace(" ", "").replace("\n", "") \
                == norm.text[s:e].replace(" ", "").replace("\n", "")


def test_normalize_reports_steps():
    norm = normalize("**Số:**\r\n30/2020/N\u00d0-CP")
    assert {"newlines", "markdown", "eth"} <= set(norm.applied)
