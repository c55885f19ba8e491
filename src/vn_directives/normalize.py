"""Fix converter mess in the text while keeping a map back to the caller's offsets.

Each fixer step is a small pure function ``text -> list of edits`` (start, end, replacement) on the
text it is given. :func:`normalize` applies the steps in order and records, for every step, a
piecewise map from its output back to its input, so that any span of the normalized text can be
mapped to the span of the raw input it came from (:meth:`OffsetMap.to_raw`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

Edit = tuple[int, int, str]


class _StepMap:
    """Map of one step: non-empty output segments, each a copy of or a replacement for input."""

    __slots__ = ("nstarts", "ostarts", "nlens", "olens", "copy", "out_len", "in_len")

    def __init__(self, in_len: int) -> None:
        self.nstarts: list[int] = []
        self.ostarts: list[int] = []
        self.nlens: list[int] = []
        self.olens: list[int] = []
        self.copy: list[bool] = []
        self.out_len = 0
        self.in_len = in_len

    def add(self, ostart: int, olen: int, nlen: int, copy: bool) -> None:
        if nlen == 0:
            return
        self.nstarts.append(self.out_len)
        self.ostarts.append(ostart)
        self.nlens.append(nlen)
        self.olens.append(olen)
        self.copy.append(copy)
        self.out_len += nlen

    def start(self, i: int) -> int:
        if i >= self.out_len:
            return self.in_len
        k = bisect_right(self.nstarts, i) - 1
        if self.copy[k]:
            return self.ostarts[k] + (i - self.nstarts[k])
        return self.ostarts[k]

    def end(self, j: int) -> int:
        if j <= 0:
            return 0
        k = bisect_right(self.nstarts, j - 1) - 1
        if self.copy[k]:
            return self.ostarts[k] + (j - self.nstarts[k])
        return self.ostarts[k] + self.olens[k]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, _StepMap]:
    """Apply sorted, non-overlapping edits; return the new text and its map to ``text``."""
    out: list[str] = []
    smap = _StepMap(len(text))
    pos = 0
    for start, end, rep in edits:
        if start < pos:
            continue  # overlapping edit: keep the first
        if start > pos:
            out.append(text[pos:start])
            smap.add(pos, start - pos, start - pos, True)
        if rep:
            out.append(rep)
            smap.add(start, end - start, len(rep), len(rep) == end - start)
        pos = end
    if pos < len(text):
        out.append(text[pos:])
        smap.add(pos, len(text) - pos, len(text) - pos, True)
    return "".join(out), smap


def _replace_in_place(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits that keep every length (so every offset)."""
    out: list[str] = []
    pos = 0
    for start, end, rep in edits:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(rep)
        pos = end
    out.append(text[pos:])
    return "".join(out)


@dataclass
class OffsetMap:
    """Maps spans of the normalized text back to the raw input."""

    raw_len: int
    steps: list[_StepMap] = field(default_factory=list)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the normalized span ``[start, end)``."""
        if end <= start:
            for step in reversed(self.steps):
                start = step.start(start)
            return start, start
        for step in reversed(self.steps):
            start, end = step.start(start), step.end(end)
        return start, end


@dataclass(frozen=True)
class Normalized:
    """The normalized text, its map back to the raw input, and which steps changed something."""

    text: str
    raw: str
    offsets: OffsetMap
    applied: dict[str, int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_raw(start, end)


def _sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Callable[[str], list[Edit]]:
    def step(text: str) -> list[Edit]:
        edits = []
        for m in pattern.finditer(text):
            new = repl(m) if callable(repl) else repl
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
        return edits

    return step


# --- fixer steps -------------------------------------------------------------------------------

NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]+")
SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
COMBINING = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")
ETH = re.compile(r"[\u00d0\u00f0\u0189]")
ESCAPE = re.compile(r"\\([-.*_\[\]()#+!>`~|])")
HEADING_HASH = re.compile(r"(?m)^#{1,6}[ \t]+")
# a space before or after a line break: the regex engine skips from one "\n" to the next, faster than
# str.find for " \n" or "\n " (which stops at every space)
_EDGE_SPACE_BREAK = re.compile(r"\n(?:(?<= \n)|(?= ))")

# the characters each character-level step needs: :func:`normalize` skips a default step whose
# characters the input lacks (one scan for all of them)
NEWLINES_ANY = re.compile(r"[\r\u2028\u2029\x0b\x0c\x85]")
COMBINING_ANY = re.compile(r"[\u0300-\u036f]")
DASH_ANY = re.compile(r"[\u2010-\u2015\u2212\ufe63\uff0d]")
HOMOGLYPH_ANY = re.compile(r"[АВЕКМНОРСТХ]")
INVISIBLE_ANY = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f\t\u00a0\u2000-\u200a\u202f"
                           r"\u205f\u3000]")
HOMOGLYPH = re.compile(r"(?<=[A-Z0-9/\-])[АВЕКМНОРСТХ]|[АВЕКМНОРСТХ](?=[A-Z0-9/\-])")
_HOMOGLYPHS = dict(zip("АВЕКМНОРСТХ", "ABEKMHOPCTX"))
_ETH_MAP = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}


def fix_newlines(text: str) -> list[Edit]:
    """CRLF, CR and other line separators become LF."""
    return _sub(NEWLINES, "\n")(text)


def fix_invisible(text: str) -> list[Edit]:
    """Drop zero-width characters, soft hyphens and control characters; NBSP and tabs become spaces."""
    return sorted(_sub(INVISIBLE, "")(text) + _sub(SPACES, " ")(text))


def fix_nfc(text: str) -> list[Edit]:
    """Compose base letters and combining marks (decomposed tone marks) to NFC."""
    return _sub(COMBINING, lambda m: unicodedata.normalize("NFC", m.group(0)))(text)


def fix_eth(text: str) -> list[Edit]:
    """U+00D0 Ð (Eth) and look-alikes become Đ/đ (U+0110/U+0111)."""
    return _sub(ETH, lambda m: _ETH_MAP[m.group(0)])(text)


def fix_homoglyphs(text: str) -> list[Edit]:
    """Cyrillic capitals that look Latin, inside a Latin code ("BТС" with Cyrillic Т, С), become Latin."""
    edits = []
    for _ in range(2):  # a run of look-alikes: fix the letters next to Latin ones, then the rest
        for m in HOMOGLYPH.finditer(text):
            edits.append((m.start(), m.end(), _HOMOGLYPHS[m.group(0)]))
        if not edits:
            break
        text, _ = apply_edits(text, sorted(set(edits)))
    return sorted(set(edits))


def fix_dashes(text: str) -> list[Edit]:
    """En/em dashes and minus signs between letters or digits (inside symbols) become '-'."""
    return [(m.start(), m.end(), "-") for m in DASH_ANY.finditer(text)
            if _word_at(text, m.start() - 1) and _word_at(text, m.end())]


def fix_escapes(text: str) -> list[Edit]:
    r"""Markdown escapes such as ``\-`` and ``\.`` lose their backslash."""
    return _sub(ESCAPE, lambda m: m.group(1))(text)


def _star(text: str, i: int) -> str:
    """What a lone "*" at ``i`` becomes: kept in "(*)", "-" as a "* " bullet, else dropped."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before == "(" and after == ")":
        return "*"  # "(*)" footnote mark
    if before == "\n" and after == " ":
        return "-"  # "* " bullet: a list marker
    return ""


def _runs(text: str, mark: str, min_len: int = 1) -> list[tuple[int, int]]:
    """Maximal runs of the character ``mark`` at least ``min_len`` long, as (start, end); literal searches."""
    runs = []
    n = len(text)
    start = text.find(mark)
    while start >= 0:
        end = start + 1
        while end < n and text[end] == mark:
            end += 1
        if end - start >= min_len:
            runs.append((start, end))
        start = text.find(mark, end)  # resumes after the run: linear
    return runs


def is_word_char(ch: str) -> bool:
    """A regex ``\\w`` character: a letter, a digit or "_"."""
    return ch.isalnum() or ch == "_"


def _word_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and is_word_char(text[i])


def fix_markdown(text: str) -> list[Edit]:
    """Remove markdown emphasis (``**``, ``*``, ``__``) and heading hashes; keep ``(*)``."""
    edits = []
    for start, end in _runs(text, "*"):
        if end - start > 1:
            edits.append((start, end, ""))  # "**" bold
        elif (rep := _star(text, start)) != "*":
            edits.append((start, end, rep))
    for start, end in _runs(text, "_", 2):  # "__" only when it touches a word (not a "____" blank)
        if _word_at(text, end) or _word_at(text, start - 1):
            edits.append((start, end, ""))
    if "#" in text:
        edits += _sub(HEADING_HASH, "")(text)
    return sorted(edits)


def fix_pipes(text: str) -> list[Edit]:
    """Table pipes become line breaks: each cell of a converted header table is its own line."""
    edits = []
    i = text.find("|")
    while i >= 0:
        edits.append((i, i + 1, "\n"))
        i = text.find("|", i + 1)
    return edits


def _space_runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of spaces that are two or more long or touch a line edge (fast searches)."""
    n = len(text)
    found: dict[int, int] = {}

    def add(i: int) -> int:
        a = b = i
        while a > 0 and text[a - 1] == " ":
            a -= 1
        while b < n and text[b] == " ":
            b += 1
        found[a] = b
        return b

    i = text.find("  ")
    while i >= 0:  # each search resumes after the run it found: linear
        i = text.find("  ", max(add(i), i + 1))
    for m in _EDGE_SPACE_BREAK.finditer(text):
        i = m.start()
        if text[i - 1:i] == " ":
            add(i - 1)
        if text[i + 1:i + 2] == " ":
            add(i + 1)
    if text[:1] == " ":
        add(0)
    if text[-1:] == " ":
        add(n - 1)
    return sorted(found.items())


def fix_spaces(text: str) -> list[Edit]:
    """Runs of spaces fold to one; spaces at line starts and ends go."""
    edits = []
    n = len(text)
    for start, end in _space_runs(text):
        if start == 0 or text[start - 1] == "\n" or end == n or text[end] == "\n":
            edits.append((start, end, ""))
        elif end - start > 1:
            edits.append((start, end, " "))
    return edits


LIST_START = re.compile(
    r"""^(?:
        [IVXLC]{1,6}[.)](?:\s|$)               # I.  II)  roman headings
      | \d{1,2}(?:\.\d{1,2})+\.?(?:\s|$)       # 1.1  1.1.  2.3.4
      | \d{1,2}[.)](?:\s|$)                    # 1.  2)
      | [a-zđ][.)](?:\s|$)                     # a)  b.
      | [-+•●▪◦–—](?:\s|$)                     # bullets
      | (?:Điều|Chương|Mục|Phần|Phụ\ lục|PHỤ\ LỤC|CHƯƠNG|PHẦN|MỤC)\s+[\dIVXLC]+\b
      | (?:Nơi\ nhận|TM\.|KT\.|TL\.|TUQ\.|Q\.)
      | (?:Căn\ cứ|Xét\ đề\ nghị|Theo\ đề\ nghị)\b
    )""",
    re.VERBOSE,
)
SEPARATOR_LINE = re.compile(r"^[\s\-–—_=.*~|#]*$")
_CONNECTOR_WORDS = frozenset(
    "số ngày và của tại theo về các những với cho trên trong là đến từ tháng năm".split()
)
_SENT_END_CHARS = ".:;!?…"


def _connector_end(line: str) -> bool:
    """The line ends in a connector (",", "(", "-", "/" or a word such as "số", "của")."""
    if line[-1:] in ",(-/":
        return True
    i = len(line)
    while i > 0 and len(line) - i <= 5 and is_word_char(line[i - 1]):
        i -= 1
    return (i == 0 or not is_word_char(line[i - 1])) and line[i:] in _CONNECTOR_WORDS


def _starts_lower(line: str) -> bool:
    ch = line[:1]
    return ch.islower() or ch.isdigit() or ch in "(\"'“‘«%"


def _is_upper(line: str) -> bool:
    """The line has letters and all of them are capitals (both tests stop early, in C)."""
    return any(map(str.isalpha, line)) and all(map(str.isupper, filter(str.isalpha, line)))


_MARKER_ONLY = re.compile(
    r"^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ][.)]|(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)"
    r"\s+[\dIVXLC]+[.:]?)$"
)
_KINH_GUI = re.compile(r"^(?:Kính gửi|KÍNH GỬI)\b")
_DASH_NUMBER = re.compile(r"^[-–]\s*\d")
_UNIT_WORDS = frozenset(["Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN", "Phụ lục", "PHỤ LỤC"])
# the header's number line and a công văn's subject line stand alone
# (the digit is checked by a lookahead: "\S*\d\S*$" backtracks quadratically on "Số 111...1 x")
_NO_JOIN_AFTER = re.compile(r"^(?:Số|SỐ)\s*(?::\s*)?(?=\S*\d)\S*$")
_NO_JOIN_BEFORE = re.compile(
    r"^(?:V/v|V/V|Kính gửi|(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|"
    r"GIÁM ĐỐC|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|BAN BÍ THƯ|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|BAN THƯỜNG VỤ)\b)"
)
# a type line ("QUYẾT ĐỊNH", "CHỈ THỊ") stands alone
_TYPE_LINE = re.compile(
    r"^(?:CHỈ THỊ|KẾ HOẠCH|CÔNG ĐIỆN|NGHỊ QUYẾT|QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|THÔNG BÁO|KẾT LUẬN|HƯỚNG DẪN|"
    r"QUY ĐỊNH|QUY CHẾ|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|BÁO CÁO|TỜ TRÌNH|LUẬT|PHÁP LỆNH|THÔNG TRI|LỆNH|"
    r"QUYẾT NGHỊ|QUYẾT ĐỊNH:|NGHỊ QUYẾT:)\s*:?$"
)


def _wrap_width(lines: list[str], stripped: list[str]) -> int:
    """The column at which a converter hard-wrapped the text, or 0 if it did not."""
    lengths = [len(ln) for ln, s in zip(lines, stripped) if len(s) > 20]
    if len(lengths) < 8:
        return 0
    lengths.sort()
    width = lengths[int(len(lengths) * 0.9)]
    if width < 40 or width > 160:
        return 0
    near = len(lengths) - bisect_left(lengths, 0.8 * width)  # lines at least 0.8 * width long
    return width if near >= 0.4 * len(lengths) else 0


_SEPARATOR_CHARS = frozenset("-–—_=.*~|#")


def _is_separator(line: str) -> bool:
    """A stripped, non-empty line of rule characters only ("------", "***")."""
    return bool(line) and line[0] in _SEPARATOR_CHARS and bool(SEPARATOR_LINE.match(line))


# a numbered section heading of a few words: "1. Mục tiêu chung", "2. Nhiệm vụ trọng tâm"
_SHORT_HEADING = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|[a-zđ]\))[ ]+(?:Mục tiêu|Mục đích|Yêu cầu|Quan điểm|Nhiệm vụ|"
    r"Giải pháp|Nội dung|Phạm vi|Đối tượng|Tổ chức thực hiện|Kinh phí|Thời gian|Trách nhiệm|Hiệu lực|Chỉ tiêu|"
    r"Định hướng|Tầm nhìn|Kết quả|Tình hình|Đánh giá|Hạn chế|Nguyên nhân|Phân công|Chế độ báo cáo)\b"
    r"(?:(?![ ]của[ ])[^.;:,]){0,40}$")  # not "5. Kinh phí hoạt động của Hội đồng\nQuản lý Quỹ ..."


def _joins(cs: str, ns: str, cur: str, blank_mode: bool, width: int) -> bool:
    """Whether the break between two non-blank stripped lines is a wrap (see :func:`fix_wraps`).

    ``cur`` is the line ``cs`` came from, before stripping.
    """
    short = len(cs) <= 40  # bare markers and unit words are short lines
    if short and cs in _UNIT_WORDS:
        return True  # "**Điều\n3. Nguyên tắc ...**": the article word wrapped from its number
    if (cs[0] == "S" and _NO_JOIN_AFTER.match(cs)) or (cs[:2].isupper() and _TYPE_LINE.match(cs)) or (
            ns[0].isupper() and _NO_JOIN_BEFORE.match(ns)):
        return False
    # (a line that starts in lower case opens a list point only as "a)" or "b.": the cheap test first)
    if (not ns[0].islower() or ns[1:2] in ".)") and LIST_START.match(ns):
        if _DASH_NUMBER.match(ns) and cs[-1:].isdigit():
            return True
        # "... Công an thành phố\n- Thường trực ...": a wrap before a hyphen
        return (ns[:2] in {"- ", "– "} and bool(blank_mode or width) and cs[-1] not in _SENT_END_CHARS
                and not _MARKER_ONLY.match(cs) and (blank_mode or len(cur.rstrip()) >= 0.75 * width))
    if _starts_lower(ns) or _connector_end(cs) or (short and _MARKER_ONLY.match(cs)):
        return True  # the next line continues the sentence, or the line is a bare marker ("1.", "Điều 5.")
    if blank_mode or (width and len(cur.rstrip()) >= 0.75 * width):
        if len(cs) <= 45 and _SHORT_HEADING.match(cs) and not _is_upper(ns) and ":" not in ns[:30]:
            return False  # "1. Mục tiêu chung\nĐến năm 2030, ...": a numbered heading over its first sentence
        # same case on both lines, or a sentence's short tail ("... Hệ thống\nQLVB&ĐH.")
        return cs[-1] not in _SENT_END_CHARS and (
            _is_upper(cs) == _is_upper(ns) or (ns[-1] in ".;" and len(ns.split()) <= 3))
    return False


def fix_wraps(text: str) -> list[Edit]:
    """Join hard line wraps inside a paragraph (the break becomes a space).

    A break is a wrap when the next line does not start a list point or heading and either the next
    line continues the sentence (lower case, a digit, an opening bracket), the line ends in a
    connector ("số", "ngày", ",", ...), the line is a bare list marker ("1.", "Điều 5."), or the
    document is hard-wrapped (blank lines between paragraphs, or most lines end near one column)
    and the line does not end a sentence.
    """
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    blank = stripped.count("")
    nonblank = len(lines) - blank
    blank_mode = nonblank > 0 and blank >= 0.2 * nonblank
    # the wrap width only matters when blank lines do not mark paragraphs: each use is `blank_mode or ...`
    width = 0 if blank_mode else _wrap_width(lines, stripped)
    loose = blank_mode or bool(width)
    edits: list[Edit] = []
    pos = -1  # offset of the break after ``cur``
    addressee = False  # in a "Kính gửi:" block
    for cur, cs, ns in zip(lines, stripped, islice(stripped, 1, None)):
        pos += len(cur) + 1
        if not cs or not ns or (cs[0] in _SEPARATOR_CHARS and _is_separator(cs)) or (
                ns[0] in _SEPARATOR_CHARS and _is_separator(ns)):
            join = False  # a blank line or a rule: cheap first-character tests before the regex
        elif ns[0].islower() and ns[1:2] not in ".)" and cs[0] not in "SK" and not cs[:2].isupper():
            # fast path, what _joins would say: the sentence goes on in lower case (no "a)" point) after a
            # line that is no "Số: ..." number line, type line or "Kính gửi" line
            join = True
        elif not loose and not (len(cs) <= 24 or cs[-1].isdigit() or _starts_lower(ns) or _connector_end(cs)):
            join = False  # fast path: in a text that is not hard-wrapped, nothing below could join these
        else:
            addressee = addressee or (cs[0] == "K" and bool(_KINH_GUI.match(cs)))
            if addressee and not _starts_lower(ns):
                # "Kính gửi: ... cơ quan thuộc\nChính phủ\nXét báo cáo ...": a short capitalised line
                # ends the addressee, a longer one starts the letter's body
                join = (len(ns.split()) <= 3 or _connector_end(cs.lower())) and not LIST_START.match(ns)
            else:
                join = _joins(cs, ns, cur, blank_mode, width)
        if join:
            edits.append((pos, pos + 1, " "))
        else:
            addressee = False
    return edits


Step = Callable[[str], list[Edit]]

DEFAULT_STEPS: tuple[tuple[str, Step], ...] = (
    ("newlines", fix_newlines),
    ("invisible", fix_invisible),
    ("nfc", fix_nfc),
    ("eth", fix_eth),
    ("homoglyphs", fix_homoglyphs),
    ("escapes", fix_escapes),
    ("markdown", fix_markdown),
    ("dashes", fix_dashes),
    ("pipes", fix_pipes),
    ("spaces", fix_spaces),
    ("wraps", fix_wraps),
    ("spaces2", fix_spaces),
)


_STEP_TRIGGERS: dict[Step, re.Pattern[str]] = {
    fix_newlines: NEWLINES_ANY, fix_invisible: INVISIBLE_ANY, fix_nfc: COMBINING_ANY, fix_eth: ETH,
    fix_homoglyphs: HOMOGLYPH_ANY, fix_escapes: re.compile(r"\\"), fix_dashes: DASH_ANY,
}
_RARE = re.compile("|".join(t.pattern for t in _STEP_TRIGGERS.values()))
# steps that replace every occurrence of one character by another: :func:`normalize` applies them
# with ``str.replace`` (offsets unchanged); each replaced character counts as one edit
_SWAP_STEPS: dict[Step, tuple[str, str]] = {fix_pipes: ("|", "\n")}


def normalize(raw: str, steps: Iterable[tuple[str, Step]] = DEFAULT_STEPS) -> Normalized:
    """Apply the fixer ``steps`` to ``raw``; return the text, the offset map and the steps applied."""
    text = raw
    omap = OffsetMap(len(raw))
    applied: dict[str, int] = {}
    # one scan for the rare characters the character-level steps need; those without them are skipped
    rare = "".join(set(_RARE.findall(raw)))
    # fix_spaces would find nothing: it ran, and since then only fix_wraps changed the text (a wrap's
    # new space sits between two non-space, non-break characters, so it makes no run and no edge space)
    spaces_clean = False
    for name, step in steps:
        trigger = _STEP_TRIGGERS.get(step)
        if (trigger is not None and trigger.search(rare) is None) or (step is fix_spaces and spaces_clean):
            continue
        swap = _SWAP_STEPS.get(step)
        if swap is not None:
            count = text.count(swap[0])
            if count:
                text = text.replace(*swap)
                applied[name] = count
                spaces_clean = False
            continue
        edits = step(text)
        if edits:
            if all(end - start == len(rep) for start, end, rep in edits):
                text = _replace_in_place(text, edits)  # offsets unchanged: no map needed
            else:
                text, smap = apply_edits(text, edits)
                omap.steps.append(smap)
            applied[name] = len(edits)
        spaces_clean = step is fix_spaces or (spaces_clean and (not edits or step is fix_wraps))
    return Normalized(text, raw, omap, applied)
