"""The document's own identity from its header block: issuer, number, place and date, type, title.

Vietnamese documents open with a two-column header (issuing body | national motto), then
"Số: 06/CT-UBND", "Quảng Trị, ngày 25 tháng 11 năm 2025", the type line ("CHỈ THỊ") and the
subject (trích yếu). Converters flatten the columns into lines; this module reads those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from ..dates import iso_date
from ..segment import is_title_line
from .regexes import PLACE_DATE_RE, SYMBOL_RE

HEAD_LINES = 60
MOTTO = re.compile(
    r"^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM|Đảng Cộng sản Việt Nam)", re.I
)
NUMBER_LINE = re.compile(r"^(?:Số|SỐ)[ ]*:?[ ]*(?P<rest>.*)$")
SUBJECT_PREFIX = re.compile(r"^(?:V/v|V/V|v/v|Về việc|VỀ VIỆC|Về|VỀ)[ ]*:?[ ]*")
_SEPARATOR = re.compile(r"^[\s\-–—_=.*~|#]*$")
_TYPE_NAMES = {
    "CHỈ THỊ": "Chỉ thị", "KẾ HOẠCH": "Kế hoạch", "CÔNG ĐIỆN": "Công điện", "NGHỊ QUYẾT": "Nghị quyết",
    "QUYẾT ĐỊNH": "Quyết định", "NGHỊ ĐỊNH": "Nghị định", "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
    "THÔNG TƯ": "Thông tư", "THÔNG BÁO": "Thông báo", "KẾT LUẬN": "Kết luận", "HƯỚNG DẪN": "Hướng dẫn",
    "QUY ĐỊNH": "Quy định", "QUY CHẾ": "Quy chế", "CHƯƠNG TRÌNH": "Chương trình", "ĐỀ ÁN": "Đề án",
    "PHƯƠNG ÁN": "Phương án", "BÁO CÁO": "Báo cáo", "TỜ TRÌNH": "Tờ trình", "LUẬT": "Luật",
    "BỘ LUẬT": "Bộ luật", "PHÁP LỆNH": "Pháp lệnh", "THÔNG TRI": "Thông tri", "CÔNG VĂN": "Công văn",
    "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất", "LỆNH": "Lệnh", "ĐIỀU LỆ": "Điều lệ",
    "CHIẾN LƯỢC": "Chiến lược", "QUY HOẠCH": "Quy hoạch",
}
AUTHORITY = re.compile(
    r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|GIÁM ĐỐC|BAN CHẤP HÀNH|"
    r"BỘ CHÍNH TRỊ|BAN BÍ THƯ|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|BAN THƯỜNG VỤ)\b"
)
SIGN_PREFIX = re.compile(
    r"^(?:TM\.|T/M|KT\.|K/T|TL\.|TUQ\.|Q\.|(?:PHÓ |Q\. )?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|"
    r"BÍ THƯ|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG BAN)\s*$)[ ]*"
)


@dataclass(frozen=True)
class Header:
    """What the header block says, with normalized-text spans for the symbol."""

    doc_type: str | None = None
    symbol_span: tuple[int, int] | None = None
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset of the first non-space character, stripped line) of the first ``limit`` lines."""
    raw = text.split("\n", limit)[:limit]  # the rest of the text is left whole
    starts = accumulate((len(line) + 1 for line in raw), initial=0)
    # (a line that starts with a letter or digit is no separator: no need to ask _SEPARATOR)
    return [(pos + len(line) - len(line.lstrip()), stripped)
            for pos, line, stripped in zip(starts, raw, map(str.strip, raw))
            if stripped and (stripped[0].isalnum() or not _SEPARATOR.match(stripped))]


_TYPE_WORDS_LONGEST_FIRST = sorted(_TYPE_NAMES, key=len, reverse=True)
_NOT_A_SUBJECT = re.compile(r"(?:LIÊN TỊCH|HỎA TỐC|KHẨN|SỐ\s+\S+|\S*\d\S*)")


def _type_word(title_line: str) -> str:
    """The type word an upper-case title line starts with ("CHỈ THỊ"), "" when none."""
    upper = title_line.upper()
    return next((w for w in _TYPE_WORDS_LONGEST_FIRST if upper.startswith(w)), "")


def type_name(title_line: str) -> str | None:
    """The document type named by an upper-case title line ("CHỈ THỊ" → "Chỉ thị")."""
    return _TYPE_NAMES.get(_type_word(title_line))


def _mostly_upper(line: str) -> bool:
    """At least 80% of the line's letters are capitals."""
    letters = "".join(filter(str.isalpha, line))
    return sum(map(str.isupper, letters)) >= 0.8 * max(1, len(letters))


def read_header(text: str) -> Header:
    """Read the header block of normalized ``text`` (empty :class:`Header` when there is none)."""
    lines = _lines(text, HEAD_LINES)
    symbol_span = None
    date = date_text = place = None
    title_i = None
    number_i = None
    for i, (pos, line) in enumerate(lines):
        if symbol_span is None and (m := NUMBER_LINE.match(line)):
            rest_at = pos + m.start("rest")
            sm = SYMBOL_RE.search(text, rest_at, rest_at + len(m.group("rest")))
            if sm is None and i + 1 < len(lines):  # "Số:" alone, the symbol on the next line
                npos, nline = lines[i + 1]
                sm = SYMBOL_RE.match(text, npos, npos + len(nline))
            if sm is not None:
                symbol_span = (sm.start(), sm.end())
                number_i = i
        if date is None and (dm := PLACE_DATE_RE.match(line)):
            place = dm.group("place").strip(" *")
            d = dm.group("d") or dm.group("d2") or dm.group("d3")
            mo = dm.group("m") or dm.group("m2") or dm.group("m3")
            y = dm.group("y") or dm.group("y2") or dm.group("y3")
            date, _ = iso_date(d, mo, y)
            date_text = dm.group(0)
        if title_i is None and is_title_line(line):
            title_i = i
            break
    if title_i is None and symbol_span is None:
        return Header()
    doc_type = type_name(lines[title_i][1]) if title_i is not None else None
    # subject: the lines after the type line while they look like a title
    title = None
    title_span = None
    if title_i is not None:
        parts = []
        start = end = None
        tpos, tline = lines[title_i]
        word = _type_word(tline)
        rest = tline[len(word):].strip()
        if rest and not _NOT_A_SUBJECT.fullmatch(rest):
            parts.append(rest)
            start, end = tpos + tline.index(rest), tpos + len(tline)
        for pos, line in lines[title_i + 1:title_i + 6]:
            if not (_mostly_upper(line) or SUBJECT_PREFIX.match(line)) or MOTTO.match(line) or AUTHORITY.match(line):
                break
            parts.append(line)
            start = pos if start is None else start
            end = pos + len(line)
        if parts:
            title = SUBJECT_PREFIX.sub("", " ".join(parts)).strip() or None
            if title and title.startswith("CỦA ") and " VỀ " in title:  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ VỀ ..."
                title = title.split(" VỀ ", 1)[1].strip()
            title_span = (start, end)
    else:
        for pos, line in lines:
            if SUBJECT_PREFIX.match(line) and line[:3].lower() == "v/v":
                title = SUBJECT_PREFIX.sub("", line).strip() or None
                title_span = (pos, pos + len(line))
                doc_type = "Công văn"
                break
    # issuer: the left-column lines before the number line, without the motto
    stop = number_i if number_i is not None else (title_i or 0)
    issuer_lines = [ln for _, ln in lines[:stop] if not MOTTO.match(ln) and not NUMBER_LINE.match(ln)
                    and not PLACE_DATE_RE.match(ln) and len(ln) <= 120]
    issuer = " ".join(issuer_lines[-2:]).strip() or None
    return Header(doc_type, symbol_span, date, date_text, place, issuer, title, title_span)


_NAME_TAIL = re.compile(r"(?:^|\s)((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_]*\s+){1,4}[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_]*)$")


def _name_in(line: str) -> str | None:
    m = _NAME_TAIL.search(line.strip())
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].isupper() and len(words[0]) > 1:
        words.pop(0)  # "PHÓ CHỦ TỊCH Hoàng Nam": drop the capitalised title
    if len(words) < 2 or any(w.isupper() for w in words):
        return None
    return " ".join(words)


def read_signer(text: str) -> str | None:
    """The signer's name, after the signing-authority line (TM., KT., TL., ...), if any."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for i in range(len(lines) - 1, max(-1, len(lines) - 200), -1):
        if SIGN_PREFIX.match(lines[i]):
            for cand in lines[i:i + 5]:
                name = _name_in(cand)
                if name:
                    return name
            return None
    return None
