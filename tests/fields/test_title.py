import pytest

from extract import extract_text
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("title"))
def test_title(case):
    record = extract_text(case["text"])
    assert (record.title.text if record.title else None) == case["expect"]
    assert_spans_grounded(record, case["text"])
