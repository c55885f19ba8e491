"""Vietnamese word segmentation (underthesea) that keeps legal symbols, dates and numbers whole.

Protected spans (symbols such as ``30/2020/NĐ-CP`` and ``34-CT/TW``, dates, numbers such as
``1.000``, ``0,7`` and ``10%``) are found first with the reference grammar; underthesea segments
only the text between them, so its own splitting of "/" and "-" cannot break them. Offsets point
into the caller's input.
"""

from __future__ import annotations

import re

from .normalize import Normalized, normalize
from .records import Token
from .references.regexes import SYMBOL_RE

DATE_RE = re.compile(
    r"(?<![\w/])(?:\d{1,2}[/\-.]\d{1,2}[/\-.](?:19|20)\d\d|(?:\d{1,2}|[IVX]{1,4})/(?:19|20)\d\d)(?![\w/])"
)
NUMBER_RE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+)(?:[ ]?%)?(?![\w])"
)
_PUNCT = re.compile(r"^[^\w]+$")


def _protected(line: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in (("reference", SYMBOL_RE), ("date", DATE_RE), ("number", NUMBER_RE)):
        for m in pattern.finditer(line):
            s, e = m.start(), m.end()
            if not any(a < e and s < b for a, b, _ in spans):
                spans.append((s, e, kind))
    spans.sort()
    return spans


def _align(gap: str, words: list[str], base: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for w in words:
        w = w.strip()
        if not w:
            continue
        at = gap.find(w, pos)
        if at < 0:  # underthesea changed spacing: match ignoring spaces
            chars = [c for c in w if not c.isspace()]
            p = pos
            while p < len(gap) and gap[p].isspace():
                p += 1
            start = p
            for c in chars:
                while p < len(gap) and gap[p].isspace():
                    p += 1
                if p >= len(gap) or gap[p] != c:
                    return out + [(base + a.start(), base + a.end()) for a in re.finditer(r"\S+", gap[pos:])]
                p += 1
            out.append((base + start, base + p))
            pos = p
            continue
        out.append((base + at, base + at + len(w)))
        pos = at + len(w)
    return out


def _segment_gap(gap: str) -> list[str]:
    from underthesea import word_tokenize

    if not gap.strip():
        return []
    try:
        return word_tokenize(gap, use_token_normalize=False)
    except Exception:  # underthesea cannot segment this text: fall back to syllables
        return gap.split()


def tokenize_normalized(norm: Normalized) -> list[Token]:
    """Tokens of normalized text, mapped to raw offsets."""
    text, raw = norm.text, norm.raw
    tokens: list[Token] = []
    pos = 0
    for line in text.split("\n"):
        spans: list[tuple[int, int, str]] = []
        cur = 0
        for s, e, kind in _protected(line):
            for a, b in _align(line[cur:s], _segment_gap(line[cur:s]), cur):
                spans.append((a, b, "word"))
            spans.append((s, e, kind))
            cur = e
        for a, b in _align(line[cur:], _segment_gap(line[cur:]), cur):
            spans.append((a, b, "word"))
        for a, b, kind in spans:
            piece = line[a:b]
            if kind == "word" and _PUNCT.match(piece):
                kind = "punct"
            rs, re_ = norm.raw_span(pos + a, pos + b)
            tokens.append(Token(raw[rs:re_], rs, re_, kind))
        pos += len(line) + 1
    return tokens


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets into it: words, references, dates, numbers, punctuation."""
    if not isinstance(text, str):
        from .decode import decode

        text = decode(text).text
    return tokenize_normalized(normalize(text))
