"""The ``vn-directives`` command line (typer).

Exit codes: 0 success; 1 some documents could not be read (their records carry an ``error:``
warning); 2 bad usage or no readable input.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .tables import TABLES

app = typer.Typer(
    help="Structured records from Vietnamese government directives, plans and decisions.\n\n"
    "Exit codes: 0 success; 1 some documents failed (reported in their records); 2 bad usage.",
    no_args_is_help=True,
    add_completion=False,
)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


def expand_inputs(paths: list[str]) -> list[Path]:
    """Files named, files under directories (``*.txt``, recursively) and glob matches, in order."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*.txt") if q.is_file()))
        elif path.exists():
            out.append(path)
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise typer.BadParameter(f"no such file, directory or glob match: {p}")
            out.extend(Path(m) for m in matches if Path(m).is_file())
    return out


def _write_atomic(target: Path, write) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".vnd-", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs of documents.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    table: Annotated[str, typer.Option("--table", "-t",
                                       help=f"Table to write: {', '.join(TABLES)}, or 'all' "
                                       "(whole documents; jsonl/json only).")] = "items",
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write here (atomically) instead of stdout.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", "-n", min=1,
                                           help="Worker processes.")] = 1,
    encoding: Annotated[str | None, typer.Option(
        help="Force the input encoding (utf-8, cp1258, tcvn3, vni, viscii or any Python codec).")] = None,
) -> None:
    """Analyze documents and write their records."""
    from .pipeline import analyze_many
    from .tables import rows

    if table != "all" and table not in TABLES:
        raise typer.BadParameter(f"--table must be one of {', '.join(TABLES)} or all")
    if table == "all" and fmt not in (Format.jsonl, Format.json):
        raise typer.BadParameter("--table all needs --format jsonl or json")
    files = expand_inputs(paths)
    if not files:
        typer.echo("no input documents", err=True)
        raise typer.Exit(2)
    if output is not None and any(output.resolve() == f.resolve() for f in files):
        typer.echo(f"refusing to overwrite an input file: {output}", err=True)
        raise typer.Exit(2)
    progress = len(files) > 1 and sys.stderr.isatty()
    records: list[dict] = []
    failed = 0
    for doc in analyze_many(files, n_process=n_process, progress=progress, encoding=encoding):
        if any(w.startswith("error:") for w in doc.warnings):
            failed += 1
            typer.echo(f"{doc.source}: {doc.warnings[0]}", err=True)
        if table == "all":
            d = doc.to_dict()
            d.pop("text", None)
            records.append(d)
        else:
            records.extend(rows(doc, table, doc.source))
    _emit(records, fmt, output, table)
    if failed:
        raise typer.Exit(1 if failed < len(files) else 2)


def _emit(records: list[dict], fmt: Format, output: Path | None, table: str) -> None:
    if fmt in (Format.csv, Format.parquet):
        from .tables import frame, schema

        df = frame(records, schema(table))
        if fmt == Format.csv:
            if output is None:
                df.to_csv(sys.stdout, index=False)
            else:
                _write_atomic(output, lambda p: df.to_csv(p, index=False))
            return
        if output is None:
            typer.echo("--format parquet needs --output FILE", err=True)
            raise typer.Exit(2)
        _write_atomic(output, lambda p: df.to_parquet(p, index=False))
        return
    if fmt == Format.json:
        text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_atomic(output, lambda p: Path(p).write_text(text, encoding="utf-8"))


@app.command()
def refs(path: Annotated[Path, typer.Argument(help="One document.")]) -> None:
    """Show the references of one document as a table."""
    from rich.console import Console
    from rich.table import Table

    from .pipeline import analyze as run

    doc = run(path)
    t = Table(title=f"{path.name}: {doc.meta.doc_type or '?'} {doc.meta.symbol or ''}")
    for col in ("role", "doc_type", "symbol", "date", "issuer", "relation", "title"):
        t.add_column(col)
    for r in doc.references:
        t.add_row(r.role, r.doc_type or "", r.symbol or "", r.date or "", r.issuer or "",
                  r.relation, (r.title or "")[:60])
    Console().print(t)


evaluate_app = typer.Typer(help="Measure the library on the annotated corpus.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("references")
def evaluate_references(
    split: Annotated[str, typer.Option(help="train, dev, test or all")] = "test",
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
    annotations: Annotated[Path | None, typer.Option(help="Annotation folder.")] = None,
) -> None:
    """Precision/recall/F1 of numbered and named references, and per-field accuracy."""
    from .evaluate import evaluate_references as run
    from .evaluate import format_report

    report = run(split=split, corpus=corpus, annotations=annotations)
    typer.echo(format_report(report))


@evaluate_app.command("targets")
def evaluate_targets(
    split: Annotated[str, typer.Option(help="train, dev, test or all")] = "test",
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
) -> None:
    """Records found and per-field accuracy of target parsing on annotated target items."""
    from .evaluate import evaluate_targets as run
    from .evaluate import format_fields

    typer.echo(format_fields(run(split=split, corpus=corpus)))


@evaluate_app.command("tasks")
def evaluate_tasks(
    split: Annotated[str, typer.Option(help="train, dev, test or all")] = "test",
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
) -> None:
    """Per-field accuracy of task parsing on annotated task items."""
    from .evaluate import evaluate_tasks as run
    from .evaluate import format_fields

    typer.echo(format_fields(run(split=split, corpus=corpus)))


@evaluate_app.command("items")
def evaluate_items(
    split: Annotated[str, typer.Option(help="train, dev, test or all")] = "test",
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
) -> None:
    """Per-class precision/recall/F1 of the shipped kind and sector models."""
    from .classify.train import evaluate_shipped

    res = evaluate_shipped(split=split, corpus=corpus)
    typer.echo(f"items on split {split!r}: {res['items']}")
    for target in ("kind", "sector"):
        r = res[target]
        typer.echo(f"{target}: macro-F1 {r['macro_f1']:.3f}, accuracy {r['accuracy']:.3f}")
        for label, m in r["per_class"].items():
            if m["support"]:
                typer.echo(f"  {label:30s} P={m['precision']:.3f} R={m['recall']:.3f} "
                           f"F1={m['f1']:.3f} n={m['support']}")


@app.command()
def train(
    quick: Annotated[bool, typer.Option(help="Skip the SVM and the feature ablations.")] = False,
    models_dir: Annotated[Path | None, typer.Option(help="Where to write the model files.")] = None,
    report_dir: Annotated[Path | None, typer.Option(help="Where to write REPORT.md.")] = None,
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
) -> None:
    """Train the kind and sector classifiers from corpus/annotations (fixed seed) and report."""
    from .classify.train import run

    res = run(out_models=models_dir, report_dir=report_dir, quick=quick, corpus=corpus)
    for target, r in res["targets"].items():
        m = r["models"][r["chosen"]]
        typer.echo(f"{target}: {r['chosen']} dev macro-F1 {m['dev']['macro_f1']:.3f}, "
                   f"test macro-F1 {m['test']['macro_f1']:.3f}")


def main() -> None:  # pragma: no cover
    app()
