import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("issuer"))
def test_issuer(case):
    record = extract_text(case["text"])
    assert (record.issuer.text if record.issuer else None) == case["expect"]
    assert_spans_grounded(record, case["text"])
