import pytest

from extract import extract_text
from tests.conftest import load_cases


@pytest.mark.parametrize("case", load_cases("doc_type"))
def test_doc_type(case):
    assert extract_text(case["text"]).doc_type == case["expect"]
