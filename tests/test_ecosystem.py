"""spaCy components, the citation graph, Dask batch runs, Parquet output."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import vn_directives as vd
from vn_directives.cli import app

from .conftest import SAMPLES, SHARED, needs_shared

SAMPLE = SAMPLES / "ct-sample-chuyen-doi-so.txt"


@pytest.mark.parametrize("config", [
    "{'nlp': {'tokenizer': {'@tokenizers': 'vnd.Tokenizer.v1'}}}",  # the library's tokenizer
    "{}",  # spaCy's own Vietnamese tokenizer (needs pyvi, as spaCy does)
])
def test_spacy_entry_points_without_importing_the_library(config):
    if config == "{}":
        pytest.importorskip("pyvi", reason="spacy.blank('vi') needs pyvi")
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.blank('vi', config={config})\n"
        "nlp.add_pipe('vnd_references')\n"
        "assert 'vn_directives.spacy_glue' in sys.modules\n"
        "text = '**Căn cứ** Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị;'\n"
        "doc = nlp(text)\n"
        "assert doc.text == text\n"
        "print([(s.label_, s._.reference.symbol) for s in doc.spans['vnd_references']])\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "('Chỉ thị', '34-CT/TW')" in res.stdout


def test_load_spacy_items_and_references():
    spacy = pytest.importorskip("spacy")
    nlp = vd.load_spacy()
    text = SAMPLE.read_text(encoding="utf-8")
    doc = nlp(text)
    assert doc.text == text
    assert "34-CT/TW" not in [t.text for t in doc]  # not in the sample; symbols are single tokens:
    assert any(t.text == "57-NQ/TW" for t in doc)
    items = doc.spans["vnd_items"]
    assert len(items) == len(vd.analyze(text).items)
    assert {s._.kind for s in items} <= {"heading", "task", "target", "context"}
    assert len(list(doc.sents)) >= len(items) - 2
    refs = doc.spans["vnd_references"]
    assert [s._.reference.symbol for s in refs][:2] == ["12/CT-UBND", "57-NQ/TW"]
    assert [s._.reference for s in refs] == doc.user_data["vnd_document"].references  # one analysis
    html = spacy.displacy.render(doc, style="ent", page=False)
    assert "57-NQ/TW" in html and "Nghị quyết" in html


def test_citation_graph():
    a = vd.analyze("Số: 01/CT-UBND\nCHỈ THỊ\nThực hiện Quyết định số 942/QĐ-TTg ngày 15/6/2021. "
                   "Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021.")
    b = vd.analyze("Số: 02/KH-UBND\nKẾ HOẠCH\nThực hiện Chỉ thị số 01/CT-UBND và Quyết định số "
                   "942/QĐ-TTg ngày 15/6/2021.")
    g = vd.citation_graph([a, b])
    qd = "Quyết định|942/QĐ-TTg|2021-06-15"
    assert g.nodes[qd]["kind"] == "instrument"
    assert g.edges[a.meta.key, qd]["count"] == 2
    assert g.edges[b.meta.key, qd]["relation"] == "implements"
    assert g.in_degree(qd) == 2


def test_parquet_equals_jsonl(tmp_path):
    runner = CliRunner()
    pq = tmp_path / "items.parquet"
    assert runner.invoke(app, ["analyze", str(SAMPLE), "-f", "parquet", "-o", str(pq)]).exit_code == 0
    res = runner.invoke(app, ["analyze", str(SAMPLE), "-f", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    df = pd.read_parquet(pq)
    assert len(df) == len(rows)
    assert list(df["text"]) == [r["text"] for r in rows]
    assert list(df["start"]) == [r["start"] for r in rows]


@needs_shared
@pytest.mark.slow
def test_dask_equals_single_process(tmp_path):
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    import vn_directives.dask as vdd

    paths = sorted((SHARED / "docs").glob("cd-2*.txt"))[:4]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        frames = vdd.to_frames(paths, tables=("items", "references"))
        got_items = frames["items"].compute()
        got_refs = frames["references"].compute()
        written = vdd.to_parquet(paths, tmp_path, tables=("references",))
    docs = list(vd.analyze_many(paths))
    want_items = vd.to_dataframe(docs, "items")
    want_refs = vd.to_dataframe(docs, "references")
    key = ["doc", "start", "end"]
    cols = key + ["kind", "sector", "section"]
    def values(df):  # dask may hold strings as pyarrow strings (missing = <NA>): compare values
        df = df.sort_values(key)[cols].reset_index(drop=True).astype(object)
        return df.where(df.notna(), None)

    pd.testing.assert_frame_equal(values(got_items), values(want_items))
    assert sorted(got_refs["symbol"].dropna()) == sorted(want_refs["symbol"].dropna())
    assert len(pd.read_parquet(written[0])) == len(want_refs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120) | st.sampled_from(["**Căn cứ** Chỉ thị số 34\\-CT/TW;", "|\n|\n", "x\x00y", ""]))
def test_spacy_tokenizer_is_lossless(text):
    doc = _NLP.make_doc(text)
    assert doc.text == text
    assert all(t.text.strip() for t in doc if not t.is_space)


_NLP = vd.load_spacy(components=())
