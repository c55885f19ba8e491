"""Turn the caller's input (str, bytes or a path) into text.

Supported: UTF-8 with or without BOM, UTF-16 with BOM, and bytes that are not UTF-8 but read as one of
the legacy Vietnamese 8-bit encodings detected by :mod:`vn_directives.legacy` (Windows-1258 "cp1258",
TCVN3/ABC "tcvn3", VNI-Windows "vni", VISCII "viscii"; the text comes back NFC). ``encoding=`` skips
detection and accepts those four names as well as any Python codec name. Other bytes raise
:class:`InputError`.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded input: the text, where it came from and the encoding that was used."""

    text: str
    source: str | None
    encoding: str


def _decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    if encoding is not None:
        from .legacy import canonical_name, decode_legacy

        try:
            if (legacy := canonical_name(encoding)) is not None:
                return decode_legacy(data, legacy), legacy
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: has a UTF-8 BOM but invalid UTF-8 at byte {exc.start}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: has a UTF-16 BOM but invalid UTF-16 at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        from .legacy import detect_legacy

        found = detect_legacy(data)
        if found is not None:
            return found
        raise InputError(
            f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}) "
            "and not a supported legacy Vietnamese encoding; pass encoding= to choose one"
        ) from None


def decode(obj: str | bytes | bytearray | os.PathLike | Path, *, source: str | None = None,
           encoding: str | None = None) -> Decoded:
    """Decode ``obj`` to text. A ``str`` is returned unchanged; a path is read as bytes."""
    if isinstance(obj, str):
        return Decoded(obj, source, "str")
    if isinstance(obj, (bytes, bytearray, memoryview)):
        name = source or "<bytes>"
        text, enc = _decode_bytes(bytes(obj), name, encoding)
        return Decoded(text, source, enc)
    if isinstance(obj, os.PathLike):
        path = Path(obj)
        name = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a document")
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size} bytes is larger than the {MAX_BYTES} byte limit")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
        text, enc = _decode_bytes(data, name, encoding)
        return Decoded(text, source or name, enc)
    raise InputError(
        f"expected str, bytes or a path, got {type(obj).__name__}"
    )
