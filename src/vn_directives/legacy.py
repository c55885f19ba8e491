"""Legacy 8-bit Vietnamese encodings still found in old government files.

Supported (names as accepted by ``decode(..., encoding=...)`` and returned as ``Decoded.encoding``):

* ``cp1258`` – Windows-1258, through Python's codec; its decomposed tone marks are NFC-normalized.
* ``tcvn3`` – TCVN3/ABC (TCVN 5712:1993 VN3): one byte per precomposed lower-case letter plus
  Ă Â Ê Ô Ơ Ư Đ. VN3 has no upper-case toned letters (old files typed them with the lower-case codes in
  an upper-case font), so a toned letter inside an otherwise upper-case word ("CHủ" → "CHỦ", "XÃ HỘI")
  is upper-cased again; a lone capital ("Ủy" typed as "ủy") cannot be recovered and stays lower-case.
* ``vni`` – VNI-Windows: base letter followed by a modifier byte ("aù" = "á"), decoded greedily,
  longest match first, in linear time; other bytes are cp1252.
* ``viscii`` – VISCII (RFC 1456).

The tables live in ``data/legacy_encodings.json``. :func:`detect_legacy` decodes a sample with every
candidate and keeps the one whose words look most like Vietnamese syllables.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from functools import cache
from importlib import resources

ENCODINGS = ("cp1258", "tcvn3", "vni", "viscii")
ALIASES = {"abc": "tcvn3", "vni-windows": "vni"}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_RHYMES = """a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oet oi om on ong ooc
oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyên
uyêt uyn uynh uyp uyt uyu uc ui um un ung uôc uôi uôm uôn uông uôt up ut ư ưa ưc ưi ưm ưn ưng ươc ươi ươm
ươn ương ươp ươt ươu ưt ưu y yêm yên yêng yêt yêu""".split()
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{'|'.join(sorted(_RHYMES, key=len, reverse=True))})")
_STOP = ("p", "t", "c", "ch")  # syllables ending in a stop take only the acute or dot-below tone
_COMMON = frozenset("""của và các được ngày năm tỉnh chỉ thị thực hiện có không với người những để này đã là
một về tại định quản lý nhà nước công tác phát triển xã hội đồng bộ ủy nhân dân tổ chức kế hoạch triển khai
sở ban ngành đơn vị cơ quan chủ tịch trên việc số tháng đến từ khu vực thủ tướng chính phủ địa phương yêu cầu
đảm bảo tăng cường kiểm báo cáo hướng dẫn giao theo nghị quyết căn cứ thành phố huyện đầu tư sản xuất""".split())
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~]+")  # split on white space and ASCII punctuation
_WORD = re.compile(r"[^\W\d_]+")
_HIGH = re.compile(rb"[\x80-\xff]")
SAMPLE_BYTES = 64 * 1024


@cache
def _tables() -> dict:
    return json.loads(resources.files("vn_directives.data").joinpath("legacy_encodings.json").read_text("utf-8"))


@cache
def _charmap(name: str) -> str:
    """A 256-character decoding table for ``codecs.charmap_decode`` ('\\ufffe' = not valid)."""
    spec = _tables()["encodings"][name]
    table = [chr(b) if b < 0x80 else "\ufffe" for b in range(256)]
    if fb := spec.get("fallback"):
        lo, hi = (int(x, 16) for x in fb["bytes"].split("-"))
        for b in range(lo, hi + 1):
            table[b] = bytes([b]).decode(fb["codec"], "replace").replace("\ufffd", "\ufffe")
    for key, ch in spec["bytes"].items():
        table[int(key, 16)] = ch
    return "".join(table)


@cache
def _vni() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """The VNI matcher: a base letter and its modifier, a run of stray modifiers, or a one-byte letter."""
    seqs: dict[str, str] = _tables()["encodings"]["vni"]["sequences"]
    pairs = [k for k in seqs if len(k) == 2]
    bases, mods = {k[0] for k in pairs}, frozenset(k[1] for k in pairs)
    singles = {k for k in seqs if len(k) == 1}

    def cls(chars: set[str] | frozenset[str]) -> str:
        return "[" + re.escape("".join(sorted(chars))) + "]"

    return re.compile(f"{cls(bases)}{cls(mods)}|{cls(mods)}+|{cls(singles)}"), seqs, mods


def _decode_vni(data: bytes, errors: str) -> str:
    pattern, seqs, mods = _vni()
    raw = data.decode("cp1252", "replace")  # one character per byte; undefined bytes become U+FFFD
    bad = [raw.find("\ufffd")] if "\ufffd" in raw else []

    def sub(m: re.Match[str]) -> str:
        s = m.group()
        if s in seqs:
            return seqs[s]
        if len(s) == 2 and s[0] not in mods:  # base + modifier of the other case ("aÙ"), else a stray modifier
            fixed = s[0] + (s[1].upper() if s[0].isupper() else s[1].lower())
            if fixed in seqs:
                return seqs[fixed]
            bad.append(m.start() + 1)
            return seqs.get(s[0], s[0]) + "\ufffd"
        bad.append(m.start())
        return "\ufffd" * len(s)

    text = pattern.sub(sub, raw)
    if bad and errors == "strict":
        pos = min(bad)
        raise UnicodeDecodeError("vni", data, pos, pos + 1, "not a VNI character")
    return text


@cache
def _tcvn3_lower_only() -> frozenset[str]:
    """TCVN3 letters that have no upper-case code (the toned ones)."""
    table = _charmap("tcvn3")
    return frozenset(c for c in table[0xA1:] if c.islower() and c.upper() not in table)


def _recase_line(line: str, lower_only: frozenset[str]) -> str:
    words = list(_WORD.finditer(line))
    state = []  # 2: upper-case it (two or more capitals beside the toned letters), 1: only if next to a 2
    for m in words:
        rest = [c for c in m.group() if c not in lower_only]
        if len(rest) == len(m.group()) or any(c.islower() for c in rest):
            state.append(0)
        else:
            state.append(min(2, sum(c.isupper() for c in rest)))
    for order in (range(len(words)), range(len(words) - 1, -1, -1)):  # "XÃ HỘI", "VỀ VIỆC": spread both ways
        for i in order:
            if state[i] == 1 and 2 in state[max(i - 1, 0):i + 2]:
                state[i] = 2
    out, pos = [], 0
    for m, s in zip(words, state):
        if s == 2:
            out += [line[pos:m.start()], m.group().upper()]
            pos = m.end()
    return "".join(out) + line[pos:]


def _recase_tcvn3(text: str) -> str:
    """Upper-case the lower-only TCVN3 letters inside words typed in an upper-case font ("CHủ" → "CHỦ")."""
    lower_only = _tcvn3_lower_only()
    return "\n".join(_recase_line(line, lower_only) if any(c in lower_only for c in line) else line
                     for line in text.split("\n"))


def canonical_name(encoding: str) -> str | None:
    """The legacy encoding named by ``encoding`` ("VNI", "windows-1258", ...), or None."""
    name = encoding.strip().lower().replace("_", "-")
    name = ALIASES.get(name, name)
    if name not in ENCODINGS:
        try:
            name = codecs.lookup(name).name  # Python's aliases of cp1258
        except LookupError:
            return None
    return name if name in ENCODINGS else None


def decode_legacy(data: bytes, encoding: str, errors: str = "strict") -> str:
    """Decode ``data`` as one of :data:`ENCODINGS` to NFC text; raises UnicodeDecodeError on invalid bytes
    (with ``errors="replace"`` they become U+FFFD instead)."""
    name = canonical_name(encoding)
    if name is None:
        raise LookupError(f"not a legacy Vietnamese encoding: {encoding!r}")
    if name == "cp1258":
        text = data.decode("cp1258", errors)
    elif name == "vni":
        text = _decode_vni(data, errors)
    else:
        text = codecs.charmap_decode(data, errors, _charmap(name))[0]
        if name == "tcvn3":
            text = _recase_tcvn3(text)
    return unicodedata.normalize("NFC", text)


def is_syllable(word: str) -> bool:
    """True if ``word`` (letters only, NFC) is spelled like one Vietnamese syllable, in any case."""
    if not (word.isalpha() and (word.islower() or word.isupper() or word[1:].islower())):
        return False
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    if len(tones) > 1 or not _SYLLABLE.fullmatch(base):
        return False
    return not base.endswith(_STOP) or tones in (["\u0301"], ["\u0323"])


def _stats(text: str) -> tuple[int, int, int, int]:
    """(tokens, syllables, frequent words, odd characters) of ``text``; only tokens with a non-ASCII
    character count, as the ASCII ones read the same in every candidate encoding."""
    tokens = [t for t in _TOKEN.findall(text) if not t.isascii()]
    odd = sum(1 for ch in text if ch == "\ufffd" or (unicodedata.category(ch) in {"Cc", "Co", "Cn", "Cs"}
                                                      and ch not in "\t\n\r\f"))
    return len(tokens), sum(map(is_syllable, tokens)), sum(t.lower() in _COMMON for t in tokens), odd


def score(text: str) -> int:
    """How much ``text`` reads as Vietnamese: +1 a syllable, +1 more a frequent word ("của", "tỉnh"),
    -2 any other non-ASCII token, -5 a control, private-use or unmapped character."""
    return _score(_stats(text))


def _score(stats: tuple[int, int, int, int]) -> int:
    tokens, good, common, odd = stats
    return good + common - 2 * (tokens - good) - 5 * odd


def _sample(data: bytes, limit: int = SAMPLE_BYTES) -> bytes:
    """Lines (at most 2 KB each) holding non-ASCII bytes, up to ``limit`` bytes in all."""
    parts: list[bytes] = []
    pos = size = 0
    while size < limit and (m := _HIGH.search(data, pos)):
        i = m.start()
        start = data.rfind(b"\n", max(pos, i - 500), i) + 1 or max(pos, i - 500)
        end = data.find(b"\n", i, i + 2000)
        end = i + 2000 if end == -1 else end
        parts.append(data[start:end])
        size += end - start
        pos = end
    return b"\n".join(parts)


def detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Return (NFC text, encoding name) if ``data`` reads as one of :data:`ENCODINGS`, else None.

    A sample of the non-ASCII lines is decoded with every candidate and scored by :func:`score`; the best
    is kept if at least 60 % of its non-ASCII words are Vietnamese syllables. The whole input is then
    decoded with it, an invalid byte becoming U+FFFD."""
    sample = _sample(data)
    texts = {enc: decode_legacy(sample, enc, "replace") for enc in ENCODINGS}
    stats = {enc: _stats(texts[enc]) for enc in ENCODINGS}
    best = max(ENCODINGS, key=lambda enc: _score(stats[enc]))  # ties go to the earlier name
    tokens, good, _, odd = stats[best]
    if not tokens or good < 0.6 * tokens or odd > 0.01 * len(texts[best]):
        return None
    return decode_legacy(data, best, "replace"), best
