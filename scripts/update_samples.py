#!/usr/bin/env python3
"""Write each sample's expected record (samples/**/NAME.expected.json) from the current extractor.

Usage: python scripts/update_samples.py

Review the diff before committing: the expected records are the specification that
tests/test_samples.py holds the extractor to. `source.path` is stored relative to samples/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extract import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LETTER_SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}


def expected_record(path: Path) -> dict[str, object]:
    """The record of one sample, with its path relative to samples/."""
    record = extract_file(path).model_dump(mode="json")
    record["source"]["path"] = path.relative_to(SAMPLES).as_posix()
    return record


def expected_path(letter: Path) -> Path:
    return letter.with_name(letter.stem + ".expected.json")


def main() -> int:
    letters = sorted(p for p in SAMPLES.rglob("*") if p.suffix in LETTER_SUFFIXES and p.is_file())
    for letter in letters:
        text = json.dumps(expected_record(letter), ensure_ascii=False, indent=1) + "\n"
        expected_path(letter).write_text(text, encoding="utf-8")
    print(f"wrote {len(letters)} expected records under {SAMPLES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
