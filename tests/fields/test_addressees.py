import pytest

from extract import extract_text
from extract.fields.addressees import parse_addressees
from tests.conftest import load_cases
from tests.spans import assert_spans_grounded


@pytest.mark.parametrize("case", load_cases("addressees"))
def test_addressees(case):
    record = extract_text(case["text"])
    got = [[a.name, a.role, a.kind] for a in record.addressees]
    assert got == case["expect"]
    for a in record.addressees:
        assert case["text"][a.start:a.end] == a.name
    assert_spans_grounded(record, case["text"])


def test_parse_keeps_offsets_inside_the_name_part():
    names = parse_addressees("尊敬的马凌、宋聚宗委员")
    assert [(s, e, n) for s, e, n, _ in names] == [(3, 5, "马凌"), (6, 9, "宋聚宗")]
