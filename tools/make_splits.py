"""Write corpus/splits.tsv: a fixed train/dev/test split of ../shared/corpus/docs by issuer group.

Documents of one issuing body (taken from the file name) share a split, so that a model is
measured on issuers it never saw. Run once; the file it writes is the split of record.
"""
from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261128
TEST_SHARE, DEV_SHARE = 0.2, 0.15


def issuer_group(name: str) -> str:
    stem = name.removesuffix(".txt")
    if "-nonum-" in stem:
        return stem
    rest = re.sub(r"^[a-z]+-[0-9]+-", "", stem)
    rest = re.sub(r"-?[0-9]{4}$", "", rest)
    return rest or stem


def main(corpus: Path, out: Path) -> None:
    files = sorted(p.name for p in (corpus / "docs").glob("*.txt"))
    groups: dict[str, list[str]] = defaultdict(list)
    for f in files:
        groups[issuer_group(f)].append(f)
    keys = sorted(groups)
    random.Random(SEED).shuffle(keys)
    n = len(files)
    split_of: dict[str, str] = {}
    counts = {"test": 0, "dev": 0}
    for k in keys:
        size = len(groups[k])
        if counts["test"] + size <= TEST_SHARE * n + 2:
            s = "test"
        elif counts["dev"] + size <= DEV_SHARE * n + 2:
            s = "dev"
        else:
            s = "train"
        counts[s] = counts.get(s, 0) + size
        for f in groups[k]:
            split_of[f] = s
    lines = ["file\tgroup\tsplit"] + [f"{f}\t{issuer_group(f)}\t{split_of[f]}" for f in files]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(counts, "train", n - counts["test"] - counts["dev"])


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "corpus",
         root / "corpus" / "splits.tsv")
