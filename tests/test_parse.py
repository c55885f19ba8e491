"""Tasks and targets from real phrasings: values, ranges, units, comparators, deadlines, agencies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from vn_directives.parse import agency_heading, parse_number, parse_targets, parse_task
from vn_directives.records import Item


def item(text: str, kind: str = "target", section: str | None = None) -> Item:
    return Item(text=text, start=0, end=len(text), index=0, clean=text, kind=kind, section=section)


@pytest.mark.parametrize("written,value", [("1.000", 1000.0), ("0,7", 0.7), ("1.234,5", 1234.5),
                                           ("03", 3.0), ("100", 100.0)])
def test_vietnamese_numbers(written, value):
    assert parse_number(written) == value


TARGETS = [
    # (item text, [(value, value_max, unit, comparator, deadline), ...])
    ("Năm 2022, tỷ lệ doanh nghiệp công nghệ số trên 1.000 dân đạt 0,7; tốc độ phát triển doanh "
     "nghiệp công nghệ số Việt Nam từ 10% - 20%;",
     [(0.7, None, "doanh nghiệp/1.000 dân", "đạt", "2022"), (10.0, 20.0, "%", "từ", "2022")]),
    ("Phấn đấu đến hết năm 2022, Việt Nam vào nhóm 80 quốc gia dẫn đầu về Chính phủ điện tử",
     [(80.0, None, "quốc gia", "vào nhóm", "2022")]),
    ("1. Đến hết năm 2026, 100% hồ sơ công việc tại cấp tỉnh và 90% hồ sơ công việc tại cấp xã "
     "được xử lý trên môi trường mạng.",
     [(100.0, None, "%", None, "2026"), (90.0, None, "%", None, "2026")]),
    ("3. Phấn đấu kinh tế số chiếm từ 20% đến 25% GRDP của tỉnh vào năm 2030.",
     [(20.0, 25.0, "%", "từ", "2030")]),
    ("Tỷ lệ dịch vụ công trực tuyến toàn trình đạt ít nhất 80%", [(80.0, None, "%", "ít nhất", None)]),
    ("Rút ngắn thời gian giải quyết thủ tục xuống còn 03 ngày làm việc.",
     [(3.0, None, "ngày", "xuống còn", None)]),
    ("Thu ngân sách đạt trên 15.000 tỷ đồng trong năm 2025.", [(15000.0, None, "tỷ đồng", "trên", "2025")]),
    ("Giảm 30% số vụ tai nạn giao thông giai đoạn 2021 - 2025.", [(30.0, None, "%", "giảm", "2025")]),
    # the direction, not the hedge; "trở lên" after the figure; a baseline year is no deadline; units
    ("Tốc độ tăng trưởng GRDP năm 2026 tăng khoảng 8%.", [(8.0, None, "%", "tăng", "2026")]),
    ("Quy mô GDP đạt khoảng 500 tỉ USD trở lên.", [(500.0, None, "tỉ USD", "trở lên", None)]),
    ("Chỉ số giá tiêu dùng (CPI) bình quân khoảng 4,5 - 5%.", [(4.5, 5.0, "%", "khoảng", None)]),  # a range
    ("Tỷ lệ hộ dùng nước sạch 95% trở lên.", [(95.0, None, "%", "trở lên", None)]),
    ("Nồng độ bụi PM2.5 vào năm 2030 đạt dưới 40 μg/m3 (giảm 20% so với mức trung bình năm 2024).",
     [(40.0, None, "μg/m3", "dưới", "2030"), (20.0, None, "%", "giảm", "2030")]),
    # ranks in groups, each clause with its own year; "và nhóm 60" keeps the comparator
    ("Việt Nam thuộc nhóm 4 nước dẫn đầu ASEAN và nhóm 60 nước dẫn đầu thế giới vào năm 2028; thuộc nhóm 3 nước "
     "dẫn đầu ASEAN vào năm 2030.",
     [(4.0, None, "nước", "thuộc nhóm", "2028"), (60.0, None, "nước", "thuộc nhóm", "2028"),
      (3.0, None, "nước", "thuộc nhóm", "2030")]),
    # a table row's number, an age that qualifies who is counted, and a maturity level are no figures to reach
    ("4 Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%", [(40.0, None, "%", "tối thiểu", None)]),
    ("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng đạt 95%.", [(95.0, None, "%", "đạt", None)]),
    ("Phấn đấu 100% trẻ em từ 06 tháng đến 36 tháng tuổi được tiếp cận dịch vụ giáo dục mầm non.",
     [(100.0, None, "%", None, None)]),
    ("+ 100% bộ, ngành, địa phương đạt cấp độ 3 mức độ trưởng thành về quản trị dữ liệu.",
     [(100.0, None, "%", None, None)]),
    # but a life expectancy is one
    ("Tuổi thọ trung bình đạt 75 tuổi vào năm 2030.", [(75.0, None, None, "đạt", "2030")]),
]


@pytest.mark.parametrize("text,expected", TARGETS)
def test_targets(text, expected):
    got = [(t.value, t.value_max, t.unit, t.comparator, t.deadline) for t in parse_targets(item(text))]
    assert got == expected


def test_target_metric_and_section_deadline():
    (t,) = parse_targets(item("Tỷ lệ hồ sơ được số hóa đạt 100%."), section="1. Mục tiêu đến năm 2030")
    assert t.metric == "Tỷ lệ hồ sơ được số hóa" and t.deadline == "2030"


@pytest.mark.parametrize("text,metric", [
    ("Tăng thêm ít nhất 20% số nhóm trẻ trong cơ sở giáo dục mầm non.", "số nhóm trẻ trong cơ sở giáo dục mầm non"),
    ("Tỷ trọng ngư, nông, lâm nghiệp trong cơ cấu kinh tế chiếm 25%.",
     "Tỷ trọng ngư, nông, lâm nghiệp trong cơ cấu kinh tế"),
    # counted things owned by a place; a note in brackets and "theo lộ trình ..." are not the metric
    ("h) Phấn đấu đến năm 2030, cả nước có 1.200 công trình xây dựng xanh.", "công trình xây dựng xanh trên cả nước"),
    ("Trong đó, Hà Nội có tối thiểu 200 công trình.", "công trình tại Hà Nội"),
    ("Phấn đấu 100% phương tiện tham gia giao thông đường bộ (bao gồm xe ô tô, xe mô tô) được kiểm soát về khí thải "
     "theo lộ trình áp dụng quy chuẩn.", "phương tiện tham gia giao thông đường bộ được kiểm soát về khí thải"),
    ("Mục tiêu chung: Đến năm 2030, hoàn thành xây dựng Chính phủ số.", "hoàn thành xây dựng Chính phủ số"),
])
def test_target_metrics(text, metric):
    assert parse_targets(item(text))[0].metric == metric


def test_a_period_line_in_a_list_gives_the_deadline_of_the_points_under_it():
    from vn_directives.parse import parse_items

    rows = [("2. Mục tiêu cụ thể đến năm 2030", True), ("- Giai đoạn 2025-2027", False),
            ("+ 100% dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện.", False),
            ("- Giai đoạn 2028-2030", False), ("+ 90% người dân trưởng thành sử dụng dịch vụ công trực tuyến.", False)]
    items = [Item(text="", start=2 * k, end=2 * k + 1, index=k, clean=c, is_heading=h,
                  kind="target" if c.startswith("+") else "context",
                  section=None if h else rows[0][0], section_index=None if h else 0)
             for k, (c, h) in enumerate(rows)]
    _, targets = parse_items(items)
    assert [(t.value, t.deadline) for t in targets] == [(100.0, "2027"), (90.0, "2030")]


def test_list_parents_on_part_of_a_document():
    from vn_directives.parse import list_parents

    items = [Item(text="", start=2 * k, end=2 * k + 1, index=k + 40, clean=c)
             for k, c in enumerate(["- Giai đoạn 2025-2027", "+ 100% hồ sơ được số hóa.", "+ 90% thủ tục trực tuyến."])]
    assert [p.clean for p in list_parents(items[2], items)] == ["- Giai đoạn 2025-2027"]
    assert list_parents(items[0], items) == []


def test_goal_without_figure_gives_one_record():
    (t,) = parse_targets(item("Nâng cao chất lượng nguồn nhân lực số của tỉnh."))
    assert t.value is None and t.metric.startswith("Nâng cao chất lượng")


TASKS = [
    # (text, section, responsible, coordinating, deadline, action prefix)
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và các địa phương hoàn thành việc rà soát "
     "trước ngày 31/12/2025.", None, ["Sở Tài chính"], ["Sở Nội vụ", "các địa phương"], "2025-12-31",
     "hoàn thành việc rà soát"),
    ("a) Chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số trước ngày 30/4/2026.",
     "1. Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"], [], "2026-04-30", "tham mưu"),
    ("Sở Y tế tăng cường kiểm tra an toàn thực phẩm, báo cáo kết quả hằng quý.", None, ["Sở Y tế"], [],
     "hằng quý", "tăng cường kiểm tra"),
    ("Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng triển khai lực lượng trong quý I/2026.", None,
     ["Bộ Công an"], ["Bộ Quốc phòng"], "trong quý I/2026", "triển khai lực lượng"),
    ("- Tiếp tục rà soát, xây dựng phương án xử lý các trường hợp lấn chiếm đất lâm nghiệp.",
     "1. Ủy ban nhân dân các xã, phường:", ["Ủy ban nhân dân các xã, phường"], [], None, "Tiếp tục rà soát"),
    ("Đề nghị Bảo hiểm xã hội tỉnh phối hợp thực hiện thường xuyên.", None, ["Bảo hiểm xã hội tỉnh"], [],
     "thường xuyên", "phối hợp thực hiện"),
    # several bodies before the verb; a body after a leading condition; "Cơ quan thực hiện:" fields
    ("Giao Bộ Quốc phòng, Bộ Công an chỉ đạo tổ chức vận chuyển gạo đến cho Nhân dân.", None,
     ["Bộ Quốc phòng", "Bộ Công an"], [], None, "chỉ đạo tổ chức vận chuyển"),
    ("đ) Khi xảy ra cháy rừng, Chủ tịch Ủy ban nhân dân cấp xã huy động mọi lực lượng, phương tiện.", None,
     ["Chủ tịch Ủy ban nhân dân cấp xã"], [], None, "huy động mọi lực lượng"),
    ("- Cơ quan thực hiện: Sở Khoa học và Công nghệ tiến hành rà soát các văn bản quy phạm pháp luật.", None,
     ["Sở Khoa học và Công nghệ"], [], None, "tiến hành rà soát"),
    ("2. Cơ quan, tổ chức khai thác dữ liệu có trách nhiệm bảo đảm an toàn, an ninh thông tin.", None,
     ["Cơ quan, tổ chức khai thác dữ liệu"], [], None, "bảo đảm an toàn"),
    # "Ban hành" is a verb, not the body "Ban ...": the agency heading above assigns the task
    ("a) Ban hành các chính sách cần thiết, phù hợp khả năng theo thẩm quyền.", "5. Các tỉnh, thành phố:",
     ["Các tỉnh, thành phố"], [], None, "Ban hành các chính sách"),
    ("Giao các Phó Thủ tướng Chính phủ theo nhiệm vụ được phân công kiểm tra, đôn đốc các Bộ.", None,
     ["các Phó Thủ tướng Chính phủ"], [], None, "kiểm tra"),
    # "Các Sở, ..." and a subject before "căn cứ"; "phải" ends a subject that holds a verb of its own
    ("2. Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch này, xây "
     "dựng Kế hoạch triển khai.", None, ["Các Sở, ban, ngành", "UBND xã, phường", "các cơ quan, tổ chức có liên quan"],
     [], None, "căn cứ Kế hoạch này"),
    ("Đối với các phản ánh có nội dung phức tạp, chưa thể xử lý ngay thì cơ quan, đơn vị xử lý phản ánh phải có văn "
     "bản báo cáo cấp có thẩm quyền.", None, ["cơ quan, đơn vị xử lý phản ánh"], [], None, "phải có văn bản"),
    # a province as the actor; "(sau đây gọi tắt là ...)" is not part of the name
    ("Thành phố chủ động kiện toàn tổ chức, sắp xếp cán bộ của từng cơ quan, đơn vị.", None, ["Thành phố"], [], None,
     "chủ động kiện toàn"),
    ("a) Cơ quan, tổ chức, doanh nghiệp sử dụng lao động (sau đây gọi tắt là “đơn vị”) lập 01 bộ hồ sơ cấp mới thẻ.",
     None, ["Cơ quan, tổ chức, doanh nghiệp sử dụng lao động"], [], None, "lập 01 bộ hồ sơ"),
    ("Trường hợp không chấp nhận đề nghị, Sở Khoa học và Công nghệ thông báo bằng văn bản nêu rõ lý do cho cơ quan.",
     None, ["Sở Khoa học và Công nghệ"], [], None, "thông báo bằng văn bản"),
    # the subject after a condition whose own commas come first; a condition's figures of speech are not
    # bodies ("Trưởng ban" after "đề xuất"), so the heading above gives the body
    ("4. Đối với khu công nghiệp, cụm công nghiệp thành lập mới sau ngày Nghị quyết này có hiệu lực thi hành, Ủy ban "
     "nhân dân cấp tỉnh căn cứ vào tình hình thực tế, xác định mức hỗ trợ.", None, ["Ủy ban nhân dân cấp tỉnh"], [],
     None, "căn cứ vào tình hình thực tế"),
    ("3. Căn cứ vào tình hình thực tế và khả năng cân đối ngân sách địa phương, Ủy ban nhân dân cấp tỉnh quy định "
     "nguyên tắc, tiêu chí hỗ trợ.", None, ["Ủy ban nhân dân cấp tỉnh"], [], None, "quy định nguyên tắc"),
    ("3. Trong trường hợp cần thiết, đề xuất Ban Chỉ đạo, Trưởng ban về các giải pháp cụ thể trong quá trình triển "
     "khai.", "Điều 8. Trách nhiệm của Cơ quan thường trực Ban Chỉ đạo", ["Cơ quan thường trực Ban Chỉ đạo"], [], None,
     "Trong trường hợp cần thiết"),
    ("2. Người có thẩm quyền, chủ đầu tư được lựa chọn áp dụng một trong các hình thức đặt hàng.", None,
     ["Người có thẩm quyền", "chủ đầu tư"], [], None, "được lựa chọn"),
    # a capitalised "Chỉ đạo" ends the bodies after "Giao", but not inside "Ban Chỉ đạo"
    ("1.2. Giao Công an Thành phố Chỉ đạo Công an các phường, xã phối hợp rà soát dữ liệu số nhà.", None,
     ["Công an Thành phố"], [], None, "Chỉ đạo Công an các phường"),
    ("Giao Ban Chỉ đạo tỉnh chủ trì tổng kết việc thực hiện.", None, ["Ban Chỉ đạo tỉnh"], [], None, "tổng kết"),
    ("Ủy quyền cho Lãnh đạo Bộ Xây dựng thay mặt Chính phủ ký Hiệp định.", None, ["Lãnh đạo Bộ Xây dựng"], [], None,
     "thay mặt Chính phủ"),
    ("b) Sở Nội vụ: Tổng hợp kết quả thực hiện cải cách hành chính.", None, ["Sở Nội vụ"], [], None,
     "Tổng hợp kết quả"),
    # the agency heading leads; the body it directs acts under it
    ("- Chỉ đạo cơ quan chuyên môn về đất đai hướng dẫn Ủy ban nhân dân cấp xã xử lý vi phạm.",
     "2. Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"], [], None, "Chỉ đạo cơ quan"),
    ("d) Ban chỉ huy các xã bố trí lực lượng canh phòng, trực 10/24 giờ trong ngày.", None,
     ["Ban chỉ huy các xã"], [], None, "bố trí lực lượng"),
    ("b) Báo cáo Ủy ban nhân dân tỉnh xét duyệt:", "1. Hội đồng Thi đua - Khen thưởng tỉnh xét duyệt các danh hiệu",
     ["Hội đồng Thi đua - Khen thưởng tỉnh"], [], None, "Báo cáo"),
    # a capitalised verb after the body; a body whose name ends in a verb-like word
    ("1.4. Giao Sở Xây dựng Theo dõi, đôn đốc Ủy ban nhân dân các phường cập nhật thông tin.", None,
     ["Sở Xây dựng"], [], None, "Theo dõi"),
    ("Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát các dự án.", None, ["Sở Tài chính"],
     ["Sở Xây dựng"], None, "rà soát các dự án"),
    ("2. Ban Chỉ đạo làm việc theo nguyên tắc tập trung, dân chủ.", None, ["Ban Chỉ đạo"], [], None,
     "làm việc"),
    # subjects after "Trên cơ sở ...," and "Trường hợp ... thì"; lists over ";"; "Điều 3." stripped
    ("Trên cơ sở dữ liệu được chia sẻ, Sở Xây dựng hướng dẫn các phường cập nhật.", None, ["Sở Xây dựng"],
     [], None, "hướng dẫn"),
    ("Trường hợp hồ sơ chưa đầy đủ thì cơ quan, đơn vị có văn bản đề nghị bổ sung.", None,
     ["cơ quan, đơn vị"], [], None, "có văn bản"),
    ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân "
     "các xã, phường chịu trách nhiệm thi hành Quyết định này.", None,
     ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Thủ trưởng các sở, ban, ngành",
      "Chủ tịch Ủy ban nhân dân các xã, phường"], [], None, "thi hành"),
    # the date of a cited instrument is not a deadline
    ("Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", None, [], [], None, "Triển khai"),
    # a long list of bodies that closes a decision
    ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Dân tộc và Tôn giáo, Giám đốc các Sở, ban, "
     "ngành thuộc UBND tỉnh, Thủ trưởng các cơ quan có liên quan, Chủ tịch Ủy ban nhân dân các xã, phường và "
     "các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.", None,
     ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Dân tộc và Tôn giáo",
      "Giám đốc các Sở, ban, ngành thuộc UBND tỉnh", "Thủ trưởng các cơ quan có liên quan",
      "Chủ tịch Ủy ban nhân dân các xã, phường", "các tổ chức, cá nhân có liên quan"], [], None, "thi hành"),
    # ministries named by the rest of their names after "các Bộ:"
    ("5. Bộ trưởng các Bộ: Xây dựng, Công Thương, Khoa học và Công nghệ và các bộ, ngành có liên quan theo "
     "chức năng, nhiệm vụ chủ động chỉ đạo các cơ quan, đơn vị hỗ trợ địa phương.", None,
     ["Bộ trưởng Bộ Xây dựng", "Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Khoa học và Công nghệ",
      "các bộ, ngành có liên quan"], [], None, "chủ động chỉ đạo"),
    ("8. Các Bộ, cơ quan: Tài chính, Văn hóa, Thể thao và Du lịch, Ngoại giao, Tập đoàn Điện lực Việt Nam "
     "theo chức năng, nhiệm vụ được giao khẩn trương rà soát lại việc thực hiện.", None,
     ["Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao", "Tập đoàn Điện lực Việt Nam"], [], None,
     "khẩn trương rà soát"),
    ("Các Bộ Quốc phòng, Công an chỉ đạo lực lượng đóng trên địa bàn sẵn sàng hỗ trợ.", None,
     ["Bộ Quốc phòng", "Bộ Công an"], [], None, "chỉ đạo lực lượng"),
    # under "Trách nhiệm của X", X has others act: "Yêu cầu chủ đầu tư ...", "Ủy quyền cho Phó Trưởng ban ..."
    ("5. Yêu cầu chủ đầu tư hạ tầng cụm công nghiệp bố trí hạ tầng kỹ thuật viễn thông thụ động.",
     "Điều 21. Trách nhiệm của Sở Công Thương", ["Sở Công Thương"], [], None, "Yêu cầu chủ đầu tư"),
    # a field line of partners has no subject; its bodies are the partners
    ("- Cơ quan phối hợp: các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh.", None, [],
     ["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"], None, "Cơ quan phối hợp"),
    # the subject after a condition: after "thì", after the colon of "Trường hợp ...:"
    ("Trường hợp đã đánh giá, xếp loại chất lượng nhưng sau đó phát hiện không bảo đảm điều kiện thì người có "
     "thẩm quyền hủy bỏ kết quả.", None, ["người có thẩm quyền"], [], None, "hủy bỏ"),
    ("b) Trường hợp hồ sơ chưa đầy đủ theo quy định: cơ quan có thẩm quyền cấp Giấy chứng nhận đăng ký hộ kinh "
     "doanh gửi thông báo cho người nộp hồ sơ.", None,
     ["cơ quan có thẩm quyền cấp Giấy chứng nhận đăng ký hộ kinh doanh"], [], None, "gửi thông báo"),
    # a passive agent: "do X thực hiện"
    ("a) Việc đánh giá, xếp loại chất lượng người đứng đầu cơ quan do người đứng đầu cơ quan cấp trên quản lý "
     "trực tiếp thực hiện.", None, ["người đứng đầu cơ quan cấp trên quản lý trực tiếp"], [], None, "Việc đánh giá"),
    # a subject that holds a verb of its own ends at the duty word
    ("a) Văn thư cơ quan, đơn vị gửi văn bản có trách nhiệm theo dõi việc tiếp nhận văn bản.", None,
     ["Văn thư cơ quan, đơn vị gửi văn bản"], [], None, "theo dõi"),
    ("2. Cơ quan xử lý có trách nhiệm làm rõ thông tin phản hồi.", None, ["Cơ quan xử lý"], [], None, "làm rõ"),
    # the subject after "Đối với ...," and after a time limit
    ("a) Đối với thông tin phản ánh kiến nghị đã tiếp nhận, cơ quan, đơn vị được giao thực hiện việc trả lời.",
     None, ["cơ quan, đơn vị"], [], None, "thực hiện"),
    ("c) Trong 03 ngày làm việc kể từ ngày có kết quả đánh giá, Ban Quản lý ban hành quyết định.", None,
     ["Ban Quản lý"], [], "trong 03 ngày làm việc kể từ ngày có kết quả đánh giá", "ban hành"),
    # "và địa phương" is a body of its own; "Thông tấn xã" names one
    ("3. Đề nghị các bộ, ngành và địa phương kịp thời phản ánh về Bộ Công an.", None,
     ["các bộ, ngành", "địa phương"], [], None, "kịp thời phản ánh"),
    ("8. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam kịp thời thông tin về tình "
     "hình mưa lũ.", None, ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"], [],
     None, "kịp thời thông tin"),
    # deadlines: a month of a year is a phrase; a day in every year; recurrent spending is no deadline;
    # the date of a cited instrument gives no year
    ("Giao Sở Nội vụ hoàn thành việc cập nhật dữ liệu trong tháng 12 năm 2025.", None, ["Sở Nội vụ"], [],
     "trong tháng 12 năm 2025", "hoàn thành"),
    ("đ) Trước ngày 15 tháng 12 hàng năm, Ủy ban nhân dân các tỉnh báo cáo tình hình thực hiện Nghị quyết.", None,
     ["Ủy ban nhân dân các tỉnh"], [], "trước ngày 15 tháng 12 hàng năm", "báo cáo"),
    ("2. Sở Tài chính bố trí kinh phí chi thường xuyên trong dự toán ngân sách nhà nước hàng năm.", None,
     ["Sở Tài chính"], [], "hàng năm", "bố trí"),
    ("Thực hiện theo quy định tại Quyết định số 28/2018/QĐ-TTg ngày 12 tháng 7 năm 2018 của Thủ tướng Chính phủ.",
     None, [], [], None, "Thực hiện"),
    # a body named by its role in a procedure keeps its verb: "Cán bộ tiếp nhận", "Chuyên viên xử lý hồ sơ"
    ("- Trường hợp không thuộc thẩm quyền tiếp nhận hồ sơ: Cán bộ tiếp nhận lập Phiếu từ chối tiếp nhận hồ sơ.",
     None, ["Cán bộ tiếp nhận"], [], None, "lập Phiếu"),
    ("Nếu ý kiến thẩm định không thống nhất, không đồng ý với hồ sơ: Chuyên viên xử lý hồ sơ soạn Thông báo "
     "yêu cầu bổ sung hồ sơ.", None, ["Chuyên viên xử lý hồ sơ"], [], None, "soạn Thông báo"),
    ("Trường hợp không bảo đảm tiêu chuẩn thì người có thẩm quyền quyết định khen thưởng hủy bỏ quyết định "
     "khen thưởng.", None, ["người có thẩm quyền quyết định khen thưởng"], [], None, "hủy bỏ"),
    # a copula and a basis close the subject; an alias "(sau đây gọi tắt là ...)" does not
    ("3. Văn thư cơ quan là người được lãnh đạo cơ quan giao quản lý chứng thư số; có trách nhiệm lưu trữ.",
     None, ["Văn thư cơ quan"], [], None, "là người"),
    ("3. Bộ Tài chính, Ủy ban nhân dân các tỉnh trên cơ sở đề xuất của các bộ, chủ trì tổng hợp kinh phí.",
     None, ["Bộ Tài chính", "Ủy ban nhân dân các tỉnh"], [], None, "trên cơ sở"),
    ("a) Cơ quan, tổ chức sử dụng lao động (sau đây gọi tắt là “đơn vị”) lập 01 bộ hồ sơ.", None,
     ["Cơ quan, tổ chức sử dụng lao động"], [], None, "lập 01 bộ"),
    # teams and archives as bodies; a short label before the subject
    ("Trong thời hạn 04 ngày làm việc kể từ ngày thành lập, Đoàn thẩm định tổ chức thẩm định.", None,
     ["Đoàn thẩm định"], [], "trong thời hạn 04 ngày làm việc kể từ ngày thành lập", "tổ chức thẩm định"),
    ("4. Lưu trữ hiện hành có trách nhiệm kiểm tra, tiếp nhận hồ sơ.", None, ["Lưu trữ hiện hành"], [], None,
     "kiểm tra"),
    ("1. Cuộc họp định kỳ: Ban Chỉ đạo họp định kỳ ít nhất 2 lần/năm.", None, ["Ban Chỉ đạo"], [], "định kỳ",
     "họp"),
]


@pytest.mark.parametrize("text,section,resp,coord,deadline,action", TASKS)
def test_tasks(text, section, resp, coord, deadline, action):
    t = parse_task(item(text, "task"), section)
    assert (t.responsible, t.coordinating, t.deadline) == (resp, coord, deadline)
    assert t.action.startswith(action)


@pytest.mark.parametrize("text,body", [
    ("2. Sở Tài chính", "Sở Tài chính"),
    ("Các bộ, cơ quan ngang bộ:", "Các bộ, cơ quan ngang bộ"),
    ("II. NHIỆM VỤ, GIẢI PHÁP", None),
    ("1. Tăng cường công tác tuyên truyền", None),
    ("5. Đảng ủy Bộ Khoa học và Công nghệ chịu trách nhiệm:", "Đảng ủy Bộ Khoa học và Công nghệ"),
    ("1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "Sở Tài chính"),
    ("Điều 21. Trách nhiệm của Sở Tài chính", "Sở Tài chính"),
    ("4. Giao Đảng ủy Quốc hội chủ trì, phối hợp với Đảng ủy Chính phủ:", "Đảng ủy Quốc hội"),
    ("1. Hội đồng Thi đua - Khen thưởng tỉnh xét duyệt các danh hiệu thi đua", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    # "tổ chức" after a comma is a noun, not the verb that ends the subject
    ("5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan",
     "Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan"),
    # a holder's duties: the whole rest names the holder, verbs and all, up to "trong/đối với/khi/về"
    ("Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị",
     "các cơ quan, đơn vị xử lý phản ánh kiến nghị"),
    ("Điều 15. Trách nhiệm của cơ quan, tổ chức quản lý trực tiếp", "cơ quan, tổ chức quản lý trực tiếp"),
    # a long name of a group of bodies (16 words)
    ("1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:",
     "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"),
    ("1. Ủy ban nhân dân Thành phố có quyền hạn và trách nhiệm:", "Ủy ban nhân dân Thành phố"),
])
def test_agency_heading(text, body):
    assert agency_heading(text) == body


def test_lead_in_assigns_the_points_under_it():
    from vn_directives.parse import parse_items

    items = [
        Item(text="", start=0, end=1, index=0, clean="Điều 2. Nhiệm vụ và giải pháp", is_heading=True),
        Item(text="", start=2, end=3, index=1, clean="Quốc hội đề nghị Chính phủ và các cơ quan liên quan tập "
             "trung thực hiện các nhiệm vụ sau đây:", kind="context", section="Điều 2. Nhiệm vụ và giải pháp",
             section_index=0),
        Item(text="", start=4, end=5, index=2, clean="a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", kind="task",
             section="Điều 2. Nhiệm vụ và giải pháp", section_index=0),
    ]
    (task,), _ = parse_items(items)
    assert task.responsible == ["Chính phủ", "các cơ quan liên quan"]


def test_lead_in_closed_by_its_duty_word_assigns_the_points_under_it():
    from vn_directives.parse import parse_items

    items = _items(("Điều 9. Trả lời ý kiến", True),
                   ("b) Thủ trưởng các Sở, ban, ngành; UBND các xã có trách nhiệm.", False),
                   ("Trả lời các ý kiến được gửi đến thuộc chức năng, nhiệm vụ, quyền hạn của cơ quan, đơn vị.", False))
    items = [replace(it, section=None if it.is_heading else items[0].clean, section_index=None if it.is_heading else 0)
             for it in items]
    tasks = {t.item: t for t in parse_items(items)[0]}
    assert tasks[2].responsible == ["Thủ trưởng các Sở, ban, ngành", "UBND các xã"]


def test_time_line_belongs_to_the_task_above():
    from vn_directives.parse import parse_items

    items = [
        Item(text="", start=0, end=1, index=0, kind="task",
             clean="1.1. Giao Sở Nông nghiệp và Môi trường khẩn trương chia sẻ dữ liệu đất đai."),
        Item(text="", start=2, end=3, index=1, kind="task", clean="Thời gian hoàn thành trước ngày 05/12/2025."),
    ]
    tasks, _ = parse_items(items)
    assert [(t.responsible, t.deadline) for t in tasks] == [
        (["Sở Nông nghiệp và Môi trường"], None), (["Sở Nông nghiệp và Môi trường"], "2025-12-05")]


def _items(*rows: tuple[str, bool]) -> list[Item]:
    return [Item(text="", start=2 * k, end=2 * k + 1, index=k, clean=c, kind="task", is_heading=h)
            for k, (c, h) in enumerate(rows)]


def test_field_lines_after_points_assign_them():
    from vn_directives.parse import parse_items

    items = _items(
        ("4. Nâng cao năng lực cho đội ngũ cán bộ, công chức", True),
        ("- Tăng cường công tác giáo dục chính trị, tư tưởng.", False),
        ("Đơn vị thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.", False),
        ("Đơn vị phối hợp: Sở Tư pháp.", False),
        ("Thời gian thực hiện: Thường xuyên.", False),
        ("- Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng xây dựng pháp luật.", False),
        ("Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.", False),
        ("Đơn vị phối hợp thực hiện: Các cơ quan, đơn vị, địa phương liên quan.", False),
        ("Thời gian thực hiện: Năm 2026.", False),
    )
    tasks = {t.item: t for t in parse_items(items)[0]}
    assert (tasks[1].responsible, tasks[1].coordinating, tasks[1].deadline) == (
        ["Các Sở, ngành, đơn vị", "UBND cấp xã"], ["Sở Tư pháp"], "thường xuyên")
    assert (tasks[5].responsible, tasks[5].coordinating, tasks[5].deadline) == (
        ["Sở Tư pháp"], ["Các cơ quan, đơn vị, địa phương liên quan"], "2026")


def test_table_cells_beside_a_point_assign_it():
    from vn_directives.parse import parse_items

    items = _items(
        ("TT", True), ("Nội dung/nhiệm vụ", False), ("Cơ quan chủ trì", False), ("Cơ quan phối hợp", False),
        ("Thời gian thực hiện", False),
        ("1 Tổ chức điều chỉnh, bổ sung quy hoạch hạ tầng viễn thông", False),
        ("Ban Quản lý các khu công nghệ cao và khu công nghiệp", False),
        ("Sở Khoa học và Công nghệ, Sở Công Thương", False),
        ("Quý III/2026", False),
        ("2 Khảo sát, đánh giá thực trạng hạ tầng viễn thông", False),
        ("Sở Khoa học và Công nghệ", False), ("Sở Tài chính", False), ("Thường xuyên", False),
    )
    tasks = {t.item: t for t in parse_items(items)[0]}
    assert (tasks[5].responsible, tasks[5].coordinating, tasks[5].deadline) == (
        ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], ["Sở Khoa học và Công nghệ", "Sở Công Thương"],
        "quý III/2026")
    assert (tasks[9].responsible, tasks[9].coordinating, tasks[9].deadline) == (
        ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], "thường xuyên")


def test_lead_in_after_a_purpose_clause_assigns_the_points_under_it():
    from vn_directives.parse import parse_items

    items = _items(
        ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", True),
        ("Để tiếp tục tháo gỡ các khó khăn, vướng mắc trong phát triển kinh tế - xã hội, giải ngân vốn đầu tư "
         "công, tỉnh Đắk Lắk cần tiếp tục thực hiện quyết liệt, đồng bộ một số nội dung trọng tâm sau:", False),
        ("1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội đã được Hội đồng nhân dân tỉnh giao từ đầu năm.", False),
    )
    for it in items[1:]:
        object.__setattr__(it, "section_index", 0)
    tasks = {t.item: t for t in parse_items(items)[0]}
    assert tasks[2].responsible == ["tỉnh Đắk Lắk"]


@pytest.mark.parametrize("rows, expected", [
    # a ministry's line, then its tasks one level deeper; the next ministry's line ends the first
    ([("a) Tiếp tục hoàn thiện thể chế chính sách về quản lý rác thải", False),
      ("- Bộ Nông nghiệp và Môi trường", False),
      ("+ Nghiên cứu, rà soát, hoàn thiện các chính sách, pháp luật về bảo vệ môi trường.", False),
      ("+ Ban hành hướng dẫn cải tạo, nâng cấp, đóng cửa các bãi chôn lấp chất thải.", False),
      ("- Bộ Công Thương", False),
      ("+ Ban hành theo thẩm quyền các chính sách thúc đẩy tiêu dùng sản phẩm tái chế.", False),
      ("b) Tăng cường công tác kiểm tra, giám sát việc quản lý chất thải rắn sinh hoạt.", False)],
     {2: ["Bộ Nông nghiệp và Môi trường"], 3: ["Bộ Nông nghiệp và Môi trường"], 5: ["Bộ Công Thương"], 6: []}),
    # "Đề nghị X" with no verb heads the points under it; "Chỉ đạo Y ..." there is X's order to Y, and a
    # paragraph without a marker goes with the point above it
    ([("c) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam", False),
      ("- Chỉ đạo Hội Nông dân Việt Nam đẩy mạnh tuyên truyền, vận động hội viên.", False),
      ("Phát huy vai trò nòng cốt trong xây dựng, duy trì các mô hình cộng đồng.", False),
      ("d) Đài Truyền hình Việt Nam có trách nhiệm tăng cường thời lượng tuyên truyền.", False)],
     {1: ["Trung ương Mặt trận Tổ quốc Việt Nam"], 2: ["Trung ương Mặt trận Tổ quốc Việt Nam"],
      3: ["Đài Truyền hình Việt Nam"]}),
    # the last line of an addressee list is not a heading: the letter's body comes right after it
    ([("- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", False),
      ("Để tiếp tục phát huy những kết quả đạt được, thực hiện hiệu quả kết luận của Bộ Chính trị.", False),
      ("1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra.", False),
      ("Trong quá trình thực hiện, nếu có khó khăn vướng mắc, kịp thời phản ánh về Bộ Tài chính.", False)],
     {2: ["Cơ quan thanh tra"], 3: []}),
])
def test_a_body_line_in_a_list_heads_the_deeper_points(rows, expected):
    from vn_directives.parse import parse_items

    tasks = {t.item: t.responsible for t in parse_items(_items(*rows))[0]}
    assert {k: tasks[k] for k in expected} == expected


def test_table_with_more_columns_and_a_source_column():
    from vn_directives.parse import parse_items

    items = _items(
        ("STT", False), ("Nhiệm vụ", False), ("Văn bản giao nhiệm vụ", False), ("Cơ quan chủ trì thực hiện", False),
        ("Thời hạn hoàn thành", False), ("Kết quả thực hiện", False), ("Tiến độ", False),
        ("19. Xây dựng Nghị định quy định chính sách học bổng cho người học các ngành khoa học cơ bản.", False),
        ("Nghị quyết số 71/NQ-CP", False), ("Bộ Giáo dục và Đào tạo", False), ("30/09/2025", False),
        ("24", False), ("Chủ trì xây dựng cơ sở dữ liệu quốc gia về y tế, 12 CSDL chuyên ngành", False),
        ("Bộ Y tế", False), ("31/12/2025", False), ("Đang thực hiện", False),
    )
    tasks = {t.item: t for t in parse_items(items)[0]}
    assert (tasks[7].responsible, tasks[7].deadline) == (["Bộ Giáo dục và Đào tạo"], "2025-09-30")
    assert (tasks[12].responsible, tasks[12].deadline) == (["Bộ Y tế"], "2025-12-31")


def test_procedure_table_whose_body_column_comes_first():
    from vn_directives.parse import parse_items

    items = _items(
        ("6. Quy trình giải quyết", True), ("Tên bước", False), ("Đơn vị/người thực hiện", False),
        ("Nội dung công việc", False), ("Thời hạn giải quyết (ĐVT: Ngày làm việc)", False), ("Bước 1", False),
        ("Cán bộ Bộ phận TN&TKQ Sở Dân tộc & Tôn giáo", False),
        ("Kiểm tra, hướng dẫn, tiếp nhận hồ sơ đề nghị thay đổi trụ sở của tổ chức tôn giáo.", False),
        ("1/2 ngày", False), ("Bước 2", False), ("Trưởng Bộ phận TN&TKQ", False),
        ("- Chuyển hồ sơ tới Lãnh đạo Sở.", False),
        ("7. Tổ chức thực hiện", True),
        ("Sở Nội vụ", False),
    )
    tasks = {t.item: t.responsible for t in parse_items(items)[0]}
    assert tasks[7] == ["Cán bộ Bộ phận TN&TKQ Sở Dân tộc & Tôn giáo"]
    assert tasks[11] == ["Trưởng Bộ phận TN&TKQ"]


def test_seed_targets(seed_doc):
    values = {(t.value, t.value_max) for t in seed_doc.targets}
    if not seed_doc.targets:
        pytest.skip("no shipped models: items are not classified")
    assert {(0.7, None), (10.0, 20.0), (80.0, None)} <= values
