"""Legacy 8-bit Vietnamese encodings (cp1258, TCVN3, VNI, VISCII): tables, detection, hostile input.

Round trips encode real text with the inverse of the shipped tables (``encode`` below). TCVN3 (VN3) has
no code for upper-case toned letters: old files typed them with the lower-case codes in an upper-case
font, and ``encode`` does the same. The decoder upper-cases them again inside words that are otherwise
in capitals ("CHủ" → "CHỦ"), but a lone capital ("Ủy" → "ủy") is lost, so TCVN3 round trips are
compared exactly on the lines without such letters and case-insensitively on the rest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import unicodedata
from functools import cache
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vn_directives as vd
from vn_directives import legacy
from vn_directives.decode import decode
from vn_directives.legacy import ENCODINGS, decode_legacy, detect_legacy

from .conftest import SHARED, needs_shared

TONES = "\u0300\u0301\u0303\u0309\u0323"
SAMPLE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "CHỈ THỊ\nVề việc tăng cường công tác phòng, chống thiên tai năm 2025\n"
    "Để chủ động ứng phó với mưa lũ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành "
    "và Ủy ban nhân dân các huyện thực hiện nghiêm các nội dung sau đây; báo cáo kết quả trước ngày 15 "
    "tháng 12 năm 2025. Những người được giao nhiệm vụ phải quyết liệt, đảm bảo an toàn tuyệt đối.\n"
)
CORPUS_FILES = ["cd-217-ttg-2025.txt", "ct-6-ubnd-quang-tri-2025.txt", "cv-5615-ct-cs-2025.txt",
                "kh-141-ubnd-bac-ninh-2025.txt", "nq-377-cp-2025.txt", "qd-102-ubnd-phu-tho-2025.txt"]


def _data() -> dict:
    return json.loads(resources.files("vn_directives.data").joinpath("legacy_encodings.json").read_text("utf-8"))


@cache
def _inverse(enc: str) -> dict[str, bytes]:
    """Character → bytes: the inverse of the shipped table (VNI sequences first, then single bytes)."""
    inv: dict[str, bytes] = {}
    if enc == "vni":
        inv = {ch: seq.encode("cp1252") for seq, ch in _data()["encodings"]["vni"]["sequences"].items()}
    for b in range(256):
        try:
            ch = decode_legacy(bytes([b]), enc)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            inv.setdefault(ch, bytes([b]))
    return inv


def encode(text: str, enc: str, keep_case: bool = False) -> tuple[bytes, str]:
    """``text`` in ``enc`` and the text that should come back (unencodable characters become "?").

    cp1258 is written as Windows keyboards do: base letter, then a combining tone mark. TCVN3 writes an
    upper-case toned letter with its lower-case code (and, unless ``keep_case``, expects it back so)."""
    inv = _inverse(enc)
    out, back = [], []
    for ch in text:
        nfd = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in nfd if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        if enc == "cp1258" and len(tone) == 1 and base in inv:
            out.append(inv[base] + inv[tone])
        else:
            if enc == "tcvn3" and ch not in inv and ch.lower() in inv:
                out.append(inv[ch.lower()])
                back.append(ch if keep_case else ch.lower())
                continue
            ch = ch if ch in inv else "?"
            out.append(inv[ch])
        back.append(ch)
    return b"".join(out), unicodedata.normalize("NFC", "".join(back))


def check_round_trip(text: str, enc: str) -> None:
    data, want = encode(text, enc)
    dec = decode(data)
    assert dec.encoding == enc
    assert decode(data, encoding=enc).text == dec.text
    if enc != "tcvn3":
        assert dec.text == want
        return
    assert dec.text.lower() == want.lower()
    source = encode(text, enc, keep_case=True)[1].splitlines()  # only unencodable characters replaced
    got, lowered = dec.text.splitlines(), want.splitlines()
    assert len(got) == len(source)
    exact = [i for i, line in enumerate(source) if line == lowered[i]]
    assert [got[i] for i in exact] == [source[i] for i in exact]  # no capital lost: nothing changes
    capital = [w for i, line in enumerate(source) if line.isupper() and i not in exact for w in line.split()]
    recovered = [w for i, line in enumerate(source) if line.isupper() and i not in exact
                 for w, g in zip(line.split(), got[i].split()) if w == g]
    assert len(recovered) >= 0.9 * len(capital)  # headings in capitals come back (bar words like "XÃ" alone)


# --- tables ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("enc", ENCODINGS)
def test_data_examples_decode(enc):
    examples = _data()["encodings"][enc]["examples"]
    assert len(examples) >= 3
    for ex in examples:
        data = bytes.fromhex(ex["hex"])
        assert decode_legacy(data, enc) == ex["text"]
        assert detect_legacy(data) == (ex["text"], enc)


VIET = sorted({unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in ["", *TONES]} - set("aeiouy")
              | {"đ"})
VIET += [c.upper() for c in VIET]


@pytest.mark.parametrize("enc,expected", [("cp1258", set(VIET)), ("vni", set(VIET)), ("viscii", set(VIET)),
                                          ("tcvn3", {c for c in VIET if c.islower()} | set("ĂÂÊÔƠƯĐ"))])
def test_tables_cover_the_alphabet(enc, expected):
    data, back = encode("".join(VIET), enc)
    assert set(decode_legacy(data, enc)) >= expected
    if enc != "tcvn3":
        assert decode_legacy(data, enc) == "".join(VIET) == back


@pytest.mark.parametrize("enc,data,text", [
    # well-known mojibake of real words, typed by hand (independent of the data file)
    ("vni", "Chæ thò soá 34-CT/TW", "Chỉ thị số 34-CT/TW"),
    ("vni", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("vni", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("vni", "UÛY BAN NHAÂN DAÂN TÆNH", "ỦY BAN NHÂN DÂN TỈNH"),
    ("vni", "ngöôøi, ñöôïc, thöïc hieän, naêm, ngaøy, yeâu caàu, aên, ñaëc bieät, Kyø hoïp, tyû, ñaây, quyeát ñònh",
     "người, được, thực hiện, năm, ngày, yêu cầu, ăn, đặc biệt, Kỳ họp, tỷ, đây, quyết định"),
    ("vni", "ngaém, ñaúng, laáy, haøi, muoán, ngaõ, vuõ, cuûa, mæ, hyû, khoûe, löõ, Tröôøng, ÑAÀU, ÑAÚNG, THÖÏC",
     "ngắm, đẳng, lấy, hài, muốn, ngã, vũ, của, mỉ, hỷ, khỏe, lữ, Trường, ĐẦU, ĐẲNG, THỰC"),
    ("vni", "Aù, aÙ, AÁn", "Á, á, Ấn"),  # upper-case base with a lower-case modifier and the other way round
    ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("tcvn3", "V/v t¨ng c\xadêng, ¦u tiªn, ®¶m b¶o", "V/v tăng cường, Ưu tiên, đảm bảo"),
    ("tcvn3", "ñy ban nh©n d©n tØnh Hµ Néi; UBND Hµ Néi; CHñ TÞCH UBND",
     "ủy ban nhân dân tỉnh Hà Nội; UBND Hà Nội; CHỦ TỊCH UBND"),  # a lone capital is not recovered
])
def test_known_words(enc, data, text):
    raw = data.encode("cp1252")
    assert decode_legacy(raw, enc) == text
    assert decode(raw).text == text and decode(raw).encoding == enc


# glibc's TCVN5712-1 is VN1, a superset of VN3: it also puts upper-case toned letters at 0x01-0x17 (bar
# the controls) and 0x80-0x9f, combining tone marks at 0xb0-0xb4 and letters in the other VN3 gaps. Those
# bytes are not compared; on the 74 bytes VN3 defines, and on all 134 VISCII bytes, glibc agrees.
@pytest.mark.parametrize("enc,charset", [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_tables_match_glibc_iconv(enc, charset):
    iconv = shutil.which("iconv")
    if iconv is None:
        pytest.skip("iconv is not installed")
    listed = subprocess.run([iconv, "-l"], capture_output=True, text=True).stdout.upper()
    if charset not in listed:
        pytest.skip(f"iconv has no {charset}")
    table = _data()["encodings"][enc]["bytes"]
    data = b"\n".join(bytes.fromhex(h) for h in table)
    out = subprocess.run([iconv, "-f", charset, "-t", "UTF-8"], input=data, capture_output=True, check=True)
    assert out.stdout.decode("utf-8").split("\n") == list(table.values())


def test_cp1258_matches_python_codec():
    for b in range(256):
        try:
            want = bytes([b]).decode("cp1258")
        except UnicodeDecodeError:
            with pytest.raises(UnicodeDecodeError):
                decode_legacy(bytes([b]), "cp1258")
            continue
        assert decode_legacy(bytes([b]), "cp1258") == unicodedata.normalize("NFC", want)
    assert decode_legacy(b"Vi\xea\xf2t", "cp1258") == "Việt"  # ê, then the combining dot below


# --- round trips and detection ------------------------------------------------------------------------

@pytest.mark.parametrize("enc", ENCODINGS)
def test_round_trip_sample(enc):
    check_round_trip(SAMPLE, enc)


@needs_shared
@pytest.mark.parametrize("name", CORPUS_FILES)
@pytest.mark.parametrize("enc", ENCODINGS)
def test_round_trip_corpus(name, enc):
    path = SHARED / "docs" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    check_round_trip(path.read_text("utf-8"), enc)


@pytest.mark.parametrize("enc", ENCODINGS)
def test_analyze_reads_legacy_bytes(enc, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(encode(SAMPLE, enc)[0])
    doc = vd.analyze(path)
    assert doc.encoding == enc
    assert doc.meta.doc_type == "Chỉ thị"  # found from the "CHỈ THỊ" line, upper case even in TCVN3
    assert "ban nhân dân các huyện thực hiện nghiêm" in doc.text


# --- explicit encoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name,enc", [("vni", "vni"), ("VNI-Windows", "vni"), ("TCVN3", "tcvn3"), ("abc", "tcvn3"),
                                      ("viscii", "viscii"), ("cp1258", "cp1258"), ("windows-1258", "cp1258")])
def test_encoding_override(name, enc):
    data, want = encode("Chỉ thị số 12/CT-UBND của Ủy ban nhân dân tỉnh", enc)
    dec = decode(data, encoding=name)
    assert (dec.text, dec.encoding) == (want, enc)


def test_override_beats_detection():
    data = encode("Chỉ thị của Ủy ban nhân dân tỉnh", "vni")[0]
    assert decode(data).encoding == "vni"
    assert decode(data, encoding="cp1252").text == data.decode("cp1252")  # any Python codec still works


@pytest.mark.parametrize("enc,data", [
    ("vni", b"a\xf9 \xf9"),          # a modifier with no letter before it
    ("vni", b"\x81"),                # undefined in cp1252
    ("tcvn3", b"ch\xb0o"),           # a VN3 gap
    ("tcvn3", b"\x8d"),
    ("cp1258", b"\x8a"),
    ("vni", b"\xf9" * 100_000),
])
def test_undecodable_with_explicit_encoding(enc, data):
    with pytest.raises(vd.InputError, match=enc):
        decode(data, encoding=enc)


def test_unknown_encoding_is_input_error():
    with pytest.raises(vd.InputError):
        decode(b"abc", encoding="tcvn9")


# --- hostile input -------------------------------------------------------------------------------------

HOSTILE = [
    ("vni modifiers", b"\xf9" * 1_000_000),
    ("vni pairs", b"a\xf9" * 500_000),
    ("upper modifiers", bytes(range(0xc0, 0xe0)) * 30_000),
    ("nul", b"\x00" * 1_000_000 + b"\xe9"),
    ("nul in text", encode("Chỉ thị\x00số 12/CT-UBND\x00", "vni")[0] * 10_000),
    ("all bytes", bytes(range(256)) * 4_000),
    ("tcvn3 one line", encode("CHỦ TỊCH ", "tcvn3")[0] * 100_000),
    ("tcvn3 words", encode("ủy ", "tcvn3")[0] * 300_000),
    ("no newline", b"x" * 2_000_000 + b"\xe0"),
]


@pytest.mark.parametrize("name,data", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_bytes(name, data):
    start = time.perf_counter()
    for enc in (None, *ENCODINGS):
        try:
            assert isinstance(decode(data, encoding=enc).text, str)
        except vd.InputError:
            pass
    assert time.perf_counter() - start < 20


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.lists(st.sampled_from([b"a", b"\xf9", b"\xd9", b"\xf4", b"\xe2", b"\xb8",
                                                            b" ", b"\x00", b"\xff", b"A"])).map(b"".join))
def test_random_bytes_give_text_or_input_error(data):
    for enc in (None, *ENCODINGS):
        try:
            text = decode(data, encoding=enc).text
        except vd.InputError:
            continue
        assert isinstance(text, str) and unicodedata.is_normalized("NFC", text)


def test_detection_declines_non_vietnamese():
    assert detect_legacy("Ça coûte très cher à Zürich".encode("latin-1")) is None
    assert detect_legacy(b"\x81\x8d\x8f\x90\x9d") is None
    assert detect_legacy("Chỉ thị của Ủy ban".encode()[:-1] + b"\xff") is None  # broken UTF-8


def test_tables_are_loaded_once():
    assert legacy._tables() is legacy._tables()
