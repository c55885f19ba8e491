"""Items, sections and duplicates on the seed, the shipped sample and corpus text."""

from __future__ import annotations

import pytest

import vn_directives as vd
from vn_directives.normalize import normalize
from vn_directives.segment import segment

from .conftest import SAMPLES, corpus_doc, needs_shared, read_raw


def _find(doc, prefix):
    found = [i for i in doc.items if i.clean.startswith(prefix)]
    assert found, f"no item starts with {prefix!r}"
    return found[0]


def test_seed_offsets_hold(seed_doc, seed_text):
    assert seed_doc.items
    for item in seed_doc.items:
        assert seed_text[item.start:item.end] == item.text


def test_seed_repeated_body_is_flagged(seed_doc):
    dups = [i for i in seed_doc.items if i.duplicate_of is not None]
    assert len(dups) >= 40
    first = _find(seed_doc, "Để thực hiện thắng lợi")
    later = [i for i in seed_doc.items if i.clean == first.clean and i.index != first.index]
    assert later and all(i.duplicate_of == first.index for i in later)


def test_seed_semicolon_list_becomes_one_item_per_point(seed_doc):
    starts = ["Tiếp tục đẩy mạnh triển khai thương mại 5G", "Đẩy mạnh nghiên cứu và thúc đẩy",
              "Xây dựng và triển khai hệ thống tiếp nhận", "Xây dựng Quyết định về Mạng truyền số liệu"]
    items = [_find(seed_doc, s) for s in starts]
    assert [i.index for i in items] == list(range(items[0].index, items[0].index + 4))


def test_seed_field_heading_gives_section(seed_doc):
    heading = _find(seed_doc, "Lĩnh vực Bưu chính")
    assert heading.is_heading
    nxt = seed_doc.items[heading.index + 1]
    assert nxt.section == "Lĩnh vực Bưu chính" and nxt.section_index == heading.index


def test_seed_inline_field_heading_is_split(seed_doc):
    heading = _find(seed_doc, "Đối với lĩnh vực Ứng dụng công nghệ thông tin")
    assert heading.is_heading and heading.clean.endswith(":")
    nxt = seed_doc.items[heading.index + 1]
    assert nxt.clean.startswith("Tiếp tục đẩy nhanh tiến trình chuyển đổi số quốc gia")
    assert nxt.section == heading.clean


def test_sample_structure(sample_doc):
    parts = [i.part for i in sample_doc.items]
    assert parts[0] == "header" and "title" in parts and parts[-1] == "closing"
    goal = _find(sample_doc, "1. Đến hết năm 2026")
    assert goal.section == "I. MỤC TIÊU" and goal.marker == "1."
    task = _find(sample_doc, "a) Chủ trì, phối hợp")
    assert task.section == "1. Sở Khoa học và Công nghệ"
    assert _find(sample_doc, "II. NHIỆM VỤ, GIẢI PHÁP").is_heading


def _texts(doc):
    return [" ".join(i.clean.split()) for i in doc.items]


def test_same_items_from_str_bytes_crlf_and_wraps(sample_text):
    base = _texts(vd.analyze(sample_text))
    assert _texts(vd.analyze(sample_text.encode("utf-8"))) == base
    assert _texts(vd.analyze(sample_text.replace("\n", "\r\n"))) == base
    wrapped = read_raw(SAMPLES / "ct-sample-chuyen-doi-so-wrapped.txt")
    assert "\r\n" in wrapped and "**" in wrapped
    assert _texts(vd.analyze(wrapped)) == base


@needs_shared
@pytest.mark.parametrize("name,prefix,section", [
    # a numbered agency heading gives its section to the bullets under it
    ("ct-6-ubnd-quang-tri-2025.txt", "- Tăng cường tham mưu, chỉ đạo", "2. Sở Nông nghiệp và Môi trường"),
    # a wrapped heading is joined before it is read
    ("ct-6-ubnd-quang-tri-2025.txt", "- Thực hiện đầy đủ trách nhiệm",
     "1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:"),
])
def test_corpus_sections(name, prefix, section):
    doc = vd.analyze(corpus_doc(name))
    assert _find(doc, prefix).section == section


@needs_shared
def test_corpus_header_and_title_parts():
    doc = vd.analyze(corpus_doc("ct-6-ubnd-quang-tri-2025.txt"))
    title = _find(doc, "CHỈ THỊ")
    assert title.part == "title" and title.is_heading
    assert _find(doc, "Số: 06/CT-UBND").part == "header"


def test_clauses_of_an_article_sit_under_it():
    text = ("Chương III\nPHÂN CÔNG TRÁCH NHIỆM\n\nĐiều 5. Trách nhiệm của Trưởng ban\n\n1. Chỉ đạo, điều hành "
            "các hoạt động của Ban Chỉ đạo.\n\n2. Ủy quyền cho Phó Trưởng ban khi cần thiết.\n\n"
            "Điều 6. Trách nhiệm của các Phó Trưởng ban\n\n1. Giúp Trưởng ban điều hành công việc.\n")
    items = segment(normalize(text))
    sections = {it.clean[:12]: it.section for it in items if it.clean[:2] in {"1.", "2."}}
    assert sections["1. Chỉ đạo, "] == "Điều 5. Trách nhiệm của Trưởng ban"
    assert sections["2. Ủy quyền "] == "Điều 5. Trách nhiệm của Trưởng ban"
    assert sections["1. Giúp Trưở"] == "Điều 6. Trách nhiệm của các Phó Trưởng ban"
