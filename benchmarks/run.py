"""Benchmarks of vn_directives on the shared corpus, all figures from one run.

    python benchmarks/run.py            # the full run (all of ../shared/corpus/docs)
    python benchmarks/run.py --quick    # a few documents: a smoke run that keeps this script working

Reports: the time of ``analyze`` against bare ``underthesea.word_tokenize`` over the same text (a
ratio), ``extract_references`` throughput in MB/s, the speed-up of ``analyze_many`` on 2 processes,
and the peak RSS of a streaming run over 24 and over 240 documents (each in a fresh process).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def _texts(paths: list[Path]) -> list[str]:
    return [p.read_bytes().decode("utf-8") for p in paths]


def bench_analyze_vs_tokenize(texts: list[str]) -> dict:
    import underthesea

    import vn_directives as vd

    vd.analyze("Số: 01/CT-UBND\nCHỈ THỊ")  # load the models once, outside the timing
    underthesea.word_tokenize("khởi động")
    t0 = time.perf_counter()
    for t in texts:
        underthesea.word_tokenize(t)
    t_tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        vd.analyze(t)
    t_an = time.perf_counter() - t0
    return {"word_tokenize_s": round(t_tok, 3), "analyze_s": round(t_an, 3),
            "ratio_analyze_over_word_tokenize": round(t_an / t_tok, 3)}


def bench_references(texts: list[str], repeat: int) -> dict:
    import vn_directives as vd

    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for t in texts:
            n += len(vd.extract_references(t))
    dt = time.perf_counter() - t0
    return {"references": n // repeat, "mb_per_s": round(size / dt / 1e6, 2)}


def bench_parallel(paths: list[Path]) -> dict:
    import vn_directives as vd

    list(vd.analyze_many(paths[:2]))
    t0 = time.perf_counter()
    one = sum(len(d.items) for d in vd.analyze_many(paths, n_process=1))
    t1 = time.perf_counter() - t0
    t0 = time.perf_counter()
    two = sum(len(d.items) for d in vd.analyze_many(paths, n_process=2))
    t2 = time.perf_counter() - t0
    assert one == two, "parallel run gave other results"
    return {"one_process_s": round(t1, 3), "two_processes_s": round(t2, 3), "speedup": round(t1 / t2, 2)}


def _peak_child(paths: list[Path]) -> int:
    # VmHWM of the child itself (ru_maxrss would carry the parent's peak across exec)
    code = ("import sys, vn_directives as vd\n"
            "n = sum(len(d.items) for d in vd.analyze_many(sys.argv[1:]))\n"
            "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.split()[-1])


def bench_memory(paths: list[Path], small: int) -> dict:
    a = _peak_child(paths[:small])
    b = _peak_child(paths)
    return {f"peak_rss_kb_{small}_docs": a, f"peak_rss_kb_{len(paths)}_docs": b,
            "ratio": round(b / a, 3)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few documents only")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        raise SystemExit(2)
    paths = sorted(args.corpus.glob("*.txt"))
    if args.quick:
        paths = paths[:6]
    texts = _texts(paths)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    res = {"documents": len(paths), "megabytes": round(size_mb, 2)}
    res["analyze_vs_word_tokenize"] = bench_analyze_vs_tokenize(texts)
    res["extract_references"] = bench_references(texts, 1 if args.quick else 3)
    res["analyze_many"] = bench_parallel(paths)
    res["memory"] = bench_memory(paths, 2 if args.quick else 24)
    res["self_peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(res, indent=1))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return res


if __name__ == "__main__":
    main()
