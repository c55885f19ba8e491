"""Train and evaluate the item classifiers from ``corpus/annotations/items`` (fixed seed, fixed split).

Annotations point into the shared texts by offsets; the current segmenter's items get the label of
the annotated item they overlap most, so the models always learn on the items ``analyze`` produces.
"""

from __future__ import annotations

import json
import platform
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from ..evaluate import annotated_docs, project_root
from .features import records_of
from .labels import KINDS, SECTORS
from .model import make_model
from .persist import save

SEED = 20261128
MIN_EXAMPLES = 6


@dataclass
class Example:
    doc: str
    split: str
    record: dict
    kind: str
    sector: str


def aligned_examples(split: str = "all", corpus: Path | None = None) -> list[Example]:
    """Current items of every annotated document with the labels of the annotations they overlap."""
    from ..evaluate import load_splits
    from ..normalize import normalize
    from ..segment import segment

    splits = load_splits()
    out: list[Example] = []
    for name, raw, recs in annotated_docs("items", split, corpus):
        items = segment(normalize(raw))
        records = records_of(items)
        recs = sorted(recs, key=lambda r: r["start"])
        starts = [r["start"] for r in recs]
        import bisect

        for item, rec in zip(items, records):
            if item.duplicate_of is not None:
                continue
            k = max(0, bisect.bisect_right(starts, item.start) - 1)
            best, overlap = None, 0
            for r in recs[max(0, k - 2):k + 6]:
                ov = min(item.end, r["end"]) - max(item.start, r["start"])
                if ov > overlap:
                    best, overlap = r, ov
            if best is None:
                continue
            rec["doc"] = name
            out.append(Example(name, splits.get(name, "train"), rec, best["kind"], best["sector"]))
    return out


def _scores(y_true, y_pred, labels) -> dict:
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    present = [i for i, n in enumerate(s) if n > 0]
    return {
        "macro_f1": float(np.mean([f[i] for i in present])) if present else 0.0,
        "accuracy": float(np.mean(np.array(y_true) == np.array(y_pred))) if len(y_true) else 0.0,
        "per_class": {labels[i]: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                                  "support": int(s[i])} for i in range(len(labels))},
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "labels": list(labels),
    }


ABLATIONS = {
    "all features": {},
    "no character n-grams": {"char_ngrams": None},
    "no cues": {"use_cues": False},
    "no section words": {"use_section": False},
    "words only": {"char_ngrams": None, "use_cues": False, "use_section": False},
}


def run(out_models: Path | None = None, report_dir: Path | None = None, quick: bool = False,
        corpus: Path | None = None) -> dict:
    """Train, compare and save; return the metrics. ``quick`` skips the ablations and the SVM."""
    root = project_root()
    out_models = out_models or root / "src" / "vn_directives" / "models"
    report_dir = report_dir or root / "models"
    examples = aligned_examples("all", corpus)
    by = {s: [e for e in examples if e.split == s] for s in ("train", "dev", "test")}
    results: dict = {"counts": {s: len(v) for s, v in by.items()}, "targets": {}}
    final = {}
    for target, labels in (("kind", list(KINDS)), ("sector", list(SECTORS))):
        # a class needs a few examples to be learned (and calibrated): rarer ones are left out of training
        counts = Counter(getattr(e, target) for e in by["train"] + by["dev"])
        learnable = {c for c, n in counts.items() if n >= MIN_EXAMPLES}
        train = [e for e in by["train"] if getattr(e, target) in learnable]
        dev = [e for e in by["dev"] if getattr(e, target) in learnable]
        ytr = [getattr(e, target) for e in train]
        ydv = [getattr(e, target) for e in dev]
        yte = [getattr(e, target) for e in by["test"]]
        Xtr = [e.record for e in train]
        Xdv = [e.record for e in dev]
        Xte = [e.record for e in by["test"]]
        res: dict = {"models": {}, "ablations": {}, "distribution": dict(Counter(ytr + ydv + yte)),
                     "left_out": sorted(set(counts) - learnable)}
        names = ("keywords", "logreg") if quick else ("keywords", "logreg", "svm")
        groups = [e.doc for e in train + dev]
        for name in names:
            dev_pred = make_model(name, target, SEED).fit(Xtr, ytr).predict(Xdv)
            full = make_model(name, target, SEED).fit(Xtr + Xdv, ytr + ydv)
            res["models"][name] = {"dev": _scores(ydv, dev_pred, labels),
                                   "test": _scores(yte, full.predict(Xte), labels)}
            if not quick:
                res["models"][name]["cv_macro_f1"] = _grouped_cv(name, target, Xtr + Xdv, ytr + ydv, groups)
            if name != "keywords":
                final.setdefault(target, {})[name] = full
        if not quick:
            for label, params in ABLATIONS.items():
                pred = make_model("logreg", target, SEED, **params).fit(Xtr, ytr).predict(Xdv)
                res["ablations"][label] = f1_score(ydv, pred, labels=sorted(set(ydv)), average="macro",
                                                   zero_division=0)
        # chosen by 5-fold cross-validation over train+dev grouped by document (dev alone is small and
        # lacks several sectors); quick runs fall back to dev
        crit = "cv_macro_f1" if not quick else None
        best = max((n for n in names if n != "keywords"),
                   key=lambda n: res["models"][n][crit] if crit else res["models"][n]["dev"]["macro_f1"])
        res["chosen"] = best
        results["targets"][target] = res
    _save(final, results, out_models)
    _report(results, report_dir)
    return results


def _grouped_cv(name: str, target: str, X: list[dict], y: list[str], groups: list[str],
                folds: int = 5) -> float:
    """Macro-F1 of out-of-fold predictions, folds made of whole documents."""
    from sklearn.model_selection import GroupKFold

    pred = [""] * len(y)
    for tr, te in GroupKFold(n_splits=folds).split(X, y, groups):
        counts = Counter(y[i] for i in tr)
        tr = [i for i in tr if counts[y[i]] >= 3]  # the calibrated SVM needs 3 examples per class
        model = make_model(name, target, SEED).fit([X[i] for i in tr], [y[i] for i in tr])
        for i, p in zip(te, model.predict([X[i] for i in te])):
            pred[i] = p
    return float(f1_score(y, pred, labels=sorted(set(y)), average="macro", zero_division=0))


def _save(final: dict, results: dict, out_models: Path) -> None:
    import sklearn

    from .. import __version__

    out_models.mkdir(parents=True, exist_ok=True)
    card = {"library": __version__, "scikit-learn": sklearn.__version__, "python": platform.python_version(),
            "seed": SEED, "counts": results["counts"]}
    for target in ("kind", "sector"):
        chosen = results["targets"][target]["chosen"]
        path = out_models / f"{target}.skops"
        save(final[target][chosen], path)
        card[target] = {
            "file": path.name, "model": chosen,
            "labels": [str(c) for c in final[target][chosen].classes_],
            "test_macro_f1": results["targets"][target]["models"][chosen]["test"]["macro_f1"],
        }
    (out_models / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", "utf-8")


def _table(scores: dict) -> list[str]:
    lines = ["| class | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, s in scores["per_class"].items():
        if s["support"] == 0:
            continue
        lines.append(f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    return lines


def _confusion(scores: dict) -> list[str]:
    labels = scores["labels"]
    keep = [i for i, row in enumerate(scores["confusion"])
            if sum(row) or sum(r[i] for r in scores["confusion"])]
    short = [labels[i][:10] for i in keep]
    lines = ["| gold \\ predicted | " + " | ".join(short) + " |", "|---" * (len(keep) + 1) + "|"]
    for i in keep:
        row = scores["confusion"][i]
        lines.append(f"| {labels[i]} | " + " | ".join(str(row[j]) for j in keep) + " |")
    return lines


def _report(results: dict, report_dir: Path) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "metrics.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    c = results["counts"]
    out = ["# Item classifiers: report", "",
           "Made by `vn-directives train` (seed fixed) from `corpus/annotations/items` on the split of "
           "`corpus/splits.tsv` (documents grouped by issuer). Models are chosen by 5-fold cross-validation "
           "over train+dev with whole documents in each fold (CV macro-F1), then refit on train+dev and "
           "measured once on **test**, which no rule or choice looked at.", "",
           f"Items (duplicates left out): train {c['train']}, dev {c['dev']}, test {c['test']}.", ""]
    for target, res in results["targets"].items():
        out += [f"## {target}", "", "| model | CV macro-F1 | dev macro-F1 | test macro-F1 | test accuracy |",
                "|---|---:|---:|---:|---:|"]
        for name, m in res["models"].items():
            cv = f"{m['cv_macro_f1']:.3f}" if "cv_macro_f1" in m else "–"
            out.append(f"| {name} | {cv} | {m['dev']['macro_f1']:.3f} | {m['test']['macro_f1']:.3f} | "
                       f"{m['test']['accuracy']:.3f} |")
        out += ["", f"Shipped: **{res['chosen']}**.", ""]
        if res["ablations"]:
            out += ["Feature ablation (logistic regression, dev macro-F1):", "", "| features | macro-F1 |",
                    "|---|---:|"]
            out += [f"| {k} | {v:.3f} |" for k, v in res["ablations"].items()] + [""]
        for name, m in res["models"].items():
            out += [f"### {target} — {name}, test", ""] + _table(m["test"]) + [""] + _confusion(m["test"]) + [""]
    (report_dir / "REPORT.md").write_text("\n".join(out) + "\n", "utf-8")


def evaluate_shipped(split: str = "test", corpus: Path | None = None) -> dict:
    """Scores of the shipped models on ``split``."""
    from .persist import shipped

    clf = shipped()
    if clf is None:
        from ..errors import ModelError

        raise ModelError("the package has no trained models; run `vn-directives train`")
    ex = aligned_examples(split, corpus)
    X = [e.record for e in ex]
    out = {}
    for target, labels, model in (("kind", list(KINDS), clf.kind), ("sector", list(SECTORS), clf.sector)):
        out[target] = _scores([getattr(e, target) for e in ex], list(model.predict(X)), labels)
    out["items"] = len(ex)
    return out
