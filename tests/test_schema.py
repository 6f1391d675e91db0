"""The committed JSON Schema matches the models, and records validate against it."""

import json
import subprocess
import sys
from pathlib import Path

from extract import extract_text

ROOT = Path(__file__).resolve().parent.parent


def test_schema_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_schema.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_schema_names_the_scored_fields():
    schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    for name in ("doc_type", "title", "issuer", "doc_number", "date", "reference", "addressees",
                 "handling_result", "disclosure", "contact", "indicators", "commitments", "source", "status"):
        assert name in schema["properties"]


def test_record_dump_round_trips():
    record = extract_text("王一委员：\n\n您提出的《关于某事的提案》收悉。\n\n某某局\n\n2023年5月5日\n")
    dumped = record.model_dump(mode="json")
    assert type(record).model_validate(dumped) == record
