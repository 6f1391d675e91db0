#!/usr/bin/env python3
"""Write the JSON Schema of the output record to schemas/record.schema.json (from extract.models).

Usage: python scripts/export_schema.py [--check]
--check exits 1 when the file on disk is stale, without writing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.models import SCHEMA_VERSION, Record

TARGET = Path(__file__).resolve().parent.parent / "schemas" / "record.schema.json"


def schema_text() -> str:
    """The schema as it should be on disk: stable key order, trailing newline."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://example.invalid/extract/record-{SCHEMA_VERSION}.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the file on disk is stale")
    args = parser.parse_args()
    text = schema_text()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python scripts/export_schema.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
