"""Find references in text: symbols first, then their context (eyecite's "core token, then scan").

:func:`scan` works on normalized text and returns mentions with normalized spans;
:func:`extract_references` normalizes the caller's text and maps every span back to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice

from ..dates import iso_date
from ..normalize import Normalized, is_word_char, normalize
from ..records import Reference, ShortForm
from . import regexes as rx
from .header import Header, read_header
from .symbols import Symbol, canonical_type_code, data_table, names_alternation, symbol_from_match, type_names

WINDOW = 160
HEADER_ZONE = 4000

_TYPE_CANON = {n.lower(): n for n in type_names()}
_TYPE_CANON["văn bản"] = "Văn bản"
_TYPE_CANON.update({k.lower(): v for k, v in rx.TYPE_ABBREVIATIONS.items()})


@dataclass
class Mention:
    """A reference found in normalized text (spans index the normalized text)."""

    start: int
    end: int
    form: str
    doc_type: str | None
    symbol: Symbol | None = None
    type_from_word: bool = False
    issuer: str | None = None
    date: str | None = None
    date_valid: bool = True
    title: str | None = None
    year: int | None = None
    role: str = "cited"
    provision: str | None = None
    relation: str = "refers"
    sym_start: int = 0
    sym_end: int = 0
    tail: int = 0  # end of the context read after the mention (date, issuer, title)
    warnings: list[str] = field(default_factory=list)


def _canon_type(word: str) -> str:
    return _TYPE_CANON.get(word.lower(), word[:1].upper() + word[1:].lower())


def _clean(s: str) -> str:
    return " ".join(s.split())


def _read_date(text: str, pos: int) -> tuple[str | None, bool, int]:
    m = rx.DATE_AFTER_RE.match(text, pos)
    if not m:
        return None, True, pos
    if m.group("d"):
        iso, ok = iso_date(m.group("d"), m.group("m"), m.group("y"))
        if not ok:
            iso = f"{m.group('d')}{m.group('sep')}{m.group('m')}{m.group('sep')}{m.group('y')}"
    else:
        iso, ok = iso_date(m.group("d2"), m.group("m2"), m.group("y2"))
        if not ok:
            iso = f"{m.group('d2')}/{m.group('m2')}/{m.group('y2')}"
    return iso, ok, m.end()


_NAME_LOWER_OK = frozenset(
    "nhân dân tỉnh thành phố huyện xã phường quận thị trấn và trung ương nhà nước chính phủ quốc hội "
    "của đặc khu thông vận tải".split()  # "Bộ Giao thông vận tải", the name of the former ministry
)


_NON_SPACE = re.compile(r"\S+")


def _cut_issuer(raw: str) -> str:
    """Cut a body's name where running text starts: three lower-case words that are not part of a
    name ("Chính phủ trừ đi tuổi ...") or a number."""
    run_start = None
    for k, word in enumerate(raw.split()):  # the words of _NON_SPACE, found faster
        w = word.strip(",")
        if w[:1].isdigit():
            cut = run_start if run_start is not None else k
            break
        if w[:1].islower() and w not in _NAME_LOWER_OK:
            if run_start is None:
                run_start = k
            elif k - run_start >= 2:
                cut = run_start
                break
        else:
            run_start = None
    else:
        return raw
    word_start = next(islice(_NON_SPACE.finditer(raw), cut, None)).start()  # where the cut word starts
    return raw[:word_start].rstrip(" ,")


@cache
def _long_bodies() -> re.Pattern[str]:
    """Names of bodies with 'về' or commas inside (data/bodies.json), longest first."""
    return re.compile(names_alternation(b["name"] for b in data_table("bodies.json")["bodies"]), re.IGNORECASE)


@cache
def _closed_names() -> frozenset[str]:
    """Names of central bodies that no place name follows ("Chính phủ", "Bộ Tài chính")."""
    open_names = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Chủ tịch Ủy ban nhân dân")
    names = {i["name"] for i in data_table("issuers.json")["issuers"]
             if i["name"] not in open_names and "," not in i["name"]}
    names |= {"Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"}
    return frozenset(names | {"Bộ trưởng " + n for n in names if n.startswith("Bộ ")})


@cache
def _closed_bodies() -> re.Pattern[str]:
    """A name of :func:`_closed_names`, longest first, when a capitalised title comes right after it:
    "của Chính phủ Ứng dụng công nghệ thông tin ..."."""
    alt = names_alternation(_closed_names())
    return re.compile(rf"(?:{alt})(?=[ ]+(?!(?:Việt|Nước|Cộng|Khóa|Khoá|Trung|Đảng)\b)[^\W\d_])")


_SPACED_CHAR = re.compile(r"[ ]+(\w)")


def _capital_title_after(text: str, pos: int) -> bool:
    """A capitalised word right after ``pos`` (a title with no "về" before it)."""
    m = _SPACED_CHAR.match(text, pos, pos + 4)
    return bool(m and m.group(1).isupper())


_NOTE_MARK_TO_END = re.compile(r"\[\d+\].*$")
_TRAILING_GLUE = re.compile(r"(?:[ ,\-]+(?i:và|của|quy|về|đối|tại))+$")
_TYPE_WORD_AT = re.compile(rf"(?:{rx.TYPE_WORD})\b")


def _read_issuer(text: str, pos: int) -> tuple[str | None, int]:
    m = rx.ISSUER_AFTER_RE.match(text, pos)
    if not m:
        return None, pos
    whole = _long_bodies().match(text, m.start("issuer"))
    if whole:
        return _clean(whole.group(0)), whole.end()
    closed = _closed_bodies().match(text, m.start("issuer"))
    if closed and _capital_title_after(text, closed.end()):
        return _clean(closed.group(0)), closed.end()
    raw = m.group("issuer")
    stop = rx.ISSUER_STOP_RE.search(raw)
    if stop:
        raw = raw[:stop.start()]
    raw = _cut_issuer(_NOTE_MARK_TO_END.sub("", raw))
    raw = _TRAILING_GLUE.sub("", raw.rstrip(" ,-")).rstrip(" ,-")
    words = raw.split()
    if not words or len(words) > 14 or not words[0][:1].isupper():
        return None, pos
    if _TYPE_WORD_AT.match(raw):
        return None, pos
    return _clean(raw), m.start("issuer") + len(raw)


_AMENDED_AFTER = (  # "..., được sửa đổi, bổ sung bởi ...": the title ends before "được"
    # (not "công bố thủ tục hành chính (mới ban hành,) được sửa đổi, bổ sung, ...": procedures that were amended)
    r"(?<!hành chính )(?<!ban hành, )(?:được|đã được)[ ]+"
    r"(?:sửa đổi,?[ ]*bổ[ ]+sung|sửa đổi(?!,?[ ]*bổ)|bổ sung|thay thế|hợp nhất)"
    r"(?:[ ]+(?:bởi|tại|theo|bằng|một số điều|năm)\b|[ ]*[,;.(]|[ ]+\d|$)"
)
# the first character after the spaces of each alternative below that starts with " "
_AFTER_SPACE = "".join(sorted({w[0] for w in rx.TYPE_WORDS} | set("(vđdtch")))
# Where a title ends. The alternatives are grouped by their first character, in their order, so
# that the engine can skip to ";", ".", "\n", " " or "," (a match is the same as ungrouped).
_TITLE_END = re.compile(
    r";|\.(?=\s|$)|\n"
    rf"|[ ](?=[ ]*[{_AFTER_SPACE}])(?:"
    r"\((?=sau đây|gọi tắt|gọi chung|dưới đây|kèm theo|ban hành kèm|nay là|đã được|được)"
    r"|[ ]*và[ ]+(?=(?:" + rx.TYPE_WORD + r"|các[ ]+(?:văn bản|quy định)|các[ ]+" + rx.TYPE_WORD + r")\b)"
    r"|[ ]*(?=(?:" + rx.TYPE_WORD + r")[ ]+(?:số[ ]+)?\d)"
    r"|[ ]*(?=" + _AMENDED_AFTER + r")"
    # the issuer or the proposal after the title: "... do Bộ trưởng Bộ X ban hành", "tại Tờ trình số"
    r"|[ ]*(?=do[ ]+[^;.\n]{2,100}?[ ]+ban hành\b)|[ ]*(?=tại[ ]+(?:Tờ trình|Báo cáo|Công văn|văn bản)\b)"
    # the sentence's verb of force: "... Luật Thủ đô) hết hiệu lực thi hành kể từ ngày ..."
    r"|[ ]*(?=(?:hết[ ]+hiệu lực|có[ ]+hiệu lực[ ]+(?:thi hành[ ]+)?(?:kể[ ]+)?từ)\b))"
    r"|,(?:"
    r"[ ]*(?=(?:" + rx.TYPE_WORD + r"|các[ ]+(?:" + rx.TYPE_WORD
    + r")|ngày|số|đồng thời|trong đó|theo đó|nhằm|để|trình|kiến nghị|đề xuất|báo cáo|chỉ đạo|hoàn thành|"
    r"khẩn trương|chủ động|phối hợp|tổ chức việc|và[ ]+(?:" + rx.TYPE_WORD + r"))\b)"
    r"|[ ]+(?=" + _AMENDED_AFTER + r")"
    r"|[ ]+(?=(?:Chủ tịch|Ủy ban|UBND|Sở|Bộ|Thủ tướng|Ban|Hội đồng|HĐND|Văn phòng|Tỉnh ủy|Thành ủy|"
    r"Trong|Để|Theo|Căn cứ|Nay|Đồng thời)\b))"
)


_EMBED_BEFORE = re.compile(
    r"(?:của|thực hiện|triển khai|theo|tại|kèm theo|hướng dẫn|thi hành|sửa đổi|bổ sung|thay thế|bãi bỏ)[ ]*$"
)
_EMBED_OPEN = re.compile(r"(?:của|thực hiện|triển khai|kèm theo|thi hành)[ ]+(?:" + rx.TYPE_WORD + r")")


# the sentence's own verb after a title: "... của Luật Quản lý thuế quy định:", "... hết hiệu lực thi hành"
_TITLE_TAIL = re.compile(r"[ ]+(?:(?:có[ ]+)?quy định|hết hiệu lực(?:[ ]+thi hành)?)$")
_NEXT_MENTION = re.compile(
    rf"{rx.starts_with_one_of(rx.TYPE_WORDS)}(?i:{rx.TYPE_WORD})\b[^.;\n\d]{{0,30}}?[ ](?i:số)[ ]*:?[ ]*\d"
)


# a closing note that only names an instrument again, or says where it was amended
_CLOSING_NOTE = re.compile(r"[ ]*\(([^()]{0,400})\)$")
# a line of legal basis: "Căn cứ ...", or a list point that opens with the instrument ("- Thông tư số ...")
_BASIS_LINE = re.compile(rf"[*_ ]*(?:Căn cứ|Xét|Thực hiện|Theo\b|[-+•][ ]*(?:{rx.TYPE_WORD})[ ]+(?:số[ ]*)?\d)")
# after ";" in a "Căn cứ" line, the title goes on when a lower-case noun phrase runs to the end of the line
_SEMICOLON_GOES_ON = re.compile(
    rf"[ ]+(?!(?i:{rx.TYPE_WORD})[ ]+(?:số\b|\d)|(?i:các|căn cứ|xét|theo|đồng thời|trong đó|và)\b)"
    r"(?P<word>[^\W\d_A-ZĐ]\w*)"
    r"[^;\n]{0,300}?(?:;[ ]*(?:\n|$|[^\W\d_A-ZĐ]|(?=(?:" + rx.TYPE_WORD + r")[ ]+(?:số[ ]*)?\d))|[.]?[ ]*(?:\n|$))")


_NOTE_MARKS_AT_END = re.compile(r"(?:\[\d+\])+$")


def _read_title(text: str, pos: int, bare: bool = False) -> tuple[str | None, int]:
    """The title after ``pos``: after "về", a verb such as "phê duyệt", a quote, or (``bare``) a capital."""
    m = rx.TITLE_START_RE.match(text, pos)
    if not m and not (bare and _capital_title_after(text, pos)):
        return None, pos
    at = m.end() if m else pos + 1
    bare = bare and not m
    if _NEXT_MENTION.match(text, at):
        return None, pos  # ", Hướng dẫn số 21-HD/BTCTW ...": the next mention, not a title
    q = rx.QUOTED_RE.match(text, at)
    if q:
        return _clean(q.group("q")) or None, q.end()
    limit = min(len(text), at + 500)
    end = limit
    for end_m in _TITLE_END.finditer(text, at, limit):
        so_far = text[at:end_m.start()]
        if end_m.group(0) == ";" and (goes_on := _SEMICOLON_GOES_ON.match(text, end_m.end())) and (
                _BASIS_LINE.match(text, _line_start(text, pos))
                or re.search(rf"(?<!\w){goes_on.group('word')}(?!\w)", so_far, re.IGNORECASE)):
            # "Căn cứ Nghị định ... quy định về phân quyền, phân cấp; phân định thẩm quyền ...;", and
            # elsewhere a part that repeats the title's own words ("... giai đoạn 2021 - 2030; giai đoạn I:
            # từ năm 2021 đến năm 2025", "quy định mức phân bổ ...; quy định mức chi ...")
            continue
        if end_m.group(0).strip() in {"", "và"} or end_m.group(0).startswith(","):
            # "... một số điều của Nghị định số 10/2022/NĐ-CP ..." : an instrument inside the title
            if _EMBED_BEFORE.search(so_far) or (rx.SYMBOL_RE.search(so_far) and _EMBED_OPEN.search(so_far)):
                if not end_m.group(0).startswith(",") or rx.SYMBOL_RE.search(so_far):
                    continue
        end = end_m.start()
        break
    end = _before_capitals(text, at, end)
    title = text[at:end].strip(" ,:")
    if "[" in title:  # (the cheap tests first: each pattern needs that text)
        title = _NOTE_MARKS_AT_END.sub("", title).strip(" ,:")
    if "quy định" in title or "hết hiệu lực" in title:
        title = _TITLE_TAIL.sub("", title)
    note = _CLOSING_NOTE.search(title) if ")" in title else None
    if note and rx.SYMBOL_RE.search(note.group(1)):  # "công tác văn thư (Nghị định 30/2020/NĐ-CP)"
        title = title[:note.start()]
    title = title.rstrip(" ./")
    if title.endswith(")") and title.count(")") > title.count("("):
        title = title[:-1].rstrip(" ,")
    if title.count("“") + title.count("”") == 1:
        title = title.strip("“”")
    elif title.startswith("“") and title.endswith("”") and title.count("“") == 1:
        title = title[1:-1]
    if (bare or m.group("conn") is None) and not title:
        return None, pos
    return (_clean(title) or None), end


_TWO_CAPITALS = re.compile(r"[A-ZĐ]{2}")
# three words in a row with no lower-case ASCII letter or digit: what every run of three capital
# words has (a cheap test before the word-by-word one)
_THREE_CAPITAL_WORDS = re.compile(r"(?<!\S)[^\sa-z0-9]+\s+[^\sa-z0-9]+\s+[^\sa-z0-9]+")


def _capital_word(w: str) -> bool:
    return len(w) >= 2 and w.isupper() and w.isalpha()


def _before_capitals(text: str, at: int, end: int) -> int:
    """Where a title in ordinary case runs into a line of capitals ("... năm 2025 ỦY BAN THƯỜNG VỤ QUỐC HỘI",
    "... Nghị định số 07/2025/NĐ-CP FILE ĐƯỢC ĐÍNH KÈM"): three capital words in a row, two of them with
    Vietnamese letters (acronyms such as "UBND", "TTHC" are single words), else ``end``."""
    seg = text[at:end]
    if _TWO_CAPITALS.search(seg) is None or seg.isupper() or _THREE_CAPITAL_WORDS.search(seg) is None:
        return end
    words = list(re.finditer(r"\S+", seg))
    for i in range(len(words) - 2):
        run = [w.group(0).strip(",.;:()") for w in words[i:i + 3]]
        if all(map(_capital_word, run)) and sum(not w.isascii() for w in run) >= 2 \
                and any(map(str.islower, seg[:words[i].start()])):
            return at + words[i].start()
    return end


LOOKBACK = 400


def _line_start(text: str, pos: int) -> int:
    """Start of the line holding ``pos`` (looking back at most LOOKBACK characters)."""
    floor = max(0, pos - LOOKBACK)
    return max(floor, text.rfind("\n", floor, pos) + 1)


_BASIS_START = re.compile(r"\s*(?i:căn cứ)")


def _relation(text: str, start: int) -> str:
    """The relation named by the last cue in the clause before ``start``, "refers" when none."""
    ls = _line_start(text, start)
    clause_start = max(ls, text.rfind(". ", ls, start) + 1, start - 60)
    cue = rx.LAST_RELATION_CUE_RE.match(text, clause_start, start)
    best = cue.lastgroup if cue else "refers"
    if best == "refers" and _BASIS_START.match(text, ls, start):
        best = "pursuant_to"
    return best


def _provision(text: str, start: int) -> tuple[str | None, int]:
    """The provision ("khoản 2 Điều 5") right before ``start``, and where it starts."""
    if not rx.PROVISION_CUE_RE.search(text, max(0, start - 80), start):
        return None, start
    window = text[max(0, start - 80):start]
    m = rx.PROVISION_BEFORE_RE.search(window)
    if not m:
        return None, start
    parts = {k.lower(): v for k, v in rx.PROVISION_PARTS_RE.findall(m.group("prov"))}
    order = [("điều", "Điều"), ("khoản", "khoản"), ("điểm", "điểm")]
    prov = " ".join(f"{label} {parts[k]}" for k, label in order if k in parts)
    return prov or None, start - len(window) + m.start()


def _type_before(text: str, s: int, window: str) -> tuple[int, str] | None:
    """Start and type word of ``TYPE_BEFORE_RE`` searched in ``window``, the text right before ``s``.

    Without two spaces in a row, a match starts at most ``TYPE_BEFORE_REACH`` back (or
    ``TYPE_BEFORE_REACH_PLAIN`` with no modifier there): only that tail is searched, its
    look-behind seeing the window's own character before the tail."""
    w0 = s - len(window)
    if text.find("  ", w0, s) < 0:
        tail = s - rx.TYPE_BEFORE_REACH
        if not rx.MODIFIER_RE.search(text, max(w0, tail), s):
            tail = s - rx.TYPE_BEFORE_REACH_PLAIN
        if tail > w0:
            m = rx.TYPE_BEFORE_RE.search(text, tail, s)
            return (m.start(), m.group("type")) if m else None
    m = rx.TYPE_BEFORE_RE.search(window)
    return (w0 + m.start(), m.group("type")) if m else None


_FORM_BEFORE = re.compile(rx.starts_with_one_of(("mẫu", "biểu mẫu")) + r"(?i:mẫu|biểu mẫu)(?:[ ]+(?i:số))?[ ]*:?[ ]*$")
_LIST_GLUE = re.compile(r"[ ,;]*(?:và)?[ ]*")


def _numbered(text: str, header: Header) -> list[Mention]:
    out: list[Mention] = []
    symbols: dict[str, Symbol] = {}  # a match's groups, so its Symbol, follow from its text
    for sm in rx.find_symbols(text):
        s, e = sm.start(), sm.end()
        if _FORM_BEFORE.search(text, max(0, s - 12), s):
            continue  # "mẫu số 03/TNDN": a form's number
        sym = symbols.get(sm.group())
        if sym is None:
            sym = symbols[sm.group()] = symbol_from_match(sm)
        ls = _line_start(text, s)
        window = text[max(ls, s - WINDOW):s]
        mention = Mention(s, e, "numbered", sym.doc_type, sym, sym_start=s, sym_end=e)
        # the document's own number
        if header.symbol_span == (s, e) or (s < HEADER_ZONE and rx.SELF_BEFORE_RE.search(
                text[max(0, s - 12):s])):
            mention.role = "self"
            mention.doc_type = header.doc_type or sym.doc_type
            mention.date = header.date
            mention.title = header.title
            if mention.doc_type == "Công văn" and sym.type_code and sym.family == "state":
                mention.symbol = replace(sym, type_code=None,
                                         issuer_code=f"{sym.type_code}-{sym.issuer_code}")
            out.append(mention)
            continue
        wstart = max(0, s - 40)
        src = rx.SOURCE_BEFORE_RE.search(text[wstart:s]) if text.find("Nguồn", wstart, s) >= 0 else None
        if src:
            mention.role = "self"
            if src.group("type"):
                mention.start = wstart + src.start("type")
                mention.doc_type = _canon_type(src.group("type"))
                mention.type_from_word = True
        tm = _type_before(text, s, window)
        named = (rx.NAMED_LAW_BEFORE_RE.search(window)  # it needs "Luật", "Bộ luật" or "Pháp lệnh"
                 if "uật" in window or "Pháp lệnh" in window else None)
        if named and not rx.AMENDING_NAME_RE.match(named.group("name")) and _NOT_A_LAW_NAME.search(
                named.group("name")):
            named = None
        if named and tm and tm[0] <= s - len(window) + named.start():
            named = None
        if named and mention.role == "cited":
            mention.doc_type = named.group("type")
            mention.type_from_word = True
            mention.title = _clean(named.group("name"))
            mention.start = s - len(window) + named.start()
        elif tm and mention.role == "cited":
            word = _canon_type(tm[1])
            mention.type_from_word = True
            mention.start = tm[0]
            if word == "Văn bản":
                mention.doc_type = sym.doc_type if sym.type_code else "Công văn"
            else:
                mention.doc_type = word
        elif out and mention.role == "cited":
            prev = out[-1]
            glue = text[prev.end:s]
            if prev.type_from_word and rx.ENUM_GLUE_RE.match(glue) and prev.role == "cited":
                mention.doc_type = prev.doc_type
                mention.type_from_word = True
                mention.relation = prev.relation
        if mention.role == "self" and mention.doc_type is None:
            mention.doc_type = header.doc_type or sym.doc_type
        if mention.doc_type == "Công văn" and sym.type_code and sym.family == "state":
            issuer = f"{sym.type_code}-{sym.issuer_code}"
            mention.symbol = replace(sym, type_code=None, issuer_code=issuer)
        # context after the symbol
        pos = e
        date, ok, pos2 = _read_date(text, pos)
        if date:
            mention.date, mention.date_valid, pos = date, ok, pos2
            mention.end = pos
        issuer, pos2 = _read_issuer(text, pos)
        bare_at = -1  # a capitalised title may start right after a central body's name
        if issuer and mention.role == "cited":
            mention.issuer, pos = issuer, pos2
            bare_at = pos if issuer in _closed_names() else -1
            mention.end = pos
            if not date:
                date, ok, pos2 = _read_date(text, pos)
                if date:
                    mention.date, mention.date_valid, pos = date, ok, pos2
                    mention.end = pos
        if mention.role == "cited" and mention.title is None:
            title, pos2 = _read_title(text, pos, bare=pos == bare_at)
            if title:
                mention.title = title
                pos = pos2
        mention.tail = pos
        if mention.role == "cited":
            mention.provision, _ = _provision(text, mention.start)
            if mention.relation == "refers":
                mention.relation = _relation(text, mention.start)
                if mention.relation == "refers" and out and out[-1].role == "cited" and _LIST_GLUE.fullmatch(
                        text[max(out[-1].end, out[-1].tail):mention.start]):
                    mention.relation = out[-1].relation
        if not mention.date_valid:
            mention.warnings.append(f"impossible date {mention.date} for {sym.symbol}")
        out.append(mention)
    _share_issuers(text, out)
    return out


_SHARE_GLUE = re.compile(r"[ ]*(?:,|và|,[ ]*và)[ ]*(?:số[ ]*)?")  # "..., số 13021/BTC-PTHT ... của Bộ Tài chính"


def _share_issuers(text: str, mentions: list[Mention]) -> None:
    """A trailing "của X" after an enumeration applies to every member of it."""
    i = len(mentions) - 1
    while i > 0:
        last = mentions[i]
        if last.issuer is None or last.role != "cited":
            i -= 1
            continue
        j = i
        while j > 0:
            prev = mentions[j - 1]
            glue = text[prev.end:mentions[j].start]
            if prev.role != "cited" or prev.issuer or prev.title or not _SHARE_GLUE.fullmatch(glue):
                break
            prev.issuer = last.issuer
            j -= 1
        i = j - 1


# words (or two words) that end a name: tokens hold no space, so a set does
_NAME_STOP = frozenset((
    "số|ngày|được|đã|đang|sẽ|phải|có|quy định|hiện hành|thì|để|theo|tại|trong|nhằm|cũng|là|"
    "với|cho|các|những|hướng dẫn|thi hành|hiệu lực|nêu|trên|này|đó|khi|mà|về việc|do|bị|vào|từ|đến|"
    "năm|khóa|khoá|kỳ|gồm|như|thuộc|hoặc|nay|tới|hiện|nào|chưa|vẫn|về|qua|sau|trước|liên quan|"
    "của|và|hoặc|hay|đối với|bảo đảm|đảm bảo|đặc biệt|cụ thể|cùng|không|ước|khoảng|gắn|trừ|ngoại trừ"
).split("|"))
_NAME_COMMA_NEXT = frozenset({"chống", "sử", "chăm", "an", "công", "thuế", "viên", "giáo", "chữa", "cứu",
                              "tôn"})  # "Phòng, chống tham nhũng", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"
_COMMA_NEXT_RX = "|".join(sorted(_NAME_COMMA_NEXT))  # words after which a name goes on past ", "
# a named law's "name" that holds a type word or a list (", " not inside a name)
_NOT_A_LAW_NAME = re.compile(rf"\b(?:{rx.TYPE_WORD})\b|,[ ]+(?!(?:{_COMMA_NEXT_RX})\b)")
_TOKEN = re.compile(r"[^\s,;:.()“”\"…]+|[,;:.()“”\"…]")
_AMENDING = re.compile(r"(?i:sửa đổi)")
_PROVISION_WORDS = frozenset({"Điều", "khoản", "Khoản", "điểm", "Điểm", "Chương", "Mục"})
_VERB_AFTER_NAME = frozenset({"báo cáo", "ban hành", "triển khai"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_AMEND_END = re.compile(r"[;.()\n]|[ ]+(?:ngày|số)[ ]+\d|[ ]+năm[ ]+(?:19|20)\d\d"
                        r"|[ ]+(?:về|gửi|để|nhằm|ban hành|(?i:trên địa bàn))(?![\w])")


def _named_title(text: str, start: int, limit: int, lower_ok: bool = False) -> tuple[str, int, int | None]:
    """Read an instrument's name from ``start``: (title, end, year written as 'năm YYYY')."""
    if _AMENDING.match(text, start, start + 8):
        m = _AMEND_END.search(text, start, limit)
        end = m.start() if m else limit
        title = text[start:end].rstrip(" ,")
        return _clean(title), start + len(title), None
    tokens = _TOKEN.finditer(text, start, min(limit, start + 160))
    words: list[tuple[str, int, int]] = []
    cur = next(tokens, None)
    while cur is not None and len(words) < 16:
        after = next(tokens, None)  # the token after, read one ahead
        tok, s, e = cur.group(), cur.start(), cur.end()
        low = tok.lower()
        nxt = after.group() if after is not None else ""
        if tok == ",":
            if words and nxt in _NAME_COMMA_NEXT:
                words.append((tok, s, e))
                cur = after
                continue
            break
        if tok in ";:.()“”\"…":
            break
        if not words:
            if (low in _NAME_STOP and low != "các") or _TYPE_WORD_AT.match(text, s, s + 30):
                break
            if not (tok[:1].isupper() or (lower_ok and tok[:1].isalpha()
                                          and nxt.lower() not in _NAME_STOP)):
                break
        elif low == "và":
            if (not nxt or _TYPE_WORD_AT.match(text, after.start(), after.start() + 30)
                    or nxt.lower() in _NAME_STOP or nxt in _PROVISION_WORDS):
                break
        elif f"{tok} {nxt}" in _VERB_AFTER_NAME:
            break  # "Luật Giá báo cáo ...": the sentence's verb
        elif _YEAR.fullmatch(tok) and text[e:e + 1] not in {"/", "-"}:
            title = _clean(text[words[0][1]:words[-1][2]]) if words else ""  # "Luật Thủ đô 2024"
            return title, e, int(tok)
        elif low in _NAME_STOP or (nxt and f"{low} {nxt.lower()}" in _NAME_STOP):
            if low == "năm" and _YEAR.fullmatch(nxt):
                title = _clean(text[words[0][1]:words[-1][2]]) if words else ""
                return title, after.end(), int(nxt)
            break
        words.append((tok, s, e))
        cur = after
    while words and words[-1][0] in {",", "và"}:
        words.pop()
    if not words or (not words[0][0][:1].isupper() and len(words) < 2):
        return "", start, None
    return _clean(text[words[0][1]:words[-1][2]]), words[-1][2], None


def doc_type_needs_space(m: re.Match[str], text: str) -> bool:
    """A law's name must follow its type word after a space ("Luật." or "Luật," names nothing)."""
    nxt = text[m.end():m.end() + 1]
    return m.group("type") not in {"Hiến pháp", "HIẾN PHÁP", "Điều lệ Đảng"} and nxt not in {" ", "\n"}


_TYPE_OF_NAMED = {"hiến pháp": "Hiến pháp", "bộ luật": "Bộ luật", "luật": "Luật", "pháp lệnh": "Pháp lệnh",
                  "điều lệ đảng": "Điều lệ", "cương lĩnh": "Cương lĩnh"}


class _Spans:
    """Sorted, mostly disjoint spans with a fast overlap test."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.max_len = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, s: int, e: int) -> bool:
        spans = self.spans
        i = bisect.bisect_left(spans, (e, -1))  # the spans before i start before e
        j = bisect.bisect_left(spans, (s - self.max_len, -1), 0, i)
        return any(s < spans[k][1] for k in range(j, i))

    def add(self, s: int, e: int) -> None:
        bisect.insort(self.spans, (s, e))
        self.max_len = max(self.max_len, e - s)


_YEAR_AFTER = re.compile(r"[ ]+năm[ ]+((?:19|20)\d\d)")
_BILL_NOTE = re.compile(r"[ ]*\((?i:sửa đổi)\)")
_CONGRESS_TITLE_STOP = re.compile(r"[ ]+(?:về|đã|và|để|nhằm|với|trong|theo|cũng|là|được|đề ra|xác định)\b|,")


# law in general or a school of law, not a law's name
_NOT_A_LAW_BEFORE = re.compile(r"(?:(?i:pháp)|(?i:học)|Khoa|KHOA|(?i:viện))[ ]+$")


def _named(text: str, numbered: list[Mention]) -> list[Mention]:
    taken = _Spans((m.start, m.end) for m in numbered)
    out: list[Mention] = []
    overlaps = taken.overlaps

    for m in rx.NAMED_RE.finditer(text):
        s = m.start()
        if s > 0 and is_word_char(text[s - 1]):
            continue
        if overlaps(s, m.end()):
            continue
        if rx.DRAFT_BEFORE_RE.search(text, max(0, s - 20), s):
            continue
        if m.group("type") in {"Luật", "LUẬT"} and _NOT_A_LAW_BEFORE.search(text, max(0, s - 12), s):
            continue  # "pháp luật", "HỆ THỐNG PHÁP LUẬT", "Trường Đại học Luật Hà Nội"
        if doc_type_needs_space(m, text):
            continue
        doc_type = _TYPE_OF_NAMED[m.group("type").lower()]
        after = m.end() + 1
        limit = min(len(text), after + 300)
        year = None
        if doc_type == "Điều lệ":
            title, end = "Đảng", m.end()
        elif doc_type == "Hiến pháp":
            ym = _YEAR_AFTER.match(text, m.end(), m.end() + 12)
            if ym:
                title, end, year = None, ym.end(), int(ym.group(1))
            else:
                title, end, year = _named_title(text, after, limit, lower_ok=True)
                title = title or None
                end = end if title else m.end()
        else:
            title, end, year = _named_title(text, after, limit, lower_ok=doc_type != "Cương lĩnh")
            if not title:
                continue
            if _BILL_NOTE.match(text, end, end + 14):
                continue  # a bill: "Luật Bảo hiểm tiền gửi (sửa đổi)"
        mention = Mention(s, end, "named", doc_type, title=title, year=year)
        date, ok, pos = _read_date(text, end)
        if date:
            mention.date, mention.date_valid, mention.end = date, ok, pos
        if overlaps(mention.start, mention.end):
            continue
        mention.tail = mention.end
        mention.provision, _ = _provision(text, s)
        mention.relation = _relation(text, s)
        out.append(mention)
        taken.add(mention.start, mention.end)
    for m in rx.NAMED_CONGRESS_RE.finditer(text):
        if m.start() > 0 and is_word_char(text[m.start() - 1]):
            continue
        title = m.group("title")
        stop = _CONGRESS_TITLE_STOP.search(title)
        if stop:
            title = title[:stop.start()]
        title = title.rstrip()
        end = m.start("title") + len(title)
        if overlaps(m.start(), end):
            continue
        mention = Mention(m.start(), end, "named", "Nghị quyết", title=_clean(title))
        mention.tail = end
        mention.relation = _relation(text, m.start())
        out.append(mention)
        taken.add(m.start(), end)
    return out


def _key(m: Mention, dated: dict[str, str]) -> str:
    if m.symbol is None:
        return f"{m.doc_type}|{m.title or ''}|{m.year or ''}"
    sym = m.symbol.symbol
    if m.symbol.year:
        return f"{m.doc_type}|{sym}"
    date = m.date if m.date_valid and m.date else dated.get(sym)
    return f"{m.doc_type}|{sym}|{date}" if date else f"{m.doc_type}|{sym}"


_NUMBER_GLUE = re.compile(r"[ ]*(?:(?i:số)[ ]*:?[ ]*)?")


def _merge_named_numbers(text: str, numbered: list[Mention], named: list[Mention]) -> list[Mention]:
    """"Luật Quản lý, sử dụng tài sản công số 15/2017/QH14": the name belongs to the number."""
    by_start = {m.sym_start: m for m in numbered if m.role == "cited"}
    kept = []
    for n in named:
        glue = _NUMBER_GLUE.match(text, n.end)
        target = by_start.get(glue.end()) if glue else None
        if target is not None and n.date is None and n.doc_type in {"Luật", "Bộ luật", "Pháp lệnh"}:
            target.start = n.start
            target.doc_type = n.doc_type
            target.type_from_word = True
            target.title = n.title
            continue
        kept.append(n)
    return kept


def scan(text: str, header: Header | None = None) -> list[Mention]:
    """All mentions in normalized ``text``, in text order."""
    header = header if header is not None else read_header(text)
    numbered = _numbered(text, header)
    named = _merge_named_numbers(text, numbered, _named(text, numbered))
    return sorted(numbered + named, key=lambda m: m.start)


def to_references(norm: Normalized, mentions: list[Mention]) -> list[Reference]:
    """Map mentions to raw-offset :class:`Reference` records with canonical keys."""
    dated: dict[str, str] = {}
    for m in mentions:
        if m.symbol is not None and m.date and m.date_valid:
            dated.setdefault(m.symbol.symbol, m.date)
    refs = []
    for m in mentions:
        rs, re_ = norm.raw_span(m.start, m.end)
        sym = m.symbol
        refs.append(Reference(
            text=norm.raw[rs:re_], start=rs, end=re_, doc_type=m.doc_type,
            symbol=sym.symbol if sym else None, number=sym.number if sym else None,
            year=sym.year if sym else m.year,
            type_code=sym.type_code if sym else None, issuer_code=sym.issuer_code if sym else None,
            issuer=m.issuer, date=m.date, title=m.title, role=m.role, form=m.form,
            key=_key(m, dated), provision=m.provision, relation=m.relation,
        ))
    return refs


def _anaphora(text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, type word, demonstrative)`` of each "Chỉ thị này", "Quyết định nêu trên"."""
    last = 0
    for d in rx.DEMONSTRATIVE_RE.finditer(text):
        ws = max(last, d.start() - 40)
        t = rx.ANAPHORA_TYPE_RE.search(text, ws, d.start())
        if t is None:
            continue
        last = d.end()
        yield t.start(), d.end(), t.group("type"), d.group("dem")


def short_forms(norm: Normalized, refs: list[Reference], own_key: str | None,
                own_type: str | None) -> list[ShortForm]:
    """Anaphora ("Chỉ thị này") and short forms ("Quyết định số 942") with what they point to."""
    text = norm.text
    out: list[ShortForm] = []
    ref_spans = _Spans((r.start, r.end) for r in refs)
    starts = [r.start for r in refs]
    by_type_number: dict[tuple[str | None, int | None], str] = {}
    for r in refs:
        if r.number is not None and r.key:
            by_type_number.setdefault((r.doc_type, r.number), r.key)
    for start, end, type_word, dem in _anaphora(text):
        rs, re_ = norm.raw_span(start, end)
        dtype = _canon_type(type_word)
        target = None
        if dtype == own_type and dem == "này":
            target = own_key
        else:
            k = bisect.bisect_left(starts, rs)
            for r in reversed(refs[max(0, k - 200):k]):  # the nearest earlier instrument of that type
                if r.end <= rs and r.doc_type == dtype:
                    target = r.key
                    break
        out.append(ShortForm(norm.raw[rs:re_], rs, re_, target))
    for m in rx.SHORT_FORM_RE.finditer(text):
        rs, re_ = norm.raw_span(m.start(), m.end())
        if ref_spans.overlaps(rs, re_):
            continue
        dtype = _canon_type(m.group("type"))
        target = by_type_number.get((dtype, int(m.group("num"))))
        if target is None and own_type == dtype:
            continue
        out.append(ShortForm(norm.raw[rs:re_], rs, re_, target))
    out.sort(key=lambda s: s.start)
    return out


def extract_references(text: str | bytes, *, header: Header | None = None) -> list[Reference]:
    """Every reference in ``text``, with offsets into ``text``. Never raises on any ``str``."""
    from ..decode import decode
    from ..errors import InputError

    if not isinstance(text, str):
        try:
            text = decode(text).text
        except InputError:
            return []
    norm = normalize(text)
    return to_references(norm, scan(norm.text, header))


__all__ = ["Mention", "extract_references", "scan", "short_forms", "to_references",
           "canonical_type_code"]
