"""Parse one number/symbol into its parts, with the data tables of type and issuer codes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import SymbolError
from .regexes import SYMBOL_RE


@dataclass(frozen=True, slots=True)
class Symbol:
    """The parts of a number/symbol: ``30/2020/NĐ-CP`` → 30, 2020, NĐ, CP (family ``state``)."""

    symbol: str
    number: int
    year: int | None
    type_code: str | None
    issuer_code: str | None
    family: str  # state | party
    doc_type: str | None  # the type its code implies, Công văn when it has none


@cache
def data_table(name: str) -> dict:
    """A JSON table of ``vn_directives/data``, read once."""
    return json.loads(resources.files("vn_directives.data").joinpath(name).read_text("utf-8"))


def names_alternation(names: Iterable[str]) -> str:
    """A regex alternation of names, longest first, a space in a name matching one or more spaces."""
    return "|".join(re.escape(n).replace(r"\ ", "[ ]+") for n in sorted(set(names), key=len, reverse=True))


@cache
def _codes() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Upper-case code → (canonical code, type name), for state and for Party symbols."""
    state: dict[str, tuple[str, str]] = {}
    party: dict[str, tuple[str, str]] = {}
    for t in data_table("doc_types.json")["types"]:
        for c in t["state_codes"]:
            state.setdefault(c.upper(), (c, t["name"]))
        for c in t["party_codes"]:
            party.setdefault(c.upper(), (c, t["name"]))
    return state, party


@cache
def issuer_codes() -> dict[str, str]:
    """Issuer code → issuer name (from ``data/issuers.json``)."""
    return {i["code"]: i["name"] for i in data_table("issuers.json")["issuers"]}


def type_names() -> list[str]:
    return [t["name"] for t in data_table("doc_types.json")["types"]]


# ASCII-folded codes written without Đ
_ASCII_FOLD = {
    "ND": "NĐ", "QD": "QĐ", "QDI": "QĐi", "HDND": "HĐND", "BGDDT": "BGDĐT", "BKHDT": "BKHĐT",
    "BLDTBXH": "BLĐTBXH", "HDTP": "HĐTP", "HDBCQG": "HĐBCQG", "QYD": "QyĐ", "DA": "DA",
}


def canonical_type_code(code: str, family: str) -> tuple[str, str] | None:
    """(canonical code, type name) for a type code as written, or None if it is not one."""
    state, party = _codes()
    key = code.upper()
    key = _ASCII_FOLD.get(key, key).upper()
    table = party if family == "party" else state
    return table.get(key)


def _canon_issuer(code: str) -> str:
    parts = []
    for p in code.split("-"):
        up = p.upper()
        parts.append(_ASCII_FOLD.get(up, p) if up in _ASCII_FOLD and up not in {"DA"} else p)
    return "-".join(parts)


def _split_glued(code: str) -> list[str] | None:
    """"NĐCP" → ["NĐ", "CP"], "TTBYT" → ["TT", "BYT"]: a type code glued to a known issuer code."""
    issuers = issuer_codes()
    for cut in range(len(code) - 1, 0, -1):
        head, tail = code[:cut], code[cut:]
        if canonical_type_code(head, "state") and (tail in issuers or tail.rstrip("0123456789") in issuers):
            return [head, tail]
    return None


_LEGISLATURE = re.compile(r"(?:QH|UBTVQH)\d{1,2}")


def symbol_from_match(m: re.Match[str]) -> Symbol:
    """Build a :class:`Symbol` from a match of ``SYMBOL_RE`` (no validation beyond the grammar)."""
    num = m["num"]
    if m["p_type"] is not None:
        ptype, rest = m["p_type"], m["p_rest"].replace(" ", "")  # only "[ ]" may stand inside
        found = canonical_type_code(ptype, "party")
        tcode, tname = found if found else (ptype, None)
        issuer = _canon_issuer(rest)
        return Symbol(f"{num}-{tcode}/{issuer}", int(num), None, tcode, issuer, "party",
                      tname or "Văn bản")
    if m["f_year"] is not None:
        year, rest = m["f_year"], m["f_rest"]
        tcode, _, issuer = rest.partition("-")
        found = canonical_type_code(tcode, "state")
        tcode, tname = found if found else (tcode, None)
        issuer = _canon_issuer(issuer)
        return Symbol(f"{num}/{year}/{tcode}-{issuer}", int(num), int(year), tcode, issuer, "state",
                      tname or "Văn bản")
    num_raw = num + m["s_part"]  # the number as written: "12", "12a", "12.1"
    year = m["s_year"]
    rest = m["s_rest"].replace(" ", "")
    parts = rest.split("-")
    if len(parts) == 1 and not (year and _LEGISLATURE.fullmatch(rest)):
        parts = _split_glued(rest) or parts  # "NĐCP" written without its hyphen
    found = canonical_type_code(parts[0], "state") if len(parts) > 1 else None
    if found:
        tcode, tname = found
        issuer = _canon_issuer("-".join(parts[1:]))
    else:
        tcode, tname = None, None
        issuer = _canon_issuer(rest)
        if year and _LEGISLATURE.fullmatch(issuer):
            tname = "Luật" if issuer.startswith("QH") else "Pháp lệnh"
        else:
            tname = "Công văn"
    prefix = f"{num_raw}/{year}/" if year else f"{num_raw}/"
    symbol = prefix + (f"{tcode}-{issuer}" if tcode else issuer)
    return Symbol(symbol, int(num), int(year) if year else None, tcode, issuer, "state", tname)


def parse_symbol(text: str) -> Symbol:
    """Parse exactly one number/symbol; raise :class:`SymbolError` if ``text`` is not one.

    >>> parse_symbol("30/2020/NĐ-CP").type_code
    'NĐ'
    """
    if not isinstance(text, str):
        raise SymbolError(f"expected a str, got {type(text).__name__}")
    from ..normalize import normalize

    s = normalize(text.strip()).text.strip().rstrip(".")
    if len(s) > 80:
        raise SymbolError(f"too long to be a symbol: {s[:40]!r}...")
    m = SYMBOL_RE.fullmatch(s)
    if not m:
        raise SymbolError(f"not a document number/symbol: {text!r}")
    return symbol_from_match(m)
