"""Find references in text: symbols first, then their context (eyecite's "core token, then scan").

:func:`scan` works on normalized text and returns mentions with normalized spans;
:func:`extract_references` normalizes the caller's text and maps every span back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..dates import iso_date
from .header import Header, read_header
from ..normalize import Normalized, normalize
from ..records import Reference, ShortForm
from . import regexes as rx
from .symbols import Symbol, canonical_type_code, symbol_from_match, type_names

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


def _read_issuer(text: str, pos: int) -> tuple[str | None, int]:
    m = rx.ISSUER_AFTER_RE.match(text, pos)
    if not m:
        return None, pos
    raw = m.group("issuer")
    stop = rx.ISSUER_STOP_RE.search(raw)
    if stop:
        raw = raw[:stop.start()]
    raw = raw.rstrip(" ,-")
    words = raw.split()
    if not words or len(words) > 14 or not words[0][:1].isupper():
        return None, pos
    if re.match(rf"(?:{rx.TYPE_WORD})\b", raw):
        return None, pos
    return _clean(raw), m.start("issuer") + len(raw)


_TITLE_END = re.compile(
    r";|\.(?=\s|$)|\n|[ ]\(|,[ ]*(?=(?:" + rx.TYPE_WORD + r"|các[ ]+(?:" + rx.TYPE_WORD
    + r")|ngày|số|đồng thời|trong đó|theo đó|nhằm|để|và[ ]+(?:" + rx.TYPE_WORD
    + r"))\b)|[ ]+và[ ]+(?=(?:" + rx.TYPE_WORD + r"|các[ ]+văn bản|các[ ]+" + rx.TYPE_WORD + r")\b)"
    r"|[ ]+(?=(?:" + rx.TYPE_WORD + r")[ ]+(?:số[ ]+)?\d)"
    r"|,[ ]+(?=(?:Chủ tịch|Ủy ban|UBND|Sở|Bộ|Thủ tướng|Ban|Hội đồng|HĐND|Văn phòng|Tỉnh ủy|Thành ủy|"
    r"Trong|Để|Theo|Căn cứ|Nay|Đồng thời)\b)"
)


def _read_title(text: str, pos: int) -> tuple[str | None, int]:
    m = rx.TITLE_START_RE.match(text, pos)
    if not m:
        return None, pos
    at = m.end()
    q = rx.QUOTED_RE.match(text, at)
    if q:
        return _clean(q.group("q")) or None, q.end()
    limit = min(len(text), at + 400)
    end_m = _TITLE_END.search(text, at, limit)
    end = end_m.start() if end_m else limit
    title = text[at:end].strip(" ,:")
    if title.count("“") + title.count("”") == 1:
        title = title.strip("“”")
    elif title.startswith("“") and title.endswith("”") and title.count("“") == 1:
        title = title[1:-1]
    if m.group("conn") is None and not title:
        return None, pos
    return (_clean(title) or None), end


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _relation(text: str, start: int) -> str:
    ls = _line_start(text, start)
    clause_start = max(ls, text.rfind(". ", ls, start) + 1, start - 60)
    before = text[clause_start:start]
    best, where = "refers", -1
    for name, cue in rx.RELATION_CUES:
        for m in cue.finditer(before):
            if m.start() > where:
                best, where = name, m.start()
    if best == "refers" and re.match(r"\s*(?i:căn cứ)", text[ls:start]):
        best = "pursuant_to"
    return best


def _provision(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 80):start]
    m = rx.PROVISION_BEFORE_RE.search(window)
    if not m:
        return None, start
    parts = {k.lower(): v for k, v in rx.PROVISION_PARTS_RE.findall(m.group("prov"))}
    order = [("điều", "Điều"), ("khoản", "khoản"), ("điểm", "điểm")]
    prov = " ".join(f"{label} {parts[k]}" for k, label in order if k in parts)
    return prov or None, start - len(window) + m.start()


def _numbered(text: str, header: Header) -> list[Mention]:
    out: list[Mention] = []
    for sm in rx.SYMBOL_RE.finditer(text):
        sym = symbol_from_match(sm)
        s, e = sm.start(), sm.end()
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
            out.append(mention)
            continue
        wstart = max(0, s - 40)
        src = rx.SOURCE_BEFORE_RE.search(text[wstart:s])
        if src:
            mention.role = "self"
            if src.group("type"):
                mention.start = wstart + src.start("type")
                mention.doc_type = _canon_type(src.group("type"))
                mention.type_from_word = True
        named = rx.NAMED_LAW_BEFORE_RE.search(window)
        tm = rx.TYPE_BEFORE_RE.search(window)
        if named and mention.role == "cited":
            mention.doc_type = named.group("type")
            mention.type_from_word = True
            mention.title = _clean(named.group("name"))
            mention.start = s - len(window) + named.start()
        elif tm and mention.role == "cited":
            word = _canon_type(tm.group("type"))
            mention.type_from_word = True
            mention.start = s - len(window) + tm.start()
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
        if issuer and mention.role == "cited":
            mention.issuer, pos = issuer, pos2
            mention.end = pos
            if not date:
                date, ok, pos2 = _read_date(text, pos)
                if date:
                    mention.date, mention.date_valid, pos = date, ok, pos2
                    mention.end = pos
        if mention.role == "cited" and mention.title is None:
            title, pos2 = _read_title(text, pos)
            if title:
                mention.title = title
                pos = pos2
        mention.tail = pos
        if mention.role == "cited":
            mention.provision, _ = _provision(text, mention.start)
            if mention.relation == "refers":
                mention.relation = _relation(text, mention.start)
                if mention.relation == "refers" and out and out[-1].role == "cited" and re.fullmatch(
                        r"[ ,;]*(?:và)?[ ]*", text[max(out[-1].end, out[-1].tail):mention.start]):
                    mention.relation = out[-1].relation
        if not mention.date_valid:
            mention.warnings.append(f"impossible date {mention.date} for {sym.symbol}")
        out.append(mention)
    _share_issuers(text, out)
    return out


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
            if prev.role != "cited" or prev.issuer or prev.title or not re.fullmatch(r"[ ]*(?:,|và|,[ ]*và)[ ]*", glue):
                break
            prev.issuer = last.issuer
            j -= 1
        i = j - 1


_NAME_STOP = re.compile(
    r"(?:số|ngày|được|đã|đang|sẽ|phải|có|quy định|hiện hành|thì|để|theo|tại|trong|nhằm|cũng|là|"
    r"với|cho|các|những|hướng dẫn|thi hành|hiệu lực|nêu|trên|này|đó|khi|mà|về việc|do|bị|vào|từ|đến|"
    r"năm|khóa|kỳ|gồm|như|thuộc|hoặc|nay|tới)$"
)
_TOKEN = re.compile(r"[^\s,;:.()“”\"]+|,|;|:|\.|\(|\)|“|”|\"")


def _named_title(text: str, start: int, limit: int) -> tuple[str, int, int | None]:
    """Read a law's name from ``start``: (title, end, year written as 'năm YYYY')."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, limit)]
    words: list[tuple[str, int, int]] = []
    i = 0
    amend = False
    while i < len(tokens) and len(words) < 24:
        tok, s, e = tokens[i]
        low = tok.lower()
        if tok == ",":
            if words and words[-1][0].lower() == "phòng" and i + 1 < len(tokens) and tokens[i + 1][0] == "chống":
                words.append((tok, s, e))
                i += 1
                continue
            if amend and i + 1 < len(tokens) and tokens[i + 1][0] == "bổ":
                words.append((tok, s, e))
                i += 1
                continue
            break
        if tok in ";:.()“”\"":
            break
        if not words:
            if low == "sửa":
                amend = True
            elif not tok[:1].isupper():
                break
        elif low == "của" and amend:
            words.append((tok, s, e))
            i += 1
            continue
        elif low == "và":
            nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if not nxt[:1].isupper() or re.match(rx.TYPE_WORD, text[tokens[i + 1][1]:]) if nxt else True:
                break
        elif _NAME_STOP.match(low) and not (amend and low in {"số", "các"}):
            if low == "năm" and i + 1 < len(tokens) and re.fullmatch(r"(?:19|20)\d\d", tokens[i + 1][0]):
                title = _clean(text[words[0][1]:words[-1][2]]) if words else ""
                return title, tokens[i + 1][2], int(tokens[i + 1][0])
            break
        words.append((tok, s, e))
        i += 1
    if not words:
        return "", start, None
    while words and words[-1][0] in {",", "và"}:
        words.pop()
    return _clean(text[words[0][1]:words[-1][2]]), words[-1][2], None


def _named(text: str, numbered: list[Mention]) -> list[Mention]:
    taken = [(m.start, max(m.end, m.tail)) for m in numbered]
    out: list[Mention] = []

    def overlaps(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in taken)

    for m in rx.NAMED_RE.finditer(text):
        s = m.start()
        if overlaps(s, m.end()):
            continue
        kind = m.group("type")
        after = m.end() + 1
        limit = min(len(text), after + 200)
        if kind in {"Điều lệ Đảng", "Cương lĩnh"}:
            title = None
            end = m.end()
            doc_type = "Điều lệ" if kind.startswith("Điều lệ") else "Cương lĩnh"
            if kind == "Cương lĩnh":
                t, end2, _ = _named_title(text, after, limit)
                if not t:
                    continue
                title, end = t, end2
            else:
                title = "Đảng"
            mention = Mention(s, end, "named", doc_type, title=title)
        else:
            title, end, year = _named_title(text, after, limit)
            if kind == "Hiến pháp":
                ym = re.match(r"[ ]+năm[ ]+((?:19|20)\d\d)", text[m.end():m.end() + 12])
                if title and not ym:
                    pass
                elif ym:
                    title, end, year = None, m.end() + ym.end(), int(ym.group(1))
                else:
                    continue
            elif not title:
                continue
            mention = Mention(s, end, "named", kind, title=title, year=year)
        if overlaps(mention.start, mention.end):
            continue
        mention.tail = mention.end
        mention.provision, _ = _provision(text, s)
        mention.relation = _relation(text, s)
        out.append(mention)
        taken.append((mention.start, mention.end))
    for m in rx.NAMED_CONGRESS_RE.finditer(text):
        title = m.group("title")
        stop = re.search(r"[ ]+(?:về|đã|và|để|nhằm|với|trong|theo|cũng|là|được|đề ra|xác định)\b|,", title)
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
        taken.append((m.start(), end))
    return out


def _key(m: Mention, dated: dict[str, str]) -> str:
    if m.symbol is None:
        return f"{m.doc_type}|{m.title or ''}|{m.year or ''}"
    sym = m.symbol.symbol
    if m.symbol.year:
        return f"{m.doc_type}|{sym}"
    date = m.date if m.date_valid and m.date else dated.get(sym)
    return f"{m.doc_type}|{sym}|{date}" if date else f"{m.doc_type}|{sym}"


def scan(text: str, header: Header | None = None) -> list[Mention]:
    """All mentions in normalized ``text``, in text order."""
    header = header if header is not None else read_header(text)
    numbered = _numbered(text, header)
    named = _named(text, numbered)
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


def short_forms(norm: Normalized, refs: list[Reference], own_key: str | None,
                own_type: str | None) -> list[ShortForm]:
    """Anaphora ("Chỉ thị này") and short forms ("Quyết định số 942") with what they point to."""
    text = norm.text
    out: list[ShortForm] = []
    ref_spans = [(r.start, r.end) for r in refs]
    by_type_number: dict[tuple[str | None, int | None], str] = {}
    for r in refs:
        if r.number is not None and r.key:
            by_type_number.setdefault((r.doc_type, r.number), r.key)
    for m in rx.ANAPHORA_RE.finditer(text):
        rs, re_ = norm.raw_span(m.start(), m.end())
        dtype = _canon_type(m.group("type"))
        target = None
        if dtype == own_type and m.group("dem") == "này":
            target = own_key
        else:
            for r in reversed(refs):
                if r.end <= rs and r.doc_type == dtype:
                    target = r.key
                    break
        out.append(ShortForm(norm.raw[rs:re_], rs, re_, target))
    for m in rx.SHORT_FORM_RE.finditer(text):
        rs, re_ = norm.raw_span(m.start(), m.end())
        if any(a < re_ and rs < b for a, b in ref_spans):
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
