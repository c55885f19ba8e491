"""Every entry of the data tables carries examples, and each example parses to that entry."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from vn_directives.references import parse_symbol


def _load(name):
    return json.loads(resources.files("vn_directives.data").joinpath(name).read_text("utf-8"))


TYPES = _load("doc_types.json")["types"]
ISSUERS = _load("issuers.json")["issuers"]


@pytest.mark.parametrize("entry", TYPES, ids=[t["name"] for t in TYPES])
def test_doc_type_examples(entry):
    assert entry["source"]
    for ex in entry["examples"]:
        s = parse_symbol(ex)
        if entry["name"] == "Công văn" and s.type_code is None:
            continue
        codes = entry["party_codes"] if s.family == "party" else entry["state_codes"]
        if not codes:  # Luật, Bộ luật, Pháp lệnh: no type code, the issuer is the legislature
            assert s.type_code is None and s.doc_type in {"Luật", "Pháp lệnh"}
            continue
        assert s.type_code in codes, (ex, s)
        assert s.doc_type == entry["name"], (ex, s)


@pytest.mark.parametrize("entry", ISSUERS, ids=[i["code"] for i in ISSUERS])
def test_issuer_examples(entry):
    assert entry["examples"] and entry["name"] and entry["source"]
    for ex in entry["examples"]:
        code = parse_symbol(ex).issuer_code
        assert code == entry["code"] or code.rstrip("0123456789") == entry["code"], (ex, code)


def test_codes_are_unique_per_family():
    for fam in ("state_codes", "party_codes"):
        seen = {}
        for t in TYPES:
            for c in t[fam]:
                assert c.upper() not in seen, (c, t["name"], seen.get(c.upper()))
                seen[c.upper()] = t["name"]


BODIES = _load("bodies.json")["bodies"]


@pytest.mark.parametrize("entry", BODIES, ids=[b["name"][:40] for b in BODIES])
def test_body_examples(entry):
    from vn_directives.references.scan import _read_issuer

    assert entry["examples"]
    for ex in entry["examples"]:
        issuer, end = _read_issuer(ex, 0)
        assert issuer == entry["name"] and ex[end - len(entry["name"]):end] == entry["name"]
