"""The benchmark script runs in quick mode, so it cannot rot (figures are not asserted: not a timed test)."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT, needs_shared


@needs_shared
def test_benchmark_quick_mode_runs(tmp_path):
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    res = bench.main(["--quick", "--json", str(tmp_path / "out.json")])
    assert res["documents"] == 6
    assert set(res) >= {"analyze_vs_word_tokenize", "extract_references", "analyze_many", "memory"}
    assert (tmp_path / "out.json").is_file()
