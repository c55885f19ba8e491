"""The item classifiers: scikit-learn pipelines, and the object ``analyze`` uses to apply them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from ..errors import VnDirectivesError
from ..records import Item
from .baseline import KeywordClassifier
from .features import ItemFeatures, records_of

MODEL_NAMES = ("keywords", "logreg", "svm")


def make_model(name: str = "logreg", target: str = "kind", seed: int = 0, **feature_params: Any):
    """A fresh, unfitted estimator: ``keywords`` (baseline), ``logreg`` or ``svm`` (calibrated)."""
    if name == "keywords":
        return KeywordClassifier(target=target)
    if name == "logreg":
        clf = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced", random_state=seed)
    elif name == "svm":
        clf = CalibratedClassifierCV(LinearSVC(C=0.5, class_weight="balanced", random_state=seed),
                                     cv=3, ensemble=False)
    else:
        raise VnDirectivesError(f"unknown model {name!r}; choose one of {', '.join(MODEL_NAMES)}")
    return Pipeline([("features", ItemFeatures(**feature_params)), ("clf", clf)])


def train_classifier(items: Sequence[Item] | Sequence[dict], labels: Sequence[str], *,
                     model: str = "logreg", target: str = "kind", seed: int = 0, **feature_params: Any):
    """Fit a classifier on your own items (or item records) and labels, any label set.

    >>> clf = train_classifier(items, kinds)                       # doctest: +SKIP
    >>> vd.analyze(text, classifier=ItemClassifier(kind=clf))      # doctest: +SKIP
    """
    if len(items) != len(labels):
        raise VnDirectivesError(f"{len(items)} items but {len(labels)} labels")
    if len(set(labels)) < 2:
        raise VnDirectivesError("training needs at least two different labels")
    X = records_of(items) if items and isinstance(items[0], Item) else list(items)
    return make_model(model, target=target, seed=seed, **feature_params).fit(X, list(labels))


@dataclass(frozen=True)
class ItemClassifier:
    """A kind model and a sector model (either may be None) applied to a document's items."""

    kind: Any = None
    sector: Any = None

    @staticmethod
    def _apply(model, X):
        if model is None or not X:
            return [None] * len(X), [None] * len(X)
        proba = model.predict_proba(X)
        classes = model.classes_
        best = np.argmax(proba, axis=1)
        return [str(classes[i]) for i in best], [float(proba[r, i]) for r, i in enumerate(best)]

    def classify(self, items: list[Item]) -> list[Item]:
        """The items with ``kind``/``sector`` and their scores filled in."""
        X = records_of(items)
        kinds, kscores = self._apply(self.kind, X)
        sectors, sscores = self._apply(self.sector, X)
        return [replace(it, kind=k, kind_score=ks, sector=s, sector_score=ss)
                for it, k, ks, s, ss in zip(items, kinds, kscores, sectors, sscores)]
