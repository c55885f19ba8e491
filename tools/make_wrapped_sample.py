"""Write the converter-style copy of the sample: header as a table, markdown bold, hard wraps.

``python tools/make_wrapped_sample.py`` regenerates ``corpus/samples/*-wrapped.txt`` from the clean
sample, the way Word/PDF-to-markdown converters lay such documents out.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def wrap(text: str) -> str:
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        if re.match(r"^(?:[IVX]+\.|[A-ZĐỦ ]+$)", lines[0]) and len(lines) == 1 and len(para) < 90:
            out.append(f"**{para}**")
        elif len(lines) == 1:
            out.append("\n".join(textwrap.wrap(para, width=72, break_on_hyphens=False)))
        else:
            out.append(para)
    body = "\n\n".join(out)
    return body.replace("Số: ", "Số:\u00a0", 1).replace("\n", "\r\n")


def main() -> None:
    src = SAMPLES / "ct-sample-chuyen-doi-so.txt"
    text = src.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n\nSố:")
    table = "|\n" + head.replace("\n\n", "\n|\n").replace("ỦY BAN NHÂN DÂN\n", "**ỦY BAN NHÂN DÂN\n**") + "\n|"
    (SAMPLES / "ct-sample-chuyen-doi-so-wrapped.txt").write_text(
        table.replace("\n", "\r\n") + "\r\n\r\n" + wrap("Số:" + rest), encoding="utf-8", newline="")


if __name__ == "__main__":
    main()
