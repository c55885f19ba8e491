"""The command line: formats, tables, inputs, exit codes."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from vn_directives.cli import app

from .conftest import SAMPLES

runner = CliRunner()
SAMPLE = str(SAMPLES / "ct-sample-chuyen-doi-so.txt")


def test_analyze_jsonl_items():
    res = runner.invoke(app, ["analyze", SAMPLE])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and rows[0]["doc"].endswith("ct-sample-chuyen-doi-so.txt")
    assert any(r["text"].startswith("II. NHIỆM VỤ") for r in rows)


def test_analyze_references_csv_and_parquet(tmp_path):
    out = tmp_path / "refs.csv"
    assert runner.invoke(app, ["analyze", SAMPLE, "--table", "references", "--format", "csv",
                               "--output", str(out)]).exit_code == 0
    csv = pd.read_csv(out)
    pq = tmp_path / "refs.parquet"
    assert runner.invoke(app, ["analyze", SAMPLE, "-t", "references", "-f", "parquet",
                               "-o", str(pq)]).exit_code == 0
    par = pd.read_parquet(pq)
    assert list(csv["symbol"].fillna("")) == list(par["symbol"].fillna(""))
    assert "57-NQ/TW" in set(par["symbol"])


def test_analyze_directory_and_all_table(tmp_path):
    res = runner.invoke(app, ["analyze", str(SAMPLES), "--table", "all", "--format", "json"])
    assert res.exit_code == 0, res.output
    docs = json.loads(res.stdout)
    assert len(docs) == 2 and all("text" not in d for d in docs)


def test_refuses_to_overwrite_input(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Số: 01/CT-UBND", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(p), "--output", str(p)])
    assert res.exit_code == 2
    assert p.read_text(encoding="utf-8") == "Số: 01/CT-UBND"


def test_missing_input_is_usage_error():
    res = runner.invoke(app, ["analyze", "/no/such/file.txt"])
    assert res.exit_code == 2


def test_unreadable_file_exit_code(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90")
    res = runner.invoke(app, ["analyze", str(bad)])
    assert res.exit_code == 2


def test_refs_command():
    res = runner.invoke(app, ["refs", SAMPLE])
    assert res.exit_code == 0 and "57-NQ/TW" in res.stdout


@pytest.mark.parametrize("table", ["documents", "items", "references", "tasks", "targets"])
def test_every_table_as_parquet_from_a_glob(tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    res = runner.invoke(app, ["analyze", str(SAMPLES / "ct-sample-*.txt"), "-t", table, "-f", "parquet",
                              "-o", str(out)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    jsonl = runner.invoke(app, ["analyze", str(SAMPLES / "ct-sample-*.txt"), "-t", table]).stdout
    assert len(df) == len(jsonl.splitlines()) > 0
    assert df["doc"].nunique() == 2  # the sample and its hard-wrapped twin
    assert not list(tmp_path.glob(".vnd-*"))  # the atomic write left no temporary file


def test_help_documents_exit_codes():
    res = runner.invoke(app, ["--help"])
    assert "Exit codes" in res.stdout


def test_encoding_option_reaches_the_decoder(tmp_path):
    from .test_legacy import encode

    data, _ = encode("Số: 01/CT-UBND\nCHỈ THỊ\nVề việc tăng cường quản lý nhà nước\n", "vni")
    p = tmp_path / "vni.txt"
    p.write_bytes(data)
    ok = runner.invoke(app, ["analyze", str(p), "-t", "documents", "--encoding", "vni"])
    assert ok.exit_code == 0, ok.output
    row = json.loads(ok.stdout)
    assert row["symbol"] == "01/CT-UBND" and row["doc_type"] == "Chỉ thị"
    bad = runner.invoke(app, ["analyze", str(p), "-t", "documents", "--encoding", "ascii"])
    assert bad.exit_code == 2 and "ascii" in bad.output
