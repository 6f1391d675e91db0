import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("doc_number"))
def test_doc_number(case):
    record = extract_text(case["text"])
    expect = case["expect"]
    if expect is None:
        assert record.doc_number is None
        return
    number = record.doc_number
    assert number is not None
    assert (number.text, number.agency_code, number.year, number.serial) == (
        expect["text"], expect["agency_code"], expect["year"], expect["serial"])
    codes = sorted(w.code for w in record.warnings if w.field == "doc_number")
    assert codes == sorted(expect["warnings"])
    assert_spans_grounded(record, case["text"])
