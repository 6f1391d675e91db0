import pytest

from extract import extract_text
from extract.fields.date import parse_date
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("dates"))
def test_date(case):
    record = extract_text(case["text"])
    assert (record.date.value if record.date else None) == case["expect"]
    assert_spans_grounded(record, case["text"])


@pytest.mark.parametrize("text, iso", [
    ("2023年5月5日", "2023-05-05"),
    ("二〇〇六年十月十八日", "2006-10-18"),
    ("一九九六年二月九日", "1996-02-09"),
    ("二〇〇四年九月二十三日", "2004-09-23"),
    ("二〇二三年十二月三十一日", "2023-12-31"),
    ("2025-07-31", "2025-07-31"),
    ("2023年2月30日", None),
    ("二〇二三年十三月一日", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso
