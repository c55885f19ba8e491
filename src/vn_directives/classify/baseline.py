"""A keyword baseline for kind and sector: what the learned models must beat."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from .features import cues


@lru_cache(maxsize=1)
def sector_lexicon() -> dict[str, list[str]]:
    """Sector code → keywords, from ``data/sectors.json``."""
    data = json.loads(resources.files("vn_directives.data").joinpath("sectors.json").read_text("utf-8"))
    return {s["code"]: s["keywords"] for s in data["sectors"]}


@lru_cache(maxsize=1)
def _keyword_index() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    owners: dict[str, list[str]] = {}
    for code, words in sector_lexicon().items():
        for w in words:
            owners.setdefault(w, []).append(code)
    alternation = "|".join(re.escape(w) for w in sorted(owners, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), owners


def keyword_scores(text: str) -> dict[str, float]:
    """Sector code → how much of its vocabulary the text contains (characters of distinct keywords)."""
    pattern, owners = _keyword_index()
    out: dict[str, float] = {}
    for w in set(pattern.findall(text.lower())):
        for code in owners[w]:
            out[code] = out.get(code, 0.0) + len(w)
    return out


def keyword_sector(text: str, section: str = "") -> str:
    """The sector whose keywords occur most in the item (the section breaks ties), else general."""
    scores = keyword_scores(text)
    for code, v in keyword_scores(section).items():
        scores[code] = scores.get(code, 0.0) + 0.5 * v
    best, score = "general", 0.0
    for code in sector_lexicon():
        if scores.get(code, 0.0) > score:
            best, score = code, scores[code]
    return best


def keyword_kind(rec: dict) -> str:
    """heading / target / task / context from markers and cue words."""
    c = cues(rec)
    if rec.get("is_heading") or (c["upper"] and c["len"] in {"0", "1", "2"}):
        return "heading"
    if c["context_start"] or c["ends"] == ":" or rec.get("part") in {"header", "closing"}:
        return "context"
    if c["target_cue"] and (c["digit"] or "phấn đấu" in rec.get("text", "").lower()):
        return "target"
    if c["task_start"] or c["assign"]:
        return "task"
    return "context"


class KeywordClassifier(ClassifierMixin, BaseEstimator):
    """Rules over cue words; ``target`` is ``"kind"`` or ``"sector"``. ``fit`` only records labels."""

    def __init__(self, target: str = "kind"):
        self.target = target

    def fit(self, X: Sequence[dict], y: Sequence[str]) -> KeywordClassifier:
        if self.target not in {"kind", "sector"}:
            raise ValueError(f"target must be 'kind' or 'sector', not {self.target!r}")
        self.classes_ = np.array(sorted(set(y)))
        return self

    def predict(self, X: Sequence[dict]) -> np.ndarray:
        check_is_fitted(self, "classes_")
        if self.target == "kind":
            return np.array([keyword_kind(r) for r in X])
        return np.array([keyword_sector(r.get("text", ""), r.get("section", "")) for r in X])

    def predict_proba(self, X: Sequence[dict]) -> np.ndarray:
        pred = self.predict(X)
        out = np.zeros((len(pred), len(self.classes_)))
        index = {c: i for i, c in enumerate(self.classes_)}
        for row, p in enumerate(pred):
            if p in index:
                out[row, index[p]] = 1.0
        return out


