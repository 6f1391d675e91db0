"""Quantities in running text: the case table (tests/cases/numerals.yaml, section `quantities`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.quantities import find_quantities, parse_quantity
from tests.numeral_cases import close, numeral_cases


@pytest.mark.parametrize("case", numeral_cases("quantities"))
def test_quantity(case):
    got = find_quantities(case["text"])
    assert [q.text for q in got] == [str(e[0]) for e in case["expect"]]
    for q, (text, value, unit, approx, *bounds) in zip(got, case["expect"], strict=True):
        assert close(q.value, value), (text, q.value)
        assert q.unit == unit and q.approx == approx, (text, q.unit, q.approx)
        if bounds:
            assert close(q.low, bounds[0]) and close(q.high, bounds[1])
        assert case["text"][q.start:q.end] == q.text


def test_rates_name_their_denominator():
    assert find_quantities("按150元/千瓦时补助")[0].per == "千瓦时"
    assert find_quantities("每立方米2.4元左右")[0].per == "立方米"
    assert find_quantities("300元/平方米")[0].per == "平方米"


def test_blocked_spans_are_never_read():
    text = "第152086号提案，新建公园3个"
    assert [q.text for q in find_quantities(text, blocked=[(0, 9)])] == ["3个"]


def test_windows_limit_the_reading():
    text = "新建公园3个，改造绿道10公里"
    assert [q.text for q in find_quantities(text, windows=[(7, len(text))])] == ["10公里"]


def test_parse_quantity_wants_one_quantity():
    assert parse_quantity("3个和5个") is None
    assert parse_quantity("约1.2万人").approx == "约"


@given(st.text(alphabet="0123456789一二两三十百千万亿余多约近超不足以上下内个家元%-至、和.,每/年月日号", max_size=30))
def test_quantities_never_crash_and_stay_in_bounds(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
