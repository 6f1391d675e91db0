#!/usr/bin/env python3
"""Benchmark: letters per second of the whole pipeline, per stage, against baselines run in the same process.

Usage: python scripts/bench.py [FOLDER ...] [--repeat N]

Reads the .txt letters under the folders (default: samples/ and ../shared/corpus/dev if present) and
reports, per letter on this machine and core: the pipeline's stages (normalize, layout, fields and
validation), record serialisation, and two baselines measured in the same run — `regex30` (30 compiled
regex passes over the text, the floor any extractor of this kind pays) and `rjieba` (segmenting the
whole letter once). Ratios against the baselines are comparable across machines; absolute times are not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

from extract.batch import record_json
from extract.layout import find_layout
from extract.models import Source
from extract.normalize import normalize
from extract.pipeline import _fields, extract_text

ROOT = Path(__file__).resolve().parent.parent
_BASELINE_PATTERNS = [regex.compile(p) for p in (
    r"\d+", r"[一二三四五六七八九十]+", r"第\d+号", r"〔\d{4}〕", r"\d{4}年", r"\d+月", r"\d+日", r"[。！？]",
    r"委员|代表", r"提案|建议", r"关于", r"收悉", r"联系人", r"电话", r"邮政编码", r"附件", r"抄送",
    r"下一步", r"将", r"力争", r"计划", r"万元|亿元", r"%", r"个|家|项", r"截至", r"累计", r"\n\n", r"：",
    r"《[^》]*》", r"“[^”]*”")]


def _regex30(text: str) -> int:
    return sum(1 for p in _BASELINE_PATTERNS for _ in p.finditer(text))


def _time_per_item(fn: Callable[[Any], object], items: list[Any], repeat: int) -> float:
    """Median over repeats of the mean seconds per item."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        runs.append((time.perf_counter() - start) / len(items))
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folders = args.folders or [p for p in (ROOT / "samples", ROOT.parent / "shared" / "corpus" / "dev") if p.is_dir()]
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            data = path.read_bytes()
            try:
                texts.append(data.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(data.decode("gb18030"))
    if not texts:
        print("no .txt letters found", file=sys.stderr)
        return 2
    import rjieba

    source = Source(path="<bench>")
    docs = [normalize(t) for t in texts]
    pairs = [(d, find_layout(d)) for d in docs]
    records = [extract_text(t) for t in texts]
    r = args.repeat
    rows = [
        ("baseline regex30", _time_per_item(_regex30, texts, r)),
        ("baseline rjieba.cut", _time_per_item(rjieba.cut, texts, r)),
        ("normalize", _time_per_item(normalize, texts, r)),
        ("layout", _time_per_item(find_layout, docs, r)),
        ("fields + validation", _time_per_item(lambda p: _fields(p[0], p[1], source), pairs, r)),
        ("record_json", _time_per_item(record_json, records, r)),
        ("pipeline (extract_text)", _time_per_item(extract_text, texts, r)),
    ]
    chars = statistics.mean(len(t) for t in texts)
    base = rows[0][1]
    print(f"{len(texts)} letters, mean {chars:.0f} characters, {args.repeat} repeats (median)")
    print(f"{'stage':<26}{'ms/letter':>10}{'letters/s':>11}{'x regex30':>11}")
    for name, secs in rows:
        print(f"{name:<26}{secs * 1000:>10.3f}{1 / secs:>11.0f}{secs / base:>11.1f}")
    pipeline = rows[-1][1] + rows[5][1]
    per_2000 = pipeline * 2000 / chars
    print(f"pipeline + JSON: {1 / pipeline:.0f} letters/s; scaled to 2,000-character letters: "
          f"{1 / per_2000:.0f} letters/s per core (target 400)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
