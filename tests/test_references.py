"""Reference extraction: every numbering family and variant, context fields, identity, anaphora."""

from __future__ import annotations

import pytest

import vn_directives as vd
from vn_directives.references import parse_symbol

SYMBOLS = [
    # (as written, symbol, number, year, type_code, issuer_code, implied doc_type)
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", 30, 2020, "NĐ", "CP", "Nghị định"),        # normative
    ("64/2025/QH15", "64/2025/QH15", 64, 2025, None, "QH15", "Luật"),             # law
    ("528/2018/UBTVQH14", "528/2018/UBTVQH14", 528, 2018, None, "UBTVQH14", "Pháp lệnh"),
    ("942/QĐ-TTg", "942/QĐ-TTg", 942, None, "QĐ", "TTg", "Quyết định"),          # administrative
    ("1234/UBND-KT", "1234/UBND-KT", 1234, None, None, "UBND-KT", "Công văn"),   # công văn
    ("34-CT/TW", "34-CT/TW", 34, None, "CT", "TW", "Chỉ thị"),                   # Party
    ("08-QĐi/TW", "08-QĐi/TW", 8, None, "QĐi", "TW", "Quy định"),                # Party Quy định
    ("36-HD/VPTW.", "36-HD/VPTW", 36, None, "HD", "VPTW", "Hướng dẫn"),           # trailing period
    ("05 /CT-TW", "05/CT-TW", 5, None, "CT", "TW", "Chỉ thị"),                   # inner space
    ("30/2020/NÐ-CP", "30/2020/NĐ-CP", 30, 2020, "NĐ", "CP", "Nghị định"),        # U+00D0 Eth
    ("30/2020/ND-CP", "30/2020/NĐ-CP", 30, 2020, "NĐ", "CP", "Nghị định"),        # ASCII-folded
    (r"34\-CT/TW", "34-CT/TW", 34, None, "CT", "TW", "Chỉ thị"),                  # markdown escape
    ("6/2021/TT-BLĐTBXH", "6/2021/TT-BLĐTBXH", 6, 2021, "TT", "BLĐTBXH", "Thông tư"),  # no leading 0
    ("06-2021-TT-BLĐTBXH", "06/2021/TT-BLĐTBXH", 6, 2021, "TT", "BLĐTBXH", "Thông tư"),  # file form
    ("12/QYĐ-UBND", "12/QyĐ-UBND", 12, None, "QyĐ", "UBND", "Quy định"),          # upper-case QyĐ
    ("15/CTR-UBND", "15/CTr-UBND", 15, None, "CTr", "UBND", "Chương trình"),      # upper-case CTr
    ("85/TTR-SNV", "85/TTr-SNV", 85, None, "TTr", "SNV", "Tờ trình"),             # upper-case TTr
    ("03/VBHN-VPQH", "03/VBHN-VPQH", 3, None, "VBHN", "VPQH", "Văn bản hợp nhất"),
    ("4179-CV/TWĐTN-VP", "4179-CV/TWĐTN-VP", 4179, None, "CV", "TWĐTN-VP", "Công văn"),
    ("01/2014/TTLT-BTP-BNV", "01/2014/TTLT-BTP-BNV", 1, 2014, "TTLT", "BTP-BNV", "Thông tư liên tịch"),
]


@pytest.mark.parametrize("written,symbol,number,year,tcode,icode,dtype", SYMBOLS)
def test_parse_symbol(written, symbol, number, year, tcode, icode, dtype):
    s = parse_symbol(written)
    assert (s.symbol, s.number, s.year, s.type_code, s.issuer_code, s.doc_type) == (
        symbol, number, year, tcode, icode, dtype)


@pytest.mark.parametrize("bad", ["", "Điều 5", "2021-2025", "07/4/2014", "abc/QĐ-TTg", "1" * 500])
def test_parse_symbol_rejects(bad):
    with pytest.raises(vd.SymbolError):
        parse_symbol(bad)


def one(text):
    refs = [r for r in vd.extract_references(text) if r.role == "cited"]
    assert len(refs) == 1, refs
    return refs[0]


CONTEXT = [
    # (text, expected fields) — type word, date forms, issuer, title
    ("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”;",
     dict(doc_type="Chỉ thị", date="2014-04-07", issuer="Bộ Chính trị",
          title="Tiếp tục đổi mới công tác thi đua, khen thưởng",
          text="Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị")),
    ("theo Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020 của Chính phủ về công tác văn thư.",
     dict(doc_type="Nghị định", date="2020-03-05", issuer="Chính phủ", title="công tác văn thư")),
    ("Kết luận số 21-KL/TW ngày 25-10-2021 của Ban Chấp hành Trung ương",
     dict(doc_type="Kết luận", date="2021-10-25", issuer="Ban Chấp hành Trung ương")),
    ("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị",                    # type word wins
     dict(doc_type="Quy định", type_code="QĐ")),
    ("tại văn bản số 1234/UBND-KT ngày 02/01/2025",
     dict(doc_type="Công văn", symbol="1234/UBND-KT", issuer_code="UBND-KT")),
    ("Công văn số 5363/CT-CS ngày 20/11/2025 của Cục Thuế",                        # CT is the issuer
     dict(doc_type="Công văn", type_code=None, issuer_code="CT-CS", issuer="Cục Thuế")),
    ("Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử;",
     dict(title="phê duyệt Chiến lược phát triển Chính phủ điện tử", issuer="Thủ tướng Chính phủ")),
    ("Chỉ thị số 05 /CT-TW ngày 15/5/2016 của Bộ Chính trị khóa XII;",            # khóa dropped
     dict(symbol="05/CT-TW", issuer="Bộ Chính trị", date="2016-05-15")),
    ("Nghị quyết số\n163/2024/QH15 của Quốc hội",                                 # wrapped symbol
     dict(doc_type="Nghị quyết", symbol="163/2024/QH15", issuer="Quốc hội")),
    ("Luật Đất đai số 31/2024/QH15",                                              # named law + number
     dict(doc_type="Luật", symbol="31/2024/QH15", title="Đất đai")),
    ("Xét Báo cáo thẩm tra số 116/BC-BĐT ngày 24 tháng 11 năm 2025 của Ban Đô thị;",  # the report's kind
     dict(doc_type="Báo cáo", symbol="116/BC-BĐT", start=4, issuer="Ban Đô thị", date="2025-11-24")),
    ("THI HÀNH NGHỊ QUYẾT SỐ 201/2025/QH15 NGÀY 29 THÁNG 5 NĂM 2025 CỦA QUỐC HỘI THÍ ĐIỂM VỀ MỘT SỐ CƠ CHẾ",
     dict(symbol="201/2025/QH15", date="2025-05-29", issuer="QUỐC HỘI", title="THÍ ĐIỂM VỀ MỘT SỐ CƠ CHẾ")),
    ("Nghị định số 106/2025/NĐ-CP của Chính phủ chi tiết được nêu tại Phụ lục",
     dict(symbol="106/2025/NĐ-CP", issuer="Chính phủ", end=41)),
    ("Quyết định số 3149/QĐ-UBND ngày 09/12/2016 của Ủy ban nhân dân tỉnh Quảng Trị (cũ) về việc ban hành "
     "Điều lệ của Quỹ.", dict(symbol="3149/QĐ-UBND", title="ban hành Điều lệ của Quỹ")),
    ("theo Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025;",  # a department code with a dot
     dict(doc_type="Công văn", symbol="6721/VPCP-V.I", issuer_code="VPCP-V.I", date="2025-07-19")),
    ("theo Thông tư số 53/2024/TT-BGTVT của Bộ Giao thông vận tải quy định về phân loại phương tiện;",
     dict(symbol="53/2024/TT-BGTVT", issuer="Bộ Giao thông vận tải", title="quy định về phân loại phương tiện")),
    ("Quyết định số 05/2021/QĐ-UBND của UBND tỉnh Bắc Giang hết hiệu lực thi hành.",  # the verb is no title
     dict(symbol="05/2021/QĐ-UBND", issuer="UBND tỉnh Bắc Giang", title=None)),
    ("Căn cứ Luật Tín ngưỡng, tôn giáo số 02/2016/QH14;",  # a named law whose name has a comma
     dict(doc_type="Luật", symbol="02/2016/QH14", start=7, title="Tín ngưỡng, tôn giáo")),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quảng cáo số\n75/2025/QH15;",  # an amending law
     dict(doc_type="Luật", symbol="75/2025/QH15", start=7,
          title="sửa đổi, bổ sung một số điều của Luật Quảng cáo")),
    # a capitalised title right after a central body, with no "về" before it
    ("Căn cứ Nghị định số 64/2007/NĐ-CP của Chính phủ Ứng dụng công nghệ thông tin trong hoạt động của cơ quan "
     "nhà nước;", dict(issuer="Chính phủ", title="Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
                       text="Nghị định số 64/2007/NĐ-CP của Chính phủ")),
    ("Nghị quyết số 10/NQ-CP của Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam",  # not after a lower-case word
     dict(title=None)),
    # in a "Căn cứ" line a title goes on over ";" to the end of the line
    ("Căn cứ Nghị định số 133/2025/NĐ-CP của Chính phủ quy định về phân quyền, phân cấp; phân định thẩm quyền "
     "của chính quyền địa phương 02 cấp trong lĩnh vực công tác dân tộc, tín ngưỡng, tôn giáo;\nCăn cứ ý kiến.",
     dict(title="quy định về phân quyền, phân cấp; phân định thẩm quyền của chính quyền địa phương 02 cấp trong "
                "lĩnh vực công tác dân tộc, tín ngưỡng, tôn giáo")),
    # "được sửa đổi, bổ sung thuộc ..." is part of the title; "được sửa đổi, bổ sung bởi ..." is not
    ("Căn cứ Quyết định số 12/QĐ-BDTTG của Bộ Dân tộc và Tôn giáo về việc công bố thủ tục hành chính mới ban "
     "hành, được sửa đổi, bổ sung thuộc phạm vi chức năng quản lý;",
     dict(title="công bố thủ tục hành chính mới ban hành, được sửa đổi, bổ sung thuộc phạm vi chức năng quản lý")),
]


@pytest.mark.parametrize("text,symbol,title", [
    # the amending instrument after "được sửa đổi, bổ sung bởi" is a mention of its own, not title
    ("Căn cứ Nghị định số 23/2015/NĐ-CP của Chính phủ về chứng thực được sửa đổi, bổ sung bởi Nghị định số "
     "07/2025/NĐ-CP;", "23/2015/NĐ-CP", "chứng thực"),
    # "được sửa đổi bổ sung bởi" also without its comma; "và các quy định khác" is not the title
    ("Căn cứ Nghị định số 83/2020/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Lâm nghiệp "
     "được sửa đổi bổ sung bởi Nghị định số 91/2024/NĐ-CP;", "83/2020/NĐ-CP",
     "quy định chi tiết thi hành một số điều của Luật Lâm nghiệp"),
    ("Quyết định số 47/QĐ-TTg ngày 09/5/2024 phê duyệt quy hoạch sử dụng đất quốc phòng thời kỳ 2021-2030 và các "
     "quy định khác có liên quan.", "47/QĐ-TTg", "phê duyệt quy hoạch sử dụng đất quốc phòng thời kỳ 2021-2030"),
    # a list point of legal basis: its title goes on over ";" like a "Căn cứ" line's
    ("- Thông tư số 257/2016/TT-BTC ngày 11/11/2016 của Bộ trưởng Bộ Tài chính quy định mức thu, chế độ thu, nộp,"
     " quản lý, sử dụng phí công chứng; phí chứng thực; lệ phí cấp thẻ công chứng viên;\n- Quyết định", "257/2016/TT-BTC",
     "quy định mức thu, chế độ thu, nộp, quản lý, sử dụng phí công chứng; phí chứng thực; lệ phí cấp thẻ công chứng viên"),
    # procedures that were amended are part of the title, not the instrument's amendment
    ("Quyết định 3152/QĐ-BTP ngày 31/10/2025 của Bộ trưởng Bộ Tư pháp về việc công bố thủ tục hành chính được sửa đổi,"
     " bổ sung, thủ tục hành chính bị bãi bỏ trong lĩnh vực chứng thực.", "3152/QĐ-BTP",
     "công bố thủ tục hành chính được sửa đổi, bổ sung, thủ tục hành chính bị bãi bỏ trong lĩnh vực chứng thực"),
    # a closing note that names the instrument again is not part of its title
    ("Quyết định số 28/2018/QĐ-TTg của Thủ tướng Chính phủ về gửi, nhận văn bản điện tử (Quyết định số "
     "28/2018/QĐ-TTg);", "28/2018/QĐ-TTg", "gửi, nhận văn bản điện tử"),
    # the sentence's verb of force ends the title, even after a bracket
    ("Nghị quyết số 47/2024/NQ-HĐND ngày 12/12/2024 quy định thực hiện vùng phát thải thấp (thực hiện Luật Thủ đô) "
     "hết hiệu lực thi hành kể từ ngày Nghị quyết này có hiệu lực.", "47/2024/NQ-HĐND",
     "quy định thực hiện vùng phát thải thấp (thực hiện Luật Thủ đô)"),
    # outside a "Căn cứ" line, a part after ";" that repeats the title's own words goes on; a new clause does not
    ("3. Nghị quyết số 01/2024/NQ-HĐND ngày 29/3/2024 về việc quy định mức phân bổ kinh phí cho công tác xây "
     "dựng văn bản; quy định mức chi cho công tác rà soát văn bản hết hiệu lực kể từ ngày Nghị quyết này có hiệu "
     "lực.", "01/2024/NQ-HĐND",
     "quy định mức phân bổ kinh phí cho công tác xây dựng văn bản; quy định mức chi cho công tác rà soát văn bản"),
    ("Triển khai Quyết định số 942/QĐ-TTg về chiến lược phát triển Chính phủ điện tử; tổ chức tập huấn cho cán "
     "bộ.", "942/QĐ-TTg", "chiến lược phát triển Chính phủ điện tử"),
    # a line of capitals after a title in ordinary case is a heading of its own; acronyms are not
    ("Nghị quyết số 1675/NQ-UBTVQH15 về sắp xếp các đơn vị hành chính cấp xã năm 2025 ỦY BAN THƯỜNG VỤ QUỐC HỘI",
     "1675/NQ-UBTVQH15", "sắp xếp các đơn vị hành chính cấp xã năm 2025"),
    ("Quyết định số 12/QĐ-UBND về công bố TTHC lĩnh vực Chứng thực của UBND TP HCM.", "12/QĐ-UBND",
     "công bố TTHC lĩnh vực Chứng thực của UBND TP HCM"),
])
def test_title_stops_before_a_second_mention(text, symbol, title):
    first = vd.extract_references(text)[0]
    assert (first.symbol, first.title) == (symbol, title)


@pytest.mark.parametrize("text,expected", CONTEXT)
def test_reference_context(text, expected):
    ref = one(text)
    for key, value in expected.items():
        assert getattr(ref, key) == value, (key, ref)
    assert text[ref.start:ref.end] == ref.text


def test_impossible_date_is_kept_and_warned():
    doc = vd.analyze("Căn cứ Quyết định số 12/QĐ-UBND ngày 31/02/2025 của UBND tỉnh.")
    (ref,) = doc.references
    assert ref.date == "31/02/2025"
    assert any("31/02/2025" in w for w in doc.warnings)


def test_enumeration_shares_type_word():
    refs = vd.extract_references("các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND của UBND tỉnh")
    assert [r.symbol for r in refs] == ["12/QĐ-UBND", "13/QĐ-UBND", "14/QĐ-UBND"]
    assert {r.doc_type for r in refs} == {"Quyết định"}
    assert {r.issuer for r in refs} == {"UBND tỉnh"}
    assert refs[1].text == "13/QĐ-UBND"


NAMED = [
    # (text, doc_type, title, year)
    ("thực hiện Luật An toàn thông tin mạng năm 2015;", "Luật", "An toàn thông tin mạng", 2015),
    ("theo Hiến pháp năm 2013,", "Hiến pháp", None, 2013),
    ("quy định của Bộ luật Hình sự và", "Bộ luật", "Hình sự", None),
    ("theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị",
     "Nghị quyết", "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", None),
    ("Luật Phòng, chống tham nhũng.", "Luật", "Phòng, chống tham nhũng", None),
    ("Luật Tổ chức chính quyền địa phương được sửa đổi", "Luật", "Tổ chức chính quyền địa phương", None),
    ("(thực hiện Điều 31 Luật Thủ đô 2024;", "Luật", "Thủ đô", 2024),
    ("theo Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ.", "Luật", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", None),
    # a name ends before the sentence's verb, before dotted blanks, and an amending law's before "ban hành"
    ("các cơ quan theo Luật Giá báo cáo Ủy ban nhân dân tỉnh", "Luật", "Giá", None),
    ("Luật Các tổ chức tín dụng ngày 18/01/2024;", "Luật", "Các tổ chức tín dụng", None),
    ("Căn cứ Luật Chính quyền địa phương số………………… Căn cứ…………", "Luật", "Chính quyền địa phương", None),
    ("triển khai Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật ban hành kèm theo",
     "Luật", "sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật", None),
]


def test_a_law_named_after_a_provision_is_its_own_mention():
    refs = vd.extract_references("hướng dẫn thi hành một số điều của Luật Đường bộ và Điều 77 Luật Trật tự, an toàn "
                                 "giao thông đường bộ.")
    assert [(r.form, r.title) for r in refs] == [("named", "Đường bộ"),
                                                 ("named", "Trật tự, an toàn giao thông đường bộ")]


@pytest.mark.parametrize("text,dtype,title,year", NAMED)
def test_named_references(text, dtype, title, year):
    ref = one(text)
    assert (ref.form, ref.doc_type, ref.title, ref.year) == ("named", dtype, title, year)


@pytest.mark.parametrize("text", [
    "các nghị quyết, kết luận của Bộ Chính trị",          # generic plural
    "văn bản quy phạm pháp luật",                        # category
    "Luật này có hiệu lực",                              # anaphora
    "theo quy định của pháp luật hiện hành",
    "giai đoạn 2021-2025, ngày 07/4/2014",
    "XÂY DỰNG, HOÀN THIỆN HỆ THỐNG PHÁP LUẬT ĐÁP ỨNG YÊU CẦU PHÁT TRIỂN ĐẤT NƯỚC",  # law in general
    "được Trường Đại học Luật Hà Nội quyết định cử đi đào tạo",  # a school of law
])
def test_not_references(text):
    assert vd.extract_references(text) == []


def test_provision_and_relation():
    text = ("Căn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP của Chính phủ;\n"
            "Thực hiện Kế hoạch số 165/KH-UBND ngày 02/01/2025;\n"
            "Quyết định này thay thế Quyết định số 12/2020/QĐ-UBND.")
    refs = vd.extract_references(text)
    assert refs[0].provision == "Điều 5 khoản 2" and refs[0].relation == "pursuant_to"
    assert refs[1].relation == "implements"
    assert refs[2].relation == "replaces"


def test_anaphora_and_short_forms_resolve_without_counting():
    text = ("Số: 12/CT-UBND\nCHỈ THỊ\nVề chuyển đổi số\n"
            "Thực hiện Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ. "
            "Các sở triển khai Quyết định số 942 và Chỉ thị này.")
    doc = vd.analyze(text)
    assert [r.symbol for r in doc.references] == ["12/CT-UBND", "942/QĐ-TTg"]
    by_text = {s.text: s.resolves_to for s in doc.short_forms}
    assert by_text["Quyết định số 942"] == "Quyết định|942/QĐ-TTg|2021-06-15"
    assert by_text["Chỉ thị này"] == doc.meta.key == "Chỉ thị|12/CT-UBND"


def test_keys_separate_same_symbol_different_dates():
    refs = vd.extract_references("Chỉ thị số 18-CT/TW ngày 4/9/2012 và Chỉ thị số 18-CT/TW ngày 01/02/2017")
    assert len({r.key for r in refs}) == 2


def test_extract_references_never_raises_on_odd_input():
    for text in ["", "số", "Quyết định số " + "9" * 5000, "\ud800", "/" * 10000, b"\xff\xfe\x00"]:
        assert isinstance(vd.extract_references(text), list)


# --- the seed directive -------------------------------------------------------------------------

SEED_EXPECTED = [
    ("34-CT/TW", "2014-04-07", "Bộ Chính trị"),
    ("73/CT-BTTTT", "2021-10-25", "Bộ Thông tin và Truyền thông"),
    ("05/CT-TW", "2016-05-15", "Bộ Chính trị"),
    ("942/QĐ-TTg", "2021-06-15", "Thủ tướng Chính phủ"),
]


@pytest.mark.parametrize("symbol,date,issuer", SEED_EXPECTED)
def test_seed_references(seed_doc, symbol, date, issuer):
    refs = [r for r in seed_doc.references if r.symbol == symbol]
    assert len(refs) == 2  # the body repeats
    assert all((r.date, r.issuer, r.role) == (date, issuer, "cited") for r in refs)


def test_seed_942_title(seed_doc):
    ref = next(r for r in seed_doc.references if r.symbol == "942/QĐ-TTg")
    assert ref.title.startswith("phê duyệt Chiến lược phát triển Chính phủ điện tử")


def test_seed_named_congress_resolution(seed_doc):
    named = [r for r in seed_doc.references if r.form == "named"]
    assert len(named) == 2
    assert named[0].title == "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"


def test_seed_identity_from_source_line(seed_doc, seed_text):
    meta = seed_doc.meta
    assert (meta.doc_type, meta.symbol, meta.date) == ("Chỉ thị", "103/CT-BTTTT", "2021-12-13")
    own = [r for r in seed_doc.references if r.role == "self"]
    assert own and all(r.symbol == "103/CT-BTTTT" for r in own)
    for r in seed_doc.references:
        assert seed_text[r.start:r.end] == r.text


@pytest.mark.parametrize("text", [
    "kê khai theo mẫu số 03/TNDN ban hành kèm theo Thông tư",   # a form's number
    "đạt Quy chuẩn kỹ thuật quốc gia (QCVN 85:2025/BNNMT);",  # a technical regulation's code
])
def test_numbers_of_other_things_are_not_references(text):
    assert [r.symbol for r in vd.extract_references(text) if r.form == "numbered"] == []


def test_named_law_before_a_number_stops_at_a_comma_that_ends_its_name():
    refs = vd.extract_references("theo Luật Đất đai, các quy định tại công văn số 12/UBND-KT ngày 05/3/2025.")
    assert [(r.doc_type, r.text) for r in refs] == [
        ("Luật", "Luật Đất đai"), ("Công văn", "công văn số 12/UBND-KT ngày 05/3/2025")]


def test_law_named_in_an_amending_title_is_a_mention():
    text = ("Căn cứ Nghị định số 05/2025/NĐ-CP ngày 06/01/2025 của Chính phủ sửa đổi, bổ sung một số điều "
            "của Nghị định số 08/2022/NĐ-CP quy định chi tiết một số điều của Luật Bảo vệ môi trường;")
    refs = vd.extract_references(text)
    assert [r.symbol for r in refs if r.form == "numbered"] == ["05/2025/NĐ-CP", "08/2022/NĐ-CP"]
    named = [r for r in refs if r.form == "named"]
    assert [(r.doc_type, r.title) for r in named] == [("Luật", "Bảo vệ môi trường")]


@pytest.mark.parametrize("text,issuers", [
    # a trailing "của X" is shared by an enumeration, whatever type words its members carry
    ("Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022, Hướng dẫn số 21-HD/BTCTW ngày 20/9/2022 của Ban Tổ chức Trung ương.",
     ["Ban Tổ chức Trung ương"] * 2),
    ("văn bản số 16495/BTC-PTHT ngày 22/10/2025, số 13021/BTC-PTHT ngày 22/8/2025 của Bộ Tài chính.",
     ["Bộ Tài chính"] * 2),
    ("Tờ trình số 291/TTr-CP ngày 02/5/2025, Báo cáo số 292/BC-CP ngày 02/5/2025, Tờ trình bổ sung số "
     "444/TTr-CP ngày 16/5/2025 của Chính phủ; Báo cáo thẩm tra", ["Chính phủ"] * 3),
])
def test_enumeration_shares_issuer_and_takes_no_title_from_the_next_member(text, issuers):
    refs = vd.extract_references(text)
    assert [r.issuer for r in refs] == issuers
    assert all(r.title is None for r in refs)


# The scan's fast paths must find what their plain formulations find.
_PIECES = ["Thông tư liên tịch", "Quyết định", "quyết định", "Bộ luật", "Luật", "QĐ", "Báo cáo", " ", " ", "  ",
           "số", "SỐ", ":", ",", "\n", " thẩm tra,", " giải trình", "căn cứ", "CĂN CỨ", "sửa đổi", "quán triệ",
           "thực hiện", "hết hiệu lực", "cụ thể hóa", "x", "t", "c", "ſ", "12/QĐ-UBND", "Điều 5", "10:30/", "số12/UB"]


def _random_texts(n, seed=1):
    import random
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 40))) for _ in range(n)]


def test_symbol_number_takes_the_whole_run_of_digits():
    from vn_directives.references.regexes import SYMBOL_RE
    text = "số12/QĐ-UB, 10:30/QĐ, 1234567/QĐ, x5/QĐ, 12.1/UBND, 12a/UBND, 05 /CT-TW, 06-2021-TT-BLĐTBXH"
    assert [m.group() for m in SYMBOL_RE.finditer(text)] == [
        "12/QĐ-UB", "12.1/UBND", "12a/UBND", "05 /CT-TW", "06-2021-TT-BLĐTBXH"]


_SYMBOL_PIECES = ["1", "12", "123456", "1234567", "0", ".1", ".12", "a", "đ", "/", " / ", "/ ", " /", "-", " - ",
                  "--", "//", " ", ".", "&", "số", "Số: ", "x", ":", "10:", "\n", "NĐ", "CP", "QĐi", "TTg", "UBND",
                  "ABCDEFGHIJKLMNOP", "BLĐTBXH", "Ð", "V", ".I", "A1", "QH15", "2020", "1999", "20"]


def test_find_symbols_finds_what_finditer_finds():
    import random

    from vn_directives.references.regexes import SYMBOL_RE, find_symbols

    rnd = random.Random(3)
    texts = ["".join(rnd.choice(_SYMBOL_PIECES) for _ in range(rnd.randrange(1, 60))) for _ in range(20000)]
    texts += ["1/A" * 500, "/" * 500, "1-2020-" * 300, "12/QĐ-UBND " * 300, "x" * 200 + "1234/2020/ND-CP"]
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in SYMBOL_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in find_symbols(text)] == want, text


def test_symbol_windows_are_wide_enough():
    try:
        from re import _parser as sre_parse
    except ImportError:  # Python 3.10
        import sre_parse
    from vn_directives.references import regexes as rx

    # a match and the character its look-ahead reads fit in SYMBOL_SPAN
    assert sre_parse.parse(rx.SYMBOL_RE.pattern).getwidth()[1] + 1 <= rx.SYMBOL_SPAN
    # what comes before a match's anchor (its first "/", or the "-" of a file-name symbol) fits in SYMBOL_REACH
    for family in (rx.PARTY_SYMBOL, rx.STATE_SYMBOL):
        head = rx.SYMBOL_NUMBER + family[:family.index("/")]
        assert sre_parse.parse(head).getwidth()[1] <= rx.SYMBOL_REACH
    assert sre_parse.parse(rx.SYMBOL_NUMBER).getwidth()[1] <= rx.SYMBOL_REACH


def test_last_relation_cue_is_the_cue_that_starts_last():
    from vn_directives.references.regexes import LAST_RELATION_CUE_RE, RELATION_CUES

    def cue_by_cue(before):
        best, where = "refers", -1
        for name, cue in RELATION_CUES:
            for m in cue.finditer(before):
                if m.start() > where:
                    best, where = name, m.start()
        return best

    for text in _random_texts(3000):
        m = LAST_RELATION_CUE_RE.match(text)
        assert (m.lastgroup if m else "refers") == cue_by_cue(text), text


def test_type_word_search_in_the_tail_of_a_window():
    from vn_directives.references.regexes import TYPE_BEFORE_RE
    from vn_directives.references.scan import _type_before

    for text in _random_texts(1500):
        for s in range(len(text) + 1):
            window = text[max(0, text.rfind("\n", 0, s) + 1, s - 160):s]
            m = TYPE_BEFORE_RE.search(window)
            want = (s - len(window) + m.start(), m.group("type")) if m else None
            assert _type_before(text, s, window) == want, (text, s)
