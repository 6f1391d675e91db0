import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("reference"))
def test_reference(case):
    record = extract_text(case["text"])
    expect = case["expect"]
    if expect is None:
        assert record.reference is None
        return
    assert record.reference is not None
    got = record.reference.model_dump()
    assert {k: got[k] for k in expect} == expect
    assert_spans_grounded(record, case["text"])
