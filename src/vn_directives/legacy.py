"""Legacy Vietnamese 8-bit encodings.

Only Windows-1258 is decoded for now (through Python's codec); TCVN3 and VNI tables are not yet
shipped, so such bytes are reported as undecodable rather than guessed.
"""

from __future__ import annotations

import unicodedata


def _plausible_vietnamese(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    if letters == 0:
        return False
    odd = sum(1 for ch in text if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t")
    return odd == 0


def detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Return (NFC text, encoding name) if ``data`` reads as a supported legacy encoding."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if not _plausible_vietnamese(text):
        return None
    return unicodedata.normalize("NFC", text), "cp1258"
