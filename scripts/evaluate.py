#!/usr/bin/env python3
"""Extract a folder of gold-annotated letters and score it with ../shared/eval/score.py.

Usage: python scripts/evaluate.py [FOLDER] [--misses] [--json]

FOLDER (default samples/) holds letters beside NAME.gold.json files, in subfolders too. Letters in
another encoding than UTF-8 are decoded by extract and handed to the scorer as UTF-8 copies, so
every sample counts (score.py reads sources as UTF-8).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from extract import extract_file, record_json
from extract.load import load_file

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "samples")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"scorer not found at {SCORER}", file=sys.stderr)
        return 2
    golds = sorted(args.folder.rglob("*.gold.json"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lines = []
        for gold_path in golds:
            doc = json.loads(gold_path.read_text(encoding="utf-8"))["doc"]
            source = gold_path.parent / doc
            shutil.copy(gold_path, work / gold_path.name)
            (work / doc).write_bytes(load_file(source).text.encode("utf-8"))
            lines.append(record_json(extract_file(source)))
        (work / "pred.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [sys.executable, str(SCORER), "--pred", str(work / "pred.jsonl"), "--gold", str(work)]
        cmd += ["--misses"] if args.misses else []
        cmd += ["--json"] if args.json else []
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
