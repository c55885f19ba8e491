"""The notebooks run headless (nbclient) and show what they promise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import SHARED

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(name: str, env: dict[str, str] | None = None) -> str:
    """Execute a notebook in its folder; return all its text output."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.output_type != "error", f"{name}: {o.get('ename')}: {o.get('evalue')}"
            out.append(o.get("text", ""))
            for mime, value in o.get("data", {}).items():
                out.append(mime if mime.startswith("image/") else str(value))
    return "\n".join(out)


@pytest.mark.slow
def test_quickstart():
    out = run("quickstart.ipynb")
    assert "Chỉ thị 12/CT-UBND 2026-03-15" in out
    assert "57-NQ/TW" in out  # the references table and the displaCy view
    assert out.count("image/png") == 1  # the chart of tasks by sector
    assert "digital_government" in out


@pytest.mark.slow
def test_corpus_analysis_without_corpus(tmp_path):
    out = run("corpus_analysis.ipynb", {"VN_DIRECTIVES_CORPUS": str(tmp_path)})
    assert "SKIPPED: no corpus" in out


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "docs").is_dir(), reason="../shared/corpus is not beside the checkout")
def test_corpus_analysis():
    out = run("corpus_analysis.ipynb", {"VN_DIRECTIVES_CORPUS": str(SHARED / "docs")})
    assert "240 documents analyzed" in out or "documents analyzed" in out
    assert "most cited:" in out and "Luật|72/2025/QH15" in out
    assert "citation graph:" in out and "pursuant_to" in out
    assert "targets" in out and out.count("image/png") == 2  # the graph and the targets chart
