import pytest

from extract import extract_text
from extract.fields.handling_result import categorize
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("handling"))
def test_handling_result_and_disclosure(case):
    record = extract_text(case["text"])
    expect = case["expect"]
    result = record.handling_result
    assert (result.text if result else None) == expect["handling_result"]
    assert (result.category if result else None) == expect["category"]
    assert (record.disclosure.text if record.disclosure else None) == expect["disclosure"]
    assert_spans_grounded(record, case["text"])


@pytest.mark.parametrize("text, category", [
    ("A类", "resolved"), ("采纳或解决", "resolved"), ("解决", "resolved"), ("B类", "in_progress"),
    ("正在解决或列入计划解决", "in_progress"), ("C类", "for_reference"), ("留作参考", "for_reference"),
    ("因条件限制不能解决，作出说明", "explained"), ("其他", None),
])
def test_categorize(text, category):
    assert categorize(text) == category
