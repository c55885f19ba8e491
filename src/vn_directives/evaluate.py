"""Measure the library against the annotated corpus (``corpus/annotations``) on a fixed split."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import VnDirectivesError

REF_FIELDS = ("doc_type", "symbol", "number", "year", "type_code", "issuer_code", "issuer", "date",
              "title", "role")


def project_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "corpus" / "splits.tsv").is_file():
            return parent
    return Path.cwd()


def default_corpus() -> Path:
    return project_root().parent / "shared" / "corpus"


def source_path(corpus: Path, name: str) -> Path:
    """The shared file an annotation file name points to (``seed-*`` names the seed)."""
    if name.startswith("seed-"):
        return corpus / "seed" / name.removeprefix("seed-")
    return corpus / "docs" / name


def load_splits(root: Path | None = None) -> dict[str, str]:
    root = root or project_root()
    with open(root / "corpus" / "splits.tsv", encoding="utf-8") as fh:
        return {r["file"]: r["split"] for r in csv.DictReader(fh, delimiter="\t")}


def read_raw(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def annotated_docs(kind: str, split: str, corpus: Path | None = None,
                   annotations: Path | None = None) -> list[tuple[str, str, list[dict]]]:
    """(file name, raw text, records) of every annotated document in ``split`` (or ``all``)."""
    corpus = corpus or default_corpus()
    annotations = annotations or project_root() / "corpus" / "annotations"
    if not corpus.is_dir():
        raise VnDirectivesError(f"the shared corpus is not at {corpus}")
    splits = load_splits()
    out = []
    for path in sorted((annotations / kind).glob("*.jsonl")):
        name = path.stem + ".txt"
        if split != "all" and splits.get(name) != split:
            continue
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        out.append((name, read_raw(source_path(corpus, name)), recs))
    return out


def _norm(v):
    if isinstance(v, str):
        return " ".join(v.split())
    return v


def _loose(v):
    if not isinstance(v, str):
        return v
    return re.sub(r"[\W_]+", " ", v.casefold()).strip()


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class RefReport:
    split: str
    docs: int = 0
    numbered: PRF = field(default_factory=PRF)
    named: PRF = field(default_factory=PRF)
    field_right: Counter = field(default_factory=Counter)
    field_total: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        t = self.field_total[name]
        return self.field_right[name] / t if t else 1.0


def _match(gold: list[dict], pred: list[dict], same) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pairs, used = [], set()
    missed = []
    for g in gold:
        best = None
        for j, p in enumerate(pred):
            if j in used or p["end"] <= g["start"] or g["end"] <= p["start"]:
                continue
            if same(g, p):
                best = j
                break
        if best is None:
            missed.append(g)
        else:
            used.add(best)
            pairs.append((g, pred[best]))
    extra = [p for j, p in enumerate(pred) if j not in used]
    return pairs, missed, extra


def evaluate_references(split: str = "test", corpus: Path | None = None,
                        annotations: Path | None = None) -> RefReport:
    """Compare ``extract_references`` (through ``analyze``) with the gold mentions of ``split``."""
    from .pipeline import analyze

    report = RefReport(split)
    for name, raw, gold in annotated_docs("references", split, corpus, annotations):
        report.docs += 1
        pred = [r.to_dict() for r in analyze(raw).references]
        for form, prf in (("numbered", report.numbered), ("named", report.named)):
            g = [r for r in gold if r["form"] == form]
            p = [r for r in pred if r["form"] == form]
            same = (lambda a, b: a["symbol"] == b["symbol"]) if form == "numbered" else (
                lambda a, b: True)
            pairs, missed, extra = _match(g, p, same)
            prf.tp += len(pairs)
            prf.fn += len(missed)
            prf.fp += len(extra)
            for m in missed:
                report.errors.append(f"{name}\tmissed {form}\t{m['start']}\t{m['text']!r}")
            for e in extra:
                report.errors.append(f"{name}\textra {form}\t{e['start']}\t{e['text']!r}")
            for gr, pr in pairs:
                for f in REF_FIELDS:
                    report.field_total[f] += 1
                    ok = _norm(gr[f]) == _norm(pr[f])
                    if f == "title" and not ok:
                        ok = _loose(gr[f]) == _loose(pr[f])
                    if ok:
                        report.field_right[f] += 1
                    else:
                        report.errors.append(
                            f"{name}\tfield {f}\t{gr['start']}\tgold={gr[f]!r}\tpred={pr[f]!r}")
                report.field_total["span"] += 1
                if (gr["start"], gr["end"]) == (pr["start"], pr["end"]):
                    report.field_right["span"] += 1
    return report


def format_report(rep: RefReport, errors: bool = False) -> str:
    lines = [f"references on split {rep.split!r}: {rep.docs} documents"]
    for label, prf in (("numbered", rep.numbered), ("named", rep.named)):
        lines.append(f"  {label:9s} P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f} "
                     f"(tp={prf.tp} fp={prf.fp} fn={prf.fn})")
    lines.append("  field accuracy on matched mentions:")
    for f in (*REF_FIELDS, "span"):
        lines.append(f"    {f:12s} {rep.accuracy(f):.3f} ({rep.field_right[f]}/{rep.field_total[f]})")
    if errors:
        lines.append("errors:")
        lines.extend("  " + e for e in rep.errors)
    return "\n".join(lines)


# --- tasks and targets ---------------------------------------------------------------------------

TARGET_FIELDS = ("value", "value_max", "unit", "comparator", "deadline", "metric")
TASK_FIELDS = ("responsible", "coordinating", "deadline", "action")


def _token_f1(a: str | None, b: str | None) -> float:
    ta, tb = (_loose(a) or "").split(), (_loose(b) or "").split()
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(tb), common / len(ta)
    return 2 * p * r / (p + r)


def _gold_items(raw: str, recs: list[dict], current: list | None = None):
    """(an Item for each annotated span with its section, its gold records, the headings above it,
    the current segmenter's item it overlaps most) of one document; ``current`` are that document's
    items when the caller has them."""
    from .normalize import normalize
    from .parse import deadline_context
    from .records import Item
    from .segment import segment

    if current is None:
        current = segment(normalize(raw))
    spans: dict[tuple[int, int], list[dict]] = {}
    for r in recs:
        spans.setdefault((r["start"], r["end"]), []).append(r)
    out = []
    for (s, e), group in spans.items():
        host = max(current, key=lambda it: min(e, it.end) - max(s, it.start), default=None)
        clean = " ".join(normalize(raw[s:e]).text.split())
        item = Item(text=raw[s:e], start=s, end=e, index=group[0].get("index", 0), clean=clean,
                    section=host.section if host else None, section_index=None)
        out.append((item, group, deadline_context(host, current) if host else [], host))
    return out


@dataclass
class FieldReport:
    name: str
    split: str
    records: PRF = field(default_factory=PRF)
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def accuracy(self, f: str) -> float:
        return self.right[f] / self.total[f] if self.total[f] else 1.0


def _num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-9


def evaluate_targets(split: str = "test", corpus: Path | None = None,
                     annotations: Path | None = None) -> FieldReport:
    """Records found (by value) and per-field accuracy of :func:`parse_targets` on gold target items."""
    from .parse import parse_targets

    rep = FieldReport("targets", split)
    for name, raw, recs in annotated_docs("targets", split, corpus, annotations):
        recs = [r for r in recs if not r.get("not_target")]
        for item, gold, chain, _host in _gold_items(raw, recs):
            pred = [t.to_dict() for t in parse_targets(item, chain)]
            used: set[int] = set()
            for g in gold:
                j = next((k for k, p in enumerate(pred) if k not in used and _num_eq(p["value"], g["value"])),
                         None)
                if j is None:
                    rep.records.fn += 1
                    rep.errors.append(f"{name}\t{item.start}\tmissed value={g['value']}\t{item.clean[:80]}")
                    continue
                used.add(j)
                rep.records.tp += 1
                p = pred[j]
                for f in TARGET_FIELDS:
                    rep.total[f] += 1
                    if f in {"value", "value_max"}:
                        ok = _num_eq(p[f], g[f])
                    elif f == "metric":
                        ok = _token_f1(g[f], p[f]) >= 0.5
                    else:
                        ok = _norm(p[f]) == _norm(g[f]) or (_loose(p[f]) == _loose(g[f]))
                    rep.right[f] += ok
                    if not ok:
                        rep.errors.append(f"{name}\t{item.start}\t{f}\tgold={g[f]!r}\tpred={p[f]!r}")
            rep.records.fp += len(pred) - len(used)
    return rep


def _names(xs) -> set[str]:
    return {_loose(x) for x in xs or [] if x}


def evaluate_tasks(split: str = "test", corpus: Path | None = None,
                   annotations: Path | None = None) -> FieldReport:
    """Per-field accuracy of :func:`parse_task` on gold task items."""
    from .normalize import normalize
    from .parse import parse_tasks, task_context
    from .segment import segment

    rep = FieldReport("tasks", split)
    for name, raw, recs in annotated_docs("tasks", split, corpus, annotations):
        current = segment(normalize(raw))
        context = task_context(current)
        gold_items = _gold_items(raw, recs, current)
        tasks = parse_tasks((item, *(context(host) if host else (None, None, None)))
                            for item, _gold, _chain, host in gold_items)
        for (item, gold, _chain, _host), task in zip(gold_items, tasks):
            g = gold[0]
            p = task.to_dict()
            rep.records.tp += 1
            for f in TASK_FIELDS:
                rep.total[f] += 1
                if f in {"responsible", "coordinating"}:
                    ok = _names(p[f]) == _names(g[f])
                elif f == "action":
                    ok = _token_f1(g[f], p[f]) >= 0.5
                else:
                    ok = _loose(p[f]) == _loose(g[f])
                rep.right[f] += ok
                if not ok:
                    rep.errors.append(f"{name}\t{item.start}\t{f}\tgold={g[f]!r}\tpred={p[f]!r}")
    return rep


def format_fields(rep: FieldReport, errors: bool = False) -> str:
    fields = TARGET_FIELDS if rep.name == "targets" else TASK_FIELDS
    lines = [f"{rep.name} on split {rep.split!r}: {rep.records.tp + rep.records.fn} gold records"]
    if rep.name == "targets":
        r = rep.records
        lines.append(f"  records (matched by value) P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}")
    lines.append("  field accuracy (metric and action: token F1 >= 0.5):")
    for f in fields:
        lines.append(f"    {f:13s} {rep.accuracy(f):.3f} ({rep.right[f]}/{rep.total[f]})")
    if errors:
        lines += ["errors:"] + ["  " + e for e in rep.errors]
    return "\n".join(lines)
