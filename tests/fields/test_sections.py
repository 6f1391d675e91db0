"""Sections, banner, 抄送 and 附件 (fields/sections.py, banner.py, cc.py, attachments.py)."""

import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("closing"))
def test_closing_fields(case):
    record = extract_text(case["text"])
    expect = case["expect"]
    assert (record.banner.text if record.banner else None) == expect["banner"]
    assert [[s.heading, s.level] for s in record.sections] == expect["sections"]
    assert (record.cc.text if record.cc else None) == expect["cc"]
    assert [a.text for a in record.attachments] == expect["attachments"]
    assert_spans_grounded(record, case["text"])
