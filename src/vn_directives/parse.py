"""Tasks and targets: who must do what by when, and which figures must be reached.

Rules over the normalized text of ``task`` and ``target`` items (GUIDELINES.md section 3): numbers in
Vietnamese format, ranges, comparators, units, deadlines, and agency names around "giao", "chủ trì",
"phối hợp với".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from .dates import iso_date
from .records import Item, Target, Task
from .references.regexes import SYMBOL_RE

# --- numbers and deadlines ------------------------------------------------------------------------

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUM_RE = re.compile(rf"(?<![\w.,/-])(?:{NUMBER})(?![\w/]|[.,]\d)")
RANGE_RE = re.compile(
    rf"(?:từ[ ]+)?(?P<a>{NUMBER})[ ]*(?P<ua>%)?[ ]*(?:-|–|đến|tới)[ ]*(?P<b>{NUMBER})[ ]*(?P<ub>%)?"
)
DEADLINE_DATE = re.compile(
    r"(?P<phrase>(?:(?:trước|chậm nhất|hạn chót|đến|trong|vào)[ ]+)?(?:ngày[ ]+)?)"
    r"(?:(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})[ ]+tháng[ ]+(?P<m2>\d{1,2})[ ]+năm[ ]+(?P<y2>(?:19|20)\d\d))"
)
DEADLINE_YEAR = re.compile(
    r"(?P<phrase>(?:(?:đến|trước|trong|cuối|hết|đến hết|đến cuối|trong cả|vào)[ ]+)*(?i:năm)[ ]+"
    r"|(?i:giai đoạn)[ ]+(?:\d{4})[ ]*[-–][ ]*|quý[ ]+[IV]+/|tháng[ ]+\d{1,2}(?:/|[ ]+năm[ ]+))(?P<y>(?:19|20)\d\d)\b"
)
DEADLINE_PHRASE = re.compile(
    # a day in every month or year: "trước ngày 20 hằng tháng", "trước ngày 15 tháng 12 hàng năm"
    r"trước ngày[ ]+\d{1,2}(?:[ ]+tháng[ ]+\d{1,2}|/\d{1,2})?[ ]+(?:hằng|hàng)[ ]+(?:tháng|quý|năm)|"
    # "thường xuyên" but not the budget's "chi thường xuyên" (recurrent spending)
    r"(?:định kỳ[ ]+)?(?:hằng|hàng)[ ]+(?:năm|quý|tháng|tuần)|(?<!chi )thường xuyên|định kỳ(?:[ ]+\d+[ ]+tháng)?|"
    r"trong quý[ ]+[IV]+(?:/\d{4})?|trong tháng[ ]+\d{1,2}(?:/\d{4})?|"
    # a time limit, with the event it runs from: "trong thời hạn 05 năm kể từ ngày cấp Giấy chứng nhận"
    r"trong(?:[ ]+thời hạn|[ ]+thời gian(?:[ ]+không quá)?|[ ]+vòng)?[ ]+\d+[ ]+(?:ngày|tháng|năm|giờ)"
    r"(?:[ ]+làm việc)?(?:[ ]+kể từ(?:(?![ ](?:để|nhằm|theo|thì|và)[ ])[^,;.:\n]){1,80})?"
)


def parse_number(s: str) -> float:
    """Vietnamese number format: ``1.000`` → 1000, ``0,7`` → 0.7, ``1.234,5`` → 1234.5."""
    return float(s.replace(".", "").replace(",", "."))


# a baseline year is no deadline: "giảm 20% so với mức trung bình năm 2024", "năm gốc 2020"
_BASELINE_BEFORE = re.compile(r"(?i:so với)[^.;,()\n]{0,30}$|(?i:gốc|cơ sở)[ ]*$")


def _cited_date(text: str, m: re.Match[str]) -> bool:
    """The date of a cited instrument ("Nghị quyết số 57-NQ/TW ngày 22/12/2024"), not a deadline."""
    if m.group("phrase").strip() not in {"", "ngày"}:
        return False  # "trước ngày ...", "đến ngày ...": a deadline
    return SYMBOL_RE.search(text, max(0, m.start() - 40), m.start()) is not None and re.search(
        r"[\w.)][ ,]*(?:ngày[ ]*)?$", text[max(0, m.start() - 40):m.start()]) is not None


def _deadline(text: str) -> tuple[str | None, str | None]:
    """(value, phrase as written): an ISO date, a year, or a recurring phrase."""
    cited: list[tuple[int, int]] = []  # the dates of cited instruments: neither a date nor a year to meet
    for m in DEADLINE_DATE.finditer(text):
        if not _cited_date(text, m):
            iso, ok = iso_date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                               m.group("y") or m.group("y2"))
            return iso, m.group(0)
        cited.append(m.span())
    years = [y for y in DEADLINE_YEAR.finditer(text)
             if not _BASELINE_BEFORE.search(text, max(0, y.start() - 40), y.start())
             and not any(a <= y.start("y") < b for a, b in cited)]
    if years:
        m = years[-1]
        if m.group("phrase").startswith("quý") or m.group("phrase").startswith("tháng"):
            phrase = re.search(r"(?:trong[ ]+)?" + re.escape(m.group(0)), text)
            found = phrase.group(0) if phrase else m.group(0)
            return found[:1].lower() + found[1:], found
        return m.group("y"), m.group(0)
    m = DEADLINE_PHRASE.search(text.lower())
    if m:
        return m.group(0), m.group(0)
    return None, None


# --- targets ---------------------------------------------------------------------------------------

COMPARATORS = ("ít nhất", "tối thiểu", "tối đa", "không quá", "không thấp hơn", "không dưới", "trên",
               "xuống còn", "còn", "xuống dưới", "lên trên", "chiếm",
               "dưới", "đạt", "giảm", "tăng", "vào nhóm", "thuộc nhóm", "top", "từ", "khoảng", "bình quân",
               "trở lên", "lên")
_COMP_RE = re.compile(r"(?:" + "|".join(re.escape(c) for c in sorted(COMPARATORS, key=len, reverse=True))
                      + r")[ ]*$", re.IGNORECASE)
UNIT_RE = re.compile(
    r"[ ]*(?P<unit>%|phần trăm|tỷ đồng|triệu đồng|nghìn tỷ đồng|nghìn đồng|đồng|USD|tỷ USD|triệu USD|"
    r"quốc gia|nước|doanh nghiệp|hộ|người|lượt|ngày|tháng|năm|giờ|km|m2|ha|héc-ta|tấn|MW|trạm|xã|"
    r"sản phẩm|dịch vụ|thủ tục|hồ sơ|cơ sở|trường|giường bệnh|bác sĩ|lao động|việc làm|điểm|bậc|"
    r"lần|nền tảng|cơ quan|đơn vị|địa phương|tỉnh|mô hình|chương trình|dự án|nhiệm vụ|loại|cấp|"
    r"bộ dữ liệu|tập dữ liệu|cơ sở dữ liệu|kịch bản|tin, bài|trạm BTS|Gbps|Mbps|GB|tỉ USD|tỉ đồng|"
    r"tỷ đô la|tỉ đô la|μg/m3|µg/m3|μg/m³|µg/m³|mg/l|công trình)"
    r"(?:[ ]+(?P<of>dân số|GRDP|GDP|tổng vốn|kế hoạch))?(?![\w])"
)
_VERB_BEFORE_ABOUT = re.compile(r"(?i:(đạt|tăng|giảm|chiếm))[ ]+(?i:khoảng)[ ]*$")
_AT_LEAST_AFTER = re.compile(r"[ ]*(?i:trở lên)\b")
_PER_POP = re.compile(r"trên[ ]+(?P<n>\d{1,3}(?:\.\d{3})+|\d+)[ ]+(?P<who>dân|người dân|người)")
_SKIP_BEFORE = re.compile(
    r"(?:năm|giai đoạn|quý|tháng|ngày|Điều|khoản|điểm|số|Quyết định|Nghị quyết|Chỉ thị|Kế hoạch|"
    r"mục|phần|lần thứ|khóa|Luật|Nghị định|Thông tư|Công văn|cấp độ)[ ]*$",
    re.IGNORECASE,
)
# an age that qualifies who is counted: "dân số từ 15 tuổi trở lên", "trẻ em từ 06 tháng đến 36 tháng tuổi"
_AGE_BEFORE = re.compile(r"(?:từ|dưới|trên|đủ|đến)[ ]*$")
_AGE_AFTER = re.compile(r"[ ]*(?:tháng[ ]+)?(?:tuổi|đến[ ]+\d+[ ]+(?:tháng[ ]+)?tuổi)\b")
_LEAD = re.compile(
    r"^(?:[-+•]\s*|\(?[a-zđ0-9]{1,3}[.)]\s*)*(?:(?:phấn đấu|(?:mục tiêu|chỉ tiêu)(?:[ ]+(?:chung|cụ thể|tổng quát|"
    r"tổng thể))?|đến năm \d{4}|đến hết năm \d{4}|năm \d{4}|trong năm \d{4}|giai đoạn \d{4}(?:[ ]*[–-][ ]*\d{4})?|"
    r"đến \d{4})(?![\w])[ ,:]*)*[ ,:]*",
    re.IGNORECASE,
)


# units that are things counted ("1.200 công trình xây dựng xanh"), not measures
_COUNTED = frozenset("doanh nghiệp|hộ|người|sản phẩm|dịch vụ|thủ tục|hồ sơ|cơ sở|trường|nền tảng|cơ quan|đơn vị|"
                     "địa phương|mô hình|chương trình|dự án|nhiệm vụ|bộ dữ liệu|tập dữ liệu|cơ sở dữ liệu|kịch bản|"
                     "trạm|trạm BTS|công trình|xã|tỉnh".split("|"))
# "<owner> có <figure> <unit>": a place owns the counted things ("Hà Nội có tối thiểu 200 công trình")
_OWNER_HAS = re.compile(r"(?:^|[,.:][ ]*|[ ](?P<prep>trên|tại)[ ]+)(?P<who>(?:(?!(?:trên|tại)[ ])[^,;:.]){1,40}?)[ ]+có"
                        r"(?:[ ]+(?i:tối thiểu|ít nhất|khoảng|trên|hơn|thêm))?[ ]*$")


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r";|(?<=[^\d])\.(?=\s)|\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _metric_before(clause: str, at: int) -> str:
    before = clause[:at]
    before = _COMP_RE.sub("", before.rstrip()).rstrip(" ,:")
    before = re.split(r"[,:](?=[^,:]*$)", before)[-1] if re.search(r"(?i)\b(?:tỷ lệ|tỷ trọng|số|tốc độ|chỉ số|"
                                                                   r"mức|tổng|thu nhập)\b", before) is None else before
    before = _LEAD.sub("", before.strip()).strip(" ,:")
    m = re.search(r"(?:tỷ lệ|tốc độ|chỉ số|số lượng|tổng|mức|thu nhập|kim ngạch|diện tích|"
                  r"tuổi thọ|GRDP|quy mô|năng suất|độ che phủ)[^,;:]*$", before, re.IGNORECASE)
    if m:
        before = m.group(0)
    before = re.sub(r"[ ]+(?:chiếm|đạt|là|có|được|phải)$", "", before.strip())
    if _BARE_VERB.fullmatch(before):
        return ""  # "tăng thêm ít nhất 20% số nhóm trẻ": the metric follows the figure
    return " ".join(before.split()) or ""


_BARE_VERB = re.compile(r"(?i:tăng thêm|tăng|giảm|có|đạt|phấn đấu|hoàn thành|bảo đảm|đảm bảo|duy trì|"
                        r"phấn đấu đạt|phấn đấu có|tối thiểu|ít nhất)?")


_METRIC_TAIL = re.compile(r"[ ]*\([^()]*\)|[ ]+theo[ ]+(?:lộ trình|quy định|kế hoạch|hướng dẫn)\b.*$")


def _metric_after(clause: str, end: int) -> str:
    after = clause[end:]
    after = re.split(r"[;:]|,[ ]+(?=\d)|[ ]+(?:và|,)[ ]+\d", after)[0]
    after = re.split(r"[ ]+(?:vào|trong|đến|trước)[ ]+(?:năm|cuối năm|hết năm|ngày|quý)\b", after)[0]
    return " ".join(after.strip(" ,.").split())


def parse_targets(item: Item, section: str | Sequence[str] | None = None) -> list[Target]:
    """The figures an item sets as goals; a goal without a figure gives one record with no value.

    ``section`` is the heading above the item, or the chain of headings above it (nearest first):
    the first one that states a deadline gives it when the item does not.
    """
    text = _MARKER.sub("", item.clean)
    deadline, _ = _deadline(text)
    chain = [section] if isinstance(section, str) else list(section or [])
    for head in chain:
        if deadline is not None:
            break
        deadline, _ = _deadline(head)
    out: list[Target] = []
    for a, b in _clauses(text):
        clause = text[a:b]
        own, _ = _deadline(clause)  # "...; nhóm 50 nước dẫn đầu thế giới vào năm 2030": the clause's own year
        clause_deadline = own if own is not None and re.fullmatch(r"[\d-]+", own) else deadline
        pos = 0
        while True:
            m = _NUM_RE.search(clause, pos)
            if not m:
                break
            s, e = m.start(), m.end()
            pos = e
            before = clause[:s]
            rng = RANGE_RE.match(clause, s)
            if _SKIP_BEFORE.search(before) or (re.match(r"\s*[/\-]\s*\d", clause[e:]) and not (
                    rng and rng.group("ub") and "/" not in rng.group(0))):  # "4,5 - 5%" is a range, "2021-2025" not
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and not re.match(r"\s*%", clause[e:]):
                continue
            if _AGE_AFTER.match(clause, e) and _AGE_BEFORE.search(before):
                continue
            if a == 0 and not before.strip() and e - s <= 2 and clause[e:e + 1] == " " \
                    and clause[e + 1:e + 2].isupper():
                continue  # a table row's number before its text: "1 Kinh tế số chiếm 45% GRDP tỉnh."
            if _PER_POP.match(clause, max(0, s - 5)) or re.search(r"trên[ ]+$", before) and re.match(
                    r"[ ]+(?:dân|người dân)", clause[e:]):
                continue  # "trên 1.000 dân" is part of a rate's unit
            value = parse_number(m.group(0))
            value_max = None
            if rng and rng.group("b") and not re.fullmatch(r"(?:19|20)\d\d", rng.group("b")):
                value = parse_number(rng.group("a"))
                value_max = parse_number(rng.group("b"))
                e = rng.end()
                pos = e
            um = UNIT_RE.match(clause, e if not (rng and rng.group("ub")) else e)
            unit = None
            if rng and value_max is not None and (rng.group("ua") or rng.group("ub")):
                unit = "%"
            elif um:
                unit = "%" if um.group("unit") == "phần trăm" else um.group("unit")
                if um.group("of") and unit == "%":
                    unit = f"% {um.group('of')}"
                e = um.end()
                pos = e
            cm = _COMP_RE.search(before.rstrip())
            comparator = cm.group(0).strip().lower() if cm else None
            if comparator == "khoảng" and (verb := _VERB_BEFORE_ABOUT.search(before.rstrip())):
                comparator = verb.group(1).lower()  # "tăng khoảng 10%": the direction, not the hedge
            if comparator in {None, "đạt", "khoảng"} and _AT_LEAST_AFTER.match(clause, e):
                comparator = "trở lên"  # "(đạt) 8% trở lên": the direction comes after the figure
            if value_max is not None and comparator is None:
                comparator = "từ"
            if comparator is None and out and out[-1].comparator in {"vào nhóm", "thuộc nhóm"} and re.search(
                    r"(?:,|và)[ ]+nhóm[ ]*$", before):
                comparator = out[-1].comparator  # "thuộc nhóm 4 nước ... và nhóm 60 nước ..."
            metric = _metric_before(clause, cm.start() if cm else s) if (cm or unit != "%") else ""
            if not metric or (unit == "%" and comparator is None) or comparator in {"vào nhóm", "thuộc nhóm", "top"}:
                metric = _metric_after(clause, e) or metric
            elif unit in _COUNTED and (owner := _OWNER_HAS.search(clause, 0, cm.start() if cm else s)):
                # "cả nước có 1.200 công trình xây dựng xanh": what is counted, where
                rest = _metric_after(re.split(r"[,.]", clause[e:])[0], 0)
                counted = " ".join(f"{unit} {rest}".split())
                if not rest and out and out[-1].unit == unit and out[-1].metric:  # "Trong đó, Hà Nội có 200 ..."
                    counted = re.split(r"[ ]+(?:trên|tại)[ ]+", out[-1].metric)[0]
                who, prep = owner.group("who"), owner.group("prep")
                if prep is None and (who[:1].isupper() or who == "cả nước"):
                    prep = "trên" if who == "cả nước" else "tại"  # a place: "tại Hà Nội", "trên cả nước"
                metric = f"{counted} {prep} {who}" if prep else counted
            per = _PER_POP.search(clause)
            if per and unit is None:
                noun = re.search(r"(doanh nghiệp[\w ]*?|bác sĩ|giường bệnh|[\w ]+?)[ ]+trên[ ]+", clause)
                head = "doanh nghiệp" if "doanh nghiệp" in clause else (noun.group(1).split()[-1] if noun else "")
                unit = f"{head}/{per.group('n')} {per.group('who')}".strip("/")
            metric = " ".join(_METRIC_TAIL.sub("", metric).split()).strip(" ,")  # "(bao gồm ...)", "theo lộ trình"
            out.append(Target(item=item.index, metric=metric or None, value=value, value_max=value_max,
                              unit=unit, comparator=comparator, deadline=clause_deadline, text=clause.strip()))
    if not out:
        first = re.split(r"[,;:]", _LEAD.sub("", text), maxsplit=1)[0]
        metric = re.sub(r"^(?:hình thành|xây dựng|phát triển|bảo đảm|đảm bảo|có|mỗi [\w ]+? có)[ ]+", "",
                        first.strip(" ."), flags=re.IGNORECASE)
        out.append(Target(item=item.index, metric=metric or None, value=None, deadline=deadline,
                          text=text))
    return out


# --- tasks -----------------------------------------------------------------------------------------

AGENCY = (
    r"(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|Sở|Bộ|Công an|Bộ Chỉ huy|Ban(?![ ]+hành)|Văn phòng|Thanh tra|"
    r"Đài|Báo(?![ ]+cáo)|Kho bạc|Cục|Chi cục|Ngân hàng|Liên đoàn|Tỉnh đoàn|Thành đoàn|Mặt trận|Hội|"
    r"Trường(?![ ]+hợp)|Viện|"
    r"Trung tâm|Tổng cục|Tập đoàn|Tổng công ty|Bảo hiểm xã hội|Thủ trưởng|thủ trưởng|Trưởng|Giám đốc|Chủ tịch|"
    r"Bộ trưởng|Thủ tướng|Phó Thủ tướng|các Phó Thủ tướng|Tổng Giám đốc|Người đứng đầu|người đứng đầu|Chánh|"
    r"Các sở|Các bộ|các sở|Các Sở|các Sở|Các Ban|các Ban|Các ban|các ban|Các ngành|các ngành|"
    r"Lãnh đạo|lãnh đạo|Tòa án|Viện kiểm sát|Thi hành án|Cơ quan|các bộ phận|"
    r"Các doanh nghiệp|Chủ đầu tư|chủ đầu tư|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Bí thư|Thống đốc|"
    r"Văn thư|Chuyên viên|Trung ương|Các cấp ủy|các cấp ủy|Các cấp uỷ|các cấp uỷ|Cấp ủy|"
    r"các bộ|các cơ quan|các đơn vị|các địa phương|các ngành|các xã|các Bộ|Các Bộ|các tỉnh|Các tỉnh|"
    r"Các cơ quan|Các đơn vị|Các địa phương|cơ quan|đơn vị|Đơn vị|địa phương|doanh nghiệp|Doanh nghiệp|"
    r"Phó Trưởng ban|các Phó Trưởng ban|Các Phó Trưởng ban|Ủy viên|các Ủy viên|Các Ủy viên|Thành viên|"
    r"các thành viên|Các thành viên|Chính phủ|Quốc hội|Mặt trận|Kiểm toán|Cá nhân|Người chủ trì|văn thư|"
    r"chính quyền|Chính quyền|Cán bộ|cán bộ|Người nộp|người nộp|Người có thẩm quyền|người có thẩm quyền|"
    r"Cấp có thẩm quyền|cấp có thẩm quyền|hội đồng|Ủy ban|Uỷ ban|Thường trực|Tổng Thư ký|"
    # a province or city as the actor of a conclusion: "tỉnh Đắk Lắk cần ...", "Thành phố chủ động ..."
    r"Tỉnh|Thành phố|(?:tỉnh|thành phố)(?=[ ]+[A-ZĐ])|Hộ kinh doanh|hộ kinh doanh|"
    # teams and offices named by their function: "Đoàn kiểm tra", "Tổ công tác", "Lưu trữ hiện hành"
    r"(?:Trưởng[ ]+)?[Đđ]oàn[ ]+(?:kiểm tra|thẩm định|công tác|giám sát|thanh tra|đánh giá)|"
    r"Tổ[ ]+(?:công tác|giúp việc|thẩm định|kiểm tra|chuyên gia|biên tập|thư ký)|Lưu trữ[ ]+(?:hiện hành|lịch sử))"
)
_AGENCY_START = re.compile(rf"^{AGENCY}\b")
_VERB = (r"chủ trì|phối hợp|tổ chức|triển khai|thực hiện|xây dựng|hoàn thành|tham mưu|rà soát|"
         r"(?<!quá )trình|báo cáo|chỉ đạo|hướng dẫn|kiểm tra|theo dõi|đôn đốc|tăng cường|đẩy mạnh|tập trung|"
         r"khẩn trương|chủ động|bảo đảm|đảm bảo|nghiên cứu|ban hành|bố trí|cân đối|cung cấp|có trách nhiệm|"
         r"chịu trách nhiệm|tiếp tục|quán triệt|thường xuyên|phát huy|nâng cao|duy trì|xử lý|rà|phải|"
         r"cập nhật|lập|tuyên truyền|vận động|huy động|chuẩn bị|giám sát|quản lý(?![ ]+trực tiếp)|thẩm định|tiếp nhận|"
         r"xem xét|tổng hợp|tiến hành|hoàn tất|soạn|lấy|gửi|đề xuất|lãnh đạo|"
         r"chịu|căn cứ|kịp thời|sớm|nghiêm túc|(?<!đăng )ký|thi hành|giải quyết|tham gia|phổ biến|đổi mới|công bố|"
         r"niêm yết|phát hành|kết nối|(?<!trật )tự|quyết định|xét duyệt|(?<!quản lý )trực tiếp|họp|khi|làm việc|"
         r"có văn bản|"
         r"thu thập|xác minh|kêu gọi|được quyền|được phép|được lựa chọn|được sử dụng|được quyết định|"
         r"thẩm tra|phê duyệt|(?<!được )phân công|thụ lý|trả lời|hủy bỏ|đăng nhập|sưu tầm|cần|thông báo|"
         r"có quyền|cụ thể hóa|cụ thể hoá|quy định|nộp|không áp dụng|chỉ được|thay mặt|phản ánh|"
         # a copula or a basis closes the subject too: "Văn thư cơ quan là người ...", "X trên cơ sở ..."
         r"(?<!tắt )(?<!gọi )là|trên cơ sở|có nhiệm vụ")
_VERB_RE = re.compile(rf"(?<![\w])(?:{_VERB})(?![\w])")
_VERB_NOT_AFTER_COMMA = re.compile(rf"(?<![,])[ ]+(?:{_VERB})(?![\w])")
_GIAO_WORD = (r"(?:^|[ ,;])(?:Giao|giao|Yêu cầu|yêu cầu|Đề nghị|đề nghị|Chỉ đạo|Phân công|Ủy quyền cho|"
              r"Khuyến khích|khuyến khích|kêu gọi|Kêu gọi)[ ]+")
# the end of a list of bodies: before their verb (any case: "Giao Sở X Khẩn trương ..."; "- Phối hợp"),
# never right after "các", "những", "và" or a comma ("các tổ chức thành viên" is a noun)
# verbs written with a capital after the body ("Giao Sở X Khẩn trương ..."); not those that end names
# of bodies ("Sở Xây dựng", "Ban Tổ chức", "Ban Chỉ đạo")
_CAP_VERB = (r"Khẩn trương|Theo dõi|Chủ trì|Phối hợp|Triển khai|Thực hiện|Hướng dẫn|Rà soát|Chỉ đạo(?<!Ban Chỉ đạo)|"
             r"Tham mưu|Chủ động|Tiếp tục|Đôn đốc|Kiểm tra|Cập nhật|Báo cáo|Tăng cường|Đẩy mạnh")
_WHO_END = rf"(?<!,)(?<![ ]các)(?<![ ]những)(?<![ ]và)(?=[ ]+(?:-[ ]+)?(?:{_VERB}|{_CAP_VERB})(?![\w]))"
# the bodies run up to their verb ("Giao Bộ Quốc phòng, Bộ Công an chỉ đạo ..."), else to a comma or colon
_GIAO = re.compile(rf"{_GIAO_WORD}(?P<who>{AGENCY}[^;:]*?){_WHO_END}")
_GIAO_SHORT = re.compile(rf"{_GIAO_WORD}(?P<who>{AGENCY}[^;:,]*?)(?=[ ]*[,:])")
# the labels of a plan's fields and table columns: lead body, partners, time
_FIELD_LEAD = (r"(?:Cơ quan|Đơn vị|Bộ phận)(?:[ ]*/[ ]*(?:người|cá nhân))?[ ]+(?:chủ trì|thực hiện|đầu mối)"
               r"(?:[ ]+(?:tham mưu|thực hiện))*")
_FIELD_COORD = r"(?:Cơ quan|Đơn vị)[ ]+phối hợp(?:[ ]+thực hiện)?"
_FIELD_TIME = r"(?:Thời gian|Thời hạn|Tiến độ)(?:[ ]+(?:thực hiện|hoàn thành|giải quyết))*"
# "Cơ quan thực hiện: Sở X ...", "Đơn vị chủ trì: ..."
_LEAD_FIELD = re.compile(rf"^{_FIELD_LEAD}[ ]*:[ ]*(?P<who>{AGENCY}[^;:]*?)"
                         rf"(?=[ ]+(?:{_VERB})(?![\w])|[ ]*[;.]|$)")
# a subject list may run over ";" to another body: "Chánh Văn phòng ..., Thủ trưởng các sở; Chủ tịch UBND ..."
_SUBJECT = rf"(?P<who>{AGENCY}(?:[^;:]|;[ ]*(?={AGENCY}))*?){_WHO_END}"
_LEADS = re.compile("^" + _SUBJECT)
_LEADS_AT = re.compile(_SUBJECT)  # the same, at a position inside a text
# a body named by its role in a procedure, whose own verb is part of the name: "Cán bộ tiếp nhận lập Phiếu
# ...", "Chuyên viên xử lý hồ sơ soạn ...", "người có thẩm quyền quyết định khen thưởng hủy bỏ ..."
_ROLE_SUBJECT = re.compile(
    r"(?P<who>(?:[Cc]án bộ|[Cc]huyên viên|[Cc]ông chức|[Cc]ơ quan(?:, đơn vị)?|[Đđ]ơn vị|[Bb]ộ phận|"
    r"[Nn]gười có thẩm quyền)[ ]+(?:tiếp nhận|xử lý|giải quyết|thụ lý|thẩm định|quyết định)"
    r"(?:[ ]+(?:hồ sơ|phản ánh(?:[ ]+kiến nghị)?|khen thưởng))?)"
    rf"(?=[ ]+(?:{_VERB})(?![\w]))")
_LEADS_COLON = re.compile(rf"^(?P<who>{AGENCY}[^;:]{{0,80}}?)[ ]*:[ ]*(?=\S)")  # "b) Sở Nội vụ, UBND cấp xã: ..."
# a leading clause before the subject: "Khi xảy ra cháy rừng, Chủ tịch ...", "Trên cơ sở ..., Sở X ...",
# "Trường hợp ... thì cơ quan, đơn vị có văn bản ..."
_CONDITION_ALT = (r"Khi|khi|Trường hợp|Trong trường hợp|Đối với|Sau khi|Trước khi|Nếu|"
                  r"Trên cơ sở|Trong quá trình|Trong thời hạn|Trong vòng|Trong[ ]+\d+|Ngoài|Căn cứ|"
                  r"Trước ngày|Chậm nhất")
_CONDITION_WORDS = rf"^(?:{_CONDITION_ALT})\b"
_CONDITION = re.compile(_CONDITION_WORDS + r"[^;:]{0,200}?(?:,[ ]*(?=\S)|[ ]thì[ ]+|[ ]*:[ ]*(?=\S))")
# "Cơ quan xử lý có trách nhiệm ...", "Văn thư cơ quan, đơn vị gửi văn bản có trách nhiệm ...": a subject
# that holds a verb of its own ends at the duty word
_DUTY_SUBJECT = re.compile(rf"^(?P<who>{AGENCY}\b(?:(?![ ](?:chủ trì|phối hợp|và|theo)\b)[^;:]){{0,90}}?)"
                           r"(?<!,)(?=[ ]+(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|phải)\b)")
# a short label before the subject: "Cuộc họp định kỳ: Ban Chỉ đạo họp ...", "Về tổ chức thực hiện: Các địa
# phương ..."
_LABEL = re.compile(r"^[^:;,.()]{3,60}?:[ ]*(?=\S)")
# "Trường hợp ..., ... thì X ...": the subject comes after "thì" when there is one
_CONDITION_THI = re.compile(_CONDITION_WORDS + r"[^;:]{0,300}?[ ,]thì[ ]+")
# a passive agent: "Việc ... do người đứng đầu cơ quan cấp trên thực hiện"
_BY_AGENT = re.compile(rf"(?:^|[ ,])(?:phải[ ]+)?do[ ]+(?P<who>(?i:{AGENCY}|người|hội đồng)[^,;:.()]{{0,80}}?)"
                       r"[ ]+(?:thực hiện|tiến hành|quyết định|chủ trì|đảm nhiệm|chịu trách nhiệm|ban hành)"
                       r"(?![\w])")
_COORD = re.compile(rf"(?i:phối hợp)(?:[ ]+chặt chẽ)?(?:[ ]+với[ ]+|[ ]+(?={AGENCY}))(?P<who>.+?)"
                    rf"(?<![ ]các)(?=[ ]+(?:{_VERB}|{_CAP_VERB}|để|nhằm|trong|trước|theo|tại)(?![\w])|[.;:(]|$)")
_MARKER = re.compile(r"^(?:[-+•]\s*|\(?[a-zđ0-9]{1,3}[.)]\s*|[IVX]+\.\s*|\d+(?:\.\d+)+\.?\s*)+")


_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)[ ]+\d+[a-zđ]?[.:]?[ ]*")
_BODY_WORD = re.compile(
    r"(?:Ủy ban|UBND|Hội đồng|Sở|Bộ|Công an|Ban|Văn phòng|Thanh tra|Đài|Báo|Kho bạc|Cục|Chi cục|"
    r"Ngân hàng|Liên đoàn|Mặt trận|Hội|Trường|Viện|Trung tâm|Tổng cục|Tập đoàn|Tổng công ty|Bảo hiểm|"
    r"Thủ trưởng|Giám đốc|Chủ tịch|Bộ trưởng|Thủ tướng|Tòa án|Viện kiểm sát|Cơ quan|Các|các|Chính phủ|"
    r"Quốc hội|Kiểm toán|Thi hành án|Trưởng ban|Phó Trưởng ban|Ủy viên|Đảng ủy|Đảng uỷ|chính quyền|"
    r"Chánh|Người đứng đầu|người đứng đầu|Thống đốc|Thông tấn xã|Tổng Công ty|Quỹ|Hiệp hội|Thường trực|"
    r"[Cc]hủ đầu tư|[Nn]gười có thẩm quyền|[Hh]ộ kinh doanh)\b"
)


_QUALIFIER = re.compile(r"[ ]+(?:theo chức năng|theo thẩm quyền|được giao|thừa ủy quyền|thừa lệnh|căn cứ|"
                        r"trong phạm vi|với vai trò|theo nhiệm vụ)\b.*$|[ ]+-[ ]+(?:[Cc]ơ quan|[Tt]hường trực)\b.*$")


_ALIAS = re.compile(r"\((?:sau đây|gọi tắt|gọi là|viết tắt)[^()]*\)")  # "(sau đây gọi tắt là “đơn vị”)"


def _split_agencies(s: str) -> list[str]:
    """Bodies of a list: split at "," and "và" before a new body's name; "các cơ quan, đơn vị liên
    quan" and "Bộ Khoa học và Công nghệ" stay whole."""
    s = " ".join(_ALIAS.sub(" ", s).split())
    s = _QUALIFIER.sub("", s).strip(" .,")
    parts: list[str] = []
    pieces = re.split(r"([,;][ ]*|[ ]+(?:và|cùng)[ ]+)", s)
    for k in range(0, len(pieces), 2):
        piece = pieces[k]
        joined_by_and = k > 0 and pieces[k - 1].strip() in {"và", "cùng"}
        if parts and not _BODY_WORD.match(piece) and not (joined_by_and and piece.startswith("địa phương")):
            sep = ", " if f"{parts[-1]}, {piece}" in s else " và "
            parts[-1] = f"{parts[-1]}{sep}{piece}"
        else:
            parts.append(piece)
    return [p.strip(" .") for p in parts if p.strip(" .")]


# words by which the body of the heading above has another body act
_ORDER_WORD = re.compile(r"(?i:chỉ đạo|yêu cầu|ủy quyền cho|uỷ quyền cho|phân công)[ ]")


def _subject_ok(who: str) -> bool:
    """A subject of up to 30 words, or a longer list whose members are each a body of up to 16 words
    ("Chánh Văn phòng ..., Giám đốc các Sở, ..., Chủ tịch ... chịu trách nhiệm thi hành ...")."""
    n = len(who.split())
    if n <= 30:
        return True
    parts = _split_agencies(who)
    return n <= 80 and len(parts) >= 3 and all(len(p.split()) <= 16 for p in parts)


# "Các Bộ: Tài chính, Xây dựng, ...", "Bộ trưởng các Bộ: Xây dựng, Công Thương": members named by the
# rest of their name
_MINISTRY_LIST = re.compile(r"^(?P<head>(?:Bộ trưởng|Lãnh đạo)[ ]+các[ ]+Bộ|[Cc]ác[ ]+Bộ(?:,[ ]+(?:cơ quan|ngành))?)"
                            r"(?:[ ]*:[ ]*|[ ]+)(?P<list>[^:;]+)")


@cache
def _ministries() -> re.Pattern[str]:
    """The names of ministries after "Bộ " ("Tài chính", "Văn hóa, Thể thao và Du lịch"), longest first."""
    from .references.symbols import data_table, names_alternation

    alt = names_alternation(v["name"][3:] for v in data_table("issuers.json")["issuers"]
                            if v["name"].startswith("Bộ ") and v["name"] != "Bộ Chính trị")
    return re.compile(rf"(?:{alt})(?![\w])")


def _ministry_members(head: str, members: str) -> tuple[list[str], int] | None:
    """(["Bộ Tài chính", "Bộ Xây dựng", ...], where the list ends) for the list after "Các Bộ:", or None
    if it names no ministry."""
    prefix = "Bộ trưởng Bộ " if head.startswith("Bộ trưởng") else (
        "Lãnh đạo Bộ " if head.startswith("Lãnh đạo") else "Bộ ")
    out: list[str] = []
    pos, rx_ = 0, _ministries()
    while pos < len(members):
        m = rx_.match(members, pos)
        if m is None:
            break
        out.append(prefix + m.group(0))
        sep = re.match(r"[ ]*(?:,[ ]*(?:và[ ]+)?|và[ ]+)", members[m.end():])
        if sep is None:
            pos = m.end()
            break
        pos = m.end() + sep.end()
    if not out:
        return None
    rest = members[pos:]
    if rest and (who := _LEADS.match(rest)) and len(who.group("who").split()) <= 16:
        out += _split_agencies(who.group("who"))  # "..., Ngoại giao, Tập đoàn Điện lực Việt Nam theo ..."
        pos += who.end()
    return out, pos


_DUTY_OF = re.compile(r"^(?:(?:Quyền|Quyền hạn|Chức năng|Nhiệm vụ)(?:,[ ]*|[ ]+và[ ]+))*(?:Trách nhiệm|Nghĩa vụ|"
                      r"Nhiệm vụ(?:,[ ]*|[ ]+và[ ]+)quyền hạn)[ ]+của[ ]+", re.IGNORECASE)


def agency_heading(text: str) -> str | None:
    """The body an agency heading names ("2. Sở Tài chính", "Các bộ, cơ quan ngang bộ:"), or None."""
    body = _MARKER.sub("", _ARTICLE.sub("", text)).strip().rstrip(":").strip()
    g = _GIAO.match(body) or (_GIAO.search(body) if text.rstrip().endswith(":") else None)
    if g:  # "4. Giao Đảng ủy Quốc hội chủ trì, ...:", "... đề nghị Chính phủ và các cơ quan ... sau đây:"
        who = " ".join(_QUALIFIER.sub("", g.group("who")).split()).strip(" ,")
        return who if who and len(who.split()) <= 14 else None
    duty = _DUTY_OF.match(body)  # "Điều 15. Quyền và trách nhiệm của người quản trị": any holder
    body = body[duty.end():] if duty else re.sub(r"^(?:Trách nhiệm|Nhiệm vụ|Đối với|Giao|Đề nghị)(?:[ ]+của)?[ ]+", "",
                                                  body, flags=re.IGNORECASE)
    body = _QUALIFIER.sub("", body)  # "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo"
    body = body[:1].upper() + body[1:] if body[:3].lower() in {"sở ", "bộ "} else body
    if duty:  # the rest names the holder whole ("... của các cơ quan, đơn vị xử lý phản ánh kiến nghị")
        body = re.sub(r"[ ]+(?:trong|đối với|khi|về)[ ]+.*$", "", body).strip()
        if body and len(body.split()) <= 16:
            return body
    if not body or not _AGENCY_START.match(body):
        return None
    if _VERB_RE.search(body):
        lead = _LEADS.match(body)  # "5. Đảng ủy Bộ Khoa học và Công nghệ chịu trách nhiệm:"
        if lead:
            body = " ".join(lead.group("who").split()).strip(" ,")
        elif _VERB_NOT_AFTER_COMMA.search(body):  # "..., tổ chức, cá nhân có liên quan": a noun after ","
            body = ""
    return body if body and len(body.split()) <= 20 else None


@dataclass(frozen=True, slots=True)
class RowFields:
    """What a plan states about a task outside the task's text: the "Cơ quan chủ trì:", "Cơ quan phối
    hợp:" and "Thời gian thực hiện:" lines after it, or the cells beside it in a table row."""

    responsible: str | None = None
    coordinating: str | None = None
    deadline: str | None = None


_FIELD_LINE = re.compile(rf"^(?:[-+•]\s*)?(?:(?P<lead>{_FIELD_LEAD})|(?P<coord>{_FIELD_COORD})|(?P<time>{_FIELD_TIME}))"
                         r"[ ]*:[ ]*(?P<value>\S.*)$", re.IGNORECASE)
# the column heads of a plan's table: "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"
_COLUMN = re.compile(rf"^(?:(?P<lead>{_FIELD_LEAD}|Chủ trì|Phân công(?:[ ]+(?:nhiệm vụ|thực hiện))?|"
                     rf"Trách nhiệm(?:[ ]+thực hiện)?)|(?P<coord>{_FIELD_COORD}|Phối hợp)|(?P<time>{_FIELD_TIME})|"
                     r"(?P<task>Nội dung(?:[ ]+(?:công việc|nhiệm vụ|thực hiện))?|Tên nhiệm vụ))"
                     r"[ ]*:?$", re.IGNORECASE)
# a cell that names who does a procedure's step: "Cán bộ Bộ phận TN&TKQ", "Lãnh đạo Sở"
_ACTOR_CELL = re.compile(rf"^(?:{AGENCY}|Phòng(?![ ]*,|[ ]+(?:chống|ngừa|tránh|cháy)\b))\b[^.;:]*$")


def _field_value(kind: str, value: str) -> str:
    value = value.strip().rstrip(".;,").strip()
    if kind == "lead" and (who := _LEADS.match(value)):
        return who.group("who")  # "Sở Tư pháp chủ trì tham mưu"
    return value


def _field_deadline(value: str) -> str:
    """A time field's deadline: its date or year ("Năm 2026" → "2026"), else the phrase in lower case
    ("Thường xuyên" → "thường xuyên", "0,25 ngày làm việc")."""
    found, _ = _deadline(value)
    return found if found and re.fullmatch(r"[\d-]+", found) else value[:1].lower() + value[1:]


def _bare_bodies(text: str) -> bool:
    """A line that only names bodies ("Ban Quản lý các khu công nghiệp", "Sở Tài chính; UBND cấp xã")."""
    return (bool(_AGENCY_START.match(text)) and len(text.split()) <= 30 and not text.endswith(":")
            and _LEADS.match(text) is None)


def row_fields(items: Sequence[Item]) -> dict[int, RowFields]:
    """For each task-like item, the fields a plan gives it outside its text (see :class:`RowFields`).

    A block of field lines belongs to the points since the previous block or heading; a block right
    under a heading, before any point, belongs to the points after it. In a table whose columns name the
    lead body after the task, the cells after a point's cell are its lead body, partners and time, in
    column order; where the body's column comes first (a procedure's "Đơn vị/người thực hiện | Nội dung
    công việc"), a body's cell leads the points after it.
    """
    out: dict[int, RowFields] = {}
    pending: list[int] = []
    block: dict[str, str] = {}
    forward: RowFields | None = None  # a block above its points
    columns: list[str] = []
    row: tuple[int, list[str]] | None = None  # (the point, the cells after it)
    in_head = False  # the previous item was a column head
    actor: str | None = None  # the body of the step, in a table whose body column comes first

    def flush() -> None:
        nonlocal pending, block, forward
        fields = RowFields(block.get("lead"), block.get("coord"), block.get("time"))
        if pending:
            for k in pending:
                out.setdefault(k, fields)
            forward = None
        else:
            forward = fields
        pending, block = [], {}

    for it in items:
        text = " ".join(_MARKER.sub("", it.clean).split())
        col = _COLUMN.match(text)
        if col and len(text) <= 40:
            kind = next(k for k in ("lead", "coord", "time", "task") if col.group(k))
            if not in_head:
                columns = []
            if kind not in columns:  # "Thời hạn | Kết quả | Tiến độ": the first time column counts
                columns.append(kind)
            row, actor, in_head = None, None, True
            continue
        if in_head and "lead" in columns and len(text) <= 40 and not re.search(r"\d", text):
            continue  # another column head ("Kết quả thực hiện")
        in_head = False
        if "lead" in columns and "task" in columns and columns.index("lead") < columns.index("task"):
            if it.is_heading:
                actor = None
                if _ARTICLE.match(it.clean) or _marker_depth(it.clean) is not None:
                    columns = []  # "7. Trách nhiệm ...", "Điều 5.": the table has ended
            elif len(text.split()) <= 12 and _ACTOR_CELL.match(text):
                actor = text
                continue
            elif actor is not None:
                out[it.index] = RowFields(actor)
                continue
        f = _FIELD_LINE.match(text)
        if f:
            kind = next(k for k in ("lead", "coord", "time") if f.group(k))
            block.setdefault(kind, _field_value(kind, f.group("value")))
            continue
        if block:
            flush()
        if columns and "lead" in columns and row is not None:
            k, cells = row
            if not cells and len(text.split()) <= 12 and SYMBOL_RE.search(text):
                continue  # a column that names the instrument the task comes from: "Nghị quyết số 71/NQ-CP"
            names = [c for c in columns[columns.index("lead"):] if c != "task"]
            if len(cells) < len(names) and (cells or _bare_bodies(text)):
                cells.append(text)
                got = dict(zip(names, cells))
                out[k] = RowFields(got.get("lead"), got.get("coord"), got.get("time"))
                continue
        row = (it.index, []) if columns and "lead" in columns and not it.is_heading else None
        if it.is_heading:
            pending, forward = [], None
            continue
        if forward is not None:
            out.setdefault(it.index, forward)
        else:
            pending.append(it.index)
    if block:
        flush()
    return out


def parse_task(item: Item, section: str | None = None, lead: str | None = None,
               fields: RowFields | None = None) -> Task:
    """Action, responsible and coordinating bodies, and deadline of one task item.

    ``section`` is the heading the item stands under; ``lead`` the bodies a lead-in above it names
    (see :func:`lead_actors`); ``fields`` what the plan states beside it (see :func:`row_fields`).
    They give the bodies and the deadline the item does not state itself.
    """
    text = _MARKER.sub("", _ARTICLE.sub("", item.clean)).strip()
    responsible: list[str] = []
    coordinating: list[str] = []
    action_start = 0
    listed = _MINISTRY_LIST.match(text)
    members = _ministry_members(listed.group("head"), listed.group("list")) if listed else None
    field = _FIELD_LINE.match(text)
    no_subject = field is not None and not field.group("lead")  # "Cơ quan phối hợp: ...", "Thời gian: ..."
    if field and field.group("coord"):
        coordinating = _split_agencies(field.group("value"))
    m = None
    if not (members or no_subject):
        m = _LEAD_FIELD.match(text) or _GIAO.search(text)
        if m is None or len(m.group("who").split()) > 30:
            m = _GIAO_SHORT.search(text)
        if m and section and m.start() == 0 and _ORDER_WORD.match(text) and agency_heading(section):
            m = None  # "Chỉ đạo cơ quan X ...", "Yêu cầu chủ đầu tư ..." under "2. Sở Y": Sở Y leads, X acts
        m = m or _LEADS_COLON.match(text)
    if members:
        responsible, action_start = members[0], listed.start("list") + members[1]
    elif no_subject:
        pass
    elif m:
        responsible = _split_agencies(re.sub(r"[ ]+(?:chủ trì|làm đầu mối)$", "", m.group("who")))
        action_start = m.end()
    else:
        cond = _CONDITION_THI.match(text) or _CONDITION.match(text) or _LABEL.match(text)
        at = cond.end() if cond else 0
        while cond and (nxt := _CONDITION.match(text[at:])):  # "Trong quá trình ..., nếu ..., X ..."
            cond, at = nxt, at + nxt.end()
        if cond or not re.match(r"(?i:trường hợp|khi|nếu|trong|đối với|sau khi|trước khi)\b", text):
            m = _DUTY_SUBJECT.match(text[at:]) or _ROLE_SUBJECT.match(text[at:]) or _LEADS.match(text[at:])
            if m and _subject_ok(m.group("who")):
                responsible = _split_agencies(m.group("who"))
                action_start = at + m.end()
            elif cond and not text.startswith("Căn cứ") and (later := _subject_after_clause(text)) is not None \
                    and later.group("who")[:1].isupper() and not _CLAUSE_OBJECT.search(later.group("who")):
                # "Đối với khu công nghiệp, cụm công nghiệp thành lập mới ..., Ủy ban nhân dân cấp tỉnh ..."
                responsible = _split_agencies(later.group("who"))
                action_start = later.end()
        if not responsible and (by := _BY_AGENT.search(text)):
            responsible = _split_agencies(by.group("who"))
    if not responsible:
        head = (fields.responsible if fields else None) or (
            agency_heading(section) if section else None) or lead
        if head:
            responsible = _split_agencies(head)
    if not coordinating:
        c = _COORD.search(text)
        who = c.group("who") if c else (fields.coordinating if fields else None)
        coordinating = _split_agencies(who) if who else []
    deadline, phrase = _deadline(text)
    if deadline is None and fields and fields.deadline:
        deadline = _field_deadline(fields.deadline)
    rest = text[action_start:]
    rest = re.sub(r"^[ ,]*(?i:chủ trì|làm đầu mối)[ ,]*", "", rest)
    rest = _COORD.sub("", rest, count=1)
    rest = re.sub(r"^[ ,]*(?i:chủ trì|làm đầu mối)[ ,]*", "", rest)
    if phrase:
        rest = re.sub(r"(?:[ ,]+(?:trong|vào|đến))?[ ,]*" + re.escape(phrase), "", rest)
    rest = re.sub(r"^[ ,]*(?:có trách nhiệm|chịu trách nhiệm|thực hiện các nhiệm vụ sau)?[ ,:]*", "", rest)
    action = " ".join(rest.split()).strip(" ,.;:")
    action = re.split(r";|,[ ]+(?=(?:đặc biệt|nhất là|trong đó|bảo đảm|đảm bảo|góp phần|nhằm|để)\b)",
                      action)[0].strip(" ,.")
    action = action or None
    return Task(item=item.index, action=action, responsible=responsible, coordinating=coordinating,
                deadline=deadline, deadline_text=phrase, text=item.clean)


TIME_LINE = re.compile(r"^(?:[-+•]\s*)?(?:Thời gian|Thời hạn|Tiến độ)(?:[ ]+(?:thực hiện|hoàn thành))?[ ]*:?",
                        re.IGNORECASE)


def parse_items(items: Sequence[Item]) -> tuple[list[Task], list[Target]]:
    """Tasks and targets of a document's classified items (duplicates are skipped)."""
    context = task_context(items)
    kept = [it for it in items if it.duplicate_of is None]
    tasks = parse_tasks((it, *context(it)) for it in kept if it.kind == "task")
    targets = [t for it in kept if it.kind == "target" for t in parse_targets(it, deadline_context(it, items))]
    return tasks, targets


def task_context(items: Sequence[Item]) -> Callable[[Item], tuple[str | None, str | None, RowFields | None]]:
    """For an item of ``items``: its agency heading (a body's line above it in the list, else the
    heading of its section), the bodies of the lead-in above it and its row fields, the context
    :func:`parse_task` takes besides the item's own text."""
    by_index = {it.index: it for it in items}
    leads = lead_actors(items)
    fields = row_fields(items)
    heads = list_heads(items)
    return lambda it: (heads.get(it.index) or heading_above(it, by_index), leads.get(it.index),
                       fields.get(it.index))


# list markers by depth: "I." above "1." above "1.1" above "(1)" above "a)" above "-" above "+"
_STYLES = ((re.compile(r"[IVX]+\.\s"), 0), (re.compile(r"\d+(?:\.\d+)+\.?\s"), 2),
           (re.compile(r"\d+[.)]\s"), 1), (re.compile(r"\(\d+\)\s"), 3), (re.compile(r"[a-zđ][.)]\s"), 4),
           (re.compile(r"[-–]\s"), 5), (re.compile(r"[+•●▪◦]\s"), 6))


def _marker_depth(text: str) -> int | None:
    """How deep the list marker a point starts with lies (0 for "I.", 4 for "a)"), or None."""
    return next((depth for rx_, depth in _STYLES if rx_.match(text)), None)


def _body_line(text: str) -> str | None:
    """The line of a list that only names a body ("- Bộ Công Thương", "c) Đề nghị Trung ương Mặt trận
    Tổ quốc Việt Nam"), in the form :func:`agency_heading` reads, or None."""
    body = _MARKER.sub("", text).strip().rstrip(".:")
    bare = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu|Đối với)[ ]+", "", body)
    if len(bare.split()) > 16 or not _AGENCY_START.match(bare) or _VERB_RE.search(bare):
        return None
    return bare if agency_heading(bare) else None


def list_heads(items: Sequence[Item]) -> dict[int, str]:
    """For each point under a list line that only names a body, that body: the deeper points after
    the line, up to the next point at its depth or above ("- Bộ Nông nghiệp và Môi trường" then
    "+ Nghiên cứu ...", "+ Ban hành ..."). A paragraph without a marker goes with the point above it,
    and ends the line's list when it comes right after the line."""
    out: dict[int, str] = {}
    head: tuple[str, int] | None = None  # (body, its depth)
    under = False  # a point under the head came since the head
    for it in items:
        if it.is_heading or it.part != "body":
            head = None
            continue
        depth = _marker_depth(it.clean)
        if depth is None:
            if head is not None and under:
                out[it.index] = head[0]
            else:
                head = None
            continue
        if head is not None and depth <= head[1]:
            head = None
        if head is not None:
            out[it.index], under = head[0], True
        elif (body := _body_line(it.clean)) is not None:
            head, under = (body, depth), False
    return out


def heading_above(item: Item, by_index: dict[int, Item]) -> str | None:
    """The nearest agency heading above an item, through its chain of sections, or None."""
    head, k = item.section, item.section_index
    while head is not None and agency_heading(head) is None:
        parent = by_index.get(k) if k is not None else None
        if parent is None:
            return None
        head, k = parent.section, parent.section_index
    return head


def parse_tasks(entries: Iterable[tuple[Item, str | None, str | None, RowFields | None]]) -> list[Task]:
    """Tasks of ``(item, agency heading, lead-in bodies, row fields)`` in text order; a line that only
    gives the time of the task above it ("Thời gian hoàn thành trước ngày ...") takes that task's
    bodies."""
    tasks: list[Task] = []
    for item, heading, lead, fields in entries:
        task = parse_task(item, heading, lead, fields)
        if tasks and tasks[-1].responsible and TIME_LINE.match(task.text):
            task = replace(task, responsible=list(tasks[-1].responsible))
        tasks.append(task)
    return tasks


# a purpose or condition clause before a lead-in's subject: "Để tiếp tục ..., tỉnh X cần ... sau:"
_CLAUSE_START = re.compile(rf"(?:{_CONDITION_ALT}|Để|Nhằm|Với mục tiêu|Qua)\b")


# prepositions that show a clause's object, not a body's name ("đề xuất Ban Chỉ đạo, Trưởng ban về ...")
_CLAUSE_OBJECT = re.compile(r"[ ](?:về|để|trong|cho|với|nhằm)[ ]")


def _subject_after_clause(text: str) -> re.Match[str] | None:
    """The subject after a leading clause of up to 400 characters, tried after each of its commas and
    colons ("Nếu ý kiến ... không thống nhất, không đồng ý với hồ sơ: Chuyên viên ... soạn ...")."""
    if not _CLAUSE_START.match(text):
        return None
    for comma in re.finditer(r"[,:][ ]*", text[:400]):
        m = _ROLE_SUBJECT.match(text, comma.end()) or _LEADS_AT.match(text, comma.end())
        if m:
            return m
    return None


# a lead-in whose duty word closes it: "b) Thủ trưởng các Sở, ban, ngành; UBND các xã có trách nhiệm."
_DUTY_END = re.compile(r"[ ](?:có|chịu)[ ]+trách nhiệm[ ]*[.:]?$|[ ]có[ ]+nhiệm vụ[ ]*[.:]?$")


def lead_actors(items: Sequence[Item]) -> dict[int, str]:
    """For each item, the bodies named by the nearest lead-in above it in its section ("... đề nghị
    Chính phủ và các cơ quan liên quan tập trung thực hiện các nhiệm vụ sau đây:")."""
    by_index = {it.index: it for it in items}
    active: list[tuple[int, int | None, str]] = []  # (lead-in index, its section, bodies)
    out: dict[int, str] = {}
    for it in items:
        chain: set[int | None] = set()
        k = it.section_index
        while k is not None and k not in chain:
            chain.add(k)
            parent = by_index.get(k)
            k = parent.section_index if parent else None
        scope = chain | {None} if it.section_index is None else chain
        for lead_index, lead_section, bodies in reversed(active):
            if lead_index in chain or lead_section in scope:
                out[it.index] = bodies
                break
        text = it.clean.rstrip()
        if (text.endswith(":") or _DUTY_END.search(text)) and not it.is_heading:
            body = _MARKER.sub("", text)
            m = _GIAO.search(text) or _LEADS.match(body) or _subject_after_clause(body)
            if m and len(m.group("who").split()) <= 14:
                active.append((it.index, it.section_index, " ".join(m.group("who").split())))
    return out


def deadline_context(item: Item, items: Sequence[Item]) -> list[str]:
    """Headings above an item (nearest first), then the title of the attached plan or appendix it
    stands in ("PHỤ LỤC ... CHỈ TIÊU ... ĐẾN NĂM 2030"), where one follows the signature."""
    by_index = {it.index: it for it in items}
    chain = section_chain(item, by_index)
    title: list[str] = []
    seen_closing = False
    for it in items[:item.index]:
        if it.part == "closing":
            seen_closing, title = True, []
        elif it.part == "title" and seen_closing:
            title.append(it.clean)
    if title:
        chain.append(" ".join(title))
    periods = [p.clean for p in list_parents(item, items) if _PERIOD_LINE.match(_MARKER.sub("", p.clean))]
    return periods + chain


# a list point that only states a period: "- Giai đoạn 2025-2027", "a) Đến năm 2027:"
_PERIOD_LINE = re.compile(r"^(?:(?:trong|đến|từ nay đến|tới)[ ]+)?(?:hết[ ]+)?(?:năm|giai đoạn)?[ ]*(?:19|20)\d\d"
                          r"(?:[ ]*[–-][ ]*(?:19|20)\d\d)?[ ]*[:.]?$", re.IGNORECASE)


def list_parents(item: Item, items: Sequence[Item]) -> list[Item]:
    """The list points an item stands under within its section, nearest first: the points above it
    with a shallower marker ("- Giai đoạn 2025-2027" above "+ 100% dịch vụ công ..."). A paragraph
    without a marker stands under the point above it."""
    pos = item.index
    if not (0 <= pos < len(items) and items[pos].index == item.index):  # a list that is not the whole document
        pos = next((k for k, it in enumerate(items) if it.index == item.index), -1)
    depth = _marker_depth(item.clean)
    out: list[Item] = []
    for k in range(pos - 1, max(-1, pos - 300), -1):
        it = items[k]
        if it.is_heading or it.part != "body":
            break
        d = _marker_depth(it.clean)
        if d is not None and (depth is None or d < depth):
            out.append(it)
            depth = d
            if d == 0:
                break
    return out


def section_chain(item: Item, by_index: dict[int, Item]) -> list[str]:
    """The headings above an item, nearest first."""
    chain = []
    k = item.section_index
    seen = set()
    while k is not None and k not in seen:
        seen.add(k)
        head = by_index.get(k)
        if head is None:
            break
        chain.append(head.clean)
        k = head.section_index
    return chain
