"""Named regular-expression building blocks for references (all linear: no nested quantifiers).

They run on normalized text (:mod:`vn_directives.normalize`): Đ is U+0110, escapes and markdown
are gone, wrapped lines are joined by a space. Spaces inside symbols are still allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

UPPER = "A-ZĐÐ"
LETTER = "A-Za-zĐđÐ"
# One code group of a symbol: "QĐ", "TTg", "BTTTT", "QH15", "UBND", "QĐi", "CTr", "BGDĐT".
CODE = rf"[{UPPER}][{LETTER}0-9]{{0,14}}"
# A code group that may also be lower-case mixed (rare): only after a symbol-like start.
_SP = r"[ ]?"  # a single optional space inside a symbol ("05 /CT-TW", "NĐ CP" is not allowed)

# 30/2020/NĐ-CP, 64/2025/QH15, 942/QĐ-TTg, 1234/UBND-KT, 12/QĐ-UBND-VX, 06-2021-TT-BLĐTBXH
# a later group may start with a digit: "01/CV-01"
CODE_N = rf"[{UPPER}0-9][{LETTER}0-9&]{{0,14}}"
# Each family below is what follows the number (SYMBOL_RE's group "num", 1 to 6 digits).
# 30/2020/NĐ-CP, 942/QĐ-TTg, 11554/VPCP-V.I; "12.1/..." and "12a/..." keep ".1", "a" in "s_part"
STATE_SYMBOL = (
    rf"(?P<s_part>(?:\.\d{{1,2}})?[a-zđ]?){_SP}/{_SP}"
    rf"(?:(?P<s_year>(?:19|20)\d\d){_SP}/{_SP})?"
    rf"(?P<s_rest>{CODE}(?:{_SP}-{_SP}{CODE_N}){{0,4}}(?:\.[{UPPER}]{{1,3}}(?![\w/]))?)"  # "11554/VPCP-V.I"
)
# 34-CT/TW, 08-QĐi/TW, 4179-CV/TWĐTN-VP, 134-KH/TU
PARTY_SYMBOL = (
    rf"{_SP}-{_SP}(?P<p_type>{CODE}){_SP}/{_SP}"
    rf"(?P<p_rest>{CODE}(?:{_SP}-{_SP}{CODE}){{0,3}})"
)
# 06-2021-TT-BLĐTBXH (file-name form)
FILE_SYMBOL = rf"-(?P<f_year>(?:19|20)\d\d)-(?P<f_rest>{CODE}(?:-{CODE}){{1,3}})"

# The number starts a run of digits not glued to a word, "/", "." or "-" (but "số12/..." counts)
# and is no time ("10:30/..."). The pattern starts with a consuming "\d" so that the engine
# skips to digits with a fast character-set scan; the look-behinds then include that digit.
# A match uses the whole run of digits, so the families may share the number: tried in the same
# order, they match what "(?:party|file|state)" with a number in each would.
SYMBOL_NUMBER = r"(?P<num>\d(?<!\d:\d)(?:(?<![\w/.\-]\d)|(?<=số\d))\d{0,5})"
SYMBOL_RE = re.compile(rf"{SYMBOL_NUMBER}(?:{PARTY_SYMBOL}|{FILE_SYMBOL}|{STATE_SYMBOL})(?![\w/])")

# Where a SYMBOL_RE match can start (see :func:`find_symbols`): a Party or state symbol's first "/"
# comes before a code or a year and "/", and a file-name symbol's number before "-YYYY-". Each
# pattern begins with a literal, which the engine finds fast.
_SYMBOL_SLASH_RE = re.compile(rf"/(?={_SP}(?:[{UPPER}]|(?:19|20)\d\d{_SP}/))")
_SYMBOL_FILE_DASH_RE = re.compile(r"-(?=(?:19|20)\d\d-)")
# A match starts at most this far before its anchor: a 6-digit number, then " - ", a 15-letter Party
# type code and " " before "/" (6 + 3 + 15 + 1).
SYMBOL_REACH = 25
# No match, with the character its look-ahead reads after it, is longer (the longest match is 111).
SYMBOL_SPAN = 112


def find_symbols(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``SYMBOL_RE.finditer(text)``, found faster.

    The engine runs only in the windows where a match can start (``SYMBOL_REACH`` before an anchor)
    instead of at every digit. A window's search ends ``SYMBOL_SPAN`` after the last start it may
    accept, so no match there is cut short; a match found further on is left to its own window.
    Windows overlap by less than ``SYMBOL_SPAN``: the scan stays linear.
    """
    anchors = [m.start() for m in _SYMBOL_SLASH_RE.finditer(text)]
    if "-" in text:
        dashes = [m.start() for m in _SYMBOL_FILE_DASH_RE.finditer(text)]
        if dashes:
            anchors = sorted(anchors + dashes)
    pos = 0  # the end of the last match: the next one starts there or later
    i, n = 0, len(anchors)
    while i < n:
        lo = max(pos, anchors[i] - SYMBOL_REACH)
        last = anchors[i] - 1  # the last start this window accepts
        i += 1
        while i < n and anchors[i] - SYMBOL_REACH <= last + 1:  # windows that touch are one
            last = anchors[i] - 1
            i += 1
        while lo <= last:
            m = SYMBOL_RE.search(text, lo, last + SYMBOL_SPAN)
            if m is None or m.start() > last:
                break
            pos = lo = m.end()
            yield m


def starts_with_one_of(words: Iterable[str]) -> str:
    """A look-ahead for the first letter (any case) of one of ``words``, put before an alternation
    of them: it fails fast where none can start, and holds wherever one can."""
    return "(?=(?i:[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]))"


# Type words before a symbol. Longest first so "Thông tư liên tịch" wins over "Thông tư".
TYPE_WORDS = (
    "Thông tư liên tịch", "Văn bản hợp nhất", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
    "Thông tư", "Thông tri", "Kết luận", "Quy định", "Quy chế", "Hướng dẫn", "Kế hoạch",
    "Chương trình", "Đề án", "Dự án", "Phương án", "Thông báo", "Thông cáo", "Công điện", "Công văn",
    "Báo cáo", "Tờ trình", "Văn bản", "Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Lệnh",
    "Biên bản", "Hợp đồng", "Giấy mời", "Điều lệ",
)
TYPE_WORD = "|".join(re.escape(w) for w in TYPE_WORDS)

# "Chỉ thị số ", "Quyết định ", "quyết định số: ", "văn bản số ", "Công văn số " ... right before
TYPE_ABBREVIATIONS = {"QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "KH": "Kế hoạch",
                      "TB": "Thông báo", "CV": "Công văn", "NĐ": "Nghị định", "TT": "Thông tư",
                      "KL": "Kết luận", "HD": "Hướng dẫn", "CĐ": "Công điện"}
# a report's kind may stand between its type word and "số": "Báo cáo thẩm tra số", "Văn bản giải trình số"
_MODIFIERS = ("thẩm tra", "thẩm định", "giải trình", "tiếp thu", "tổng hợp", "đề xuất", "bổ sung")
_TYPE_MODIFIER = rf"(?:[ ]+(?:{'|'.join(_MODIFIERS)}),?){{1,3}}[ ]+(?i:số)"
TYPE_BEFORE_RE = re.compile(
    rf"(?<![\w]){starts_with_one_of(TYPE_WORDS + tuple(TYPE_ABBREVIATIONS))}"
    rf"(?P<type>(?i:{TYPE_WORD})|" + "|".join(TYPE_ABBREVIATIONS)
    + rf")(?:{_TYPE_MODIFIER}[ ]*:?|[ ]+(?i:số)[ ]*:?|[ ]*:)?[ ]*$"
)
# The longest TYPE_BEFORE_RE match with no two spaces in a row: a type word, three modifiers
# (" thẩm tra,"), " số : "; without a modifier (MODIFIER_RE), a type word and " số : ".
# Where the text has no "  ", a search may start this far back.
TYPE_BEFORE_REACH = max(map(len, TYPE_WORDS)) + 3 * len(" ,") + 3 * max(map(len, _MODIFIERS)) + len(" số : ")
TYPE_BEFORE_REACH_PLAIN = max(map(len, TYPE_WORDS)) + len(" số : ")
MODIFIER_RE = re.compile("|".join(_MODIFIERS))
# "Luật Đất đai số ", "Bộ luật Hình sự số " : a named law followed by its number
# an amending law names the law it amends: "Luật sửa đổi, bổ sung một số điều của Luật Quảng cáo số "
NAMED_LAW_BEFORE_RE = re.compile(
    r"(?P<type>Bộ luật|Luật|Pháp lệnh)[ ]+(?P<name>(?:[A-ZĐ]|(?i:sửa đổi))[^\d;:.\n“”\"]{1,160}?)[ ]+số[ ]*:?[ ]*$"
)
AMENDING_NAME_RE = re.compile(r"(?i:sửa đổi)")
# Enumeration glue between two symbols: ", ", " và ", ", các ", " và số "
ENUM_GLUE_RE = re.compile(r"^[ ]*(?:,|và|;)?[ ]*(?:các[ ]+|số[ ]+)?$")
SELF_BEFORE_RE = re.compile(r"(?:^|\n)[ ]*(?:Số|SỐ|So)[ ]*:?[ ]*(?:\n[ ]*)?$")
SOURCE_BEFORE_RE = re.compile(r"(?:^|\n)[ ]*Nguồn[ ]*:[ ]*(?:(?P<type>" + TYPE_WORD + r")[ ]+(?:số[ ]+)?)?$")

# Dates after a symbol: "ngày 07/4/2014", "ngày 7 tháng 4 năm 2014", "ngày 07-4-2014", "ngày 07.4.2014"
DATE_NUMERIC = r"(?P<d>\d{1,2})[ ]?(?P<sep>[/\-.])[ ]?(?P<m>\d{1,2})[ ]?(?P=sep)[ ]?(?P<y>(?:19|20)\d\d)(?!\d)"
DATE_WORDS = r"(?P<d2>\d{1,2})[ ]+(?i:tháng)[ ]+(?P<m2>\d{1,2})[ ]+(?i:năm)[ ]+(?P<y2>(?:19|20)\d\d)(?!\d)"
DATE_AFTER_RE = re.compile(
    rf"[ ]*,?[ ]*(?:\(?[ ]*)?(?:ban hành[ ]+|được ban hành[ ]+)?(?i:ngày)[ ]+(?:{DATE_NUMERIC}|{DATE_WORDS})"
)
DATE_ANY_RE = re.compile(rf"(?:{DATE_NUMERIC}|{DATE_WORDS})")
# "Hà Nội, ngày 25 tháng 11 năm 2025", "Quảng Trị, ngày ..."
PLACE_DATE_RE = re.compile(
    rf"^(?P<place>[^\d,\n]{{2,40}}?),?[ ]*(?i:ngày)[ ]+(?:{DATE_NUMERIC}|{DATE_WORDS}|"
    r"(?P<d3>\d{1,2})[ ]+tháng[ ]+(?P<m3>\d{1,2})[ ]+năm[ ]+(?P<y3>\d{4}))"
)

# "của Bộ Chính trị", "do Thủ tướng Chính phủ ban hành"
ISSUER_AFTER_RE = re.compile(r"[ ]*,?[ ]*(?i:của|do)[ ]+(?P<issuer>[^\n;:.“”\"()]{2,160})")
# (the alternatives after " " and after "," are grouped, so that a search skips to those characters)
ISSUER_STOP_RE = re.compile(
    r"[ ](?:[ ]*(?i:về|v/v|phê duyệt|ban hành|quy định|quy đinh|hướng dẫn|sửa đổi|bổ sung|thực hiện|"
    r"triển khai|tại|trong|để|nhằm|khóa|khoá|nhiệm kỳ|đã|đến|cho|theo|với|là|được|thì|năm[ ]+\d|ngày|số|"
    r"chi tiết|thí điểm|"
    r"đối với|đối|đảm bảo|bảo đảm|cùng|đề nghị|kèm|giao(?![ ]+thông)|công bố|thành lập|phân cấp|phân công|"
    r"tiếp nhận|điều chỉnh|bãi bỏ|áp dụng|yêu cầu|trình|gửi|như|nay|một[ ]+số|"
    r"và[ ]+(?:các|của|số|" + TYPE_WORD + r"))\b|[ ]*(?:tổ chức|chỉ đạo|xử lý)\b|[ ]*và[ ]+(?=[a-zđà-ỹ]))"
    r"|,(?:[ ]*(?=[a-zđà-ỹ]|\d|(?:" + TYPE_WORD + r")\b)|[ ]*$)"
)

# Title connectors right after the mention (after its date and issuer)
TITLE_START_RE = re.compile(
    r"[ ]*,?[ ]*(?:\((?:cũ|trước đây)\)[ ]*,?[ ]*)?"  # "của Ủy ban nhân dân tỉnh Quảng Trị (cũ) về việc ..."
    r"(?:(?P<conn>(?i:về việc|về|V/v))[ ]*:?[ ]*|(?=(?i:phê duyệt|ban hành|quy định|quy đinh|"
    r"hướng dẫn|sửa đổi|bổ sung|bãi bỏ|thành lập|giao|công bố|triển khai|thực hiện|tổ chức|điều chỉnh|thí điểm)"
    r"\b)|(?=[“\"]))"
)
QUOTED_RE = re.compile(r"[“\"](?P<q>[^”\"\n]{1,400})[”\"]")

# Provisions before a mention: "khoản 2 Điều 5", "điểm a khoản 1 Điều 3 của", "Điều 10"
PROVISION_BEFORE_RE = re.compile(
    starts_with_one_of(("điểm", "khoản", "Điều"))
    + r"(?P<prov>(?:(?i:điểm)[ ]+[a-zđ0-9]+(?:[ ]*,[ ]*[a-zđ0-9]+)*[ ]+)?(?:(?i:khoản)[ ]+\d+[a-zđ]?"
    r"(?:[ ]*,[ ]*\d+)*[ ]+)?(?i:Điều)[ ]+\d+[a-zđ]?)[ ]+(?:của[ ]+)?$"
)
# what every PROVISION_BEFORE_RE match holds: a cheap test first ("[Đđ]" lets the engine skip ahead)
PROVISION_CUE_RE = re.compile(r"[Đđ](?i:iều)[ ]+\d")
PROVISION_PARTS_RE = re.compile(r"(?i:(điểm|khoản|điều))[ ]+([a-zđ0-9]+(?:[ ]*,[ ]*[a-zđ0-9]+)*)")

# Named instruments without a number
# (the left word boundary is checked by the caller: a leading look-behind would cost the fast
# literal-prefix search)
NAMED_RE = re.compile(
    r"(?P<type>Hiến pháp|HIẾN PHÁP|Bộ luật|BỘ LUẬT|Luật|LUẬT|Pháp lệnh|PHÁP LỆNH|Điều lệ Đảng|"
    r"Cương lĩnh)(?![\w])"
)
_DRAFT_WORDS = ("dự án", "dự thảo", "xây dựng", "soạn thảo", "trình", "các", "những", "mọi")
DRAFT_BEFORE_RE = re.compile(rf"{starts_with_one_of(_DRAFT_WORDS)}(?i:{'|'.join(_DRAFT_WORDS)})[ ]+$")
NAMED_CONGRESS_RE = re.compile(
    r"Nghị quyết[ ]+(?P<title>(?:Đại hội|Hội nghị)[ ]+[^;:.\n()“”\"]{2,160})"
)

# Relation cues in the clause before a mention
_RELATION_WORDS = (
    ("pursuant_to", ("căn cứ",)),
    ("amends", ("sửa đổi", "bổ sung một số điều")),
    ("replaces", ("thay thế",)),
    ("repeals", ("bãi bỏ", "hết hiệu lực")),
    ("guides", ("hướng dẫn", "quy định chi tiết")),
    ("implements", ("thực hiện", "triển khai", "quán triệt", "cụ thể hóa")),
)
RELATION_CUES = tuple((name, re.compile(f"(?i:{'|'.join(words)})")) for name, words in _RELATION_WORDS)
# The cue that starts last (the first of RELATION_CUES on a tie), as the group named after it:
# the greedy ".*" gives the engine back one character at a time from the end.
LAST_RELATION_CUE_RE = re.compile(
    "(?s:.*)" + starts_with_one_of(w for _, words in _RELATION_WORDS for w in words)
    + "(?:" + "|".join(f"(?P<{name}>{cue.pattern})" for name, cue in RELATION_CUES) + ")"
)

# Anaphora and short forms (resolved, not counted)
# found from the demonstrative backwards: DEMONSTRATIVE_RE, then ANAPHORA_TYPE_RE on the text before it
DEMONSTRATIVE_RE = re.compile(r"(?P<dem>này|nêu trên|nói trên|trên)\b")
ANAPHORA_TYPE_RE = re.compile(rf"{starts_with_one_of(TYPE_WORDS)}(?P<type>(?i:{TYPE_WORD}))[ ]+$")
SHORT_FORM_RE = re.compile(
    rf"(?P<type>{TYPE_WORD})[ ]+(?:số[ ]+)?(?P<num>\d{{1,5}})(?![\d/\-\w.,])"
    r"(?![ ]+(?:năm|tháng|ngày|nội dung|nhiệm vụ|điểm|giải pháp|lĩnh vực|dự án|người|đơn vị)\b)"
)
