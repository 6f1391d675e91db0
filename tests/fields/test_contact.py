import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("contact"))
def test_contact(case):
    record = extract_text(case["text"])
    expect = case["expect"]
    if expect is None:
        assert record.contact is None
        return
    assert record.contact is not None
    got = record.contact.model_dump()
    assert {k: got[k] for k in expect} == expect
    assert_spans_grounded(record, case["text"])
