"""Reading str, bytes and files; clear errors for what cannot be read."""

from __future__ import annotations

import codecs

import pytest

import vn_directives as vd
from vn_directives.decode import decode

TEXT = "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),                                   # plain UTF-8
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),             # UTF-8 with BOM
    (TEXT.encode("utf-16"), "utf-16"),                                 # UTF-16 with BOM
])
def test_decode_bytes(data, encoding):
    dec = decode(data)
    assert dec.text == TEXT
    assert dec.encoding == encoding


def test_decode_str_is_unchanged():
    assert decode(TEXT).text is TEXT


def test_decode_path(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    dec = decode(p)
    assert dec.text == TEXT and dec.source == str(p)


@pytest.mark.parametrize("bad", [
    b"\xff\xfe\xff" + b"\x00\xd8",        # a UTF-16 BOM, then a lone surrogate
    b"\x81\x8d\x8f\x90\x9d",              # bytes no supported encoding maps
])
def test_decode_bad_bytes_raise_input_error(bad):
    with pytest.raises(vd.InputError):
        decode(bad)


def test_missing_file_names_the_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(vd.InputError, match="nope.txt"):
        vd.analyze(missing)


def test_wrong_type_is_input_error():
    with pytest.raises(vd.InputError):
        vd.analyze(12345)  # type: ignore[arg-type]


def test_directory_is_input_error(tmp_path):
    with pytest.raises(vd.InputError, match="directory"):
        vd.analyze(tmp_path)
