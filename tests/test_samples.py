"""Golden samples: letters written for the project, each beside its hand-made gold (samples/*.gold.json).

Header fields and addressees must equal the gold exactly (compared as ../shared/eval/score.py
compares them); every span of every record must point at what it claims.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from extract import extract_file
from extract.load import load_file
from tests.spans import assert_spans_grounded

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLDS = sorted(SAMPLES.rglob("*.gold.json"))
HEADER = ["doc_type", "title", "issuer", "doc_number", "date", "reference.kind", "reference.number",
          "reference.term", "reference.session", "reference.title", "handling_result", "disclosure",
          "contact.person", "contact.phone", "contact.postcode"]
BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕",
                          "（": "〔", "）": "〕"})


def _pick(record: dict, dotted: str):
    cur = record
    for part in dotted.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    if isinstance(cur, dict):
        return cur.get("value") if dotted == "date" else next(
            (cur[k] for k in ("text", "value", "name") if cur.get(k) is not None), None)
    return cur


def _norm(field: str, value):
    if value is None:
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).strip("：:，,。.；;“”\"'《》") or None
    if text and field == "doc_number":
        text = text.translate(BRACKETS)
    if text and field == "contact.phone":
        text = re.sub(r"[^0-9]", "", text)
    if text and field == "reference.number":
        text = text.lstrip("第").rstrip("号").lstrip("0") or "0"
    return text


def test_there_are_enough_samples():
    assert len(GOLDS) >= 12


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_sample_header_matches_gold(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = extract_file(gold_path.parent / gold["doc"])
    assert record.status == "ok", record.error
    got = record.model_dump(mode="json")
    for field in HEADER:
        assert _norm(field, _pick(got, field)) == _norm(field, _pick(gold, field)), field
    assert sorted(a["name"] for a in got["addressees"]) == sorted(a["name"] for a in gold["addressees"])
    assert_spans_grounded(record, load_file(gold_path.parent / gold["doc"]).text)


LETTERS = sorted(p for p in SAMPLES.rglob("*.txt"))


@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.stem)
def test_sample_record_equals_its_expected_record(letter: Path):
    """The whole record is the reviewed expected record (regenerate with scripts/update_samples.py)."""
    expected = json.loads(letter.with_name(letter.stem + ".expected.json").read_text(encoding="utf-8"))
    got = extract_file(letter).model_dump(mode="json")
    got["source"]["path"] = letter.relative_to(SAMPLES).as_posix()
    assert got == expected
