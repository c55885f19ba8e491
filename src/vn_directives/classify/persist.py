"""Save and load models with skops (no pickle): only known, trusted types are loaded."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ModelError

# Every type a shipped model may contain; anything else makes loading fail.
TRUSTED = frozenset({
    "vn_directives.classify.features.ItemFeatures",
    "vn_directives.classify.baseline.KeywordClassifier",
    "sklearn.pipeline.Pipeline",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.frozen._frozen.FrozenEstimator",
    "numpy.float64", "numpy.int64", "numpy.int32", "numpy.dtype", "numpy.ndarray", "numpy.str_",
    "builtins.slice", "scipy.sparse._csr.csr_matrix",
})


def save(model: Any, path: str | Path) -> None:
    """Write ``model`` to ``path`` in the skops format."""
    import zipfile

    import skops.io as sio

    sio.dump(model, str(path), compression=zipfile.ZIP_DEFLATED, compresslevel=9)


def load(path: str | Path, trusted: frozenset[str] = TRUSTED) -> Any:
    """Load a skops file, refusing any type outside ``trusted``."""
    import skops.io as sio

    path = Path(path)
    if not path.is_file():
        raise ModelError(f"no model file at {path}")
    try:
        untrusted = set(sio.get_untrusted_types(file=str(path)))
    except Exception as exc:  # a damaged or foreign file
        raise ModelError(f"{path}: not a readable skops model ({exc})") from None
    unknown = sorted(t for t in untrusted if t not in trusted)
    if unknown:
        raise ModelError(f"{path}: refusing untrusted types {unknown}")
    return sio.load(str(path), trusted=sorted(untrusted))


MODEL_DIR = "models"


@lru_cache(maxsize=1)
def shipped() -> Any:
    """The shipped :class:`ItemClassifier` (loaded once), or None if the package has no models."""
    from .model import ItemClassifier

    base = resources.files("vn_directives").joinpath(MODEL_DIR)
    card_file = base.joinpath("card.json")
    if not card_file.is_file():
        return None
    card = json.loads(card_file.read_text("utf-8"))
    with resources.as_file(base) as folder:
        kind = load(Path(folder) / card["kind"]["file"])
        sector = load(Path(folder) / card["sector"]["file"])
    return ItemClassifier(kind=kind, sector=sector)
