"""Shared fixtures: the shared corpus beside the checkout (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "corpus" / "samples"
SEED = SHARED / "seed" / "ct-103-btttt-2021.txt"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/corpus is not beside this checkout"
)


def read_raw(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the seed directive ../shared/corpus/seed/ct-103-btttt-2021.txt is absent")
    return read_raw(SEED)


@pytest.fixture(scope="session")
def seed_doc(seed_text):
    import vn_directives as vd

    return vd.analyze(seed_text)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return read_raw(SAMPLES / "ct-sample-chuyen-doi-so.txt")


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    import vn_directives as vd

    return vd.analyze(sample_text)


def corpus_doc(name: str) -> str:
    path = SHARED / "docs" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return read_raw(path)
