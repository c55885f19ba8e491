"""Each fixer step, and the offset map back to the raw input."""

from __future__ import annotations

import pytest

from vn_directives.normalize import (
    fix_dashes,
    fix_markdown,
    fix_pipes,
    fix_spaces,
    fix_wraps,
    normalize,
)

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


WRAPS = [
    # (text, offsets of the breaks that join) — fix_wraps alone, on text no other step has touched
    ("Đoạn một được\nngắt dòng ở giữa.\n\nĐoạn hai cũng\nbị ngắt.\n\nĐoạn ba.\n", [13, 46]),  # blank-line paragraphs
    ("Tiêu đề\n-----\nnội dung tiếp\ntheo\n", [27]),                           # a rule line joins nothing
    ("  thực hiện\n  chỉ đạo của Tỉnh ủy  \n\nHai.\n\nBa.\n", [11]),           # lines not yet stripped
    ("Kính gửi: Các\nThuế tỉnh, thành phố.\nNgày 30/6/2025, Chính phủ ban hành Nghị định.\n\nHai.\n\nBa.\n", [13]),
    ("Số: 12/CT-UBND\nthực hiện", []),                                         # the number line stands alone
    ("CHỈ THỊ\nvề việc", []),                                                  # so does the type line
    ("Điều\n3. Nguyên tắc", [4]),                                              # a unit word joins its number
    ("1.\nMục tiêu", [2]),                                                     # a bare marker joins its text
    # a numbered section heading stays over its first sentence; a wrapped heading or name still joins
    ("II. MỤC TIÊU\n1. Mục tiêu chung\nĐến năm 2030, hoàn thành\nChính phủ số.\n\nHai.\n\nBa.\n", [55]),
    ("1. Mục tiêu tổng thể giai đoạn 2026 - 2030\nKiểm soát ô nhiễm.\n\nHai.\n\nBa.\n", []),
    ("II. MỤC TIÊU\nCHỦ YẾU\n\nHai.\n\nBa.\n", [12]),
    ("5. Kinh phí hoạt động của Hội đồng\nQuản lý Quỹ được tính vào chi phí.\n\nHai.\n\nBa.\n", [34]),
    ("3. Thời gian thực hiện\nChương trình: Từ năm 2025.\n\nHai.\n\nBa.\n", [22]),
]


@pytest.mark.parametrize("text,breaks", WRAPS)
def test_fix_wraps_alone(text, breaks):
    assert fix_wraps(text) == [(i, i + 1, " ") for i in breaks]


MARKDOWN = [
    # (text, edits) — fix_markdown alone, including texts without any "*"
    ("Mẫu số __a__ và ____ chỗ trống", [(7, 9, ""), (10, 12, "")]),  # "__" touching a word goes, a blank stays
    ("# Tiêu đề\n## Mục", [(0, 2, ""), (10, 13, "")]),               # heading hashes only
    ("a_b __ c", []),                                                # nothing to remove
    ("**Số:** 12 và (*) * a\n* b", [(0, 2, ""), (5, 7, ""), (18, 19, ""), (22, 23, "-")]),  # bold, footnote, bullet
]


@pytest.mark.parametrize("text,edits", MARKDOWN)
def test_fix_markdown_alone(text, edits):
    assert fix_markdown(text) == edits


@pytest.mark.parametrize("text,edits", [
    ("34\u2013CT/TW", [(2, 3, "-")]),  # inside a symbol
    ("2021 \u2013 2025", []),          # spaced: left alone
    ("\u2013a", []),                   # at the text's edges
    ("a\u2013", []),
    ("a\u2212\u2212b", []),           # two in a row: neither sits between word characters
])
def test_fix_dashes_alone(text, edits):
    assert fix_dashes(text) == edits


def test_fix_pipes_alone_and_counted_per_pipe():
    assert fix_pipes("|a|b|") == [(0, 1, "\n"), (2, 3, "\n"), (4, 5, "\n")]
    norm = normalize("|a|b|")
    assert norm.text == "\na b\n" and norm.applied == {"pipes": 3, "wraps": 1}


SPACES_AFTER = [("spaces", fix_spaces), ("markdown", fix_markdown), ("wraps", fix_wraps), ("spaces2", fix_spaces)]


@pytest.mark.parametrize("raw,text,applied", [
    # (raw, text, applied) — custom steps: the second fix_spaces still runs when markdown left a run of spaces
    ("a ** b", "a b", {"markdown": 1, "spaces2": 1}),
    ("a **\nb c", "a b c", {"markdown": 1, "wraps": 1, "spaces2": 1}),
    ("Dòng một\nhai  c", "Dòng một hai c", {"spaces": 1, "wraps": 1}),  # after spaces and wraps: nothing left
])
def test_custom_steps_second_space_pass(raw, text, applied):
    norm = normalize(raw, SPACES_AFTER)
    assert (norm.text, norm.applied) == (text, applied)


def test_number_line_check_is_linear():
    # "Số" and a long number not at the line's end: the number-line regex used to backtrack quadratically (minutes)
    raw = "Số " + "1" * 200_000 + " x\nthực hiện"
    assert normalize(raw).text == raw.replace("\n", " ")
