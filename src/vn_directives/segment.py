"""Split normalized text into items (ANNOTATION.md section 2) and find their sections.

Works on :class:`~vn_directives.normalize.Normalized` text: lines are paragraphs (hard wraps were
joined by the normalizer). Each paragraph is split at its list marker, an inline field heading
("Đối với lĩnh vực X:"), sentence ends (underthesea ``sent_tokenize``) and ``;`` between
independent list points. Spans are mapped back to the raw input in one place, :func:`segment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import SEPARATOR_LINE, Normalized
from .records import Item

MARKER = re.compile(
    r"""^(?P<m>
        (?P<roman>[IVXLC]{1,6})[.)]
      | (?P<multi>\d{1,2}(?:\.\d{1,2})+)\.?
      | (?P<num>\d{1,2})[.)]
      | (?P<letter>[a-zđ])[.)]
      | (?P<bullet>[-+•●▪◦–—])
      | (?P<article>(?:Điều|ĐIỀU)\s+\d+[a-zđ]?)[.:]?
      | (?P<chapter>(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+(?:[IVXLC]+|\d+))[.:]?
    )(?=\s|$)""",
    re.VERBOSE,
)

# "Lĩnh vực Bưu chính", "Đối với lĩnh vực Báo chí, Truyền thông:", "Về lĩnh vực Y tế:"
FIELD_HEADING = re.compile(
    r"^(?:(?:Đối với|Về|Trong|Trên)\s+)?(?:các\s+)?(?:lĩnh vực|Lĩnh vực|LĨNH VỰC|ngành|Ngành)\s+"
    r"(?P<name>[^:.;\n]{2,80}?)\s*(?P<colon>:|$)"
)

DOC_TITLE_WORDS = (
    "CHỈ THỊ", "KẾ HOẠCH", "CÔNG ĐIỆN", "NGHỊ QUYẾT", "QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "THÔNG TƯ LIÊN TỊCH",
    "THÔNG TƯ", "THÔNG BÁO", "KẾT LUẬN", "HƯỚNG DẪN", "QUY ĐỊNH", "QUY CHẾ", "CHƯƠNG TRÌNH", "ĐỀ ÁN",
    "PHƯƠNG ÁN", "BÁO CÁO", "TỜ TRÌNH", "LUẬT", "BỘ LUẬT", "PHÁP LỆNH", "THÔNG TRI", "CÔNG VĂN",
    "VĂN BẢN HỢP NHẤT", "LỆNH", "ĐIỀU LỆ", "CHIẾN LƯỢC", "QUY HOẠCH", "PHỤ LỤC",
)
TITLE_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in DOC_TITLE_WORDS) + r")(?:\s+(?:LIÊN TỊCH|HỎA TỐC|KHẨN))?"
    r"(?:(?:\s+(?:SỐ\s+)?[\w/\-]+)?\s*$|\s+(?:VỀ|V/V|CỦA|THỰC HIỆN|BAN HÀNH|PHÊ DUYỆT|QUY ĐỊNH|HƯỚNG DẪN|"
    r"TRIỂN KHAI|SỬA ĐỔI|TỔ CHỨC)\b)"
)


def is_title_line(line: str) -> bool:
    """The document's type line ("CHỈ THỊ", "NGHỊ QUYẾT VỀ VIỆC ..." in capitals)."""
    return bool(TITLE_LINE.match(line)) and not line.rstrip().endswith(":") and _is_upper_line(line)
CLOSING_START = re.compile(
    r"^(?:Nơi nhận|NƠI NHẬN|TM\.|T/M|KT\.|K/T|TL\.|TUQ\.|Q\.|TM |KT )|^(?:\./\.|\(đã ký\))"
)
SOURCE_LINE = re.compile(r"^Nguồn\s*:")

_TYPE_WORD_AFTER_SEMI = re.compile(
    r"(?:Chỉ thị|Nghị quyết|Quyết định|Nghị định|Thông tư|Luật|Bộ luật|Hiến pháp|Pháp lệnh|Kế hoạch|"
    r"Công văn|Công điện|Kết luận|Quy định|Quy chế|Hướng dẫn|Thông báo|Văn bản|Đề án|Chương trình|"
    r"Thông tri|Tờ trình|Báo cáo)\b"
)
_SEMI = re.compile(r";\s+(?=\S)")
_WORD = re.compile(r"\w+")


@dataclass
class _Piece:
    start: int  # in normalized text
    end: int
    marker: str | None
    level: int
    heading: bool
    inline: bool  # an inline heading: scopes over its own paragraph only
    part: str
    para: int = 0


def _is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _marker_level(m: re.Match[str]) -> tuple[int, str]:
    if m.group("chapter"):
        return 1, "chapter"
    if m.group("roman"):
        return 2, "roman"
    if m.group("article"):
        return 3, "article"
    # a numbered point is a clause (khoản) inside an article, and a top-level point elsewhere
    if m.group("multi"):
        return 4 + m.group("multi").rstrip(".").count("."), "multi"
    if m.group("num"):
        return 4, "num"
    if m.group("letter"):
        return 8, "letter"
    return 9, "bullet"


def _heading_like(content: str, kind: str) -> bool:
    words = len(_WORD.findall(content))
    if words == 0:
        return kind in {"chapter", "roman", "article"}
    last = content.rstrip()[-1:]
    if kind in {"chapter", "roman"}:
        return words <= 30 and last not in ".;"
    if kind == "article":  # an article's title is a heading however long ("Điều 8. Quy định về ...")
        return (words <= 40 and last not in ".;,") or (words <= 45 and last == ":")
    if kind in {"num", "multi"}:
        return (words <= 20 and last not in ".;,") or (words <= 45 and last == ":")
    if kind == "letter":
        return (words <= 15 and last == ":") or (words <= 8 and last not in ".;,")
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _align(content: str, sentences: list[str], base: int) -> list[tuple[int, int]]:
    """Offsets of underthesea's sentences in ``content`` (it may alter spaces)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(content)
    for sent in sentences:
        chars = [c for c in sent if not c.isspace()]
        if not chars:
            continue
        while pos < n and content[pos].isspace():
            pos += 1
        start = pos
        for c in chars:
            while pos < n and content[pos].isspace():
                pos += 1
            if pos >= n or content[pos] != c:
                return [(base, base + len(content.rstrip()))]
            pos += 1
        spans.append((base + start, base + pos))
    if spans and pos < len(content.rstrip()):
        s0, _ = spans[-1]
        spans[-1] = (s0, base + len(content.rstrip()))
    return spans or [(base, base + len(content.rstrip()))]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from underthesea import sent_tokenize

    content = text[start:end]
    if not content.strip():
        return []
    try:
        sents = sent_tokenize(content)
    except Exception:  # underthesea may fail on odd input; keep the paragraph whole
        sents = [content]
    spans = _align(content, sents, start)
    # underthesea splits a leading "1." or "a)" off its sentence: glue such stubs to the next one
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s == merged[-1][1]:  # no space at the split: "gov.vn", "CT.03", "TP.HCM"
            merged[-1] = (merged[-1][0], e)
            continue
        if merged and (_BARE_MARKER.match(text[merged[-1][0]:merged[-1][1]])
                       or (text[s].islower() and not _INLINE_POINT.match(text, s))):
            # a stub marker, or a split before a lower-case word ("dichvucong.gov. vn hoặc ..."):
            # Vietnamese sentences start with a capital unless they are an inline "a)" point
            merged[-1] = (merged[-1][0], e)
        elif merged and text[s:e].strip() in {"/.", "./.", "/"}:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


_INLINE_POINT = re.compile(r"[a-zđ][.)](?:\s|$)")
_AGENCY_START = re.compile(
    r"(?:Giám đốc|Chủ tịch|Thủ trưởng|Bộ trưởng|Trưởng|Người đứng đầu|Ủy ban nhân dân|UBND|Bộ Chỉ huy|"
    r"Công an|Đài|Báo|Tỉnh|Thành phố|Các tỉnh|Các bộ|Các sở|Ban)\b"
)
MIN_CLAUSE_WORDS = 6


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at ';' where the next part starts a new point: upper case, not a
    reference, not a name in a list of agencies, and both parts long enough to be statements."""
    spans = []
    s = start
    for m in _SEMI.finditer(text, start, end):
        nxt = m.end()
        ch = text[nxt]
        if not ch.isupper() or _TYPE_WORD_AFTER_SEMI.match(text, nxt) or _AGENCY_START.match(text, nxt):
            continue
        following = text[nxt:end].split(";", 1)[0]
        if (len(_WORD.findall(text[s:m.start()])) < MIN_CLAUSE_WORDS
                or len(_WORD.findall(following)) < MIN_CLAUSE_WORDS):
            continue
        spans.append((s, m.start() + 1))
        s = nxt
    spans.append((s, end))
    return [sp for sp in (_trim(text, a, b) for a, b in spans) if sp[1] > sp[0]]


_BARE_MARKER = re.compile(
    r"^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ][.)]|(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)"
    r"\s+[\dIVXLC]+[.:]?)$"
)


def _paragraphs(text: str):
    """Non-empty lines; a bare marker line ("Điều 1.", "2.") is joined to the line after it."""
    pending = None
    pos = 0
    for line in text.split("\n"):
        s, e = _trim(text, pos, pos + len(line))
        pos += len(line) + 1
        if e <= s or SEPARATOR_LINE.match(line):
            continue
        if pending is not None:
            s = pending
            pending = None
        elif _BARE_MARKER.match(text[s:e]):
            pending = s
            continue
        yield s, e
    if pending is not None:
        yield _trim(text, pending, len(text))


def _find_title(text: str, paras: list[tuple[int, int]]) -> int | None:
    for i, (s, e) in enumerate(paras[:40]):
        if is_title_line(text[s:e]):
            return i
    return None


def _pieces(text: str, paras: list[tuple[int, int]]) -> list[_Piece]:
    title_i = _find_title(text, paras)
    pieces: list[_Piece] = []
    part = "header" if title_i is not None else "body"
    in_title = False
    for i, (ps, pe) in enumerate(paras):
        line = text[ps:pe]
        if title_i is not None and i == title_i:
            part, in_title = "title", True
        elif in_title:
            if _is_upper_line(line) or re.match(r"^(?:V/v|Về|VỀ|về)\b", line):
                part = "title"
            else:
                in_title = False
                part = "body"
        elif part == "closing" and is_title_line(line):
            part, in_title = "title", True  # an attached plan or regulation starts
        elif part == "closing" and len(_WORD.findall(line)) > 20 and not line.startswith("-"):
            part = "body"  # the body goes on (a repeated block, an attached text)
        elif part == "body" and CLOSING_START.match(line):
            part = "closing"
        if part == "body" and SOURCE_LINE.match(line):
            pieces.append(_Piece(ps, pe, None, 0, False, False, "closing", i))
            continue
        if part in {"header", "title", "closing"}:
            pieces.append(_Piece(ps, pe, None, 0, part == "title", False, part, i))
            continue
        m = MARKER.match(line)
        marker = None
        level, kind = 10, "plain"
        cs = ps
        if m:
            marker = m.group("m")
            level, kind = _marker_level(m)
            cs = ps + m.end()
            while cs < pe and text[cs].isspace():
                cs += 1
        content = text[cs:pe]
        fm = FIELD_HEADING.match(content)
        if fm and (fm.group("colon") or len(_WORD.findall(content)) <= 8):
            hs, he = ps, cs + fm.end()
            rest_s, rest_e = _trim(text, he, pe)
            inline = rest_e > rest_s
            flevel = level if marker else 7
            pieces.append(_Piece(hs, he, marker, flevel, True, inline, part, i))
            if inline:
                pieces.append(_Piece(rest_s, rest_e, None, 10, False, False, part, i))
            continue
        heading = False
        if marker:
            heading = _heading_like(content, kind)
        elif _is_upper_line(line) and len(_WORD.findall(line)) <= 30:
            heading, level = True, 2
        if heading:
            pieces.append(_Piece(ps, pe, marker, level, True, False, part, i))
        else:
            pieces.append(_Piece(ps, pe, marker, level if marker else 10, False, False, part, i))
    return pieces


def segment(norm: Normalized) -> list[Item]:
    """Items of a normalized document, with raw offsets, sections and duplicates."""
    text, raw = norm.text, norm.raw
    paras = list(_paragraphs(text))
    items: list[Item] = []
    stack: list[tuple[int, int, str]] = []  # (level, item index, clean text)
    seen: dict[str, int] = {}
    inline_para: int | None = None
    for piece in _pieces(text, paras):
        if inline_para is not None and piece.para != inline_para:
            if stack:
                stack.pop()
            inline_para = None
        if piece.part != "body":
            spans = [(piece.start, piece.end)]
        elif piece.heading:
            spans = [(piece.start, piece.end)]
        else:
            spans = []
            for s, e in _sentences(text, piece.start, piece.end):
                spans.extend(_clauses(text, s, e))
            if spans and piece.marker:
                spans[0] = (piece.start, spans[0][1])
        if piece.part == "body" and (piece.heading or piece.marker):
            while stack and stack[-1][0] >= piece.level:
                stack.pop()
        parent = stack[-1] if stack and piece.part == "body" else None
        for k, (s, e) in enumerate(spans):
            rs, re_ = norm.raw_span(s, e)
            clean = " ".join(text[s:e].split())
            idx = len(items)
            dup = seen.get(clean)
            if dup is None:
                seen[clean] = idx
            items.append(Item(
                text=raw[rs:re_], start=rs, end=re_, index=idx, clean=clean, part=piece.part,
                marker=piece.marker if k == 0 else None, level=piece.level,
                is_heading=piece.heading, section=parent[2] if parent else None,
                section_index=parent[1] if parent else None, duplicate_of=dup,
            ))
        if piece.heading and piece.part == "body" and items:
            stack.append((piece.level, len(items) - 1, items[-1].clean))
            inline_para = piece.para if piece.inline else None
    return items
